"""End-to-end speed and memory of ``nightlegs.movement.analyze`` on synthetic EDF+ nights.

Prints read/decode time, scoring time, their ratio, peak traced memory against the decoded
signal, and the time for 2, 8 and 24 h (linearity). Targets (issue 3): 8 h end to end <= 0.5 s,
scoring <= 2x read, peak memory <= 4x decoded signal.

Run: ``python benchmarks/bench_movement.py``
"""

from __future__ import annotations

import subprocess
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
        rss = _peak_rss_delta(path)
        size = path.stat().st_size
        print(
            f"  peak RSS         +{rss / 1e6:.0f} MB in a fresh process = {rss / size:.1f} MB per "
            f"MB of EDF, {rss / decoded:.2f} x decoded leg channels (issue 8: <= 3)"
        )
        print("linearity (end to end):")
        for hours in (2.0, 8.0, 24.0):
            p = Path(tmp) / f"n{hours:g}.edf"
            write_night(p, hours, seed=1)
            t, _ = best(lambda p=p: analyze(p), repeat=2)
            print(f"  {hours:4.0f} h  {t:.3f} s  ({t / hours * 1000:.1f} ms per hour)")
            p.unlink()


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across exec.
_RSS = """
import sys
from pathlib import Path
from nightlegs.movement import analyze
import edfio, scipy.ndimage, scipy.signal  # loaded before the baseline, as in a warm worker
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
before = hwm()
analyze(Path(sys.argv[1]))
print(hwm() - before)
"""


def _peak_rss_delta(path: Path) -> int:
    """Peak resident memory an analysis adds to a process that has its imports loaded (bytes).

    Unlike tracemalloc this counts what the operating system sees: the memory-mapped EDF pages
    read, and memory freed but not yet returned.
    """
    out = subprocess.run(
        [sys.executable, "-c", _RSS, str(path)], check=True, capture_output=True, text=True
    )
    return int(out.stdout.split()[-1])


if __name__ == "__main__":
    main()
