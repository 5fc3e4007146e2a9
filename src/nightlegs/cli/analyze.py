"""``nightlegs analyze`` and ``nightlegs analyze-batch``: thin wrappers over the movement API.

Errors are raised as :class:`~nightlegs.errors.NightlegsError` and turned into exit 2 by
``nightlegs.cli.main``. Output files are written to a temporary file and renamed into place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from nightlegs.cli._options import (
    AasmOpt,
    ChildOpt,
    EventsOpt,
    HypnogramOpt,
    LegChannelsOpt,
    RecordingArg,
)

__all__ = ["register"]

_JSON = Annotated[bool, typer.Option("--json", help="Print the result as one JSON object.")]


def _summary_table(data: dict[str, Any], warnings: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Leg movements", show_header=False)
    for key, value in data.items():
        if key == "events" or (isinstance(value, (list, dict)) and key != "severity_clinical"):
            continue
        text = f"{value:.2f}" if isinstance(value, float) else str(value)
        table.add_row(key.replace("_", " "), text)
    console.print(table)
    console.print(f"{len(data.get('events', []))} events. Information, not a diagnosis.")
    for w in warnings:
        console.print(f"[yellow]warning:[/] {w}")


def analyze_command(
    recording: RecordingArg,
    hypnogram: HypnogramOpt = None,
    leg_channels: LegChannelsOpt = None,
    events: EventsOpt = None,
    aasm: AasmOpt = False,
    child: ChildOpt = False,
    as_json: _JSON = False,
    events_csv: Annotated[Path | None, typer.Option(help="Write the events as CSV.")] = None,
    edf_annotations: Annotated[
        Path | None, typer.Option(help="Write the events as EDF+ annotations.")
    ] = None,
    plot: Annotated[Path | None, typer.Option(help="Write an overview plot (PNG).")] = None,
) -> None:
    """Score leg movements of one recording (WASM 2016 by default)."""
    from nightlegs.movement._atomic import atomic_path
    from nightlegs.movement.analyze import analyze
    from nightlegs.movement.export import write_edf_annotations, write_events_csv
    from nightlegs.movement.scoring import ScoringParams

    params = ScoringParams.aasm() if aasm else None
    result = analyze(
        recording,
        hypnogram=hypnogram,
        leg_channels=leg_channels,
        events=events,
        params=params,
        child=child,
    )
    written = []
    if events_csv is not None:
        written.append(f"wrote {write_events_csv(result, events_csv)} (events, CSV)")
    if edf_annotations is not None:
        path = write_edf_annotations(result, edf_annotations)
        written.append(f"wrote {path} (events, EDF+ annotations)")
    if plot is not None:
        with atomic_path(plot) as tmp:
            result.plot(tmp)
        written.append(f"wrote {plot} (overview plot)")
    data = result.to_dict()
    if as_json:
        typer.echo(json.dumps(data, default=str))
    else:
        _summary_table(data, list(data.get("warnings", [])))
    for line in written:  # on stderr, so that --json output stays one JSON object
        typer.echo(line, err=True)


def analyze_batch_command(
    pattern: Annotated[list[str], typer.Argument(help="Glob pattern(s), e.g. 'data/**/*.edf'.")],
    out: Annotated[Path, typer.Option("--out", help="Parquet output (resumes if it exists).")],
    workers: Annotated[int | None, typer.Option(help="Local worker processes.")] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Existing Dask scheduler, tcp://HOST:8786.")
    ] = None,
    aasm: AasmOpt = False,
    child: ChildOpt = False,
    reference_dir: Annotated[
        Path | None,
        typer.Option(help="Scorer's files (NSRR XML, EDF+, CSV) named after the recordings."),
    ] = None,
    bland_altman: Annotated[
        Path | None,
        typer.Option(help="Bland-Altman plot (PNG); default OUT.bland-altman.png."),
    ] = None,
) -> None:
    """Score many recordings on Dask into one Parquet table (one row per recording)."""
    from rich.progress import Progress

    from nightlegs.errors import InputError
    from nightlegs.movement.batch import expand_paths, require_batch_extra, run_batch

    if reference_dir is not None and not reference_dir.is_dir():
        raise InputError(f"--reference-dir: {reference_dir}: expected a directory")
    if not expand_paths(pattern):
        raise InputError(f"no file matched {' '.join(pattern)}; nothing to analyse")
    require_batch_extra()  # before the progress bar, so a missing extra is the only output
    with Progress(transient=False) as progress:
        task = progress.add_task("recordings", total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        outcome = run_batch(
            pattern,
            out,
            workers=workers,
            scheduler=scheduler,
            aasm=aasm,
            child=child,
            reference_dir=reference_dir,
            on_progress=tick,
        )
    typer.echo(
        f"{outcome.matched} files matched: {outcome.skipped} skipped (already in {out}), "
        f"{outcome.analysed} analysed, {outcome.failed} failed"
    )
    for path, error in outcome.errors[:5]:
        typer.echo(f"  failed: {path}: {error}")
    if len(outcome.errors) > 5:
        typer.echo(f"  ... and {len(outcome.errors) - 5} more (column 'error' in {out})")
    typer.echo(f"wrote {out} ({len(outcome.table)} rows)")
    if reference_dir is not None:
        _bland_altman(outcome.table, bland_altman or out.with_suffix(".bland-altman.png"))


def _bland_altman(table: Any, path: Path) -> None:
    from nightlegs.movement._atomic import atomic_path
    from nightlegs.movement.agreement_plot import plot_bland_altman

    compared = int(table["reference_path"].notna().sum()) if "reference_path" in table else 0
    if not compared:
        typer.echo("no recording had a scorer's file in --reference-dir: no Bland-Altman plot")
        return
    with atomic_path(path) as tmp:
        _, ba = plot_bland_altman(table, tmp)
    limits = "" if ba.lower is None else f", 95% limits {ba.lower:+.2f} to {ba.upper:+.2f}/h"
    bias = "n/a" if ba.bias is None else f"{ba.bias:+.2f}/h"
    typer.echo(f"{compared} recordings compared with their scorer: {ba.index} bias {bias}{limits}")
    typer.echo(f"wrote {path} (Bland-Altman plot)")


def register(app: typer.Typer) -> None:
    """Add ``analyze`` and ``analyze-batch`` to the nightlegs CLI."""
    app.command("analyze")(analyze_command)
    app.command("analyze-batch")(analyze_batch_command)
