"""Measure the assessment on case vignettes: accuracy, triage safety and calibration."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nightlegs.assessment.engine import assess
from nightlegs.assessment.inference import model
from nightlegs.errors import InputError
from nightlegs.knowledge import Triage

__all__ = ["CaseOutcome", "EvaluationReport", "Vignette", "evaluate", "load_vignettes"]


class Vignette(BaseModel):
    """One case with its gold answer."""

    model_config = ConfigDict(extra="allow")

    id: str
    text: str
    age: float | None = None
    sex: str | None = None
    pregnant: bool | None = None
    gold: str
    acceptable: list[str] = Field(default_factory=list)
    triage: Triage


@dataclass(frozen=True)
class CaseOutcome:
    """How the assessment did on one vignette."""

    id: str
    gold: str
    predicted: tuple[str, ...]
    gold_probability: float
    brier: float
    gold_triage: Triage
    triage: Triage

    @property
    def top1(self) -> bool:
        return self.predicted[0] == self.gold

    @property
    def top3(self) -> bool:
        return self.gold in self.predicted[:3]

    @property
    def under_triaged(self) -> bool:
        return (
            self.gold_triage.rank >= Triage.URGENT.rank and self.triage.rank < self.gold_triage.rank
        )

    @property
    def over_triaged(self) -> bool:
        return self.triage.rank > self.gold_triage.rank


@dataclass
class EvaluationReport:
    """Aggregate metrics over a set of vignettes."""

    outcomes: list[CaseOutcome] = field(default_factory=list)

    def _rate(self, predicate: Callable[[CaseOutcome], bool]) -> float:
        return sum(map(predicate, self.outcomes)) / max(len(self.outcomes), 1)

    @property
    def top1(self) -> float:
        return self._rate(lambda o: o.top1)

    @property
    def top3(self) -> float:
        return self._rate(lambda o: o.top3)

    @property
    def triage_exact(self) -> float:
        return self._rate(lambda o: o.triage == o.gold_triage)

    @property
    def under_triage(self) -> float:
        return self._rate(lambda o: o.under_triaged)

    @property
    def over_triage(self) -> float:
        return self._rate(lambda o: o.over_triaged)

    @property
    def brier(self) -> float:
        return float(np.mean([o.brier for o in self.outcomes])) if self.outcomes else 0.0

    def per_condition(self) -> dict[str, tuple[int, int, int]]:
        """Gold condition -> (cases, top-1 hits, top-3 hits)."""
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for o in self.outcomes:
            row = table[o.gold]
            row[0] += 1
            row[1] += o.top1
            row[2] += o.top3
        return {k: (v[0], v[1], v[2]) for k, v in sorted(table.items())}

    def summary(self) -> dict[str, float | int]:
        return {
            "cases": len(self.outcomes),
            "top1": round(self.top1, 4),
            "top3": round(self.top3, 4),
            "triage_exact": round(self.triage_exact, 4),
            "under_triage": round(self.under_triage, 4),
            "over_triage": round(self.over_triage, 4),
            "brier": round(self.brier, 4),
        }


def load_vignettes(path: Path) -> list[Vignette]:
    """Read a vignette file shaped like ``shared/vignettes/public.json``.

    Raises
    ------
    InputError
        Naming the file, the case and the field when the file does not fit.
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(raw, list):
        raise InputError(f"{path}: expected a JSON list of cases")
    known = set(model().condition_ids)
    cases = []
    for index, item in enumerate(raw):
        try:
            case = Vignette.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: case {index}: field '{where}': {first['msg']}") from exc
        if case.gold not in known:
            raise InputError(f"{path}: case {case.id}: unknown gold condition {case.gold!r}")
        cases.append(case)
    return cases


def evaluate(
    cases: Sequence[Vignette], progress: Callable[[int], None] | None = None
) -> EvaluationReport:
    """Assess every case and compare with the gold answers.

    Examples
    --------
    >>> case = Vignette(id="x", text="my calves cramp every night, stretching helps",
    ...                 age=70, gold="nocturnal_leg_cramps", triage="self_care")
    >>> evaluate([case]).top3
    1.0
    """
    report = EvaluationReport()
    for index, case in enumerate(cases):
        result = assess(case.text, age=case.age, sex=case.sex, pregnant=case.pregnant)
        probabilities = {c.id: c.probability for c in result.conditions}
        brier = sum(
            (probabilities.get(cid, 0.0) - (cid == case.gold)) ** 2 for cid in model().condition_ids
        )
        report.outcomes.append(
            CaseOutcome(
                id=case.id,
                gold=case.gold,
                predicted=tuple(c.id for c in result.conditions),
                gold_probability=probabilities.get(case.gold, 0.0),
                brier=brier,
                gold_triage=case.triage,
                triage=result.triage,
            )
        )
        if progress:
            progress(index + 1)
    return report
