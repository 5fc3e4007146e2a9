"""Request and response models of the REST API that the diary schemas do not already give.

Request models (``*In``) forbid unknown fields, so a typo is a 422 naming the field.

Examples
--------
>>> AssessIn(text="my calves cramp at night", age=70).sex is None
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nightlegs.diary.schemas import RecordingStatus
from nightlegs.knowledge import Source

__all__ = [
    "AssessIn",
    "AssessmentOut",
    "ConditionOut",
    "ConditionSummary",
    "EvidenceItem",
    "FindingOut",
    "Health",
    "ImportResult",
    "InterviewIn",
    "InterviewOut",
    "QuestionOut",
    "RankedCondition",
    "RecordingPublic",
    "TriageLevel",
]

TriageLevel = Literal["emergency", "urgent", "doctor", "self_care"]
Sex = Literal["female", "male"]
_FINDING_ID = r"^[a-z][a-z0-9_]{0,79}$"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class AssessIn(_In):
    """What ``POST /api/assess`` takes: a description and/or structured findings."""

    text: str | None = Field(
        default=None, max_length=5000, examples=["my calves cramp every night"]
    )
    age: float | None = Field(default=None, ge=0, le=120, description="Years.")
    sex: Sex | None = None
    pregnant: bool | None = None
    findings: dict[str, bool] | None = Field(
        default=None, max_length=300, description="Finding id to present (true) or absent."
    )
    movements_per_hour: float | None = Field(default=None, ge=0, le=1000)
    irls_total: int | None = Field(
        default=None, ge=0, le=40, description="IRLS severity total from a clinician (0-40)."
    )
    save: bool = Field(
        default=False,
        description="Keep the assessment in the diary (for the report and the FHIR export). "
        "Off by default: an assessment stores nothing unless asked.",
    )


class ConditionOut(_Open):
    """One ranked condition (CONTRACT section 1)."""

    id: str
    name: str
    probability: float
    evidence_for: list[str]
    evidence_against: list[str]


class FindingOut(_Open):
    """One finding understood from the input."""

    id: str
    present: bool
    text: str | None = None
    certainty: Literal["reported", "possible"] = Field(
        default="reported",
        description="possible: the words were hedged or a double negative; triage still "
        "treats a possible danger sign as present.",
    )


class DangerSignsOut(BaseModel):
    """The danger-sign checklist every answer carries."""

    call_emergency_now_if: list[str]
    see_a_doctor_today_if: list[str]


class AssessmentOut(_Open):
    """The assessment object of CONTRACT section 1 (further keys may follow)."""

    headline: str
    triage: TriageLevel
    triage_reasons: list[str]
    conditions: list[ConditionOut]
    findings: list[FindingOut]
    specialist: str
    next_steps: list[str]
    self_care: list[str]
    disclaimer: str
    kb_version: str
    understood: bool = Field(
        description="False when the text could not be read (another language, or nothing "
        "recognised): then no causes are ranked and the answer leads with the danger signs."
    )
    language: str = Field(description="ISO 639-1 code of the language the text seems to be in.")
    think_of: list[str] = Field(
        default_factory=list,
        description="Emergencies outside the condition catalogue that a safety-net rule raised "
        "(e.g. stroke, pulmonary embolism).",
    )
    danger_signs: DangerSignsOut


class EvidenceItem(_In):
    """One interview answer: ``present`` is ``null`` for "don't know"."""

    id: str = Field(pattern=_FINDING_ID, examples=["leg_swelling"])
    present: bool | None
    from_text: bool = Field(
        default=False,
        description="True when the finding came from the person's own description rather than "
        "a question; it then does not count towards the question limit.",
    )


class InterviewIn(_In):
    """The answers so far; the interview itself keeps no state."""

    age: float | None = Field(default=None, ge=0, le=120)
    sex: Sex | None = None
    pregnant: bool | None = None
    evidence: list[EvidenceItem] = Field(default_factory=list, max_length=300)


class QuestionOut(BaseModel):
    """The next question and why it is asked."""

    id: str
    text: str
    why: str


class RankedCondition(BaseModel):
    """A condition in the current ranking."""

    id: str
    name: str
    probability: float


class InterviewOut(BaseModel):
    """One interview step: the next question (``null`` when done), ranking and triage."""

    question: QuestionOut | None
    conditions: list[RankedCondition]
    triage: TriageLevel
    triage_reasons: list[str]
    actions: list[str]
    red_flags: list[str]
    done: bool
    asked: int


class ConditionSummary(BaseModel):
    """A condition of the knowledge base, in brief, with its sources."""

    id: str
    name: str
    summary: str
    specialist: str
    usual_triage: TriageLevel
    icd10: list[str]
    sources: list[Source]


class RecordingPublic(BaseModel):
    """An uploaded recording: status, then the analysis object of CONTRACT section 3."""

    id: int
    filename: str
    size_bytes: int
    status: RecordingStatus
    created_at: dt.datetime
    error: str | None = None
    analysis: dict[str, Any] | None = Field(
        default=None, description="CONTRACT section 3 object (with events) once done."
    )


class ImportResult(BaseModel):
    """How many nights an import stored."""

    imported: int


class Health(BaseModel):
    """The trivial endpoint."""

    status: Literal["ok"] = "ok"
