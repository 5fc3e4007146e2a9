"""SqlDiaryStore on SQLite and PostgreSQL: CRUD, ordering, paging, assessments, recordings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from _stores import postgres_base_url
from nightlegs.diary import EpisodeIn, NightIn, ProfileIn, SqlDiaryStore, open_store
from nightlegs.errors import InputError, NightlegsError, NotFoundError

MakeNight = Callable[..., NightIn]


def test_create_get_update_delete_night(store: SqlDiaryStore, make_night: MakeNight) -> None:
    created = store.create_night(make_night(3, notes="Woke twice ✓"))
    assert created.id > 0
    assert created.created_at.tzinfo is not None
    assert store.get_night(created.id) == created
    assert [e.body_site for e in created.episodes] == ["calf"]

    replacement = make_night(
        4,
        sleep_quality=2,
        episodes=[
            EpisodeIn(side="right", body_site="foot", kind="pain", intensity=4),
            EpisodeIn(side="both", body_site="thigh", kind="urge_to_move", intensity=9),
        ],
    )
    updated = store.update_night(created.id, replacement)
    assert updated.id == created.id
    assert updated.created_at == created.created_at
    assert updated.updated_at >= created.updated_at
    assert updated.date == dt.date(2024, 5, 4)
    # The episodes are replaced, in the order given, with new ids.
    assert [(e.body_site, e.kind) for e in updated.episodes] == [
        ("foot", "pain"),
        ("thigh", "urge_to_move"),
    ]
    assert not {e.id for e in updated.episodes} & {e.id for e in created.episodes}
    assert store.get_night(created.id) == updated

    store.delete_night(created.id)
    with pytest.raises(NotFoundError, match=f"night {created.id} not found"):
        store.get_night(created.id)
    assert store.list_nights() == []


def test_missing_records_raise_not_found(store: SqlDiaryStore, make_night: MakeNight) -> None:
    with pytest.raises(NotFoundError, match="night 999 not found"):
        store.get_night(999)
    with pytest.raises(NotFoundError, match="night 999 not found"):
        store.update_night(999, make_night())
    with pytest.raises(NotFoundError, match="night 999 not found"):
        store.delete_night(999)
    with pytest.raises(NotFoundError, match="recording 5 not found"):
        store.get_recording(5)
    with pytest.raises(NotFoundError, match="recording 5 not found"):
        store.update_recording(5, status="done")


def test_schemas_reject_bad_values() -> None:
    episode = {"side": "left", "body_site": "calf", "kind": "cramp"}
    with pytest.raises(ValidationError, match="intensity"):
        EpisodeIn.model_validate({**episode, "intensity": 11})
    with pytest.raises(ValidationError, match="date"):
        NightIn.model_validate({"date": "2024-02-30"})
    for far in ("9999-12-31", "3000-01-01", "2204-05-01", "1899-12-31", "0001-01-01"):
        with pytest.raises(ValidationError, match="from 1900-01-01 to tomorrow"):
            NightIn.model_validate({"date": far})
    with pytest.raises(ValidationError, match="sleep_quality"):
        NightIn.model_validate({"date": "2024-02-03", "sleep_quality": -1})
    with pytest.raises(ValidationError, match="kind"):
        EpisodeIn.model_validate({**episode, "kind": "itch", "intensity": 1})


def test_store_refuses_what_a_database_cannot_keep(
    store: SqlDiaryStore, make_night: MakeNight
) -> None:
    with pytest.raises(ValidationError, match="NUL character"):
        make_night(notes="a\x00b")  # the model refuses it, and so does the store:
    with pytest.raises(InputError, match="notes: contains a NUL"):
        store.create_night(make_night().model_copy(update={"notes": "a\x00b"}))
    with pytest.raises(InputError, match="bedtime: expected a local clock time"):
        store.create_night(make_night(bedtime=dt.time(23, 0, tzinfo=dt.UTC)))
    with pytest.raises(InputError, match="recording_id"):
        store.create_night(make_night(recording_id=2**40))
    assert store.list_nights() == []  # nothing half-written


def test_empty_optional_text_is_stored_as_none(store: SqlDiaryStore, make_night: MakeNight) -> None:
    night = make_night(
        notes="",
        episodes=[EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=1, helped="")],
    )
    stored = store.create_night(night)
    assert stored.notes is None
    assert stored.episodes[0].helped is None


def test_list_nights_orders_by_date_and_pages(store: SqlDiaryStore, make_night: MakeNight) -> None:
    for day in (9, 2, 5, 2, 7):
        store.create_night(make_night(day))
    nights = store.list_nights()
    assert [n.date.day for n in nights] == [2, 2, 5, 7, 9]
    assert nights[0].id < nights[1].id  # same date: in the order entered
    assert [n.date.day for n in store.list_nights(since=dt.date(2024, 5, 5))] == [5, 7, 9]
    assert [n.date.day for n in store.list_nights(limit=2)] == [2, 2]
    assert [n.date.day for n in store.list_nights(limit=2, offset=2)] == [5, 7]
    assert [n.date.day for n in store.list_nights(since=dt.date(2024, 5, 3), offset=2)] == [9]
    assert store.list_nights(offset=10) == []
    with pytest.raises(InputError, match="limit"):
        store.list_nights(limit=-1)


def test_profile_is_created_then_replaced(store: SqlDiaryStore) -> None:
    assert store.get_profile() is None
    first = store.put_profile(ProfileIn(age=52, sex="female", medicines=["amlodipine"]))
    assert first.medicines == ["amlodipine"]
    second = store.put_profile(ProfileIn(age=53, known_conditions=["diabetes"]))
    stored = store.get_profile()
    assert stored == second
    assert stored is not None
    assert (stored.age, stored.sex, stored.medicines) == (53, None, [])


def test_assessments_latest_and_list(store: SqlDiaryStore) -> None:
    assert store.latest_assessment() is None
    assert store.list_assessments() == []
    for n in range(3):
        result = {"triage": "doctor", "conditions": [{"id": f"cause_{n}"}]}
        store.add_assessment({"text": f"cramps {n}"}, result, "kb-1")
    latest = store.latest_assessment()
    assert latest is not None
    assert latest.request == {"text": "cramps 2"}
    assert [c.id for c in latest.result.conditions] == ["cause_2"]
    assert latest.kb_version == "kb-1"
    assert [a.request["text"] for a in store.list_assessments(limit=2)] == ["cramps 2", "cramps 1"]


def test_recording_status_updates(store: SqlDiaryStore) -> None:
    recording = store.create_recording("night.edf", 12345)
    assert (recording.status, recording.summary, recording.events) == ("pending", None, None)
    running = store.update_recording(recording.id, status="running")
    assert running.status == "running"
    failed = store.update_recording(recording.id, status="failed", error="no EMG channel")
    assert failed.error == "no EMG channel"
    summary = {"plm_index": 17.5, "channels": ["LAT", "RAT"]}
    events = [{"onset_s": 12.5, "duration_s": 1.0, "leg": "left"}]
    done = store.update_recording(recording.id, status="done", summary=summary, events=events)
    assert (done.status, done.summary, done.events, done.error) == ("done", summary, events, None)
    assert store.get_recording(recording.id) == done
    second = store.create_recording("other.edf", 1)
    assert [r.id for r in store.list_recordings()] == [second.id, recording.id]
    with pytest.raises(InputError, match="status"):
        store.update_recording(recording.id, status="lost")  # type: ignore[arg-type]


def test_import_diary_appends_or_replaces(store: SqlDiaryStore, make_night: MakeNight) -> None:
    store.put_profile(ProfileIn(age=70))
    store.create_night(make_night(1))
    exported = store.export_diary()
    assert store.import_diary(exported) == 1
    assert len(store.list_nights()) == 2
    fresh = exported.model_copy(update={"profile": None, "nights": [make_night(8)]})
    assert store.import_diary(fresh, replace=True) == 1
    assert [n.date.day for n in store.list_nights()] == [8]
    assert store.get_profile() is None


def test_import_is_all_or_nothing(store: SqlDiaryStore, make_night: MakeNight) -> None:
    store.create_night(make_night(1))
    bad = store.export_diary().model_copy(
        update={"nights": [make_night(2), make_night(3).model_copy(update={"notes": "\x00"})]}
    )
    with pytest.raises(InputError, match=r"nights\[1\]\.notes"):
        store.import_diary(bad, replace=True)
    assert [n.date.day for n in store.list_nights()] == [1]


def test_reopening_keeps_data_and_description(database_url: str, make_night: MakeNight) -> None:
    with open_store(database_url) as store:
        night = store.create_night(make_night())
        description = store.database_description
    with open_store(database_url) as store:
        assert store.get_night(night.id) == night
    url = make_url(database_url)
    assert f":{url.password}@" not in description  # the password is never shown
    assert str(url.database) in description  # the file or database name is


def test_unsupported_url_is_an_input_error() -> None:
    with pytest.raises(InputError, match="supports sqlite"):
        open_store("mysql://localhost/db")


def test_unreachable_database_is_a_nightlegs_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(NightlegsError, match="cannot create the database"):
        open_store(f"sqlite:///{blocker}/diary.sqlite3")
    url = make_url(postgres_base_url()).set(password="wrong").render_as_string(hide_password=False)
    with pytest.raises(NightlegsError, match=r"cannot open the database .*:\*\*\*@") as caught:
        open_store(url)
    assert "wrong" not in str(caught.value)


def test_a_new_sqlite_diary_is_private(tmp_path: Path, make_night: MakeNight) -> None:
    path = tmp_path / "new-folder" / "diary.sqlite3"
    with open_store(f"sqlite:///{path}") as store:
        store.create_night(make_night())
        files = [p for p in path.parent.iterdir() if p.name.startswith("diary.sqlite3")]
        assert {p.name for p in files} >= {"diary.sqlite3", "diary.sqlite3-wal"}
        assert all(p.stat().st_mode & 0o777 == 0o600 for p in files), files
    assert path.parent.stat().st_mode & 0o777 == 0o700
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    with open_store(f"sqlite:///{shared / 'd.sqlite3'}"):
        pass
    assert shared.stat().st_mode & 0o777 == 0o755  # a folder that was there is left alone


def test_a_result_saved_by_an_older_release_loads_typed(store: SqlDiaryStore) -> None:
    """The stored JSON of an older release (absent findings listed as evidence, no labels,
    none of the newer keys) is read back into today's result model."""
    old = {
        "headline": "Book an appointment.",
        "triage": "doctor",
        "conditions": [
            {
                "id": "nocturnal_leg_cramps",
                "name": "Leg cramps",
                "probability": 0.6,
                "evidence_for": ["in the calf (2.4x)", "not the case: swelling (1.1x)"],
                "evidence_against": [],
            }
        ],
        "findings": [{"id": "site_calf", "present": True, "text": "calf"}],
        "self_care": ["Stretch the calf. (evidence: limited evidence)"],
        "kb_version": "0.1",
    }
    saved = store.add_assessment({"text": "cramps"}, old, "0.1")
    loaded = store.get_assessment(saved.id).result
    [condition] = loaded.conditions
    assert condition.evidence_for == ("in the calf (2.4x)",)
    assert condition.absent_fits == ("no: swelling (1.1x)",)
    assert loaded.findings[0].label == "site_calf"
    assert loaded.self_care[0].evidence == "limited_evidence"
    assert loaded.triage.value == "doctor" and loaded.understood
    assert loaded.to_dict()["self_care"] == old["self_care"]
