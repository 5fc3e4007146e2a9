"""Triage: deterministic red-flag rules combined with the likely conditions' usual levels.

Safety properties (tested with hypothesis):

* adding a red-flag finding never lowers the level;
* with no findings present the level is never ``emergency``;
* the same input always gives the same output.

The condition part is made monotone by construction: its level is the highest level over the
evidence with any subset of the present red-flag findings left out, so a danger sign can add
urgency but never take it away by shifting the ranking.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from nightlegs.assessment.inference import model
from nightlegs.assessment.population import Population
from nightlegs.knowledge import (
    Condition,
    KnowledgeBase,
    RedFlagRule,
    Triage,
    knowledge_index,
    load_knowledge_base,
)

__all__ = ["TriageDecision", "default_action", "fired_red_flags", "rule_fires", "triage"]

# The thresholds below were set on the public vignettes and the tuning half of the red-team
# corpus (docs/safety/triage-policy.md explains each choice); the held-out half was only
# measured. Probabilities are the tempered posteriors of ``inference.model()``.

#: A condition this probable "cannot be ruled out" (the reasons' own wording): it sets its usual
#: level when that level is urgent or higher.
DANGER_PROBABILITY = 0.1
#: An emergency condition this probable cannot be ruled out from words: at least urgent.
EMERGENCY_DOUBT_PROBABILITY = 0.02
#: Self-care needs the best self-care condition at least this probable ...
SELF_CARE_CONFIDENCE = 0.6
#: ... the urgent and emergency conditions together below this ...
SELF_CARE_MAX_DANGER = 0.05
#: ... and at least this many findings present (one phrase is too little to reassure).
SELF_CARE_MIN_FINDINGS = 2
#: Red-flag findings beyond this many are handled by the rules alone (2**k subsets otherwise).
_MAX_SUBSET_FINDINGS = 10


@dataclass(frozen=True)
class TriageDecision:
    """The triage level with the reasons and what to do now."""

    level: Triage
    reasons: tuple[str, ...]
    actions: tuple[str, ...]
    red_flags: tuple[str, ...]
    suspects: tuple[str, ...]
    think_of: tuple[str, ...] = ()


def rule_fires(
    rule: RedFlagRule, present: set[str] | frozenset[str], groups: frozenset[str]
) -> bool:
    """Whether ``rule`` fires on the ``present`` findings for a person in ``groups``.

    Examples
    --------
    >>> from nightlegs.knowledge import load_knowledge_base
    >>> rule = next(r for r in load_knowledge_base().red_flags if r.id == "stroke_face_droop")
    >>> rule_fires(rule, {"face_droop"}, frozenset())
    True
    """
    # Set methods rather than generator loops: every assessment tests dozens of rules.
    if rule.population and groups.isdisjoint(rule.population):
        return False
    if not present.issuperset(rule.all_of):
        return False
    if rule.any_of and sum(fid in present for fid in rule.any_of) < rule.min_any:
        return False
    if rule.and_any_of and present.isdisjoint(rule.and_any_of):
        return False
    return present.isdisjoint(rule.none_of)


def fired_red_flags(
    evidence: Mapping[str, bool], population: Population, kb: KnowledgeBase | None = None
) -> list[RedFlagRule]:
    """The red-flag and safety-net rules of ``kb`` (default: the packaged knowledge base) whose
    findings are present for this person.

    Examples
    --------
    >>> from nightlegs.assessment.population import Population
    >>> fired_red_flags({}, Population())
    []
    """
    present = {fid for fid, value in evidence.items() if value}
    groups = population.groups
    kb = kb or load_knowledge_base()
    by_finding = kb.derived(_rules_by_finding)
    candidates = {index for fid in present for index in by_finding.get(fid, ())}
    rules = kb.red_flags
    return [rules[i] for i in sorted(candidates) if rule_fires(rules[i], present, groups)]


def _rules_by_finding(kb: KnowledgeBase) -> dict[str, tuple[int, ...]]:
    """Rule positions by findings they cannot fire without: the first of ``all_of`` (all are
    needed), else each of ``any_of`` (at least one is needed). Only the few rules keyed by a
    present finding are then tested in full."""
    table: dict[str, list[int]] = {}
    for index, rule in enumerate(kb.red_flags):
        for fid in rule.all_of[:1] or rule.any_of:
            table.setdefault(fid, []).append(index)
    return {fid: tuple(dict.fromkeys(indices)) for fid, indices in table.items()}


def _probability_words(probability: float) -> str:
    """How sure the ranking is, in words a frightened person will not over-read."""
    shown = min(max(probability, 0.01), 0.99)
    if probability >= 0.6:
        return f"fits best ({shown:.0%})"
    if probability >= 0.35:
        return f"is a likely cause ({shown:.0%})"
    return f"cannot be ruled out ({shown:.0%})"


def _guard_fails(condition: Condition, present: set[str], population: Population) -> bool:
    guard = condition.self_care_only_when
    if guard is None:
        return False
    age = population.age
    if age is not None and guard.age_min is not None and age < guard.age_min:
        return True
    if age is not None and guard.age_max is not None and age > guard.age_max:
        return True
    return any(fid in present for fid in guard.none_of)


def _scenario_level(
    row: np.ndarray,
    usual: np.ndarray,
    present: set[str],
    population: Population,
    kb: KnowledgeBase,
) -> tuple[int, list[str]]:
    """The level one ranking calls for, and why it is not self-care when it is not.

    Red-flag findings do not count towards the evidence needed for self-care, so adding one
    can never turn "too little is known" into reassurance.
    """
    kb_conditions = kb.conditions
    red_flag_ids = knowledge_index(kb).red_flag_findings
    top = int(np.argmax(row))
    level = int(usual[top])
    notes: list[str] = []
    dangerous = usual >= Triage.URGENT.rank
    likely = (row >= DANGER_PROBABILITY) & dangerous
    if likely.any():
        level = max(level, int(usual[likely].max()))
    doubtful = (row >= EMERGENCY_DOUBT_PROBABILITY) & (usual >= Triage.EMERGENCY.rank)
    if doubtful.any() and level < Triage.URGENT.rank:
        level = Triage.URGENT.rank
        names = ", ".join(kb_conditions[int(i)].name for i in np.flatnonzero(doubtful))
        notes.append(f"An emergency cause cannot be ruled out from the description ({names}).")
    if level == Triage.SELF_CARE.rank:
        danger_mass = float(row[dangerous].sum())
        danger_signs = sorted(present & red_flag_ids)
        if danger_signs:
            labels = knowledge_index(kb).findings
            notes.append(
                "A danger sign is present ("
                + ", ".join(labels[f].label for f in danger_signs[:3])
                + "), so self-care alone is not enough."
            )
        elif len(present - red_flag_ids) < SELF_CARE_MIN_FINDINGS:
            notes.append("Too little is known to suggest self-care.")
        elif row[top] < SELF_CARE_CONFIDENCE:
            notes.append(
                "No harmless cause fits clearly enough to suggest self-care alone "
                f"(the best fit is at {row[top]:.0%})."
            )
        elif danger_mass >= SELF_CARE_MAX_DANGER:
            notes.append(
                "A cause that needs a doctor soon still has a real chance "
                f"({danger_mass:.0%} together), so self-care alone is not enough."
            )
        elif _guard_fails(kb_conditions[top], present, population):
            guard = kb_conditions[top].self_care_only_when
            notes.append(guard.reason if guard else "")
        if notes:
            level = Triage.DOCTOR.rank
    return level, notes


#: Triage levels by rank.
_LEVELS = sorted(Triage, key=lambda level: level.rank)


def _usual_ranks(kb: KnowledgeBase) -> np.ndarray:
    """Each condition's usual triage rank, in catalogue order (read-only)."""
    ranks = np.array([c.usual_triage.rank for c in kb.conditions])
    ranks.setflags(write=False)
    return ranks


