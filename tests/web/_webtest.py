"""Helpers shared by the web tests (a module of its own: ``conftest`` is not importable)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
from fastapi import FastAPI

from nightlegs.web.security import csrf_token

__all__ = [
    "LOCAL",
    "NIGHT",
    "alive",
    "descendants",
    "free_port",
    "serve",
    "start_serve",
    "token_of",
]

#: The base URL of in-process test clients: a loopback name, as a browser on this machine uses.
LOCAL = "http://127.0.0.1:8000"

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


def start_serve(
    database_url: str,
    log: Path,
    *args: str,
    env: dict[str, str] | None = None,
    scheme: str = "http",
) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``nightlegs serve`` on a free loopback port; return the process and its base URL.

    The server's output goes to ``log`` (appended). ``env`` adds to the environment, from which
    ``NIGHTLEGS_TOKEN`` is removed unless ``env`` sets it.
    """
    port = free_port()
    environ = {**os.environ, "NIGHTLEGS_DATABASE_URL": database_url}
    environ.pop("NIGHTLEGS_TOKEN", None)
    environ.update(env or {})
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "nightlegs", "serve", "--port", str(port), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=environ,
        )
    base = f"{scheme}://127.0.0.1:{port}"
    token = environ.get("NIGHTLEGS_TOKEN")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {log.read_text()}")
        try:
            answer = httpx.get(f"{base}/api/health", headers=headers, timeout=1, verify=False)
            if answer.status_code in (200, 401):  # 401: a token the caller does not know yet
                return proc, base
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise AssertionError("serve did not start")


@contextmanager
def serve(
    database_url: str, log: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[str]:
    """``nightlegs serve`` for the length of a ``with`` block (stopped with SIGTERM after)."""
    proc, base = start_serve(database_url, log, *args, env=env)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _parents() -> dict[int, int]:
    """Every process on this machine with its parent's id (from ``/proc``)."""
    parents = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue  # the process ended meanwhile
        for line in text.splitlines():
            if line.startswith("PPid:"):
                parents[int(status.parent.name)] = int(line.split()[1])
                break
    return parents


def descendants(pid: int) -> set[int]:
    """The ids of the processes started by ``pid``, their children, and so on."""
    parents = _parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` that still run (zombies count as gone)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if "State:\tZ" not in state:
            running.add(pid)
    return running


def stream_nights(
    base: str, acknowledged: dict[int, str], stop: threading.Event, name: str = "write"
) -> None:
    """Post nights to the server at ``base`` until ``stop``, recording each acknowledged write.

    ``acknowledged`` maps the id the server answered 201 with to the night's note; a write cut
    off by the server going away was never acknowledged and is not recorded.
    """
    with httpx.Client(base_url=base, timeout=5) as client:
        n = 0
        while not stop.is_set():
            note = f"{name} {n}"
            try:
                response = client.post("/api/nights", json={**NIGHT, "notes": note})
            except httpx.TransportError:
                return  # the server is gone: this write was never acknowledged
            if response.status_code == 201:
                acknowledged[response.json()["id"]] = note
            n += 1
