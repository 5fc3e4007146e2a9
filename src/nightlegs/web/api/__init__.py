"""The REST API under ``/api`` (CONTRACT section 4), one small router per area.

Examples
--------
>>> sorted({r.path for r in router.routes})[:3]
['/api/assess', '/api/conditions', '/api/conditions/{condition_id}']
"""

from __future__ import annotations

from fastapi import APIRouter

from nightlegs.web.api import assess, conditions, diary, exports, health, recordings

__all__ = ["router"]

router = APIRouter(prefix="/api")
for _module in (assess, conditions, diary, recordings, exports, health):
    router.include_router(_module.router)
