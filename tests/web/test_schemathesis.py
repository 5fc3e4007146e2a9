"""Property-based run of the whole OpenAPI document (schemathesis, in-process ASGI): no 5xx.

It runs on SQLite and on PostgreSQL (the ``database_url`` fixture), which refuses more than
SQLite does (NUL characters, out-of-range integers).

Every operation gets a bounded number of generated requests, valid and invalid (schemathesis'
positive and negative modes: bodies, paths and queries), with the CSRF token so that uploads are
exercised too; the only check is schemathesis' ``not_a_server_error``.
"""

from __future__ import annotations

import pytest
import schemathesis
from _webtest import token_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.python import asgi

from nightlegs.web import Settings, create_app

pytestmark = pytest.mark.slow

EXAMPLES = 20


def test_no_server_errors(database_url: str) -> None:
    # schemathesis calls the app as "testserver": a name the app must be told to answer to.
    app = create_app(Settings(database_url=database_url, allowed_hosts=("testserver",)))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 18
    headers = {"X-CSRF-Token": token_of(app)}
    seen: list[str] = []
    try:
        for operation in operations:
            strategy = st.one_of(
                operation.as_strategy(mode, headers=headers) for mode in GenerationMode
            )

            @given(case=strategy)
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: schemathesis.Case) -> None:
                case.call_and_validate(checks=[schemathesis.checks.not_a_server_error])

            run()
            seen.append(operation.label)
    finally:
        asgi.shutdown_lifespans()  # stops the app: closes its store
    assert "POST /api/assess" in seen and "POST /api/recordings" in seen
