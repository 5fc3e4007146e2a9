"""Bad input: every failure is a RecordingError naming the file, the field and the expectation."""

from __future__ import annotations

import contextlib
from pathlib import Path

import numpy as np
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement.readers import read_recording


def test_truncated_file(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    raw = make_edf().read_bytes()
    p = tmp_path / "cut.edf"
    p.write_bytes(raw[: len(raw) - 1000])
    with pytest.raises(
        RecordingError, match=r"cut\.edf: truncated: header field 'number of data records'"
    ):
        read_recording(p)


def test_truncated_header(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "h.edf"
    p.write_bytes(make_edf().read_bytes()[:300])
    with pytest.raises(RecordingError, match="truncated"):
        read_recording(p)


def test_wrong_record_count(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    raw = bytearray(make_edf().read_bytes())
    raw[236:244] = b"7       "
    p = tmp_path / "n.edf"
    p.write_bytes(bytes(raw))
    with pytest.raises(RecordingError, match=r"wrong record count.*says 7, the file holds 120"):
        read_recording(p)


def test_corrupt_header_field(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    raw = bytearray(make_edf().read_bytes())
    raw[252:256] = b"x4  "
    p = tmp_path / "c.edf"
    p.write_bytes(bytes(raw))
    with pytest.raises(
        RecordingError, match="header field 'number of signals': expected an integer"
    ):
        read_recording(p)


def test_no_leg_channel_lists_channels(make_edf) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RecordingError, match=r"no leg EMG channel found.*C3-M2, Chin EMG, ECG"):
        read_recording(make_edf(labels=("C3-M2", "Chin EMG", "ECG")))


def test_named_channel_missing(make_edf) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RecordingError, match="leg channel 'LEFT' not found"):
        read_recording(make_edf(), leg_channels="LEFT,RAT")


def test_sampling_rate_too_low(make_edf) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RecordingError, match="sampling rate 50 Hz; expected at least 100 Hz"):
        read_recording(make_edf(fs=50))


def test_low_rate_warns(make_edf) -> None:  # type: ignore[no-untyped-def]
    rec = read_recording(make_edf(fs=128))
    assert any("128 Hz" in w for w in rec.warnings)


def test_flat_channel(make_edf) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(data={"LAT": np.zeros(256 * 120)})
    with pytest.raises(RecordingError, match="channel 'LAT': flat signal"):
        read_recording(path)


def test_saturated_channel(make_edf) -> None:  # type: ignore[no-untyped-def]
    x = np.where(np.arange(256 * 120) % 2, 500.0, -500.0)
    with pytest.raises(RecordingError, match="channel 'RAT': saturated"):
        read_recording(make_edf(data={"RAT": x}))


def test_nan_in_arrays() -> None:
    from nightlegs.movement.analyze import to_recording

    x = np.random.default_rng(0).normal(0, 2, 256 * 60)
    x[1000] = np.nan
    with pytest.raises(RecordingError, match="channel 'left': 1 NaN"):
        to_recording({"left": x}, fs=256)


def test_unknown_units(make_edf) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RecordingError, match="physical dimension 'degC'"):
        read_recording(make_edf(dimension="degC"))


def test_not_an_edf(tmp_path: Path) -> None:
    p = tmp_path / "x.edf"
    p.write_text("hello")
    with pytest.raises(RecordingError, match=r"x\.edf"):
        read_recording(p)


def test_header_corrupted_byte_by_byte(make_edf) -> None:  # type: ignore[no-untyped-def]
    """Every header byte replaced in turn: a valid result or a RecordingError, nothing else."""
    path = make_edf(labels=("Chin", "LAT", "RAT"), seconds=30, fs=128)
    raw = path.read_bytes()
    hdr = int(raw[184:192])
    rng = np.random.default_rng(0)
    for i in range(hdr):
        for value in (b"\x00", b"9", bytes([int(rng.integers(0, 256))])):
            path.write_bytes(raw[:i] + value + raw[i + 1 :])
            with contextlib.suppress(RecordingError):
                read_recording(path)


def test_record_duration_zero(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    raw = bytearray(make_edf().read_bytes())
    raw[244:252] = b"0       "
    p = tmp_path / "zero.edf"
    p.write_bytes(bytes(raw))
    with pytest.raises(
        RecordingError, match=r"zero\.edf: header field 'duration of a data record'.*got 0"
    ):
        read_recording(p)
