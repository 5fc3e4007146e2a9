"""The diary store interface that the web layer and the report depend on.

:class:`nightlegs.diary.storage.SqlDiaryStore` implements it on SQLAlchemy (SQLite by default,
PostgreSQL when ``NIGHTLEGS_DATABASE_URL`` says so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from nightlegs.diary.schemas import (
    AssessmentRecord,
    DiaryExport,
    Night,
    NightIn,
    Profile,
    ProfileIn,
    RecordingRecord,
    RecordingStatus,
)

__all__ = ["DiaryStore"]


class DiaryStore(Protocol):
    """Every write is one transaction; missing records raise ``NotFoundError``."""

    def get_profile(self) -> Profile | None: ...
    def put_profile(self, profile: ProfileIn) -> Profile: ...

    def create_night(self, night: NightIn) -> Night: ...
    def list_nights(
        self, *, since: dt.date | None = None, limit: int = 1000, offset: int = 0
    ) -> list[Night]: ...
    def get_night(self, night_id: int) -> Night: ...
    def update_night(self, night_id: int, night: NightIn) -> Night: ...
    def delete_night(self, night_id: int) -> None: ...

    def add_assessment(
        self, request: dict[str, Any], result: dict[str, Any], kb_version: str
    ) -> AssessmentRecord: ...
    def latest_assessment(self) -> AssessmentRecord | None: ...
    def list_assessments(self, *, limit: int = 100) -> list[AssessmentRecord]: ...

    def create_recording(
        self, filename: str, size_bytes: int, *, owner: str | None = None, lease_s: float = 0.0
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
    ) -> RecordingRecord: ...
    def get_recording(self, recording_id: int) -> RecordingRecord: ...
    def list_recordings(self) -> list[RecordingRecord]: ...

    def export_diary(self) -> DiaryExport: ...
    def import_diary(
        self, data: DiaryExport, *, replace: bool = False, max_rows: int | None = None
    ) -> int: ...

    def close(self) -> None: ...
