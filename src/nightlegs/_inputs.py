"""What every request model accepts: finite numbers, storable text, plausible dates.

One base model, :class:`StrictIn`, for everything a person or a client sends (the diary's
``*In`` models, the API's request bodies, imports): unknown fields are refused, numbers must be
finite, and text must be storable as UTF-8 in SQLite and PostgreSQL: no NUL character (which
PostgreSQL refuses) and no lone surrogate such as JSON's ``"\\ud800"`` (pydantic refuses those in
plain strings already; this check also covers dictionary keys). A refused value becomes a 422
naming the field, never a 500 with the value in a traceback.

Dates of nights are kept between :data:`EARLIEST_DATE` and tomorrow (:func:`latest_date`): a
diary is written the morning after, and "tomorrow" leaves room for a person whose day starts
before the server's. A date outside that range is a typo ("2204") that would otherwise stretch
every chart and report across centuries.

Examples
--------
>>> class Note(StrictIn):
...     text: str
>>> Note(text="fine").text
'fine'
>>> Note(text="bad \\x00")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Note
text
  Text cannot be stored: it holds a NUL character [type=unencodable_text, ...]
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

__all__ = [
    "EARLIEST_DATE",
    "NightDate",
    "StrictIn",
    "latest_date",
    "plausible_date",
    "text_problem",
]

#: The earliest date a diary night may have.
EARLIEST_DATE = dt.date(1900, 1, 1)


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest date a diary night may have: tomorrow.

    Examples
    --------
    >>> latest_date(dt.date(2025, 12, 31))
    datetime.date(2026, 1, 1)
    """
    return (today or dt.date.today()) + dt.timedelta(days=1)


def plausible_date(value: dt.date) -> dt.date:
    """``value`` when it lies from :data:`EARLIEST_DATE` to :func:`latest_date`, else an error.

    Examples
    --------
    >>> plausible_date(dt.date(2025, 3, 1))
    datetime.date(2025, 3, 1)
    >>> plausible_date(dt.date(9999, 12, 31))
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: a night's date must be from 1900-01-01 \
to tomorrow ...
    """
    latest = latest_date()
    if not EARLIEST_DATE <= value <= latest:
        raise PydanticCustomError(
            "date_out_of_range",
            "a night's date must be from {earliest} to tomorrow ({latest})",
            {"earliest": EARLIEST_DATE.isoformat(), "latest": latest.isoformat()},
        )
    return value


#: The date of a diary night, kept to a plausible range.
NightDate = Annotated[dt.date, AfterValidator(plausible_date)]


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or ``None`` when it can.

    Examples
    --------
    >>> text_problem("calf"), text_problem("a\\x00b")
    (None, 'it holds a NUL character')
    """
    if "\x00" in value:
        return "it holds a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "it holds a lone surrogate (an unpaired \\ud800-\\udfff escape)"
    return None


def _check_text(value: Any) -> None:
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            raise PydanticCustomError(
                "unencodable_text", "Text cannot be stored: {problem}", {"problem": problem}
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check_text(item)


class StrictIn(BaseModel):
    """Base of every request model (see the module notes)."""

    # NaN and infinity are refused by name (not as "less than or equal to 120").
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        # Nested models check their own fields; this walks strings, lists and dict keys.
        _check_text(value)
        return value
