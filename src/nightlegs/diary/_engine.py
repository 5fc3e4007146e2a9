"""Engines for the diary: the default SQLite file, SQLite settings, PostgreSQL via psycopg 3.

SQLite durability
-----------------
The file runs in WAL mode with ``synchronous=FULL``. In WAL mode a commit appends the transaction to
the ``-wal`` file with ``write()`` before returning, so once a commit is acknowledged the data is in
the operating system's page cache and survives the process being killed (even ``SIGKILL``): that
already holds with ``synchronous=NORMAL``. ``FULL`` adds one ``fsync`` of the WAL per commit, which
also makes an acknowledged write survive a power cut or kernel crash. Diary writes are made by a
person a few times a night, so the extra milliseconds per commit are the right trade for health
data.

SQLite locking
--------------
pysqlite's own transaction handling is switched off (``isolation_level = None``) and the ``begin``
event emits the ``BEGIN`` itself: ``BEGIN IMMEDIATE`` for connections marked as writers, so a write
transaction takes the write lock up front and waits (``busy_timeout``) for another writer instead
of failing with "database is locked" when it upgrades a read lock; plain ``BEGIN`` for readers,
which WAL lets run alongside a writer.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from nightlegs._extras import needs_extra
from nightlegs.errors import InputError

__all__ = [
    "BUSY_TIMEOUT_MS",
    "WRITER_OPTION",
    "create_diary_engine",
    "create_private_file",
    "default_database_url",
    "describe_url",
    "parse_database_url",
]

BUSY_TIMEOUT_MS = 30_000
WRITER_OPTION = "nightlegs_writer"
"""Execution option that marks an engine or connection as a writer (``BEGIN IMMEDIATE``)."""

_DATABASE_FILE = "nightlegs.sqlite3"


def default_database_url() -> str:
    """The SQLite file in the user's data directory, as a SQLAlchemy URL.

    Nothing is created here; :func:`nightlegs.diary.open_store` makes the directory when it opens
    the database. ``NIGHTLEGS_DATABASE_URL`` is read by the web settings, not here.

    Returns
    -------
    str
        ``sqlite:///<user data dir>/nightlegs.sqlite3``.

    Examples
    --------
    >>> default_database_url().startswith("sqlite:///")
    True
    >>> default_database_url().endswith("nightlegs.sqlite3")
    True
    """
    path = Path(platformdirs.user_data_dir("nightlegs")) / _DATABASE_FILE
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def create_private_file(path: Path) -> None:
    """Make ``path`` readable by its owner only, if it does not exist yet (nor its folder).

    A folder created here is ``0700`` and a new file ``0600``, whatever the umask: the diary is
    health data. SQLite gives its ``-wal`` and ``-shm`` files the database file's mode. Existing
    folders and files are left as they are (they are the owner's to share).

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "new" / "diary.sqlite3"
    >>> create_private_file(target)
    >>> oct(target.stat().st_mode & 0o777), oct(target.parent.stat().st_mode & 0o777)
    ('0o600', '0o700')
    """
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    path.chmod(0o600)  # in case the umask took bits away that 0600 needs


def parse_database_url(url: str) -> URL:
    """Parse ``url``; plain ``postgresql://`` and ``postgres://`` mean psycopg 3.

    Raises
    ------
    InputError
        The URL cannot be parsed or names a database other than SQLite or PostgreSQL.

    Examples
    --------
    >>> parse_database_url("postgres://u:p@localhost/db").drivername
    'postgresql+psycopg'
    >>> parse_database_url("mysql://localhost/db")
    Traceback (most recent call last):
    ...
    nightlegs.errors.InputError: database URL 'mysql://localhost/db': nightlegs supports \
sqlite:///PATH and postgresql+psycopg://USER:PASSWORD@HOST/DB
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InputError(f"database URL {url!r} cannot be parsed: {exc}") from None
    backend = parsed.get_backend_name()
    if backend == "postgres" or parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and parsed.get_driver_name() in ("pysqlite", "sqlite"):
        return parsed
    if parsed.drivername == "postgresql+psycopg":
        return parsed
    shown = parsed.render_as_string(hide_password=True)
    raise InputError(
        f"database URL {shown!r}: nightlegs supports sqlite:///PATH and "
        "postgresql+psycopg://USER:PASSWORD@HOST/DB"
    )


def _is_sqlite_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def describe_url(url: URL) -> str:
    """What to print about the database: the SQLite file path, or the URL without its password.

    Examples
    --------
    >>> describe_url(parse_database_url("postgresql://me:secret@db/nightlegs"))
    'postgresql+psycopg://me:***@db/nightlegs'
    >>> describe_url(parse_database_url("sqlite://"))
    'SQLite in memory'
    """
    if _is_sqlite_memory(url):
        return "SQLite in memory"
    if url.get_backend_name() == "sqlite":
        return str(Path(str(url.database)).expanduser().resolve())
    return url.render_as_string(hide_password=True)


def _on_sqlite_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # pysqlite would otherwise emit its own BEGIN (deferred) and COMMIT before DDL; see the module
    # docstring. The busy timeout goes first so that switching to WAL waits for other openers.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    writer = bool(connection.get_execution_options().get(WRITER_OPTION))
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def create_diary_engine(url: URL) -> Engine:
    """An engine for ``url`` with the SQLite pragmas or the PostgreSQL pool settings.

    The engine is safe to share between threads: SQLite connections are opened with
    ``check_same_thread=False`` and each is used by one session at a time through the pool.
    An SQLite file's directory is created if missing.

    Raises
    ------
    MissingExtraError
        ``url`` is a PostgreSQL URL and psycopg is not installed
        (``pip install "nightlegs[postgres]"``).
    """
    if url.get_backend_name() == "sqlite":
        connect_args: dict[str, Any] = {
            "check_same_thread": False,
            "timeout": BUSY_TIMEOUT_MS / 1e3,
        }
        if _is_sqlite_memory(url):
            # One shared connection, or every pooled connection would see its own empty database.
            engine = create_engine(url, connect_args=connect_args, poolclass=StaticPool)
        else:
            path = Path(str(url.database)).expanduser()
            create_private_file(path)
            url = url.set(database=str(path))
            engine = create_engine(url, connect_args=connect_args, pool_size=10, max_overflow=30)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    # FastAPI runs sync routes in a pool of 40 threads; let most of them hold a connection, and
    # check connections after a server restart instead of failing the first request.
    with needs_extra("postgres", "a diary on PostgreSQL"):  # SQLAlchemy imports psycopg here
        return create_engine(
            url,
            pool_size=10,
            max_overflow=30,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 10, "application_name": "nightlegs"},
        )
