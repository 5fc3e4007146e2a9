"""Keep the parsed form of each knowledge-base file, so a cold start need not parse YAML.

Parsing the YAML files is most of the time a cold ``nightlegs assess`` spends on the knowledge
base (about a quarter of a second; reading the same documents as JSON takes a few
milliseconds). Each file's parsed document is therefore kept as JSON in the user's cache folder,
named by a hash of the file's text: an edited file has a new hash and is parsed again, so the
cache can never serve stale knowledge. Nothing a person types is ever written here.

The folder is ``$NIGHTLEGS_CACHE_DIR`` when set (an empty value turns the cache off), otherwise
the platform's user cache folder. A folder that cannot be written only costs speed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["CACHE_ENV", "cache_folder", "cached_parse"]

#: Environment variable naming the cache folder; an empty value turns the cache off.
CACHE_ENV = "NIGHTLEGS_CACHE_DIR"
#: Bumped when the stored form changes, so that old entries are never read.
_FORMAT = "1"


def cache_folder() -> Path | None:
    """The folder for parsed knowledge-base files, or None when caching is off.

    Examples
    --------
    >>> import os
    >>> os.environ[CACHE_ENV] = ""
    >>> cache_folder() is None
    True
    >>> del os.environ[CACHE_ENV]
    """
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("nightlegs")) / "knowledge"


def _as_text(value: Any) -> Any:
    # YAML reads "2026-11-01" as a date; the models accept the ISO text just as well.
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be stored as JSON")


def _dates_as_text(value: Any) -> Any:
    """``value`` as it should come back from JSON: the same, with dates as ISO text."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _store(path: Path, document: Any) -> None:
    try:
        encoded = json.dumps(document, default=_as_text, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a document JSON cannot hold is simply parsed every time
    if json.loads(encoded) != _dates_as_text(document):
        return  # e.g. a number used as a key would come back as text: not stored
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: a reader never sees half a file.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as handle:
            handle.write(encoded)
        os.replace(handle.name, path)
    except OSError:
        return


def cached_parse(text: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)``, or the document stored for this exact text by an earlier call.

    Parameters
    ----------
    text : str
        The file's text.
    parse : callable
        The parser (YAML), used when no current cache entry exists; its errors pass through.

    Returns
    -------
    Any
        The parsed document. Dates come back as ISO text when read from the cache.

    Examples
    --------
    >>> import os, tempfile, yaml
    >>> os.environ[CACHE_ENV] = tempfile.mkdtemp()
    >>> cached_parse("a: [1, 2]", yaml.safe_load)
    {'a': [1, 2]}
    >>> cached_parse("a: [1, 2]", lambda text: 1 / 0)  # served from the cache
    {'a': [1, 2]}
    >>> import shutil; shutil.rmtree(os.environ.pop(CACHE_ENV))
    """
    folder = cache_folder()
    if folder is None:
        return parse(text)
    digest = hashlib.blake2b(f"{_FORMAT}\0{text}".encode(), digest_size=20).hexdigest()
    path = folder / f"{digest}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # missing, unreadable or damaged: parse the file again
    document = parse(text)
    _store(path, document)
    return document
