"""The diary's nights as CSV: one row per episode, lossless both ways.

Layout
------
Columns, always in this order: :data:`NIGHT_COLUMNS` then :data:`EPISODE_COLUMNS`, which are the
fields of :class:`~nightlegs.diary.schemas.NightIn` and :class:`~nightlegs.diary.schemas.EpisodeIn`
in the schema's order (an episode's ``time`` is the column ``episode_time``). ``night``
numbers the nights of the file (1, 2, ...): every row of one night carries the same number and the
night's fields; a night without episodes is one row with the episode columns empty. Dates and
times are ISO 8601 (``2024-05-01``, ``23:30:00``), numbers are written so that they read back
exactly, an empty cell is "no value", and lines end with CRLF (RFC 4180).

Text cells (``notes``, ``body_site``, ``helped``) that a spreadsheet would run as a formula
(they start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, or a full-width ``＝``,
``＋``, ``－`` or ``＠``) are written with a ``'`` in front, the OWASP rule for CSV injection; so
are text cells that already start with ``'``. Import takes exactly one leading ``'`` off a text
cell, so a round trip gives back the text as it was (:func:`neutralise`, :func:`restore`).

On import, ``night`` only groups rows (a blank ``night`` makes each row a night of its own), later
rows of a night may leave its fields blank, ``date`` is the one column a file must have, and the
columns may come in any order. The profile is not part of the CSV; the JSON export
(:meth:`~nightlegs.diary.store.DiaryStore.export_diary`) carries it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from nightlegs.diary._convert import storable_night
from nightlegs.diary.schemas import (
    EPISODE_FIELDS,
    NIGHT_FIELDS,
    DiaryExport,
    EpisodeIn,
    NightIn,
    ProfileIn,
)
from nightlegs.diary.store import DiaryStore
from nightlegs.errors import InputError

__all__ = [
    "CSV_COLUMNS",
    "EPISODE_COLUMNS",
    "NIGHT_COLUMNS",
    "TEXT_COLUMNS",
    "export_csv",
    "import_csv",
    "neutralise",
    "restore",
]

# The episode fields whose column has another name (a night's fields keep theirs).
_RENAMED_EPISODE_FIELDS = {"time": "episode_time"}
# CSV column -> field of NightIn / EpisodeIn, in the schema's order.
_NIGHT_FIELD = {name: name for name in NIGHT_FIELDS}
_EPISODE_FIELD = {_RENAMED_EPISODE_FIELDS.get(name, name): name for name in EPISODE_FIELDS}
_COLUMN_OF_EPISODE_FIELD = {v: k for k, v in _EPISODE_FIELD.items()}

#: The night number, then a night's fields: ``night, date, bedtime, ..., notes``.
NIGHT_COLUMNS = ("night", *_NIGHT_FIELD)
#: An episode's fields: ``episode_time, side, body_site, kind, intensity, helped``.
EPISODE_COLUMNS = tuple(_EPISODE_FIELD)
CSV_COLUMNS = NIGHT_COLUMNS + EPISODE_COLUMNS

#: Free-text columns (the fields typed ``str``): the ones a formula could hide in, and the only
#: ones neutralised: ``notes``, ``body_site`` and ``helped``.
TEXT_COLUMNS = frozenset(
    column
    for model, fields in ((NightIn, _NIGHT_FIELD), (EpisodeIn, _EPISODE_FIELD))
    for column, name in fields.items()
    if model.model_fields[name].annotation in (str, str | None)
)
# OWASP's formula triggers, their full-width forms (some spreadsheets read those too), and the
# quote itself, so that restoring is exact.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "'")


def neutralise(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula.

    Examples
    --------
    >>> neutralise("=HYPERLINK(A1)"), neutralise("@SUM(A1)"), neutralise("calf")
    ("'=HYPERLINK(A1)", "'@SUM(A1)", 'calf')
    >>> neutralise("'quoted")
    "''quoted"
    """
    return "'" + text if text.startswith(_TRIGGERS) else text


