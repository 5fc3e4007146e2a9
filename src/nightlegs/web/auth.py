"""Sign-in state of a token-protected server: sessions, and slowing down wrong guesses.

**Sessions.** ``/login`` gives each successful sign-in a fresh random session id (256 bits) in an
``HttpOnly``, ``SameSite=Strict`` cookie that ends after ``Settings.session_seconds``; ``/logout``
ends it at once. The server keeps only a hash of each id, in memory: a restart signs everyone
out, and a stolen copy of the server's memory gives no cookie.

**Wrong guesses.** Each client (its IP address) may make a few wrong guesses at once, then one
per second: a token bucket of :data:`GUESS_BURST` refilled at :data:`GUESSES_PER_SECOND`. While
the bucket is empty, any attempt carrying a token or a session cookie gets ``429`` with
``Retry-After`` before the token is looked at, so even the right token cannot be told from a
wrong one. A thousand guesses then take a quarter of an hour instead of a second.

Examples
--------
>>> sessions = SessionStore(lifetime_s=60)
>>> sid = sessions.create(now=0.0)
>>> sessions.valid(sid, now=30.0), sessions.valid(sid, now=61.0)
(True, False)
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping

__all__ = [
    "GUESSES_PER_SECOND",
    "GUESS_BURST",
    "SESSION_COOKIE",
    "GuessThrottle",
    "SessionStore",
    "session_cookie",
]

SESSION_COOKIE = "nightlegs_session"

GUESS_BURST = 10
GUESSES_PER_SECOND = 1.0
_MAX_SESSIONS = 10_000
_MAX_CLIENTS = 10_000


def session_cookie(headers: Mapping[str, str]) -> str | None:
    """The session id in a request's ``Cookie`` header, if any.

    Examples
    --------
    >>> session_cookie({"cookie": "a=1; nightlegs_session=abc"}), session_cookie({})
    ('abc', None)
    """
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == SESSION_COOKIE and value:
            return value
    return None


def clock() -> float:
    """The time sessions and the guess throttle count in (monotonic seconds); a test may
    replace it to hold time still."""
    return time.monotonic()


def _digest(session_id: str) -> bytes:
    return hashlib.sha256(session_id.encode("utf-8", "replace")).digest()


class SessionStore:
    """Signed-in sessions: random ids with an expiry, kept as hashes in memory.

    Parameters
    ----------
    lifetime_s : float
        How long a session lasts after sign-in, in seconds.
    """

    def __init__(self, lifetime_s: float) -> None:
        self.lifetime_s = lifetime_s
        self._expiry: OrderedDict[bytes, float] = OrderedDict()
        self._lock = threading.Lock()

    def create(self, now: float | None = None) -> str:
        """Start a session; return its id (the cookie value)."""
        session_id = secrets.token_urlsafe(32)
        moment = clock() if now is None else now
        with self._lock:
            self._expiry[_digest(session_id)] = moment + self.lifetime_s
            while len(self._expiry) > _MAX_SESSIONS:  # the oldest sign-ins go first
                self._expiry.popitem(last=False)
        return session_id

    def valid(self, session_id: str, now: float | None = None) -> bool:
        """Whether ``session_id`` names a session that has not ended."""
        moment = clock() if now is None else now
        key = _digest(session_id)
        with self._lock:
            expiry = self._expiry.get(key)
            if expiry is None:
                return False
            if expiry <= moment:
                del self._expiry[key]
                return False
            return True

    def end(self, session_id: str) -> None:
        """End a session (``/logout``); unknown ids are ignored."""
        with self._lock:
            self._expiry.pop(_digest(session_id), None)


class GuessThrottle:
    """Per-client token bucket of wrong guesses (see the module notes).

    Examples
    --------
    >>> throttle = GuessThrottle(burst=2, per_second=1.0)
    >>> throttle.wait("1.2.3.4", now=0.0)
    0.0
    >>> throttle.failed("1.2.3.4", now=0.0); throttle.failed("1.2.3.4", now=0.0)
    >>> throttle.wait("1.2.3.4", now=0.0), throttle.wait("1.2.3.4", now=1.0)
    (1.0, 0.0)
    """

    def __init__(self, burst: int = GUESS_BURST, per_second: float = GUESSES_PER_SECOND) -> None:
        self.burst = burst
        self.per_second = per_second
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def _level(self, client: str, now: float) -> float:
        tokens, since = self._buckets.get(client, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - since) * self.per_second)

    def wait(self, client: str, now: float | None = None) -> float:
        """Seconds ``client`` must wait before its next attempt is looked at (0: go ahead)."""
        moment = clock() if now is None else now
        with self._lock:
            level = self._level(client, moment)
        return 0.0 if level >= 1.0 else (1.0 - level) / self.per_second

    def failed(self, client: str, now: float | None = None) -> None:
        """Count one wrong guess of ``client``."""
        moment = clock() if now is None else now
        with self._lock:
            level = self._level(client, moment)
            self._buckets[client] = (max(0.0, level - 1.0), moment)
            self._buckets.move_to_end(client)
            while len(self._buckets) > _MAX_CLIENTS:
                self._buckets.popitem(last=False)
