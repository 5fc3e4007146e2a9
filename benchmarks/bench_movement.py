"""End-to-end speed and memory of ``nightlegs.movement.analyze`` on synthetic EDF+ nights.

Prints read/decode time, scoring time, their ratio, peak traced memory against the decoded
signal, and the time for 2, 8 and 24 h (linearity). Targets (issue 3): 8 h end to end <= 0.5 s,
scoring <= 2x read, peak memory <= 4x decoded signal.

Run: ``python benchmarks/bench_movement.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import write_night

from nightlegs.movement import analyze
from nightlegs.movement.readers import read_recording
from nightlegs.movement.scoring import score


def best(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "night8.edf"
        write_night(path, 8.0)
        t_read, rec = best(lambda: read_recording(path))
        t_score, _ = best(lambda rec=rec: score(rec))  # type: ignore[misc]
        t_total, _ = best(lambda: analyze(path))
        decoded = sum(leg.emg_uv.nbytes for leg in rec.legs)  # type: ignore[attr-defined]
        del rec
        tracemalloc.start()
        analyze(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"8 h, 2 legs, 256 Hz EDF+ ({path.stat().st_size / 1e6:.0f} MB)")
        print(f"  read+decode      {t_read:.3f} s")
        print(f"  scoring          {t_score:.3f} s   (ratio {t_score / t_read:.2f}, target <= 2)")
        print(f"  end to end       {t_total:.3f} s   (target <= 0.5 s)")
        print(
            f"  peak memory      {peak / 1e6:.0f} MB = {peak / decoded:.2f} x decoded signal "
            f"({decoded / 1e6:.0f} MB; target <= 4)"
        )
        print("linearity (end to end):")
        for hours in (2.0, 8.0, 24.0):
            p = Path(tmp) / f"n{hours:g}.edf"
            write_night(p, hours, seed=1)
            t, _ = best(lambda p=p: analyze(p), repeat=2)
            print(f"  {hours:4.0f} h  {t:.3f} s  ({t / hours * 1000:.1f} ms per hour)")
            p.unlink()


if __name__ == "__main__":
    main()
