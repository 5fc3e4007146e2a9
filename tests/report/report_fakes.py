"""An in-memory ``DiaryStore`` (only what the report needs) and a filled diary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import nightlegs
from nightlegs.diary import (
    AssessmentRecord,
    DiaryExport,
    DiaryStore,
    Episode,
    Night,
    NightIn,
    Person,
    Profile,
    ProfileIn,
    RecordingRecord,
)
from nightlegs.diary.schemas import RecordingStatus
from nightlegs.errors import NotFoundError

NOW = dt.datetime(2025, 3, 20, 9, 0, tzinfo=dt.UTC)


ME = 1  # the fake holds one person


def _check(person: int | None) -> None:
    if person not in (None, ME):
        raise NotFoundError(f"person {person} not found")


class MemoryStore:
    """A dict-backed stand-in for the SQL store with one person; timestamps are fixed so
    outputs are stable."""

    def __init__(self) -> None:
        self.profile: Profile | None = None
        self.nights: dict[int, Night] = {}
        self.assessments: list[AssessmentRecord] = []
        self.recordings: dict[int, RecordingRecord] = {}
        self._next_episode = 1

    def get_person(self, person: int | None = None) -> Person:
        _check(person)
        fields = self.profile.model_dump(exclude={"updated_at"}) if self.profile else {}
        return Person(
            **fields,
            id=ME,
            name="Me",
            profile_saved=self.profile is not None,
            created_at=NOW,
            updated_at=NOW,
        )

    def get_profile(self, *, person: int | None = None) -> Profile | None:
        _check(person)
        return self.profile

    def put_profile(self, profile: ProfileIn, *, person: int | None = None) -> Profile:
        _check(person)
        self.profile = Profile(**profile.model_dump(), updated_at=NOW)
        return self.profile

    def _night(self, night_id: int, night: NightIn) -> Night:
        episodes = []
        for e in night.episodes:
            episodes.append(Episode(**e.model_dump(), id=self._next_episode))
            self._next_episode += 1
        data = night.model_dump(exclude={"episodes"})
        return Night(
            **data, id=night_id, person_id=ME, created_at=NOW, updated_at=NOW, episodes=episodes
        )

    def create_night(self, night: NightIn, *, person: int | None = None) -> Night:
        _check(person)
        new = self._night(len(self.nights) + 1, night)
        self.nights[new.id] = new
        return new

    def list_nights(
        self,
        *,
        person: int | None = None,
        since: dt.date | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[Night]:
        _check(person)
        rows = sorted(self.nights.values(), key=lambda n: (n.date, n.id), reverse=True)
        rows = [n for n in rows if since is None or n.date >= since]
        return rows[offset : offset + limit]

    def get_night(self, night_id: int, *, person: int | None = None) -> Night:
        _check(person)
        if night_id not in self.nights:
            raise NotFoundError(f"night {night_id} not found")
        return self.nights[night_id]

    def update_night(self, night_id: int, night: NightIn, *, person: int | None = None) -> Night:
        self.get_night(night_id)
        self.nights[night_id] = self._night(night_id, night)
        return self.nights[night_id]

    def delete_night(self, night_id: int, *, person: int | None = None) -> None:
        self.get_night(night_id)
        del self.nights[night_id]

    def add_assessment(
        self,
        request: dict[str, Any],
        result: dict[str, Any],
        kb_version: str,
        *,
        person: int | None = None,
    ) -> AssessmentRecord:
        _check(person)
        record = AssessmentRecord(
            id=len(self.assessments) + 1,
            person_id=ME,
            created_at=NOW - dt.timedelta(days=2) + dt.timedelta(hours=len(self.assessments)),
            kb_version=kb_version,
            request=request,
            result=result,
        )
        self.assessments.append(record)
        return record

    def latest_assessment(self, *, person: int | None = None) -> AssessmentRecord | None:
        _check(person)
        return self.assessments[-1] if self.assessments else None

    def list_assessments(
        self, *, person: int | None = None, limit: int = 100
    ) -> list[AssessmentRecord]:
        _check(person)
        return list(reversed(self.assessments))[:limit]

    def create_recording(
        self, filename: str, size_bytes: int, *, person: int | None = None
    ) -> RecordingRecord:
        _check(person)
        rid = len(self.recordings) + 1
        record = RecordingRecord(
            id=rid,
            person_id=ME,
            filename=filename,
            size_bytes=size_bytes,
            status="pending",
            created_at=NOW - dt.timedelta(days=5) + dt.timedelta(hours=rid),
        )
        self.recordings[rid] = record
        return record

    def update_recording(
        self,
        recording_id: int,
        *,
        status: RecordingStatus,
        summary: dict[str, Any] | None = None,
        events: list[dict[str, Any]] | None = None,
        error: str | None = None,
    ) -> RecordingRecord:
        record = self.get_recording(recording_id).model_copy(
            update={"status": status, "summary": summary, "events": events, "error": error}
        )
        self.recordings[recording_id] = record
        return record

    def get_recording(self, recording_id: int, *, person: int | None = None) -> RecordingRecord:
        _check(person)
        if recording_id not in self.recordings:
            raise NotFoundError(f"recording {recording_id} not found")
        return self.recordings[recording_id]

    def list_recordings(self, *, person: int | None = None) -> list[RecordingRecord]:
        _check(person)
        return sorted(self.recordings.values(), key=lambda r: r.id, reverse=True)

    def export_diary(self, *, person: int | None = None) -> DiaryExport:
        raise NotImplementedError

    def import_diary(
        self, data: DiaryExport, *, person: int | None = None, replace: bool = False
    ) -> int:
        raise NotImplementedError

    def close(self) -> None:
        pass


def _check_protocol(store: MemoryStore) -> DiaryStore:
    return store  # mypy checks that MemoryStore satisfies the protocol


RLS_TEXT = (
    "my calves cramp every night and I have an urge to move my legs in the evening, "
    "relieved by walking; it gets worse when I sit still"
)
RECORDING_SUMMARY: dict[str, Any] = {
    "recording_hours": 8.0,
    "sleep_hours": 7.0,
    "lm_count": 300,
    "plm_count": 220,
    "plms_count": 196,
    "lm_index": 42.9,
    "plm_index": 27.5,
    "plms_index": 28.0,
    "plmw_index": 24.0,
    "severity_article": "average",
    "severity_clinical": "abnormal",
    "severity_clinical_band": "moderate",
}


def fill_diary(store: MemoryStore) -> MemoryStore:
    """A fortnight with gaps: movements on some nights, cramps and urges, an assessment, a study."""
    store.put_profile(
        ProfileIn(age=70, sex="female", medicines=["amlodipine"], known_conditions=["diabetes"])
    )
    start = NOW.date() - dt.timedelta(days=13)
    for i in range(14):
        if i in (3, 4, 9):
            continue  # gaps
        episodes: list[dict[str, Any]] = (
            [
                {
                    "time": "02:30",
                    "side": "left",
                    "body_site": "calf",
                    "kind": "cramp",
                    "intensity": 3 + i % 6,
                    "helped": "stretching",
                },
            ]
            if i % 2 == 0
            else [{"side": "both", "body_site": "legs", "kind": "urge_to_move", "intensity": 4}]
        )
        store.create_night(
            NightIn.model_validate(
                {
                    "date": start + dt.timedelta(days=i),
                    "bedtime": "22:45",
                    "wake_time": "06:30",
                    "sleep_quality": 4 + i % 5,
                    "movements_per_hour": [8.0, 22.0, 35.0, 64.0][i % 4] if i % 3 else None,
                    "movements_source": "entered" if i % 3 else None,
                    "episodes": episodes,
                }
            )
        )
    # an old night outside a 30-day window
    store.create_night(NightIn(date=NOW.date() - dt.timedelta(days=90), sleep_quality=1))
    first = nightlegs.assess("my legs cramp at night", age=70, sex="female")
    store.add_assessment({"text": "my legs cramp at night"}, first.to_dict(), first.kb_version)
    latest = nightlegs.assess(RLS_TEXT, age=70, sex="female")
    store.add_assessment({"text": RLS_TEXT, "age": 70}, latest.to_dict(), latest.kb_version)
    rec = store.create_recording("night1.edf", 1234)
    store.update_recording(rec.id, status="done", summary=RECORDING_SUMMARY, events=[])
    store.create_recording("broken.edf", 10)
    store.update_recording(2, status="failed", error="not an EDF file")
    return store
