"""What the report for the doctor shows, gathered from a diary store in one place.

The HTML and PDF renderers and the API all read the same :class:`ReportData`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from statistics import fmean
from typing import Any

from pydantic import BaseModel, Field

from nightlegs._words import plural
from nightlegs.assessment.instruments import InstrumentResult
from nightlegs.assessment.result import ConditionResult
from nightlegs.diary.schemas import AssessmentRecord, Night, Profile, RecordingRecord
from nightlegs.diary.store import DiaryStore
from nightlegs.errors import InputError
from nightlegs.knowledge import knowledge_index, load_knowledge_base
from nightlegs.knowledge.movement_grading import (
    ADULT_CUTOFF_PER_H,
    BANDS_IN_WORDS,
    BANDS_SOURCE,
    CHILD_CUTOFF_PER_H,
    MovementGrade,
    grade_movements,
)
from nightlegs.report._format import fmt_number

__all__ = [
    "BANDS_SOURCE",
    "CLINICIAN_DISCLAIMER",
    "EMPTY_ASSESSMENT",
    "EMPTY_PROFILE",
    "EMPTY_RECORDINGS",
    "AssessmentSummary",
    "ConditionSummary",
    "MovementGrading",
    "NightsSummary",
    "RecordingSummary",
    "ReportData",
    "build_report_data",
    "describe_period",
    "grading_line",
    "is_child",
    "movements_sources",
    "recording_grade",
    "summarise_recording",
    "triage_line",
]


def triage_line(level: str) -> str:
    """The report's line for a saved triage ``level``: the level and what it asks, in words.

    The words are knowledge-base data (``triage/levels.yaml``); a level the knowledge base
    does not know (an old saved result) is shown as it was stored.

    Examples
    --------
    >>> triage_line("urgent"), triage_line("unheard_of")
    ('Urgent: see a doctor today', 'unheard_of')
    """
    wording = load_knowledge_base().triage_wording
    known = {w.level.value: w.report for w in wording.levels}
    return known.get(level, level)


#: The note at the top of the report, written for the clinician who reads it (the person's
#: own pages carry the patient-facing disclaimer instead).
CLINICIAN_DISCLAIMER = (
    "For the clinician: this report is made by nightlegs, an information tool, from what the "
    "person recorded: a self-reported night diary and questionnaire answers, and any "
    "leg-movement recordings from a consumer device or a lab, scored automatically. It is not "
    "a validated diagnostic tool and gives no diagnosis; the ranked causes are estimates from "
    "the answers, to support history-taking and examination. Leg movements per hour are read "
    f"on a consumer health article's bands ({BANDS_IN_WORDS}; not a validated scale) beside "
    f"the clinical cut-off for the PLMS index (over {ADULT_CUTOFF_PER_H:g}/h in adults, over "
    f"{CHILD_CUTOFF_PER_H:g}/h in children; ICSD-3/AASM), which only a sleep study scores "
    "properly."
)
#: What the report says when a part of it has nothing to show: what is missing and where
#: it would come from.
EMPTY_PROFILE = (
    "No profile entered: age, sex, pregnancy, medicines and known conditions are not known. "
    "They can be added on the person's profile in nightlegs."
)
EMPTY_ASSESSMENT = (
    "No saved assessment: the person has not saved an interview or description result to "
    "this diary, so there are no ranked causes or triage to show."
)
EMPTY_RECORDINGS = (
    "No analysed leg-movement recordings for this person: movements per hour, if any, are "
    "the counts typed into the diary."
)

#: Most conditions and recordings a report lists (it must fit on two pages).
MAX_CONDITIONS = 3
MAX_RECORDINGS = 3
_MAX_EVIDENCE = 4


class MovementGrading(BaseModel):
    """Leg movements per hour read on the article's bands and against the clinical cut-off:
    the words of one :class:`~nightlegs.knowledge.movement_grading.MovementGrade`."""

    per_hour: float | None
    article_band: str = Field(examples=["average (20-60/h)"])
    clinical: str = Field(examples=["abnormal (> 15/h), moderate"])
    reading: str

    @classmethod
    def of(cls, grade: MovementGrade) -> MovementGrading:
        """The report's words of a grade (``per_hour`` rounded to one decimal).

        Examples
        --------
        >>> g = MovementGrading.of(grade_movements(32))
        >>> g.article_band, g.clinical
        ('average (20-60/h)', 'abnormal (> 15/h), moderate')
        """
        index = grade.index_per_h
        return cls(
            per_hour=None if index is None else round(index, 1),
            article_band=grade.article_words,
            clinical=grade.clinical_words,
            reading=grade.reading,
        )


class NightsSummary(BaseModel):
    """Recent nights in numbers."""

    count: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    mean_sleep_quality: float | None = None
    nights_with_cramps: int = 0
    nights_with_urge_to_move: int = 0
    nights_with_pain: int = 0
    max_pain: int | None = None
    nights_with_movements: int = 0
    nights_measured: int = Field(
        default=0, description="Nights whose movements per hour come from an analysed recording."
    )
    movements_sources: str = Field(default="", examples=["2 measured by a recording, 1 typed in"])
    mean_movements_per_hour: MovementGrading | None = None
    max_movements_per_hour: MovementGrading | None = None


class ConditionSummary(BaseModel):
    id: str
    name: str
    probability: float
    evidence_for: list[str]
    evidence_against: list[str]
    absent_fits: list[str] = Field(
        default_factory=list, description="What the person does not have that fits it."
    )
    icd10: list[str] = Field(default_factory=list)
    snomed: list[str] = Field(default_factory=list)


class AssessmentSummary(BaseModel):
    """The latest stored assessment, as much of it as a doctor needs."""

    id: int
    created_at: dt.datetime
    kb_version: str
    triage: str
    triage_words: str
    headline: str
    triage_reasons: list[str]
    conditions: list[ConditionSummary]
    findings_present: list[str]
    findings_absent: list[str]
    instruments: list[InstrumentResult]
    next_steps: list[str]

    @property
    def reported(self) -> str:
        """What the person said yes and no to, as one line with its spaces.

        >>> AssessmentSummary(id=1, created_at=dt.datetime(2025, 1, 1), kb_version="1",
        ...     triage="doctor", triage_words="", headline="", triage_reasons=[],
        ...     conditions=[], findings_present=["it started suddenly"],
        ...     findings_absent=["numbness"], instruments=[], next_steps=[]).reported
        'Yes: it started suddenly. No: numbness.'
        """
        parts = []
        if self.findings_present:
            parts.append("Yes: " + "; ".join(self.findings_present) + ".")
        if self.findings_absent:
            parts.append("No: " + "; ".join(self.findings_absent) + ".")
        return " ".join(parts)


class RecordingSummary(BaseModel):
    """An analysed recording's indices (docs/json-contract.md section 3) with both gradings."""

    id: int
    filename: str
    created_at: dt.datetime
    recording_hours: float | None = None
    sleep_hours: float | None = None
    plms_index: float | None = None
    plm_index: float | None = None
    severity_article: str | None = None
    severity_clinical: str | None = None
    grading: MovementGrading | None = None
    start: str | None = Field(default=None, description="Start date and time from the file.")
    night_date: dt.date | None = Field(default=None, description="The diary night it is on.")


