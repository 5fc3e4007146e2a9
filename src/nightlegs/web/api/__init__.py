"""The REST API under ``/api`` (docs/json-contract.md sections 4 and 5), one small router per area.

Examples
--------
>>> router.prefix
'/api'
"""

from __future__ import annotations

from fastapi import APIRouter

from nightlegs.web.api import (
    assess,
    assessments,
    conditions,
    diary,
    exports,
    health,
    people,
    recordings,
)

__all__ = ["router"]

router = APIRouter(prefix="/api")
for _module in (assess, assessments, conditions, people, diary, recordings, exports, health):
    router.include_router(_module.router)
