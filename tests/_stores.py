"""Database URLs for tests that must run on SQLite and on PostgreSQL.

Use from any test (``tests/`` is on ``sys.path`` through its ``conftest.py``)::

    from _stores import STORE_KINDS, store_url, store_urls

    @pytest.fixture(params=STORE_KINDS)
    def database_url(request, tmp_path):
        return store_url(request.param, tmp_path)

PostgreSQL is never skipped: without ``NIGHTLEGS_TEST_POSTGRES_URL`` the test fails and says to
run ``scripts/services.sh`` (CI always sets it). Each PostgreSQL URL points at a new, empty schema
(through ``options=-csearch_path=...``), so tests do not see each other's rows and need no
cleanup; the schemas made by this process are dropped when it exits.
"""

from __future__ import annotations

import atexit
import os
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

__all__ = [
    "POSTGRES_ENV",
    "STORE_KINDS",
    "postgres_base_url",
    "postgres_schema_url",
    "sqlite_url",
    "store_url",
    "store_urls",
]

POSTGRES_ENV = "NIGHTLEGS_TEST_POSTGRES_URL"
STORE_KINDS = ("sqlite", "postgresql")
_SCHEMA_PREFIX = "nltest_"

_created: list[str] = []
_lock = threading.Lock()


def postgres_base_url() -> str:
    """The test server's URL from the environment, or fail the test with what to do."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.fail(
            f"{POSTGRES_ENV} is not set: start the test PostgreSQL server with\n"
            '    eval "$(bash scripts/services.sh)"\n'
            "(CI always sets it; the PostgreSQL tests are never skipped)",
            pytrace=False,
        )
    return url


def _libpq(url: str) -> str:
    """``postgresql+psycopg://...`` as a libpq connection string for psycopg itself."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _drop_created() -> None:
    with _lock:
        names, _created[:] = list(_created), []
    if not names:
        return
    try:
        with psycopg.connect(_libpq(os.environ[POSTGRES_ENV]), autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    except (psycopg.Error, KeyError):
        pass  # the server went away first; the schemas are only test leftovers


def postgres_schema_url() -> str:
    """A URL on the test server whose ``search_path`` is a new, empty schema."""
    base = postgres_base_url()
    name = f"{_SCHEMA_PREFIX}{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_libpq(base), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    with _lock:
        if not _created:
            atexit.register(_drop_created)
        _created.append(name)
    parsed = make_url(base)
    return parsed.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(
        hide_password=False
    )


def sqlite_url(tmp_path: Path) -> str:
    """An SQLite file URL in ``tmp_path`` (new file, created on open)."""
    return f"sqlite:///{tmp_path / f'diary-{uuid.uuid4().hex[:8]}.sqlite3'}"


def store_url(kind: str, tmp_path: Path) -> str:
    """A fresh database URL of ``kind`` (``"sqlite"`` or ``"postgresql"``)."""
    if kind == "sqlite":
        return sqlite_url(tmp_path)
    if kind == "postgresql":
        return postgres_schema_url()
    raise ValueError(f"kind must be one of {STORE_KINDS}, got {kind!r}")


def store_urls(tmp_path: Path) -> list[tuple[str, str]]:
    """``[("sqlite", url), ("postgresql", url)]``, each a fresh, empty database."""
    return [(kind, store_url(kind, tmp_path)) for kind in STORE_KINDS]
