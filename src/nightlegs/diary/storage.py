"""The diary on SQLAlchemy 2: SQLite by default, PostgreSQL via psycopg 3.

:func:`open_store` opens (and migrates) a database and returns a :class:`SqlDiaryStore`, which
implements :class:`nightlegs.diary.store.DiaryStore`. One store serves a whole web app: it holds an
engine with a connection pool and opens a short session per call, so it can be used from many
threads at once. Every write is one transaction; see :mod:`nightlegs.diary._engine` for SQLite's
durability and locking settings and :mod:`nightlegs.diary._migrate` for safe concurrent upgrades.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import Engine, Executable, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from nightlegs.diary._convert import (
    apply_night,
    apply_profile,
    assessment_model,
    checked_text,
    night_in_model,
    night_model,
    profile_in_model,
    profile_model,
    recording_model,
)
from nightlegs.diary._engine import (
    WRITER_OPTION,
    create_diary_engine,
    default_database_url,
    describe_url,
    parse_database_url,
)
from nightlegs.diary._import import check_import_size, staged_import
from nightlegs.diary._migrate import upgrade_to_head
from nightlegs.diary._orm import AssessmentRow, NightRow, ProfileRow, RecordingRow, utc_now
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
from nightlegs.errors import InputError, NightlegsError, NotFoundError

if TYPE_CHECKING:
    from nightlegs.diary.store import DiaryStore

__all__ = ["SqlDiaryStore", "default_database_url", "open_store"]

_PROFILE_ID = 1
_RECORDING_STATUSES = ("pending", "running", "done", "failed")
_UNFINISHED = ("pending", "running")


def open_store(url: str | None = None) -> SqlDiaryStore:
    """Open the diary at ``url``, creating or upgrading its schema first.

    Parameters
    ----------
    url : str, optional
        A SQLAlchemy URL: ``sqlite:///PATH``, ``sqlite://`` (in memory, for tests) or
        ``postgresql+psycopg://USER:PASSWORD@HOST/DB`` (plain ``postgresql://`` also means
        psycopg 3). ``None`` means :func:`default_database_url`, whose directory is created here.

    Returns
    -------
    SqlDiaryStore
        Close it with :meth:`SqlDiaryStore.close` (or use it as a context manager).

    Raises
    ------
    InputError
        The URL is not an SQLite or PostgreSQL URL.
    NightlegsError
        The database cannot be reached or created (the message says which and why).

    Examples
    --------
    >>> import datetime as dt
    >>> from nightlegs.diary.schemas import NightIn
    >>> with open_store("sqlite://") as store:
    ...     night = store.create_night(NightIn(date=dt.date(2024, 5, 1), sleep_quality=6))
    ...     [n.sleep_quality for n in store.list_nights()]
    [6]
    """
    parsed = parse_database_url(url if url is not None else default_database_url())
    description = describe_url(parsed)
    try:
        engine = create_diary_engine(parsed)
    except OSError as exc:
        raise NightlegsError(f"cannot create the database {description}: {exc}") from exc
    try:
        upgrade_to_head(engine)
    except OperationalError as exc:
        engine.dispose()
        raise NightlegsError(f"cannot open the database {description}: {exc.orig}") from exc
    except BaseException:
        engine.dispose()
        raise
    return SqlDiaryStore(engine, description=description)


class SqlDiaryStore:
    """:class:`~nightlegs.diary.store.DiaryStore` on a SQLAlchemy engine.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        An engine from :func:`open_store` (migrated, with the SQLite settings).
    description : str
        What :attr:`database_description` reports.

    Notes
    -----
    Lists come back in a stable order: nights by date then id (oldest first), assessments and
    recordings newest first.
    """

    def __init__(self, engine: Engine, *, description: str) -> None:
        self._engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITER_OPTION: True}), expire_on_commit=False
        )
        self.database_description = description
        # SQLite allows one writer at a time and makes the others wait in its busy handler,
        # which sleeps in steps of milliseconds to tens of milliseconds. Queuing writers of this
        # process on a lock instead keeps latency flat; other processes still use busy_timeout.
        self._write_lock: threading.Lock | contextlib.AbstractContextManager[None] = (
            threading.Lock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()
        )

    def __repr__(self) -> str:
        return f"SqlDiaryStore({self.database_description!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.dialect.name

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """One write transaction: commit on success, roll back on any exception."""
        with self._write_lock, self._write() as session, session.begin():
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    # Profile ------------------------------------------------------------------------------------

    def get_profile(self) -> Profile | None:
        """The profile, or ``None`` before one is saved."""
        with self._reading() as session:
            row = session.get(ProfileRow, _PROFILE_ID)
            return None if row is None else profile_model(row)

    def put_profile(self, profile: ProfileIn) -> Profile:
        """Create or replace the profile."""
        with self._transaction() as session:
            row = ProfileRow(id=_PROFILE_ID)
            apply_profile(row, profile)
            session.execute(self._profile_upsert(row))
            return profile_model(row)

    def _profile_upsert(self, row: ProfileRow) -> Executable:
        # INSERT ... ON CONFLICT so that two first saves at once cannot both try to insert id 1.
        values = {c.key: getattr(row, c.key) for c in ProfileRow.__table__.columns}
        insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        statement = insert(ProfileRow).values(values)
        return statement.on_conflict_do_update(
            index_elements=[ProfileRow.id],
            set_={k: statement.excluded[k] for k in values if k != "id"},
        )

    # Nights -------------------------------------------------------------------------------------

    def create_night(self, night: NightIn) -> Night:
        """Store a new night with its episodes."""
        with self._transaction() as session:
            row = NightRow()
            apply_night(row, night)
            session.add(row)
            session.flush()
            return night_model(row)

    def list_nights(
        self, *, since: dt.date | None = None, limit: int = 1000, offset: int = 0
    ) -> list[Night]:
        """Nights on or after ``since``, oldest first, paged by ``limit`` and ``offset``."""
        if limit < 0 or offset < 0:
            raise InputError(f"limit and offset must be >= 0, got limit={limit}, offset={offset}")
        query = select(NightRow).options(selectinload(NightRow.episodes))
        if since is not None:
            query = query.where(NightRow.date >= since)
        query = query.order_by(NightRow.date, NightRow.id).limit(limit).offset(offset)
        with self._reading() as session:
            return [night_model(row) for row in session.scalars(query)]

    def get_night(self, night_id: int) -> Night:
        """One night; :class:`~nightlegs.errors.NotFoundError` if there is none."""
        with self._reading() as session:
            return night_model(self._night_row(session, night_id))

    def update_night(self, night_id: int, night: NightIn) -> Night:
        """Replace a night, its episodes included (episodes get new ids)."""
        with self._transaction() as session:
            row = self._night_row(session, night_id, for_update=True)
            apply_night(row, night)
            session.flush()
            return night_model(row)

    def delete_night(self, night_id: int) -> None:
        """Delete a night and its episodes."""
        with self._transaction() as session:
            session.delete(self._night_row(session, night_id, for_update=True))

    @staticmethod
    def _night_row(session: Session, night_id: int, *, for_update: bool = False) -> NightRow:
        query = (
            select(NightRow).where(NightRow.id == night_id).options(selectinload(NightRow.episodes))
        )
        if for_update:
            # Concurrent replacements of one night queue up on PostgreSQL (SQLite has the
            # database-wide write lock already).
            query = query.with_for_update()
        row = session.scalars(query).one_or_none()
        if row is None:
            raise NotFoundError(f"night {night_id} not found")
        return row

    # Assessments --------------------------------------------------------------------------------

    def add_assessment(
        self, request: dict[str, Any], result: dict[str, Any], kb_version: str
    ) -> AssessmentRecord:
        """Store an assessment's request, result and knowledge-base version."""
        created = utc_now()
        version = checked_text(kb_version, "kb_version")
        # A plain INSERT ... RETURNING: every POST /api/assess stores one, and the ORM unit of
        # work costs several times more CPU than the statement itself.
        statement = (
            insert(AssessmentRow)
            .values(created_at=created, kb_version=version, request=request, result=result)
            .returning(AssessmentRow.id)
        )
        with self._transaction() as session:
            new_id = session.execute(statement).scalar_one()
        return AssessmentRecord.model_construct(
            id=new_id, created_at=created, kb_version=kb_version, request=request, result=result
        )

    def latest_assessment(self) -> AssessmentRecord | None:
        """The newest assessment, or ``None`` if there is none."""
        found = self.list_assessments(limit=1)
        return found[0] if found else None

    def list_assessments(self, *, limit: int = 100) -> list[AssessmentRecord]:
        """Assessments, newest first."""
        query = (
            select(AssessmentRow)
            .order_by(AssessmentRow.created_at.desc(), AssessmentRow.id.desc())
            .limit(max(limit, 0))
        )
        with self._reading() as session:
            return [assessment_model(row) for row in session.scalars(query)]

    # Recordings ---------------------------------------------------------------------------------

    def create_recording(
        self, filename: str, size_bytes: int, *, owner: str | None = None, lease_s: float = 0.0
    ) -> RecordingRecord:
        """Register an uploaded recording, status ``pending``.

        ``owner`` (the server that will analyse it) holds it for ``lease_s`` seconds, renewed
        with :meth:`renew_leases`; without an owner it is nobody's.
        """
        if size_bytes < 0:
            raise InputError(f"size_bytes must be >= 0, got {size_bytes}")
        now = utc_now()
        with self._transaction() as session:
            row = RecordingRow(
                filename=checked_text(filename, "filename"),
                size_bytes=size_bytes,
                status="pending",
                created_at=now,
                updated_at=now,
                owner=owner,
                lease_until=now + dt.timedelta(seconds=lease_s) if owner else None,
            )
            session.add(row)
            session.flush()
            return recording_model(row)

    def update_recording(
        self,
        recording_id: int,
        *,
        status: RecordingStatus,
        summary: dict[str, Any] | None = None,
        events: list[dict[str, Any]] | None = None,
        error: str | None = None,
    ) -> RecordingRecord:
        """Set a recording's status; ``summary``, ``events`` and ``error`` replace stored values.

        ``None`` keeps what is stored, except that ``error`` is cleared when the status is not
        ``failed`` (a re-run that succeeds leaves no stale error).
        """
        if status not in _RECORDING_STATUSES:
            raise InputError(f"status must be one of {_RECORDING_STATUSES}, got {status!r}")
        with self._transaction() as session:
            row = session.get(RecordingRow, recording_id, with_for_update=True)
            if row is None:
                raise NotFoundError(f"recording {recording_id} not found")
            row.status = status
            row.updated_at = utc_now()
            if summary is not None:
                row.summary = summary
            if events is not None:
                row.events = events
            if error is not None:
                row.error = checked_text(error, "error")
            elif status != "failed":
                row.error = None
            session.flush()
            return recording_model(row)

    def renew_leases(self, owner: str, lease_s: float) -> int:
        """Extend the lease of ``owner``'s unfinished analyses by ``lease_s`` from now."""
        until = utc_now() + dt.timedelta(seconds=lease_s)
        statement = (
            update(RecordingRow)
            .where(RecordingRow.owner == owner, RecordingRow.status.in_(_UNFINISHED))
            .values(lease_until=until)
        )
        with self._transaction() as session:
            result = session.execute(statement)
            return int(getattr(result, "rowcount", 0))  # a CursorResult for an UPDATE

    def fail_abandoned(self, error: str, *, stopped: Sequence[str] = ()) -> int:
        """Mark unfinished analyses ``failed`` whose lease ran out, that have none, or whose
        owner is one of the ``stopped`` servers; return how many."""
        now = utc_now()
        statement = (
            update(RecordingRow)
            .where(
                RecordingRow.status.in_(_UNFINISHED),
                or_(
                    RecordingRow.lease_until.is_(None),
                    RecordingRow.lease_until < now,
                    RecordingRow.owner.in_(list(stopped)),
                ),
            )
            .values(status="failed", error=checked_text(error, "error"), updated_at=now)
        )
        with self._transaction() as session:
            result = session.execute(statement)
            return int(getattr(result, "rowcount", 0))  # a CursorResult for an UPDATE

    def get_recording(self, recording_id: int) -> RecordingRecord:
        """One recording; :class:`~nightlegs.errors.NotFoundError` if there is none."""
        with self._reading() as session:
            row = session.get(RecordingRow, recording_id)
            if row is None:
                raise NotFoundError(f"recording {recording_id} not found")
            return recording_model(row)

    def list_recordings(self) -> list[RecordingRecord]:
        """Recordings, newest first."""
        query = select(RecordingRow).order_by(RecordingRow.id.desc())
        with self._reading() as session:
            return [recording_model(row) for row in session.scalars(query)]

    # Export and import --------------------------------------------------------------------------

    def export_diary(self) -> DiaryExport:
        """The profile and every night, for :meth:`import_diary` (lossless)."""
        query = (
            select(NightRow)
            .options(selectinload(NightRow.episodes))
            .order_by(NightRow.date, NightRow.id)
        )
        with self._reading() as session:
            profile = session.get(ProfileRow, _PROFILE_ID)
            return DiaryExport(
                profile=None if profile is None else profile_in_model(profile),
                nights=[night_in_model(row) for row in session.scalars(query)],
            )

    def import_diary(
        self, data: DiaryExport, *, replace: bool = False, max_rows: int | None = None
    ) -> int:
        """Add the nights of ``data`` (and set its profile); return how many nights were added.

        With ``replace=True`` the profile and all nights are deleted first, so that the diary
        then equals ``data``. Assessments and recordings are kept. All or nothing, yet other
        writers wait only for the final move, not for the whole import (see
        :mod:`nightlegs.diary._import`). More than ``max_rows`` nights plus episodes is a
        :class:`~nightlegs.errors.TooLargeError` before anything is written.
        """
        check_import_size(data, max_rows)
        upsert = None
        if data.profile is not None:
            row = ProfileRow(id=_PROFILE_ID)
            apply_profile(row, data.profile)  # checked before anything is staged
            upsert = self._profile_upsert(row)
        return staged_import(self._engine, self._write_lock, data, replace=replace, profile=upsert)

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()


if TYPE_CHECKING:

    def _conforms(store: SqlDiaryStore) -> DiaryStore:
        return store  # mypy checks SqlDiaryStore against the DiaryStore protocol here
