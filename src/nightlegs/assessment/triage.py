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
from nightlegs.knowledge import RedFlagRule, Triage, knowledge_index, load_knowledge_base

__all__ = ["TriageDecision", "fired_red_flags", "triage"]

#: A condition this probable sets at least its usual level, when that level is urgent or higher.
DANGER_PROBABILITY = 0.25
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


def fired_red_flags(evidence: Mapping[str, bool], population: Population) -> list[RedFlagRule]:
    """The red-flag rules whose findings are present (and whose population matches).

    Examples
    --------
    >>> from nightlegs.assessment.population import Population
    >>> fired_red_flags({}, Population())
    []
    """
    present = {fid for fid, value in evidence.items() if value}
    fired = []
    for rule in load_knowledge_base().red_flags:
        if rule.population and not set(rule.population) & population.groups:
            continue
        if not all(fid in present for fid in rule.all_of):
            continue
        if rule.any_of and sum(fid in present for fid in rule.any_of) < rule.min_any:
            continue
        fired.append(rule)
    return fired


def _condition_level(
    evidence: Mapping[str, bool], population: Population
) -> tuple[Triage, list[str], list[str]]:
    m = model()
    kb = m.kb
    red_flag_ids = knowledge_index().red_flag_findings
    flagged = [fid for fid, v in evidence.items() if v and fid in red_flag_ids][
        :_MAX_SUBSET_FINDINGS
    ]
    base_ids = [fid for fid in evidence if fid not in flagged]
    base = m.log_prior(population) + m.contributions({f: evidence[f] for f in base_ids}).sum(0)
    flag_rows = m.contributions({f: True for f in flagged})
    masks = np.array(list(itertools.product((0.0, 1.0), repeat=len(flagged))))
    scenarios = base + (masks @ flag_rows if flagged else np.zeros_like(base))
    probabilities = m.posterior(np.atleast_2d(scenarios))
    usual = np.array([c.usual_triage.rank for c in kb.conditions])
    base_present = any(evidence[f] for f in base_ids)
    levels = []
    for mask, row in zip(masks, probabilities, strict=True):
        top = int(np.argmax(row))
        level = usual[top]
        if not base_present and not mask.any():
            # Nothing present: too little is known to suggest self-care.
            level = max(level, Triage.DOCTOR.rank)
        dangerous = (row >= DANGER_PROBABILITY) & (usual >= Triage.URGENT.rank)
        if dangerous.any():
            level = max(level, int(usual[dangerous].max()))
        levels.append(level)
    worst = int(np.argmax(levels))
    level = Triage(list(Triage)[levels[worst]])
    row = probabilities[worst]
    reasons, suspects = [], []
    for index in np.argsort(-row)[:3]:
        condition = kb.conditions[int(index)]
        if condition.usual_triage.rank == level.rank and row[index] >= 0.1:
            rank_words = "the most likely cause" if index == np.argmax(row) else "possible"
            reasons.append(
                f"{condition.name} is {rank_words} ({row[index]:.0%}); it usually needs: "
                f"{_LEVEL_WORDS[condition.usual_triage]}"
            )
            suspects.append(condition.id)
    return level, reasons, suspects


_LEVEL_WORDS = {
    Triage.EMERGENCY: "emergency care now",
    Triage.URGENT: "a doctor today",
    Triage.DOCTOR: "a doctor's appointment within days to weeks",
    Triage.SELF_CARE: "self-care, with a doctor if it persists",
}

_DEFAULT_ACTIONS = {
    Triage.EMERGENCY: "Call emergency services (999 / 112 / 911) or go to the emergency "
    "department now.",
    Triage.URGENT: "See a doctor today (GP same-day appointment, urgent care or out-of-hours "
    "service).",
    Triage.DOCTOR: "Book an appointment with a doctor within the next days to weeks.",
    Triage.SELF_CARE: "You can start with self-care; see a doctor if it does not improve in a "
    "few weeks, keeps waking you, or any danger sign appears.",
}


def triage(evidence: Mapping[str, bool], population: Population) -> TriageDecision:
    """Decide how urgently the person should be seen.

    Parameters
    ----------
    evidence : mapping of str to bool
        Finding id -> present or absent.
    population : Population

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
    fired = fired_red_flags(evidence, population)
    level, reasons, suspects = _condition_level(evidence, population)
    if not any(evidence.values()):
        reasons = ["Too little is known to suggest self-care: have it checked by a doctor."]
    actions: list[str] = []
    for rule in sorted(fired, key=lambda r: -r.triage.rank):
        if rule.triage.rank > level.rank:
            level = rule.triage
        reasons.insert(0, f"Danger sign: {rule.message}")
        if rule.action_now not in actions:
            actions.append(rule.action_now)
        suspects += [s for s in rule.suspect if s not in suspects]
    if not actions or level.rank > max(r.triage.rank for r in fired):
        actions.append(_DEFAULT_ACTIONS[level])
    return TriageDecision(
        level=level,
        reasons=tuple(reasons),
        actions=tuple(actions),
        red_flags=tuple(r.id for r in fired),
        suspects=tuple(suspects),
    )
