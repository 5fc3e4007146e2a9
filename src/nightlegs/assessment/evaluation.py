"""Measure the assessment on case vignettes: accuracy, triage safety and calibration."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from nightlegs.assessment.engine import assess
from nightlegs.assessment.inference import model
from nightlegs.errors import InputError
from nightlegs.knowledge import Triage

__all__ = [
    "CaseOutcome",
    "EvaluationReport",
    "Vignette",
    "evaluate",
    "load_vignettes",
    "read_cases",
    "wilson_interval",
]


class Vignette(BaseModel):
    """One case with its gold answer.

    ``gold`` is ``None`` for a case whose right answer lies outside the catalogue (a stroke
    that first showed in a leg) or that cannot be read; it then counts only for triage.
    ``triage_acceptable`` lists every level a clinician would accept (by default only
    ``triage``): below its lowest level is under-triage, above its highest is over-triage.
    """

    model_config = ConfigDict(extra="allow")

    id: str
    text: str
    age: float | None = None
    sex: str | None = None
    pregnant: bool | None = None
    gold: str | None
    acceptable: list[str] = Field(default_factory=list)
    triage: Triage
    triage_acceptable: list[Triage] = Field(default_factory=list, validate_default=True)

    @field_validator("triage_acceptable")
    @classmethod
    def _acceptable_holds_triage(cls, value: list[Triage], info: ValidationInfo) -> list[Triage]:
        triage = info.data.get("triage")
        if not value:
            return [triage] if triage is not None else value
        if triage is not None and triage not in value:
            raise ValueError(f"must include the case's triage {triage.value!r}")
        return value


_Case = TypeVar("_Case", bound=Vignette)


def wilson_interval(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a proportion (95% by default).

    Examples
    --------
    >>> low, high = wilson_interval(0, 100)
    >>> round(low, 3), round(high, 3)
    (0.0, 0.037)
    """
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class CaseOutcome:
    """How the assessment did on one vignette."""

    id: str
    gold: str | None
    acceptable: tuple[str, ...]
    predicted: tuple[str, ...]
    gold_probability: float
    brier: float | None
    gold_triage: Triage
    triage_acceptable: tuple[Triage, ...]
    triage: Triage
    understood: bool = True

    @property
    def has_gold(self) -> bool:
        return self.gold is not None

    @property
    def top1(self) -> bool:
        return bool(self.predicted) and self.predicted[0] == self.gold

    @property
    def top3(self) -> bool:
        return self.gold in self.predicted[:3]

    @property
    def top1_acceptable(self) -> bool:
        """The first cause is the gold one or another the clinician accepted."""
        return bool(self.predicted) and self.predicted[0] in (self.gold, *self.acceptable)

    @property
    def under_triaged(self) -> bool:
        return self.triage.rank < min(t.rank for t in self.triage_acceptable)

    @property
    def over_triaged(self) -> bool:
        return self.triage.rank > max(t.rank for t in self.triage_acceptable)

    @property
    def triage_accepted(self) -> bool:
        return not (self.under_triaged or self.over_triaged)


