"""Assembly of the Typer application."""

from __future__ import annotations

import importlib
import sys

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="nightlegs",
    help="Why do my legs hurt, cramp or twitch at night? Information, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules, each exposing ``register(app)``. Missing optional modules are skipped so a
# partially installed tree still gives a working CLI.
_COMMAND_MODULES = (
    "nightlegs.cli.assess",
    "nightlegs.cli.kb",
    "nightlegs.cli.evaluate",
    "nightlegs.cli.analyze",
)


def _register_commands() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(app)


def main() -> None:
    """Run the CLI; errors nightlegs raises on purpose become one line on stderr and exit 2."""
    from nightlegs.errors import NightlegsError

    _register_commands()
    try:
        app(standalone_mode=True)
    except NightlegsError as exc:
        print(f"nightlegs: error: {exc}", file=sys.stderr)
        sys.exit(2)
