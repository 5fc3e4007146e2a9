"""The packaged migrations create exactly the ORM's schema, idempotently, also under contention."""

from __future__ import annotations

import subprocess
import sys
import threading

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from nightlegs.diary import open_store
from nightlegs.diary._engine import create_diary_engine, parse_database_url
from nightlegs.diary._migrate import head_revision, upgrade_to_head
from nightlegs.diary._orm import Base


def test_migrations_match_the_orm_metadata(database_url: str) -> None:
    engine = create_diary_engine(parse_database_url(database_url))
    try:
        upgrade_to_head(engine)
        upgrade_to_head(engine)  # idempotent
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == head_revision()
            tables = set(inspect(connection).get_table_names())
        assert tables == {*Base.metadata.tables, "alembic_version"}
    finally:
        engine.dispose()


def test_concurrent_first_opens_migrate_once(database_url: str) -> None:
    """Two processes and four threads open a new database at the same moment."""
    code = f"from nightlegs.diary import open_store; open_store({database_url!r}).close()"
    processes = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    errors: list[BaseException] = []

    def open_once() -> None:
        try:
            open_store(database_url).close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_once) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [p.wait(timeout=60) for p in processes] == [0, 0]
    assert errors == []
    with open_store(database_url) as store:
        assert store.list_nights() == []
