"""Our ``.cwa`` reader against Open Movement's reference reader (``openmovement.load``).

The reference is ``openmovement`` 0.0.1 from PyPI (``cwa_load.py``: ``CwaData`` for whole files,
``_parse_cwa_data`` for one block); it is in the ``test`` extra, and these tests skip where it is
not installed. The files are synthetic (``_cwa_writer.py``), so the truth is known: each test
asserts the format specification (Open Movement ``cwa.h``) and uses the reference as a second
check where the two agree.

Tolerances: samples within 1e-3 g (a quarter of the 1/256 g count; ours are interpolated onto a
uniform grid, which moves them by far less on these slow signals); times within 1e-4 s (the
fractional stamp resolves 1/32768 s), far inside one sample period even at 400 Hz (2.5 ms).

Where the reference differs from cwa.h (asserted here against cwa.h):

- **Blocks that fail their checksum.** ``CwaData`` computes ``valid_sector`` (checksum, header,
  length, format) but never uses it: the samples of a corrupt block stay in its output. Its
  block parser ``_parse_cwa_data`` does reject the block. We leave it out with a warning.
- **Fractional timestamps.** ``CwaData._parse_times`` undoes the firmware's offset shift in the
  ``uint16`` dtype of the column: ``fraction * 2 * fs // 65536`` raises ``OverflowError`` with
  numpy 2 (NEP 50) and wraps silently with numpy 1. Block times are therefore compared with
  ``_parse_cwa_data``, which does the same correction in Python integers, and whole-file
  sample times with ``CwaData`` only on files without fractions.
- **Samples after the last block's anchor.** ``CwaData`` interpolates times between block
  anchors with ``np.interp``, which does not extrapolate: later samples all get the anchor's
  time. Per-sample times are compared up to that anchor.
- **Accelerometer scale of the packed format.** cwa.h gives the top three bits of
  ``lightScale`` as the *unpacked* accelerometer scale (1/2^(8+n) g); ``CwaData`` divides packed
  samples by it too. The AX3 writes zero there, so real files agree; a packed block with the
  bits set reads in 1/256 g here and 2^n times smaller in the reference.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from _cwa_writer import ORIGIN, set_checksum, write_cwa

from nightlegs.movement.readers._cwa import decode_cwa

cwa_load = pytest.importorskip("openmovement.load.cwa_load")

SAMPLE_TOL_G = 1e-3
TIME_TOL_S = 1e-4
_EPOCH = dt.datetime(1970, 1, 1)


def _slow_swing(seconds: float, fs: float, start_s: float) -> np.ndarray:
    """A leg's slow swing: 0.4 Hz on x and y, 1 g on z, shape (n, 3) in g."""
    t = start_s + np.arange(int(seconds * fs)) / fs
    w = 2 * np.pi * 0.4 * t
    return np.column_stack([0.8 * np.sin(w), 0.5 * np.cos(w), 1 + 0 * t])


def _reference_samples(path: Path) -> np.ndarray:
    """Every sample slot of every block in g, shape (n_blocks * samples_per_block, 3)."""
    with cwa_load.CwaData(str(path), include_time=False, include_gyro=False) as cwa:
        return np.asarray(cwa.get_sample_values(), dtype=np.float64)


def _reference_block_starts(path: Path) -> list[float | None]:
    """Per block: the reference's time of its first sample (s since 1970), None if rejected."""
    data = path.read_bytes()
    out: list[float | None] = []
    for off in range(1024, len(data), 512):
        parsed = cwa_load._parse_cwa_data(data[off : off + 512])
        out.append(parsed.get("estimatedFirstSampleTime"))
    return out


def _epoch(t: dt.datetime) -> float:
    return (t - _EPOCH).total_seconds()


LAYOUTS = [
    pytest.param(
        packed,
        fractional,
        code,
        id=f"{'packed' if packed else '16bit'}-"
        f"{'frac' if fractional else 'whole'}-{3200 / (1 << (15 - code)):g}Hz",
    )
    for packed in (True, False)
    for fractional in (False, True)
    for code in (8, 9, 10, 12)  # 25, 50, 100, 400 Hz
]


@pytest.mark.parametrize(("packed", "fractional", "fs_code"), LAYOUTS)
def test_samples_and_block_times_agree_with_the_reference(
    tmp_path: Path, packed: bool, fractional: bool, fs_code: int
) -> None:
    fs = 3200 / (1 << (15 - fs_code))
    # Without fractions a stamp places a block to a whole sample: 12.36 s is one at every rate.
    seconds, start_s = 12.0, 12.36
    path, truth = write_cwa(
        tmp_path / "ax3.cwa",
        seconds,
        fs_code,
        xyz_g=_slow_swing(seconds, fs, start_s),
        start_s=start_s,
        fractional=fractional,
        packed=packed,
    )
    ours = decode_cwa(path)
    assert ours.warnings == ()
    assert ours.signal.fs == pytest.approx(fs, rel=1e-6)
    xyz = ours.signal.xyz_g
    assert len(truth) - 1 <= len(xyz) <= len(truth)
    np.testing.assert_allclose(xyz, truth[: len(xyz)], atol=SAMPLE_TOL_G)
    np.testing.assert_allclose(xyz, _reference_samples(path)[: len(xyz)], atol=SAMPLE_TOL_G)

    # Time of each block's first sample: cwa.h (the writer's truth), ours, the reference.
    assert ours.start is not None
    per_block = 120 if packed else 80
    first = np.arange(0, len(truth), per_block)
    spec = _epoch(ORIGIN) + start_s + first / fs
    our_times = _epoch(ours.start) + first / ours.signal.fs
    np.testing.assert_allclose(our_times, spec, rtol=0, atol=TIME_TOL_S)
    reference = np.array(_reference_block_starts(path), dtype=np.float64)
    np.testing.assert_allclose(our_times, reference, rtol=0, atol=TIME_TOL_S)


