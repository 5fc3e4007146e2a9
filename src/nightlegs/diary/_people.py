"""Whose record is it: finding the person a call names, or the default person.

Every store call that reads or writes a night, assessment or recording names a person by id or
leaves it to the default person, the one with the smallest id (a new diary has exactly one,
"Me"). A record of another person is "not found", so that one person's data never shows under
another's.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nightlegs.diary._orm import PersonRow
from nightlegs.errors import NotFoundError

__all__ = ["missing_person", "person_id", "person_row"]


def missing_person(session: Session, person: int) -> NotFoundError:
    """The error for an unknown person id, naming the ids that exist."""
    ids = list(session.scalars(select(PersonRow.id).order_by(PersonRow.id).limit(20)))
    known = ", ".join(map(str, ids)) or "none"
    return NotFoundError(f"person {person} not found; the diary's people have the ids {known}")


def person_id(session: Session, person: int | None) -> int:
    """The id of ``person``, or of the default person when ``None``.

    Raises
    ------
    NotFoundError
        There is no person with that id (or, for the default, no person at all).
    """
    if person is None:
        found = session.scalar(select(func.min(PersonRow.id)))
        if found is None:
            raise NotFoundError("the diary has no person; add one first")
        return int(found)
    if session.get(PersonRow, person) is None:
        raise missing_person(session, person)
    return person


def person_row(session: Session, person: int | None, *, for_update: bool = False) -> PersonRow:
    """The row of ``person`` (default person when ``None``); :class:`NotFoundError` if none."""
    wanted = person_id(session, person)
    row = session.get(PersonRow, wanted, with_for_update=for_update)
    if row is None:  # deleted in between
        raise missing_person(session, wanted)
    return row
