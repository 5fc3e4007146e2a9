"""Start-up of the command line against the same work through the Python API.

Targets (issue 10): ``nightlegs --help`` <= 0.25 s; ``nightlegs analyze`` on an 8 h, 2-leg,
256 Hz EDF+ night at most 0.4 s more than ``analyze()`` in-process. Each figure is the best of
several runs, all in this one run, so the comparison shares the machine's state.

Run: ``python benchmarks/bench_cli.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import write_night

from nightlegs.movement import analyze

SRC = Path(__file__).parents[1] / "src"


def _cli(*args: str, repeat: int) -> float:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "nightlegs", *args],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "night8.edf"
        write_night(path, 8.0)
        analyze(path)  # warm the page cache and the imports
        api = min(_timed(lambda: analyze(path).to_dict()) for _ in range(3))
        help_s = _cli("--help", repeat=7)
        cli = _cli("analyze", str(path), "--json", repeat=5)
        print("8 h, 2 legs, 256 Hz EDF+ night")
        print(f"  nightlegs --help          {help_s:.3f} s   (target <= 0.25 s)")
        print(f"  analyze() in-process      {api:.3f} s")
        print(
            f"  nightlegs analyze --json  {cli:.3f} s   (overhead {cli - api:.3f} s, target <= 0.4)"
        )


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
