"""Safe under uncertainty: the triage policy, the safety net and the wording of the answer."""

from __future__ import annotations

import pytest

import nightlegs
from nightlegs.assessment import Population, triage
from nightlegs.assessment.triage import DANGER_PROBABILITY
from nightlegs.knowledge import Triage, load_knowledge_base


def level(text: str, **population: object) -> Triage:
    return nightlegs.assess(text, **population).triage  # type: ignore[arg-type]


# --- Self-care is a conclusion that needs confidence -------------------------------------------


def test_a_clear_cramp_story_can_be_self_care() -> None:
    text = (
        "A few nights a week my calf cramps in bed, the muscle goes rock hard and my toes "
        "point; standing on the cold floor stops it. No swelling, nothing red."
    )
    assert level(text, age=45) is Triage.SELF_CARE


def test_one_phrase_is_too_little_to_reassure() -> None:
    assert level("cramp") is not Triage.SELF_CARE


def test_a_weak_guess_is_not_self_care() -> None:
    # Evidence that points nowhere in particular: the best cause is a poor fit.
    decision = triage({"aching_pain": True, "evening_night_worse": True}, Population(age=72))
    assert decision.level is not Triage.SELF_CARE
    assert any("clearly enough" in r or "Too little" in r for r in decision.reasons)


def test_cold_foot_in_an_older_person_is_never_cramp_self_care() -> None:
    text = "I'm 72, my calf cramps at night and my foot feels cold and looks a bit pale"
    assert level(text).rank >= Triage.URGENT.rank


@pytest.mark.parametrize("age", [1, 2, 14, 17, 35])
def test_growing_pains_guard_outside_ages_3_to_12(age: int) -> None:
    text = (
        "Both legs ache in the evening, in the thighs and calves, it comes and goes with "
        "pain-free days and is gone by the morning. No limp, no swelling."
    )
    assert level(text, age=age) is not Triage.SELF_CARE


def test_growing_pains_guard_pallor_or_bruising_needs_a_doctor() -> None:
    base = (
        "My 7 year old's legs ache in the evening, both legs, comes and goes, fine in the "
        "morning, no limp."
    )
    assert level(base + " She looks pale and bruises easily lately.").rank >= Triage.URGENT.rank


# --- Danger outside the catalogue ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "think_of"),
    [
        ("my left leg went weak this morning and my face is drooping on one side", "stroke"),
        ("my calf has been swollen since the op and now I'm breathless", "pulmonary embolism"),
        ("I have breast cancer, new back pain and my legs are going weak", "spinal cord"),
        ("32 weeks pregnant, feet very swollen, bad headache and flashing lights", "pre-eclampsia"),
        (
            "he takes olanzapine, now his legs are rigid, he has a fever and is confused",
            "neuroleptic malignant",
        ),
        (
            "purple spots on her legs that don't fade under a glass and a high fever",
            "meningococcal",
        ),
        ("I get chest tightness when I walk uphill, and my calves ache too", "heart"),
    ],
)
def test_out_of_catalogue_emergencies_escalate_and_are_named(text: str, think_of: str) -> None:
    result = nightlegs.assess(text)
    assert result.triage.rank >= Triage.URGENT.rank
    assert any(think_of in t for t in result.think_of), result.think_of


def test_hip_fracture_after_a_fall_in_an_older_person() -> None:
    text = "Gran fell in the garden, now she can't put any weight on her right leg"
    assert level(text) is Triage.EMERGENCY


def test_feverish_child_who_will_not_walk() -> None:
    assert level("my son is 5, temp 39.2 and he won't stand on his left leg") is Triage.EMERGENCY


def test_child_bone_pain_with_one_blood_sign_is_urgent() -> None:
    text = "my 6 year old wakes at night with pain in his shin bone and he is so pale lately"
    assert level(text).rank >= Triage.URGENT.rank


