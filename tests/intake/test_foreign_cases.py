"""The shapes the foreign-language intake tests share, written once for every language.

The cases are data (``tests/data/foreign/<lang>.yaml``, read by ``_foreign_cases``): each
section of a language file runs through the test for its shape below, and a case's id is
``<language>-<section>-<index>`` so that a failure names the language and the case. What only
one language needs (Swedish prefixes, Arabizi digits, Greek accents ...) stays in
``test_foreign_<lang>.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _foreign_cases import (
    EverydayCase,
    FindingsCase,
    LanguageCases,
    MalformedCaseFile,
    PopulationCase,
    TextCase,
    UnreadCase,
    load_cases,
    load_language,
)
from _foreign_helpers import found, red_flags_read, says, triage

from nightlegs.intake._foreign import find_foreign_findings, transliterated_language
from nightlegs.intake._language import detect_language

CASES = load_cases()

#: Sections whose cases are a text and the findings it reads (present, denied or not read).
FINDINGS_SECTIONS = (
    "danger_signs",
    "spellings",
    "negation",
    "pseudo_negation",
    "verb_forms",
    "newer_findings",
    "other_script_findings",
    "newer_findings_denied",
)


def cases_of(*sections: str) -> list[object]:
    """The cases of ``sections`` in every language, as ``(language, case)`` with readable ids."""
    return [
        pytest.param(language, case, id=f"{language}-{section}-{index}")
        for language, cases in CASES.items()
        for section in sections
        for index, case in enumerate(getattr(cases, section))
    ]


@pytest.mark.parametrize(("language", "case"), cases_of(*FINDINGS_SECTIONS))
def test_findings_are_read(language: str, case: FindingsCase) -> None:
    says(case.text, language, **case.expected)


@pytest.mark.parametrize(("language", "case"), cases_of("population"))
def test_the_person_described_is_read(language: str, case: PopulationCase) -> None:
    reading = find_foreign_findings(case.text, language)
    assert {key: getattr(reading, key) for key in case.population} == case.population


@pytest.mark.parametrize(("language", "case"), cases_of("emergencies"))
def test_emergencies_end_to_end(language: str, case: TextCase) -> None:
    assert triage(case.text) == "emergency"


@pytest.mark.parametrize(("language", "case"), cases_of("benign"))
def test_benign_stays_below_urgent(language: str, case: TextCase) -> None:
    assert triage(case.text) in {"self_care", "doctor"}


@pytest.mark.parametrize(("language", "case"), cases_of("everyday_words", "everyday_words_newer"))
def test_everyday_words_are_not_danger_signs(language: str, case: EverydayCase) -> None:
    assert not red_flags_read(case.text, language) - case.allowed


@pytest.mark.parametrize(("language", "case"), cases_of("everyday_words_unread"))
def test_everyday_words_read_none_of_the_findings_named(language: str, case: UnreadCase) -> None:
    assert not case.not_read & set(found(case.text, language))


@pytest.mark.parametrize(("language", "case"), cases_of("not_this_language"))
def test_other_languages_are_not_taken_for_this_one(language: str, case: TextCase) -> None:
    assert detect_language(case.text) != language
    assert transliterated_language(case.text) != language


# --- The case files ---------------------------------------------------------------------------


def test_every_language_has_its_case_file() -> None:
    assert len(CASES) == 15
    assert all(isinstance(cases, LanguageCases) for cases in CASES.values())


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (
            "language: de\nnegation:\n- text: Kein Fieber.\n  expected: {fever: false}\n"
            "- text: Keine Zecke.\n  expected: {tick_bite: maybe}\n",
            "section negation, case 1, field expected",
        ),
        (
            "language: de\nemergencies:\n- text: Er ist umgekippt.\n  triage: emergency\n",
            "section emergencies, case 0, field triage",
        ),
        ("language: de\nbenign:\n- {}\n", "section benign, case 0, field text"),
        ("language: de\nnegations: []\n", "section negations"),
        ("language: nl\n", "language 'nl' in a file named de"),
        ("language: de\nbenign: [\n", "while parsing"),
    ],
    ids=["bad-value", "unknown-field", "no-text", "unknown-section", "wrong-language", "not-yaml"],
)
def test_a_malformed_case_file_names_the_file_and_the_case(
    tmp_path: Path, content: str, named: str
) -> None:
    path = tmp_path / "de.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MalformedCaseFile) as raised:
        load_language(path)
    assert str(path) in str(raised.value)
    assert named in str(raised.value)
