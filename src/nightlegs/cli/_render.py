"""Rich terminal rendering of an assessment."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from nightlegs.assessment import Assessment
from nightlegs.assessment.result import split_steps
from nightlegs.assessment.safety import DANGER_SIGNS_INTRO, SAME_DAY_INTRO
from nightlegs.knowledge import load_knowledge_base

__all__ = ["render_assessment"]

#: The panel colours by level (the titles are knowledge-base data, ``triage/levels.yaml``).
_STYLE = {
    "emergency": "bold white on red",
    "urgent": "bold black on yellow",
    "doctor": "bold white on blue",
    "self_care": "bold black on green",
}


def render_assessment(result: Assessment, console: Console | None = None) -> None:
    """Print ``result`` for a person, each thing once: what to do now and why, who to see,
    what to ask, self-care (when allowed), then the causes and the rest."""
    console = console or Console()
    style = _STYLE[result.triage.value]
    title = load_knowledge_base().triage_wording[result.triage].terminal
    steps = split_steps(result.next_steps, result.triage.value)
    lines = [result.headline if not result.understood else steps.now or result.headline]
    lines += [f"- {step}" for step in steps.more]
    if result.triage_reasons:
        lines += ["", "Why:"] + [f"- {reason}" for reason in result.triage_reasons]
    if result.think_of:
        lines.append("- Think of: " + "; ".join(result.think_of))
    console.print(Panel("\n".join(lines), title=title, style=style))
    if not result.understood:
        # Lead with what could not be read and the danger signs, then any causes read.
        for warning in result.warnings:
            console.print(f"[yellow]{warning}[/]")
        _print_danger_signs(result, console)
        if steps.now and steps.now != result.headline:
            console.print(f"[bold]What to do now:[/] {steps.now}")
        _print_who_and_ask(result, steps.ask, console)
        if result.conditions:
            console.print(_causes_table(result))
        console.print(f"[italic]{result.disclaimer}[/]")
        return
    _print_who_and_ask(result, steps.ask, console)
    if result.self_care:
        console.print("[bold]What you can do yourself:[/]")
        for item in result.self_care:
            console.print(f"  - {item.render()}")
    if result.triage.value in ("urgent", "doctor"):
        _print_danger_signs(result, console)
    console.print(_causes_table(result))
    for instrument in result.instruments:
        console.print(f"[bold]{instrument.name}:[/] {instrument.reading}")
    for claim in result.claims:
        console.print(
            f"[bold]About \u201c{claim.article_claim}\u201d[/] ({claim.verdict}): {claim.evidence}"
        )
    for warning in result.warnings:
        console.print(f"[yellow]Note:[/] {warning}")
    if result.triage.value == "self_care":
        console.print(f"[dim]{result.when_to_seek_care}[/]")
    console.print(f"[italic]{result.disclaimer}[/]")


def _print_who_and_ask(result: Assessment, ask: str, console: Console) -> None:
    console.print(f"[bold]Who to see:[/] {result.specialist}")
    if ask:
        console.print(f"[bold]What to ask:[/] {ask}")


def _causes_table(result: Assessment) -> Table:
    table = Table(title="Possible causes (most likely first)", show_lines=True)
    table.add_column("Cause")
    table.add_column("Chance", justify="right")
    table.add_column("For")
    table.add_column("Against")
    for condition in result.conditions[:5]:
        table.add_row(
            condition.name,
            f"{condition.probability:.0%}",
            "\n".join(condition.evidence_for[:4]) or "-",
            "\n".join(condition.evidence_against[:3]) or "-",
        )
    return table


def _print_danger_signs(result: Assessment, console: Console) -> None:
    signs = result.danger_signs
    if not signs.call_emergency_now_if:
        return
    console.print(f"[bold red]{DANGER_SIGNS_INTRO}[/]")
    for sign in signs.call_emergency_now_if:
        console.print(f"  - {sign}")
    console.print(f"[bold]{SAME_DAY_INTRO}[/]")
    for sign in signs.see_a_doctor_today_if:
        console.print(f"  - {sign}")
