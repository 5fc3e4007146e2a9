"""The diary's data as the API and the report see it (pydantic models).

``*In`` models are what a client sends (create or replace); the others are what is stored and
returned, with ids and timestamps. Storage (SQLAlchemy) lives in :mod:`nightlegs.diary.storage`.

These models are the one list of a night's, an episode's and a profile's fields: the writer
copies :data:`NIGHT_FIELDS`, :data:`EPISODE_FIELDS` and :data:`PROFILE_FIELDS` onto the tables,
stored rows are read back with ``from_attributes``, and the CSV columns are these names in this
order (:mod:`nightlegs.diary.csv_io`). A test checks that the tables hold exactly these fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from nightlegs._inputs import NightDate, StrictIn
from nightlegs.assessment.result import Assessment
from nightlegs.diary import _person_checks as checks

__all__ = [
    "EPISODE_FIELDS",
    "NIGHT_FIELDS",
    "PROFILE_FIELDS",
    "AssessmentRecord",
    "DiaryExport",
    "Episode",
    "EpisodeIn",
    "EpisodeKind",
    "Night",
    "NightIn",
    "Person",
    "PersonIn",
    "Profile",
    "ProfileIn",
    "RecordingRecord",
    "RecordingStatus",
    "Side",
]

EpisodeKind = Literal["cramp", "urge_to_move", "pain", "numbness", "jerks_seen_by_partner"]
Side = Literal["left", "right", "both"]
RecordingStatus = Literal["pending", "running", "done", "failed"]


class _In(StrictIn):
    """Unknown fields, non-finite numbers and unstorable text are refused (``StrictIn``)."""


class ProfileIn(_In):
    """What is known about a person's health: age, sex, pregnancy, medicines, conditions.

    The medicines and known conditions are kept as given here (the diary export and
    ``PUT /api/profile`` carry them so); :class:`PersonIn` checks them against the knowledge
    base's finding ids.
    """

    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    age: float | None = Field(default=None, ge=0, le=120)
    sex: Literal["female", "male"] | None = None
    pregnant: bool | None = None
    pregnancy_week: int | None = Field(default=None, ge=1, le=45)
    due_date: dt.date | None = None
    postpartum_since: dt.date | None = None
    medicines: list[str] = Field(default_factory=list, max_length=50)
    known_conditions: list[str] = Field(default_factory=list, max_length=50)


class Profile(ProfileIn):
    updated_at: dt.datetime


class PersonIn(ProfileIn):
    """A person of the diary: a name or nickname and their profile (``POST /api/people``).

    Checked beyond :class:`ProfileIn`: ``medicines`` are finding ids of the knowledge base's
    medicines (``med_statin``), ``known_conditions`` finding ids of its history and lifestyle
    (``diabetes``, ``smoker``), a birth year is not in the future and not given with an age,
    and pregnancy fields fit together (no pregnancy for sex ``male``, a due date or week only
    while pregnant, ``postpartum_since`` not while pregnant and not in the future).

    Examples
    --------
    >>> PersonIn(name="Sam", birth_year=1980, medicines=["med_statin"]).name
    'Sam'
    """

    name: str = Field(min_length=1, max_length=100, examples=["Me", "Lily"])

    @field_validator("medicines")
    @classmethod
    def _medicines(cls, value: list[str]) -> list[str]:
        return checks.finding_ids(value, checks.MEDICINE_CATEGORIES)

    @field_validator("known_conditions")
    @classmethod
    def _known_conditions(cls, value: list[str]) -> list[str]:
        return checks.finding_ids(value, checks.CONDITION_CATEGORIES)

    @field_validator("birth_year")
    @classmethod
    def _birth_year(cls, value: int | None) -> int | None:
        return checks.birth_year(value)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        checks.consistent(self)
        return self


class Person(ProfileIn):
    """A stored person; ``profile_saved`` is false until a profile was entered for them."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    profile_saved: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class EpisodeIn(_In):
    """One episode during a night."""

    time: dt.time | None = None
    side: Side
    body_site: str = Field(min_length=1, max_length=60, examples=["calf"])
    kind: EpisodeKind
    intensity: int = Field(ge=0, le=10)
    helped: str | None = Field(default=None, max_length=200, examples=["stretching"])


class Episode(EpisodeIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


class NightIn(_In):
    """One night of the diary (its date from 1900-01-01 to tomorrow)."""

    date: NightDate
    bedtime: dt.time | None = None
    wake_time: dt.time | None = None
    sleep_quality: int | None = Field(default=None, ge=0, le=10)
    movements_per_hour: float | None = Field(default=None, ge=0, le=1000)
    movements_source: Literal["entered", "recording"] | None = None
    recording_id: int | None = None
    notes: str | None = Field(default=None, max_length=2000)
    episodes: list[EpisodeIn] = Field(default_factory=list, max_length=100)


class Night(NightIn):
    model_config = ConfigDict(from_attributes=True)

    # A stored night is shown whatever its date (one stored before dates were checked too).
    date: dt.date
    id: int
    person_id: int
    created_at: dt.datetime
    updated_at: dt.datetime
    episodes: list[Episode] = Field(default_factory=list)  # type: ignore[assignment]


#: A profile's fields in the schema's order (the ``people`` columns besides name and stamps).
PROFILE_FIELDS: tuple[str, ...] = tuple(ProfileIn.model_fields)
#: An episode's fields in the schema's order (the ``episodes`` columns besides ids and position).
EPISODE_FIELDS: tuple[str, ...] = tuple(EpisodeIn.model_fields)
#: A night's own fields in the schema's order: the ``nights`` columns besides ids and stamps
#: (its episodes are rows of their own).
NIGHT_FIELDS: tuple[str, ...] = tuple(name for name in NightIn.model_fields if name != "episodes")


class AssessmentRecord(BaseModel):
    """A stored assessment: what was asked, the result, and the knowledge-base version.

    ``result`` is the stored JSON validated into the one result model; a row saved by an older
    release loads too (:class:`~nightlegs.assessment.result.Assessment` reads the older shapes).
    """

    id: int
    person_id: int
    created_at: dt.datetime
    kb_version: str
    request: dict[str, Any]
    result: Assessment


class RecordingRecord(BaseModel):
    """An uploaded recording and, once analysed, its summary and events (docs/json-contract.md
    section 3)."""

    id: int
    person_id: int
    filename: str
    size_bytes: int
    status: RecordingStatus
    created_at: dt.datetime
    error: str | None = None
    summary: dict[str, Any] | None = None
    events: list[dict[str, Any]] | None = None
    #: The night its measured values are on (none before the analysis is done).
    night_id: int | None = None
    night_date: dt.date | None = None


class DiaryExport(BaseModel):
    """Everything in the diary, for lossless JSON export and import."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["nightlegs-diary"] = "nightlegs-diary"
    version: Literal[1] = Field(
        default=1, description="The format version; an import refuses versions it does not know."
    )
    profile: ProfileIn | None = None
    nights: list[NightIn] = Field(default_factory=list)
