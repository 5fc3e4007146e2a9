"""Shared fixtures."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest


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
