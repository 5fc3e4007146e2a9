"""Helpers shared by the foreign-language intake tests (test_foreign*.py)."""

from __future__ import annotations

from typing import Any

from nightlegs import assess
from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.knowledge import knowledge_index


def found(text: str, language: str) -> dict[str, bool]:
    """Every finding the lexicon of ``language`` reads in ``text``, present or denied."""
    return {f.id: f.present for f in find_foreign_findings(text, language).findings}


def says(text: str, language: str, **expected: bool | None) -> None:
    """Assert that ``text`` reads exactly ``expected`` for the findings named (None: not read)."""
    findings = found(text, language)
    assert {k: findings.get(k) for k in expected} == expected, findings


def triage(text: str, **population: Any) -> str:
    """The triage level of ``text`` end to end, as its value ("emergency", "self_care", ...)."""
    return assess(text, **population).triage.value


def red_flags_read(text: str, language: str) -> set[str]:
    """The red-flag findings read as present in ``text``."""
    present = {k for k, p in found(text, language).items() if p}
    return present & set(knowledge_index().red_flag_findings)
