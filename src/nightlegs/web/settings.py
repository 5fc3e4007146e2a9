"""Web app settings, read from the environment (never at import time)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["Settings"]


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else default


@dataclass(frozen=True)
class Settings:
    """What the app needs to run.

    Attributes
    ----------
    database_url : str or None
        Any SQLAlchemy URL; ``None`` means the default SQLite file in the user's data directory.
    token : str or None
        When set, every API call needs ``Authorization: Bearer <token>``. Required to bind a
        non-loopback address.
    host, port : where ``nightlegs serve`` listens.
    max_upload_bytes : the largest recording accepted.
    assess_processes : worker processes for assessments (0: in the server process);
        ``nightlegs serve`` uses one per core but one.
    """

    database_url: str | None = None
    token: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_bytes: int = 512 * 1024 * 1024
    assess_processes: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``NIGHTLEGS_*`` environment variables, then ``overrides``."""
        values: dict[str, object] = {
            "database_url": os.environ.get("NIGHTLEGS_DATABASE_URL") or None,
            "token": os.environ.get("NIGHTLEGS_TOKEN") or None,
            "max_upload_bytes": _env_int("NIGHTLEGS_MAX_UPLOAD_BYTES", 512 * 1024 * 1024),
            "assess_processes": _env_int("NIGHTLEGS_ASSESS_PROCESSES", 0),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
