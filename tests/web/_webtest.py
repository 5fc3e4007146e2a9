"""Helpers shared by the web tests (a module of its own: ``conftest`` is not importable)."""

from __future__ import annotations

import socket
from types import SimpleNamespace
from typing import Any

from fastapi import FastAPI

from nightlegs.web.security import csrf_token

__all__ = ["NIGHT", "free_port", "token_of"]

NIGHT: dict[str, Any] = {
    "date": "2025-03-01",
    "bedtime": "22:30:00",
    "wake_time": "06:45:00",
    "sleep_quality": 4,
    "movements_per_hour": 22.5,
    "movements_source": "entered",
    "notes": "woke twice",
    "episodes": [
        {
            "time": "02:10:00",
            "side": "left",
            "body_site": "calf",
            "kind": "cramp",
            "intensity": 7,
            "helped": "stretching",
        },
        {"side": "both", "body_site": "thigh", "kind": "urge_to_move", "intensity": 5},
    ],
}


def token_of(app: FastAPI) -> str:
    """The CSRF token the pages would render for ``app``."""
    return csrf_token(SimpleNamespace(app=app))  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
