"""Adaptive interview: a stateless step function.

Evidence in (answers so far, ``None`` for "don't know"), next question out, with why it is asked,
the current ranking and triage. Red-flag screening comes first; then the question with the
highest expected information gain about the cause; the interview stops when one cause is
clearly ahead, when no question would help, or after a bounded number of questions.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nightlegs.assessment.inference import ConditionScore, model, rank
from nightlegs.assessment.population import Population
from nightlegs.assessment.triage import TriageDecision, fired_red_flags, triage
from nightlegs.knowledge import Triage, knowledge_index, load_knowledge_base

__all__ = ["MAX_QUESTIONS", "SCREENING", "InterviewStep", "Question", "next_step"]

MAX_QUESTIONS = 15
CONFIDENT = 0.85
#: Questions beyond the screening that are asked before the interview may stop on confidence:
#: naive Bayes grows confident fast, and a few discriminating answers guard against mimics.
MIN_FOLLOW_UP = 3
_MIN_GAIN = 0.01
#: Red-flag screening questions, asked first (one each for the most dangerous patterns).
SCREENING: tuple[str, ...] = (
    "pale_or_blue_foot",
    "leg_swelling",
    "chest_pain",
    "saddle_numbness",
    "fever",
)


@dataclass(frozen=True)
class Question:
    """A question for the person, with the finding it asks about and why it is asked."""

    id: str
    text: str
    why: str


@dataclass(frozen=True)
class InterviewStep:
    """One step of the interview."""

    question: Question | None
    ranking: tuple[ConditionScore, ...]
    triage: TriageDecision
    done: bool
    asked: int


def _entropy(p: NDArray[np.float64], axis: int = 0) -> NDArray[np.float64]:
    safe = np.clip(p, 1e-12, 1.0)
    result: NDArray[np.float64] = -(safe * np.log(safe)).sum(axis=axis)
    return result


def _best_question(probabilities: NDArray[np.float64], candidates: list[int]) -> tuple[int, float]:
    m = model()
    likelihood = m.p_present[:, candidates]  # conditions x candidates
    p_yes = probabilities @ likelihood
    post_yes = probabilities[:, None] * likelihood / np.clip(p_yes, 1e-12, None)
    post_no = probabilities[:, None] * (1 - likelihood) / np.clip(1 - p_yes, 1e-12, None)
    expected = p_yes * _entropy(post_yes) + (1 - p_yes) * _entropy(post_no)
    gains = _entropy(probabilities) - expected
    best = int(np.argmax(gains))
    return candidates[best], float(gains[best])


def _why_informative(finding_column: int, ranking: list[ConditionScore]) -> str:
    m = model()
    names = {c.id: c.name for c in m.kb.conditions}
    rows = {cid: i for i, cid in enumerate(m.condition_ids)}
    top = [s.id for s in ranking[:4]]
    values = {cid: m.p_present[rows[cid], finding_column] for cid in top}
    high = max(values, key=lambda k: values[k])
    low = min(values, key=lambda k: values[k])
    if high == low:
        return "It helps narrow down the possible causes."
    return (
        f"It helps tell apart {names[high]} (where this is common) and {names[low]} "
        "(where it is not)."
    )


def next_step(
    evidence: Mapping[str, bool | None],
    population: Population,
    *,
    max_questions: int = MAX_QUESTIONS,
    preset: Collection[str] = (),
) -> InterviewStep:
    """Choose the next interview question.

    Parameters
    ----------
    evidence : mapping of str to bool or None
        Answers so far: ``True`` yes, ``False`` no, ``None`` don't know.
    population : Population
    max_questions : int
        Stop after this many answered or skipped questions.
    preset : collection of str
        Finding ids that came from a free-text description rather than from questions; they
        are used as evidence but do not count towards ``max_questions``.

    Returns
    -------
    InterviewStep
        ``question`` is ``None`` and ``done`` is ``True`` when the interview should end.

    Examples
    --------
    >>> from nightlegs.assessment.population import Population
    >>> step = next_step({}, Population(age=40))
    >>> step.question.id in SCREENING
    True
    """
    kb = load_knowledge_base()
    m = model()
    known = {fid: value for fid, value in evidence.items() if value is not None}
    ranking = rank(known, population)
    decision = triage(known, population)
    asked = sum(fid not in preset for fid in evidence)
    by_id = knowledge_index().findings

    def step(fid: str | None, why: str = "") -> InterviewStep:
        question = Question(fid, by_id[fid].question, why) if fid else None
        return InterviewStep(question, tuple(ranking[:5]), decision, fid is None, asked)

    if decision.level is Triage.EMERGENCY or asked >= max_questions:
        return step(None)
    for fid in SCREENING:
        if fid not in evidence:
            return step(
                fid, "Asked first for safety: it screens for a danger sign that needs care quickly."
            )
    # Finish any red-flag rule that is half answered, before anything else: its key findings
    # (all_of) first; its other findings only while they could still make it fire.
    fired = {r.id for r in fired_red_flags(known, population)}
    for rule in kb.red_flags:
        involved = (*rule.all_of, *rule.any_of)
        if rule.id in fired or not any(known.get(f) for f in involved):
            continue
        if any(known.get(f) is False for f in rule.all_of):
            continue
        missing_any = rule.min_any - sum(bool(known.get(f)) for f in rule.any_of)
        candidates = [f for f in rule.all_of if f not in evidence]
        if rule.any_of and missing_any > 0:
            candidates += [f for f in rule.any_of if f not in evidence]
        for fid in candidates:
            if by_id[fid].ask:
                return step(
                    fid,
                    f"Asked for safety: together with what you said, it checks "
                    f"for a danger sign ({rule.message.rstrip('.')}).",
                )
    probabilities = np.array([0.0] * len(m.condition_ids))
    rows = {cid: i for i, cid in enumerate(m.condition_ids)}
    for score in ranking:
        probabilities[rows[score.id]] = score.probability
    follow_up = sum(fid not in preset and fid not in SCREENING for fid in evidence)
    if ranking[0].probability >= CONFIDENT and follow_up >= MIN_FOLLOW_UP:
        return step(None)
    columns = [m.finding_index[f.id] for f in kb.findings if f.ask and f.id not in evidence]
    if not columns:
        return step(None)
    column, gain = _best_question(probabilities, columns)
    if gain < _MIN_GAIN:
        return step(None)
    fid = kb.findings[column].id
    return step(fid, _why_informative(column, ranking))
