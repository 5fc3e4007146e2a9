"""``nightlegs eval``: measure the assessment on a vignette file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from nightlegs.assessment.evaluation import CaseOutcome

__all__ = ["register"]


def eval_command(
    path: Annotated[
        Path, typer.Argument(help="Vignettes JSON (like shared/vignettes/public.json).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    show_cases: Annotated[bool, typer.Option("--cases", help="List every case.")] = False,
) -> None:
    """Top-1, top-3, triage accuracy, under- and over-triage (with cases) and Brier score.

    Exits 1 when any case was given a lower level than every level its clinician accepted.
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
            "under_triaged": [_case_line(o) for o in report.under_triaged()],
            "over_triaged": [_case_line(o) for o in report.over_triaged()],
            "cases": [_case_line(o) for o in report.outcomes],
        }
        typer.echo(json.dumps(payload, indent=2))
    else:
        s = report.summary()
        summary = Table(title=f"Evaluation on {path.name} ({len(cases)} cases)")
        columns = ("top1", "top3", "triage_accepted", "under_triage", "over_triage")
        for key in (*columns, "brier"):
            summary.add_column(key.replace("_", " "), justify="right")
        cells = []
        for key in columns:
            low, high = s["ci95"].get(key, (None, None)) if key in s["ci95"] else (None, None)
            interval = f"\n[dim]{low:.1%}-{high:.1%}[/dim]" if low is not None else ""
            cells.append(f"{s[key]:.1%}{interval}")
        summary.add_row(*cells, f"{s['brier']:.3f}")
        console.print(summary)
        console.print(
            f"[dim]top-1/top-3 over the {s['cases_with_gold']} cases with a catalogue answer; "
            "95% Wilson intervals under each rate.[/dim]"
        )
        table = Table(title="Per condition")
        for column in ("condition", "cases", "top-1", "top-3"):
            table.add_column(column)
        for condition, (n, top1, top3) in report.per_condition().items():
            table.add_row(condition, str(n), f"{top1}/{n}", f"{top3}/{n}")
        console.print(table)
        for title, group in (
            ("Under-triaged", report.under_triaged()),
            ("Over-triaged", report.over_triaged()),
        ):
            if group:
                console.print(f"[bold]{title} ({len(group)}):[/bold]")
                for o in group:
                    accepted = "/".join(t.value for t in o.triage_acceptable)
                    console.print(f"  {o.id}: gave {o.triage.value}, accepted {accepted}")
        if show_cases:
            for o in report.outcomes:
                mark = "ok " if o.top1 else ("~  " if o.top3 else "MISS")
                console.print(
                    f"{mark} {o.id} gold={o.gold} got={list(o.predicted[:3])} "
                    f"triage={o.triage.value} accepted="
                    f"{'/'.join(t.value for t in o.triage_acceptable)}"
                )
    under = [o.id for o in report.under_triaged()]
    if under:
        Console(stderr=True).print(f"[red]Under-triage in {len(under)} case(s): {', '.join(under)}")
        raise typer.Exit(1)


def _case_line(outcome: CaseOutcome) -> dict[str, object]:
    return {
        "id": outcome.id,
        "gold": outcome.gold,
        "predicted": list(outcome.predicted[:3]),
        "triage": outcome.triage.value,
        "gold_triage": outcome.gold_triage.value,
        "triage_acceptable": [t.value for t in outcome.triage_acceptable],
        "understood": outcome.understood,
    }


def register(app: typer.Typer) -> None:
    """Add ``eval`` to ``app``."""
    app.command("eval")(eval_command)
