"""``GET /api/health``: the trivial endpoint (liveness, and the benchmark's baseline)."""

from __future__ import annotations

from fastapi import APIRouter

from nightlegs.web.api.models import Health

__all__ = ["router"]

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health)
def health() -> Health:
    """Always ``{"status": "ok"}``; touches no data."""
    return Health()