# --- Severity without a diagnosis ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the pain in my leg is excruciating and painkillers don't touch it",
        "I can't put any weight on my leg at all",
        "my leg is getting worse by the hour",
        "since yesterday my right foot drags and I keep tripping over it",
    ],
)
def test_severity_raises_the_level_on_its_own(text: str) -> None:
    assert level(text).rank >= Triage.URGENT.rank


def test_safety_net_rules_have_sources_and_actions() -> None:
    rules = [r for r in load_knowledge_base().red_flags if r.kind == "safety_net"]
    assert len(rules) >= 20
    for rule in rules:
        assert rule.sources and rule.action_now
        assert rule.triage is not Triage.SELF_CARE


# --- What the answer says -----------------------------------------------------------------------


def test_probabilities_are_never_shown_as_certain() -> None:
    result = nightlegs.assess(
        "every evening an urge to move my legs with crawling feelings, walking helps, worse at "
        "rest, my mum had the same, no cramps, no swelling",
        age=50,
    )
    assert all(0.01 <= c.probability <= 0.99 for c in result.conditions)


def test_no_pregnancy_words_for_an_older_man() -> None:
    result = nightlegs.assess("my calves cramp every night", age=72, sex="male")
    text = " ".join(
        [c.name + " " + c.specialist for c in result.conditions]
        + [result.specialist, *result.triage_reasons, *result.next_steps]
    )
    assert "pregnan" not in text and "midwife" not in text


def test_pregnancy_words_stay_in_pregnancy() -> None:
    result = nightlegs.assess("my calves cramp at night", age=30, pregnant=True)
    cramp = next(c for c in result.conditions if c.id == "nocturnal_leg_cramps")
    assert "midwife" in cramp.specialist


def test_emergency_answer_has_no_routine_tests_and_no_repeats() -> None:
    result = nightlegs.assess("my foot suddenly went cold, white and numb an hour ago")
    assert result.triage is Triage.EMERGENCY
    assert not any(step.startswith("Ask the doctor about") for step in result.next_steps)
    assert len(result.next_steps) == len(set(result.next_steps))
    danger_lines = [r for r in result.triage_reasons if r.startswith("Danger sign")]
    assert len(danger_lines) == len(set(danger_lines))
    assert len(danger_lines) <= 2


def test_no_wells_or_d_dimer_in_pregnancy() -> None:
    result = nightlegs.assess("my left calf is swollen, warm and sore", pregnant=True, age=30)
    wells = next(i for i in result.instruments if i.id == "wells_dvt")
    assert wells.score is None and "ultrasound" in wells.reading
    steps = " ".join(result.next_steps)
    assert "Wells score for DVT, by a clinician" not in steps
    assert "D-dimer blood test" not in steps


def test_one_medicine_message_when_a_drug_may_be_the_cause() -> None:
    result = nightlegs.assess(
        "since starting atorvastatin my thighs ache and cramp at night", age=60
    )
    medicine_lines = [
        s for s in result.next_steps if "prescrib" in s and not s.startswith("Ask the doctor")
    ]
    assert len(medicine_lines) == 1
    assert "prescribed" in medicine_lines[0]
    assert "another dose" not in medicine_lines[0]


def test_withhold_the_dose_only_where_guidance_says_so() -> None:
    result = nightlegs.assess("on a statin, my muscles ache all over and my pee is dark like cola")
    assert result.triage is Triage.EMERGENCY
    assert any("another dose" in s for s in result.next_steps)


def test_a_weak_guess_is_not_called_the_most_likely_cause() -> None:
    decision = triage({"aching_pain": True, "site_calf": True}, Population(age=50))
    assert not any("most likely" in r for r in decision.reasons)


# --- Text that was not understood ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mein Bein tut nachts weh und ich kann nicht schlafen.", "de"),
        ("Me duelen las piernas por la noche y no puedo dormir.", "es"),
        ("hello, can you help me with something please", "en"),
    ],
)
def test_unread_text_ranks_nothing_and_leads_with_danger_signs(text: str, language: str) -> None:
    result = nightlegs.assess(text)
    data = result.to_dict()
    assert data["understood"] is False and data["language"] == language
    assert data["conditions"] == []
    assert result.triage.rank >= Triage.DOCTOR.rank
    assert data["headline"].startswith("nightlegs could not understand")
    assert data["danger_signs"]["call_emergency_now_if"]


