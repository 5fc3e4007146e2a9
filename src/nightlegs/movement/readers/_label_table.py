"""The leg-channel label table (``data/leg_labels.json``): words and dataset labels, checked.

The table is knowledge, so it lives in a data file with a source for every dataset row (see
``docs/leg-channels.md``). It is read with :mod:`json` and checked by hand rather than through
pydantic, because it is loaded on every ``nightlegs analyze`` and pydantic alone costs more start-up
time than the whole table check; unknown keys are still refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from nightlegs.errors import KnowledgeBaseError

__all__ = ["DatasetLabels", "LabelTable", "label_table", "normalise_label"]

_TOP_KEYS = {
    "last_reviewed",
    "muscle_words",
    "short_muscle_words",
    "side_words",
    "glued_side_words",
    "exclude_words",
    "datasets",
}
_ROW_KEYS = {"id", "name", "left", "right", "unsided", "requires", "notes", "sources"}


def normalise_label(label: str) -> str:
    """Lower case, single spaces: the form exact labels are compared in.

    Examples
    --------
    >>> normalise_label("  TIB   Dx ")
    'tib dx'
    """
    return " ".join(label.lower().split())


@dataclass(frozen=True)
class DatasetLabels:
    """One row of the table: the leg labels of one dataset or vendor, with their sides."""

    id: str
    name: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    unsided: tuple[str, ...]
    requires: tuple[str, ...]
    notes: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class LabelTable:
    """Every word and label the channel finder knows (see :mod:`._channels`)."""

    last_reviewed: str
    muscle_words: frozenset[str]
    short_muscle_words: frozenset[str]
    left_words: frozenset[str]
    right_words: frozenset[str]
    glued_side_words: tuple[str, ...]
    exclude_words: frozenset[str]
    datasets: tuple[DatasetLabels, ...]


def _words(raw: dict[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise KnowledgeBaseError(f"{where}: {key!r}: expected a list of non-empty strings")
    return [str(w) for w in value]


def _row(raw: Any, i: int) -> DatasetLabels:
    where = f"leg_labels.json: datasets[{i}]"
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: expected an object")
    unknown = set(raw) - _ROW_KEYS
    if unknown or not {"id", "name", "sources"} <= set(raw):
        raise KnowledgeBaseError(
            f"{where}: keys {sorted(raw)}: expected {sorted(_ROW_KEYS)} "
            f"(unknown: {sorted(unknown)})"
        )
    sources = _words(raw, "sources", where)
    if not sources:
        raise KnowledgeBaseError(f"{where}: 'sources': expected at least one source")
    return DatasetLabels(
        id=str(raw["id"]),
        name=str(raw["name"]),
        left=tuple(_words(raw, "left", where)),
        right=tuple(_words(raw, "right", where)),
        unsided=tuple(_words(raw, "unsided", where)),
        requires=tuple(_words(raw, "requires", where)),
        notes=str(raw.get("notes", "")),
        sources=tuple(sources),
    )


@cache
def label_table() -> LabelTable:
    """The checked label table (read once).

    Raises
    ------
    KnowledgeBaseError
        Unknown or missing keys, or a dataset row without a source.

    Examples
    --------
    >>> "tibialis" in label_table().muscle_words
    True
    """
    text = resources.files("nightlegs.movement.readers").joinpath("data/leg_labels.json")
    raw = json.loads(text.read_text(encoding="utf-8"))
    where = "leg_labels.json"
    if not isinstance(raw, dict) or set(raw) != _TOP_KEYS:
        keys = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
        raise KnowledgeBaseError(f"{where}: keys {keys}: expected {sorted(_TOP_KEYS)}")
    sides = raw["side_words"]
    if not isinstance(sides, dict) or set(sides) != {"left", "right"}:
        raise KnowledgeBaseError(f"{where}: 'side_words': expected 'left' and 'right' lists")
    datasets = raw["datasets"]
    if not isinstance(datasets, list):
        raise KnowledgeBaseError(f"{where}: 'datasets': expected a list")
    rows = tuple(_row(r, i) for i, r in enumerate(datasets))
    return LabelTable(
        last_reviewed=str(raw["last_reviewed"]),
        muscle_words=frozenset(_words(raw, "muscle_words", where)),
        short_muscle_words=frozenset(_words(raw, "short_muscle_words", where)),
        left_words=frozenset(_words(sides, "left", where)),
        right_words=frozenset(_words(sides, "right", where)),
        # Longest first, so "left" is tried before "l" when a side is glued to a muscle word.
        glued_side_words=tuple(sorted(_words(raw, "glued_side_words", where), key=len)[::-1]),
        exclude_words=frozenset(_words(raw, "exclude_words", where)),
        datasets=rows,
    )