def restore(cell: str) -> str:
    """The text :func:`neutralise` was given: one leading ``'`` taken off.

    Examples
    --------
    >>> all(restore(neutralise(t)) == t for t in ("=1+1", "+cmd|' /C calc'!A0", "'x", "calf"))
    True
    """
    return cell[1:] if cell.startswith("'") else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    # repr() of a float is the shortest text that reads back to the same float.
    return repr(value) if isinstance(value, float) else str(value)


def _text_cell(column: str, value: Any) -> str:
    cell = _cell(value)
    return neutralise(cell) if column in TEXT_COLUMNS else cell


def export_csv(store: DiaryStore, *, person: int | None = None) -> str:
    """Every night of a person (the default person when ``None``) as CSV text (see the module
    notes for the layout).

    Examples
    --------
    >>> import datetime as dt
    >>> from nightlegs.diary import EpisodeIn, NightIn, open_store
    >>> with open_store("sqlite://") as store:
    ...     _ = store.create_night(NightIn(date=dt.date(2024, 5, 1), episodes=[
    ...         EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=7)]))
    ...     for line in export_csv(store).splitlines():
    ...         print(line)
    night,date,bedtime,wake_time,sleep_quality,movements_per_hour,movements_source,\
recording_id,notes,episode_time,side,body_site,kind,intensity,helped
    1,2024-05-01,,,,,,,,,left,calf,cramp,7,
    """
    out = io.StringIO(newline="")
    # RFC 4180 line ends: the writer then quotes any cell holding "\r" or "\n" (with a bare "\n"
    # terminator a lone "\r" in a note would go out unquoted and split the row on reading).
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for number, night in enumerate(store.export_diary(person=person).nights, start=1):
        night_cells = [str(number)] + [
            _text_cell(c, getattr(night, f)) for c, f in _NIGHT_FIELD.items()
        ]
        if not night.episodes:
            writer.writerow(night_cells + [""] * len(EPISODE_COLUMNS))
        for episode in night.episodes:
            writer.writerow(
                night_cells
                + [_text_cell(c, getattr(episode, f)) for c, f in _EPISODE_FIELD.items()]
            )
    return out.getvalue()


@dataclass
class _NightRows:
    """The rows of one night while reading: its fields and the lines they came from."""

    line: int
    fields: dict[str, str]
    field_lines: dict[str, int]
    episodes: list[dict[str, str]] = field(default_factory=list)
    episode_lines: list[int] = field(default_factory=list)


def _header(row: list[str]) -> list[str]:
    names = [name.strip().lower() for name in row]
    unknown = [n for n in names if n not in CSV_COLUMNS]
    if unknown:
        raise InputError(
            f"line 1: unknown column {unknown[0]!r}; expected columns: {', '.join(CSV_COLUMNS)}"
        )
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise InputError(f"line 1: column {duplicated[0]!r} appears more than once")
    if "date" not in names:
        raise InputError(
            f"line 1: the column 'date' is missing; expected columns: {', '.join(CSV_COLUMNS)}"
        )
    return names


def _read_rows(text: str) -> list[_NightRows]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        first = next(reader, None)
        if first is None:
            raise InputError("line 1: the CSV is empty; expected a header row")
        names = _header(first)
        nights: list[_NightRows] = []
        by_key: dict[str, _NightRows] = {}
        line = reader.line_num + 1
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                raise InputError(
                    f"line {start}: expected {len(names)} cells like the header, got {len(row)}"
                )
            cells = {n: c for n, c in zip(names, row, strict=True) if c != ""}
            _add_row(cells, start, nights, by_key)
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: not valid CSV: {exc}") from None
    return nights


