"""``GET /api/conditions`` and ``GET /api/conditions/{id}``: the knowledge base with sources."""

from __future__ import annotations

from fastapi import APIRouter

from nightlegs.errors import NotFoundError
from nightlegs.knowledge import Condition, load_knowledge_base
from nightlegs.web.api.models import ConditionSummary

__all__ = ["router"]

router = APIRouter(prefix="/conditions", tags=["knowledge"])


@router.get("", response_model=list[ConditionSummary])
def list_conditions() -> list[Condition]:
    """Every condition, in brief, with its sources."""
    return list(load_knowledge_base().conditions)


@router.get("/{condition_id}", response_model=Condition)
def get_condition(condition_id: str) -> Condition:
    """One condition in full: findings for and against, tests, self-care, sources."""
    for condition in load_knowledge_base().conditions:
        if condition.id == condition_id:
            return condition
    raise NotFoundError(f"condition {condition_id!r} is not in the knowledge base")
