"""Migration 0003 (people) keeps every row of a diary written with the 0002 schema."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.exc import IntegrityError

from nightlegs.diary import open_store
from nightlegs.diary._engine import WRITER_OPTION, create_diary_engine, parse_database_url
from nightlegs.diary._migrate import alembic_config
from nightlegs.diary._orm import UTCDateTime

T0 = dt.datetime(2025, 3, 1, 7, 30, tzinfo=dt.UTC)
_JSON = sa.JSON(none_as_null=True)
# The tables as the 0002 release wrote them (only the columns these tests fill).
_META = sa.MetaData()
_PROFILE = sa.Table(
    "profile",
    _META,
    sa.Column("id", sa.Integer),
    sa.Column("age", sa.Float),
    sa.Column("sex", sa.String),
    sa.Column("pregnant", sa.Boolean),
    sa.Column("pregnancy_week", sa.Integer),
    sa.Column("medicines", _JSON),
    sa.Column("known_conditions", _JSON),
    sa.Column("updated_at", UTCDateTime),
)
_NIGHTS = sa.Table(
    "nights",
    _META,
    sa.Column("id", sa.Integer),
    sa.Column("date", sa.Date),
    sa.Column("bedtime", sa.Time),
    sa.Column("sleep_quality", sa.Integer),
    sa.Column("movements_per_hour", sa.Float),
    sa.Column("movements_source", sa.String),
    sa.Column("recording_id", sa.Integer),
    sa.Column("notes", sa.Text),
    sa.Column("created_at", UTCDateTime),
    sa.Column("updated_at", UTCDateTime),
)
_EPISODES = sa.Table(
    "episodes",
    _META,
    sa.Column("id", sa.Integer),
    sa.Column("night_id", sa.Integer),
    sa.Column("position", sa.Integer),
    sa.Column("time", sa.Time),
    sa.Column("side", sa.String),
    sa.Column("body_site", sa.String),
    sa.Column("kind", sa.String),
    sa.Column("intensity", sa.Integer),
    sa.Column("helped", sa.String),
)
_ASSESSMENTS = sa.Table(
    "assessments",
    _META,
    sa.Column("id", sa.Integer),
    sa.Column("created_at", UTCDateTime),
    sa.Column("kb_version", sa.String),
    sa.Column("request", _JSON),
    sa.Column("result", _JSON),
)
_RECORDINGS = sa.Table(
    "recordings",
    _META,
    sa.Column("id", sa.Integer),
    sa.Column("filename", sa.String),
    sa.Column("size_bytes", sa.BigInteger),
    sa.Column("status", sa.String),
    sa.Column("created_at", UTCDateTime),
    sa.Column("updated_at", UTCDateTime),
    sa.Column("error", sa.Text),
    sa.Column("summary", _JSON),
    sa.Column("events", _JSON),
    sa.Column("owner", sa.String),
    sa.Column("lease_until", UTCDateTime),
)

_EPISODE_KEYS = ("night_id", "position", "time", "side", "body_site", "kind", "intensity", "helped")
_EPISODE_ROWS = [
    # night 1: two episodes, entered in this order; night 2: one; night 3: none
    (1, 0, dt.time(2, 10), "left", "calf", "cramp", 7, "stretching"),
    (1, 1, None, "both", "thigh", "urge_to_move", 4, None),
    (2, 0, dt.time(23, 5), "right", "foot", "pain", 3, "walking"),
]
_RESULT = {"triage": "doctor", "conditions": [{"id": "rls", "probability": 0.6}]}


def _release_0002_diary(url: str, *, with_profile: bool) -> None:
    """Write a diary as the 0002 release did: its schema, then its rows."""
    engine = create_diary_engine(parse_database_url(url))
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITER_OPTION: True})
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "0002")
            with connection.begin():
                if with_profile:
                    connection.execute(
                        sa.insert(_PROFILE).values(
                            id=1,
                            age=52.5,
                            sex="female",
                            pregnant=False,
                            pregnancy_week=None,
                            # free text, as the 0002 release let a profile hold
                            medicines=["atorvastatin", "magnesium"],
                            known_conditions=["diabetes"],
                            updated_at=T0,
                        )
                    )
                connection.execute(
                    sa.insert(_NIGHTS),
                    [
                        {
                            "id": 1,
                            "date": dt.date(2025, 2, 27),
                            "bedtime": dt.time(22, 45),
                            "sleep_quality": 6,
                            "movements_per_hour": 12.5,
                            "movements_source": "entered",
                            "recording_id": None,
                            "notes": "woke twice",
                            "created_at": T0,
                            "updated_at": T0,
                        },
                        {
                            "id": 2,
                            "date": dt.date(2025, 2, 28),
                            "bedtime": None,
                            "sleep_quality": None,
                            "movements_per_hour": 39.5,
                            "movements_source": "recording",
                            "recording_id": 1,
                            "notes": None,
                            "created_at": T0,
                            "updated_at": T0,
                        },
                        {
                            "id": 3,
                            "date": dt.date(2025, 3, 1),
                            "bedtime": None,
                            "sleep_quality": 9,
                            "movements_per_hour": None,
                            "movements_source": None,
                            "recording_id": None,
                            "notes": None,
                            "created_at": T0,
                            "updated_at": T0,
                        },
                    ],
                )
                connection.execute(
                    sa.insert(_EPISODES),
                    [
                        dict(
                            zip(
                                _EPISODE_KEYS,
                                row,
                                strict=True,
                            )
                        )
                        for row in _EPISODE_ROWS
                    ],
                )
                connection.execute(
                    sa.insert(_ASSESSMENTS),
                    [
                        {
                            "id": n,
                            "created_at": T0 + dt.timedelta(hours=n),
                            "kb_version": "2025.1",
                            "request": {"text": f"cramps {n}", "save": True},
                            "result": _RESULT,
                        }
                        for n in (1, 2)
                    ],
                )
                connection.execute(
                    sa.insert(_RECORDINGS),
                    [
                        {
                            "id": 1,
                            "filename": "night.edf",
                            "size_bytes": 1234,
                            "status": "done",
                            "created_at": T0,
                            "updated_at": T0,
                            "error": None,
                            "summary": {"plms_index": 39.5, "plm_index": 41.0},
                            "events": [{"onset_s": 10.0, "duration_s": 1.5}],
                            "owner": None,
                            "lease_until": None,
                        },
                        {
                            "id": 2,
                            "filename": "broken.edf",
                            "size_bytes": 10,
                            "status": "failed",
                            "created_at": T0,
                            "updated_at": T0,
                            "error": "not an EDF file",
                            "summary": None,
                            "events": None,
                            "owner": "server-a",
                            "lease_until": T0,
                        },
                    ],
                )
    finally:
        engine.dispose()


def test_upgrade_keeps_every_row_under_the_first_person(database_url: str) -> None:
    _release_0002_diary(database_url, with_profile=True)
    with open_store(database_url) as store:
        (me,) = store.list_people()
        assert (me.name, me.age, me.sex, me.pregnant) == ("Me", 52.5, "female", False)
        assert me.medicines == ["atorvastatin", "magnesium"] and me.known_conditions == ["diabetes"]
        profile = store.get_profile()
        assert profile is not None and profile.updated_at == T0 and profile.age == 52.5

        nights = store.list_nights()
        assert [n.id for n in nights] == [1, 2, 3]
        assert {n.person_id for n in nights} == {me.id}
        first, second, third = nights
        assert (first.sleep_quality, first.notes, first.bedtime) == (
            6,
            "woke twice",
            dt.time(22, 45),
        )
        assert (first.movements_per_hour, first.movements_source) == (12.5, "entered")
        assert [
            (e.kind, e.side, e.body_site, e.intensity, e.helped, e.time) for e in first.episodes
        ] == [
            ("cramp", "left", "calf", 7, "stretching", dt.time(2, 10)),
            ("urge_to_move", "both", "thigh", 4, None, None),
        ]
        assert (second.movements_per_hour, second.recording_id) == (39.5, 1)
        assert [e.kind for e in second.episodes] == ["pain"] and third.episodes == []
        assert first.created_at == T0 and first.updated_at == T0

        assessments = store.list_assessments()
        assert [a.id for a in assessments] == [2, 1]
        assert assessments[1].request == {"text": "cramps 1", "save": True}
        loaded = assessments[0].result  # the 0002 release's row, read into today's model
        assert loaded.triage.value == _RESULT["triage"]
        assert [(c.id, c.probability) for c in loaded.conditions] == [("rls", 0.6)]
        assert assessments[0].kb_version == "2025.1"

        done, failed = sorted(store.list_recordings(), key=lambda r: r.id)
        assert done.summary == {"plms_index": 39.5, "plm_index": 41.0}
        assert done.events == [{"onset_s": 10.0, "duration_s": 1.5}]
        assert (failed.status, failed.error) == ("failed", "not an EDF file")

        # The constraints survived the rebuilt tables: ranges, and episodes go with their night.
        store.delete_night(1)
        assert [n.id for n in store.list_nights()] == [2, 3]
    engine = create_diary_engine(parse_database_url(database_url))
    try:
        with engine.connect() as connection:
            with connection.begin():
                count = sa.select(sa.func.count()).select_from(_EPISODES)
                assert connection.scalar(count) == 1
            with pytest.raises(IntegrityError), connection.begin():
                connection.execute(sa.update(_NIGHTS).values(sleep_quality=11))
    finally:
        engine.dispose()


def test_upgrade_without_a_profile_makes_an_empty_me(database_url: str) -> None:
    _release_0002_diary(database_url, with_profile=False)
    with open_store(database_url) as store:
        (me,) = store.list_people()
        assert me.name == "Me" and not me.profile_saved and store.get_profile() is None
        assert len(store.list_nights()) == 3 and len(store.list_assessments()) == 2
        assert len(store.list_recordings()) == 2


def test_new_people_take_fresh_ids_after_the_upgrade(database_url: str) -> None:
    from nightlegs.diary import PersonIn

    _release_0002_diary(database_url, with_profile=True)
    with open_store(database_url) as store:
        other = store.create_person(PersonIn(name="Lily"))
        assert other.id > store.list_people()[0].id
        assert store.list_nights(person=other.id) == []