@dataclass
class EvaluationReport:
    """Aggregate metrics over a set of vignettes."""

    outcomes: list[CaseOutcome] = field(default_factory=list)

    def _count(
        self, predicate: Callable[[CaseOutcome], bool], gold_only: bool = False
    ) -> tuple[int, int]:
        pool = [o for o in self.outcomes if o.has_gold or not gold_only]
        return sum(map(predicate, pool)), len(pool)

    def _rate(self, predicate: Callable[[CaseOutcome], bool], gold_only: bool = False) -> float:
        hits, total = self._count(predicate, gold_only)
        return hits / max(total, 1)

    @property
    def top1(self) -> float:
        return self._rate(lambda o: o.top1, gold_only=True)

    @property
    def top3(self) -> float:
        return self._rate(lambda o: o.top3, gold_only=True)

    @property
    def top1_acceptable(self) -> float:
        return self._rate(lambda o: o.top1_acceptable, gold_only=True)

    @property
    def triage_exact(self) -> float:
        return self._rate(lambda o: o.triage == o.gold_triage)

    @property
    def triage_accepted(self) -> float:
        return self._rate(lambda o: o.triage_accepted)

    @property
    def under_triage(self) -> float:
        return self._rate(lambda o: o.under_triaged)

    @property
    def over_triage(self) -> float:
        return self._rate(lambda o: o.over_triaged)

    @property
    def brier(self) -> float:
        scores = [o.brier for o in self.outcomes if o.brier is not None]
        return float(np.mean(scores)) if scores else 0.0

    def interval(self, metric: str) -> tuple[float, float]:
        """95% Wilson interval of ``metric`` (top1, top3, under_triage or over_triage)."""
        predicates: dict[str, tuple[Callable[[CaseOutcome], bool], bool]] = {
            "top1": (lambda o: o.top1, True),
            "top3": (lambda o: o.top3, True),
            "under_triage": (lambda o: o.under_triaged, False),
            "over_triage": (lambda o: o.over_triaged, False),
        }
        predicate, gold_only = predicates[metric]
        return wilson_interval(*self._count(predicate, gold_only))

    def under_triaged(self) -> list[CaseOutcome]:
        """The cases given a lower level than any a clinician would accept."""
        return [o for o in self.outcomes if o.under_triaged]

    def over_triaged(self) -> list[CaseOutcome]:
        """The cases given a higher level than any a clinician would accept."""
        return [o for o in self.outcomes if o.over_triaged]

    def per_condition(self) -> dict[str, tuple[int, int, int]]:
        """Gold condition -> (cases, top-1 hits, top-3 hits)."""
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for o in self.outcomes:
            if o.gold is None:
                continue
            row = table[o.gold]
            row[0] += 1
            row[1] += o.top1
            row[2] += o.top3
        return {k: (v[0], v[1], v[2]) for k, v in sorted(table.items())}

    def summary(self) -> dict[str, Any]:
        """The headline metrics, with 95% Wilson intervals for the rates that matter most."""
        return {
            "cases": len(self.outcomes),
            "cases_with_gold": sum(o.has_gold for o in self.outcomes),
            "top1": round(self.top1, 4),
            "top3": round(self.top3, 4),
            "top1_acceptable": round(self.top1_acceptable, 4),
            "triage_exact": round(self.triage_exact, 4),
            "triage_accepted": round(self.triage_accepted, 4),
            "under_triage": round(self.under_triage, 4),
            "over_triage": round(self.over_triage, 4),
            "under_triage_count": len(self.under_triaged()),
            "over_triage_count": len(self.over_triaged()),
            "brier": round(self.brier, 4),
            "ci95": {
                metric: [round(v, 4) for v in self.interval(metric)]
                for metric in ("top1", "top3", "under_triage", "over_triage")
            },
        }


def read_cases(
    path: Path,
    shape: type[_Case],
    noun: str,
    prepare: Callable[[Any], Any] = lambda item: item,
) -> list[_Case]:
    """Read a JSON list of cases of ``shape`` (a :class:`Vignette` or a subclass).

    ``prepare`` may adjust each raw item before it is validated; ``noun`` names a case in
    error messages.

    Raises
    ------
    InputError
        Naming the file, the case and the field when the file does not fit, and any gold or
        acceptable condition the knowledge base does not know.
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(raw, list):
        raise InputError(f"{path}: expected a JSON list of {noun}s")
    known = set(model().condition_ids)
    cases = []
    for index, item in enumerate(raw):
        try:
            case = shape.model_validate(prepare(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: {noun} {index}: field '{where}': {first['msg']}") from exc
        unknown = [c for c in (case.gold, *case.acceptable) if c is not None and c not in known]
        if unknown:
            raise InputError(f"{path}: {noun} {case.id}: unknown condition {unknown[0]!r}")
        cases.append(case)
    return cases


def load_vignettes(path: Path) -> list[Vignette]:
    """Read a vignette file shaped like ``shared/vignettes/public.json``.

    Raises
    ------
    InputError
        Naming the file, the case and the field when the file does not fit.
    """
    return read_cases(path, Vignette, "case")


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
        brier = (
            sum(
                (probabilities.get(cid, 0.0) - (cid == case.gold)) ** 2
                for cid in model().condition_ids
            )
            if case.gold is not None
            else None
        )
        report.outcomes.append(
            CaseOutcome(
                id=case.id,
                gold=case.gold,
                acceptable=tuple(case.acceptable),
                predicted=tuple(c.id for c in result.conditions),
                gold_probability=probabilities.get(case.gold, 0.0) if case.gold else 0.0,
                brier=brier,
                gold_triage=case.triage,
                triage_acceptable=tuple(case.triage_acceptable),
                triage=result.triage,
                understood=result.understood,
            )
        )
        if progress:
            progress(index + 1)
    return report
