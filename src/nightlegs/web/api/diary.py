"""The diary: ``/api/nights`` (CRUD) and ``/api/profile``. Each write is one transaction.

Every route takes ``?person={id}`` (the default person when left out); a night of another
person is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from nightlegs.diary.schemas import Night, NightIn, Profile, ProfileIn
from nightlegs.web.deps import PersonQuery, StoreDep

__all__ = ["router"]

router = APIRouter(tags=["diary"])

#: A stored id (a 32-bit integer on every database).
NightId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.post("/nights", response_model=Night, status_code=201)
def create_night(night: NightIn, store: StoreDep, person: PersonQuery = None) -> Night:
    """Add one night with its episodes; the reply has its id."""
    return store.create_night(night, person=person)


@router.get("/nights", response_model=list[Night])
def list_nights(
    store: StoreDep,
    person: PersonQuery = None,
    since: dt.date | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[Night]:
    """The nights, optionally from ``since`` on."""
    return store.list_nights(person=person, since=since, limit=limit, offset=offset)


@router.get("/nights/{night_id}", response_model=Night)
def get_night(night_id: NightId, store: StoreDep, person: PersonQuery = None) -> Night:
    """One night."""
    return store.get_night(night_id, person=person)


@router.put("/nights/{night_id}", response_model=Night)
def update_night(
    night_id: NightId, night: NightIn, store: StoreDep, person: PersonQuery = None
) -> Night:
    """Replace one night (its episodes too)."""
    return store.update_night(night_id, night, person=person)


@router.delete("/nights/{night_id}", status_code=204, response_class=Response)
def delete_night(night_id: NightId, store: StoreDep, person: PersonQuery = None) -> Response:
    """Delete one night."""
    store.delete_night(night_id, person=person)
    return Response(status_code=204)


@router.get("/profile", response_model=Profile | None)
def get_profile(store: StoreDep, person: PersonQuery = None) -> Profile | None:
    """A person's profile, or ``null`` before one was saved (``/api/people`` has it too)."""
    return store.get_profile(person=person)


@router.put("/profile", response_model=Profile)
def put_profile(profile: ProfileIn, store: StoreDep, person: PersonQuery = None) -> Profile:
    """Save a person's profile (age, sex, pregnancy, medicines, known conditions) as given.

    Kept for older clients: ``PUT /api/people/{id}`` checks medicines and known conditions
    against the knowledge base's finding ids, this route keeps them as text.
    """
    return store.put_profile(profile, person=person)
