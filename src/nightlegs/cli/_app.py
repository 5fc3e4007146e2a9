"""Assembly of the Typer application."""

from __future__ import annotations

import sys
from collections.abc import Callable

import typer

# Each command module is light at import (typer only; its work is imported when the command runs),
# so importing them all here keeps `nightlegs --help` fast. A broken module fails here, loudly.
from nightlegs.cli import analyze, assess, compare, evaluate, example, kb, serve

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

# The ``register(app)`` of every command module, in the order ``nightlegs --help`` lists them.
_REGISTERS: tuple[Callable[[typer.Typer], None], ...] = (
    assess.register,
    kb.register,
    evaluate.register,
    analyze.register,
    example.register,
    compare.register,
    serve.register,
)

_registered: list[Callable[[typer.Typer], None]] = []


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
    """The CLI application with every command registered (idempotent).

    Examples
    --------
    >>> import typer.main
    >>> "assess" in typer.main.get_command(build_app()).commands
    True
    """
    for register in _REGISTERS:
        if register not in _registered:
            _registered.append(register)
            register(app)
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
