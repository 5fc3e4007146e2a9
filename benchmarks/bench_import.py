"""Diary import speed, and how long another writer waits meanwhile (issue 8).

One diary file per run; a second store (its own connection pool, as a second request thread)
writes one night after another while the import runs. Printed for the staged import
(``SqlDiaryStore.import_diary``) and, in the same run, for the one-transaction ORM import it
replaced: import rows per second, and the other writer's median and slowest write against its
median write with no import running (the baseline, measured first).

Run: ``python benchmarks/bench_import.py [--nights 50000] [--postgres URL]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from nightlegs.diary import DiaryExport, EpisodeIn, NightIn, SqlDiaryStore, open_store
from nightlegs.diary._convert import apply_night
from nightlegs.diary._orm import NightRow

__all__ = ["main"]


def _diary(nights: int) -> DiaryExport:
    cramp = EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=6, helped="walking")
    return DiaryExport(
        nights=[
            NightIn(
                date=dt.date(2000, 1, 1) + dt.timedelta(days=n % 9000),
                sleep_quality=n % 11,
                notes=f"night {n}",
                episodes=[cramp],
            )
            for n in range(nights)
        ]
    )


def _one_transaction(store: SqlDiaryStore, data: DiaryExport) -> int:
    """The import as it was before issue 8: every ORM row in one write transaction."""
    with store._transaction() as session:
        for index, night in enumerate(data.nights):
            row = NightRow()
            apply_night(row, night, where=f"nights[{index}]")
            session.add(row)
    return len(data.nights)


def _writes(other: SqlDiaryStore, stop: threading.Event, out: list[float]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        other.create_night(NightIn(date=dt.date(2024, 1, 1), notes="other writer"))
        out.append(time.perf_counter() - started)


def _run(url: str, data: DiaryExport, rows: int, name: str, how: Callable[..., int]) -> None:
    with open_store(url) as store, open_store(url) as other:
        alone: list[float] = []
        stop = threading.Event()
        timer = threading.Timer(1.0, stop.set)
        timer.start()
        _writes(other, stop, alone)
        during: list[float] = []
        stop = threading.Event()
        writer = threading.Thread(target=_writes, args=(other, stop, during))
        writer.start()
        started = time.perf_counter()
        how(store, data)
        took = time.perf_counter() - started
        stop.set()
        writer.join()
    base = statistics.median(alone)
    print(
        f"  {name:<22} {rows / took:>9,.0f} rows/s ({took:5.1f} s); other writer: "
        f"{len(during):>5} writes, median {statistics.median(during) * 1e3:6.1f} ms "
        f"({statistics.median(during) / base:5.1f}x alone), slowest {max(during) * 1e3:7.0f} ms "
        f"({max(during) / base:6.0f}x alone; alone {base * 1e3:.1f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nights", type=int, default=50_000)
    parser.add_argument("--postgres", help="also on this PostgreSQL URL (an empty database)")
    args = parser.parse_args()
    data = _diary(args.nights)
    rows = args.nights * 2
    print(f"import of {args.nights:,} nights with one episode each ({rows:,} rows)")
    with tempfile.TemporaryDirectory() as tmp:
        urls = [("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")]
        if args.postgres:
            urls.append(("PostgreSQL", args.postgres))
        for backend, url in urls:
            print(backend)
            _run(url, data, rows, "one transaction (before)", _one_transaction)
            _run(url, data, rows, "staged (now)", lambda s, d: s.import_diary(d))


if __name__ == "__main__":
    main()
