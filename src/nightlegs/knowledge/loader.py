"""Load the knowledge base from the YAML files shipped inside the package.

Files are read with :mod:`importlib.resources`, validated into :mod:`nightlegs.knowledge.models`
and cached; any problem becomes a :class:`~nightlegs.errors.KnowledgeBaseError` naming the file
and the field.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from nightlegs.errors import KnowledgeBaseError
from nightlegs.knowledge._caches import knowledge_cache
from nightlegs.knowledge._parse_cache import cached_parse
from nightlegs.knowledge.models import (
    ArticleStatement,
    Claim,
    Condition,
    Finding,
    InterviewPlan,
    KnowledgeBase,
    Lexicon,
    LikelihoodTables,
    RedFlagRule,
    SelfCareAdvice,
    Spelling,
    TriageWording,
)

__all__ = ["load_knowledge_base"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_M = TypeVar("_M", bound=BaseModel)
#: The intake's spelling help; the other files in ``lexicon/`` hold rewrites.
_SPELLING = "spelling.yaml"


def _data_root() -> Traversable:
    return resources.files("nightlegs.knowledge") / "data"


def _parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


def _read_yaml(entry: Traversable, where: str) -> Any:
    try:
        text = entry.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{where}: the file is missing") from exc
    try:
        return cached_parse(text, _parse_yaml)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{where}: not valid YAML: {exc}") from exc


def _format_validation(where: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(record)"
    return f"{where}: field '{field}': {first['msg']} (got {first.get('input')!r:.80})"


def _validate(model: type[_M], raw: Any, where: str) -> _M:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise KnowledgeBaseError(_format_validation(where, exc)) from exc


def _records(entry: Traversable, key: str, where: str) -> Iterator[tuple[int, Any]]:
    document = _read_yaml(entry, where)
    if not isinstance(document, dict) or set(document) != {key}:
        raise KnowledgeBaseError(f"{where}: expected a mapping with the single key '{key}'")
    items = document[key]
    if not isinstance(items, list):
        raise KnowledgeBaseError(f"{where}: '{key}' must be a list")
    yield from enumerate(items)


def _record_where(where: str, index: int, raw: Any) -> str:
    """Name a record in an error: its file, its place in the list and, when it has one, its id.

    >>> _record_where("findings/signs.yaml", 3, {"id": "leg_swelling"})
    "findings/signs.yaml[3] (id 'leg_swelling')"
    >>> _record_where("findings/signs.yaml", 3, ["not", "a", "record"])
    'findings/signs.yaml[3]'
    """
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return f"{where}[{index}]" + (f" (id {record_id!r})" if isinstance(record_id, str) else "")


def _yaml_files(folder: Traversable) -> list[Traversable]:
    return sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)


@knowledge_cache
def load_knowledge_base(root: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """Load, validate and cache the packaged knowledge base, or the one in folder ``root``.

    Parameters
    ----------
    root : str or PathLike, optional
        A folder laid out like the packaged ``knowledge/data`` (a reviewed copy, later a
        language pack); by default the packaged one. Each folder's knowledge base is loaded
        once, and what is built from it stays with it (:meth:`KnowledgeBase.derived`).

    Returns
    -------
    KnowledgeBase
        The validated knowledge base (cached: later calls return the same object).

    Raises
    ------
    KnowledgeBaseError
        When a file is missing, is not valid YAML or breaks the schema.

    Examples
    --------
    >>> kb = load_knowledge_base()
    >>> any(c.id == "restless_legs_syndrome" for c in kb.conditions)
    True
    """
    data: Traversable = _data_root() if root is None else Path(root)
    if not data.is_dir():
        raise KnowledgeBaseError(f"{root}: expected a knowledge-base folder (with manifest.yaml)")
    return _load(data)


def _calibration_temperature(manifest: dict[str, Any]) -> float:
    value = manifest.get("calibration_temperature", 1.0)
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise KnowledgeBaseError(
            f"manifest.yaml: field 'calibration_temperature': expected a positive number, "
            f"got {value!r}"
        )
    return float(value)


def _load(root: Traversable) -> KnowledgeBase:
    manifest = _read_yaml(root / "manifest.yaml", "manifest.yaml")
    if not isinstance(manifest, dict) or "version" not in manifest:
        raise KnowledgeBaseError("manifest.yaml: expected a mapping with a 'version' key")

    conditions: list[Condition] = []
    for entry in _yaml_files(root / "conditions"):
        where = f"conditions/{entry.name}"
        condition = _validate(Condition, _read_yaml(entry, where), where)
        if entry.name != f"{condition.id}.yaml":
            raise KnowledgeBaseError(f"{where}: file name must be '{condition.id}.yaml'")
        conditions.append(condition)

    def document(model: type[_M], name: str) -> _M:
        return _validate(model, _read_yaml(root.joinpath(*name.split("/")), name), name)

    def collect(model: type[_M], folder: str, key: str) -> list[_M]:
        records: list[_M] = []
        for entry in _yaml_files(root / folder):
            where = f"{folder}/{entry.name}"
            records += [
                _validate(model, raw, _record_where(where, i, raw))
                for i, raw in _records(entry, key, where)
            ]
        return records

    # Records are validated one by one above (for precise error locations), so the container
    # is only constructed.
    return KnowledgeBase.model_construct(
        version=str(manifest["version"]),
        calibration_temperature=_calibration_temperature(manifest),
        findings=tuple(collect(Finding, "findings", "findings")),
        conditions=tuple(conditions),
        red_flags=tuple(collect(RedFlagRule, "red_flags", "red_flags")),
        self_care=tuple(collect(SelfCareAdvice, "self_care", "self_care")),
        claims=tuple(collect(Claim, "claims", "claims")),
        article=tuple(collect(ArticleStatement, "article", "statements")),
        lexicon=tuple(
            _validate(Lexicon, _read_yaml(entry, f"lexicon/{entry.name}"), f"lexicon/{entry.name}")
            for entry in _yaml_files(root / "lexicon")
            if entry.name != _SPELLING
        ),
        spelling=document(Spelling, f"lexicon/{_SPELLING}"),
        interview=document(InterviewPlan, "interview/plan.yaml"),
        likelihoods=document(LikelihoodTables, "likelihood/strengths.yaml"),
        triage_wording=document(TriageWording, "triage/levels.yaml"),
    )
