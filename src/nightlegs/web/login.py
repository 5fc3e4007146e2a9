"""Sign-in for the web pages when the app is protected by ``NIGHTLEGS_TOKEN``.

API clients send ``Authorization: Bearer <token>``; a browser cannot add that header to page
loads, so the pages ask for the token once at ``/login`` and keep a session cookie instead. The
cookie's value is an HMAC of a fixed label under the token itself: it proves knowledge of the
token, survives restarts, cannot be forged without the token, and changes when the token does.
It is ``HttpOnly`` and ``SameSite=Strict`` (and ``Secure`` over HTTPS); writes made with it are
still subject to the CSRF policy of :mod:`nightlegs.web.security`.
"""

from __future__ import annotations

import hashlib
import hmac
from html import escape
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

__all__ = ["SESSION_COOKIE", "router", "safe_next", "session_value"]

SESSION_COOKIE = "nightlegs_session"

router = APIRouter(include_in_schema=False)


def session_value(token: str) -> str:
    """The session cookie value that proves knowledge of ``token``.

    Examples
    --------
    >>> len(session_value("secret"))
    64
    >>> session_value("a") == session_value("b")
    False
    """
    return hmac.new(token.encode(), b"nightlegs-session-v1", hashlib.sha256).hexdigest()


def safe_next(target: str | None) -> str:
    """A same-site path to return to after signing in (anything else becomes ``/``).

    Examples
    --------
    >>> safe_next("/diary"), safe_next("//evil.example/"), safe_next("https://x.y/")
    ('/diary', '/', '/')
    """
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _page(next_path: str, message: str = "") -> str:
    note = f'<p class="error" role="alert">{escape(message)}</p>' if message else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - nightlegs</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/app.css"></head>
<body><main id="main"><h1>Sign in</h1>
<p>This nightlegs server is protected. Enter the access token its owner gave you.</p>{note}
<form method="post" action="/login">
<input type="hidden" name="next" value="{escape(next_path)}">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<p><small>nightlegs gives information, not a diagnosis.</small></p></main></body></html>"""


@router.get("/login", response_class=HTMLResponse)
def login_form(next: str | None = None) -> HTMLResponse:
    """The sign-in form."""
    return HTMLResponse(_page(safe_next(next)))


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form(max_length=500)],
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    """Check the token; on success set the session cookie and go back where the person was."""
    expected: str | None = request.app.state.settings.token
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        return HTMLResponse(_page(safe_next(next), "That token is not right."), status_code=401)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_value(expected),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response
