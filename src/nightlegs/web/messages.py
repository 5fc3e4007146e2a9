"""Input errors in plain words, for the field they belong to: the one mapping the web uses.

API validation errors (pydantic's ``type``/``loc``/``ctx``) and the library's
:class:`~nightlegs.errors.InputError` messages (``"field: what was expected"``) both become
``(field, message)``, e.g. ``("sleep_quality", "Sleep quality must be between 0 and 10")``.
The bounds of a range come from the models' own constraints, so a message cannot disagree with
the check. Messages never repeat what was typed (it may be health data, or not printable).

Examples
--------
>>> plain_message({"type": "less_than_equal", "loc": ("body", "sleep_quality"), "ctx": {"le": 10}})
'Sleep quality must be between 0 and 10'
>>> plain_input_error("pregnant: a pregnancy was given together with sex 'male'")
('pregnant', "Pregnant cannot be 'yes' when the sex is 'male': change one of the two")
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel

__all__ = ["FIELD_LABELS", "field_of", "label", "plain_input_error", "plain_message"]

#: How a field is named to the person filling in the form.
FIELD_LABELS: dict[str, str] = {
    "age": "Age",
    "sex": "Sex",
    "pregnant": "Pregnant",
    "text": "The description",
    "findings": "The answers",
    "name": "Name or nickname",
    "birth_year": "Birth year",
    "pregnancy_week": "Week of pregnancy",
    "date": "Date of the night",
    "bedtime": "Bedtime",
    "wake_time": "Wake time",
    "sleep_quality": "Sleep quality",
    "movements_per_hour": "Leg movements per hour",
    "notes": "Notes",
    "episodes": "Episodes",
    "time": "Time",
    "side": "Side",
    "body_site": "Where in the leg",
    "kind": "What it was",
    "intensity": "Intensity",
    "helped": "What helped",
    "irls_total": "IRLS total",
    "person": "Person",
}

#: Library messages that read better said another way, by field and a pattern of the message.
_REWORDED: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "pregnant",
        re.compile(r"together with sex 'male'"),
        "Pregnant cannot be 'yes' when the sex is 'male': change one of the two",
    ),
    (
        "pregnant",
        re.compile(r"for age"),
        "Pregnant cannot be 'yes' for a child under 10: check the age",
    ),
    (
        "age",
        re.compile(r"0 to 120|must be a number"),
        "Age must be a number of years from 0 to 120",
    ),
    ("text", re.compile(r"give a description"), "Please describe what happens to your legs"),
)
_FIELD_PREFIX = re.compile(r"^([a-z_]+)(?:\.[^:]*)?: (.+)$", re.DOTALL)


def label(field: str) -> str:
    """The field's name in plain words.

    Examples
    --------
    >>> label("sleep_quality"), label("some_new_field")
    ('Sleep quality', 'Some new field')
    """
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def field_of(loc: tuple[Any, ...] | list[Any]) -> str | None:
    """The field an error is about: the last name in ``loc`` (``None`` for the whole body).

    Examples
    --------
    >>> field_of(("body", "episodes", 0, "intensity")), field_of(("body",))
    ('intensity', None)
    """
    names = [p for p in loc if isinstance(p, str) and p not in ("body", "query", "path")]
    return names[-1] if names else None


@functools.cache
def _bounds() -> dict[str, tuple[float | None, float | None]]:
    """``field -> (lowest, highest)`` from the constraints of the input models."""
    from nightlegs.diary import schemas
    from nightlegs.web.api import models

    found: dict[str, tuple[float | None, float | None]] = {}
    for module in (schemas, models):
        for obj in vars(module).values():
            if not (isinstance(obj, type) and issubclass(obj, BaseModel)):
                continue
            for name, info in obj.model_fields.items():
                low = high = None
                for m in info.metadata:
                    if isinstance(m, Ge | Gt):
                        low = m.ge if isinstance(m, Ge) else m.gt
                    elif isinstance(m, Le | Lt):
                        high = m.le if isinstance(m, Le) else m.lt
                if low is not None or high is not None:
                    found.setdefault(name, (low, high))  # type: ignore[arg-type]
    return found


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _range(field: str, ctx: Mapping[str, Any]) -> str:
    low, high = _bounds().get(field, (None, None))
    low = ctx.get("ge", ctx.get("gt", low))
    high = ctx.get("le", ctx.get("lt", high))
    if low is not None and high is not None:
        return f"must be between {_number(low)} and {_number(high)}"
    if low is not None:
        return f"must be at least {_number(low)}"
    return f"must be at most {_number(high)}"


_SIMPLE = {
    "missing": "is needed",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "int_type": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "finite_number": "must be a number",
    "bool_parsing": "must be yes or no",
    "bool_type": "must be yes or no",
    "date_parsing": "must be a date (year-month-day)",
    "date_from_datetime_parsing": "must be a date (year-month-day)",
    "date_type": "must be a date (year-month-day)",
    "time_parsing": "must be a time of day (hours:minutes)",
    "time_type": "must be a time of day (hours:minutes)",
    "string_type": "must be text",
    "extra_forbidden": "is not a field of this form",
    "dict_type": "must be a list of answers",
    "list_type": "must be a list",
}


def plain_message(error: Mapping[str, Any]) -> str:
    """One validation error (pydantic's dict, with ``ctx``) in plain words.

    Examples
    --------
    >>> plain_message({"type": "int_parsing", "loc": ("body", "birth_year")})
    'Birth year must be a whole number'
    >>> plain_message({"type": "string_too_long", "loc": ("body", "notes"),
    ...     "ctx": {"max_length": 2000}})
    'Notes must be at most 2000 characters'
    >>> plain_message({"type": "value_error", "loc": ("body",),
    ...     "msg": "Value error, the wake time is before the bedtime"})
    'The wake time is before the bedtime'
    """
    kind = str(error.get("type", ""))
    field = field_of(tuple(error.get("loc", ())))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    name = label(field) if field else "The form"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return f"{name} {_range(field or '', ctx)}"
    if kind in _SIMPLE:
        return f"{name} {_SIMPLE[kind]}"
    if kind == "string_too_long":
        return f"{name} must be at most {ctx.get('max_length', 'the allowed number of')} characters"
    if kind == "string_too_short":
        return f"{name} cannot be empty"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        return f"{name} must be one of: {expected}" if expected else f"{name} is not a choice"
    message = str(error.get("msg", "")).removeprefix("Value error, ").strip()
    if message:
        message = message[0].upper() + message[1:]
        return message if field is None else f"{name}: {message}"
    return f"{name} is not valid"


def plain_input_error(message: str) -> tuple[str | None, str]:
    """An :class:`~nightlegs.errors.InputError` message as ``(field, plain words)``.

    The library writes ``"field: what was expected"``; a message without a field prefix
    belongs to the whole form (``None``).

    Examples
    --------
    >>> plain_input_error("findings must be a JSON object of finding id to true/false")
    (None, 'Findings must be a JSON object of finding id to true/false')
    >>> plain_input_error("age: expected a number of years from 0 to 120, got 130")
    ('age', 'Age must be a number of years from 0 to 120')
    """
    match = _FIELD_PREFIX.match(message)
    if match is None or match.group(1) not in FIELD_LABELS:
        text = message.strip()
        return None, (text[:1].upper() + text[1:]) if text else "The form is not valid"
    field, rest = match.group(1), match.group(2).strip()
    for name, pattern, plain in _REWORDED:
        if name == field and pattern.search(rest):
            return field, plain
    rest = re.sub(r",? got .*$", "", rest, flags=re.DOTALL)  # never echo what was typed
    return field, f"{label(field)}: {rest}"
