"""``kill -9`` at scale: writes acknowledged against writes found after a restart (issue 8).

The scenario of ``tests/web/test_sigkill.py``, repeated: ``nightlegs serve`` (one assessment
worker) on a fresh database, three clients posting nights as fast as they are answered, SIGKILL
at a random moment, then a new server on the same database that lists every night. A write
counts as acknowledged when its ``201`` arrived before the kill; the ones in flight at the kill
may or may not be stored (both are correct). Also counted: processes of the killed server still
running after it (there must be none).

On SQLite, and on PostgreSQL as well when ``NIGHTLEGS_TEST_POSTGRES_URL`` is set (a new schema
per run, dropped at exit).

Run: ``python benchmarks/bench_sigkill.py [--runs 20] [--seed 0]``
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# The kill -9 test's own helpers, so that this starts and kills exactly what the test does.
_TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(_TESTS), str(_TESTS / "web")]

from _webtest import alive, descendants, start_serve, stream_nights  # noqa: E402

from _stores import POSTGRES_ENV, postgres_schema_url  # noqa: E402

__all__ = ["main"]

_WRITERS = 3


@dataclass
class _Tally:
    """Counts over all runs on one backend."""

    runs: int = 0
    acknowledged: int = 0
    found: int = 0  # acknowledged writes found after the restart, with their note intact
    in_flight_stored: int = 0  # writes cut off by the kill that were stored anyway
    leftover_processes: int = 0
    lost: list[int] = field(default_factory=list)


def _all_nights(base: str) -> dict[int, str]:
    nights: dict[int, str] = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        while True:
            page = client.get("/api/nights", params={"limit": 1000, "offset": len(nights)})
            page.raise_for_status()
            nights.update({n["id"]: n["notes"] for n in page.json()})
            if len(page.json()) < 1000:
                return nights


def _one_run(url: str, folder: Path, delay: float, tally: _Tally) -> None:
    log = folder / "serve.log"
    env = {"NIGHTLEGS_UPLOAD_DIR": str(folder / "uploads")}
    proc, base = start_serve(url, log, "--assess-processes", "1", env=env)
    children = descendants(proc.pid)
    acknowledged: dict[int, str] = {}
    stop = threading.Event()
    writers = [
        threading.Thread(target=stream_nights, args=(base, acknowledged, stop, f"w{i}"))
        for i in range(_WRITERS)
    ]
    try:
        for writer in writers:
            writer.start()
        deadline = time.monotonic() + 30
        while not acknowledged and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        stop.set()
        for writer in writers:
            writer.join(timeout=10)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # Read once the writers have stopped: a 201 the server sent just before it died still
    # counts, however late its thread got to read it.
    acked = dict(acknowledged)
    deadline = time.monotonic() + 20
    while alive(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    tally.leftover_processes += len(alive(children))
    proc, base = start_serve(url, log, "--assess-processes", "0", env=env)
    try:
        stored = _all_nights(base)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    tally.runs += 1
    tally.acknowledged += len(acked)
    tally.found += sum(stored.get(i) == note for i, note in acked.items())
    tally.in_flight_stored += len(set(stored) - set(acked))
    tally.lost += sorted(i for i, note in acked.items() if stored.get(i) != note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="kills per database (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="for the moments of the kills")
    args = parser.parse_args()
    backends = ["SQLite"] + (["PostgreSQL"] if os.environ.get(POSTGRES_ENV) else [])
    print(
        f"kill -9 of nightlegs serve during {_WRITERS} streams of writes, {args.runs} times per "
        f"database, 0.0-2.0 s after the first acknowledged write"
    )
    for backend in backends:
        moments = random.Random(args.seed)
        tally = _Tally()
        started = time.monotonic()
        for run in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="nightlegs-sigkill-") as tmp:
                folder = Path(tmp)
                if backend == "SQLite":
                    url = f"sqlite:///{folder / 'diary.sqlite3'}"
                else:
                    url = postgres_schema_url()
                _one_run(url, folder, moments.uniform(0.0, 2.0), tally)
            print(
                f"  {backend} run {run + 1}/{args.runs}: {tally.acknowledged} acknowledged so far"
            )
        print(
            f"{backend}: {tally.runs} kills, {tally.acknowledged:,} writes acknowledged, "
            f"{tally.found:,} found after restart ({len(tally.lost)} lost"
            f"{': ' + str(tally.lost[:10]) if tally.lost else ''}); {tally.in_flight_stored} "
            f"writes in flight at the kill stored as well; {tally.leftover_processes} processes "
            f"outlived the server ({time.monotonic() - started:.0f} s)"
        )


if __name__ == "__main__":
    main()
