"""Leg-worn accelerometers: CSV and Axivity .cwa."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement.readers import read_recording


def _csv(path: Path, n: int = 500, fs: float = 25.0, side: str | None = None) -> Path:
    t = np.arange(n) / fs
    rng = np.random.default_rng(0)
    cols = {
        "time": t,
        "x": rng.normal(0, 0.01, n),
        "y": rng.normal(0, 0.01, n),
        "z": 1 + rng.normal(0, 0.01, n),
    }
    lines = [",".join(cols) + (",side" if side else "")]
    for i in range(n):
        row = ",".join(f"{cols[k][i]:.5f}" for k in cols)
        lines.append(row + (f",{side if i % 2 else 'R'}" if side else ""))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_csv_one_file_per_leg(tmp_path: Path) -> None:
    rec = read_recording([_csv(tmp_path / "left_ankle.csv"), _csv(tmp_path / "right_ankle.csv")])
    assert [a.side for a in rec.accelerometers] == ["left", "right"]
    assert rec.accelerometers[0].fs == pytest.approx(25.0)
    assert rec.accelerometers[0].xyz_g.shape[1] == 3
    assert rec.duration_s == pytest.approx(20, abs=0.1)


def test_csv_side_column(tmp_path: Path) -> None:
    rec = read_recording(_csv(tmp_path / "both.csv", n=1000, fs=50, side="L"))
    assert sorted(a.side for a in rec.accelerometers) == ["left", "right"]


def test_csv_missing_columns(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("time,x,y\n0,0,0\n")
    with pytest.raises(RecordingError, match=r"a\.csv: missing column\(s\) z; expected time"):
        read_recording(p)


def _cwa(path: Path, seconds: int = 20, fs_code: int = 10) -> tuple[Path, np.ndarray]:
    """Write a packed-format AX3 .cwa (100 Hz: rate code 10) following Open Movement's cwa.h."""
    fs = 3200 / (1 << (15 - fs_code))
    n = int(seconds * fs)
    rng = np.random.default_rng(1)
    xyz = np.round(
        np.column_stack(
            [rng.normal(0, 0.05, n), rng.normal(0, 0.05, n), 1 + rng.normal(0, 0.05, n)]
        )
        * 256
    ).astype(np.int64)
    header = bytearray(1024)
    header[0:2] = b"MD"
    blocks = []
    for b, start in enumerate(range(0, n, 120)):
        chunk = xyz[start : start + 120]
        blk = bytearray(512)
        blk[0:2] = b"AX"
        blk[2:4] = (508).to_bytes(2, "little")
        blk[10:14] = b.to_bytes(4, "little")
        sec = start / fs
        stamp = (
            (24 << 26) | (3 << 22) | (5 << 17) | (22 << 12) | (int(sec // 60) << 6) | int(sec % 60)
        )
        blk[14:18] = stamp.to_bytes(4, "little")
        blk[24] = fs_code
        blk[25] = 0x30
        blk[26:28] = int(-(sec % 1) * fs).to_bytes(2, "little", signed=True)
        blk[28:30] = len(chunk).to_bytes(2, "little")
        packed = (
            (chunk[:, 0] & 0x3FF) | ((chunk[:, 1] & 0x3FF) << 10) | ((chunk[:, 2] & 0x3FF) << 20)
        )
        blk[30 : 30 + 4 * len(chunk)] = packed.astype("<u4").tobytes()
        blocks.append(bytes(blk))
    path.write_bytes(bytes(header) + b"".join(blocks))
    return path, xyz / 256.0


def test_cwa_packed(tmp_path: Path) -> None:
    path, truth = _cwa(tmp_path / "ax3_L.cwa")
    rec = read_recording(path)
    acc = rec.accelerometers[0]
    assert acc.side == "left"
    assert acc.fs == pytest.approx(100.0)
    np.testing.assert_allclose(acc.xyz_g[:100], truth[:100], atol=1e-3)


def test_cwa_not_a_cwa(tmp_path: Path) -> None:
    p = tmp_path / "x.cwa"
    p.write_bytes(b"XX" + bytes(3000))
    with pytest.raises(RecordingError, match="expected a CWA file"):
        read_recording(p)