@pytest.mark.parametrize("fs_code", [8, 10, 12])
def test_sample_times_agree_with_the_reference_without_fractions(
    tmp_path: Path, fs_code: int
) -> None:
    path, _ = write_cwa(tmp_path / "ax3.cwa", 12.0, fs_code, start_s=7.56)
    ours = decode_cwa(path)
    assert ours.start is not None
    with cwa_load.CwaData(str(path), include_gyro=False) as cwa:
        ref_t = np.asarray(cwa.get_sample_values(), dtype=np.float64)[:, 0]
    # The reference's times stop at the last block's anchor (its whole-second stamp).
    last_anchor = int(np.flatnonzero(np.diff(ref_t) > 0)[-1])
    k = np.arange(min(last_anchor, len(ours.signal.xyz_g)))
    our_t = _epoch(ours.start) + k / ours.signal.fs
    np.testing.assert_allclose(our_t, ref_t[k], rtol=0, atol=TIME_TOL_S)
    assert our_t[0] == pytest.approx(_epoch(ORIGIN) + 7.56, abs=TIME_TOL_S)


def test_across_a_month_end_both_readers_count_two_minutes(tmp_path: Path) -> None:
    origin = dt.datetime(2024, 4, 30, 23, 59)
    path, truth = write_cwa(tmp_path / "ax3.cwa", 120, origin=origin, fractional=True)
    ours = decode_cwa(path)
    assert ours.start == origin
    assert len(ours.signal.xyz_g) / ours.signal.fs == pytest.approx(120, abs=0.02)
    reference = np.array(_reference_block_starts(path), dtype=np.float64)
    assert reference[-1] - reference[0] == pytest.approx(99 * 1.2, abs=TIME_TOL_S)
    np.testing.assert_allclose(ours.signal.xyz_g, truth[: len(ours.signal.xyz_g)], atol=1e-3)


def test_a_block_failing_its_checksum_is_left_out(tmp_path: Path) -> None:
    path, truth = write_cwa(tmp_path / "ax3.cwa", 20, xyz_g=_slow_swing(20, 100.0, 0.0))
    data = bytearray(path.read_bytes())
    bad = 1024 + 3 * 512
    data[bad + 30 + 4 * 17] ^= 0xFF  # sample 17 of block 4: x changes, the checksum fails
    path.write_bytes(bytes(data))

    ours = decode_cwa(path)
    assert ours.warnings == (
        f"{path}: 1 data blocks left out (checksum is not zero; first: block 4)",
    )
    # The reference's block check agrees; its whole-file reader keeps the corrupt samples.
    starts = _reference_block_starts(path)
    assert starts[3] is None and None not in starts[:3] + starts[4:]
    reference = _reference_samples(path)
    assert abs(reference[3 * 120 + 17, 0] - truth[3 * 120 + 17, 0]) > 0.5
    # Outside the left-out block (bridged by interpolation on our grid) all three agree.
    xyz = ours.signal.xyz_g
    keep = np.r_[0 : 3 * 120, 4 * 120 : len(xyz)]
    np.testing.assert_allclose(xyz[keep], truth[keep], atol=SAMPLE_TOL_G)
    np.testing.assert_allclose(xyz[keep], reference[keep], atol=SAMPLE_TOL_G)
    # The left-out block is bridged by a straight line from the last sample before it.
    bridge = xyz[3 * 120 - 1 : 4 * 120 + 1]
    np.testing.assert_allclose(np.diff(bridge, 2, axis=0), 0, atol=1e-9)


def test_packed_samples_ignore_the_unpacked_scale_bits(tmp_path: Path) -> None:
    path, truth = write_cwa(tmp_path / "ax3.cwa", 5)
    data = bytearray(path.read_bytes())
    for off in range(1024, len(data), 512):
        blk = data[off : off + 512]
        blk[18:20] = (1 << 13).to_bytes(2, "little")  # accel scale n = 1: 1/512 g if unpacked
        set_checksum(blk)
        data[off : off + 512] = blk
    path.write_bytes(bytes(data))
    xyz = decode_cwa(path).signal.xyz_g
    np.testing.assert_allclose(xyz, truth[: len(xyz)], atol=SAMPLE_TOL_G)  # cwa.h: 1/256 g
    reference = _reference_samples(path)[: len(xyz)]
    np.testing.assert_allclose(reference, truth[: len(xyz)] / 2, atol=SAMPLE_TOL_G)
