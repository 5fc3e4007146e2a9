"""Every command module is registered; a command module that cannot be imported stops the CLI."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main

import nightlegs.cli
from nightlegs.cli import build_app

SRC = Path(__file__).parents[2] / "src"

COMMANDS = {
    "assess",
    "kb",
    "eval",
    "eval-interview",
    "analyze",
    "analyze-batch",
    "example-night",
    "compare",
    "serve",
}


def _command_names(app: typer.Typer) -> set[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return set(group.commands)


def _command_modules() -> list[str]:
    """The public modules of ``nightlegs.cli`` (each one holds commands)."""
    return [
        info.name
        for info in pkgutil.iter_modules(nightlegs.cli.__path__, "nightlegs.cli.")
        if not info.name.rsplit(".", 1)[-1].startswith("_")
    ]


def test_every_command_is_registered() -> None:
    assert _command_names(build_app()) == COMMANDS


@pytest.mark.parametrize("name", _command_modules())
def test_every_command_module_reaches_the_app(name: str) -> None:
    module = importlib.import_module(name)
    alone = typer.Typer()
    alone.command("placeholder")(lambda: None)  # typer folds a single command into the app
    module.register(alone)
    own = _command_names(alone) - {"placeholder"}
    assert own, f"{name} registers no command"
    assert own <= _command_names(build_app())


def test_build_app_is_idempotent() -> None:
    group = typer.main.get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    before = len(group.commands)
    group = typer.main.get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    assert len(group.commands) == before == len(COMMANDS)


def _run_without(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``nightlegs ARGS`` in a fresh interpreter in which ``module`` cannot be imported."""
    probe = (
        "import sys\n"
        f"sys.modules[{module!r}] = None  # what a deleted or misspelt module gives\n"
        f"sys.argv = ['nightlegs', *{list(args)!r}]\n"
        "from nightlegs.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("module", ["nightlegs.cli.compare", "nightlegs.cli.serve"])
def test_a_command_module_that_cannot_be_imported_fails_loudly(module: str) -> None:
    proc = _run_without(module, "--help")
    assert proc.returncode != 0
    assert "ModuleNotFoundError" in proc.stderr
    assert module in proc.stderr
    assert "Usage" not in proc.stdout  # no help printed with a command missing
