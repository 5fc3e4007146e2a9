"""``nightlegs kb``: check and inspect the knowledge base."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["register"]

kb_app = typer.Typer(help="Check and inspect the knowledge base.", no_args_is_help=True)


@kb_app.command("check")
def check_command() -> None:
    """Validate the whole knowledge base: schema, references, sources, catalogue ids, conflicts
    in the tables and lexicons, and that the version still names the content."""
    from nightlegs.knowledge import (
        check_files,
        check_foreign_lexicons,
        check_knowledge_base,
        check_version,
        load_knowledge_base,
    )

    kb = load_knowledge_base()
    problems = check_knowledge_base(kb) + check_foreign_lexicons() + check_files() + check_version()
    for problem in problems:
        typer.echo(f"problem: {problem}", err=True)
    typer.echo(
        f"knowledge base {kb.version}: {len(kb.conditions)} conditions, {len(kb.findings)} "
        f"findings, {len(kb.red_flags)} red-flag rules, {len(kb.self_care)} self-care advice, "
        f"{len(kb.claims)} article claims, {len(kb.article)} article statements: "
        + ("OK" if not problems else f"{len(problems)} problem(s)")
    )
    if problems:
        raise typer.Exit(1)


@kb_app.command("format")
def format_command() -> None:
    """Rewrite the knowledge-base files in canonical form (content unchanged)."""
    from nightlegs.knowledge import format_files

    changed = format_files()
    typer.echo(
        f"{len(changed)} file(s) reformatted" + (": " + ", ".join(changed) if changed else "")
    )


@kb_app.command("stamp")
def stamp_command(
    version: Annotated[str, typer.Argument(help="The new version, for example 2026.11.10.")],
) -> None:
    """Give the reviewed knowledge base a new version (and record its content digest)."""
    from nightlegs.knowledge import stamp_version

    digest = stamp_version(version)
    typer.echo(f"knowledge base {version}: content digest {digest}")


@kb_app.command("show")
def show_command(
    record_id: Annotated[str, typer.Argument(help="A condition, finding or claim id.")],
) -> None:
    """Print one record as JSON."""
    from pydantic import BaseModel

    from nightlegs.errors import InputError
    from nightlegs.knowledge import load_knowledge_base

    kb = load_knowledge_base()
    records: dict[str, BaseModel] = {}
    for group in (kb.conditions, kb.findings, kb.claims, kb.red_flags, kb.self_care):
        records.update({r.id: r for r in group})
    if record_id in records:
        typer.echo(records[record_id].model_dump_json(indent=2))
        return
    raise InputError(f"kb show: no record with id {record_id!r}")


@kb_app.command("findings")
def findings_command(
    search: Annotated[
        str | None,
        typer.Argument(help="Show only findings whose id or label contains these words."),
    ] = None,
) -> None:
    """List the finding ids that ``assess --finding ID=yes`` and the API accept."""
    from rich.console import Console
    from rich.table import Table

    from nightlegs.knowledge import load_knowledge_base

    words = (search or "").lower().split()
    shown = [
        finding
        for finding in load_knowledge_base().findings
        if all(word in f"{finding.id} {finding.label}".lower() for word in words)
    ]
    if not shown:
        typer.echo(f"no finding matches {search!r}; run 'nightlegs kb findings' for all")
        raise typer.Exit(1)
    table = Table("id", "category", "danger sign", "what it means", box=None)
    for finding in shown:
        table.add_row(
            finding.id, finding.category.value, "yes" if finding.red_flag else "", finding.label
        )
    Console(soft_wrap=True).print(table)
    typer.echo(f"{len(shown)} finding(s)")


def register(app: typer.Typer) -> None:
    """Add the ``kb`` group to ``app``."""
    app.add_typer(kb_app, name="kb")
