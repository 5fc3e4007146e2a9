"""Pydantic models of the knowledge base. Unknown keys are rejected everywhere.

The knowledge base is reviewed data, not code: each record carries its ``sources`` (an article
passage with a short locator and/or a guideline) and ``last_reviewed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
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
    "LikelihoodTables",
    "PlannedQuestion",
    "Priors",
    "RedFlagRule",
    "SelfCareAdvice",
    "Source",
    "Spelling",
    "Strength",
    "Triage",
    "TriageLevelWords",
    "TriageWording",
]

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_T = TypeVar("_T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Triage(StrEnum):
    """Triage levels, ordered from least to most urgent by :attr:`rank`."""

    SELF_CARE = "self_care"
    DOCTOR = "doctor"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _TRIAGE_ORDER.index(self)


_TRIAGE_ORDER = [Triage.SELF_CARE, Triage.DOCTOR, Triage.URGENT, Triage.EMERGENCY]


class Strength(StrEnum):
    """How strongly a finding speaks for or against a condition."""

    WEAK = "weak"
    MODERATE = "moderate"
    STRONG = "strong"
    VERY_STRONG = "very_strong"


class Evidence(StrEnum):
    """Evidence level of a piece of advice (GRADE-like, plus expert opinion)."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"
    EXPERT_OPINION = "expert_opinion"
    NONE = "none"


class AgeBand(StrEnum):
    """Age bands used for priors: child < 13, adolescent 13-17, adult 18-64, older 65+."""

    CHILD = "child"
    ADOLESCENT = "adolescent"
    ADULT = "adult"
    OLDER = "older"


class FindingCategory(StrEnum):
    SYMPTOM = "symptom"
    SITE = "site"
    TIMING = "timing"
    MODIFIER = "modifier"
    SIGN = "sign"
    SYSTEMIC = "systemic"
    HISTORY = "history"
    MEDICINE = "medicine"
    LIFESTYLE = "lifestyle"


class Source(_Strict):
    """Where a piece of knowledge comes from.

    ``kind="article"``: ``locator`` quotes a few words of the article passage.
    ``kind="guideline"``: ``ref`` names the guideline (e.g. "NICE NG158") and ``locator`` the point.
    """

    kind: Literal["article", "guideline", "review"]
    ref: str = Field(min_length=2)
    locator: str = Field(min_length=3)


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


class Rewrite(_Strict):
    """How people write something, and the plain words the phrase grammar understands.

    ``source`` is a run of lower-case tokens as they appear after tokenising ("sob",
    "pins n needles", "w / o", "10 / 10"; punctuation is its own token); ``target`` is what
    they mean ("short of breath").
    """

    source: str = Field(min_length=1, pattern=r"^[a-z0-9'\-/.]+( [a-z0-9'\-/.]+)*$")
    target: str = Field(min_length=1, pattern=r"^[a-z0-9'\-]+( [a-z0-9'\-]+)*$")
    note: str | None = None


class Lexicon(_Strict):
    """Abbreviations, texting shorthand and slang, rewritten before phrases are matched."""

    sources: tuple[Source, ...] = Field(min_length=1)
    rewrites: tuple[Rewrite, ...]
    last_reviewed: dt.date


class Spelling(_Strict):
    """Spelling help for the intake (``lexicon/spelling.yaml``).

    ``misspellings`` map a misspelt word, as people write it, to what it means ("swolen":
    "swollen"); ``common_words`` are frequent words that must never be "corrected" into a
    clinical word by edit distance ("mattress" is not "waitress"). A misspelling is corrected
    before the protection applies, so a word belongs in one list only (``kb check``).
    """

    misspellings: dict[
        Annotated[str, Field(pattern=r"^[a-z0-9'\-]+$")],
        Annotated[str, Field(pattern=r"^[a-z0-9'\-]+( [a-z0-9'\-]+)*$")],
    ]
    common_words: tuple[Annotated[str, Field(pattern=r"^[a-z'\-]+$")], ...]
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date


class InterviewOption(_Strict):
    """One answer to a choice question: choosing it says the finding ``id`` is present."""

    id: str = Field(pattern=_ID_PATTERN)
    text: str = Field(min_length=2)


