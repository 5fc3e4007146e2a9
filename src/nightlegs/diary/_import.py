"""Imports in batches that other writers slip between, still all or nothing.

Why staging
-----------
SQLite has one writer at a time. An import written as one transaction holds the write lock for as
long as it takes to insert every row (a 400,000-row import held it for 44 s and every other write
waited), while committing each batch to the diary itself would leave half an import behind when
row 300,000 turns out to be invalid or the server is killed. So an import is staged:

1. every night is checked and converted first (:func:`~nightlegs.diary._convert.storable_night`),
   then written in batches of :data:`BATCH_NIGHTS` nights to two *temporary* tables of one
   connection. Writing a temporary table takes no lock on the diary (SQLite keeps it in a
   separate temp database; PostgreSQL's temp tables are private to the session), so other
   writers go on meanwhile;
2. one short transaction then moves the staged rows into ``nights`` and ``episodes`` with two
   ``INSERT ... SELECT`` statements (after the deletions of ``replace=True`` and the profile).
   Set-based copying inside the database costs a small fraction of the row-by-row inserts, so
   the write lock is held for that fraction only.

A failure at any point before the last commit leaves the diary as it was; the temporary tables
go with the connection (even after ``kill -9``: SQLite's temp file is unlinked when made,
PostgreSQL drops them with the session), so no staged health data outlives the import.

Night ids are assigned so that episodes can point at their night without a round trip per row.
On SQLite the move numbers the nights ``largest id + 1 + seq``, reading the largest id under the
write lock it holds anyway. On PostgreSQL each staged night takes its id from the table's own
sequence (``nextval``, in import order) before the move: the sequence hands out ids that no
other insert can take, even in a transaction not yet committed, so the move needs no lock on
``nights`` and other writers never wait for it (an earlier version locked ``nights`` against
inserts for the move to read a free range). An import that fails afterwards leaves a gap in
the ids, as any rolled-back insert does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Executable,
    Integer,
    MetaData,
    Table,
    delete,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.pool import StaticPool

from nightlegs.diary._convert import episode_values, night_values, storable_night
from nightlegs.diary._engine import WRITER_OPTION
from nightlegs.diary._orm import EpisodeRow, NightRow, utc_now
from nightlegs.diary.schemas import DiaryExport, NightIn
from nightlegs.errors import TooLargeError

__all__ = ["BATCH_NIGHTS", "check_import_size", "import_rows", "staged_import"]

#: Nights per staging batch: each batch is one short transaction on the temporary tables.
BATCH_NIGHTS = 2_000

_STAGING = MetaData()
_NIGHT_COLUMNS = [c.name for c in NightRow.__table__.columns if c.name != "id"]
_EPISODE_COLUMNS = [
    c.name for c in EpisodeRow.__table__.columns if c.name not in ("id", "night_id")
]
_STAGED_NIGHTS = Table(
    "nightlegs_import_nights",
    _STAGING,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("id", NightRow.__table__.c.id.type),  # PostgreSQL: taken from the sequence
    *(Column(name, NightRow.__table__.c[name].type) for name in _NIGHT_COLUMNS),
    prefixes=["TEMPORARY"],
)
_STAGED_EPISODES = Table(
    "nightlegs_import_episodes",
    _STAGING,
    Column("night_seq", Integer),
    *(Column(name, EpisodeRow.__table__.c[name].type) for name in _EPISODE_COLUMNS),
    prefixes=["TEMPORARY"],
)


def import_rows(data: DiaryExport) -> int:
    """The rows an import writes: its nights plus their episodes (what the row limit counts).

    Examples
    --------
    >>> import datetime as dt
    >>> from nightlegs.diary.schemas import EpisodeIn
    >>> cramp = EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=5)
    >>> import_rows(DiaryExport(nights=[NightIn(date=dt.date(2024, 5, 1), episodes=[cramp])]))
    2
    """
    return len(data.nights) + sum(len(night.episodes) for night in data.nights)


def check_import_size(data: DiaryExport, max_rows: int | None) -> None:
    """Raise :class:`~nightlegs.errors.TooLargeError` when ``data`` has more than ``max_rows``.

    Examples
    --------
    >>> import datetime as dt
    >>> nights = [NightIn(date=dt.date(2024, 5, day)) for day in (1, 2, 3)]
    >>> check_import_size(DiaryExport(nights=nights), 2)
    Traceback (most recent call last):
    ...
    nightlegs.errors.TooLargeError: the import holds 3 rows (nights plus episodes), more than \
