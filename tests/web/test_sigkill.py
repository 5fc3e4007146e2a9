"""SIGKILL ``nightlegs serve`` during a stream of writes: every acknowledged night survives."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from _webtest import NIGHT, start_serve

pytestmark = pytest.mark.slow


def _stream(base: str, acknowledged: dict[int, str], stop: threading.Event) -> None:
    with httpx.Client(base_url=base, timeout=5) as client:
        n = 0
        while not stop.is_set():
            note = f"write {n}"
            try:
                response = client.post("/api/nights", json={**NIGHT, "notes": note})
            except httpx.TransportError:
                return  # the server is gone: this write was never acknowledged
            if response.status_code == 201:
                acknowledged[response.json()["id"]] = note
            n += 1


def test_acknowledged_writes_survive_sigkill(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    proc, base = start_serve(database_url, log)
    acknowledged: dict[int, str] = {}
    stop = threading.Event()
    writers = [threading.Thread(target=_stream, args=(base, acknowledged, stop)) for _ in range(3)]
    try:
        for w in writers:
            w.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)  # mid-stream: the writers are still posting
        proc.wait(timeout=10)
    finally:
        stop.set()
        for w in writers:
            w.join(timeout=10)
        if proc.poll() is None:
            proc.kill()
    assert len(acknowledged) >= 60
    assert "serving on http://127.0.0.1:" in log.read_text()
    proc, base = start_serve(database_url, log)
    try:
        stored = {n["id"]: n for n in httpx.get(f"{base}/api/nights", timeout=30).json()}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    missing = sorted(set(acknowledged) - set(stored))
    assert not missing, f"acknowledged but lost: {missing}"
    assert all(stored[i]["notes"] == note for i, note in acknowledged.items())
    assert all(len(stored[i]["episodes"]) == 2 for i in acknowledged)
