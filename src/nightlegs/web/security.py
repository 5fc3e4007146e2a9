"""Security of the web app: host names, bearer token, CSRF protection, body limits, headers.

Policy
------
**Host names.** Every request whose ``Host`` header is not on the allow-list of
:mod:`nightlegs.web.hosts` (loopback, the configured host, ``NIGHTLEGS_ALLOWED_HOSTS``) gets
``421`` before anything else happens, in every mode: after DNS rebinding a hostile page is
"same origin" with the server, but its requests still carry its own name.

**Bearer token.** When ``Settings.token`` is set (``NIGHTLEGS_TOKEN``; required by
``nightlegs serve`` to bind a non-loopback address) every request under ``/api`` must carry
``Authorization: Bearer <token>`` or a session cookie. The check is a constant-time comparison
made before the body is read; a missing or wrong token gets ``401`` with
``WWW-Authenticate: Bearer``. Wrong tokens are slowed down per client (:mod:`nightlegs.web.auth`):
past a small burst, ``429`` with ``Retry-After`` until the client's budget refills.

**Pages.** With a token set, the pages, ``/docs`` and ``/openapi.json`` need the session cookie
that ``/login`` sets after the token is typed in once (or the bearer token); without it a page
load is redirected there and other methods get ``401``. ``/login``, ``/logout`` and ``/static``
stay open.

**CSRF.** A request with an unsafe method (``POST``, ``PUT``, ``PATCH``, ``DELETE``) is accepted
when either

* it carries a valid CSRF token, in the ``X-CSRF-Token`` header or a ``csrf_token`` form field; or
* its body is of a type that a cross-site HTML form cannot send (JSON, CSV, or no body at all:
  anything but ``application/x-www-form-urlencoded``, ``multipart/form-data`` and
  ``text/plain``), and it is not cross-origin: no ``Sec-Fetch-Site: cross-site`` and no
  ``Origin`` other than the app's own, on an allowed host name.

Everything else gets ``403``. Form posts and multipart uploads therefore need the token, which
the pages render into ``<meta name="csrf-token">`` with :func:`csrf_token`. The token is an HMAC
of a fixed label under a random per-process secret (made in ``create_app``, never at import), so
it cannot be forged and stops working when the server restarts. A request that authenticated
with its bearer token needs no CSRF token. Browsers never send
``Authorization`` headers by themselves, so the bearer token is no CSRF vector. No CORS headers
are sent, so another origin can neither send JSON with a preflight nor read any response.

**Limits.** Request bodies are counted as they arrive: ``413`` once a body exceeds the limit
(``Settings.max_upload_bytes`` plus multipart overhead for ``POST /api/recordings``, 16 MiB
elsewhere), before it is spooled anywhere; ``408`` when a body pauses for more than
:data:`BODY_TIMEOUT_S` (``nightlegs serve`` also sets uvicorn's keep-alive timeout, header size
and connection limits, and times the request head with :mod:`nightlegs.web.head_deadline`).

**Headers.** Every response gets a Content-Security-Policy with ``default-src 'self'`` (no
external sources, no inline script), ``X-Content-Type-Options: nosniff``,
``Referrer-Policy: no-referrer``, ``X-Frame-Options: DENY`` and a restrictive
``Permissions-Policy``. A route may set a stricter CSP of its own (the report does).

**Logs.** uvicorn's access log has the method, path and status only, never a body or a header
value. An unplanned exception is answered with ``500`` here and logged by its type and the
places in the code it passed through, never its message or any value (a message may quote the
person's text); it does not reach uvicorn's own error log.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import math
import secrets
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import Headers

from nightlegs.web.auth import GuessThrottle, SessionStore, session_cookie
from nightlegs.web.hosts import AllowedHosts

__all__ = [
    "BEARER_STATE",
    "BODY_TIMEOUT_S",
    "CSP",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SecurityMiddleware",
    "csrf_token",
    "new_secret",
    "verify_csrf",
]

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"})
_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
_DEFAULT_BODY_LIMIT = 16 * 1024 * 1024
#: Seconds a request body may pause between two parts before the request gets 408.
BODY_TIMEOUT_S = 30.0
_MULTIPART_OVERHEAD = 1024 * 1024
_UPLOAD_PATH = "/api/recordings"
_MISDIRECTED = (
    b'{"detail":"this server does not answer to that host name; '
    b'add it to NIGHTLEGS_ALLOWED_HOSTS to serve it"}'
)
#: Paths that need no sign-in even when a token is set: nothing in them is health data, and
#: nothing in them tells an attacker what the API offers (``/docs`` is behind the token).
_OPEN_PREFIXES = ("/login", "/logout", "/static/", "/favicon")
_SIGN_IN = b'{"detail":"sign in first"}'
_SLOW_DOWN = b'{"detail":"too many wrong tokens from this address; wait and try again"}'
#: ``request.state`` flag set for a request authenticated by its bearer token.
BEARER_STATE = "nightlegs_bearer"


def new_secret() -> bytes:
    """A fresh random secret for CSRF tokens (one per app).

    Examples
    --------
    >>> len(new_secret())
    32
    """
    return secrets.token_bytes(32)


def _token_for(secret: bytes) -> str:
    return hmac.new(secret, b"nightlegs-csrf-v1", hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    """The CSRF token that pages render into ``<meta name="csrf-token">``.

    Parameters
    ----------
    request : Request
        Any request to an app made by :func:`nightlegs.web.app.create_app`.

    Returns
    -------
    str
        64 hex characters, the same for every request to this app instance.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> app = SimpleNamespace(state=SimpleNamespace(csrf_secret=b"k" * 32))
    >>> len(csrf_token(SimpleNamespace(app=app)))  # type: ignore[arg-type]
    64
    """
    secret: bytes = request.app.state.csrf_secret
    return _token_for(secret)


def _valid_token(request: Request, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(str(sent), csrf_token(request))


def _cross_origin(request: Request) -> bool:
    if request.headers.get("sec-fetch-site", "").lower() == "cross-site":
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    netloc = urlsplit(origin).netloc
    host = request.headers.get("host", "")
    # Same origin *and* a name on the allow-list: after DNS rebinding Origin equals Host.
    allowed: AllowedHosts = request.app.state.allowed_hosts
    return origin == "null" or netloc.lower() != host.lower() or netloc not in allowed


async def verify_csrf(request: Request) -> None:
    """Dependency enforcing the CSRF policy of this module on unsafe methods.

    Raises
    ------
    HTTPException
        403 when the request might come from another site and carries no valid token.
    """
    if request.method in _SAFE_METHODS:
        return
    if request.scope.get("state", {}).get(BEARER_STATE):
        return  # a browser never adds an Authorization header by itself: not a CSRF vector
    if _valid_token(request, request.headers.get(CSRF_HEADER)):
        return
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in _FORM_TYPES:
        if not _cross_origin(request):
            return
        raise HTTPException(status_code=403, detail="cross-origin request refused")
    if media_type != "text/plain":
        form = await request.form()
        sent = form.get(CSRF_FIELD)
        if isinstance(sent, str) and _valid_token(request, sent):
            return
    raise HTTPException(status_code=403, detail="missing or invalid CSRF token")


class _BodyTooLarge(HTTPException):
    """Raised from ``receive`` so FastAPI's body parsing passes it on as a 413 response."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail="request body too large")