class PlannedQuestion(_Strict):
    """A question the interview asks in its own order, before it chooses by value.

    Either a yes/no question about ``finding`` (its text is the finding's question unless
    ``text`` is given) or a choice question ``id`` whose ``options`` are findings.
    ``asked_of`` limits it to age groups; ``when_any`` to people for whom one of those findings
    is present.
    """

    id: str | None = Field(default=None, pattern=_ID_PATTERN)
    finding: str | None = Field(default=None, pattern=_ID_PATTERN)
    stage: Literal["complaint", "screen"]
    text: str | None = Field(default=None, min_length=8)
    parent_text: str | None = Field(default=None, min_length=8)
    why: str = Field(min_length=10)
    options: tuple[InterviewOption, ...] = ()
    multiple: bool = False
    asked_of: tuple[AgeBand, ...] = ()
    when_any: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> PlannedQuestion:
        if (self.id is None) == (self.finding is None):
            raise ValueError("give either 'id' (a choice question) or 'finding' (yes/no)")
        if self.id is not None and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if self.finding is not None and self.options:
            raise ValueError("a yes/no question about a finding has no options")
        return self


class InterviewPlan(_Strict):
    """The interview's opening questions and screens, in the order they are asked."""

    sources: tuple[Source, ...] = Field(min_length=1)
    questions: tuple[PlannedQuestion, ...]
    last_reviewed: dt.date


class LikelihoodTables(_Strict):
    """How a finding's strength for or against a condition becomes a probability.

    With ``prev`` the finding's prevalence among all night-time leg complaints, a finding
    *for* a condition is present with probability ``prev + (1 - prev) * for_gain[strength]``
    and one *against* it with ``prev * against_factor[strength]`` (a link's own ``p`` wins).
    Stronger links must move the probability further: ``kb check`` enforces the order.
    """

    for_gain: dict[Strength, float]
    against_factor: dict[Strength, float]
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date

    @field_validator("for_gain", "against_factor")
    @classmethod
    def _a_fraction(cls, value: dict[Strength, float]) -> dict[Strength, float]:
        missing = [s.value for s in Strength if s not in value]
        if missing:
            raise ValueError(
                f"expected a value for every strength ({', '.join(s.value for s in Strength)}); "
                f"missing {missing}"
            )
        outside = {k.value: v for k, v in value.items() if not 0.0 < v < 1.0}
        if outside:
            raise ValueError(f"expected numbers between 0 and 1 (exclusive), got {outside}")
        return value


class TriageLevelWords(_Strict):
    """What one triage level is called and asks of the person, on every surface.

    ``title`` heads the web result; ``meaning`` follows it (``action`` when not given);
    ``usually_needs`` ends a reason ("...; it usually needs: a doctor today"); ``action`` is
    what to do when no red-flag rule gives a more specific one; ``report`` is the line in the
    clinician's report and ``terminal`` the panel title of ``nightlegs assess``.
    """

    level: Triage
    title: str = Field(min_length=3)
    meaning: str | None = Field(default=None, min_length=10)
    usually_needs: str = Field(min_length=3)
    action: str = Field(min_length=10)
    report: str = Field(min_length=10)
    terminal: str = Field(min_length=3)

    @property
    def explanation(self) -> str:
        """What the level means in a sentence: ``meaning``, or ``action`` when not given."""
        return self.meaning or self.action


class TriageWording(_Strict):
    """The words of every triage level, one record per level (written once, shown everywhere)."""

    levels: tuple[TriageLevelWords, ...]
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date

    @field_validator("levels")
    @classmethod
    def _each_level_once(cls, value: tuple[TriageLevelWords, ...]) -> tuple[TriageLevelWords, ...]:
        given = [w.level for w in value]
        if sorted(given, key=lambda t: t.rank) != _TRIAGE_ORDER:
            raise ValueError(
                "expected each level once ("
                + ", ".join(t.value for t in _TRIAGE_ORDER)
                + f"), got {[t.value for t in given]}"
            )
        return value

    def __getitem__(self, level: Triage | str) -> TriageLevelWords:
        """The words of ``level`` (a :class:`Triage` or its value).

        Examples
        --------
        >>> from nightlegs.knowledge import load_knowledge_base
        >>> load_knowledge_base().triage_wording["urgent"].usually_needs
        'a doctor today'
        """
        wanted = Triage(level)
        return next(w for w in self.levels if w.level is wanted)


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
