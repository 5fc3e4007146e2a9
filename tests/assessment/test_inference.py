"""The probabilistic model."""

from __future__ import annotations

import math

import pytest

import nightlegs
from nightlegs.assessment import Population, rank
from nightlegs.errors import InputError


def test_probabilities_sum_to_one_and_are_sorted() -> None:
    ranking = rank({"muscle_cramp": True, "site_calf": True}, Population(age=60))
    assert math.isclose(sum(s.probability for s in ranking), 1.0, rel_tol=1e-9)
    probabilities = [s.probability for s in ranking]
    assert probabilities == sorted(probabilities, reverse=True)


def test_findings_for_and_against_move_probability() -> None:
    base = {s.id: s.probability for s in rank({"site_calf": True}, Population(age=50))}
    more = {
        s.id: s.probability
        for s in rank({"site_calf": True, "urge_to_move": True}, Population(age=50))
    }
    less = {
        s.id: s.probability
        for s in rank({"site_calf": True, "urge_to_move": False}, Population(age=50))
    }
    assert more["restless_legs_syndrome"] > base["restless_legs_syndrome"]
    assert less["restless_legs_syndrome"] < base["restless_legs_syndrome"]


def test_age_changes_priors() -> None:
    child = {s.id: s.probability for s in rank({}, Population(age=6))}
    adult = {s.id: s.probability for s in rank({}, Population(age=45))}
    assert child["growing_pains"] > adult["growing_pains"]


def test_pregnancy_raises_cramps_and_rls() -> None:
    pregnant = {
        s.id: s.probability for s in rank({}, Population(age=30, sex="female", pregnant=True))
    }
    not_pregnant = {s.id: s.probability for s in rank({}, Population(age=30, sex="female"))}
    assert pregnant["restless_legs_syndrome"] > not_pregnant["restless_legs_syndrome"]


def test_evidence_is_explained_in_plain_words() -> None:
    top = rank({"urge_to_move": True, "muscle_hardens": True}, Population())[0]
    described = [w.describe() for w in (*top.evidence_for, *top.evidence_against)]
    assert any("urge to move" in d for d in described)


def test_unknown_finding_id_is_rejected() -> None:
    with pytest.raises(InputError, match="unknown finding id"):
        rank({"not_a_finding": True}, Population())


def test_evidence_for_holds_only_present_findings() -> None:
    result = nightlegs.assess(
        "my calf cramps at night", age=50, findings={"leg_swelling": False, "numbness": False}
    )
    for condition in result.conditions:
        assert not any("not swollen" in e or "no numbness" in e for e in condition.evidence_for)
        assert not any(e.startswith("not the case") for e in condition.absent_fits)
    fits = [e for c in result.conditions for e in c.absent_fits]
    assert any(e.startswith("the leg or calf is not swollen, which fits ") for e in fits), fits
    against = [e for c in result.conditions for e in c.evidence_against]
    assert any(e.startswith("no numbness (makes it") for e in against), against
