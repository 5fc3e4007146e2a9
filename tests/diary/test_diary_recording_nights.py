"""Recordings belong to nights: placing, moving and clearing their measured values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from nightlegs.diary import NightIn, PersonIn, SqlDiaryStore, measured_index, night_of
from nightlegs.errors import InputError, NotFoundError

MakeNight = Callable[..., NightIn]

_SUMMARY = {"plms_index": 31.5, "plm_index": 40.0, "warnings": []}


def _done(
    store: SqlDiaryStore, date: dt.date, summary: Any = None, person: int | None = None
) -> int:
    record = store.create_recording("night.edf", 100, person=person)
    done = store.update_recording(
        record.id, status="done", summary=summary or _SUMMARY, events=[], night=date
    )
    assert done.night_date == date and done.night_id is not None
    return record.id


@pytest.mark.parametrize(
    ("start", "night"),
    [
        (dt.datetime(2024, 3, 2, 23, 59, 59), dt.date(2024, 3, 2)),
        (dt.datetime(2024, 3, 3, 0, 0), dt.date(2024, 3, 2)),
        (dt.datetime(2024, 3, 3, 11, 59, 59), dt.date(2024, 3, 2)),
        (dt.datetime(2024, 3, 3, 12, 0), dt.date(2024, 3, 3)),
        (dt.datetime(2024, 3, 1, 0, 30), dt.date(2024, 2, 29)),  # leap day
        (dt.datetime(2025, 1, 1, 3, 0), dt.date(2024, 12, 31)),  # year boundary
    ],
)
def test_night_of_midnight_to_noon_is_the_night_before(start: dt.datetime, night: dt.date) -> None:
    assert night_of(start) == night


def test_measured_index_falls_back_to_plm_without_sleep() -> None:
    assert measured_index({"plms_index": None, "plm_index": 9.0}) == 9.0
    assert measured_index({"plms_index": 0.0, "plm_index": 9.0}) == 0.0
    assert measured_index({}) is None


def test_finished_recording_lands_on_its_night_made_if_missing(
    store: SqlDiaryStore, make_night: MakeNight
) -> None:
    typed = store.create_night(make_night(1, movements_per_hour=12.5, movements_source="entered"))
    recording_id = _done(store, dt.date(2024, 5, 2))
    nights = {n.date: n for n in store.list_nights()}
    landed = nights[dt.date(2024, 5, 2)]
    assert (landed.movements_per_hour, landed.movements_source, landed.recording_id) == (
        31.5,
        "recording",
        recording_id,
    )
    assert store.get_night(typed.id) == typed  # typed-in counts elsewhere stay as they are
    assert store.get_recording(recording_id).night_id == landed.id


def test_recording_replaces_the_count_of_an_existing_night_and_keeps_the_rest(
    store: SqlDiaryStore, make_night: MakeNight
) -> None:
    night = store.create_night(make_night(3, movements_per_hour=5.0, movements_source="entered"))
    recording_id = _done(store, dt.date(2024, 5, 3), {"plms_index": None, "plm_index": 7.25})
    after = store.get_night(night.id)
    assert after.movements_per_hour == 7.25 and after.recording_id == recording_id
    assert after.movements_source == "recording"
    assert after.episodes == night.episodes and after.sleep_quality == night.sleep_quality
    assert len(store.list_nights()) == 1


def test_moving_a_recording_clears_its_old_night_only(store: SqlDiaryStore) -> None:
    recording_id = _done(store, dt.date(2024, 5, 2))
    old = store.list_nights()[0]
    moved = store.set_recording_night(recording_id, dt.date(2024, 5, 4))
    assert moved.night_date == dt.date(2024, 5, 4)
    cleared = store.get_night(old.id)
    assert (cleared.movements_per_hour, cleared.movements_source, cleared.recording_id) == (
        None,
        None,
        None,
    )
    new = store.get_night(moved.night_id or 0)
    assert new.movements_per_hour == 31.5 and new.recording_id == recording_id


def test_a_night_edited_by_hand_is_not_cleared_by_its_recording(store: SqlDiaryStore) -> None:
    recording_id = _done(store, dt.date(2024, 5, 2))
    night = store.list_nights()[0]
    typed = NightIn(date=night.date, movements_per_hour=3.0, movements_source="entered")
    store.update_night(night.id, typed)
    store.delete_recording(recording_id)
    assert store.get_night(night.id).movements_per_hour == 3.0


def test_deleting_a_recording_clears_its_values(store: SqlDiaryStore) -> None:
    recording_id = _done(store, dt.date(2024, 5, 2))
    night = store.list_nights()[0]
    store.delete_recording(recording_id)
    after = store.get_night(night.id)
    assert after.movements_per_hour is None and after.recording_id is None
    with pytest.raises(NotFoundError):
        store.get_recording(recording_id)
    with pytest.raises(NotFoundError):
        store.delete_recording(recording_id)


def test_unfinished_or_failed_recordings_have_no_night(store: SqlDiaryStore) -> None:
    pending = store.create_recording("night.edf", 100)
    with pytest.raises(InputError, match="status 'pending'"):
        store.set_recording_night(pending.id, dt.date(2024, 5, 2))
    store.update_recording(pending.id, status="failed", error="unreadable")
    with pytest.raises(InputError, match="status 'failed'"):
        store.set_recording_night(pending.id, dt.date(2024, 5, 2))
    assert store.list_nights() == [] and store.get_recording(pending.id).night_id is None


def test_a_recording_of_another_person_is_not_found(store: SqlDiaryStore) -> None:
    other = store.create_person(PersonIn(name="Lily"))
    recording_id = _done(store, dt.date(2024, 5, 2), person=other.id)
    with pytest.raises(NotFoundError):
        store.set_recording_night(recording_id, dt.date(2024, 5, 5))
    with pytest.raises(NotFoundError):
        store.delete_recording(recording_id)
    assert store.list_nights() == []  # the default person got nothing
    lily = store.list_nights(person=other.id)
    assert [n.recording_id for n in lily] == [recording_id]
    assert [r.night_date for r in store.list_recordings(person=other.id)] == [dt.date(2024, 5, 2)]
