"""The person being assessed: age, sex, pregnancy, and checks on those values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from nightlegs.errors import InputError
from nightlegs.knowledge import AgeBand

__all__ = ["Population", "Sex", "make_population", "with_answers"]

Sex = Literal["female", "male"]


@dataclass(frozen=True)
class Population:
    """Who has the symptoms. ``None`` means unknown."""

    age: float | None = None
    sex: Sex | None = None
    pregnant: bool | None = None
    postpartum: bool = False
    child_reported: bool = False
    #: The text speaks of a grandparent or a care-home resident: older, age unknown.
    older_reported: bool = False

    @property
    def age_band(self) -> AgeBand | None:
        """The knowledge base's age band, or ``None`` when the age is unknown."""
        if self.age is None:
            if self.child_reported:
                return AgeBand.CHILD
            return AgeBand.OLDER if self.older_reported else None
        if self.age < 13:
            return AgeBand.CHILD
        if self.age < 18:
            return AgeBand.ADOLESCENT
        if self.age < 65:
            return AgeBand.ADULT
        return AgeBand.OLDER

    @property
    def groups(self) -> frozenset[str]:
        """Population groups used by red-flag rules ("child", "pregnant", ...)."""
        names = {self.age_band.value} if self.age_band else set()
        if self.pregnant:
            names.add("pregnant")
        if self.postpartum:
            names.add("postpartum")
        return frozenset(names)


def make_population(
    age: float | None = None,
    sex: str | None = None,
    pregnant: bool | None = None,
    *,
    postpartum: bool = False,
    child_reported: bool = False,
    older_reported: bool = False,
) -> Population:
    """Check and build a :class:`Population`.

    Raises
    ------
    InputError
        When ``age`` is outside 0-120, ``sex`` is not "female" or "male", or a pregnancy is
        given for a male or a child under 10.

    Examples
    --------
    >>> make_population(34, "female", True).age_band.value
    'adult'
    """
    if age is not None:
        if isinstance(age, bool) or not isinstance(age, int | float) or age != age:
            raise InputError(f"age: expected a number of years from 0 to 120, got {age!r}")
        if not 0 <= age <= 120:
            raise InputError(f"age: expected a number of years from 0 to 120, got {age!r}")
    if sex is not None and sex not in ("female", "male"):
        raise InputError(f"sex: expected 'female' or 'male', got {sex!r}")
    if pregnant and sex == "male":
        raise InputError("pregnant: a pregnancy was given together with sex 'male'")
    if pregnant and age is not None and age < 10:
        raise InputError(f"pregnant: a pregnancy was given for age {age:g}")
    resolved_sex: Sex | None = "female" if pregnant else sex  # type: ignore[assignment]
    return Population(
        age=float(age) if age is not None else None,
        sex=resolved_sex,
        pregnant=pregnant,
        postpartum=postpartum,
        child_reported=child_reported,
        older_reported=older_reported,
    )


def with_answers(population: Population, evidence: Mapping[str, bool | None]) -> Population:
    """The population updated by what the answers say about the person.

    A birth in the last six weeks makes the person postpartum (the pregnancy rules then apply).

    Examples
    --------
    >>> with_answers(Population(age=30, sex="female"), {"recent_childbirth": True}).postpartum
    True
    """
    if evidence.get("recent_childbirth") and not population.postpartum and not population.pregnant:
        return replace(population, postpartum=True)
    return population
