"""Checks of a person's profile beyond field types: finding ids and pregnancy that fit together.

Each check raises a :class:`pydantic_core.PydanticCustomError` whose message names the field
and what was expected, so that the API answers 422 in its usual form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

from nightlegs.knowledge import FindingCategory, knowledge_index

if TYPE_CHECKING:
    from nightlegs.diary.schemas import ProfileIn

__all__ = [
    "CONDITION_CATEGORIES",
    "MEDICINE_CATEGORIES",
    "birth_year",
    "consistent",
    "finding_ids",
]

#: Finding categories a medicine may name.
MEDICINE_CATEGORIES = frozenset({FindingCategory.MEDICINE})
#: Finding categories a known condition may name (history and lifestyle, e.g. ``smoker``).
CONDITION_CATEGORIES = frozenset({FindingCategory.HISTORY, FindingCategory.LIFESTYLE})
_MAX_PREGNANCY_DAYS = 300
_SHOWN = 8  # finding ids an error message lists


def finding_ids(values: list[str], categories: Collection[FindingCategory]) -> list[str]:
    """``values`` when each is a finding id of one of ``categories``, without repeats.

    Examples
    --------
    >>> finding_ids(["med_statin", "med_statin"], MEDICINE_CATEGORIES)
    ['med_statin']
    >>> finding_ids(["aspirin"], MEDICINE_CATEGORIES)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: unknown finding id 'aspirin': expected \
one of the knowledge base's medicine finding ids (med_...
    """
    findings = knowledge_index().findings
    allowed = sorted(fid for fid, f in findings.items() if f.category in categories)
    kinds = " or ".join(sorted(str(c.value) for c in categories))
    for value in values:
        finding = findings.get(value)
        if finding is None or finding.category not in categories:
            more = len(allowed) - _SHOWN
            shown = ", ".join(allowed[:_SHOWN]) + (f" and {more} more" if more > 0 else "")
            raise PydanticCustomError(
                "unknown_finding",
                "unknown finding id '{id}': expected one of the knowledge base's {kinds} finding "
                "ids ({allowed})",
                {"id": value, "kinds": kinds, "allowed": shown, "all": allowed},
            )
    return list(dict.fromkeys(values))


def birth_year(value: int | None, today: dt.date | None = None) -> int | None:
    """``value`` unless it lies in the future.

    Examples
    --------
    >>> birth_year(1980)
    1980
    >>> birth_year(2031, dt.date(2030, 1, 1))
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: a birth year from 1900 to 2030, got 2031
    """
    year = (today or dt.date.today()).year
    if value is not None and value > year:
        raise PydanticCustomError(
            "birth_year_range",
            "a birth year from 1900 to {year}, got {value}",
            {"year": year, "value": value},
        )
    return value


def _refuse(field: str, message: str) -> None:
    raise PydanticCustomError(
        "inconsistent_profile", "{field}: {message}", {"field": field, "message": message}
    )


def consistent(person: ProfileIn, today: dt.date | None = None) -> None:
    """Refuse a profile whose fields contradict each other (the message names the field).

    Examples
    --------
    >>> from types import SimpleNamespace as P
    >>> fields = dict(birth_year=None, age=None, pregnancy_week=None, due_date=None,
    ...               postpartum_since=None)
    >>> consistent(P(sex="female", pregnant=True, **fields))
    >>> consistent(P(sex="male", pregnant=True, **fields))
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: pregnant: expected false or no value \
when sex is male
    """
    today = today or dt.date.today()
    if person.birth_year is not None and person.age is not None:
        _refuse("age", "give a birth year or an age, not both")
    if person.pregnant and person.sex == "male":
        _refuse("pregnant", "expected false or no value when sex is male")
    if not person.pregnant:
        if person.due_date is not None:
            _refuse("due_date", "a due date needs pregnant: true")
        if person.pregnancy_week is not None:
            _refuse("pregnancy_week", "a week of pregnancy needs pregnant: true")
    elif person.due_date is not None and not (
        today - dt.timedelta(days=31)
        <= person.due_date
        <= today + dt.timedelta(days=_MAX_PREGNANCY_DAYS)
    ):
        _refuse("due_date", f"a date from a month ago to {_MAX_PREGNANCY_DAYS} days from today")
    if person.postpartum_since is not None:
        if person.pregnant:
            _refuse("postpartum_since", "expected no value while pregnant: true")
        if person.sex == "male":
            _refuse("postpartum_since", "expected no value when sex is male")
        if person.postpartum_since > today:
            _refuse("postpartum_since", "the date of the birth, not in the future")
