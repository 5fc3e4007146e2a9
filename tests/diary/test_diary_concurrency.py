"""Many writers at once lose nothing; an acknowledged write survives SIGKILL (both databases)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time

from nightlegs.diary import EpisodeIn, NightIn, open_store

WRITERS = 20
NIGHTS_PER_WRITER = 5


def test_concurrent_writers_through_separate_stores_lose_nothing(database_url: str) -> None:
    open_store(database_url).close()  # the schema exists before the race (its own test covers it)
    start = threading.Barrier(WRITERS)
    written: dict[int, str] = {}
    errors: list[BaseException] = []
    lock = threading.Lock()

    def write(writer: int) -> None:
        try:
            with open_store(database_url) as store:
                start.wait(timeout=30)
                for n in range(NIGHTS_PER_WRITER):
                    note = f"writer {writer} night {n}"
                    night = store.create_night(
                        NightIn(
                            date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
                            notes=note,
                            episodes=[
                                EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=n)
                            ],
                        )
                    )
                    if n % 2:  # interleave replacements with the inserts
                        night = store.update_night(
                            night.id, night.model_copy(update={"notes": note})
                        )
                    with lock:
                        written[night.id] = note
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(written) == WRITERS * NIGHTS_PER_WRITER
    with open_store(database_url) as store:
        stored = store.list_nights(limit=10_000)
    assert {n.id: n.notes for n in stored} == written
    assert all(len(n.episodes) == 1 for n in stored)


_WRITER_LOOP = """
import datetime as dt, sys
from nightlegs.diary import EpisodeIn, NightIn, open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    night = store.create_night(NightIn(date=dt.date(2024, 1, 1), notes=f"night {n}", episodes=[
        EpisodeIn(side="right", body_site="foot", kind="pain", intensity=n % 11)] * 3))
    print(night.id, flush=True)  # acknowledged: the commit has returned
"""


def test_acknowledged_writes_survive_sigkill(database_url: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER_LOOP, database_url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    acknowledged: list[int] = []
    deadline = time.monotonic() + 30
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        acknowledged.append(int(process.stdout.readline()))
    process.send_signal(signal.SIGKILL)  # mid-stream: the writer is inside its next write
    rest, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # Lines printed in full before the kill count too; a torn last line acknowledges nothing.
    acknowledged += [int(line) for line in rest.split("\n")[:-1]]
    assert len(acknowledged) >= 40
    with open_store(database_url) as store:
        stored = {n.id: n for n in store.list_nights(limit=100_000)}
    assert [i for i in acknowledged if i not in stored] == []
    assert all(len(stored[i].episodes) == 3 for i in acknowledged)
