"""Pydantic models of the knowledge base. Unknown keys are rejected everywhere.

The knowledge base is reviewed data, not code: each record carries its ``sources`` (an article
passage with a short locator and/or a guideline) and ``last_reviewed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, TypeVar, cast

from pydantic import (
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from nightlegs.knowledge._base import (
    _ID_PATTERN,
    AgeBand,
    Evidence,
    FindingCategory,
    Source,
    Strength,
    Triage,
    _Strict,
)
from nightlegs.knowledge.tables import (
    InterviewOption,
    InterviewPlan,
    Lexicon,
    LikelihoodTables,
    PlannedQuestion,
    Rewrite,
    Spelling,
    TriageLevelWords,
    TriageWording,
)

__all__ = [
    "AgeBand",
    "ArticleStatement",
    "Claim",
    "Condition",
    "ConditionFinding",
    "Evidence",
    "Finding",
    "FindingCategory",
    "InterviewOption",
    "InterviewPlan",
    "KnowledgeBase",
    "Lexicon",
    "LikelihoodTables",
    "PlannedQuestion",
    "Priors",
    "RedFlagRule",
    "Rewrite",
    "SelfCareAdvice",
    "Source",
    "Spelling",
    "Strength",
    "Triage",
    "TriageLevelWords",
    "TriageWording",
]


_T = TypeVar("_T")


class Finding(_Strict):
    """One thing a person can report or be asked about, with its sources."""

    id: str = Field(pattern=_ID_PATTERN)
    question: str = Field(min_length=8)
    category: FindingCategory
    label: str = Field(min_length=3, description="Plain-words statement used in explanations.")
    answer: Literal["boolean"] = "boolean"
    prevalence: float = Field(default=0.1, gt=0.0, lt=1.0)
    phrases: tuple[str, ...] = ()
    negative_phrases: tuple[str, ...] = ()
    weak_phrases: tuple[str, ...] = Field(
        default=(), description="Phrases that count only when no finding in yields_to was found."
    )
    yields_to: tuple[str, ...] = ()
    implies: dict[str, bool] = Field(default_factory=dict)
    red_flag: bool = False
    ask: bool = True
    asked_of: tuple[AgeBand, ...] = Field(
        default=(), description="Only people in these age groups are asked (empty: everyone)."
    )
    asked_of_sex: Literal["female", "male"] | None = None
    parent_question: str | None = Field(
        default=None, min_length=8, description="The question put to a parent about a child."
    )
    sources: tuple[Source, ...] = Field(
        min_length=1,
        description="What defines or supports the finding: the article passage that names it "
        "and/or the guideline, criteria or review that lists it.",
    )


class ConditionFinding(_Strict):
    """A finding's link to a condition.

    ``p`` overrides the probability that ``strength`` implies.
    """

    id: str = Field(pattern=_ID_PATTERN)
    strength: Strength
    p: float | None = Field(default=None, gt=0.0, lt=1.0)
    note: str | None = None


class Priors(_Strict):
    """Relative prior weight of a condition among people with a night-time leg complaint.

    ``base`` is the weight for an adult of unknown sex; the other fields multiply it.
    """

    base: float = Field(gt=0.0)
    age: dict[AgeBand, float] = Field(default_factory=dict)
    sex: dict[Literal["female", "male"], float] = Field(default_factory=dict)
    pregnancy: float = Field(default=1.0, ge=0.0)
    postpartum: float = Field(default=1.0, ge=0.0)


class SelfCareGuard(_Strict):
    """When a condition whose usual level is self-care may lead to a self-care answer.

    Outside these limits the answer is at least ``doctor``, however well the condition fits
    (for example growing pains outside ages 3-12, or with a limp).
    """

    age_min: float | None = Field(default=None, ge=0, le=120)
    age_max: float | None = Field(default=None, ge=0, le=120)
    none_of: tuple[str, ...] = ()
    reason: str = Field(min_length=10)


class Wording(_Strict):
    """Words of a condition that depend on the person (pregnancy or not)."""

    name: str | None = None
    specialist: str | None = None
    tests: tuple[str, ...] | None = None


class Condition(_Strict):
    """A cause of night-time leg symptoms."""

    id: str = Field(pattern=_ID_PATTERN)
    name: str
    lay_name: str = Field(min_length=3, description="A few plain words, as a person would say it.")
    summary: str = Field(min_length=20)
    origin: Literal["article", "added"]
    icd10: tuple[str, ...] = Field(min_length=1)
    icd10_cm: tuple[str, ...] = ()
    snomed: tuple[str, ...] = ()
    specialist: str
    usual_triage: Triage
    triage_note: str | None = None
    self_care_only_when: SelfCareGuard | None = None
    #: Name or specialist without the pregnancy parts, for someone who is not pregnant.
    outside_pregnancy: Wording | None = None
    #: Tests that replace the usual ones in pregnancy and after birth (e.g. no Wells score).
    in_pregnancy: Wording | None = None
    priors: Priors
    findings_for: tuple[ConditionFinding, ...] = Field(min_length=1)
    findings_against: tuple[ConditionFinding, ...] = ()
    tests: tuple[str, ...] = ()
    self_care: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date

    @model_validator(mode="after")
    def _no_finding_both_ways(self) -> Condition:
        both = {f.id for f in self.findings_for} & {f.id for f in self.findings_against}
        if both:
            raise ValueError(f"findings listed both for and against: {sorted(both)}")
        return self

    def wording(self, pregnancy_related: bool) -> Wording:
        """Name, specialist and tests as they apply to someone pregnant (or just after birth)
        or not, so that "midwife" never reaches a 72-year-old man.

        Examples
        --------
        >>> from nightlegs.knowledge import knowledge_index
        >>> cramps = knowledge_index().conditions["nocturnal_leg_cramps"]
        >>> cramps.wording(pregnancy_related=False).name
        'Nocturnal (sleep-related) leg cramps'
        """
        variant = self.in_pregnancy if pregnancy_related else self.outside_pregnancy
        variant = variant or Wording()
        return Wording(
            name=variant.name or self.name,
            specialist=variant.specialist or self.specialist,
            tests=variant.tests if variant.tests is not None else self.tests,
        )


class RedFlagRule(_Strict):
    """A deterministic danger-sign or safety-net rule. It can only raise triage.

    The rule fires when every finding in ``all_of`` is present, at least ``min_any`` of
    ``any_of`` are present (when ``any_of`` is given), at least one of ``and_any_of`` is
    present (when given), none of ``none_of`` is present, and the population matches.

    ``kind="red_flag"`` rules point at catalogue conditions and set ``urgent`` or
    ``emergency``. ``kind="safety_net"`` rules do not need a diagnosis: they name what to
    think of outside the catalogue (``think_of``, e.g. "stroke") or a severity feature that
    needs care whatever the cause, and may set a floor of ``doctor``. ``none_of`` may only
    hold findings that are not red-flag findings, so a danger sign never switches a rule off.
    """

    id: str = Field(pattern=_ID_PATTERN)
    kind: Literal["red_flag", "safety_net"] = "red_flag"
    triage: Triage
    message: str = Field(min_length=10)
    action_now: str = Field(min_length=10)
    think_of: str | None = None
    suspect: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    min_any: int = Field(default=1, ge=1)
    and_any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    population: tuple[
        Literal["child", "adolescent", "adult", "older", "pregnant", "postpartum"], ...
    ] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date

    @model_validator(mode="after")
    def _has_condition(self) -> RedFlagRule:
        if not self.all_of and not self.any_of:
            raise ValueError("a red-flag rule needs all_of or any_of")
        if self.triage is Triage.SELF_CARE:
            raise ValueError("a rule cannot set triage to self_care")
        if self.kind == "red_flag" and self.triage is Triage.DOCTOR:
            raise ValueError(
                "a red-flag rule must set triage to urgent or emergency (a doctor floor is "
                "kind: safety_net)"
            )
        return self

    @property
    def findings(self) -> tuple[str, ...]:
        """Every finding the rule needs present (all_of, any_of and and_any_of)."""
        return (*self.all_of, *self.any_of, *self.and_any_of)


class SelfCareAdvice(_Strict):
    """One piece of self-care advice, with its evidence level and when not to give it."""

    id: str = Field(pattern=_ID_PATTERN)
    text: str = Field(min_length=10)
    evidence: Evidence
    not_when: tuple[str, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date


class Claim(_Strict):
    """An article claim checked against guidance: supported, qualified or rejected."""

    id: str = Field(pattern=_ID_PATTERN)
    article_claim: str
    verdict: Literal["supported", "qualified", "rejected"]
    evidence: str = Field(min_length=20)
    phrases: tuple[str, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=2)
    last_reviewed: dt.date

    @field_validator("sources")
    @classmethod
    def _article_and_guidance(cls, value: tuple[Source, ...]) -> tuple[Source, ...]:
        kinds = {s.kind for s in value}
        if "article" not in kinds or kinds == {"article"}:
            raise ValueError(
                "a claim cites the article passage and at least one guideline or review"
            )
        return value


class ArticleStatement(_Strict):
    """One statement of the source article and the records that represent or reject it."""

    locator: str = Field(min_length=3)
    statement: str
    represented_by: tuple[str, ...] = Field(min_length=1)


class KnowledgeBase(_Strict):
    """The whole validated knowledge base."""

    version: str
    findings: tuple[Finding, ...]
    conditions: tuple[Condition, ...]
    red_flags: tuple[RedFlagRule, ...]
    self_care: tuple[SelfCareAdvice, ...]
    claims: tuple[Claim, ...]
    article: tuple[ArticleStatement, ...]
    lexicon: tuple[Lexicon, ...] = ()
    interview: InterviewPlan | None = None
    spelling: Spelling
    likelihoods: LikelihoodTables
    triage_wording: TriageWording
    #: Temperature of the naive-Bayes posteriors (manifest ``calibration_temperature``).
    calibration_temperature: float = Field(default=1.0, gt=0, allow_inf_nan=False)
    # What is computed from this knowledge base (look-up tables, the compiled model, the phrase
    # index) lives with it: two knowledge bases in one process never share a table, and dropping
    # the knowledge base drops everything built from it.
    _derived: dict[Callable[..., Any], Any] = PrivateAttr(default_factory=dict)

    def derived(self, build: Callable[[KnowledgeBase], _T]) -> _T:
        """``build(self)``, built on first use and kept with this knowledge base.

        Parameters
        ----------
        build : callable
            A function of the knowledge base alone (the same function object is the key).

        Examples
        --------
        >>> from nightlegs.knowledge import load_knowledge_base
        >>> kb = load_knowledge_base()
        >>> def count(kb):
        ...     return len(kb.findings)
        >>> kb.derived(count) == len(kb.findings) and kb.derived(count) is kb.derived(count)
        True
        """
        # Read from pydantic's private store directly: ``self._derived`` goes through
        # ``BaseModel.__getattr__``, 10 us a time on a path every assessment takes a dozen times.
        tables: dict[Callable[..., Any], Any] = self.__pydantic_private__["_derived"]  # type: ignore[index]
        try:
            return cast(_T, tables[build])
        except KeyError:
            # Two threads may both build on first use; either result is the same table.
            return cast(_T, tables.setdefault(build, build(self)))
