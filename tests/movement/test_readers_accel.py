"""Leg-worn accelerometers: CSV and Axivity .cwa."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from _cwa_writer import write_cwa as _cwa

from nightlegs.errors import RecordingError
from nightlegs.movement.readers import read_recording
from nightlegs.movement.readers._cwa import CWA_BLOCK


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


def test_cwa_packed(tmp_path: Path) -> None:
    path, truth = _cwa(tmp_path / "ax3_L.cwa")
    rec = read_recording(path)
    acc = rec.accelerometers[0]
    assert acc.side == "left"
    assert acc.fs == pytest.approx(100.0)
    np.testing.assert_allclose(acc.xyz_g[:100], truth[:100], atol=1e-3)


def test_cwa_block_dtype_is_the_format() -> None:
    assert CWA_BLOCK.itemsize == 512
    assert CWA_BLOCK.fields is not None
    assert CWA_BLOCK.fields["timestamp_offset"][1] == 26
    assert CWA_BLOCK.fields["data"][1] == 30 and CWA_BLOCK.fields["checksum"][1] == 510


def test_cwa_fractional_timestamps_decode_at_the_right_time(tmp_path: Path) -> None:
    # A 0.7 Hz swing of 1 g sampled at 100 Hz from 12.34 s past a minute: every block carries a
    # different fractional second, so a reader that adds the fraction without undoing the
    # firmware's offset shift puts each block up to a second late.
    fs, n = 100.0, 3000
    t = 12.34 + np.arange(n) / fs
    xyz = np.column_stack([np.sin(2 * np.pi * 0.7 * t), np.cos(2 * np.pi * 0.7 * t), 0 * t])
    path, truth = _cwa(tmp_path / "frac.cwa", seconds=30, xyz_g=xyz, start_s=12.34, fractional=True)
    acc = read_recording(path).accelerometers[0]
    assert acc.fs == pytest.approx(100.0, rel=1e-3)
    m = min(acc.xyz_g.shape[0], truth.shape[0])
    # Quantisation is 1/256 g; the 30 us fraction resolution adds far less at 0.7 Hz.
    np.testing.assert_allclose(acc.xyz_g[:m], truth[:m], atol=6e-3)
    old = _cwa(tmp_path / "old.cwa", seconds=30, xyz_g=xyz, start_s=12.34)[0]
    np.testing.assert_allclose(
        read_recording(old).accelerometers[0].xyz_g[:m], truth[:m], atol=6e-3
    )


def test_cwa_bad_blocks_are_left_out_and_named(tmp_path: Path) -> None:
    path, truth = _cwa(tmp_path / "ax3.cwa")
    data = bytearray(path.read_bytes())
    data[1024 + 3 * 512 + 100] ^= 0xFF  # corrupt one sample of block 4: checksum fails
    data[1024 + 5 * 512 + 2 : 1024 + 5 * 512 + 4] = (400).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    rec = read_recording(path)
    text = " | ".join(rec.warnings)
    assert "1 data blocks left out (checksum is not zero; first: block 4)" in text
    assert "1 data blocks left out (packet length is not 508; first: block 6)" in text
    np.testing.assert_allclose(rec.accelerometers[0].xyz_g[:100], truth[:100], atol=1e-3)


def test_cwa_without_any_valid_block(tmp_path: Path) -> None:
    path, _ = _cwa(tmp_path / "ax3.cwa", seconds=3)
    data = bytearray(path.read_bytes())
    for b in range(3):
        data[1024 + b * 512 + 24] = 2  # rate code 2: not a rate the format defines
    path.write_bytes(bytes(data))
    with pytest.raises(RecordingError, match=r"ax3\.cwa: no valid data block.*sample-rate code"):
        read_recording(path)


def test_cwa_not_a_cwa(tmp_path: Path) -> None:
    p = tmp_path / "x.cwa"
    p.write_bytes(b"XX" + bytes(3000))
    with pytest.raises(RecordingError, match="expected a CWA file"):
        read_recording(p)


def test_cwa_start_is_the_first_sample_time_and_csv_has_none(tmp_path: Path) -> None:
    # The first block is stamped 22:01:15 (fraction .25 or offset -25 samples); the recording
    # starts when its first sample was taken, which hypnograms are aligned to by clock time.
    for fractional in (False, True):
        path, _ = _cwa(tmp_path / "ax3_L.cwa", start_s=75.25, fractional=fractional)
        assert read_recording(path).start == dt.datetime(2024, 3, 5, 22, 1, 15, 250000)
    assert read_recording(_csv(tmp_path / "left.csv")).start is None


def test_cwa_across_the_end_of_a_30_day_month(tmp_path: Path) -> None:
    # 23:59 on 30 April to 00:01 on 1 May is two minutes, not a day and two minutes.
    origin = dt.datetime(2024, 4, 30, 23, 59)
    path, truth = _cwa(tmp_path / "ax3.cwa", seconds=120, origin=origin)
    rec = read_recording(path)
    assert rec.duration_s == pytest.approx(120, abs=0.02)
    np.testing.assert_allclose(
        rec.accelerometers[0].xyz_g, truth[: len(rec.accelerometers[0].xyz_g)]
    )


def test_two_cwa_legs_started_apart_share_one_time_line(tmp_path: Path) -> None:
    # The right device was started 3.5 s after the left one; both record a kick at 10 s of
    # wall-clock time after the left start. On the recording's one time line (starting with the
    # earlier device) the kick must be at the same sample in both legs.
    fs, seconds, late = 100.0, 20.0, 3.5
    n = int(seconds * fs)

    def kick_at(onset_s: float) -> np.ndarray:
        xyz = np.zeros((n, 3))
        xyz[:, 2] = 1.0
        start = int(onset_s * fs)
        xyz[start : start + 50, 0] = 1.5
        return xyz

    left, _ = _cwa(tmp_path / "ax3_L.cwa", seconds=seconds, xyz_g=kick_at(10.0))
    right, _ = _cwa(
        tmp_path / "ax3_R.cwa", seconds=seconds, xyz_g=kick_at(10.0 - late), start_s=late
    )
    rec = read_recording([left, right])
    by_side = {a.side: a.xyz_g for a in rec.accelerometers}
    onsets = {side: int(np.argmax(xyz[:, 0] > 1.0)) for side, xyz in by_side.items()}
    assert onsets["left"] == onsets["right"] == pytest.approx(10.0 * fs, abs=1)
    # The late leg is held still until it starts, and the shift is said, not silent.
    assert np.allclose(by_side["right"][: int(late * fs) - 1, 0], by_side["right"][0, 0])
    assert any("ax3_R.cwa: starts 3.5 s after" in w for w in rec.warnings), rec.warnings
