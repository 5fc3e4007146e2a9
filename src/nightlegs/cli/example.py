"""``nightlegs example-night``: write a synthetic night to try the analysis on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]


def example_night_command(
    path: Annotated[Path, typer.Argument(help="EDF+ file to write, e.g. night.edf.")],
    hours: Annotated[float, typer.Option(help="Length of the night in hours.")] = 8.0,
    seed: Annotated[int, typer.Option(help="The same seed writes the same night.")] = 0,
) -> None:
    """Write a synthetic EDF+ night (stages, known leg movements) and its scoring as NSRR XML."""
    from rich.console import Console

    from nightlegs.errors import InputError
    from nightlegs.movement.example import write_example_night

    if not 0.05 <= hours <= 24.0:
        raise InputError(f"--hours: expected 0.05 to 24 hours, got {hours:g}")
    console = Console(stderr=True)
    with console.status(f"Writing a {hours:g}-hour night at 256 Hz..."):
        files = write_example_night(path, hours=hours, seed=seed)
    truth = files.true_indices
    typer.echo(f"wrote {files.recording} (EDF+: LAT, RAT in uV; stages, apneas, arousals)")
    typer.echo(f"wrote {files.reference} (NSRR XML: the same stages and the true leg movements)")
    typer.echo(
        f"true: {truth['lm_count']} leg movements, {truth['plm_count']} periodic, "
        f"PLMS index {truth['plms_index'] or 0:.1f}/h"
    )
    typer.echo(f"try: nightlegs analyze {files.recording}")
    typer.echo(f"     nightlegs compare {files.recording} --reference {files.reference}")


def register(app: typer.Typer) -> None:
    """Add ``example-night`` to the nightlegs CLI."""
    app.command("example-night")(example_night_command)
