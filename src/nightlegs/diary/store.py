"""The diary store interface that the web layer and the report depend on.

:class:`nightlegs.diary.storage.SqlDiaryStore` implements it on SQLAlchemy (SQLite by default,
PostgreSQL when ``NIGHTLEGS_DATABASE_URL`` says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from nightlegs.assessment.result import Assessment
from nightlegs.diary.schemas import (
    AssessmentRecord,
    DiaryExport,
    Night,
    NightIn,
    Person,
    PersonIn,
    Profile,
    ProfileIn,
    RecordingRecord,
    RecordingStatus,
)

__all__ = ["DiaryStore"]


class DiaryStore(Protocol):
    """Every write is one transaction; missing records raise ``NotFoundError``.

    ``person`` names whose records a call reads or writes; ``None`` is the default person
    (the one with the smallest id). A record of another person is not found.
    """

    def create_person(self, person: PersonIn) -> Person: ...
    def list_people(self) -> list[Person]: ...
    def get_person(self, person: int | None = None) -> Person: ...
    def update_person(self, person: int, data: PersonIn) -> Person: ...
    def delete_person(self, person: int) -> None: ...

    def get_profile(self, *, person: int | None = None) -> Profile | None: ...
    def put_profile(self, profile: ProfileIn, *, person: int | None = None) -> Profile: ...

    def create_night(self, night: NightIn, *, person: int | None = None) -> Night: ...
    def list_nights(
        self,
        *,
        person: int | None = None,
        since: dt.date | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[Night]: ...
    def get_night(self, night_id: int, *, person: int | None = None) -> Night: ...
    def update_night(
        self, night_id: int, night: NightIn, *, person: int | None = None
    ) -> Night: ...
    def delete_night(self, night_id: int, *, person: int | None = None) -> None: ...

    def add_assessment(
        self,
        request: dict[str, Any],
        result: Assessment | Mapping[str, Any],
        kb_version: str,
        *,
        person: int | None = None,
    ) -> AssessmentRecord: ...
    def latest_assessment(self, *, person: int | None = None) -> AssessmentRecord | None: ...
    def list_assessments(
        self, *, person: int | None = None, limit: int = 100
    ) -> list[AssessmentRecord]: ...
    def get_assessment(
        self, assessment_id: int, *, person: int | None = None
    ) -> AssessmentRecord: ...
    def delete_assessment(self, assessment_id: int, *, person: int | None = None) -> None: ...

    def create_recording(
        self,
        filename: str,
        size_bytes: int,
        *,
        person: int | None = None,
        owner: str | None = None,
        lease_s: float = 0.0,
    ) -> RecordingRecord: ...
    def renew_leases(self, owner: str, lease_s: float) -> int: ...
    def fail_abandoned(self, error: str, *, stopped: Sequence[str] = ()) -> int: ...
    def update_recording(
        self,
        recording_id: int,
        *,
        status: RecordingStatus,
        summary: dict[str, Any] | None = None,
        events: list[dict[str, Any]] | None = None,
        error: str | None = None,
        night: dt.date | None = None,
    ) -> RecordingRecord: ...
    def get_recording(self, recording_id: int, *, person: int | None = None) -> RecordingRecord: ...
    def list_recordings(self, *, person: int | None = None) -> list[RecordingRecord]: ...
    def set_recording_night(
        self, recording_id: int, date: dt.date, *, person: int | None = None
    ) -> RecordingRecord: ...
    def delete_recording(self, recording_id: int, *, person: int | None = None) -> None: ...

    def export_diary(self, *, person: int | None = None) -> DiaryExport: ...
    def import_diary(
        self,
        data: DiaryExport,
        *,
        person: int | None = None,
        replace: bool = False,
        max_rows: int | None = None,
    ) -> int: ...

    def close(self) -> None: ...
