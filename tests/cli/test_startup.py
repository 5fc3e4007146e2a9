"""The CLI starts fast: no heavy module is imported to print the help or to score a night.

Issue 10: ``nightlegs --help`` in at most 0.25 s, and ``nightlegs analyze`` at most 0.4 s slower
than the same call through the Python API; scipy.signal alone took a second to import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("scipy", "matplotlib", "dask", "pandas", "pydantic", "fastapi", "sqlalchemy", "rich")
SRC = Path(__file__).parents[2] / "src"

_PROBE = """
import json, runpy, sys
sys.argv = ["nightlegs", *ARGS]
try:
    runpy.run_module("nightlegs", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def _modules(*args: str) -> set[str]:
    return _run(*args)[0]


def _run(*args: str) -> tuple[set[str], str]:
    """Modules a CLI run loaded (top-level names) and what it printed on stdout."""
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.replace("ARGS", repr(list(args)))],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    return set(json.loads(proc.stderr.strip().splitlines()[-1])), proc.stdout


@pytest.mark.parametrize("args", [("--help",), ()])
def test_help_imports_no_heavy_module(args: tuple[str, ...]) -> None:
    loaded = _modules(*args)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_command_help_imports_no_scoring_module() -> None:
    # typer 0.29 would build pydantic adapters for the parameters (pyproject.toml keeps it
    # below); the scoring stack must wait for the command itself.
    loaded = _modules("analyze", "--help")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_analyze_scores_a_night_without_a_heavy_module(tmp_path: Path) -> None:
    from nightlegs.movement.export import write_recording_edf
    from nightlegs.movement.synthetic import synthesize_night

    path = tmp_path / "night.edf"
    write_recording_edf(synthesize_night(0.25, 256, 1.5, seed=2).recording, path)
    loaded, out = _run("analyze", str(path), "--json")
    assert json.loads(out)["lm_count"] > 0  # a scored night, not an early error
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_package_import_is_light() -> None:
    loaded = _modules("--version-not-an-option")
    assert "nightlegs" in loaded
    assert not loaded & {"pydantic", "scipy", "pandas"}
