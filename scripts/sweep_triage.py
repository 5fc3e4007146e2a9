"""Sweep the triage policy's thresholds over vignette files and print under- and over-triage.

The thresholds in ``nightlegs.assessment.triage`` were chosen with this script on the public
vignettes and the tuning half of the red-team corpus (never the held-out half): the rule is
zero under-triage first, then the least over-triage. ``docs/safety/triage-policy.md`` records
the table and the choice.

Run: ``python scripts/sweep_triage.py VIGNETTES.json [MORE.json ...]``
"""

from __future__ import annotations

import importlib
import itertools
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from nightlegs.assessment.evaluation import evaluate, load_vignettes

policy = importlib.import_module("nightlegs.assessment.triage")

GRID = {
    "SELF_CARE_CONFIDENCE": (0.35, 0.45, 0.6),
    "SELF_CARE_MAX_DANGER": (0.05, 0.10, 0.2),
    "EMERGENCY_DOUBT_PROBABILITY": (0.02, 0.05, 0.10),
    "DANGER_PROBABILITY": (0.1, 0.15, 0.25),
}


def main(paths: list[str]) -> None:
    cases = [case for path in paths for case in load_vignettes(Path(path))]
    chosen = {name: getattr(policy, name) for name in GRID}
    table = Table(title=f"Triage thresholds on {len(cases)} cases ({', '.join(paths)})")
    for name in (*GRID, "under", "over"):
        table.add_column(name.lower().replace("_", " "), justify="right")
    rows = []
    combos = list(itertools.product(*GRID.values()))
    for values in track(combos, description="Sweeping thresholds"):
        for name, value in zip(GRID, values, strict=True):
            setattr(policy, name, value)
        report = evaluate(cases)
        rows.append((values, len(report.under_triaged()), len(report.over_triaged())))
    for name, value in chosen.items():
        setattr(policy, name, value)
    for values, under, over in sorted(rows, key=lambda r: (r[1], r[2])):
        mark = " (chosen)" if values == tuple(chosen.values()) else ""
        table.add_row(*(f"{v:g}" for v in values), str(under), f"{over}{mark}")
    Console().print(table)


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/data/redteam/tuning.json"])
