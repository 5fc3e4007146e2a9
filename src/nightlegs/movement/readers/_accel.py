"""Leg-worn accelerometers: CSV (time, x, y, z in g) and Axivity AX3/AX6 ``.cwa``.

Why .cwa rather than ActiGraph .gt3x: the CWA format is openly documented by Open Movement
(``Docs/ax3/cwa.h``: 1024-byte header, then 512-byte blocks of 80/120 samples), the AX3 is the
common research device (UK Biobank), and the whole file decodes with a few vectorised numpy
operations over all blocks at once, so it needs no extra dependency (pygt3x would add a compiled
package for one vendor format).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from nightlegs.errors import RecordingError
from nightlegs.movement._types import AccelSignal, Side

if TYPE_CHECKING:
    pass

__all__ = ["read_accel_csv", "read_cwa", "side_from_name"]


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


def _uniform(
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
        fs, xyz = _uniform(arr[:, 0], arr[:, 1:], str(path))
        out.append(AccelSignal(label=f"{path.name}:{side}", side=side, fs=fs, xyz_g=xyz))
    return tuple(out)


def read_cwa(path: Path, side: Side | None = None) -> AccelSignal:
    """Decode an Axivity ``.cwa`` file (3-axis packed or 16-bit, AX6 accel axes) to g.

    Sample times come from each block's whole-second timestamp, fractional part and
    ``timestampOffset``; the signal is then linearly resampled onto a uniform grid.

    Examples
    --------
    >>> read_cwa(Path("missing.cwa"))
    Traceback (most recent call last):
    ...
    nightlegs.errors.RecordingError: missing.cwa: file not found
    """
    if not path.is_file():
        raise RecordingError(f"{path}: file not found")
    buf = np.fromfile(path, dtype=np.uint8)
    if buf.size < 1024 + 512 or buf[:2].tobytes() != b"MD":
        raise RecordingError(
            f"{path}: header: expected a CWA file starting with 'MD' and data blocks"
        )
    blocks = buf[1024 : 1024 + (buf.size - 1024) // 512 * 512].reshape(-1, 512)
    blocks = blocks[(blocks[:, 0] == ord("A")) & (blocks[:, 1] == ord("X"))]
    if blocks.size == 0:
        raise RecordingError(f"{path}: no 'AX' data blocks; expected accelerometer data")

    def u16(off: int) -> NDArray[np.int64]:
        lo = blocks[:, off].astype(np.int64)
        hi = blocks[:, off + 1].astype(np.int64)
        return np.asarray(lo | (hi << 8), dtype=np.int64)

    stamp = u16(14) | (u16(16) << 16)
    frac_raw = u16(4)
    rate_code = blocks[:, 24].astype(np.int64)
    fs_blk = 3200.0 / (1 << (15 - (rate_code & 0x0F)))
    axes_bps = blocks[:, 25].astype(np.int64)
    ts_off = u16(26).astype(np.int16).astype(np.float64)
    count = u16(28)
    day = ((stamp >> 26) & 0x3F) * 372 + ((stamp >> 22) & 0x0F) * 31 + ((stamp >> 17) & 0x1F)
    secs = (
        day * 86400.0 + ((stamp >> 12) & 0x1F) * 3600 + ((stamp >> 6) & 0x3F) * 60 + (stamp & 0x3F)
    )
    secs = secs + np.where(frac_raw & 0x8000, (frac_raw & 0x7FFF) / 32768.0, 0.0)
    # 372-day "years" keep order within a night; only differences are used below.
    packed = (axes_bps[0] & 0x0F) == 0
    n_axes = int(axes_bps[0] >> 4) or 3
    payload = blocks[:, 30:510]
    if packed:
        v = payload.copy().view("<u4").astype(np.int64)  # (n_blocks, 120)
        exp = v >> 30
        xyz = np.stack([((v >> s) & 0x3FF) for s in (0, 10, 20)], axis=-1)
        xyz = np.where(xyz >= 512, xyz - 1024, xyz) << exp[..., None]
        unit = 256.0
    else:
        per = payload.copy().view("<i2").reshape(len(blocks), -1, n_axes)
        xyz = per[..., n_axes - 3 if n_axes == 6 else 0 :][..., :3].astype(np.int64)
        unit = float(1 << (8 + int((u16(18)[0] >> 13) & 0x07)))
    n = xyz.shape[1]
    i = np.arange(n)[None, :]
    t = secs[:, None] + (i - ts_off[:, None]) / fs_blk[:, None]
    valid = i < count[:, None]
    t_all, xyz_all = t[valid], xyz[valid].astype(np.float64) / unit
    order = np.argsort(t_all, kind="stable")
    t_all, xyz_all = t_all[order], xyz_all[order]
    keep = np.concatenate([[True], np.diff(t_all) > 0])
    fs, out = _uniform(t_all[keep], xyz_all[keep], str(path))
    return AccelSignal(
        label=path.name, side=side or side_from_name(path.stem) or "left", fs=fs, xyz_g=out
    )