def _condition_level(
    evidence: Mapping[str, bool], population: Population, kb: KnowledgeBase
) -> tuple[Triage, list[str], list[str]]:
    m = model(kb)
    red_flag_ids = knowledge_index(kb).red_flag_findings
    flagged = [fid for fid, v in evidence.items() if v and fid in red_flag_ids][
        :_MAX_SUBSET_FINDINGS
    ]
    base_ids = [fid for fid in evidence if fid not in flagged]
    base = m.log_prior(population) + m.contributions({f: evidence[f] for f in base_ids}).sum(0)
    flag_rows = m.contributions({f: True for f in flagged})
    masks = np.array(list(itertools.product((0.0, 1.0), repeat=len(flagged))))
    scenarios = base + (masks @ flag_rows if flagged else np.zeros_like(base))
    probabilities = m.posterior(np.atleast_2d(scenarios))
    usual = kb.derived(_usual_ranks)
    base_present = {f for f in base_ids if evidence[f]}
    # A scenario leaves some red-flag findings out of the ranking only; the guards and the
    # evidence count still see every present finding, so leaving one out is only stricter.
    present = {f for f, value in evidence.items() if value}
    levels: list[int] = []
    notes: list[list[str]] = []
    for mask, row in zip(masks, probabilities, strict=True):
        rank_, why = _scenario_level(row, usual, present, population, kb)
        if not base_present and not mask.any():
            rank_ = max(rank_, Triage.DOCTOR.rank)
        levels.append(rank_)
        notes.append(why)
    worst = int(np.argmax(levels))
    level = _LEVELS[levels[worst]]
    row = probabilities[worst]
    reasons, suspects = [], []
    for index in np.argsort(-row)[:3]:
        condition = kb.conditions[int(index)]
        if condition.usual_triage.rank == level.rank and row[index] >= DANGER_PROBABILITY:
            pregnancy_related = bool(population.pregnant or population.postpartum)
            name = knowledge_index(kb).wordings[condition.id, pregnancy_related].name
            reasons.append(
                f"{name} {_probability_words(float(row[index]))}; it usually needs: "
                f"{kb.triage_wording[condition.usual_triage].usually_needs}"
            )
            suspects.append(condition.id)
    reasons += notes[worst]
    return level, reasons, suspects


