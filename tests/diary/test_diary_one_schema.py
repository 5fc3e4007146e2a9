"""The diary's fields have one list, the pydantic schema: the tables, the writer and the CSV
columns follow it, and a CSV written before the columns were derived still imports unchanged."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import Column, MetaData, String, Table

from nightlegs.diary import Episode, Night, Person, SqlDiaryStore, export_csv, import_csv
from nightlegs.diary._orm import EpisodeRow, NightRow, PersonRow

DATA = Path(__file__).parent.parent / "data" / "diary"
#: Written by ``export_csv`` before the columns were derived from the schema (four nights: every
#: night field, a night without episodes, episodes without a time, cells that start like a formula,
#: a note over two lines).
OLD_CSV = DATA / "nights-before-one-schema.csv"
#: ``export_diary()`` of that file, imported by the same code.
OLD_EXPORT = DATA / "nights-before-one-schema.json"


def test_csv_written_before_imports_and_exports_unchanged(store: SqlDiaryStore) -> None:
    text = OLD_CSV.read_bytes().decode("utf-8")
    assert import_csv(store, text) == 4
    assert store.export_diary().model_dump(mode="json") == json.loads(OLD_EXPORT.read_text())
    assert export_csv(store) == text


#: The ORM columns that are storage alone and the schema fields that no column holds; any other
#: column must be a field of the stored model and every field a column.
STORAGE_ONLY = {
    "nights": set(),
    "episodes": {"night_id", "position"},  # which night, in what order: the list in the schema
    "people": {"profile_saved_at"},
}
SCHEMA_ONLY = {
    "nights": {"episodes"},  # the episodes table
    "episodes": set(),
    "people": {"profile_saved"},  # whether profile_saved_at is set
}


def _allows_none(annotation: Any) -> bool:
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    return union and type(None) in typing.get_args(annotation)


def disagreements(table: Table, model: type[BaseModel]) -> list[str]:
    """How ``table`` and ``model`` differ beyond :data:`STORAGE_ONLY` and :data:`SCHEMA_ONLY`:
    a column without a field, a field without a column, or a different answer to "may it be
    empty" (a nullable column and a field that takes ``None``)."""
    columns = {c.name: c for c in table.columns if c.name not in STORAGE_ONLY[table.name]}
    fields = {n: f for n, f in model.model_fields.items() if n not in SCHEMA_ONLY[table.name]}
    found = [
        f"column {table.name}.{n} has no field in {model.__name__}"
        for n in columns.keys() - fields.keys()
    ]
    found += [
        f"field {model.__name__}.{n} has no column in {table.name}"
        for n in fields.keys() - columns.keys()
    ]
    for name in sorted(columns.keys() & fields.keys()):
        if bool(columns[name].nullable) != _allows_none(fields[name].annotation):
            found.append(
                f"{table.name}.{name}: nullable={columns[name].nullable} but "
                f"{model.__name__}.{name} is {fields[name].annotation}"
            )
    return sorted(found)


@pytest.mark.parametrize(
    ("row", "model"), [(NightRow, Night), (EpisodeRow, Episode), (PersonRow, Person)]
)
def test_tables_and_schemas_agree(row: Any, model: type[BaseModel]) -> None:
    assert disagreements(row.__table__, model) == []


def test_a_column_or_field_on_one_side_only_is_found() -> None:
    night = NightRow.__table__
    extra = Table(
        "nights",
        MetaData(),
        *(Column(c.name, c.type, nullable=c.nullable) for c in night.columns if c.name != "notes"),
        Column("mood", String(16)),
    )
    extra.c.bedtime.nullable = False
    assert disagreements(extra, Night) == [
        "column nights.mood has no field in Night",
        "field Night.notes has no column in nights",
        "nights.bedtime: nullable=False but Night.bedtime is datetime.time | None",
    ]
