"""The one result model: its JSON is the contract, and older stored shapes load into it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import nightlegs
from nightlegs.assessment.result import Assessment, SelfCareItem
from nightlegs.errors import InputError
from nightlegs.intake import MAX_TEXT_CHARS

_CONTRACT = Path(__file__).parents[2] / "docs" / "json-contract.md"


def _documented_keys() -> list[str]:
    """The keys of the assessment table in docs/json-contract.md section 1, in order."""
    section = _CONTRACT.read_text(encoding="utf-8").split("## 1. Assessment")[1].split("## 2.")[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)


CONTRACT_KEYS = _documented_keys()
CONDITION_KEYS = [
    "id",
    "name",
    "probability",
    "evidence_for",
    "evidence_against",
    "absent_fits",
    "specialist",
    "usual_triage",
    "icd10",
    "snomed",
    "tests",
    "sources",
]

#: A result as an older release saved it: an absent finding listed as evidence for a cause,
#: findings without labels, and none of the keys added since.
OLD_ROW: dict[str, Any] = {
    "headline": "Book an appointment with your GP.",
    "triage": "doctor",
    "triage_reasons": ["Symptoms suggest restless legs syndrome (61%)."],
    "conditions": [
        {
            "id": "restless_legs_syndrome",
            "name": "Restless legs syndrome",
            "probability": 0.61,
            "evidence_for": [
                "urge to move (makes it 5x more likely)",
                "not the case: fever (makes it 1.2x more likely)",
            ],
            "evidence_against": ["not the case: cramp (makes it 0.5x as likely)"],
            "specialist": "neurologist",
            "usual_triage": "doctor",
            "icd10": ["G25.81"],
            "snomed": [],
            "tests": ["ferritin"],
            "sources": [],
        }
    ],
    "findings": [{"id": "urge_to_move", "present": True, "text": "urge to move"}],
    "specialist": "neurologist",
    "next_steps": ["Book an appointment with your GP."],
    "self_care": ["Walk in the evening. (evidence: limited evidence)"],
    "disclaimer": "Information, not a diagnosis.",
    "when_to_seek_care": "Get help at once if ...",
    "kb_version": "0.9",
}


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("my calves cramp every night", {"age": 70, "sex": "female", "irls_total": 12}),
        ("urge to move my legs in the evening, walking helps", {"movements_per_hour": 32}),
        ("qwerty zxcv", {}),
    ],
)
def test_the_json_is_the_contract_and_validates_back(text: str, options: dict[str, Any]) -> None:
    result = nightlegs.assess(text, **options)
    data = result.model_dump(mode="json")
    assert list(data) == CONTRACT_KEYS
    assert data == result.to_dict()
    for condition in data["conditions"]:
        assert list(condition) == CONDITION_KEYS
        assert condition["probability"] == round(condition["probability"], 4)
    assert list(data["danger_signs"]) == ["call_emergency_now_if", "see_a_doctor_today_if"]
    assert all(isinstance(s, str) for s in data["self_care"])
    assert Assessment.model_validate(data).to_dict() == data


def test_an_older_stored_row_loads_in_todays_shape() -> None:
    result = Assessment.model_validate(OLD_ROW)
    [condition] = result.conditions
    assert condition.evidence_for == ("urge to move (makes it 5x more likely)",)
    assert condition.evidence_against == ("no: cramp (makes it 0.5x as likely)",)
    assert condition.absent_fits == ("no: fever (makes it 1.2x more likely)",)
    assert result.findings[0].label == "urge_to_move"
    assert result.findings[0].certainty == "reported"
    assert result.self_care[0].text == "Walk in the evening."
    assert result.self_care[0].evidence == "limited_evidence"
    assert result.understood and result.language == "en"
    assert result.danger_signs.call_emergency_now_if == ()
    data = result.to_dict()
    assert list(data) == CONTRACT_KEYS
    assert data["self_care"] == OLD_ROW["self_care"]


def test_a_row_without_a_headline_gets_one() -> None:
    row = {k: v for k, v in OLD_ROW.items() if k != "headline"}
    assert Assessment.model_validate(row).headline == "Book an appointment with your GP."
    unread = Assessment.model_validate({**row, "understood": False, "conditions": []})
    assert unread.headline.startswith("nightlegs could not understand this description, so")


def test_a_stored_row_that_is_not_a_result_names_the_field() -> None:
    with pytest.raises(ValidationError, match="triage"):
        Assessment.model_validate({**OLD_ROW, "triage": "whenever"})
    with pytest.raises(ValidationError, match=r"findings\.0\.present"):
        Assessment.model_validate({**OLD_ROW, "findings": [{"id": "fever", "present": "maybe"}]})


def test_the_result_is_frozen() -> None:
    result = nightlegs.assess("my calves cramp every night")
    with pytest.raises(ValidationError, match="frozen"):
        result.triage = result.triage  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        result.conditions[0].probability = 1.0  # type: ignore[misc]


def test_self_care_advice_without_an_evidence_level_is_its_text() -> None:
    item = SelfCareItem.model_validate("Keep the bedroom cool.")
    assert (item.text, item.evidence, item.render()) == (
        "Keep the bedroom cool.",
        "",
        "Keep the bedroom cool.",
    )


def _description(length: int) -> str:
    words = "my calves cramp every night and the muscle goes hard. "
    return (words * (length // len(words) + 1))[:length]


def test_the_library_reads_a_description_at_the_limit_and_refuses_one_more() -> None:
    assert MAX_TEXT_CHARS == 5000
    assert nightlegs.assess(_description(MAX_TEXT_CHARS)).understood
    with pytest.raises(InputError, match=r"^text: .*5001 characters long; the limit is 5000"):
        nightlegs.assess(_description(MAX_TEXT_CHARS + 1))
