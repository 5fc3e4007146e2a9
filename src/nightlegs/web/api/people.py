"""``/api/people``: the people of the diary, each with a profile and their own records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from fastapi.exceptions import RequestValidationError

from nightlegs.diary.schemas import Person, PersonIn
from nightlegs.web.deps import StoreDep

__all__ = ["router"]

router = APIRouter(prefix="/people", tags=["people"])

PersonId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.post("", response_model=Person, status_code=201)
def create_person(person: PersonIn, store: StoreDep) -> Person:
    """Add a person: ``{name, birth_year?, sex?, pregnant?, due_date?, postpartum_since?,
    medicines?, known_conditions?}``.

    ``medicines`` and ``known_conditions`` are finding ids of the knowledge base (for example
    ``med_statin``, ``diabetes``); an unknown id is a 422 naming it.
    """
    return store.create_person(person)


@router.get("", response_model=list[Person])
def list_people(store: StoreDep) -> list[Person]:
    """Every person; the first is the default person of routes without ``?person=``."""
    return store.list_people()


@router.get("/{person_id}", response_model=Person)
def get_person(person_id: PersonId, store: StoreDep) -> Person:
    """One person with their profile."""
    return store.get_person(person_id)


@router.put("/{person_id}", response_model=Person)
def update_person(person_id: PersonId, person: PersonIn, store: StoreDep) -> Person:
    """Replace a person's name and profile."""
    return store.update_person(person_id, person)


@router.delete("/{person_id}", status_code=204, response_class=Response)
def delete_person(
    person_id: PersonId,
    store: StoreDep,
    confirm: Annotated[
        bool, Query(description="Must be true: deleting removes the person's data.")
    ] = False,
) -> Response:
    """Delete a person with their nights, assessments and recordings (needs ``?confirm=true``).

    The last person of a diary cannot be deleted (400).
    """
    if not confirm:
        store.get_person(person_id)  # an unknown person is a 404 first
        raise RequestValidationError(
            [
                {
                    "type": "confirm_required",
                    "loc": ("query", "confirm"),
                    "msg": f"deleting person {person_id} removes their nights, assessments and "
                    "recordings for good; send ?confirm=true to go ahead",
                }
            ]
        )
    store.delete_person(person_id)
    return Response(status_code=204)
