"""Export then import is lossless, in JSON and in CSV, on both databases and across them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _stores import postgres_schema_url, sqlite_url
from nightlegs._inputs import EARLIEST_DATE, latest_date
from nightlegs.diary import (
    DiaryExport,
    EpisodeIn,
    NightIn,
    ProfileIn,
    SqlDiaryStore,
    export_csv,
    import_csv,
    open_store,
)
from nightlegs.diary._convert import storable_night

# Any text both databases keep: no NUL, no unpaired surrogates; CSV's own characters included.
_TEXT_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
_SPECIAL = st.sampled_from(['"', ",", "\n", "\r\n", "\r", " ", "'", "=1+1", "naïve ☾ 夜"])
_text = st.lists(st.one_of(st.text(_TEXT_CHARS, max_size=8), _SPECIAL), max_size=6).map("".join)


def _short(max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    return _text.map(lambda s: s[:max_size]).filter(lambda s: len(s.strip()) >= min_size)


_times = st.one_of(st.none(), st.times())
_episodes = st.builds(
    EpisodeIn,
    time=_times,
    side=st.sampled_from(["left", "right", "both"]),
    body_site=_short(60, min_size=1),
    kind=st.sampled_from(["cramp", "urge_to_move", "pain", "numbness", "jerks_seen_by_partner"]),
    intensity=st.integers(0, 10),
    helped=st.one_of(st.none(), _short(200)),
)
_nights = st.builds(
    NightIn,
    date=st.dates(EARLIEST_DATE, latest_date()),
    bedtime=_times,
    wake_time=_times,
    sleep_quality=st.one_of(st.none(), st.integers(0, 10)),
    movements_per_hour=st.one_of(st.none(), st.floats(0, 1000, allow_nan=False)),
    movements_source=st.sampled_from([None, "entered", "recording"]),
    recording_id=st.one_of(st.none(), st.integers(1, 2**31 - 1)),
    notes=st.one_of(st.none(), _short(2000)),
    episodes=st.lists(_episodes, max_size=4),
)
_profiles = st.builds(
    ProfileIn,
    age=st.one_of(st.none(), st.floats(0, 120, allow_nan=False)),
    sex=st.sampled_from([None, "female", "male"]),
    pregnant=st.sampled_from([None, True, False]),
    pregnancy_week=st.one_of(st.none(), st.integers(1, 45)),
    medicines=st.lists(_short(40), max_size=3),
    known_conditions=st.lists(_short(40), max_size=3),
)
diaries = st.builds(
    DiaryExport, profile=st.one_of(st.none(), _profiles), nights=st.lists(_nights, max_size=5)
)


def as_stored(diary: DiaryExport) -> DiaryExport:
    """What an export of ``diary`` looks like: nights by date, empty optional text as None."""
    nights = sorted((storable_night(n) for n in diary.nights), key=lambda n: n.date)
    return diary.model_copy(update={"nights": nights})


@pytest.fixture
def source_and_target(new_database_url: Callable[[], str]) -> Iterator[tuple[SqlDiaryStore, ...]]:
    with open_store(new_database_url()) as source, open_store(new_database_url()) as target:
        yield source, target


_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    # The stores outlive examples on purpose; each example starts with replace=True.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@_SETTINGS
@given(diary=diaries)
def test_json_round_trip(source_and_target: tuple[SqlDiaryStore, ...], diary: DiaryExport) -> None:
    source, target = source_and_target
    source.import_diary(diary, replace=True)
    exported = source.export_diary()
    assert exported == as_stored(diary)
    text = exported.model_dump_json()
    target.import_diary(DiaryExport.model_validate_json(text), replace=True)
    assert target.export_diary() == exported


@_SETTINGS
@given(diary=diaries)
def test_csv_round_trip(source_and_target: tuple[SqlDiaryStore, ...], diary: DiaryExport) -> None:
    source, target = source_and_target
    source.import_diary(diary, replace=True)
    text = export_csv(source)
    assert import_csv(target, text, replace=True) == len(diary.nights)
    assert target.export_diary().nights == as_stored(diary).nights
    assert export_csv(target) == text


def _edge_diary() -> DiaryExport:
    episode = EpisodeIn(
        time=dt.time(23, 59, 59, 999999),
        side="both",
        body_site="x" * 60,
        kind="cramp",
        intensity=10,
        helped='a "quoted", comma\nand newline',
    )
    return DiaryExport(
        profile=ProfileIn(
            age=0.5,
            sex="female",
            pregnant=True,
            pregnancy_week=45,
            medicines=["ibuprofène", ""],
            known_conditions=["RLS"],
        ),
        nights=[
            NightIn(
                date=EARLIEST_DATE,
                bedtime=dt.time(0, 0),
                wake_time=dt.time(0, 0, 0, 1),
                sleep_quality=0,
                movements_per_hour=0.1 + 0.2,
                movements_source="entered",
                recording_id=2**31 - 1,
                notes="夜\r\n☾" * 300,
                episodes=[episode] * 3,
            ),
            NightIn(
                date=latest_date(),
                movements_per_hour=1000.0,
                sleep_quality=10,
                notes="=SUM(A1)",
            ),
            NightIn(date=dt.date(2024, 2, 29), movements_per_hour=5e-324),
        ],
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_into_fresh_stores_across_databases(
    database_url: str, tmp_path: Path, fmt: str
) -> None:
    """SQLite or PostgreSQL -> text -> a new store of the other kind -> the same diary."""
    diary = _edge_diary()
    with open_store(database_url) as source:
        source.import_diary(diary)
        exported = source.export_diary()
        text = export_csv(source) if fmt == "csv" else exported.model_dump_json()
        other_url = sqlite_url(tmp_path) if source.dialect == "postgresql" else None

    with open_store(other_url or postgres_schema_url()) as target:
        if fmt == "csv":
            import_csv(target, text)
            assert target.export_diary().nights == exported.nights
        else:
            target.import_diary(DiaryExport.model_validate_json(text))
            assert target.export_diary() == exported == as_stored(diary)
