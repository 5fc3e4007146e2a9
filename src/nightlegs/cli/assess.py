"""``nightlegs assess``: one-shot from a description, or an adaptive interview."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from nightlegs.errors import InputError

if TYPE_CHECKING:
    from nightlegs.assessment.interview import Question

__all__ = ["register"]

_ANSWERS = {
    "y": True,
    "yes": True,
    "yeah": True,
    "yep": True,
    "n": False,
    "no": False,
    "nope": False,
    "?": None,
    "d": None,
    "dk": None,
    "don't know": None,
    "dont know": None,
    "skip": None,
    "": None,
    "unsure": None,
    "not sure": None,
}


def _parse_findings(values: list[str]) -> dict[str, bool]:
    findings: dict[str, bool] = {}
    for value in values:
        fid, sep, answer = value.partition("=")
        flag = _ANSWERS.get(answer.strip().lower()) if sep else True
        if not fid or (sep and answer.strip().lower() not in _ANSWERS) or flag is None:
            raise InputError(f"--finding: expected ID=yes or ID=no, got {value!r}")
        findings[fid.strip()] = flag
    return findings


def _read(prompt: str) -> str | None:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.strip()


def _interview(
    age: float | None, sex: str | None, pregnant: bool | None
) -> tuple[str | None, dict[str, bool | None]]:
    """Run the terminal interview; return the free-text description and the answers."""
    from nightlegs.assessment.interview import next_step
    from nightlegs.assessment.population import make_population
    from nightlegs.intake import extract

    evidence: dict[str, bool | None] = {}
    answers: dict[str, bool | None] = {}
    described = _read("Describe your leg problem in your own words (or press Enter to skip):\n> ")
    if described:
        intake = extract(described)
        evidence.update((f.id, f.present) for f in intake.findings)
        facts = intake.population
        age = age if age is not None else facts.age
        sex = sex if sex is not None else facts.sex
        pregnant = pregnant if pregnant is not None else facts.pregnant
    preset = frozenset(evidence)
    population = make_population(age, sex, pregnant)
    while True:
        step = next_step({**evidence, **answers}, population, preset=preset)
        if step.done or step.question is None:
            return described or None, answers
        question = step.question
        likely, most = step.expected_remaining - 1, step.remaining - 1
        more = f"about {likely} more, at most {most}" if likely > 0 else f"at most {most} more"
        sys.stderr.write(f"\n({question.why}) [{more}]\n")
        given = _ask_choice(question) if question.options else _ask_yes_no(question)
        if given is None:
            return described or None, answers
        answers.update(given)


def _ask_yes_no(question: Question) -> dict[str, bool | None] | None:
    """Ask until the answer is y, n or ?; ``None`` when the person stops."""
    while True:
        answer = _read(f"{question.text} [y/n/?] ")
        if answer is None or answer.lower() in ("q", "quit", "stop"):
            return None
        if answer.lower() in _ANSWERS:
            return {question.id: _ANSWERS[answer.lower()]}
        sys.stderr.write("Please answer y (yes), n (no) or ? (don't know).\n")


def _ask_choice(question: Question) -> dict[str, bool | None] | None:
    """Ask a choice question by number; one evidence item per option."""
    ids = [o.id for o in question.options]
    sys.stderr.write(question.text + "\n")
    for number, option in enumerate(question.options, start=1):
        sys.stderr.write(f"  {number}. {option.text}\n")
    hint = "numbers separated by commas" if question.multiple else "one number"
    while True:
        answer = _read(f"Answer with {hint}, 0 for none of these, ? for don't know: ")
        if answer is None or answer.lower() in ("q", "quit", "stop"):
            return None
        if answer in ("?", "dk", "don't know"):
            return dict.fromkeys(ids, None)
        picked = {p.strip() for p in answer.replace(" ", ",").split(",") if p.strip()}
        if picked == {"0"}:
            return dict.fromkeys(ids, False)
        valid = bool(picked) and all(p.isdigit() and 1 <= int(p) <= len(ids) for p in picked)
        if valid and (question.multiple or len(picked) == 1):
            chosen = {ids[int(p) - 1] for p in picked}
            return {fid: fid in chosen for fid in ids}
        sys.stderr.write(f"Please answer with {hint} between 1 and {len(ids)}, 0 or ?.\n")


def assess_command(
    text: Annotated[str | None, typer.Option("--text", "-t", help="Your description.")] = None,
    age: Annotated[float | None, typer.Option(help="Age in years (0-120).")] = None,
    sex: Annotated[str | None, typer.Option(help="female or male.")] = None,
    pregnant: Annotated[
        bool | None, typer.Option("--pregnant/--not-pregnant", help="Pregnant now?")
    ] = None,
    finding: Annotated[
        list[str] | None, typer.Option(help="Structured answer ID=yes|no (repeatable).")
    ] = None,
    movements_per_hour: Annotated[
        float | None, typer.Option(help="Leg movements per hour from a recording.")
    ] = None,
    irls_total: Annotated[
        int | None, typer.Option(help="IRLS severity total (0-40) from a clinician.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Assess a night-time leg complaint (interview when no --text is given)."""
    from nightlegs.assessment import assess

    findings = _parse_findings(finding or [])
    if text is None and not findings:
        described, answers = _interview(age, sex, pregnant)
        known = {k: v for k, v in answers.items() if v is not None}
        if not known and described is None:
            raise InputError("interview: no answers were given, so there is nothing to assess")
        text, findings = described, known
    result = assess(
        text,
        age=age,
        sex=sex,
        pregnant=pregnant,
        findings=findings or None,
        movements_per_hour=movements_per_hour,
        irls_total=irls_total,
    )
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    from nightlegs.cli._render import render_assessment

    render_assessment(result)


def register(app: typer.Typer) -> None:
    """Add ``assess`` to ``app``."""
    app.command("assess")(assess_command)
