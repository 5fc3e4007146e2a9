"""Adaptive interview: a stateless step function.

Evidence in (answers so far, ``None`` for "don't know"), next question out, with why it is asked,
the current ranking and triage. The order serves safety first and the person second:

1. an emergency ends the interview at once;
2. a "yes" to a danger sign is followed up at once by the questions that would complete a
   red-flag rule (at most :data:`RULE_FOLLOW_UPS` per rule, and only for rules one or two
   answers from firing);
3. the complaint, as choice questions a person can answer on a phone (where, one or both legs,
   what it feels like, when, how it started), skipped where a description already said it;
4. the screens people forget to mention (medicines, dark urine, a fall, a child's pallor or
   bruising), each only for the people it fits;
5. then the question worth most for the triage and the ranking together, until the answer
   would no longer change or the budget is spent.

The opening questions and screens are data (``knowledge/data/interview/plan.yaml``); questions
about findings carry their own ``asked_of`` limits, so nobody is asked what cannot apply to them
(the pill of a boy of 7, childbirth of a man).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from nightlegs.assessment._parent_wording import for_parent
from nightlegs.assessment._question_value import (
    _LEVEL_WORTH,
    _information_gain,
    _p_yes,
    _rule_need,
    _triage_value,
)
from nightlegs.assessment.inference import ConditionScore, model, rank
from nightlegs.assessment.population import Population, with_answers
from nightlegs.assessment.triage import TriageDecision, fired_red_flags, triage
from nightlegs.knowledge import (
    AgeBand,
    Finding,
    FindingCategory,
    KnowledgeBase,
    PlannedQuestion,
    RedFlagRule,
    Triage,
    knowledge_index,
    load_knowledge_base,
)

__all__ = [
    "MAX_QUESTIONS",
    "RULE_FOLLOW_UPS",
    "InterviewStep",
    "Option",
    "Question",
    "answered_questions",
    "for_parent",
    "next_step",
]

#: The question budget (text findings do not count).
MAX_QUESTIONS = 15
#: The best cause must be this probable before the interview may stop on confidence ...
CONFIDENT = 0.85
#: ... after at least this many questions chosen by value (naive Bayes grows confident fast).
MIN_CHOSEN = 1
#: At most this many questions are asked to complete any one red-flag rule.
RULE_FOLLOW_UPS = 3
#: Only rules this close to firing (answers still needed) are followed up at once.
FOLLOW_UP_DISTANCE = 2
#: Follow-up questions answered "no" or "don't know", per danger sign answered "yes", after
#: which the interview goes back to its own order (the budget serves the decision, not one worry).
FOLLOW_UP_BUDGET = 3
#: A follow-up must be worth this much (chance of a "yes" times the levels it would add).
FOLLOW_UP_MIN = 0.15
#: Worth of one triage level gained, in the units of information gain (nats): a question that
#: may well move the triage outranks one that only sharpens the ranking.
TRIAGE_WEIGHT = 0.5
#: Below this value no question is worth asking.
MIN_VALUE = 0.02
#: Once confident, the interview ends unless a question may raise the triage by this many
#: levels in expectation.
TRIAGE_STOP = 0.2
#: How many candidates, ranked by the rule-based bound, have their triage gain checked exactly.
_EXACT_CANDIDATES = 8
_CHILD = frozenset({AgeBand.CHILD.value})
_SIDES = frozenset({"unilateral", "bilateral"})


@dataclass(frozen=True)
class Option:
    """One answer to a choice question: choosing it says finding ``id`` is present."""

    id: str
    text: str


@dataclass(frozen=True)
class Question:
    """A question for the person, with why it is asked.

    A yes/no question's ``id`` is a finding id. A choice question has ``options`` whose ids
    are findings: the answer is one evidence item per option (``True`` for the chosen ones,
    ``False`` for the rest, all ``None`` for "don't know").
    """

    id: str
    text: str
    why: str
    options: tuple[Option, ...] = ()
    multiple: bool = False

    @property
    def kind(self) -> str:
        """``"choice"`` or ``"yes_no"``."""
        return "choice" if self.options else "yes_no"


@dataclass(frozen=True)
class InterviewStep:
    """One step of the interview.

    ``remaining`` is the most questions still to come, this one included (the budget left);
    ``expected_remaining`` is how many are likely (the opening questions and screens still to
    ask, and one more); ``stage`` says where the interview is (``complaint``, ``safety``,
    ``screen``, ``detail`` or ``done``).
    """

    question: Question | None
    ranking: tuple[ConditionScore, ...]
    triage: TriageDecision
    done: bool
    asked: int
    remaining: int = 0
    stage: str = "done"
    expected_remaining: int = 0


def _plan(kb: KnowledgeBase | None = None) -> tuple[PlannedQuestion, ...]:
    plan = (kb or load_knowledge_base()).interview
    return plan.questions if plan is not None else ()


def answered_questions(
    evidence: Mapping[str, bool | None],
    preset: Collection[str] = (),
    kb: KnowledgeBase | None = None,
) -> int:
    """How many questions the answers in ``evidence`` stand for.

    A choice question (all its options answered at once) counts once; findings read from a
    description (``preset``) do not count.

    Examples
    --------
    >>> answered_questions({"unilateral": False, "bilateral": True, "fever": False})
    2
    """
    consumed: set[str] = set()
    count = 0
    for question in _plan(kb):
        options = {o.id for o in question.options}
        if options and options <= evidence.keys() and not options <= set(preset):
            count += 1
            consumed |= options
    return count + sum(f not in consumed and f not in preset for f in evidence)


def _fits(
    groups: frozenset[str], sex: str | None, asked_of: Iterable[str], only_sex: str | None
) -> bool:
    asked_of = set(asked_of)
    ages = groups & {band.value for band in AgeBand}
    if asked_of and ages and not ages & asked_of:
        return False
    return not (only_sex and sex and sex != only_sex)


def _finding_fits(finding: Finding, population: Population) -> bool:
    return finding.ask and _fits(
        population.groups, population.sex, finding.asked_of, finding.asked_of_sex
    )


def _question_text(finding: Finding, population: Population) -> str:
    if population.groups & _CHILD:
        return finding.parent_question or for_parent(finding.question)
    return finding.question


def _planned(question: PlannedQuestion, population: Population, kb: KnowledgeBase) -> Question:
    by_id = knowledge_index(kb).findings
    child = bool(population.groups & _CHILD)
    if question.finding is not None:
        finding = by_id[question.finding]
        text = question.text or _question_text(finding, population)
        if child and question.parent_text:
            text = question.parent_text
        return Question(finding.id, text, question.why)
    text = (question.parent_text if child and question.parent_text else question.text) or ""
    options = tuple(Option(o.id, o.text) for o in question.options)
    return Question(question.id or "", text, question.why, options, question.multiple)


def _danger_follow_up(
    evidence: Mapping[str, bool | None],
    known: Mapping[str, bool],
    population: Population,
    probabilities: NDArray[np.float64],
    above: Triage,
    kb: KnowledgeBase,
    *,
    danger_only: bool = False,
) -> tuple[str, RedFlagRule] | None:
    """The question that completes the most urgent rule an answer has started, if any.

    A rule is followed up when a danger sign in it (a red-flag finding or one the screens ask
    about) was answered "yes" and it is at most
    :data:`FOLLOW_UP_DISTANCE` answers from firing, or when any other finding in it (not just
    a place or a side) was answered "yes" and it needs one more answer.
    """
    by_id = knowledge_index(kb).findings
    fired = {r.id for r in fired_red_flags(known, population, kb)}
    groups = population.groups
    rows = {cid: i for i, cid in enumerate(model(kb).condition_ids)}
    screened = _screened(kb)
    best: tuple[tuple[float, int, int], str, RedFlagRule] | None = None
    for rule in kb.red_flags:
        if rule.id in fired or (rule.population and not set(rule.population) & groups):
            continue
        if rule.triage.rank <= above.rank:
            continue
        said = [f for f in rule.findings if known.get(f)]
        if not said:
            continue
        danger = any(by_id[f].red_flag or f in screened for f in said)
        telling = any(_telling(f, kb) for f in said)
        needed = _rule_need(rule, known, evidence)
        if needed is None or not (danger or (telling and not danger_only)):
            continue
        if needed[0] > (FOLLOW_UP_DISTANCE if danger else 1):
            continue
        asked_for_rule = sum(evidence.get(f) is not True for f in rule.findings if f in evidence)
        if asked_for_rule >= RULE_FOLLOW_UPS:
            continue
        candidates = [f for f in needed[1] if _finding_fits(by_id[f], population)]
        if not candidates:
            continue
        likely = _p_yes(probabilities, candidates, kb)
        # Key findings (all_of) first, then the likeliest of the rest.
        pick = max(range(len(candidates)), key=lambda i: (candidates[i] in rule.all_of, likely[i]))
        # A rule about a cause that already leads (a clot when the leg is swollen) comes first.
        suspected = sum(probabilities[rows[c]] for c in rule.suspect if c in rows)
        worth = _LEVEL_WORTH[rule.triage] - _LEVEL_WORTH[above]
        chance = max(float(likely[pick]), float(suspected))
        key = (chance * worth / needed[0], rule.triage.rank, -needed[0])
        if key[0] < FOLLOW_UP_MIN:
            continue
        if best is None or key > best[0]:
            best = (key, candidates[pick], rule)
    return (best[1], best[2]) if best else None


def _screened(kb: KnowledgeBase) -> set[str]:
    """The findings the screens ask about: a "yes" to one counts like a red-flag finding."""
    return {
        f
        for q in _plan(kb)
        if q.stage == "screen"
        for f in (q.finding, *(o.id for o in q.options))
        if f is not None
    }


def _telling(fid: str, kb: KnowledgeBase) -> bool:
    """Whether a "yes" to ``fid`` says something about danger (not just a place or a side)."""
    category = knowledge_index(kb).findings[fid].category
    return category is not FindingCategory.SITE and fid not in _SIDES


def _follow_ups_spent(
    evidence: Mapping[str, bool | None],
    known: Mapping[str, bool],
    preset: Collection[str],
    kb: KnowledgeBase,
) -> tuple[int, int]:
    """Answers "no" or "don't know" to findings of rules that an answer has started, and how
    many danger signs were answered "yes"."""
    by_id = knowledge_index(kb).findings
    planned = {q.finding for q in _plan(kb)} | {o.id for q in _plan(kb) for o in q.options}
    started = {
        f
        for rule in kb.red_flags
        if any(known.get(g) and _telling(g, kb) for g in rule.findings)
        for f in rule.findings
    }
    spent = sum(
        1
        for f, value in evidence.items()
        if value is not True and f in started and f not in planned and f not in preset
    )
    screened = _screened(kb)
    dangers = sum(1 for f, value in known.items() if value and (by_id[f].red_flag or f in screened))
    return spent, dangers


def _why_value(fid: str, ranking: list[ConditionScore], for_triage: bool, kb: KnowledgeBase) -> str:
    if for_triage:
        return "It checks for a sign that would change how soon you should be seen."
    m = model(kb)
    lay = {c.id: c.lay_name for c in m.kb.conditions}
    rows = {cid: i for i, cid in enumerate(m.condition_ids)}
    column = m.finding_index[fid]
    top = [s.id for s in ranking[:4]]
    values = {cid: m.p_present[rows[cid], column] for cid in top}
    high = max(values, key=lambda k: values[k])
    low = min(values, key=lambda k: values[k])
    if high == low or abs(values[high] - values[low]) < 0.1:
        return "It helps narrow down the possible causes."
    first = lay[high][0].upper() + lay[high][1:]
    return f"{first} and {lay[low]} differ here; this helps tell them apart."


def _open_planned(
    evidence: Mapping[str, bool | None],
    known: Mapping[str, bool],
    population: Population,
    kb: KnowledgeBase,
) -> list[PlannedQuestion]:
    """The complaint questions and screens still to ask this person, in order."""
    by_id = knowledge_index(kb).findings
    groups = population.groups
    result: list[PlannedQuestion] = []
    for question in _plan(kb):
        if not _fits(groups, population.sex, (a.value for a in question.asked_of), None):
            continue
        if question.when_any and not any(known.get(f) for f in question.when_any):
            continue
        if question.finding is not None:
            finding = by_id[question.finding]
            if question.finding in evidence or not _finding_fits(finding, population):
                continue
            if any(q.finding == question.finding for q in result):
                continue
        elif any(o.id in evidence for o in question.options):
            continue
        result.append(question)
    return result


def next_step(
    evidence: Mapping[str, bool | None],
    population: Population,
    *,
    max_questions: int = MAX_QUESTIONS,
    preset: Collection[str] = (),
    kb: KnowledgeBase | None = None,
) -> InterviewStep:
    """Choose the next interview question.

    Parameters
    ----------
    evidence : mapping of str to bool or None
        Answers so far, by finding id: ``True`` yes, ``False`` no, ``None`` don't know. A
        choice question is answered with one item per option.
    population : Population
    max_questions : int
        Stop after this many answered or skipped questions.
    preset : collection of str
        Finding ids that came from a free-text description rather than from questions; they
        are used as evidence but do not count towards ``max_questions``.
    kb : KnowledgeBase, optional
        Whose questions, rules and model choose (default: the packaged knowledge base).

    Returns
    -------
    InterviewStep
        ``question`` is ``None`` and ``done`` is ``True`` when the interview should end.

    Examples
    --------
    >>> from nightlegs.assessment.population import Population, with_answers
    >>> step = next_step({}, Population(age=40))
    >>> step.question.id, step.question.kind
    ('where', 'choice')
    >>> step = next_step({"pale_or_blue_foot": True, "sudden_onset": True}, Population(age=70))
    >>> step.done, step.triage.level.value
    (True, 'emergency')
    """
    kb = kb or load_knowledge_base()
    m = model(kb)
    known = {fid: value for fid, value in evidence.items() if value is not None}
    population = with_answers(population, known)
    ranking = rank(known, population, kb=kb)
    decision = triage(known, population, kb=kb)
    asked = answered_questions(evidence, preset, kb)
    budget = max(0, max_questions - asked)
    by_id = knowledge_index(kb).findings

    def step(question: Question | None, stage: str, expected: int) -> InterviewStep:
        if question is None:
            return InterviewStep(None, tuple(ranking[:5]), decision, True, asked)
        expected = min(budget, max(expected, 1))
        return InterviewStep(
            question, tuple(ranking[:5]), decision, False, asked, budget, stage, expected
        )

    if decision.level is Triage.EMERGENCY or budget == 0:
        return step(None, "done", 0)
    probabilities = np.zeros(len(m.condition_ids))
    rows = {cid: i for i, cid in enumerate(m.condition_ids)}
    for score in ranking:
        probabilities[rows[score.id]] = score.probability
    planned = _open_planned(evidence, known, population, kb)
    estimate = len(planned) + MIN_CHOSEN

    def safety(follow_up: tuple[str, RedFlagRule]) -> InterviewStep:
        fid, rule = follow_up
        reason = rule.message.rstrip(".")
        why = f"Asked for safety: with what you said, it checks for a danger sign ({reason})."
        # A choice question still to come that holds the finding asks more for the same effort.
        holder = next((q for q in planned if any(o.id == fid for o in q.options)), None)
        if holder is not None:
            return step(replace(_planned(holder, population, kb), why=why), "safety", estimate)
        return step(Question(fid, _question_text(by_id[fid], population), why), "safety", estimate)

    # An emergency that one or two answers could confirm is followed up at once; other danger
    # signs after the complaint and the screens.
    spent, dangers = _follow_ups_spent(evidence, known, preset, kb)
    budget_left = spent < FOLLOW_UP_BUDGET * max(dangers, 1)
    follow_up = None
    if budget_left:
        follow_up = _danger_follow_up(
            evidence,
            known,
            population,
            probabilities,
            max(decision.level, Triage.URGENT, key=lambda level: level.rank),
            kb,
            danger_only=True,
        )
    if follow_up is not None:
        return safety(follow_up)
    if planned:
        return step(_planned(planned[0], population, kb), planned[0].stage, estimate)
    if budget_left:
        follow_up = _danger_follow_up(
            evidence, known, population, probabilities, decision.level, kb
        )
    if follow_up is not None:
        return safety(follow_up)

    planned_ids = {q.finding for q in _plan(kb)} | {o.id for q in _plan(kb) for o in q.options}
    chosen = sum(fid not in preset and fid not in planned_ids for fid in evidence)
    candidates = [
        f.id for f in m.kb.findings if f.id not in evidence and _finding_fits(f, population)
    ]
    if not candidates:
        return step(None, "done", 0)
    gains = _information_gain(probabilities, [m.finding_index[f] for f in candidates], kb)
    triage_gain = _triage_value(
        candidates, known, evidence, population, decision.level, probabilities, kb
    )
    # The bound above ignores guards and exclusions: check the most promising exactly.
    p_yes = _p_yes(probabilities, candidates, kb)
    for i in np.argsort(-triage_gain)[:_EXACT_CANDIDATES]:
        if triage_gain[i] > 0:
            raised = triage({**known, candidates[i]: True}, population, kb=kb).level
            triage_gain[i] = p_yes[i] * max(
                0.0, _LEVEL_WORTH[raised] - _LEVEL_WORTH[decision.level]
            )
    value = gains + TRIAGE_WEIGHT * triage_gain
    best = int(np.argmax(value))
    confident = ranking[0].probability >= CONFIDENT and chosen >= MIN_CHOSEN
    if value[best] < MIN_VALUE or (confident and triage_gain.max() < TRIAGE_STOP):
        return step(None, "done", 0)
    fid = candidates[best]
    for_triage = TRIAGE_WEIGHT * triage_gain[best] > gains[best]
    question = Question(
        fid, _question_text(by_id[fid], population), _why_value(fid, ranking, for_triage, kb)
    )
    return step(question, "detail", MIN_CHOSEN)
