"""Speed of the web app over loopback, with ratios to a trivial endpoint measured in the same run.

Targets (issue 4): ``POST /api/assess`` throughput at least half that of ``GET /api/health`` of
the same server under the same concurrent load (ratio >= 0.5); the result page renders in
<= 300 ms locally (``POST /result``, the page the interview and the description form lead to);
``GET /api/report?format=html`` is measured too.

The server is ``nightlegs serve`` in its own process on a free loopback port with a temporary
SQLite diary (every assessment is stored, as in real use); the clients are threads with one
keep-alive ``httpx.Client`` each. Every loop is bounded.

Run: ``python benchmarks/bench_web.py [--clients 8] [--requests 200]``
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

__all__ = ["main"]

TEXT = (
    "For a few months my calves cramp at night and the muscle goes rock hard. "
    "Stretching my foot up makes it stop, but the calf is sore the next day. "
    "I started a statin in the spring and there is no swelling."
)
ASSESS = {"text": TEXT, "age": 68, "sex": "female", "pregnant": None}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _server(folder: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "NIGHTLEGS_DATABASE_URL": f"sqlite:///{folder / 'diary.db'}"}
    env.pop("NIGHTLEGS_TOKEN", None)
    log = (folder / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "nightlegs", "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {(folder / 'serve.log').read_text()}")
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def _load(
    base: str, send: Callable[[httpx.Client], httpx.Response], clients: int, requests: int
) -> tuple[float, float, float]:
    """Run ``requests`` per client on ``clients`` threads; (requests/s, p50 ms, p99 ms)."""
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def worker() -> None:
        mine = []
        with httpx.Client(base_url=base, timeout=30) as client:
            send(client).raise_for_status()  # connect and warm up
            barrier.wait()
            for _ in range(requests):
                start = time.perf_counter()
                send(client).raise_for_status()
                mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    return len(latencies) / wall, statistics.median(latencies) * 1000, p99 * 1000


def _render_ms(client: httpx.Client, request: Callable[[], httpx.Response], repeat: int) -> float:
    request().raise_for_status()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        request().raise_for_status()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _fill_diary(client: httpx.Client, nights: int) -> None:
    for day in range(nights):
        body = {
            "date": f"2025-02-{1 + day % 28:02d}",
            "sleep_quality": day % 11,
            "movements_per_hour": 5.0 + day,
            "movements_source": "entered",
            "episodes": [
                {"side": "left", "body_site": "calf", "kind": "cramp", "intensity": day % 11}
            ],
        }
        client.post("/api/nights", json=body).raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="per client")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, _server(Path(tmp)) as base:
        health = _load(base, lambda c: c.get("/api/health"), args.clients, args.requests)
        assess = _load(
            base, lambda c: c.post("/api/assess", json=ASSESS), args.clients, args.requests
        )
        health_again = _load(base, lambda c: c.get("/api/health"), args.clients, args.requests)
        with httpx.Client(base_url=base, timeout=30) as client:
            _fill_diary(client, 28)
            token_match = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text)
            token = token_match.group(1) if token_match else ""
            form = {"text": TEXT, "age": "68", "sex": "female", "csrf_token": token}
            result_ms = _render_ms(client, lambda: client.post("/result", data=form), 30)
            report_ms = _render_ms(client, lambda: client.get("/api/report?format=html"), 20)
            pdf_ms = _render_ms(client, lambda: client.get("/api/report?format=pdf"), 5)
    baseline = max(health[0], health_again[0])
    print(f"web benchmark: {args.clients} concurrent clients x {args.requests} requests, loopback")
    for name, (rps, p50, p99) in (
        ("GET /api/health", health),
        ("POST /api/assess", assess),
        ("GET /api/health (again)", health_again),
    ):
        print(f"  {name:<26} {rps:8.0f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms")
    ratio = assess[0] / baseline
    print(f"  assess/health throughput ratio {ratio:.2f} (target >= 0.5)")
    print(f"  result page POST /result      {result_ms:6.1f} ms median (target <= 300 ms)")
    print(f"  report GET /api/report html   {report_ms:6.1f} ms median (target <= 300 ms)")
    print(f"  report GET /api/report pdf    {pdf_ms:6.1f} ms median")


if __name__ == "__main__":
    main()
