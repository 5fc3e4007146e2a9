"""Instruments computed from findings."""

from __future__ import annotations

import pytest

import nightlegs
from nightlegs.assessment.instruments import (
    compute_instruments,
    edinburgh_claudication,
    growing_pains_criteria,
    irls_severity,
    irlssg_criteria,
    rls_severity_from_movements,
    wells_dvt,
)
from nightlegs.errors import InputError

CORE = {
    "urge_to_move": True,
    "worse_at_rest": True,
    "relieved_by_movement": True,
    "evening_night_worse": True,
}
NO_MIMICS = {
    "muscle_hardens": False,
    "relieved_by_position_change": False,
    "varicose_veins": False,
    "numbness": False,
    "joint_swelling": False,
    "leg_swelling": False,
}
RLS = {**CORE, **NO_MIMICS}


def test_irlssg_all_met_only_when_every_mimic_was_considered() -> None:
    result = irlssg_criteria(RLS)
    assert [c.status for c in result.criteria] == ["met"] * 5


@pytest.mark.parametrize("considered", list(NO_MIMICS))
def test_irlssg_one_absent_mimic_is_not_enough(considered: str) -> None:
    # Criterion 5 used to be met as soon as one mimic was absent; IRLSSG asks for all of them.
    result = irlssg_criteria({**CORE, considered: False})
    assert result.criteria[4].status == "unknown"
    assert not result.reading.startswith("All five")


def test_irlssg_present_mimic_is_left_to_a_clinician() -> None:
    result = irlssg_criteria({**RLS, "muscle_hardens": True})
    assert result.criteria[4].status == "needs a clinician"
    assert "leg cramps" in result.reading
    assert "doctor must decide" in result.reading


def test_irlssg_unknown_items() -> None:
    statuses = [c.status for c in irlssg_criteria({"urge_to_move": True}).criteria]
    assert statuses.count("unknown") == 4


def test_wells_counts_patient_items_and_defers_exam_items() -> None:
    result = wells_dvt({"active_cancer": True, "previous_clot": True, "whole_leg_swollen": False})
    assert result.score == 2
    assert "likely" in result.reading
    assert sum(c.status == "needs a clinician" for c in result.criteria) == 3


def test_wells_low_score_never_says_unlikely_without_a_clinician() -> None:
    reading = wells_dvt({"active_cancer": False}).reading
    assert "clinician" in reading


def test_growing_pains_exclusion() -> None:
    exclusions = (
        "unilateral",
        "site_joint",
        "joint_swelling",
        "limp",
        "fever",
        "progressive",
        "bone_tender_spot",
    )
    typical = {
        "pain_free_intervals": True,
        "bilateral": True,
        "evening_night_worse": True,
        "morning_well": True,
        **dict.fromkeys(exclusions, False),
    }
    assert "Partly" in growing_pains_criteria({"bilateral": True}).reading
    assert "Fits" in growing_pains_criteria(typical).reading
    assert "not typical" in growing_pains_criteria({**typical, "limp": True}).reading


def test_edinburgh_definite_and_atypical() -> None:
    base = {
        "pain_on_walking": True,
        "rest_pain": False,
        "worse_uphill_or_hurrying": True,
        "relieved_by_standing_still": True,
    }
    assert "definite" in edinburgh_claudication({**base, "site_calf": True}).reading
    assert "atypical" in edinburgh_claudication({**base, "site_calf": False}).reading
    assert "Negative" in edinburgh_claudication({**base, "rest_pain": True}).reading


def test_edinburgh_needs_the_uphill_or_hurrying_item() -> None:
    base = {"pain_on_walking": True, "rest_pain": False, "relieved_by_standing_still": True}
    assert "Unknown" in edinburgh_claudication({**base, "site_calf": True}).reading
    negative = {**base, "worse_uphill_or_hurrying": False, "site_calf": True}
    assert "Negative" in edinburgh_claudication(negative).reading