def _add_row(
    cells: dict[str, str], line: int, nights: list[_NightRows], by_key: dict[str, _NightRows]
) -> None:
    key = cells.get("night", "").strip()
    night_cells = {c: v for c, v in cells.items() if c in _NIGHT_FIELD}
    current = by_key.get(key) if key else None
    if current is None:
        current = _NightRows(line, night_cells, dict.fromkeys(night_cells, line))
        nights.append(current)
        if key:
            by_key[key] = current
    else:
        for column, value in night_cells.items():
            if column not in current.fields:
                current.fields[column], current.field_lines[column] = value, line
            elif current.fields[column] != value:
                raise InputError(
                    f"line {line}, column {column!r}: expected the same value as line "
                    f"{current.field_lines[column]} for night {key!r} "
                    f"({current.fields[column]!r}), got {value!r}"
                )
    episode = {c: v for c, v in cells.items() if c in _EPISODE_FIELD}
    if episode:
        current.episodes.append(episode)
        current.episode_lines.append(line)


def _value(column: str, cell: str) -> str:
    return restore(cell) if column in TEXT_COLUMNS else cell


def _night_in(rows: _NightRows) -> NightIn:
    data: dict[str, Any] = {_NIGHT_FIELD[c]: _value(c, v) for c, v in rows.fields.items()}
    data["episodes"] = [
        {_EPISODE_FIELD[c]: _value(c, v) for c, v in e.items()} for e in rows.episodes
    ]
    try:
        night = NightIn.model_validate(data)
    except ValidationError as exc:
        raise InputError(_describe(exc, rows)) from None
    return storable_night(night, where=f"line {rows.line}: night")


def _describe(exc: ValidationError, rows: _NightRows) -> str:
    """The first problem as ``line N, column 'c': what was expected (got ...)``."""
    error = exc.errors(include_url=False)[0]
    loc = error["loc"]
    index = loc[1] if len(loc) >= 3 and loc[0] == "episodes" else None
    episode = isinstance(index, int)
    if isinstance(index, int):
        line = rows.episode_lines[index]
        column = _COLUMN_OF_EPISODE_FIELD.get(str(loc[2]), str(loc[2]))
        given = rows.episodes[index].get(column)
    else:
        column = str(loc[0]) if loc else "?"
        line = rows.field_lines.get(column, rows.line)
        given = rows.fields.get(column)
    if error["type"] == "missing":
        what = "since the row has an episode" if episode else "for the night"
        return f"line {line}, column {column!r}: expected a value {what}, the cell is empty"
    return f"line {line}, column {column!r}: {error['msg']} (got {given!r})"


def import_csv(
    store: DiaryStore,
    text: str,
    *,
    person: int | None = None,
    replace: bool = False,
    max_rows: int | None = None,
) -> int:
    """Add the nights in CSV ``text`` to a person of ``store``; return how many were added.

    All or nothing: the file is checked completely, then stored as
    :meth:`~nightlegs.diary.store.DiaryStore.import_diary` stores any import.

    Parameters
    ----------
    store : DiaryStore
    text : str
        CSV as written by :func:`export_csv` (or by hand: see the module notes).
    person : int, optional
        Whose nights these are (the default person when ``None``).
    replace : bool
        Delete the person's nights first (the profile, which CSV does not carry, is kept).
    max_rows : int, optional
        The most nights plus episodes taken at once.

    Raises
    ------
    InputError
        Naming the line, the column and what was expected.
    TooLargeError
        The file holds more than ``max_rows`` rows (checked before anything is stored).

    Examples
    --------
    >>> from nightlegs.diary import open_store
    >>> head = "date,kind,side,body_site,intensity\\n"
    >>> with open_store("sqlite://") as store:
    ...     import_csv(store, head + "2024-05-01,cramp,left,calf,7\\n")
    1
    >>> with open_store("sqlite://") as store:
    ...     import_csv(store, head + "2024-05-01,cramp,left,calf,11\\n")
    Traceback (most recent call last):
    ...
    nightlegs.errors.InputError: line 2, column 'intensity': Input should be less than or equal \
to 10 (got '11')
    """
    nights = [_night_in(rows) for rows in _read_rows(text)]
    profile = store.get_profile(person=person) if replace else None
    kept = None if profile is None else ProfileIn(**profile.model_dump(exclude={"updated_at"}))
    data = DiaryExport(profile=kept, nights=nights)
    return store.import_diary(data, person=person, replace=replace, max_rows=max_rows)
