"""Fixtures for the diary tests: a fresh store on SQLite and on PostgreSQL, sample nights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from _stores import STORE_KINDS, store_url
from nightlegs.diary import EpisodeIn, NightIn, SqlDiaryStore, open_store

_KIND_PARAMS = [
    pytest.param(kind, marks=[pytest.mark.postgres] if kind == "postgresql" else [])
    for kind in STORE_KINDS
]


@pytest.fixture(params=_KIND_PARAMS)
def database_kind(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` and ``"postgresql"`` (which fails, never skips, when unavailable)."""
    return str(request.param)


@pytest.fixture
def new_database_url(database_kind: str, tmp_path: Path) -> Callable[[], str]:
    """Make another fresh, empty database of the same kind."""
    return lambda: store_url(database_kind, tmp_path)


@pytest.fixture
def database_url(new_database_url: Callable[[], str]) -> str:
    """A fresh, empty database of each kind."""
    return new_database_url()


@pytest.fixture
def store(database_url: str) -> Iterator[SqlDiaryStore]:
    """An open store on :func:`database_url`."""
    with open_store(database_url) as opened:
        yield opened


@pytest.fixture
def make_night() -> Callable[..., NightIn]:
    """``make_night(day, **fields)``: a night on 2024-05-``day`` with one cramp by default."""

    def make(day: int = 1, **fields: object) -> NightIn:
        data: dict[str, object] = {
            "date": dt.date(2024, 5, day),
            "bedtime": dt.time(22, 45),
            "wake_time": dt.time(6, 30),
            "sleep_quality": 6,
            "episodes": [
                EpisodeIn(
                    time=dt.time(2, 10),
                    side="left",
                    body_site="calf",
                    kind="cramp",
                    intensity=7,
                    helped="stretching",
                )
            ],
        }
        data.update(fields)
        return NightIn.model_validate(data)

    return make
