"""``nightlegs --help`` starts fast: no heavy module is imported to print the help."""

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
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.replace("ARGS", repr(list(args)))],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [("--help",), ()])
def test_help_imports_no_heavy_module(args: tuple[str, ...]) -> None:
    loaded = _modules(*args)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_command_help_imports_no_scoring_module() -> None:
    # typer (0.29) builds pydantic adapters for the parameters of the command it runs, so a
    # command's help loads pydantic; the scoring stack must still wait for the command itself.
    loaded = _modules("analyze", "--help")
    heavy = set(HEAVY) - {"pydantic"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_package_import_is_light() -> None:
    loaded = _modules("--version-not-an-option")
    assert "nightlegs" in loaded
    assert not loaded & {"pydantic", "scipy", "pandas"}