def describe_period(days: int) -> str:
    """The report period in words: ``"last 30 days"``, ``"last year"`` (365 days), ``"every
    night in the diary"`` (``days=0``).

    >>> describe_period(90), describe_period(365), describe_period(1), describe_period(0)
    ('last 90 days', 'last year', 'last day', 'every night in the diary')
    """
    if days == 0:
        return "every night in the diary"
    if days == 365:
        return "last year"
    return "last day" if days == 1 else f"last {days} days"


class ReportData(BaseModel):
    """Everything the report shows; rendered by :mod:`nightlegs.report.html` and ``.pdf``."""

    generated_at: dt.datetime
    period_days: int = Field(description="The days the nights cover; 0: every night.")
    period_start: dt.date
    person_name: str | None = None
    profile: Profile | None = None
    diary_nights: int = Field(default=0, description="The person's nights in any period.")
    diary_latest: dt.date | None = Field(default=None, description="Their latest night.")
    nights: list[Night] = Field(default_factory=list)
    summary: NightsSummary
    assessment: AssessmentSummary | None = None
    recordings: list[RecordingSummary] = Field(default_factory=list)
    kb_version: str
    disclaimer: str = CLINICIAN_DISCLAIMER
    bands_source: str = BANDS_SOURCE

    @property
    def period(self) -> str:
        """The period in words, as the report header shows it (``"last 90 days"``)."""
        return describe_period(self.period_days)

    @property
    def child(self) -> bool:
        """Whether the person is graded as a child (under 18 by age or birth year)."""
        return is_child(self.profile, self.generated_at.date())

    @property
    def age(self) -> str:
        """The age as the profile gives it: years, else the birth year, else "not given"."""
        p = self.profile
        if p is not None and p.age is not None:
            return fmt_number(p.age)
        if p is not None and p.birth_year is not None:
            return f"born {p.birth_year}"
        return "not given"

    @property
    def sex(self) -> str:
        """Sex with pregnancy or a recent birth, as the profile gives them."""
        p = self.profile
        if p is None:
            return "not given"
        words: str = p.sex or "not given"
        if p.pregnant:
            details = [f"week {p.pregnancy_week}" if p.pregnancy_week else ""]
            details.append(f"due {p.due_date.isoformat()}" if p.due_date else "")
            shown = ", ".join(d for d in details if d)
            words += f", pregnant ({shown})" if shown else ", pregnant"
        if p.postpartum_since:
            words += f", gave birth on {p.postpartum_since.isoformat()}"
        return words

    @property
    def medicines(self) -> str:
        """The profile's medicines in words (``"none given"`` without any)."""
        return _labels(self.profile.medicines if self.profile else [])

    @property
    def known_conditions(self) -> str:
        """The profile's known conditions in words (``"none given"`` without any)."""
        return _labels(self.profile.known_conditions if self.profile else [])

    @property
    def no_nights(self) -> str:
        """What is missing when the period has no nights: none at all, or none this recent
        (with how many the diary has and the latest date, so a longer period can be chosen)."""
        if self.diary_nights == 0:
            return (
                "No nights in the diary yet: sleep, cramps, pain and leg movements are recorded "
                "night by night in the diary."
            )
        latest = self.diary_latest.isoformat() if self.diary_latest else "-"
        return (
            f"No nights in the {self.period}; the diary has {plural(self.diary_nights, 'night')}"
            f", the latest on {latest}: choose a longer period."
        )


