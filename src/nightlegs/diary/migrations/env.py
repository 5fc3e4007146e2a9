"""Alembic environment: runs on the connection that :mod:`nightlegs.diary._migrate` hands over.

The caller has already begun the transaction and taken the migration lock, so the whole upgrade
(DDL and the version row) commits or rolls back as one.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from nightlegs.diary._engine import create_diary_engine, parse_database_url
from nightlegs.diary._orm import Base

__all__: list[str] = []


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
        # SQLite runs DDL inside transactions too; Alembic's default for it is to assume not.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if isinstance(connection, Connection):
        _run(connection)
        return
    # Fallback for ``alembic_config(url)`` used without a connection (e.g. ``command.revision``).
    engine = create_diary_engine(parse_database_url(config.get_main_option("sqlalchemy.url", "")))
    with engine.begin() as own:
        _run(own)
    engine.dispose()


# Alembic executes this file under a generated module name; a plain import (pytest collecting
# doctests, say) must not try to migrate anything.
if __name__ != "nightlegs.diary.migrations.env":
    _main()
