"""What asking a question is worth: the information it gives about the cause, and how likely it
is to raise the triage by completing a red-flag rule."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
from numpy.typing import NDArray

from nightlegs.assessment.inference import model
from nightlegs.assessment.population import Population
from nightlegs.knowledge import KnowledgeBase, RedFlagRule, Triage

__all__: list[str] = []


#: What reaching each level is worth when a question may raise the triage: missing an
#: emergency costs far more than missing a routine appointment.
_LEVEL_WORTH = {
    Triage.SELF_CARE: 0.0,
    Triage.DOCTOR: 1.0,
    Triage.URGENT: 2.0,
    Triage.EMERGENCY: 4.0,
}


def _rule_need(
    rule: RedFlagRule, known: Mapping[str, bool], answered: Collection[str]
) -> tuple[int, list[str]] | None:
    """Answers still needed for ``rule`` to fire, and the unasked findings that could give them.

    ``None`` when the answers so far rule it out.
    """
    if any(known.get(f) is False for f in rule.all_of) or any(known.get(f) for f in rule.none_of):
        return None
    missing_all = [f for f in rule.all_of if f not in known]
    need = len(missing_all)
    open_any = [f for f in rule.any_of if f not in known]
    short = rule.min_any - sum(bool(known.get(f)) for f in rule.any_of) if rule.any_of else 0
    if short > len(open_any):
        return None
    need += max(0, short)
    open_and = [f for f in rule.and_any_of if f not in known]
    and_short = bool(rule.and_any_of) and not any(known.get(f) for f in rule.and_any_of)
    if and_short and not open_and:
        return None
    need += int(and_short)
    candidates = missing_all + (open_any if short > 0 else []) + (open_and if and_short else [])
    return need, [f for f in candidates if f not in answered]


def _p_yes(
    probabilities: NDArray[np.float64], finding_ids: list[str], kb: KnowledgeBase
) -> NDArray[np.float64]:
    m = model(kb)
    columns = [m.finding_index[f] for f in finding_ids]
    result: NDArray[np.float64] = probabilities @ m.p_present[:, columns]
    return result


def _entropy(p: NDArray[np.float64], axis: int = 0) -> NDArray[np.float64]:
    safe = np.clip(p, 1e-12, 1.0)
    result: NDArray[np.float64] = -(safe * np.log(safe)).sum(axis=axis)
    return result


def _information_gain(
    probabilities: NDArray[np.float64], columns: list[int], kb: KnowledgeBase
) -> NDArray[np.float64]:
    likelihood = model(kb).p_present[:, columns]
    p_yes = probabilities @ likelihood
    post_yes = probabilities[:, None] * likelihood / np.clip(p_yes, 1e-12, None)
    post_no = probabilities[:, None] * (1 - likelihood) / np.clip(1 - p_yes, 1e-12, None)
    expected = p_yes * _entropy(post_yes) + (1 - p_yes) * _entropy(post_no)
    gain: NDArray[np.float64] = _entropy(probabilities) - expected
    return gain


def _triage_value(
    candidates: list[str],
    known: Mapping[str, bool],
    answered: Collection[str],
    population: Population,
    level: Triage,
    probabilities: NDArray[np.float64],
    kb: KnowledgeBase,
) -> NDArray[np.float64]:
    """Expected triage levels gained by asking each candidate (a cheap, rule-based bound).

    A "yes" that would complete a rule above the current level is worth the levels it adds;
    a finding that only brings a rule closer is worth that share of it.
    """
    index = {f: i for i, f in enumerate(candidates)}
    gain = np.zeros(len(candidates))
    groups = population.groups
    for rule in kb.red_flags:
        raise_by = _LEVEL_WORTH[rule.triage] - _LEVEL_WORTH[level]
        if raise_by <= 0 or (rule.population and not set(rule.population) & groups):
            continue
        needed = _rule_need(rule, known, answered)
        if needed is None:
            continue
        need, open_findings = needed
        for fid in open_findings:
            if fid in index:
                gain[index[fid]] = max(gain[index[fid]], raise_by / max(need, 1))
    return gain * _p_yes(probabilities, candidates, kb) if candidates else gain