def _labels(finding_ids: Sequence[str]) -> str:
    """Finding ids in words (an id the knowledge base no longer has is shown as it is)."""
    findings = knowledge_index().findings
    words = [findings[f].label if f in findings else f for f in finding_ids]
    return "; ".join(words) or "none given"


def grading_line(grading: MovementGrading | None, summary: NightsSummary) -> str:
    """One reading of movements per hour for the report, with the nights it comes from.

    Examples
    --------
    >>> s = NightsSummary(count=1, nights_with_movements=1, movements_sources="1 typed in")
    >>> grading_line(MovementGrading.of(grade_movements(32)), s)[:57]
    '32/h on 1 night (1 typed in): article band average (20-60'
    >>> grading_line(None, s)
    'not entered or measured on any night'
    """
    if grading is None or grading.per_hour is None:
        return "not entered or measured on any night"
    nights = plural(summary.nights_with_movements, "night")
    return (
        f"{fmt_number(grading.per_hour)}/h on {nights} ({summary.movements_sources}): article "
        f"band {grading.article_band}; clinical reading {grading.clinical}"
    )


def movements_sources(measured: int, typed_in: int) -> str:
    """Where the nights' movements per hour come from, in words for the report.

    Examples
    --------
    >>> movements_sources(2, 1), movements_sources(0, 1), movements_sources(1, 0)
    ('2 measured by a recording, 1 typed in', '1 typed in', '1 measured by a recording')
    """
    parts = [f"{measured} measured by a recording"] if measured else []
    if typed_in:
        parts.append(f"{typed_in} typed in")
    return ", ".join(parts)


