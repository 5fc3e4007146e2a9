"""The one-shot assessment and its contract (docs/json-contract.md section 1)."""

from __future__ import annotations

import re

import pytest

import nightlegs
from nightlegs.errors import InputError

CONTRACT_KEYS = {
    "triage",
    "triage_reasons",
    "conditions",
    "findings",
    "specialist",
    "next_steps",
    "self_care",
    "disclaimer",
}
DOSE = re.compile(r"\b\d+(\.\d+)?\s*(mg|mcg|µg|g|ml|iu|units?)\b", re.IGNORECASE)


def test_contract_shape() -> None:
    result = nightlegs.assess("my calves cramp every night", age=70, sex="female", pregnant=None)
    data = result.to_dict()
    assert data.keys() >= CONTRACT_KEYS
    assert data["triage"] in {"emergency", "urgent", "doctor", "self_care"}
    assert result.triage.value == data["triage"]
    assert result.conditions[0].id == data["conditions"][0]["id"]
    for condition in data["conditions"]:
        assert {"id", "name", "probability", "evidence_for", "evidence_against"} <= condition.keys()
        assert 0.0 <= condition["probability"] <= 1.0
    for finding in data["findings"]:
        assert {"id", "present", "text"} <= finding.keys()
    assert all("evidence" in item for item in data["self_care"])
    assert "not a diagnosis" in data["disclaimer"]


def test_structured_findings_combine_with_text() -> None:
    text_only = nightlegs.assess("my legs are restless in the evening")
    combined = nightlegs.assess(
        "my legs are restless in the evening", findings={"relieved_by_movement": True}
    )
    rls = "restless_legs_syndrome"
    p_text = next(c.probability for c in text_only.conditions if c.id == rls)
    p_combined = next(c.probability for c in combined.conditions if c.id == rls)
    assert p_combined > p_text
    assert {"id": "relieved_by_movement", "present": True}.items() <= next(
        f for f in combined.to_dict()["findings"] if f["id"] == "relieved_by_movement"
    ).items()


def test_emergency_says_what_to_do_first() -> None:
    result = nightlegs.assess(
        "My left calf has been swollen and tender for two days since my flight and now I have "
        "chest pain and I'm short of breath",
        age=50,
        sex="male",
    )
    assert result.triage.value == "emergency"
    assert re.search(r"emergency|999|112|911", result.next_steps[0], re.IGNORECASE)
    assert result.self_care == ()


def test_no_doses_and_no_stopping_prescriptions_anywhere() -> None:
    texts = [
        "I take glycine and valerian for my restless legs, should I take Mirapex?",
        "my calves cramp every night since my statin was started",
        "my 5 year old daughter has leg pains at night but is fine in the morning",
    ]
    for text in texts:
        data = nightlegs.assess(text).to_dict()
        blob = " ".join(
            [*data["next_steps"], *data["self_care"], *(c["evidence"] for c in data["claims"])]
        )
        assert not DOSE.search(blob), blob
        assert not re.search(r"\b(stop|start) taking\b", blob, re.IGNORECASE)


def test_article_medicines_are_answered_with_the_evidence() -> None:
    data = nightlegs.assess("I take glycine under my tongue for my restless legs").to_dict()
    glycine = [c for c in data["claims"] if c["id"] == "glycine_cure"]
    assert glycine and glycine[0]["verdict"] == "rejected"


def test_movements_per_hour_shows_both_gradings() -> None:
    result = nightlegs.assess("my legs jerk at night", movements_per_hour=32)
    reading = next(i for i in result.instruments if i.id == "movement_severity").reading
    assert "average" in reading and "clinical" in reading


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "leg pain", "age": -1}, "age"),
        ({"text": "leg pain", "age": 121}, "age"),
        ({"text": "leg pain", "sex": "other"}, "sex"),
        ({"text": "leg pain", "sex": "male", "pregnant": True}, "pregnant"),
        ({"text": None}, "text"),
        ({"text": "leg pain", "findings": {"nonsense": True}}, "unknown finding"),
        ({"text": "leg pain", "findings": {"fever": "yes"}}, "expected true or false"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        nightlegs.assess(**kwargs)  # type: ignore[arg-type]


def test_same_input_same_output() -> None:
    text = "my heel hurts under the bone with the first steps in the morning"
    assert nightlegs.assess(text).to_dict() == nightlegs.assess(text).to_dict()


def test_every_result_carries_disclaimer_and_when_to_seek_care() -> None:
    for text in ("my calves cramp", "my foot is suddenly cold, white and numb and it is agony"):
        data = nightlegs.assess(text).to_dict()
        assert "not a diagnosis" in data["disclaimer"]
        assert "emergency" in data["when_to_seek_care"].lower()
        assert data["headline"] == data["next_steps"][0]


_FOREIGN_WORDS = [
    "Wadenkrämpfe",
    "nachts",
    "Beine",
    "Schmerzen",
    "crampes",
    "la nuit",
    "jambes",
    "calambres",
    "piernas",
    "crampi",
    "судороги",
    "ноги",
    "ночью",
    "plötzlich",
    "seit Wochen",
    "ein bisschen",
    "toujours",
    "siempre",
]


@pytest.mark.parametrize("seed", range(40))
def test_a_text_that_was_not_understood_is_never_self_care(seed: int) -> None:
    """Property: whatever a foreign text says, and however much is ranked, never self-care."""
    import random

    rng = random.Random(seed)
    words = rng.choices(_FOREIGN_WORDS, k=rng.randint(2, 12))
    result = nightlegs.assess(" ".join(words) + ".")
    if not result.understood:
        assert result.triage.value != "self_care"


def test_a_ranked_foreign_text_is_at_least_doctor() -> None:
    result = nightlegs.assess("Mein Mann hat seit Wochen nachts plötzlich Wadenkrämpfe.")
    assert not result.understood
    assert result.conditions  # enough was read to rank causes
    assert result.triage.value != "self_care"
