"""Web app settings: typed, read from ``NIGHTLEGS_*`` environment variables (never at import).

``Settings(...)`` holds exactly the values given (tests and embedding code);
:meth:`Settings.from_env` reads the environment with pydantic-settings, so a value that cannot be
read (``NIGHTLEGS_MAX_UPLOAD_BYTES=lots``, a weak ``NIGHTLEGS_TOKEN``) stops the server with
one message naming the variable, never a silent default.

Examples
--------
>>> Settings(max_upload_bytes="64MiB").max_upload_bytes
67108864
>>> Settings(token="1")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings
...
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ByteSize, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from nightlegs._words import plural
from nightlegs.errors import InputError

__all__ = ["MIN_TOKEN_CHARS", "Settings", "new_token", "token_problem"]

#: A token shorter than this, or with fewer different characters, is refused.
MIN_TOKEN_CHARS = 16
_MIN_DISTINCT = 8
_ENV_PREFIX = "NIGHTLEGS_"


def new_token() -> str:
    """A fresh random access token (256 bits, URL-safe).

    Examples
    --------
    >>> len(new_token()) >= MIN_TOKEN_CHARS and token_problem(new_token()) is None
    True
    """
    return secrets.token_urlsafe(32)


def token_problem(token: str) -> str | None:
    """Why ``token`` is too weak to protect health data, or ``None`` when it is strong enough.

    A token is guessed online at best a few per second (failed attempts are slowed), so 16
    characters from a varied alphabet leave an attacker nothing; the rule only has to stop the
    obviously weak ones (``1``, a space, ``aaaaaaaaaaaaaaaa``, ``password``).

    Examples
    --------
    >>> token_problem("1")
    'it has 1 character; use at least 16'
    >>> token_problem("aaaaaaaaaaaaaaaaaaaa")
    'it uses only 1 different character; use at least 8'
    >>> token_problem("s3cret-token-for-tests") is None
    True
    """
    if token != token.strip():
        return "it starts or ends with white space"
    if len(token) < MIN_TOKEN_CHARS:
        return f"it has {plural(len(token), 'character')}; use at least {MIN_TOKEN_CHARS}"
    distinct = len(set(token))
    if distinct < _MIN_DISTINCT:
        return (
            f"it uses only {plural(distinct, 'different character')}; use at least {_MIN_DISTINCT}"
        )
    return None


_HOW_TO = (
    "make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))' "
    "(or run nightlegs serve --new-token to have one made and printed)"
)


class Settings(BaseModel):
    """What the app needs to run.

    Attributes
    ----------
    database_url : str or None
        Any SQLAlchemy URL; ``None`` means the default SQLite file in the user's data directory.
    token : str or None
        When set, every API call needs ``Authorization: Bearer <token>``. Required to bind a
        non-loopback address; at least 16 characters with 8 different ones.
    host, port : where ``nightlegs serve`` listens.
    allowed_hosts : host names (besides loopback and ``host``) that clients may use in the
        ``Host`` header, e.g. the name of a reverse proxy (``NIGHTLEGS_ALLOWED_HOSTS=a,b``).
    max_upload_bytes : the largest recording accepted (``64MiB``, ``1GB`` or bytes).
    assess_processes : worker processes for assessments (0: in the server process);
        ``nightlegs serve`` uses one per core but one.
    ssl_certfile, ssl_keyfile : PEM files; with both, ``nightlegs serve`` speaks HTTPS.
    session_seconds : how long a sign-in at ``/login`` lasts.
    upload_queue : recordings waiting or being analysed at once; one more gets 503.
    upload_dir : where uploads wait for analysis (default ``<temp>/nightlegs-uploads-<uid>``).
    import_max_rows : the most nights plus episodes one import may hold.
    header_timeout : seconds a client has to send a request's line and headers, from
        connecting or from the end of the previous response (then ``408`` and the connection is
        closed); uvicorn has no such deadline of its own (:mod:`nightlegs.web.head_deadline`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    database_url: str | None = None
    token: str | None = Field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    max_upload_bytes: ByteSize = Field(default=ByteSize(512 * 1024 * 1024), gt=0)
    assess_processes: int = Field(default=0, ge=0, le=64)
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None
    session_seconds: int = Field(default=12 * 3600, ge=60, le=90 * 24 * 3600)
    upload_queue: int = Field(default=4, ge=1, le=1000)
    upload_dir: Path | None = None
    import_max_rows: int = Field(default=200_000, ge=1, le=10_000_000)
    # Ten seconds is ample for a few kB of headers even over a slow mobile link, and short
    # enough that slow clients cannot keep the connection slots (README, Security).
    header_timeout: float = Field(default=10.0, gt=0, le=600)

    @field_validator("token")
    @classmethod
    def _strong_token(cls, value: str | None) -> str | None:
        if value is None:
            return None
        problem = token_problem(value)
        if problem is not None:
            raise ValueError(f"the token is too weak: {problem}; {_HOW_TO}")
        return value

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple):
            return tuple(str(v).strip().lower() for v in value)
        return value

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``NIGHTLEGS_*`` environment variables, then ``overrides``.

        Raises
        ------
        InputError
            Naming the variable and what it should hold, when one cannot be read; the value
            itself is never repeated (it may be the token).
        """
        given = {k: v for k, v in overrides.items() if v is not None}
        try:
            read = _FromEnv(**given)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise InputError(_describe(exc)) from None
        return cls.model_validate(read.model_dump())


class _FromEnv(BaseSettings, Settings):  # type: ignore[misc]
    """The same fields, read from the environment (pydantic-settings)."""

    model_config = SettingsConfigDict(
        env_prefix=_ENV_PREFIX,
        env_ignore_empty=True,  # NIGHTLEGS_TOKEN= means no token, as it always did
        extra="ignore",
        frozen=True,
        hide_input_in_errors=True,
    )


_HINTS = {"max_upload_bytes": " (expected e.g. 64MiB, 1GB or a number of bytes)"}


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors(include_url=False, include_input=False):
        name = str(error["loc"][0]) if error["loc"] else "settings"
        message = str(error["msg"]).removeprefix("Value error, ") + _HINTS.get(name, "")
        parts.append(f"{_ENV_PREFIX}{name.upper()}: {message}")
    return "; ".join(parts)
