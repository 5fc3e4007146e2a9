"""SIGKILL ``nightlegs serve`` during a stream of writes: every acknowledged night survives."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from _webtest import alive, descendants, start_serve, stream_nights

pytestmark = pytest.mark.slow


def _upload_in_flight(base: str, uploads: Path) -> None:
    """Upload recordings until one is seen waiting in the server's upload folder."""
    page = httpx.get(f"{base}/upload", timeout=30).text
    csrf = page.split('name="csrf-token" content="')[1].split('"')[0]
    rows = "".join(f"{i / 50:.2f},{i % 7},{i % 11}\n" for i in range(200_000))
    content = ("time,left,right\n" + rows).encode()
    for _ in range(5):
        files = {"file": ("legs.csv", content, "text/csv")}
        response = httpx.post(
            f"{base}/api/recordings", files=files, headers={"X-CSRF-Token": csrf}, timeout=30
        )
        assert response.status_code == 202, response.text
        if any(p.name.startswith("upload-") for p in uploads.glob("server-*/*")):
            return
    raise AssertionError("no upload was ever seen waiting for its analysis")


def test_acknowledged_writes_survive_sigkill(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    uploads = tmp_path / "uploads"
    env = {"NIGHTLEGS_UPLOAD_DIR": str(uploads)}
    proc, base = start_serve(database_url, log, "--assess-processes", "1", env=env)
    children = descendants(proc.pid)
    assert len(children) >= 2  # the assessment worker and multiprocessing's resource tracker
    acknowledged: dict[int, str] = {}
    stop = threading.Event()
    writers = [
        threading.Thread(target=stream_nights, args=(base, acknowledged, stop)) for _ in range(3)
    ]
    try:
        for w in writers:
            w.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.01)
        _upload_in_flight(base, uploads)
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
    deadline = time.monotonic() + 20
    while alive(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(children), "processes outlived the killed server"
    left = [p for p in uploads.glob("server-*/upload-*")]
    assert left  # the killed server's upload is still there ...
    proc, base = start_serve(database_url, log, env=env)
    try:
        stored = {n["id"]: n for n in httpx.get(f"{base}/api/nights", timeout=30).json()}
        assert not [p for p in left if p.exists()]  # ... until a server starts
        recordings = httpx.get(f"{base}/api/recordings", timeout=30).json()
        # The killed server's analyses are failed at once (its folder says it is gone), not
        # after its lease runs out.
        assert recordings and all(r["status"] in ("done", "failed") for r in recordings)
        assert any("interrupted" in (r["error"] or "") for r in recordings)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    missing = sorted(set(acknowledged) - set(stored))
    assert not missing, f"acknowledged but lost: {missing}"
    assert all(stored[i]["notes"] == note for i, note in acknowledged.items())
    assert all(len(stored[i]["episodes"]) == 2 for i in acknowledged)
