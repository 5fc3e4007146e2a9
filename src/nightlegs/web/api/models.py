"""Request and response models of the REST API that the diary schemas do not already give.

Request models (``*In``) forbid unknown fields, so a typo is a 422 naming the field.

Examples
--------
>>> AssessIn(text="my calves cramp at night", age=70).sex is None
True
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from nightlegs._inputs import NightDate, StrictIn
from nightlegs.assessment.result import Assessment
from nightlegs.diary.schemas import RecordingStatus
from nightlegs.intake import MAX_TEXT_CHARS
from nightlegs.knowledge import Source, knowledge_index

__all__ = [
    "AssessIn",
    "AssessmentBrief",
    "AssessmentDetail",
    "AssessmentOut",
    "ConditionSummary",
    "EvidenceItem",
    "Health",
    "ImportResult",
    "InterviewIn",
    "InterviewOut",
    "OptionOut",
    "QuestionOut",
    "RankedCondition",
    "RecordingNight",
    "RecordingNightIn",
    "RecordingPublic",
    "TriageLevel",
]

TriageLevel = Literal["emergency", "urgent", "doctor", "self_care"]
Sex = Literal["female", "male"]
_FINDING_ID = r"^[a-z][a-z0-9_]{0,79}$"
#: The person's own words, as ``POST /api/assess`` and ``POST /api/interview`` take them.
Description = Annotated[
    str | None,
    Field(
        max_length=MAX_TEXT_CHARS,
        description="A description in the person's own words (English; at most "
        f"{MAX_TEXT_CHARS:,} characters), read by the same intake as POST /api/assess.",
        examples=["my calves cramp every night"],
    ),
]


class _In(StrictIn):
    """Unknown fields, non-finite numbers and unstorable text are refused (``StrictIn``)."""


class AssessIn(_In):
    """What ``POST /api/assess`` takes: a description and/or structured findings."""

    text: Description = None
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
        description="Keep the assessment in the diary of `person` (for the report and the FHIR "
        "export); the reply then has its `assessment_id`. Off by default: an assessment "
        "stores nothing unless asked.",
    )
    person: int | None = Field(
        default=None,
        ge=1,
        le=2_147_483_647,
        description="Whose diary a saved assessment goes to (GET /api/people); the default "
        "person when left out.",
    )


class AssessmentOut(Assessment):
    """The assessment object of docs/json-contract.md section 1 (further keys may follow)."""

    assessment_id: int | None = Field(
        default=None, description="The id of the saved assessment (only with save: true)."
    )


class AssessmentBrief(BaseModel):
    """A saved assessment in the list: when, the triage, the three most likely causes."""

    id: int
    person_id: int
    created_at: dt.datetime
    triage: TriageLevel | str = Field(description="The triage level when it was saved.")
    conditions: list[str] = Field(description="Ids of the three most likely causes, first first.")


class AssessmentDetail(AssessmentBrief):
    """A saved assessment opened again: the brief, what was asked, and the whole result."""

    kb_version: str
    request: dict[str, Any]
    result: Assessment = Field(
        description="The object of docs/json-contract.md section 1 as it was saved (a row saved "
        "by an older release in today's shape)."
    )


class EvidenceItem(_In):
    """One interview answer: ``present`` is ``null`` for "don't know".

    A yes/no question is answered with one item whose ``id`` is the question's id. A choice
    question is answered with one item per option (the option ids are finding ids): ``true``
    for the chosen options, ``false`` for the others ("None of these" is all ``false``) and
    ``null`` for every option when the person does not know.
    """

    id: str = Field(
        pattern=_FINDING_ID,
        description="A finding id: a yes/no question's id or a choice question's option id.",
        examples=["leg_swelling"],
    )
    present: bool | None = Field(description="true yes (chosen), false no, null don't know.")
    from_text: bool = Field(
        default=False,
        description="True when the finding came from the person's own description rather than "
        "a question (send back the ids of the response's from_text this way); it then does "
        "not count towards the question limit.",
    )

    @field_validator("id")
    @classmethod
    def _known_finding(cls, value: str) -> str:
        if value not in knowledge_index().findings:
            raise PydanticCustomError(
                "unknown_finding",
                "unknown finding id '{id}': answer with the question's id (yes/no) or its "
                "options' ids (choice)",
                {"id": value},
            )
        return value


_INTERVIEW_EXAMPLE: dict[str, Any] = {
    "age": 70,
    "sex": "female",
    "text": "my calf cramps at night",
    "evidence": [
        {"id": "unilateral", "present": False},
        {"id": "bilateral", "present": True},
        {"id": "pale_or_blue_foot", "present": False},
        {"id": "leg_swelling", "present": False},
        {"id": "leg_weakness", "present": False},
        {"id": "fever", "present": False},
    ],
}


class InterviewIn(_In):
    """The answers so far; the interview itself keeps no state.

    Send ``text`` (the person's own words) to start from a description: the findings read from
    it are used but are not questions, so they do not count towards the limit, and an age,
    sex or pregnancy it mentions is used when the body does not give one. Send the same
    ``text`` again on later steps, or send the response's ``from_text`` findings back as
    evidence with ``from_text: true``. An evidence item overrides what the text said.
    """

    model_config = ConfigDict(json_schema_extra={"examples": [_INTERVIEW_EXAMPLE]})

    age: float | None = Field(default=None, ge=0, le=120, description="Years.")
    sex: Sex | None = None
    pregnant: bool | None = None
    text: Description = None
    evidence: list[EvidenceItem] = Field(
        default_factory=list,
        max_length=300,
        description="Every answer so far, in any order (a later item for the same id wins). "
        "A choice question takes one item per option.",
    )


class OptionOut(BaseModel):
    """One answer of a choice question: choosing it says finding ``id`` is present."""

    id: str = Field(description="A finding id.")
    text: str


class QuestionOut(BaseModel):
    """The next question and why it is asked."""

    id: str = Field(
        description="For a yes/no question the finding id to answer; for a choice question "
        "a name for the question (answer with its options' ids, not this one)."
    )
    text: str
    why: str
    kind: Literal["choice", "yes_no"]
    options: list[OptionOut] = Field(
        default_factory=list, description="The choices (empty for a yes/no question)."
    )
    multiple: bool = Field(
        default=False,
        description='"Choose all that apply" when true; one option (or none, or don\'t know) '
        "when false.",
    )


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
    asked: int = Field(
        description="Questions answered so far; a choice question counts once and findings "
        "read from the text do not count."
    )
    remaining: int = Field(
        description="The most questions still to come, this one included (the question "
        "budget left); 0 when done."
    )
    expected_remaining: int = Field(
        description="How many questions are likely still to come, this one included (the "
        "opening questions and screens not yet asked, and one more); an estimate that may "
        "grow when an answer opens a follow-up; 0 when done."
    )
    stage: Literal["complaint", "safety", "screen", "detail", "done"] = Field(
        description="complaint: where and what; safety: following up a danger sign; screen: "
        "what people forget to mention; detail: the most useful remaining question; done."
    )
    understood: bool | None = Field(
        default=None,
        description="Whether the text could be read (null when no text was sent).",
    )
    from_text: list[str] | None = Field(
        default=None,
        description="Finding ids read from the text (null when no text was sent); a client "
        "that does not send the text again sends these back with from_text: true.",
    )


class ConditionSummary(BaseModel):
    """A condition of the knowledge base, in brief, with its sources."""

    id: str
    name: str
    summary: str
    specialist: str
    usual_triage: TriageLevel
    icd10: list[str]
    sources: list[Source]


class RecordingNight(BaseModel):
    """The diary night an analysed recording's measured values are on."""

    id: int
    date: dt.date


class RecordingNightIn(_In):
    """``PUT /api/recordings/{id}/night``: the date of the night the recording belongs to."""

    date: NightDate


class RecordingPublic(BaseModel):
    """An uploaded recording: status, then the analysis object (docs/json-contract.md section 3)."""

    id: int
    person_id: int
    filename: str
    size_bytes: int
    status: RecordingStatus
    created_at: dt.datetime
    error: str | None = None
    analysis: dict[str, Any] | None = Field(
        default=None, description="docs/json-contract.md section 3 object (with events) once done."
    )
    night: RecordingNight | None = Field(
        default=None, description="The night its measured values are on, once done."
    )


class ImportResult(BaseModel):
    """How many nights an import stored."""

    imported: int


class Health(BaseModel):
    """The trivial endpoint."""

    status: Literal["ok"] = "ok"
