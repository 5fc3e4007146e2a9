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
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import Engine, Executable, func, insert, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from nightlegs.assessment.result import Assessment
from nightlegs.diary._convert import (
    apply_night,
    apply_person,
    apply_profile,
    assessment_model,
    checked_text,
    clear_profile,
    night_in_model,
    night_model,
    person_model,
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
from nightlegs.diary._orm import AssessmentRow, NightRow, PersonRow, RecordingRow, utc_now
from nightlegs.diary._people import person_id, person_row
from nightlegs.diary._recording_nights import clear_recording, place_recording, recording_nights
from nightlegs.diary.schemas import (
    PROFILE_FIELDS,
    AssessmentRecord,
    DiaryExport,
    Night,
    NightIn,
    Person,
    PersonIn,
    Profile,
    ProfileIn,
    RecordingRecord,
    RecordingStatus,
)
from nightlegs.errors import InputError, NightlegsError, NotFoundError

if TYPE_CHECKING:
    from nightlegs.diary.store import DiaryStore

__all__ = ["SqlDiaryStore", "default_database_url", "open_store"]

_PROFILE_COLUMNS = (*PROFILE_FIELDS, "profile_saved_at", "updated_at")
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

    # People -----------------------------------------------------------------------------------

    def create_person(self, person: PersonIn) -> Person:
        """Add a person with their profile; the reply has their id."""
        with self._transaction() as session:
            row = PersonRow()
            apply_person(row, person)
            session.add(row)
            session.flush()
            return person_model(row)

    def list_people(self) -> list[Person]:
        """Every person, the default one (smallest id) first."""
        with self._reading() as session:
            return [
                person_model(r) for r in session.scalars(select(PersonRow).order_by(PersonRow.id))
            ]

    def get_person(self, person: int | None = None) -> Person:
        """One person (the default person when ``None``); ``NotFoundError`` if there is none."""
        with self._reading() as session:
            return person_model(person_row(session, person))

    def update_person(self, person: int, data: PersonIn) -> Person:
        """Replace a person's name and profile."""
        with self._transaction() as session:
            row = person_row(session, person, for_update=True)
            apply_person(row, data)
            session.flush()
            return person_model(row)

    def delete_person(self, person: int) -> None:
        """Delete a person with their nights, assessments and recordings.

        The last person of a diary cannot be deleted (:class:`~nightlegs.errors.InputError`).
        """
        with self._transaction() as session:
            row = person_row(session, person, for_update=True)
            if session.scalar(select(func.count()).select_from(PersonRow)) == 1:
                raise InputError(
                    f"person {person} is the only person in the diary and cannot be deleted; "
                    "add another person first, or delete their nights one by one"
                )
            session.delete(row)  # nights, episodes, assessments, recordings: ON DELETE CASCADE

    # Profile ------------------------------------------------------------------------------------

    def get_profile(self, *, person: int | None = None) -> Profile | None:
        """A person's profile, or ``None`` before one is entered."""
        with self._reading() as session:
            return profile_model(person_row(session, person))

    def put_profile(self, profile: ProfileIn, *, person: int | None = None) -> Profile:
        """Create or replace a person's profile (their name stays)."""
        with self._transaction() as session:
            row = person_row(session, person, for_update=True)
            apply_profile(row, profile)
            session.flush()
            saved = profile_model(row)
            if saved is None:  # pragma: no cover - apply_profile marks it entered
                raise RuntimeError("the profile was not saved")
            return saved

    # Nights -------------------------------------------------------------------------------------

    def create_night(self, night: NightIn, *, person: int | None = None) -> Night:
        """Store a new night with its episodes for ``person`` (default person when ``None``)."""
        with self._transaction() as session:
            row = NightRow(person_id=person_id(session, person))
            apply_night(row, night)
            session.add(row)
            session.flush()
            return night_model(row)

    def list_nights(
        self,
        *,
        person: int | None = None,
        since: dt.date | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[Night]:
        """A person's nights on or after ``since``, oldest first, paged by ``limit`` and
        ``offset``."""
        if limit < 0 or offset < 0:
            raise InputError(f"limit and offset must be >= 0, got limit={limit}, offset={offset}")
        with self._reading() as session:
            query = (
                select(NightRow)
                .where(NightRow.person_id == person_id(session, person))
                .options(selectinload(NightRow.episodes))
            )
            if since is not None:
                query = query.where(NightRow.date >= since)
            query = query.order_by(NightRow.date, NightRow.id).limit(limit).offset(offset)
            return [night_model(row) for row in session.scalars(query)]

    def get_night(self, night_id: int, *, person: int | None = None) -> Night:
        """One night of ``person``; :class:`~nightlegs.errors.NotFoundError` if they have none."""
        with self._reading() as session:
            return night_model(self._night_row(session, night_id, person))

    def update_night(self, night_id: int, night: NightIn, *, person: int | None = None) -> Night:
        """Replace a night, its episodes included (episodes get new ids)."""
        with self._transaction() as session:
            row = self._night_row(session, night_id, person, for_update=True)
            apply_night(row, night)
            session.flush()
            return night_model(row)

    def delete_night(self, night_id: int, *, person: int | None = None) -> None:
        """Delete a night and its episodes."""
        with self._transaction() as session:
            session.delete(self._night_row(session, night_id, person, for_update=True))

    @staticmethod
    def _night_row(
        session: Session, night_id: int, person: int | None, *, for_update: bool = False
    ) -> NightRow:
        owner = person_id(session, person)
        query = (
            select(NightRow)
            .where(NightRow.id == night_id, NightRow.person_id == owner)
            .options(selectinload(NightRow.episodes))
        )
        if for_update:
            # Concurrent replacements of one night queue up on PostgreSQL (SQLite has the
            # database-wide write lock already).
            query = query.with_for_update()
        row = session.scalars(query).one_or_none()
        if row is None:
            raise NotFoundError(f"night {night_id} not found for person {owner}")
        return row

    # Assessments --------------------------------------------------------------------------------

    def add_assessment(
        self,
        request: dict[str, Any],
        result: Assessment | Mapping[str, Any],
        kb_version: str,
        *,
        person: int | None = None,
    ) -> AssessmentRecord:
        """Store an assessment's request, result and knowledge-base version for ``person``.

        ``result`` is the result or its JSON object (docs/json-contract.md section 1).
        """
        created = utc_now()
        version = checked_text(kb_version, "kb_version")
        if isinstance(result, Assessment):
            stored, typed = result.to_dict(), result
        else:
            stored, typed = dict(result), Assessment.model_validate(result)
        with self._transaction() as session:
            owner = person_id(session, person)
            # A plain INSERT ... RETURNING: the ORM unit of work costs several times more CPU
            # than the statement itself.
            statement = (
                insert(AssessmentRow)
                .values(
                    person_id=owner,
                    created_at=created,
                    kb_version=version,
                    request=request,
                    result=stored,
                )
                .returning(AssessmentRow.id)
            )
            new_id = session.execute(statement).scalar_one()
        return AssessmentRecord.model_construct(
            id=new_id,
            person_id=owner,
            created_at=created,
            kb_version=kb_version,
            request=request,
            result=typed,
        )

    def latest_assessment(self, *, person: int | None = None) -> AssessmentRecord | None:
        """A person's newest assessment, or ``None`` if there is none."""
        found = self.list_assessments(person=person, limit=1)
        return found[0] if found else None

    def list_assessments(
        self, *, person: int | None = None, limit: int = 100
    ) -> list[AssessmentRecord]:
        """A person's assessments, newest first."""
        with self._reading() as session:
            query = (
                select(AssessmentRow)
                .where(AssessmentRow.person_id == person_id(session, person))
                .order_by(AssessmentRow.created_at.desc(), AssessmentRow.id.desc())
                .limit(max(limit, 0))
            )
            return [assessment_model(row) for row in session.scalars(query)]

    def get_assessment(self, assessment_id: int, *, person: int | None = None) -> AssessmentRecord:
        """One assessment of ``person``; :class:`~nightlegs.errors.NotFoundError` if none."""
        with self._reading() as session:
            return assessment_model(self._assessment_row(session, assessment_id, person))

    def delete_assessment(self, assessment_id: int, *, person: int | None = None) -> None:
        """Delete one saved assessment of ``person``."""
        with self._transaction() as session:
            session.delete(self._assessment_row(session, assessment_id, person))

    @staticmethod
    def _assessment_row(session: Session, assessment_id: int, person: int | None) -> AssessmentRow:
        owner = person_id(session, person)
        row = session.get(AssessmentRow, assessment_id)
        if row is None or row.person_id != owner:
            raise NotFoundError(f"assessment {assessment_id} not found for person {owner}")
        return row

    # Recordings ---------------------------------------------------------------------------------

    def create_recording(
        self,
        filename: str,
        size_bytes: int,
        *,
        person: int | None = None,
        owner: str | None = None,
        lease_s: float = 0.0,
    ) -> RecordingRecord:
        """Register an uploaded recording of ``person``, status ``pending``.

        ``owner`` (the server that will analyse it) holds it for ``lease_s`` seconds, renewed
        with :meth:`renew_leases`; without an owner it is nobody's.
        """
        if size_bytes < 0:
            raise InputError(f"size_bytes must be >= 0, got {size_bytes}")
        now = utc_now()
        with self._transaction() as session:
            row = RecordingRow(
                person_id=person_id(session, person),
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
        night: dt.date | None = None,
    ) -> RecordingRecord:
        """Set a recording's status; ``summary``, ``events`` and ``error`` replace stored values.

        ``None`` keeps what is stored, except that ``error`` is cleared when the status is not
        ``failed`` (a re-run that succeeds leaves no stale error). With ``night`` (status
        ``done``), the measured values go on the person's night of that date in the same
        transaction (see :meth:`set_recording_night`).
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
            if night is not None:
                placed = place_recording(session, row, night)
                return recording_model(row, (placed.id, placed.date))
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

    def get_recording(self, recording_id: int, *, person: int | None = None) -> RecordingRecord:
        """One recording of ``person``; :class:`~nightlegs.errors.NotFoundError` if none."""
        with self._reading() as session:
            row = self._recording_row(session, recording_id, person)
            nights = recording_nights(session, row.person_id, [row.id])
            return recording_model(row, nights.get(row.id))

    def list_recordings(self, *, person: int | None = None) -> list[RecordingRecord]:
        """A person's recordings, newest first."""
        with self._reading() as session:
            owner = person_id(session, person)
            query = (
                select(RecordingRow)
                .where(RecordingRow.person_id == owner)
                .order_by(RecordingRow.id.desc())
            )
            rows = list(session.scalars(query))
            nights = recording_nights(session, owner, [row.id for row in rows])
            return [recording_model(row, nights.get(row.id)) for row in rows]

    def set_recording_night(
        self, recording_id: int, date: dt.date, *, person: int | None = None
    ) -> RecordingRecord:
        """Move an analysed recording's measured values to ``person``'s night of ``date``.

        The night is made when missing; the values leave the night they were on. An unfinished
        or failed analysis is an :class:`~nightlegs.errors.InputError`.
        """
        with self._transaction() as session:
            row = self._recording_row(session, recording_id, person, for_update=True)
            placed = place_recording(session, row, date)
            return recording_model(row, (placed.id, placed.date))

    def delete_recording(self, recording_id: int, *, person: int | None = None) -> None:
        """Delete a recording and clear the measured values it put on its night."""
        with self._transaction() as session:
            row = self._recording_row(session, recording_id, person, for_update=True)
            clear_recording(session, row)
            session.delete(row)

    @staticmethod
    def _recording_row(
        session: Session, recording_id: int, person: int | None, *, for_update: bool = False
    ) -> RecordingRow:
        owner = person_id(session, person)
        row = session.get(RecordingRow, recording_id, with_for_update=for_update)
        if row is None or row.person_id != owner:
            raise NotFoundError(f"recording {recording_id} not found for person {owner}")
        return row

    # Export and import --------------------------------------------------------------------------

    def export_diary(self, *, person: int | None = None) -> DiaryExport:
        """A person's profile and every night of theirs, for :meth:`import_diary` (lossless)."""
        with self._reading() as session:
            row = person_row(session, person)
            query = (
                select(NightRow)
                .where(NightRow.person_id == row.id)
                .options(selectinload(NightRow.episodes))
                .order_by(NightRow.date, NightRow.id)
            )
            return DiaryExport(
                profile=profile_in_model(row),
                nights=[night_in_model(night) for night in session.scalars(query)],
            )

    def import_diary(
        self,
        data: DiaryExport,
        *,
        person: int | None = None,
        replace: bool = False,
        max_rows: int | None = None,
    ) -> int:
        """Add the nights of ``data`` to ``person`` (and set their profile); return how many
        nights were added.

        With ``replace=True`` the person's profile and nights are deleted first, so that their
        diary then equals ``data``. Assessments, recordings and other people are kept. All or
        nothing, yet other writers wait only for the final move, not for the whole import (see
        :mod:`nightlegs.diary._import`). More than ``max_rows`` nights plus episodes is a
        :class:`~nightlegs.errors.TooLargeError` before anything is written.
        """
        check_import_size(data, max_rows)
        with self._reading() as session:
            owner = person_id(session, person)
        profile: Executable | None = None
        if data.profile is not None or replace:
            row = PersonRow()
            if data.profile is not None:
                apply_profile(row, data.profile)  # checked before anything is staged
            else:
                clear_profile(row)
            fields = {name: getattr(row, name) for name in _PROFILE_COLUMNS}
            profile = update(PersonRow).where(PersonRow.id == owner).values(fields)
        return staged_import(
            self._engine, self._write_lock, data, person=owner, replace=replace, profile=profile
        )

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()


if TYPE_CHECKING:

    def _conforms(store: SqlDiaryStore) -> DiaryStore:
        return store  # mypy checks SqlDiaryStore against the DiaryStore protocol here
