"""Speed of the web app over loopback, with ratios to a trivial endpoint measured in the same run.

Targets (issues 4 and 7): ``POST /api/assess`` throughput at least half that of
``GET /api/health`` of the same server under the same concurrent load (ratio >= 0.5); the result
page (``POST /result``, the page the interview and the description form lead to) and the HTML
report (``GET /api/report?format=html``) render in <= 300 ms locally with **2 people and 3 years
of nights each** in the diary (each with a saved assessment), for the default 30 days and for
every night (``days=0``). Each page time is also printed as a ratio to the median time of
``GET /api/health`` measured one request at a time in the same run, so runs on a loaded machine
can be compared.

The server is ``nightlegs serve`` in its own process on a free loopback port with a temporary
SQLite diary; the load comes from one asyncio loop with a keep-alive connection per client, sending
pre-encoded requests so that the load generator takes little of the CPU it measures. The nights are
put in with ``POST /api/import`` (one request per person). Every loop is bounded.

Run: ``python benchmarks/bench_web.py [--clients 8] [--requests 150] [--years 3]``
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
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


def _request_bytes(base: str, method: str, path: str, body: dict[str, object] | None) -> bytes:
    """One keep-alive HTTP/1.1 request, encoded once and sent many times."""
    host = base.removeprefix("http://")
    payload = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(payload)}\r\n"
    if body is not None:
        head += "Content-Type: application/json\r\n"
    return (head + "\r\n").encode() + payload


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> None:
    """Send ``request`` and read its whole reply; anything but 200 is an error."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = head[9:12]
    if status != b"200":
        raise RuntimeError(f"status {status.decode()}: {head.decode(errors='replace')}")
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    if length is None:
        raise RuntimeError("reply without Content-Length")
    await reader.readexactly(int(length.group(1)))


def _load(base: str, request: bytes, clients: int, requests: int) -> tuple[float, float, float]:
    """Run ``requests`` per client on ``clients`` keep-alive connections; (requests/s, p50 ms,
    p99 ms).

    The load generator is one asyncio loop sending pre-encoded requests, so that it takes little
    of the CPU the server needs (on a two-core machine an httpx client per thread took most of a
    core and was measured along with the server).
    """
    host, port = base.removeprefix("http://").split(":")

    async def client(start: asyncio.Event, latencies: list[float]) -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            await _exchange(reader, writer, request)  # connect and warm up
            await start.wait()
            for _ in range(requests):
                began = time.perf_counter()
                await _exchange(reader, writer, request)
                latencies.append(time.perf_counter() - began)
        finally:
            writer.close()
            await writer.wait_closed()

    async def run() -> tuple[list[float], float]:
        start = asyncio.Event()
        latencies: list[float] = []
        tasks = [asyncio.create_task(client(start, latencies)) for _ in range(clients)]
        await asyncio.sleep(0.2)  # let every client connect before the clock starts
        began = time.perf_counter()
        start.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=600)
        return latencies, time.perf_counter() - began

    latencies, wall = asyncio.run(run())
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


def _nights(days: int, seed: int) -> list[dict[str, object]]:
    """``days`` nights ending yesterday, with one or two episodes each."""
    today = dt.date.today()
    nights: list[dict[str, object]] = []
    for day in range(days):
        n = day + seed
        episodes = [
            {"side": "left", "body_site": "calf", "kind": "cramp", "intensity": n % 11},
            {"side": "both", "body_site": "thigh", "kind": "urge_to_move", "intensity": n % 7},
        ]
        nights.append(
            {
                "date": (today - dt.timedelta(days=day + 1)).isoformat(),
                "bedtime": "22:30:00",
                "wake_time": "06:45:00",
                "sleep_quality": n % 11,
                "movements_per_hour": float(5 + n % 60),
                "movements_source": "entered",
                "notes": "woke twice" if n % 5 == 0 else None,
                "episodes": episodes[: 1 + n % 2],
            }
        )
    return nights


