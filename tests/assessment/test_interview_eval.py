"""Simulated patients: how they answer, and the interview's measured targets on them.

``tests/data/interview/`` holds simulated patients written by clinician-writers who did not see
the code: two tuning sets (the interview was tuned on them) and a held-out set that nobody
working on the code reads; only its aggregate figures are checked here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nightlegs.assessment.interview import MAX_QUESTIONS, Option, Question
from nightlegs.assessment.interview_eval import (
    SimulatedPatient,
    evaluate_interviews,
    load_patients,
)
from nightlegs.errors import InputError
from nightlegs.knowledge import Triage

DATA = Path(__file__).resolve().parents[1] / "data" / "interview"
TUNING = sorted(DATA.glob("tuning*.json"))


def patient(yes: list[str], unknown: list[str] | None = None) -> SimulatedPatient:
    return SimulatedPatient(
        id="p",
        text="story",
        gold=None,
        triage="doctor",
        age=40,
        answers={"yes": yes, "unknown": unknown or []},
    )


CHOICE = Question(
    "where", "Where?", "why", (Option("site_calf", "calf"), Option("site_knee", "knee"))
)


def test_a_patient_answers_yes_no_from_the_story() -> None:
    p = patient(["leg_swelling"], ["calf_bigger_than_other"])
    assert p.answer(Question("leg_swelling", "?", "")) == {"leg_swelling": True}
    assert p.answer(Question("fever", "?", "")) == {"fever": False}
    assert p.answer(Question("calf_bigger_than_other", "?", "")) == {"calf_bigger_than_other": None}


def test_a_patient_answers_a_choice_with_one_item_per_option() -> None:
    assert patient(["site_knee", "site_calf"]).answer(CHOICE) == {
        "site_calf": True,
        "site_knee": False,
    }
    multiple = Question(CHOICE.id, CHOICE.text, CHOICE.why, CHOICE.options, multiple=True)
    assert patient(["site_knee", "site_calf"]).answer(multiple) == {
        "site_calf": True,
        "site_knee": True,
    }
    assert patient([], ["site_knee"]).answer(CHOICE) == {"site_calf": None, "site_knee": None}
    assert patient([]).answer(CHOICE) == {"site_calf": False, "site_knee": False}


def test_what_a_finding_implies_is_true_for_the_patient() -> None:
    yes, _ = patient(["progressive_weakness"]).truth()
    assert "leg_weakness" in yes


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ('{"a": 1}', "expected a JSON list"),
        ('[{"id": "x", "story": "s", "gold": null, "triage": "doctor"}]', "field 'answers'"),
        (
            '[{"id": "x", "story": "s", "gold": null, "triage": "doctor",'
            ' "answers": {"yes": ["no_such_finding"]}}]',
            "unknown finding 'no_such_finding'",
        ),
    ],
)
def test_bad_patient_files_are_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "patients.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        load_patients(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize("mode", ["questions", "text"])
@pytest.mark.parametrize("path", TUNING, ids=[p.stem for p in TUNING])
def test_the_interview_meets_its_targets_on_the_tuning_patients(path: Path, mode: str) -> None:
    report = evaluate_interviews(load_patients(path), mode=mode)  # type: ignore[arg-type]
    summary = report.summary()
    assert [r.id for r in report.under_triaged()] == []
    assert summary["top3"] >= 0.90
    assert summary["questions_median"] <= 10
    assert summary["questions_max"] <= MAX_QUESTIONS
    assert [r.id for r in report.late_emergencies()] == []


def test_the_held_out_patients_are_measured_and_never_reassured_when_in_danger() -> None:
    # Only aggregate properties: the held-out patients themselves are not looked at.
    patients = load_patients(DATA / "holdout.json")
    assert len(patients) >= 30
    report = evaluate_interviews(patients)
    dangerous = [r for r in report.runs if min(t.rank for t in r.triage_acceptable) >= 2]
    assert all(r.triage is not Triage.SELF_CARE for r in dangerous)
    assert report.summary()["questions_max"] <= MAX_QUESTIONS


def test_at_least_sixty_patients_with_children_and_older_people() -> None:
    raw = [
        case for path in [*TUNING, DATA / "holdout.json"] for case in json.loads(path.read_text())
    ]
    assert len(raw) >= 60
    ages = [case["age"] for case in raw]
    assert sum(a < 13 for a in ages) >= 10 and sum(a >= 65 for a in ages) >= 10
