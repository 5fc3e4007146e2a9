"""The one place where nightlegs errors become HTTP errors.

:class:`~nightlegs.errors.NotFoundError` becomes 404, every other
:class:`~nightlegs.errors.NightlegsError` 400, both as ``{"detail": message}``. Invalid bodies
keep FastAPI's 422 with one entry per field (``loc``, ``msg``, ``type``).

Examples
--------
>>> from fastapi import FastAPI
>>> install_error_handlers(FastAPI())
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from nightlegs.errors import NightlegsError, NotFoundError

__all__ = ["install_error_handlers", "status_for"]


def status_for(exc: NightlegsError) -> int:
    """The HTTP status of a nightlegs error.

    Examples
    --------
    >>> status_for(NotFoundError("night 3")), status_for(NightlegsError("bad"))
    (404, 400)
    """
    return 404 if isinstance(exc, NotFoundError) else 400


async def _nightlegs_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, NightlegsError):  # registered for NightlegsError only
        raise exc
    return JSONResponse({"detail": str(exc)}, status_code=status_for(exc))


def install_error_handlers(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""
    app.add_exception_handler(NightlegsError, _nightlegs_error)
