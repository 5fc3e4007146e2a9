"""Bring a diary database to the newest schema, safely when several processes open it at once.

Locking
-------
The upgrade runs in one transaction that first takes a database-wide lock: ``BEGIN IMMEDIATE`` on
SQLite (the write lock) and a transaction-scoped advisory lock on PostgreSQL (keyed by the schema,
so test schemas do not wait for each other). A second opener waits, then finds the version row at
head and does nothing; PostgreSQL and SQLite both run DDL transactionally, so a crash mid-upgrade
leaves the previous schema. Alembic keeps the running migration in module globals
(``alembic.context``, ``alembic.op``), so upgrades inside one process are also serialised by a
thread lock.

SQLite foreign keys
-------------------
Some upgrades rebuild a table (SQLite cannot change a column's constraints in place). Dropping
the old ``nights`` with foreign keys enforced would delete every episode (``ON DELETE
CASCADE``), so an upgrade runs with ``PRAGMA foreign_keys`` off, checks every key with ``PRAGMA
foreign_key_check`` before it commits, and switches enforcement back on: the procedure SQLite's
documentation gives for table changes. The pragma only takes effect outside a transaction, so it
is set on the driver connection before the upgrade begins.
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from nightlegs.diary._engine import WRITER_OPTION

__all__ = ["alembic_config", "head_revision", "upgrade_to_head"]

_THREAD_LOCK = threading.Lock()
# First key of PostgreSQL's two-key advisory lock; the second is a hash of the schema name.
_PG_LOCK_CLASS = 0x6E6C  # "nl"


def _script_location() -> str:
    location = resources.files("nightlegs.diary.migrations")
    if not isinstance(location, Path) or not (location / "env.py").is_file():
        raise RuntimeError(
            f"nightlegs' migrations must be installed as files on disk, found {location!r}"
        )
    return str(location)


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration for the packaged migrations (no ``alembic.ini`` needed).

    Parameters
    ----------
    url : str, optional
        Only for Alembic commands run without a connection (``command.revision``).

    Examples
    --------
    >>> alembic_config().get_main_option("script_location").endswith("migrations")
    True
    """
    config = Config()
    config.set_main_option("script_location", _script_location())
    if url is not None:
        # ConfigParser interpolation treats ``%`` specially (URL escapes such as ``%3D``).
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@functools.cache
def head_revision() -> str:
    """The newest revision of the packaged migrations.

    Examples
    --------
    >>> head_revision()
    '0003'
    """
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("nightlegs has no migrations")
    return head


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:cls, hashtext(coalesce(current_schema(), '')))"),
            {"cls": _PG_LOCK_CLASS},
        )
    # SQLite: the writer connection's BEGIN IMMEDIATE has already taken the write lock.


def upgrade_to_head(engine: Engine) -> None:
    """Upgrade the database behind ``engine`` to :func:`head_revision`; idempotent.

    Examples
    --------
    >>> from nightlegs.diary._engine import create_diary_engine, parse_database_url
    >>> engine = create_diary_engine(parse_database_url("sqlite://"))
    >>> upgrade_to_head(engine); upgrade_to_head(engine)
    >>> engine.dispose()
    """
    with engine.connect() as connection:
        connection.execution_options(**{WRITER_OPTION: True})
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _sqlite_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                _lock(connection)
                current = MigrationContext.configure(connection).get_current_revision()
                if current == head_revision():
                    return
                config = alembic_config()
                config.attributes["connection"] = connection
                with _THREAD_LOCK:
                    command.upgrade(config, "head")
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch SQLite's foreign-key enforcement (outside any transaction: on the driver)."""
    driver = connection.connection.driver_connection
    if driver is None:  # pragma: no cover - a checked-out connection always has one
        raise RuntimeError("the SQLite connection has no driver connection")
    driver.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise RuntimeError(
            f"the upgrade left {len(broken)} broken foreign keys, e.g. {table} row {rowid} "
            f"pointing at a missing {parent} row; nothing was changed"
        )
