"""Large imports: staged in batches (other writers go on), all or nothing, a row limit."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import create_engine, text

from _stores import postgres_schema_url
from nightlegs.diary import DiaryExport, EpisodeIn, NightIn, ProfileIn, SqlDiaryStore, open_store
from nightlegs.diary._import import BATCH_NIGHTS
from nightlegs.errors import InputError, TooLargeError

# Enough batches for another writer to slip between them, few enough to keep the test fast.
NIGHTS = 5 * BATCH_NIGHTS


def _diary(nights: int, *, first: dt.date = dt.date(2000, 1, 1)) -> DiaryExport:
    cramp = EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=6, helped="walking")
    ache = EpisodeIn(side="both", body_site="thigh", kind="pain", intensity=3)
    return DiaryExport(
        profile=ProfileIn(age=64, medicines=["magnesium"]),
        nights=[
            NightIn(
                date=first + dt.timedelta(days=n % 9000),
                sleep_quality=n % 11,
                notes=f"night {n}",
                episodes=[cramp, ache][: n % 3],
            )
            for n in range(nights)
        ],
    )


def test_other_writers_go_on_during_a_large_import(database_url: str) -> None:
    data = _diary(NIGHTS)
    latencies: list[float] = []
    during: list[bool] = []  # whether each write finished while the import still ran
    importing = threading.Event()
    done = threading.Event()
    with open_store(database_url) as store, open_store(database_url) as other:
        store.create_night(NightIn(date=dt.date(1999, 12, 31), notes="before"))

        def write() -> None:
            importing.wait(10)
            while not done.is_set():
                started = time.perf_counter()
                other.create_night(NightIn(date=dt.date(2024, 1, 1), notes="other writer"))
                latencies.append(time.perf_counter() - started)
                during.append(not done.is_set())

        writer = threading.Thread(target=write)
        writer.start()
        started = time.perf_counter()
        importing.set()
        try:
            assert store.import_diary(data) == NIGHTS
        finally:
            took = time.perf_counter() - started
            done.set()
            writer.join(30)
        stored = store.export_diary().nights  # no ids: quicker to read back than list_nights

    # Nothing starved: the other writer's writes went on finishing while the import ran. An
    # import holding the write lock throughout would let at most one through (after it), however
    # fast or slow the machine; no timing threshold, so a loaded machine cannot fail this.
    assert sum(during) >= 3, (sum(during), len(latencies), took)
    imported = [n for n in stored if n.notes and n.notes.startswith("night ")]
    assert len(imported) == NIGHTS
    assert sum(n.notes == "other writer" for n in stored) == len(latencies)
    assert len(stored) == NIGHTS + len(latencies) + 1
    by_note = {n.notes: n for n in imported}
    for index in (0, 1, 2, BATCH_NIGHTS + 2, NIGHTS - 1):
        night, expected = by_note[f"night {index}"], data.nights[index]
        assert (night.date, night.sleep_quality) == (expected.date, expected.sleep_quality)
        got = [(e.kind, e.side, e.intensity, e.helped) for e in night.episodes]
        assert got == [(e.kind, e.side, e.intensity, e.helped) for e in expected.episodes]


def test_large_import_is_all_or_nothing(store: SqlDiaryStore) -> None:
    store.create_night(NightIn(date=dt.date(2024, 5, 1), notes="kept"))
    data = _diary(3 * BATCH_NIGHTS)
    last = len(data.nights) - 1
    data.nights[last] = data.nights[last].model_copy(update={"notes": "bad \x00"})
    with pytest.raises(InputError, match=rf"nights\[{last}\]\.notes"):
        store.import_diary(data, replace=True)
    assert [n.notes for n in store.list_nights()] == ["kept"]
    # The next import (same pooled connection, staging tables gone) works, ids go on.
    assert store.import_diary(_diary(3), replace=True) == 3
    nights = store.list_nights()
    assert [n.notes for n in nights] == ["night 0", "night 1", "night 2"]
    assert store.get_profile() is not None
    after = store.create_night(NightIn(date=dt.date(2024, 5, 2)))
    assert after.id > max(n.id for n in nights)


def test_over_the_row_limit_is_refused_before_anything_is_written(store: SqlDiaryStore) -> None:
    data = _diary(30)  # 30 nights and 30 episodes
    with pytest.raises(TooLargeError, match=r"holds 60 rows .*limit of 59; import it in parts"):
        store.import_diary(data, max_rows=59)
    assert store.list_nights() == []
    assert store.import_diary(data, max_rows=60) == 30


def test_a_postgresql_import_does_not_wait_for_other_writers() -> None:
    # Another transaction holds the lock every INSERT into nights takes and stays open: the
    # import must finish meanwhile (ids from the sequence), where the LOCK TABLE it once took
    # for its move waited for that transaction to end.
    url = postgres_schema_url()
    data = _diary(50)
    with open_store(url) as store:
        before = store.create_night(NightIn(date=dt.date(1999, 12, 31), notes="before"))
        engine = create_engine(url)
        try:
            with engine.connect() as other:
                transaction = other.begin()
                other.execute(text("LOCK TABLE nights IN ROW EXCLUSIVE MODE"))
                importer = threading.Thread(target=store.import_diary, args=(data,))
                importer.start()
                importer.join(20)
                imported_meanwhile = not importer.is_alive()
                transaction.rollback()
                importer.join(30)
        finally:
            engine.dispose()
        assert imported_meanwhile
        nights = store.list_nights(limit=100)
        after = store.create_night(NightIn(date=dt.date(2024, 5, 2)))
    imported = sorted((n for n in nights if n.id != before.id), key=lambda n: n.id)
    # Ids follow the import's order, each night has its own episodes, and ids go on after.
    assert [n.notes for n in imported] == [f"night {i}" for i in range(50)]
    assert min(n.id for n in imported) > before.id
    for night, expected in zip(imported, data.nights, strict=True):
        assert [e.kind for e in night.episodes] == [e.kind for e in expected.episodes]
    assert after.id > max(n.id for n in imported)