def _fill_people(client: httpx.Client, years: int) -> list[int]:
    """Two people (the default one and Ada), each with ``years`` years of nights and a saved
    assessment; their ids."""
    first = client.get("/api/people").json()[0]["id"]
    ada = client.post("/api/people", json={"name": "Ada", "birth_year": 1950, "sex": "female"})
    people = [first, ada.raise_for_status().json()["id"]]
    for seed, person in enumerate(people):
        body = {"format": "nightlegs-diary", "version": 1, "nights": _nights(365 * years, seed)}
        imported = client.post(f"/api/import?person={person}", json=body, timeout=300)
        imported.raise_for_status()
        saved = client.post("/api/assess", json={**ASSESS, "save": True, "person": person})
        saved.raise_for_status()
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="per client")
    parser.add_argument("--years", type=int, default=3, help="of nights for each of 2 people")
    parser.add_argument("--repeat", type=int, default=20, help="renders of each page")
    parser.add_argument("--rounds", type=int, default=3, help="of health then assess load")
    args = parser.parse_args()
    pages: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, _server(Path(tmp)) as base:
        # Rounds of health then assess, so that a burst of load from other jobs on a shared
        # machine touches both; the ratio is the median of the rounds' ratios.
        rounds = []
        health_request = _request_bytes(base, "GET", "/api/health", None)
        assess_request = _request_bytes(base, "POST", "/api/assess", ASSESS)
        for _ in range(args.rounds):
            health = _load(base, health_request, args.clients, args.requests)
            assess = _load(base, assess_request, args.clients, args.requests)
            rounds.append((health, assess))
        with httpx.Client(base_url=base, timeout=60) as client:
            people = _fill_people(client, args.years)
            nights = 365 * args.years
            token_match = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text)
            token = token_match.group(1) if token_match else ""
            form = {"text": TEXT, "age": "68", "sex": "female", "csrf_token": token}
            ada = people[1]
            baseline_ms = _render_ms(client, lambda: client.get("/api/health"), 50)
            client.cookies.set("nightlegs_person", str(ada))
            pages["result page POST /result"] = _render_ms(
                client, lambda: client.post("/result", data=form), args.repeat
            )
            for days in (30, 0):
                pages[f"report html, {days or 'all'} days"] = _render_ms(
                    client,
                    lambda d=days: client.get(f"/api/report?format=html&person={ada}&days={d}"),
                    args.repeat,
                )
            pages["trends page (366 nights)"] = _render_ms(
                client, lambda: client.get(f"/trends?person={ada}"), args.repeat
            )
            pages["report pdf, 30 days"] = _render_ms(
                client, lambda: client.get(f"/api/report?format=pdf&person={ada}"), 5
            )
    print(f"web benchmark: {args.clients} concurrent clients x {args.requests} requests, loopback")
    for n, (health, assess) in enumerate(rounds, 1):
        for name, (rps, p50, p99) in (("GET /api/health", health), ("POST /api/assess", assess)):
            print(
                f"  round {n} {name:<18} {rps:8.0f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms"
            )
        print(f"  round {n} ratio {assess[0] / health[0]:.2f}")
    ratio = statistics.median(assess[0] / health[0] for health, assess in rounds)
    verdict = "ok" if ratio >= 0.5 else "MISSED"
    print(
        f"  assess/health throughput ratio {ratio:.2f}, median of rounds (target >= 0.5: {verdict})"
    )
    print(
        f"pages with 2 people x {nights} nights; baseline GET /api/health "
        f"{baseline_ms:.1f} ms median, one request at a time"
    )
    for name, ms in pages.items():
        target = "" if "pdf" in name or "trends" in name else " (target <= 300 ms: "
        if target:
            target += "ok)" if ms <= 300 else "MISSED)"
        print(f"  {name:<28} {ms:7.1f} ms median  {ms / baseline_ms:6.1f}x baseline{target}")


if __name__ == "__main__":
    main()