def _graded(per_hour: float, child: bool) -> MovementGrading:
    return MovementGrading.of(grade_movements(per_hour, child=child))


def _summarise_nights(nights: Sequence[Night], *, child: bool) -> NightsSummary:
    def has(night: Night, kind: str) -> bool:
        return any(e.kind == kind for e in night.episodes)

    qualities = [n.sleep_quality for n in nights if n.sleep_quality is not None]
    moves = [n.movements_per_hour for n in nights if n.movements_per_hour is not None]
    pains = [e.intensity for n in nights for e in n.episodes]
    measured = sum(
        n.movements_per_hour is not None and n.movements_source == "recording" for n in nights
    )
    return NightsSummary(
        count=len(nights),
        first_date=min((n.date for n in nights), default=None),
        last_date=max((n.date for n in nights), default=None),
        mean_sleep_quality=round(fmean(qualities), 1) if qualities else None,
        nights_with_cramps=sum(has(n, "cramp") for n in nights),
        nights_with_urge_to_move=sum(has(n, "urge_to_move") for n in nights),
        nights_with_pain=sum(
            bool(n.episodes) and max(e.intensity for e in n.episodes) > 0 for n in nights
        ),
        max_pain=max(pains, default=None),
        nights_with_movements=len(moves),
        nights_measured=measured,
        movements_sources=movements_sources(measured, len(moves) - measured),
        mean_movements_per_hour=_graded(fmean(moves), child) if moves else None,
        max_movements_per_hour=_graded(max(moves), child) if moves else None,
    )


def _summarise_condition(c: ConditionResult) -> ConditionSummary:
    """One condition of a saved result (an older row's shapes are read by the model)."""
    return ConditionSummary(
        id=c.id,
        name=c.name,
        probability=c.probability,
        evidence_for=list(c.evidence_for[:_MAX_EVIDENCE]),
        evidence_against=list(c.evidence_against[:_MAX_EVIDENCE]),
        absent_fits=list(c.absent_fits[:_MAX_EVIDENCE]),
        icd10=list(c.icd10),
        snomed=list(c.snomed),
    )


def _summarise_assessment(record: AssessmentRecord) -> AssessmentSummary:
    result = record.result
    triage = result.triage.value
    return AssessmentSummary(
        id=record.id,
        created_at=record.created_at,
        kb_version=record.kb_version,
        triage=triage,
        triage_words=triage_line(triage),
        headline=result.headline,
        triage_reasons=list(result.triage_reasons),
        conditions=[_summarise_condition(c) for c in result.conditions[:MAX_CONDITIONS]],
        findings_present=[f.label for f in result.findings if f.present],
        findings_absent=[f.label for f in result.findings if not f.present],
        instruments=list(result.instruments),
        next_steps=list(result.next_steps),
    )


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def recording_grade(summary: Mapping[str, Any], *, child: bool = False) -> MovementGrade | None:
    """The grade of an analysed recording's headline index; None without any index.

    The headline is the PLMS index, or the PLM index per hour of recording when there was no
    hypnogram; a hypnogram with no sleep has none (every reading is "not available"), as in
    the analysis itself.

    Examples
    --------
    >>> recording_grade({"plms_index": 28.0, "plm_index": 30.0}).article
    'average'
    >>> recording_grade({"plms_index": None, "plm_index": 9.0, "index_basis": "sleep"}).article
    'not available'
    >>> recording_grade({}) is None
    True
    """
    plms, plm = _num(summary.get("plms_index")), _num(summary.get("plm_index"))
    if plms is None and summary.get("index_basis") == "sleep":
        return grade_movements(None, child=child)
    basis = plms if plms is not None else plm
    return None if basis is None else grade_movements(basis, child=child)


