"""Naive Bayes over findings, with priors conditioned on age, sex and pregnancy.

Each condition is treated as the one cause of the complaint (mutually exclusive causes), and
findings as conditionally independent given the cause. A finding the person did not mention
counts neither for nor against. Probabilities are tempered by a calibration temperature fitted
on development vignettes (see ``nightlegs eval``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar, overload

import numpy as np
from numpy.typing import NDArray

from nightlegs.assessment._absent import absent_label
from nightlegs.assessment.population import Population
from nightlegs.errors import InputError
from nightlegs.knowledge import KnowledgeBase, load_knowledge_base

__all__ = ["ConditionScore", "Model", "WeightedFinding", "model", "rank"]

DEFAULT_TEMPERATURE = 1.0
_T = TypeVar("_T")


class _once(Generic[_T]):  # lower case: used as a decorator, like ``cached_property``
    """A property computed on first use and then kept in the instance.

    ``functools.cached_property`` does the same under a lock in Python 3.11, which costs more
    than the small computations kept here; a score is only ever read by one thread.
    """

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _once[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | _once[_T]:
        if instance is None:
            return self
        # Kept in the instance's own dict, which then shadows this (non-data) descriptor.
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


class WeightedFinding(NamedTuple):
    """A finding's effect on one condition: ``weight`` is the likelihood ratio.

    A named tuple: a ranking makes one per finding for each condition shown.
    """

    id: str
    label: str
    present: bool
    weight: float

    def describe(self, condition: str = "it") -> str:
        """Plain words for the finding's effect on ``condition`` (its name).

        A finding the person does not have is worded as absent; when its absence makes the
        condition likelier, the words say that it fits the condition, so it never reads as
        support from something the person has.

        Examples
        --------
        >>> WeightedFinding("urge_to_move", "an urge to move the legs", True, 7.9).describe()
        'an urge to move the legs (makes it 7.9x more likely)'
        >>> swollen = "the leg or calf is swollen"
        >>> WeightedFinding("leg_swelling", swollen, False, 0.5).describe()
        'the leg or calf is not swollen (makes it 2.0x less likely)'
        >>> WeightedFinding("leg_swelling", swollen, False, 1.2).describe("Leg cramps")
        'the leg or calf is not swollen, which fits leg cramps (makes it 1.2x more likely)'
        """
        factor = self.weight if self.weight >= 1 else 1 / self.weight
        direction = "more" if self.weight >= 1 else "less"
        effect = f"(makes it {factor:.1f}x {direction} likely)"
        if self.present:
            return f"{self.label} {effect}"
        said = absent_label(self.label)
        if self.weight < 1:
            return f"{said} {effect}"
        name = condition[:1].lower() + condition[1:] if condition[1:2].islower() else condition
        return f"{said}, which fits {name} {effect}"


@dataclass(frozen=True)
class ConditionScore:
    """One condition's posterior probability and the findings behind it.

    The findings are sorted out of the likelihood ratios only when asked for: a ranking holds
    every condition, and the result shows the evidence of the few likeliest.
    """

    id: str
    probability: float
    #: The evidence (finding id, label, present) and each finding's likelihood ratio here.
    _findings: tuple[tuple[str, str, bool], ...] = field(default=(), repr=False)
    _ratios: tuple[float, ...] = field(default=(), repr=False)

    @_once
    def _weighted(self) -> tuple[WeightedFinding, ...]:
        return tuple(
            WeightedFinding(fid, label, present, ratio)
            for (fid, label, present), ratio in zip(self._findings, self._ratios, strict=True)
            if ratio > 1.05 or ratio < 0.95
        )

    @_once
    def evidence_for(self) -> tuple[WeightedFinding, ...]:
        """Present findings that make the condition likelier, strongest first."""
        found = (w for w in self._weighted if w.weight > 1 and w.present)
        return tuple(sorted(found, key=lambda w: -w.weight))

    @_once
    def evidence_against(self) -> tuple[WeightedFinding, ...]:
        """Findings (present or absent) that make the condition less likely, strongest first."""
        return tuple(sorted((w for w in self._weighted if w.weight < 1), key=lambda w: w.weight))

    @_once
    def absent_fits(self) -> tuple[WeightedFinding, ...]:
        """Findings the person does not have whose absence makes this condition likelier (they
        point elsewhere); kept apart from ``evidence_for``, which holds only present findings."""
        found = (w for w in self._weighted if w.weight > 1 and not w.present)
        return tuple(sorted(found, key=lambda w: -w.weight))


class Model:
    """The knowledge base compiled into arrays for fast inference."""

    def __init__(self, kb: KnowledgeBase, temperature: float = DEFAULT_TEMPERATURE) -> None:
        self.kb = kb
        self.temperature = temperature
        self.condition_ids = tuple(c.id for c in kb.conditions)
        self.finding_index = {f.id: i for i, f in enumerate(kb.findings)}
        self.labels = {f.id: f.label for f in kb.findings}
        n_conditions, n_findings = len(kb.conditions), len(kb.findings)
        prevalence = np.array([f.prevalence for f in kb.findings])
        p_present = np.tile(prevalence, (n_conditions, 1))
        # How strength becomes probability is knowledge-base data (likelihood/strengths.yaml).
        for_gain, against_factor = kb.likelihoods.for_gain, kb.likelihoods.against_factor
        for row, condition in enumerate(kb.conditions):
            for link in condition.findings_for:
                col = self.finding_index[link.id]
                gain = for_gain[link.strength]
                p_present[row, col] = link.p or prevalence[col] + (1 - prevalence[col]) * gain
            for link in condition.findings_against:
                col = self.finding_index[link.id]
                p_present[row, col] = link.p or prevalence[col] * against_factor[link.strength]
        p_present = np.clip(p_present, 1e-4, 1 - 1e-4)
        self.p_present: NDArray[np.float64] = p_present
        # Log likelihood ratios against the catalogue prevalence, so unlisted findings add 0.
        self.log_lr_present: NDArray[np.float64] = np.log(p_present / prevalence)
        self.log_lr_absent: NDArray[np.float64] = np.log((1 - p_present) / (1 - prevalence))
        # One row per (finding, present) and (finding, absent): the evidence's rows come out of
        # it in one indexing step instead of a slice per finding and a stack.
        self._log_lr_rows: NDArray[np.float64] = np.ascontiguousarray(
            np.concatenate([self.log_lr_present, self.log_lr_absent], axis=1).T
        )
        self._n_findings = n_findings
        self._prior_cache: dict[tuple[object, ...], NDArray[np.float64]] = {}

    def log_prior(self, population: Population) -> NDArray[np.float64]:
        """Log prior weight of each condition for ``population`` (cached per population)."""
        key = (population.age_band, population.sex, population.pregnant, population.postpartum)
        cached = self._prior_cache.get(key)
        if cached is None:
            cached = self._prior_cache[key] = self._log_prior(population)
            cached.setflags(write=False)
        return cached

    def _log_prior(self, population: Population) -> NDArray[np.float64]:
        band = population.age_band
        weights = []
        for condition in self.kb.conditions:
            priors = condition.priors
            weight = priors.base
            if band is not None:
                weight *= priors.age.get(band, 1.0)
            if population.sex is not None:
                weight *= priors.sex.get(population.sex, 1.0)
            if population.pregnant:
                weight *= priors.pregnancy
            if population.postpartum:
                weight *= priors.postpartum
            weights.append(max(weight, 1e-9))
        result: NDArray[np.float64] = np.log(np.array(weights))
        return result

    def contributions(self, evidence: Mapping[str, bool]) -> NDArray[np.float64]:
        """Log-likelihood-ratio contribution of each finding (rows) to each condition."""
        rows = []
        index, absent = self.finding_index, self._n_findings
        for fid, present in evidence.items():
            col = index.get(fid)
            if col is None:
                raise InputError(f"findings: unknown finding id {fid!r}")
            rows.append(col if present else col + absent)
        if not rows:
            return np.zeros((0, len(self.condition_ids)))
        result: NDArray[np.float64] = self._log_lr_rows[rows]
        return result

    def posterior(self, log_scores: NDArray[np.float64]) -> NDArray[np.float64]:
        """Normalised probabilities from log scores (last axis = conditions)."""
        tempered = log_scores / self.temperature
        tempered = tempered - tempered.max(axis=-1, keepdims=True)
        weights = np.exp(tempered)
        result: NDArray[np.float64] = weights / weights.sum(axis=-1, keepdims=True)
        return result


def model(kb: KnowledgeBase | None = None) -> Model:
    """The compiled model of ``kb`` (default: the packaged knowledge base), at the knowledge
    base's calibration temperature; built once per knowledge base.

    Examples
    --------
    >>> model() is model(), model().temperature == model().kb.calibration_temperature
    (True, True)
    """
    return (kb or load_knowledge_base()).derived(_calibrated_model)


def _calibrated_model(kb: KnowledgeBase) -> Model:
    return Model(kb, temperature=kb.calibration_temperature)


def rank(
    evidence: Mapping[str, bool],
    population: Population,
    *,
    top: int | None = None,
    kb: KnowledgeBase | None = None,
) -> list[ConditionScore]:
    """Rank conditions by posterior probability given the evidence.

    Parameters
    ----------
    evidence : mapping of str to bool
        Finding id -> present (True) or absent (False). Unknown findings are simply left out.
    population : Population
    top : int, optional
        Return only the ``top`` most likely conditions.
    kb : KnowledgeBase, optional
        Whose model ranks (default: the packaged knowledge base).

    Returns
    -------
    list of ConditionScore
        Most likely first; probabilities over all conditions sum to 1.

    Examples
    --------
    >>> from nightlegs.assessment.population import Population
    >>> ranking = rank({"urge_to_move": True, "relieved_by_movement": True}, Population())
    >>> ranking[0].id
    'restless_legs_syndrome'
    """
    m = model(kb)
    contributions = m.contributions(evidence)
    log_scores = m.log_prior(population) + contributions.sum(axis=0)
    probabilities = m.posterior(log_scores)
    order = np.argsort(-probabilities, kind="stable")
    if top is not None:
        order = order[:top]
    findings = tuple((fid, m.labels[fid], evidence[fid]) for fid in evidence)
    ratios = np.exp(contributions[:, order]).T.tolist() if findings else [[] for _ in order]
    scores = [
        ConditionScore(m.condition_ids[row], float(probabilities[row]), findings, tuple(r))
        for row, r in zip(order.tolist(), ratios, strict=True)
    ]
    return scores
