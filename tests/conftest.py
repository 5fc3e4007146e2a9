"""Shared fixtures."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable

import pytest

from _leftovers import MARK, leftovers

#: This run's mark, inherited by every process the tests start (see ``_leftovers``).
_RUN = os.environ.setdefault(MARK, uuid.uuid4().hex)
#: The parsed knowledge-base cache of this run (and of the processes it starts): kept out of
#: the user's own cache folder and removed at the end.
_CACHE = None
if "NIGHTLEGS_CACHE_DIR" not in os.environ:
    _CACHE = os.environ["NIGHTLEGS_CACHE_DIR"] = tempfile.mkdtemp(prefix="nightlegs-test-cache-")


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run ``nightlegs ARGS`` in-process through the real entry point; return (code, out, err)."""
    from nightlegs.cli import main

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["nightlegs", *args])
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def pytest_ignore_collect(collection_path: object, config: object) -> bool | None:
    """Do not collect conftest files as doctest modules.

    With ``--doctest-modules`` pytest imports every ``conftest.py`` as a module named
    ``conftest`` for doctests, and two of them then clash; they hold no doctests anyway, and
    they are still loaded as plugins.
    """
    from pathlib import Path

    return True if Path(str(collection_path)).name == "conftest.py" else None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if the tests left a process or a database connection behind."""
    if os.environ.get(MARK) != _RUN or hasattr(session.config, "workerinput"):
        return
    if _CACHE is not None:
        shutil.rmtree(_CACHE, ignore_errors=True)
    found = leftovers(_RUN, os.environ.get("NIGHTLEGS_TEST_POSTGRES_URL"))
    if found:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = "\n".join(f"  {item}" for item in found)
        message = f"the tests left these behind:\n{lines}"
        if reporter is not None:
            reporter.write_line(message, red=True)
        else:
            print(message, file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