class _SlowBody(HTTPException):
    """Raised from ``receive`` when no part of the body arrived for ``body_timeout_s``."""

    def __init__(self) -> None:
        super().__init__(status_code=408, detail="the request body stopped arriving")


class SecurityMiddleware:
    """ASGI middleware: bearer token on ``/api``, body-size limits, security headers.

    Parameters
    ----------
    app : ASGI app
    token : str or None
        The bearer token; ``None`` turns the check off.
    max_upload_bytes : int
        Largest recording accepted by ``POST /api/recordings``.
    allowed_hosts : AllowedHosts
        Host names served; any other ``Host`` header gets ``421`` (DNS rebinding).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        max_upload_bytes: int,
        allowed_hosts: AllowedHosts,
        sessions: SessionStore | None = None,
        throttle: GuessThrottle | None = None,
        body_timeout_s: float = BODY_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.expected = f"Bearer {token}".encode() if token else None
        self.sessions = sessions or SessionStore(lifetime_s=12 * 3600)
        self.throttle = throttle or GuessThrottle()
        self.max_upload_bytes = max_upload_bytes
        self.body_timeout_s = body_timeout_s

    def _signed_in(self, headers: Headers) -> bool:
        session_id = session_cookie(headers)
        return session_id is not None and self.sessions.valid(session_id)

    async def _authorise(self, scope: Scope, headers: Headers, send: Send) -> bool:
        """Let the request through (True) or answer it here (False) when a token is set."""
        if self.expected is None or self._signed_in(headers):
            return True
        path: str = scope.get("path", "")
        is_api = path == "/api" or path.startswith("/api/")
        if not is_api and path.startswith(_OPEN_PREFIXES):
            return True
        sent = headers.get("authorization")
        if sent is not None:
            client = (scope.get("client") or ("?", 0))[0]
            wait = self.throttle.wait(client)
            if wait > 0:  # before the token is compared: no answer tells right from wrong
                await _plain(send, 429, _SLOW_DOWN, retry_after=wait)
                return False
            if hmac.compare_digest(sent.encode(), self.expected):
                scope.setdefault("state", {})[BEARER_STATE] = True
                return True
            self.throttle.failed(client)
        if is_api or scope.get("method") not in ("GET", "HEAD"):
            detail = b'{"detail":"missing or invalid bearer token"}' if is_api else _SIGN_IN
            await _plain(send, 401, detail, bearer=True)
        else:
            await _redirect(send, "/login?next=" + quote(path, safe="/"))
        return False

    def _limit(self, scope: Scope) -> int:
        if scope.get("path", "").rstrip("/") == _UPLOAD_PATH:
            return self.max_upload_bytes + _MULTIPART_OVERHEAD
        return _DEFAULT_BODY_LIMIT

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host")
        if host is not None and host not in self.allowed_hosts:
            await _plain(send, 421, _MISDIRECTED)
            return
        if not await self._authorise(scope, headers, send):
            return
        limit = self._limit(scope)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await _plain(send, 413, b'{"detail":"request body too large"}')
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            try:
                # uvicorn has no read timeout: a client that stops sending mid-body would hold
                # its connection (and an upload slot) for ever.
                message = await asyncio.wait_for(receive(), self.body_timeout_s)
            except TimeoutError:
                raise _SlowBody() from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge()
            return message

        async def secure_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                raw = list(message.get("headers", []))
                names = {name.lower() for name, _ in raw}
                raw += [(n, v) for n, v in _HEADERS if n not in names]
                if b"content-security-policy" not in names:
                    raw.append((b"content-security-policy", CSP.encode()))
                message["headers"] = raw
            await send(message)

        try:
            await self.app(scope, limited_receive, secure_send)
        except _BodyTooLarge:
            if not started:
                await _plain(send, 413, b'{"detail":"request body too large"}')
        except _SlowBody:
            if not started:
                await _plain(send, 408, b'{"detail":"the request body stopped arriving"}')
        except Exception as exc:
            # Caught here, inside Starlette's error middleware, so that neither it nor uvicorn
            # logs the exception's message: it may quote the person's text.
            _log_unexpected(scope, exc)
            if not started:
                await _plain(send, 500, b'{"detail":"internal error; it has been logged"}')


def _log_unexpected(scope: Scope, exc: BaseException) -> None:
    """Log an unplanned error by its type and where it happened, never its message or values."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = "; ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames[-6:])
    logger.error(
        "internal error on %s %s: %s at %s",
        scope.get("method", "?"),
        scope.get("path", "?")[:200],
        type(exc).__name__,
        where or "(no traceback)",
    )


async def _redirect(send: Send, location: str) -> None:
    headers = [
        (b"location", location.encode()),
        (b"content-length", b"0"),
        (b"content-security-policy", CSP.encode()),
        *_HEADERS,
    ]
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def _plain(
    send: Send, status: int, body: bytes, bearer: bool = False, retry_after: float = 0.0
) -> None:
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"content-security-policy", CSP.encode()),
        *_HEADERS,
    ]
    if bearer:
        headers.append((b"www-authenticate", b"Bearer"))
    if retry_after > 0:
        headers.append((b"retry-after", str(math.ceil(retry_after)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
