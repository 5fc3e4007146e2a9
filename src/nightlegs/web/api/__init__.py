"""The REST API under ``/api`` (CONTRACT section 4), one small router per area.

Examples
--------
>>> router.prefix
'/api'
"""

from __future__ import annotations

from fastapi import APIRouter

from nightlegs.web.api import assess, conditions, diary, exports, health, recordings

__all__ = ["router"]

router = APIRouter(prefix="/api")
for _module in (assess, conditions, diary, recordings, exports, health):
    router.include_router(_module.router)
