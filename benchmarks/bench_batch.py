"""``analyze_batch`` on 20 short synthetic nights with 1 and 2 local worker processes.

Run: ``python benchmarks/bench_batch.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import write_night

from nightlegs.movement.batch import analyze_batch


def main(n: int = 20, hours: float = 1.0) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        for i in range(n):
            write_night(data / f"night{i:02d}.edf", hours, seed=100 + i)
        print(f"{n} nights of {hours:g} h, 2 legs, 256 Hz")
        for workers in (1, 2):
            out = Path(tmp) / f"results{workers}.parquet"
            t = time.perf_counter()
            table = analyze_batch(str(data / "*.edf"), out, workers=workers)
            wall = time.perf_counter() - t
            ok = int((table["status"] == "ok").sum())
            print(
                f"  {workers} worker(s): {wall:.2f} s wall incl. cluster start, {ok}/{n} ok, "
                f"{wall / n:.3f} s per night"
            )
            t = time.perf_counter()
            analyze_batch(str(data / "*.edf"), out, workers=workers)
            print(f"    re-run (all skipped): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