def default_action(level: Triage, kb: KnowledgeBase | None = None) -> str:
    """What to do at ``level`` when no red-flag rule gives a more specific action.

    The words are knowledge-base data (``triage/levels.yaml``), shared with the web pages,
    the report and the terminal.

    Examples
    --------
    >>> default_action(Triage.DOCTOR)
    'Book an appointment with a doctor within the next days to weeks.'
    """
    return (kb or load_knowledge_base()).triage_wording[level].action


def triage(
    evidence: Mapping[str, bool], population: Population, *, kb: KnowledgeBase | None = None
) -> TriageDecision:
    """Decide how urgently the person should be seen.

    Parameters
    ----------
    evidence : mapping of str to bool
        Finding id -> present or absent.
    population : Population
    kb : KnowledgeBase, optional
        Whose rules, model and wording decide (default: the packaged knowledge base).

    Returns
    -------
    TriageDecision

    Examples
    --------
    >>> from nightlegs.assessment.population import Population
    >>> triage({"chest_pain": True, "leg_swelling": True, "unilateral": True},
    ...        Population(age=50)).level.value
    'emergency'
    """
    kb = kb or load_knowledge_base()
    fired = sorted(fired_red_flags(evidence, population, kb), key=lambda r: -r.triage.rank)
    level, reasons, suspects = _condition_level(evidence, population, kb)
    if not any(evidence.values()):
        reasons = ["Too little is known to suggest self-care: have it checked by a doctor."]
    if fired and fired[0].triage.rank > level.rank:
        level = fired[0].triage
    rule_reasons: list[str] = []
    actions: list[str] = []
    think_of: list[str] = []
    seen_topics: set[tuple[str, ...]] = set()
    for rule in fired:
        # Several rules often fire for one danger (a cold, pale, numb foot fires three limb
        # ischaemia rules): one line per danger, only from the most urgent rules, and one
        # action per level, so nothing repeats.
        # The topic is the condition the rule suspects (three wordings of a blocked artery are
        # one danger), else what it says to think of.
        topic = rule.suspect[:1] or (rule.think_of or rule.id,)
        if rule.triage is fired[0].triage and topic not in seen_topics and len(seen_topics) < 3:
            seen_topics.add(topic)
            prefix = "Danger sign" if rule.triage.rank >= Triage.URGENT.rank else "Needs a doctor"
            rule_reasons.append(f"{prefix}: {rule.message}")
        # One action at emergency level (call now), up to two below it.
        most = 1 if level is Triage.EMERGENCY else 2
        if rule.triage is level and rule.action_now not in actions and len(actions) < most:
            actions.append(rule.action_now)
        if rule.think_of and not any(rule.think_of in t for t in think_of):
            # "a blocked artery" adds nothing after "a blocked artery or a stroke"
            think_of = [t for t in think_of if t not in rule.think_of] + [rule.think_of]
        suspects += [s for s in rule.suspect if s not in suspects]
    if not actions:
        actions.append(default_action(level, kb))
    return TriageDecision(
        level=level,
        reasons=tuple(rule_reasons + reasons),
        actions=tuple(actions),
        red_flags=tuple(r.id for r in fired),
        suspects=tuple(suspects),
        think_of=tuple(think_of),
    )