the limit of 2; import it in parts
    """
    if max_rows is None:
        return
    rows = import_rows(data)
    if rows > max_rows:
        raise TooLargeError(
            f"the import holds {rows:,} rows (nights plus episodes), more than the limit of "
            f"{max_rows:,}; import it in parts"
        )


def _batches(
    nights: list[NightIn], person: int
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Staging rows of ``person``'s nights, :data:`BATCH_NIGHTS` at a time (checked: raises
    ``InputError``)."""
    now = utc_now()
    for start in range(0, len(nights), BATCH_NIGHTS):
        staged_nights: list[dict[str, Any]] = []
        staged_episodes: list[dict[str, Any]] = []
        for seq in range(start, min(start + BATCH_NIGHTS, len(nights))):
            night = storable_night(nights[seq], f"nights[{seq}]")
            staged_nights.append(
                {
                    "seq": seq,
                    **night_values(night),
                    "person_id": person,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            staged_episodes.extend({"night_seq": seq, **e} for e in episode_values(night))
        yield staged_nights, staged_episodes


def _drop_staging(connection: Connection) -> None:
    schema = "pg_temp" if connection.dialect.name == "postgresql" else "temp"
    with connection.begin():
        for table in (_STAGED_EPISODES, _STAGED_NIGHTS):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {schema}.{table.name}")


def _reserve_ids(connection: Connection) -> None:
    """PostgreSQL: give every staged night an id from ``nights``' sequence, in import order.

    ``nextval`` is not transactional, so the ids stay taken whatever happens next; volatile
    functions are evaluated after the sort, so the ids follow ``seq``.
    """
    with connection.begin():
        connection.exec_driver_sql(
            f"UPDATE pg_temp.{_STAGED_NIGHTS.name} AS staged SET id = ids.id "
            f"FROM (SELECT seq, nextval('nights_id_seq') AS id FROM pg_temp.{_STAGED_NIGHTS.name} "
            "ORDER BY seq) AS ids WHERE staged.seq = ids.seq"
        )


def _move(
    connection: Connection, *, person: int, replace: bool, profile: Executable | None
) -> None:
    """Move the staged rows into the diary (inside the caller's write transaction)."""
    nights, episodes = _STAGED_NIGHTS.c, _STAGED_EPISODES.c
    if connection.dialect.name == "postgresql":
        night_id: Any = nights.id  # reserved by _reserve_ids
        episode_night_id: Any = nights.id
        episode_source: Any = _STAGED_EPISODES.join(
            _STAGED_NIGHTS, nights.seq == episodes.night_seq
        )
    else:
        # SQLite: the caller holds the write lock, so no other insert takes these ids.
        largest = connection.scalar(select(func.coalesce(func.max(NightRow.id), 0)))
        first = int(largest or 0) + 1  # the id of the night with seq 0
        night_id = literal(first) + nights.seq
        episode_night_id = literal(first) + episodes.night_seq
        episode_source = _STAGED_EPISODES
    if replace:
        # Episodes go by ON DELETE CASCADE.
        connection.execute(delete(NightRow).where(NightRow.person_id == person))
    if profile is not None:
        connection.execute(profile)
    connection.execute(
        insert(NightRow).from_select(
            ["id", *_NIGHT_COLUMNS],
            select(night_id, *(nights[n] for n in _NIGHT_COLUMNS)).order_by(nights.seq),
        )
    )
    connection.execute(
        insert(EpisodeRow).from_select(
            ["night_id", *_EPISODE_COLUMNS],
            select(episode_night_id, *(episodes[n] for n in _EPISODE_COLUMNS))
            .select_from(episode_source)
            .order_by(episodes.night_seq, episodes.position),
        )
    )


def staged_import(
    engine: Engine,
    write_lock: contextlib.AbstractContextManager[Any],
    data: DiaryExport,
    *,
    person: int,
    replace: bool,
    profile: Executable | None,
) -> int:
    """Import ``data`` through temporary tables (see the module notes); return the nights added.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store's engine.
    write_lock : context manager
        The store's lock that queues its own writers (held for the move only).
    person : int
        The id of the person whose nights these are.
    data : DiaryExport
        Checked night by night while staging; the first invalid night raises ``InputError``
        naming it (``nights[3].notes``) and nothing is stored.
    replace : bool
        Delete the person's nights in the move, before the new rows go in.
    profile : sqlalchemy.Executable or None
        The update of the person's profile, executed in the move.
    """
    # A one-connection in-memory database (tests) cannot stage beside its other users: there
    # the store's lock is held throughout, which is what a single transaction would do anyway.
    whole = write_lock if isinstance(engine.pool, StaticPool) else contextlib.nullcontext()
    with whole, engine.connect() as connection:
        try:
            _drop_staging(connection)  # a pooled connection may keep a failed import's tables
            with connection.begin():
                _STAGED_NIGHTS.create(connection)
                _STAGED_EPISODES.create(connection)
            for staged_nights, staged_episodes in _batches(data.nights, person):
                with connection.begin():
                    connection.execute(insert(_STAGED_NIGHTS), staged_nights)
                    if staged_episodes:
                        connection.execute(insert(_STAGED_EPISODES), staged_episodes)
            if connection.dialect.name == "postgresql":
                _reserve_ids(connection)
            connection.execution_options(**{WRITER_OPTION: True})  # BEGIN IMMEDIATE on SQLite
            with (
                contextlib.nullcontext() if whole is write_lock else write_lock,
                connection.begin(),
            ):
                _move(connection, person=person, replace=replace, profile=profile)
        finally:
            try:
                connection.execution_options(**{WRITER_OPTION: False})
                _drop_staging(connection)
            except Exception:  # the connection is unusable: dropping it drops its temp tables
                connection.invalidate()
    return len(data.nights)
