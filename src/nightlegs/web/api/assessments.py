"""``/api/assessments``: the assessments a person chose to save, to list, open again or delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from nightlegs.diary.schemas import AssessmentRecord
from nightlegs.web.api.models import AssessmentBrief, AssessmentDetail
from nightlegs.web.deps import PersonQuery, StoreDep

__all__ = ["brief", "router"]

router = APIRouter(prefix="/assessments", tags=["assessment"])

AssessmentId = Annotated[int, Path(ge=1, le=2_147_483_647)]
_TOP = 3


def brief(record: AssessmentRecord) -> dict[str, Any]:
    """``{id, person_id, created_at, triage, conditions}`` of a saved assessment.

    Examples
    --------
    >>> import datetime as dt
    >>> record = AssessmentRecord(id=4, person_id=1, kb_version="1",
    ...     created_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC), request={},
    ...     result={"triage": "doctor", "conditions": [{"id": "rls"}, {"id": "cramps"}]})
    >>> brief(record)["conditions"]
    ['rls', 'cramps']
    """
    return {
        "id": record.id,
        "person_id": record.person_id,
        "created_at": record.created_at,
        "triage": record.result.triage.value,
        "conditions": [c.id for c in record.result.conditions[:_TOP]],
    }


@router.get("", response_model=list[AssessmentBrief])
def list_assessments(store: StoreDep, person: PersonQuery = None) -> list[dict[str, Any]]:
    """A person's saved assessments, newest first."""
    return [brief(r) for r in store.list_assessments(person=person, limit=1000)]


@router.get("/{assessment_id}", response_model=AssessmentDetail)
def get_assessment(
    assessment_id: AssessmentId, store: StoreDep, person: PersonQuery = None
) -> dict[str, Any]:
    """One saved assessment of the person: the brief, the request and the whole result."""
    record = store.get_assessment(assessment_id, person=person)
    return {
        **brief(record),
        "kb_version": record.kb_version,
        "request": record.request,
        "result": record.result,
    }


@router.delete("/{assessment_id}", status_code=204, response_class=Response)
def delete_assessment(
    assessment_id: AssessmentId, store: StoreDep, person: PersonQuery = None
) -> Response:
    """Delete one saved assessment of the person (the report then shows the one before)."""
    store.delete_assessment(assessment_id, person=person)
    return Response(status_code=204)
