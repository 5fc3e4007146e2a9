"""Command-line options shared by the commands that score recordings (analyze, compare).

One definition per option keeps the flag names and help texts of the commands in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

RecordingArg = Annotated[Path, typer.Argument(help="EDF/EDF+/BDF, or accelerometer CSV/.cwa.")]
HypnogramOpt = Annotated[
    Path | None, typer.Option(help="CSV/TSV of 30-s epochs, NSRR XML or EDF+.")
]
LegChannelsOpt = Annotated[str | None, typer.Option(help="Leg channel labels, e.g. LAT,RAT.")]
EventsOpt = Annotated[Path | None, typer.Option(help="Respiratory events and arousals file.")]
AasmOpt = Annotated[bool, typer.Option("--aasm", help="AASM rules instead of WASM 2016.")]
ChildOpt = Annotated[bool, typer.Option("--child", help="Paediatric PLMS cut-off (5/h).")]