def summarise_recording(record: RecordingRecord, *, child: bool = False) -> RecordingSummary:
    """The indices of one analysed recording with both gradings of its PLMS (or PLM) index."""
    s = record.summary or {}
    grade = recording_grade(s, child=child)
    return RecordingSummary(
        id=record.id,
        filename=record.filename,
        created_at=record.created_at,
        recording_hours=_num(s.get("recording_hours")),
        sleep_hours=_num(s.get("sleep_hours")),
        plms_index=_num(s.get("plms_index")),
        plm_index=_num(s.get("plm_index")),
        severity_article=grade.article if grade else None,
        severity_clinical=f"{grade.clinical}, {grade.clinical_band}" if grade else None,
        grading=MovementGrading.of(grade) if grade else None,
        start=str(s["start"]) if s.get("start") else None,
        night_date=record.night_date,
    )


def is_child(profile: Profile | None, today: dt.date) -> bool:
    """Under 18 by the profile's age, else by its birth year (the child cut-off of 5/h).

    Examples
    --------
    >>> today = dt.date(2026, 6, 1)
    >>> is_child(Profile.model_construct(age=None, birth_year=2017), today)
    True
    >>> is_child(Profile.model_construct(age=40.0, birth_year=None), today), is_child(None, today)
    (False, False)
    """
    if profile is None:
        return False
    if profile.age is not None:
        return profile.age < 18
    return profile.birth_year is not None and today.year - profile.birth_year < 18


def build_report_data(
    store: DiaryStore,
    *,
    days: int = 30,
    now: dt.datetime | None = None,
    person: int | None = None,
) -> ReportData:
    """Gather the report for the doctor about one person of a diary store.

    Parameters
    ----------
    store : DiaryStore
        The diary (people, nights, saved assessments, recordings).
    days : int
        How many days back the nights summary and chart cover (1 to 3660; 0: every night).
    now : datetime, optional
        The time the report is made (default: the current UTC time).
    person : int, optional
        Whose report (the default person when ``None``); only their records are read.

    Returns
    -------
    ReportData
        Profile, nights and their summary with both gradings of movements per hour, the
        latest assessment, the latest analysed recordings, versions and the disclaimer.

    Examples
    --------
    >>> from nightlegs.diary.storage import open_store
    >>> data = build_report_data(open_store("sqlite://"), days=14)
    >>> data.summary.count, data.assessment is None
    (0, True)
    """
    if not 0 <= days <= 3660:
        raise InputError(f"days: expected a whole number from 0 (all) to 3660, got {days!r}")
    generated_at = now or dt.datetime.now(dt.UTC)
    since = generated_at.date() - dt.timedelta(days=days - 1) if days else None
    name = store.get_person(person).name
    profile = store.get_profile(person=person)
    child = is_child(profile, generated_at.date())
    nights = sorted(
        store.list_nights(person=person, since=since, limit=100_000), key=lambda n: (n.date, n.id)
    )
    start = since or (nights[0].date if nights else generated_at.date())
    # The whole diary is read only when the period is empty, to say what it does hold.
    diary = nights or (store.list_nights(person=person, limit=100_000) if since is not None else [])
    latest = store.latest_assessment(person=person)
    done = [r for r in store.list_recordings(person=person) if r.status == "done" and r.summary]
    done.sort(key=lambda r: (r.created_at, r.id), reverse=True)
    return ReportData(
        generated_at=generated_at,
        period_days=days,
        period_start=start,
        person_name=name,
        profile=profile,
        diary_nights=len(diary),
        diary_latest=max((n.date for n in diary), default=None),
        nights=nights,
        summary=_summarise_nights(nights, child=child),
        assessment=_summarise_assessment(latest) if latest else None,
        recordings=[summarise_recording(r, child=child) for r in done[:MAX_RECORDINGS]],
        kb_version=load_knowledge_base().version,
    )
