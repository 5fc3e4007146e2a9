"""Leg-worn accelerometers: CSV (time, x, y, z in g); Axivity ``.cwa`` is in ``_cwa``.

Why .cwa rather than ActiGraph .gt3x: the CWA format is openly documented by Open Movement
(``Docs/ax3/cwa.h``: 1024-byte header, then 512-byte blocks of 80/120 samples), the AX3 is the
common research device (UK Biobank), and the whole file decodes with a few vectorised numpy
operations over all blocks at once, so it needs no extra dependency (pygt3x would add a compiled
package for one vendor format).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from nightlegs.errors import RecordingError
from nightlegs.movement._types import AccelSignal, Side

__all__ = ["read_accel_csv", "resample_uniform", "side_from_name"]


def side_from_name(name: str) -> Side | None:
    """Side named in a file name or label ("left", "L", "right", "R" as a word).

    Examples
    --------
    >>> side_from_name("night1_left_ankle.csv"), side_from_name("AX3-R.cwa")
    ('left', 'right')
    """
    toks = set(re.split(r"[^a-z]+", name.lower()))
    if toks & {"left", "l", "lt"}:
        return "left"
    if toks & {"right", "r", "rt"}:
        return "right"
    return None


def resample_uniform(
    t: NDArray[np.float64], xyz: NDArray[np.float64], src: str
) -> tuple[float, NDArray[np.float64]]:
    """Resample to a uniform grid at the median rate (linear), time 0 at the first sample."""
    if t.size < 10:
        raise RecordingError(f"{src}: {t.size} samples; expected at least 10")
    dt = np.diff(t)
    if not np.all(dt > 0):
        raise RecordingError(f"{src}: column 'time': expected strictly increasing seconds")
    fs = float(1.0 / np.median(dt))
    grid = np.arange(0.0, t[-1] - t[0], 1.0 / fs)
    if np.allclose(dt, 1.0 / fs, rtol=1e-3):
        return fs, xyz[: grid.size]
    out = np.column_stack([np.interp(grid, t - t[0], xyz[:, k]) for k in range(3)])
    return fs, out


def read_accel_csv(path: Path) -> tuple[AccelSignal, ...]:
    """Read ``time`` (s), ``x``, ``y``, ``z`` (g) and an optional ``side`` column.

    Without a ``side`` column the side comes from the file name ("left"/"right"/"L"/"R").

    Examples
    --------
    >>> read_accel_csv(Path("missing.csv"))
    Traceback (most recent call last):
    ...
    nightlegs.errors.RecordingError: missing.csv: file not found
    """
    if not path.is_file():
        raise RecordingError(f"{path}: file not found")
    import pandas as pd  # only CSV input needs it; keeps EDF analysis start-up light

    try:
        df = (
            pd.read_csv(path, sep=None, engine="python")
            if path.suffix.lower() == ".tsv"
            else pd.read_csv(path)
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise RecordingError(f"{path}: not a readable CSV ({exc})") from exc
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in ("time", "x", "y", "z") if c not in df.columns]
    if missing:
        raise RecordingError(
            f"{path}: missing column(s) {', '.join(missing)}; expected time (s), x, y, z (g) "
            f"and optionally side; found {', '.join(df.columns)}"
        )
    try:
        num = df[["time", "x", "y", "z"]].apply(pd.to_numeric, errors="raise").to_numpy(float)
    except (ValueError, TypeError) as exc:
        raise RecordingError(f"{path}: columns time, x, y, z: expected numbers ({exc})") from exc
    if not np.isfinite(num).all():
        raise RecordingError(f"{path}: columns time, x, y, z: expected finite numbers (found NaN)")
    groups: list[tuple[Side, NDArray[np.float64]]] = []
    if "side" in df.columns:
        sides = df["side"].astype(str).str.strip().str.lower().str[0]
        for key, side in (("l", "left"), ("r", "right")):
            sel = (sides == key).to_numpy()
            if sel.any():
                groups.append((side, num[sel]))  # type: ignore[arg-type]
        if not groups:
            raise RecordingError(f"{path}: column 'side': expected left/right (L/R) values")
    else:
        groups.append((side_from_name(path.stem) or "left", num))
    out = []
    for side, arr in groups:
        fs, xyz = resample_uniform(arr[:, 0], arr[:, 1:], str(path))
        out.append(AccelSignal(label=f"{path.name}:{side}", side=side, fs=fs, xyz_g=xyz))
    return tuple(out)
