"""Safety properties of triage, checked with hypothesis."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nightlegs.assessment import Population, triage
from nightlegs.knowledge import Triage, load_knowledge_base

KB = load_knowledge_base()
ALL_FINDINGS = sorted(f.id for f in KB.findings)
RED_FLAG_FINDINGS = sorted(f.id for f in KB.findings if f.red_flag)

evidence_strategy = st.dictionaries(st.sampled_from(ALL_FINDINGS), st.booleans(), max_size=12)
population_strategy = st.builds(
    Population,
    age=st.one_of(st.none(), st.floats(min_value=0, max_value=120)),
    sex=st.sampled_from([None, "female", "male"]),
    pregnant=st.sampled_from([None, False]),
    postpartum=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(evidence_strategy, population_strategy, st.sampled_from(RED_FLAG_FINDINGS))
# Found by hypothesis while the self-care policy was written: one benign finding plus a
# danger sign that fires no rule once turned "too little to reassure" into self-care.
@example({"relieved_by_stretching": True}, Population(age=40.0), "agitation")
@example({"relieved_by_stretching": True}, Population(age=40.0), "chest_pain")
# Needs the subset construction: a danger sign that makes a benign cause more likely.
@example({"muscle_cramp": True, "site_calf": True}, Population(age=70.0), "leg_weakness")
def test_adding_a_red_flag_never_lowers_triage(
    evidence: dict[str, bool], population: Population, red_flag: str
) -> None:
    evidence = {k: v for k, v in evidence.items() if k != red_flag}
    before = triage(evidence, population).level
    after = triage({**evidence, red_flag: True}, population).level
    assert after.rank >= before.rank


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.sampled_from(ALL_FINDINGS), st.just(False), max_size=15), population_strategy
)
def test_no_findings_present_never_gives_emergency(
    evidence: dict[str, bool], population: Population
) -> None:
    assert triage(evidence, population).level is not Triage.EMERGENCY


@settings(max_examples=60, deadline=None)
@given(evidence_strategy, population_strategy)
def test_same_input_same_output(evidence: dict[str, bool], population: Population) -> None:
    assert triage(evidence, population) == triage(dict(evidence), population)


def test_every_red_flag_rule_fires_on_its_own_findings() -> None:
    for rule in KB.red_flags:
        evidence = {fid: True for fid in rule.all_of}
        evidence.update({fid: True for fid in rule.any_of[: rule.min_any]})
        evidence.update({fid: True for fid in rule.and_any_of[:1]})
        groups = {"child": 6.0, "adolescent": 15.0, "adult": 40.0, "older": 75.0}
        age = groups.get(rule.population[0]) if rule.population else None
        pregnant = True if "pregnant" in rule.population else None
        postpartum = rule.population == ("postpartum",)
        decision = triage(evidence, Population(age=age, pregnant=pregnant, postpartum=postpartum))
        assert rule.id in decision.red_flags
        assert decision.level.rank >= rule.triage.rank
