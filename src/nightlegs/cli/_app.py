"""Assembly of the Typer application."""

from __future__ import annotations

import importlib
import sys

import typer

__all__ = ["app", "build_app", "main"]

app = typer.Typer(
    name="nightlegs",
    help="Why do my legs hurt, cramp or twitch at night? Information, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help text: Rich's help formatter alone costs ~0.2 s of start-up (issue 10 sets
    # `nightlegs --help` at 0.25 s). Commands still print with Rich where they need tables.
    rich_markup_mode=None,
)

# Command modules, each exposing ``register(app)``. Missing optional modules are skipped so a
# partially installed tree still gives a working CLI.
_COMMAND_MODULES = (
    "nightlegs.cli.assess",
    "nightlegs.cli.kb",
    "nightlegs.cli.evaluate",
    "nightlegs.cli.analyze",
    "nightlegs.cli.example",
    "nightlegs.cli.compare",
    "nightlegs.cli.serve",
)


_registered: list[str] = []


def _show_version(value: bool) -> None:
    if value:
        from nightlegs import __version__

        typer.echo(f"nightlegs {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Why do my legs hurt, cramp or twitch at night? Information, not a diagnosis."""


def build_app() -> typer.Typer:
    """The CLI application with every command registered (idempotent)."""
    for name in _COMMAND_MODULES:
        if name in _registered:
            continue
        _registered.append(name)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(app)
    return app


def main() -> None:
    """Run the CLI; errors nightlegs raises on purpose become one line on stderr and exit 2."""
    from nightlegs.errors import NightlegsError

    build_app()
    try:
        app(standalone_mode=True)
    except NightlegsError as exc:
        print(f"nightlegs: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("nightlegs: interrupted", file=sys.stderr)
        sys.exit(130)
