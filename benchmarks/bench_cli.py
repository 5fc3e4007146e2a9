"""Issue 10's speed targets in one run, on one 8 h, 2-leg, 256 Hz EDF+ night.

Baseline: psgscoring's whole in-process run (reading the same file, then
``psgscoring.plm.analyze_plm``), measured in this same run when psgscoring is installed (the
``bench`` extra: ``pip install -e .[bench]``; never a runtime dependency). Against it:

- ``analyze()`` through the Python API: at least 10x faster;
- ``nightlegs analyze --json`` as a fresh process: at least 4x faster, and at most 0.4 s more
  than the API call;
- ``nightlegs --help``: at most 0.25 s.

To explain the command's overhead, the import times of what it needs (numpy and edfio;
scipy.signal) are measured in fresh processes too. Each figure is the best of several runs,
after one that is not counted.

Run: ``python benchmarks/bench_cli.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _common import write_night

from nightlegs.movement import analyze

SRC = Path(__file__).parents[1] / "src"
# The commands run as an installed nightlegs runs: from compiled bytecode (pip compiles a
# package when it installs it). With PYTHONDONTWRITEBYTECODE set, as on some CI machines, each
# fresh process would compile the package's modules from source again, about 0.05 s that no
# installed copy pays; the first run of each command below writes the bytecode.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
}


def _process(args: list[str], repeat: int) -> float:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=ENV)  # writes the bytecode
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - t)
    return min(times)


def _cli(*args: str, repeat: int) -> float:
    return _process([sys.executable, "-m", "nightlegs", *args], repeat)


def _import(module: str, repeat: int = 3) -> float:
    """Fresh-process time of ``import module`` minus that of an empty interpreter."""
    bare = _process([sys.executable, "-c", "pass"], repeat)
    return _process([sys.executable, "-c", f"import {module}"], repeat) - bare


def _best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _psgscoring(path: Path) -> Callable[[], Any] | None:
    try:
        from psgscoring.plm import analyze_plm
    except ImportError:
        return None
    from nightlegs.movement.readers import read_recording

    def run() -> Any:
        rec = read_recording(path)
        legs = {leg.side: leg.emg_uv for leg in rec.legs}
        hyp = list(rec.hypnogram.stages) if rec.hypnogram else []
        resp = [{"onset_s": e.onset_s, "duration_s": e.duration_s} for e in rec.respiratory_events]
        return analyze_plm(
            legs.get("left"),
            legs.get("right"),
            rec.legs[0].fs,
            hyp,
            resp,
            leg_unit="uV",
            event_list_cap=None,
        )

    return run


def _line(name: str, seconds: float, note: str = "") -> None:
    print(f"  {name:<34} {seconds:7.3f} s   {note}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "night8.edf"
        write_night(path, 8.0)
        analyze(path)  # warm the page cache and the imports
        api = _best(lambda: analyze(path).to_dict(), 5)
        psg_run = _psgscoring(path)
        psg = _best(psg_run, 2) if psg_run is not None else None
        help_s = _cli("--help", repeat=7)
        cli = _cli("analyze", str(path), "--json", repeat=5)
        imports = {m: _import(m) for m in ("numpy, edfio", "scipy.signal", "typer, pydantic")}
        print(f"8 h, 2 legs, 256 Hz EDF+ night ({path.stat().st_size / 1e6:.0f} MB)")
        if psg is None:
            print("  psgscoring                         not installed (pip install -e .[bench])")
        else:
            _line("psgscoring in-process (baseline)", psg, "1.00x")
        ratio = f"{psg / api:5.1f}x faster (target >= 10x)" if psg else ""
        _line("analyze() in-process", api, ratio)
        ratio = f"{psg / cli:5.1f}x faster (target >= 4x)" if psg else ""
        _line("nightlegs analyze --json", cli, ratio)
        _line("  overhead over the API", cli - api, "(target <= 0.4 s)")
        _line("nightlegs --help", help_s, "(target <= 0.25 s)")
        print("where the command's overhead goes (fresh-process imports):")
        for module, seconds in imports.items():
            _line(f"  import {module}", seconds)


if __name__ == "__main__":
    main()
