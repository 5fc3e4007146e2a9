"""Sign-in for the web pages when the app is protected by ``NIGHTLEGS_TOKEN``.

API clients send ``Authorization: Bearer <token>``; a browser cannot add that header to page
loads, so the pages ask for the token once at ``/login`` and keep a session cookie instead: a
fresh random id per sign-in that ends after ``Settings.session_seconds`` or at ``/logout``
(:mod:`nightlegs.web.auth`). It is ``HttpOnly`` and ``SameSite=Strict`` (and ``Secure`` over
HTTPS); writes made with it are still subject to the CSRF policy of
:mod:`nightlegs.web.security`. Wrong tokens are slowed down per client, as for bearer tokens.
"""

from __future__ import annotations

import hmac
import math
from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nightlegs.web.auth import SESSION_COOKIE, GuessThrottle, SessionStore, session_cookie
from nightlegs.web.security import verify_csrf

__all__ = ["router", "safe_next"]

router = APIRouter(include_in_schema=False)


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
    """Check the token; on success start a session and go back where the person was."""
    expected: str | None = request.app.state.settings.token
    throttle: GuessThrottle = request.app.state.guess_throttle
    client = request.client.host if request.client else "?"
    wait = throttle.wait(client)
    if wait > 0:  # before the token is compared: no answer tells right from wrong
        message = f"Too many wrong tokens from this address: wait {math.ceil(wait)} s."
        return HTMLResponse(
            _page(safe_next(next), message),
            status_code=429,
            headers={"Retry-After": str(math.ceil(wait))},
        )
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        throttle.failed(client)
        return HTMLResponse(_page(safe_next(next), "That token is not right."), status_code=401)
    sessions: SessionStore = request.app.state.sessions
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        sessions.create(),
        max_age=int(sessions.lifetime_s),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/logout", dependencies=[Depends(verify_csrf)])
def logout(request: Request) -> Response:
    """End this browser's session and go to the sign-in form."""
    session_id = session_cookie(request.headers)
    if session_id is not None:
        sessions: SessionStore = request.app.state.sessions
        sessions.end(session_id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
