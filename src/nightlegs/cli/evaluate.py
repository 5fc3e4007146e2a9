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


def eval_interview_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="Simulated patients JSON: a person, their story and an answer per finding."
        ),
    ],
    mode: Annotated[
        str,
        typer.Option(
            help="questions (questions only), text (first sentence, then questions) or both."
        ),
    ] = "both",
    dont_know_as_no: Annotated[
        bool, typer.Option("--dont-know-as-no", help="Read every 'don't know' as 'no'.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
) -> None:
    """Play the interview with simulated patients and measure it.

    Reports questions asked, top-1, top-3, under- and over-triage (with 95% intervals), the
    question at which the final triage was reached, and emergencies reached more than three
    questions after the first danger answer. Exits 1 on any under-triage.
    """
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.table import Table

    from nightlegs.assessment.interview_eval import (
        InterviewReport,
        Mode,
        evaluate_interviews,
        load_patients,
    )
    from nightlegs.errors import InputError

    modes: dict[str, list[Mode]] = {
        "questions": ["questions"],
        "text": ["text"],
        "both": ["questions", "text"],
    }
    if mode not in modes:
        raise InputError(f"--mode: expected questions, text or both, got {mode!r}")
    patients = load_patients(path)
    reports: dict[str, InterviewReport] = {}
    with Progress(console=Console(stderr=True), transient=True) as bar:
        for played in modes[mode]:
            task = bar.add_task(f"Interviewing ({played})", total=len(patients))

            def advance(done: int, task: TaskID = task) -> None:
                bar.update(task, completed=done)

            reports[played] = evaluate_interviews(
                patients, mode=played, dont_know_as_no=dont_know_as_no, progress=advance
            )
    under = sorted({r.id for report in reports.values() for r in report.under_triaged()})
    if as_json:
        payload = {
            name: {
                "summary": report.summary(),
                "under_triaged": [r.id for r in report.under_triaged()],
                "over_triaged": [r.id for r in report.over_triaged()],
                "late_emergencies": [r.id for r in report.late_emergencies()],
            }
            for name, report in reports.items()
        }
        typer.echo(json.dumps(payload, indent=2))
    else:
        console = Console()
        table = Table(title=f"Interview on {path.name} ({len(patients)} simulated patients)")
        columns = ("mode", "questions", "top-1", "top-3", "under", "over", "settled at", "late")
        for column in columns:
            table.add_column(column, justify="right")
        for name, report in reports.items():
            s = report.summary()
            low, high = s["ci95"]["under_triage"]
            table.add_row(
                name,
                f"{s['questions_median']:g} ({s['questions_max']})",
                f"{s['top1']:.0%}",
                f"{s['top3']:.0%}",
                f"{s['under_triage_count']} [dim]({low:.0%}-{high:.0%})[/dim]",
                str(s["over_triage_count"]),
                f"{s['final_triage_at_median']:g}",
                str(s["late_emergencies"]),
            )
        console.print(table)
        console.print(
            "[dim]questions: median (max); under: count (95% interval); settled at: median "
            "question after which the final triage held; late: emergencies reached more than "
            "3 questions after the first danger answer.[/dim]"
        )
        for name, report in reports.items():
            for run in report.under_triaged():
                accepted = "/".join(t.value for t in run.triage_acceptable)
                console.print(f"  [{name}] {run.id}: gave {run.triage.value}, accepted {accepted}")
    if under:
        Console(stderr=True).print(
            f"[red]Under-triage in {len(under)} patient(s): {', '.join(under)}"
        )
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``eval`` and ``eval-interview`` to ``app``."""
    app.command("eval")(eval_command)
    app.command("eval-interview")(eval_interview_command)
