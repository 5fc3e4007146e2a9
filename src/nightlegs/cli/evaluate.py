"""``nightlegs eval``: measure the assessment on a vignette file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]


def eval_command(
    path: Annotated[
        Path, typer.Argument(help="Vignettes JSON (like shared/vignettes/public.json).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    show_cases: Annotated[bool, typer.Option("--cases", help="List every case.")] = False,
) -> None:
    """Top-1, top-3, triage accuracy, under- and over-triage and Brier score.

    Exits 1 when any case with gold triage emergency or urgent was given a lower level.
    """
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from nightlegs.assessment.evaluation import evaluate, load_vignettes

    cases = load_vignettes(path)
    console = Console(stderr=as_json)
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Assessing cases", total=len(cases))
        report = evaluate(cases, progress=lambda n: bar.update(task, completed=n))
    if as_json:
        payload = {
            "summary": report.summary(),
            "per_condition": {
                k: dict(zip(("cases", "top1", "top3"), v, strict=True))
                for k, v in report.per_condition().items()
            },
            "cases": [
                {
                    "id": o.id,
                    "gold": o.gold,
                    "predicted": list(o.predicted[:3]),
                    "triage": o.triage.value,
                    "gold_triage": o.gold_triage.value,
                }
                for o in report.outcomes
            ],
        }
        typer.echo(json.dumps(payload, indent=2))
    else:
        summary = Table(title=f"Evaluation on {path.name} ({len(cases)} cases)")
        for key in ("top1", "top3", "triage_exact", "under_triage", "over_triage", "brier"):
            summary.add_column(key.replace("_", " "), justify="right")
        s = report.summary()
        summary.add_row(
            *(
                f"{s[k]:.1%}" if k != "brier" else f"{s[k]:.3f}"
                for k in ("top1", "top3", "triage_exact", "under_triage", "over_triage", "brier")
            )
        )
        console.print(summary)
        table = Table(title="Per condition")
        for column in ("condition", "cases", "top-1", "top-3"):
            table.add_column(column)
        for condition, (n, top1, top3) in report.per_condition().items():
            table.add_row(condition, str(n), f"{top1}/{n}", f"{top3}/{n}")
        console.print(table)
        if show_cases:
            for o in report.outcomes:
                mark = "ok " if o.top1 else ("~  " if o.top3 else "MISS")
                console.print(
                    f"{mark} {o.id} gold={o.gold} got={list(o.predicted[:3])} "
                    f"triage={o.triage.value} gold_triage={o.gold_triage.value}"
                )
    under = [o.id for o in report.outcomes if o.under_triaged]
    if under:
        Console(stderr=True).print(f"[red]Under-triage in {len(under)} case(s): {', '.join(under)}")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``eval`` to ``app``."""
    app.command("eval")(eval_command)
