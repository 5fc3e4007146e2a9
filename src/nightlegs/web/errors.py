"""The one place where nightlegs errors become HTTP errors.

:class:`~nightlegs.errors.NotFoundError` becomes 404, every other
:class:`~nightlegs.errors.NightlegsError` 400, both as ``{"detail": message}``. Invalid bodies
keep FastAPI's 422 with one entry per field (``loc``, ``msg``, ``type``); an input that JSON
cannot carry back (``NaN``, ``Infinity``) is echoed as text, so a 422 never becomes a 500.

Examples
--------
>>> from fastapi import FastAPI
>>> install_error_handlers(FastAPI())
"""

from __future__ import annotations

import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from nightlegs.errors import NightlegsError, NotFoundError

__all__ = ["install_error_handlers", "json_safe", "status_for"]


def status_for(exc: NightlegsError) -> int:
    """The HTTP status of a nightlegs error.

    Examples
    --------
    >>> status_for(NotFoundError("night 3")), status_for(NightlegsError("bad"))
    (404, 400)
    """
    return 404 if isinstance(exc, NotFoundError) else 400


def json_safe(value: Any) -> Any:
    """``value`` with every non-finite float replaced by its name, so strict JSON can carry it.

    Examples
    --------
    >>> json_safe({"input": float("nan"), "loc": ["body", "age"], "n": [float("-inf"), 1.5]})
    {'input': 'nan', 'loc': ['body', 'age'], 'n': ['-inf', 1.5]}
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


async def _nightlegs_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, NightlegsError):  # registered for NightlegsError only
        raise exc
    return JSONResponse({"detail": str(exc)}, status_code=status_for(exc))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, RequestValidationError):  # registered for it only
        raise exc
    return JSONResponse({"detail": json_safe(jsonable_encoder(exc.errors()))}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""
    app.add_exception_handler(NightlegsError, _nightlegs_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
