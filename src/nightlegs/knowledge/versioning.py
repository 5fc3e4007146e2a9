"""The knowledge base's version and the content it names (``nightlegs kb stamp``).

The manifest keeps, next to ``version``, a digest of every other knowledge-base file. When
the files change, the digest no longer matches and ``nightlegs kb check`` asks for a new
version, so a saved assessment's ``kb_version`` always names the knowledge it was made with.
"""

from __future__ import annotations

import hashlib
import re
from importlib.resources.abc import Traversable

import yaml

from nightlegs.knowledge.check import _documents

__all__ = ["check_version", "content_digest", "stamp_version"]


_MANIFEST = "manifest.yaml"
_DIGEST_LINE = re.compile(r"^content_digest: .*$", re.MULTILINE)
_VERSION_LINE = re.compile(r"^version: .*$", re.MULTILINE)


def content_digest() -> str:
    """A digest of every knowledge-base file except the manifest (names and text).

    The manifest stores the digest of the content its ``version`` names, so any change to a
    table, a finding, a lexicon or a wording shows as a version that needs a bump.

    Examples
    --------
    >>> len(content_digest())
    16
    """
    digest = hashlib.sha256()
    for name, entry in _documents():
        digest.update(f"{name}\0{entry.read_text(encoding='utf-8')}\0".encode())
    return digest.hexdigest()[:16]


def _manifest() -> tuple[Traversable, str, dict[str, object]]:
    from nightlegs.knowledge.loader import _data_root

    entry = _data_root() / _MANIFEST
    text = entry.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return entry, text, data if isinstance(data, dict) else {}


def check_version() -> list[str]:
    """Whether the manifest's ``version`` still names the content (an empty list when so).

    Examples
    --------
    >>> check_version()
    []
    """
    _, _, manifest = _manifest()
    stored, actual = manifest.get("content_digest"), content_digest()
    if stored == actual:
        return []
    return [
        f"{_MANIFEST}: field 'content_digest': the knowledge base changed since version "
        f"{manifest.get('version')} (stored {stored!r}, expected {actual!r}); bump the version "
        "with 'nightlegs kb stamp NEW-VERSION'"
    ]


def stamp_version(version: str) -> str:
    """Give the current content a new ``version`` in the manifest; return the digest written.

    Raises
    ------
    KnowledgeBaseError
        When ``version`` is empty or is the version the manifest already has.
    """
    from pathlib import Path

    from nightlegs.errors import KnowledgeBaseError

    entry, text, manifest = _manifest()
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,63}", version):
        raise KnowledgeBaseError(
            f"kb stamp: version {version!r} is not valid; expected letters, digits, '.', '+' "
            "or '-' (for example 2026.11.10)"
        )
    if str(manifest.get("version")) == version:
        raise KnowledgeBaseError(
            f"kb stamp: {version!r} is already the version; expected a new one"
        )
    digest = content_digest()
    text = _VERSION_LINE.sub(f'version: "{version}"', text, count=1)
    if _DIGEST_LINE.search(text):
        text = _DIGEST_LINE.sub(f'content_digest: "{digest}"', text, count=1)
    else:
        text += f'content_digest: "{digest}"\n'
    Path(str(entry)).write_text(text, encoding="utf-8")
    return digest
