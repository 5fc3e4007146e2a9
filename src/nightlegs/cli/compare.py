"""``nightlegs compare``: agreement of our scoring with a scorer's leg movements."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nightlegs.cli._options import (
    AasmOpt,
    EventsOpt,
    HypnogramOpt,
    LegChannelsOpt,
    RecordingArg,
)

if TYPE_CHECKING:
    from nightlegs.movement.compare import Agreement

__all__ = ["register"]


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _sec(stats: dict[str, Any]) -> str:
    if stats["mean"] is None:
        return "n/a"
    sd = "" if stats["sd"] is None else f" ± {stats['sd']:.2f}"
    return f"{stats['mean']:+.2f}{sd} s (median {stats['median']:+.2f})"


def _print_table(agreement: Agreement) -> None:
    from rich.console import Console
    from rich.table import Table

    d = agreement.to_dict()
    console = Console()
    events = Table(title=f"Leg movements against {d['reference']}", show_header=True)
    events.add_column("")
    events.add_column("all LMs", justify="right")
    events.add_column("periodic LMs", justify="right")
    p = d["plm"]
    for label, key in (
        ("ours", "ours_count"),
        ("scorer's", "reference_count"),
        ("matched", "matched"),
        ("missed (scorer's only)", "missed"),
        ("extra (ours only)", "extra"),
    ):
        events.add_row(label, str(d[key]), str(p[key]))
    for label, key in (("sensitivity", "sensitivity"), ("PPV", "ppv"), ("F1", "f1")):
        events.add_row(label, _pct(d[key]), _pct(p[key]))
    events.add_row("onset, ours - scorer's", _sec(d["onset_difference_s"]), "")
    events.add_row("duration, ours - scorer's", _sec(d["duration_difference_s"]), "")
    console.print(events)
    indices = Table(title=f"Indices (per hour of {d['index_basis']})", show_header=True)
    for col in ("", "ours", "scorer's", "difference"):
        indices.add_column(col, justify="right" if col else "left")
    for key, v in d["indices"].items():
        cells = [
            "n/a" if v[c] is None else f"{v[c]:g}" for c in ("ours", "reference", "difference")
        ]
        indices.add_row(key.replace("_", " "), *cells)
    console.print(indices)
    console.print("Matched one to one by time overlap. Information, not a diagnosis.")
    for w in d["warnings"]:
        console.print(f"[yellow]warning:[/] {w}")


def compare_command(
    recording: RecordingArg,
    reference: Annotated[
        Path,
        typer.Option("--reference", help="The scorer's leg movements: NSRR XML, EDF+ or CSV."),
    ],
    hypnogram: HypnogramOpt = None,
    leg_channels: LegChannelsOpt = None,
    events: EventsOpt = None,
    aasm: AasmOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Compare our leg movements with a scorer's, event by event (sensitivity, PPV, F1)."""
    from nightlegs.movement.compare import compare
    from nightlegs.movement.scoring import ScoringParams

    agreement = compare(
        recording,
        reference,
        hypnogram=hypnogram,
        leg_channels=leg_channels,
        events=events,
        params=ScoringParams.aasm() if aasm else None,
    )
    if as_json:
        typer.echo(json.dumps(agreement.to_dict()))
    else:
        _print_table(agreement)


def register(app: typer.Typer) -> None:
    """Add ``compare`` to the nightlegs CLI."""
    app.command("compare")(compare_command)