@pytest.mark.parametrize("age", [1, 2, 13, 16, 40])
def test_growing_pains_criteria_only_in_their_age_range(age: int) -> None:
    typical = {"pain_free_intervals": True, "bilateral": True, "morning_well": True}
    result = growing_pains_criteria(typical, age=age)
    assert "do not apply" in result.reading
    assert not result.criteria


def test_wells_maps_three_days_in_bed_and_is_not_used_in_pregnancy() -> None:
    in_bed = wells_dvt({"bedridden_3_days": True, "immobilised": True})
    items = {c.name: c.status for c in in_bed.criteria}
    assert items["Bedridden 3 days or more, or major surgery within 12 weeks"] == "met"
    assert items["Paralysis, paresis or recent plaster cast of the leg"] != "met"
    assert in_bed.score == 1
    pregnant = wells_dvt({"leg_swelling": True, "previous_clot": True}, pregnant=True)
    assert pregnant.score is None
    assert "ultrasound" in pregnant.reading
    assert "D-dimer" in pregnant.reading


@pytest.mark.parametrize(
    ("per_hour", "band", "clinical"),
    [
        (3, "none", "normal"),
        (12, "light", "normal"),
        (18, "light", "abnormal"),
        (45, "average", "abnormal"),
        (75, "heavy", "severe"),
    ],
)
def test_movement_bands_shown_with_clinical_reading(
    per_hour: float, band: str, clinical: str
) -> None:
    reading = rls_severity_from_movements(per_hour).reading
    assert f"Article band: {band}" in reading and clinical in reading
    assert "not a validated scale" in reading


def test_child_cut_off() -> None:
    assert "abnormal" in rls_severity_from_movements(8, child=True).reading
    assert "normal (<= 15/h)" in rls_severity_from_movements(8).reading


def test_bad_movement_value() -> None:
    with pytest.raises(InputError, match="movements_per_hour"):
        rls_severity_from_movements(-1)


def test_instruments_appear_only_when_their_inputs_are_known() -> None:
    assert compute_instruments({}) == []
    ids = {i.id for i in compute_instruments(CORE, movements_per_hour=30)}
    assert ids == {"irlssg", "movement_severity"}


@pytest.mark.parametrize(
    ("total", "band"), [(0, "none"), (8, "mild"), (15, "moderate"), (27, "severe"), (35, "very")]
)
def test_irls_total_band(total: int, band: str) -> None:
    assert f": {band}" in irls_severity(total).reading


@pytest.mark.parametrize("total", [-1, 41, 2.5, True])
def test_irls_total_out_of_range(total: object) -> None:
    with pytest.raises(InputError, match="irls_total"):
        irls_severity(total)  # type: ignore[arg-type]


def test_irls_total_shown_in_assessment() -> None:
    import nightlegs

    result = nightlegs.assess("restless legs in the evening", irls_total=22)
    assert any(i.id == "irls" and "severe" in i.reading for i in result.instruments)


def test_irlssg_unknown_items_are_named_not_asked_for() -> None:
    reading = irlssg_criteria({"urge_to_move": True, "worse_at_rest": True}).reading
    assert "answer the remaining questions" not in reading
    assert "relieved by movement while it lasts" in reading
    assert "begins or worsens at rest" not in reading  # that one is known


def test_wells_reading_counts_items_in_words() -> None:
    assert "from the 1 item answered" in wells_dvt({"previous_clot": True}).reading
    assert (
        "from the 2 items answered"
        in wells_dvt({"previous_clot": True, "active_cancer": False}).reading
    )
    assert "(no item answered)" in wells_dvt({"leg_swelling": True}).reading


def test_wells_only_when_dvt_is_considered() -> None:
    # A long flight with night cramps: a clot risk factor, but DVT is not among the causes.
    cramps = nightlegs.assess(
        "my calves cramp at night and go rock hard, stretching helps",
        age=50,
        findings={"long_travel": True, "previous_clot": True},
    )
    assert "deep_vein_thrombosis" not in [c.id for c in cramps.conditions[:3]]
    assert "wells_dvt" not in [i.id for i in cramps.instruments]
    swollen = nightlegs.assess("my left calf is swollen, warm and sore", age=50)
    assert "wells_dvt" in [i.id for i in swollen.instruments]
