"""The case tables of the foreign intake tests, as data: ``tests/data/foreign/<lang>.yaml``.

Each file holds one language's cases, by section; a section names the shape of test that runs
its cases (``test_foreign_cases.py`` writes each shape once, for every language). A case keeps
its text, what is expected of it and, where the table said why, a ``note`` (a comment standing
before the case, often heading the cases that follow) or a ``why`` (a comment on the case alone).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

__all__ = [
    "DATA",
    "EverydayCase",
    "FindingsCase",
    "LanguageCases",
    "MalformedCaseFile",
    "PopulationCase",
    "TextCase",
    "UnreadCase",
    "load_cases",
    "load_language",
]

#: One YAML file per language, named by its code.
DATA = Path(__file__).resolve().parents[1] / "data" / "foreign"


class MalformedCaseFile(ValueError):
    """A case file that does not match :class:`LanguageCases`; the message names file and case."""


class _Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    note: str | None = None
    why: str | None = None


class TextCase(_Case):
    """A text whose section says what is expected (emergency, below urgent, another language)."""


class FindingsCase(_Case):
    """A text and the findings it reads: present (true), denied (false) or not read (null)."""

    expected: dict[str, StrictBool | None] = Field(min_length=1)


class PopulationCase(_Case):
    """A text and who it describes: the reading's ``pregnant``, ``child`` and ``age`` named."""

    population: dict[Literal["pregnant", "child", "age"], StrictBool | StrictInt | None] = Field(
        min_length=1
    )


class EverydayCase(_Case):
    """Everyday words that read no red flag, but for those ``allowed``."""

    allowed: frozenset[str] = frozenset()


class UnreadCase(_Case):
    """Everyday words that read none of the findings ``not_read``, present or denied."""

    not_read: frozenset[str] = Field(min_length=1)


class LanguageCases(BaseModel):
    """One language's case tables, by section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = Field(pattern=r"^[a-z]{2}$")
    about: str | None = None
    danger_signs: tuple[FindingsCase, ...] = ()
    spellings: tuple[FindingsCase, ...] = ()
    negation: tuple[FindingsCase, ...] = ()
    pseudo_negation: tuple[FindingsCase, ...] = ()
    verb_forms: tuple[FindingsCase, ...] = ()
    population: tuple[PopulationCase, ...] = ()
    not_this_language: tuple[TextCase, ...] = ()
    everyday_words: tuple[EverydayCase, ...] = ()
    newer_findings: tuple[FindingsCase, ...] = ()
    other_script_findings: tuple[FindingsCase, ...] = ()
    newer_findings_denied: tuple[FindingsCase, ...] = ()
    emergencies: tuple[TextCase, ...] = ()
    benign: tuple[TextCase, ...] = ()
    everyday_words_newer: tuple[EverydayCase, ...] = ()
    everyday_words_unread: tuple[UnreadCase, ...] = ()


def _where(loc: tuple[int | str, ...]) -> str:
    """``("negation", 3, "expected")`` as "section negation, case 3, field expected"."""
    names = ("section", "case", "field")
    return ", ".join(f"{name} {part}" for name, part in zip(names, loc, strict=False))


def load_language(path: Path) -> LanguageCases:
    """The cases of one file, checked; a malformed one raises naming the file and the case."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = LanguageCases.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        if isinstance(exc, ValidationError):
            lines = [f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors()]
        else:
            lines = [str(exc)]
        raise MalformedCaseFile(f"{path}: " + "; ".join(lines)) from exc
    if cases.language != path.stem:
        raise MalformedCaseFile(f"{path}: language {cases.language!r} in a file named {path.stem}")
    return cases


@cache
def load_cases(folder: Path = DATA) -> dict[str, LanguageCases]:
    """Every language's cases in ``folder``, by language code."""
    return {path.stem: load_language(path) for path in sorted(folder.glob("*.yaml"))}