def test_a_danger_sign_in_another_language_still_escalates() -> None:
    result = nightlegs.assess("Внезапно нога стала холодной и белой, не чувствую пальцы.")
    assert result.understood is False and result.language == "ru"
    assert result.triage is Triage.EMERGENCY


# --- The thresholds, pinned either side -------------------------------------------------------


def _self_care_row(top: float, danger: float) -> tuple[object, object]:
    """A ranking with a self-care condition at ``top`` and an urgent one at ``danger``."""
    import numpy as np

    from nightlegs.assessment.inference import model

    kb = model().kb
    usual = np.array([c.usual_triage.rank for c in kb.conditions])
    row = np.zeros(len(kb.conditions))
    ids = [c.id for c in kb.conditions]
    row[ids.index("nocturnal_leg_cramps")] = top
    row[ids.index("deep_vein_thrombosis")] = danger
    row[ids.index("restless_legs_syndrome")] = 1 - top - danger  # the rest: a doctor-level cause
    return row, usual


@pytest.mark.parametrize(
    ("top", "danger", "expected"),
    [
        (0.62, 0.01, Triage.SELF_CARE),
        (0.58, 0.01, Triage.DOCTOR),  # below SELF_CARE_CONFIDENCE
        (0.70, 0.04, Triage.SELF_CARE),
        (0.70, 0.06, Triage.DOCTOR),  # dangerous causes together at or above SELF_CARE_MAX_DANGER
        (0.70, DANGER_PROBABILITY - 0.01, Triage.DOCTOR),
        (0.70, DANGER_PROBABILITY + 0.01, Triage.URGENT),  # an urgent cause not ruled out
    ],
)
def test_self_care_thresholds_either_side(top: float, danger: float, expected: Triage) -> None:
    from nightlegs.assessment.triage import _scenario_level
    from nightlegs.knowledge import load_knowledge_base

    row, usual = _self_care_row(top, danger)
    present = {"muscle_cramp", "site_calf"}
    level, _notes = _scenario_level(
        row,
        usual,
        present,
        Population(age=40),
        load_knowledge_base(),
    )
    assert level == expected.rank


def test_several_signs_read_in_another_language_give_possible_causes() -> None:
    result = nightlegs.assess(
        "Tengo la pierna roja, caliente e hinchada desde hace dos días, y hoy tengo fiebre."
    )
    assert result.understood is False and result.language == "es"
    assert "cellulitis" in [c.id for c in result.conditions[:3]]
    assert result.triage.rank >= Triage.URGENT.rank
    assert result.headline.startswith("nightlegs could not understand")


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        # A short message about a named relative, with no he or she, is about that relative.
        ("my grandad's foot went cold and white this morning", Triage.EMERGENCY),
        ("my mum has a swollen red hot calf", Triage.URGENT),
        # Someone else moving the leg is passive stretch, not relief by stretching.
        (
            "If someone stretches my calf the pain goes right up, unbearable. "
            "My leg is in plaster.",
            Triage.EMERGENCY,
        ),
        ("my leg has got weaker and weaker over the past week", Triage.URGENT),
    ],
)
def test_defects_found_while_writing_the_hazard_log(text: str, at_least: Triage) -> None:
    assert level(text).rank >= at_least.rank


def test_unranked_answers_name_no_cause() -> None:
    result = nightlegs.assess("Внезапно нога стала холодной и белой, не чувствую пальцы.")
    if not result.conditions:
        assert not any("%)" in r for r in result.triage_reasons)


def test_one_call_now_line_at_emergency() -> None:
    result = nightlegs.assess(
        "my foot suddenly went cold and white, my face is drooping and I am breathless"
    )
    assert result.triage is Triage.EMERGENCY
    assert sum("999" in step for step in result.next_steps) == 1
