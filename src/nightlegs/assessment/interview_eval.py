"""Measure the interview with simulated patients who answer honestly from their story.

A simulated patient gives a person (age, sex, pregnancy), the findings that are true for them
(``answers.yes``), the ones they could not answer (``answers.unknown``) and a clinician's gold
answer. Every other finding is answered "no". The patient answers a choice question by choosing
the options that are true for them (the first true one when only one may be chosen), and "don't
know" to all options when one of them is unknown to them and none is true.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nightlegs.assessment.evaluation import Vignette, read_cases, wilson_interval
from nightlegs.assessment.interview import MAX_QUESTIONS, Question, next_step
from nightlegs.assessment.population import make_population
from nightlegs.errors import InputError
from nightlegs.knowledge import Triage, knowledge_index

__all__ = [
    "InterviewReport",
    "InterviewRun",
    "Mode",
    "SimulatedPatient",
    "evaluate_interviews",
    "load_patients",
    "run_interview",
]

Mode = Literal["questions", "text"]


class Answers(BaseModel):
    """What is true for the patient, and what they cannot say."""

    model_config = ConfigDict(extra="forbid")

    yes: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)


class SimulatedPatient(Vignette):
    """A vignette that can also answer questions (``text`` is the whole story)."""

    first_sentence: str = ""
    answers: Answers

    def truth(self) -> tuple[frozenset[str], frozenset[str]]:
        """The findings that are true (with what they imply) and the ones unknown."""
        by_id = knowledge_index().findings
        yes = set(self.answers.yes)
        for fid in list(yes):
            yes |= {target for target, value in by_id[fid].implies.items() if value}
        return frozenset(yes), frozenset(self.answers.unknown) - yes

    def answer(self, question: Question) -> dict[str, bool | None]:
        """The evidence items this patient gives for ``question``."""
        yes, unknown = self.truth()
        if not question.options:
            return {question.id: None if question.id in unknown else question.id in yes}
        ids = [o.id for o in question.options]
        chosen = [i for i in ids if i in yes]
        if not chosen and any(i in unknown for i in ids):
            return dict.fromkeys(ids, None)
        if not question.multiple:
            chosen = chosen[:1]
        return {i: i in chosen for i in ids}


def load_patients(path: Path) -> list[SimulatedPatient]:
    """Read simulated patients (a JSON list; each has ``story`` or ``text``).

    Raises
    ------
    InputError
        Naming the file, the case and the field when the file does not fit.
    """
    patients = read_cases(path, SimulatedPatient, "patient", _story_as_text)
    known = knowledge_index().findings
    for patient in patients:
        unknown = [f for f in (*patient.answers.yes, *patient.answers.unknown) if f not in known]
        if unknown:
            raise InputError(f"{path}: patient {patient.id}: unknown finding {unknown[0]!r}")
    return patients


def _story_as_text(item: Any) -> Any:
    if isinstance(item, dict) and "text" not in item and "story" in item:
        return {**item, "text": item["story"]}
    return item


@dataclass(frozen=True)
class InterviewRun:
    """One simulated interview: what was asked and where it ended."""

    id: str
    questions: tuple[str, ...]
    predicted: tuple[str, ...]
    triage: Triage
    levels: tuple[Triage, ...]
    first_danger_at: int | None
    gold: str | None
    triage_acceptable: tuple[Triage, ...]

    @property
    def asked(self) -> int:
        return len(self.questions)

    @property
    def final_triage_at(self) -> int:
        """The question after which the final level was reached and kept (0: from the start)."""
        at = len(self.levels)
        while at > 0 and self.levels[at - 1] is self.triage:
            at -= 1
        return at

    @property
    def under_triaged(self) -> bool:
        return self.triage.rank < min(t.rank for t in self.triage_acceptable)

    @property
    def over_triaged(self) -> bool:
        return self.triage.rank > max(t.rank for t in self.triage_acceptable)

    @property
    def emergency_delay(self) -> int | None:
        """Questions from the first danger answer to the emergency (``None``: no such pair)."""
        if self.triage is not Triage.EMERGENCY or self.first_danger_at is None:
            return None
        return max(0, self.final_triage_at - self.first_danger_at)


def run_interview(
    patient: SimulatedPatient,
    *,
    mode: Mode = "questions",
    dont_know_as_no: bool = False,
    max_questions: int = MAX_QUESTIONS,
) -> InterviewRun:
    """Play one interview with ``patient``.

    ``mode="text"`` first reads the patient's first sentence with the intake (as
    ``POST /api/interview`` does with ``text``), then asks.

    Examples
    --------
    >>> patient = SimulatedPatient(id="x", text="night cramps", gold="nocturnal_leg_cramps",
    ...     triage="self_care", age=60, answers={"yes": ["muscle_cramp", "site_calf"]})
    >>> run = run_interview(patient)
    >>> run.asked <= 15 and run.predicted[0] == "nocturnal_leg_cramps"
    True
    """
    from nightlegs.intake import extract

    population = make_population(patient.age, patient.sex, patient.pregnant)
    evidence: dict[str, bool | None] = {}
    preset: set[str] = set()
    if mode == "text" and patient.first_sentence.strip():
        for finding in extract(patient.first_sentence).findings:
            evidence[finding.id] = finding.present
            preset.add(finding.id)
    red_flags = {f.id for f in knowledge_index().findings.values() if f.red_flag}
    asked: list[str] = []
    levels: list[Triage] = []
    first_danger: int | None = None
    while True:
        step = next_step(evidence, population, max_questions=max_questions, preset=preset)
        if step.done or step.question is None:
            break
        answer = patient.answer(step.question)
        if dont_know_as_no:
            answer = {k: bool(v) for k, v in answer.items()}
        evidence.update(answer)
        asked.append(step.question.id)
        if first_danger is None and any(v and k in red_flags for k, v in answer.items()):
            first_danger = len(asked)
        levels.append(next_step(evidence, population, preset=preset).triage.level)
        if len(asked) > 3 * max_questions:  # a step function that never ends is a bug
            raise RuntimeError(f"interview for {patient.id} does not end")
    return InterviewRun(
        id=patient.id,
        questions=tuple(asked),
        predicted=tuple(s.id for s in step.ranking),
        triage=step.triage.level,
        levels=tuple(levels),
        first_danger_at=first_danger,
        gold=patient.gold,
        triage_acceptable=tuple(patient.triage_acceptable),
    )


@dataclass
class InterviewReport:
    """Aggregate measures over simulated interviews."""

    runs: list[InterviewRun] = field(default_factory=list)

    def _rate(self, predicate: Callable[[InterviewRun], bool], gold_only: bool = False) -> float:
        pool = [r for r in self.runs if r.gold is not None or not gold_only]
        return sum(map(predicate, pool)) / max(len(pool), 1)

    @property
    def top1(self) -> float:
        return self._rate(lambda r: bool(r.predicted) and r.predicted[0] == r.gold, True)

    @property
    def top3(self) -> float:
        return self._rate(lambda r: r.gold in r.predicted[:3], True)

    def under_triaged(self) -> list[InterviewRun]:
        return [r for r in self.runs if r.under_triaged]

    def over_triaged(self) -> list[InterviewRun]:
        return [r for r in self.runs if r.over_triaged]

    def late_emergencies(self, within: int = 3) -> list[InterviewRun]:
        """Emergencies reached more than ``within`` questions after the first danger answer."""
        return [
            r for r in self.runs if r.emergency_delay is not None and r.emergency_delay > within
        ]

    def summary(self) -> dict[str, Any]:
        """The headline measures, with 95% Wilson intervals for the triage errors."""
        asked = [r.asked for r in self.runs] or [0]
        under, over, n = len(self.under_triaged()), len(self.over_triaged()), len(self.runs)
        return {
            "patients": n,
            "questions_median": statistics.median(asked),
            "questions_max": max(asked),
            "top1": round(self.top1, 4),
            "top3": round(self.top3, 4),
            "under_triage": round(under / max(n, 1), 4),
            "over_triage": round(over / max(n, 1), 4),
            "under_triage_count": under,
            "over_triage_count": over,
            "final_triage_at_median": statistics.median(
                [r.final_triage_at for r in self.runs] or [0]
            ),
            "late_emergencies": len(self.late_emergencies()),
            "ci95": {
                "under_triage": [round(v, 4) for v in wilson_interval(under, n)],
                "over_triage": [round(v, 4) for v in wilson_interval(over, n)],
            },
        }


def evaluate_interviews(
    patients: Sequence[SimulatedPatient],
    *,
    mode: Mode = "questions",
    dont_know_as_no: bool = False,
    progress: Callable[[int], None] | None = None,
) -> InterviewReport:
    """Interview every patient and collect the measures.

    Examples
    --------
    >>> patient = SimulatedPatient(id="x", text="night cramps", gold="nocturnal_leg_cramps",
    ...     triage="self_care", triage_acceptable=["self_care", "doctor"], age=60,
    ...     answers={"yes": ["muscle_cramp", "site_calf", "evening_night_worse"]})
    >>> evaluate_interviews([patient]).summary()["under_triage_count"]
    0
    """
    report = InterviewReport()
    for index, patient in enumerate(patients):
        report.runs.append(run_interview(patient, mode=mode, dont_know_as_no=dont_know_as_no))
        if progress:
            progress(index + 1)
    return report
