"""The one place where nightlegs errors become HTTP errors.

:class:`~nightlegs.errors.NotFoundError` becomes 404, :class:`~nightlegs.errors.TooLargeError`
413, every other :class:`~nightlegs.errors.NightlegsError` 400, all as
``{"detail": message}``; an :class:`~nightlegs.errors.InputError` adds ``field`` (or ``null``)
and ``message`` in plain words (:func:`nightlegs.web.messages.plain_input_error`). Invalid
bodies keep FastAPI's 422 with one entry per field (``loc``, ``msg``, ``type``, and
``message``: the same in plain words, from :func:`nightlegs.web.messages.plain_message`, for a
form to show next to the field) and nothing of what was sent: no ``input`` and no ``ctx``
(both may hold the person's words, or a lone surrogate that JSON cannot carry back), and a key
of the body in ``loc`` only when it reads as a field name.
Nothing here logs; an error nobody planned for is answered and logged without its message by
:class:`~nightlegs.web.security.SecurityMiddleware`.

Examples
--------
>>> from fastapi import FastAPI
>>> install_error_handlers(FastAPI())
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from nightlegs._inputs import text_problem
from nightlegs.errors import InputError, NightlegsError, NotFoundError, TooLargeError
from nightlegs.web.messages import plain_input_error, plain_message

__all__ = ["install_error_handlers", "safe_errors", "status_for"]


def status_for(exc: NightlegsError) -> int:
    """The HTTP status of a nightlegs error.

    Examples
    --------
    >>> status_for(NotFoundError("night 3")), status_for(NightlegsError("bad"))
    (404, 400)
    >>> status_for(TooLargeError("250,000 rows; the limit is 200,000"))
    413
    """
    if isinstance(exc, NotFoundError):
        return 404
    return 413 if isinstance(exc, TooLargeError) else 400


_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")


def safe_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Validation errors as the API shows them: ``type``, ``loc``, ``msg`` and ``message``.

    A part of ``loc`` that is not an index or a field-like name (it came from a key of the
    body: free text, a lone surrogate) is shown as ``"(key)"``.

    Examples
    --------
    >>> shown = safe_errors([{"type": "finite_number", "loc": ("body", "age"), "msg": "Input "
    ...     "should be a finite number", "input": float("nan")}])
    >>> sorted(shown[0].items())  # doctest: +NORMALIZE_WHITESPACE
    [('loc', ['body', 'age']), ('message', 'Age must be a number'),
     ('msg', 'Input should be a finite number'), ('type', 'finite_number')]
    >>> safe_errors([{"type": "bool_parsing", "loc": ("body", "findings", "my leg hurts"),
    ...     "msg": "Input should be a valid boolean", "input": "x"}])[0]["loc"]
    ['body', 'findings', '(key)']
    """
    shown = []
    for error in errors:
        loc = [
            part if isinstance(part, int) or _FIELD_NAME.match(str(part)) else "(key)"
            for part in error.get("loc", ())
        ]
        message = str(error.get("msg", "invalid"))
        if text_problem(message) is not None:  # a message quoting unstorable input
            message = "invalid value"
        plain = plain_message({**error, "loc": loc})
        if text_problem(plain) is not None:
            plain = "A value is not valid"
        shown.append(
            {
                "type": str(error.get("type", "value_error")),
                "loc": loc,
                "msg": message,
                "message": plain,
            }
        )
    return shown


async def _nightlegs_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, NightlegsError):  # registered for NightlegsError only
        raise exc
    # The message is for the person who sent the input; it must still be encodable.
    message = str(exc).encode("utf-8", "replace").decode("utf-8").replace("\x00", "?")
    body: dict[str, Any] = {"detail": message}
    if isinstance(exc, InputError):  # which field, in plain words, for a form to show
        body["field"], body["message"] = plain_input_error(message)
    return JSONResponse(body, status_code=status_for(exc))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, RequestValidationError):  # registered for it only
        raise exc
    return JSONResponse({"detail": safe_errors(exc.errors())}, status_code=422)


#: What a browser is told for the HTTP errors a person can meet by following or typing a link.
_PAGE_ERRORS = {
    404: ("Page not found", "There is no page at this address. It may have been mistyped."),
    405: ("This page cannot do that", "The page exists, but not for what the browser asked."),
}


def _wants_page(request: Request) -> bool:
    """A browser asking for a page (not the API, the docs or a script)."""
    path = request.url.path
    if path.startswith(("/api", "/openapi", "/docs", "/static")):
        return False
    return "text/html" in request.headers.get("accept", "")


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):  # registered for it only
        raise exc
    if exc.status_code in _PAGE_ERRORS and _wants_page(request):
        from nightlegs.web.pages import render_page  # the pages depend on this module

        heading, explanation = _PAGE_ERRORS[exc.status_code]
        page = render_page(request, "error.html", heading=heading, explanation=explanation)
        page.status_code = exc.status_code
        return page
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Register the exception handlers on ``app``.

    API clients get JSON (``{"detail": ...}``); a browser that follows a wrong link gets an
    HTML page with the way back and the danger signs.
    """
    app.add_exception_handler(NightlegsError, _nightlegs_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
