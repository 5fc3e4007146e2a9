"""EDF/EDF+/BDF reading: channels by label, units, annotations, discontinuous records."""

from __future__ import annotations

from pathlib import Path

import edfio
import numpy as np
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement.readers import find_leg_channels, is_leg_label, read_recording, side_of

LEG_LABELS = {
    "LAT": "left",
    "RAT": "right",
    "Leg L": "left",
    "L Leg": "left",
    "EMG Left Leg": "left",
    "LLEG": "left",
    "RLEG": "right",
    "PLM l": "left",
    "Left Tibialis": "left",
    "TIB-L": "left",
    "Leg/R": "right",
    "AT-R": "right",
    "EMG Right Leg": "right",
    "Tib R": "right",
}


@pytest.mark.parametrize(("label", "side"), LEG_LABELS.items())
def test_leg_labels_and_sides(label: str, side: str) -> None:
    assert is_leg_label(label)
    assert side_of(label) == side


@pytest.mark.parametrize(
    "label",
    [
        "Chin EMG",
        "EMG Chin",
        "Chin1-Chin2",
        "C3-M2",
        "ECG",
        "LOC",
        "Abdomen",
        "EMG1",
        "Latency",
        "Arm L",
        "SpO2",
    ],
)
def test_non_leg_labels(label: str) -> None:
    assert not is_leg_label(label)


def test_unsided_channel_gets_remaining_side() -> None:
    chosen, warnings = find_leg_channels(["Tib", "RAT"])
    assert [tuple(c) for c in chosen] == [("Tib", "left", "file order"), ("RAT", "right", "label")]
    assert any("'Tib'" in w and "left" in w for w in warnings)


def test_reads_two_legs_in_uv(make_edf) -> None:  # type: ignore[no-untyped-def]
    rec = read_recording(make_edf())
    assert [leg.label for leg in rec.legs] == ["LAT", "RAT"]
    assert [leg.side for leg in rec.legs] == ["left", "right"]
    assert rec.legs[0].fs == 256
    assert rec.duration_s == pytest.approx(120)
    assert rec.legs[0].emg_uv.dtype == np.float64
    assert 1.0 < float(np.median(np.abs(rec.legs[0].emg_uv))) < 5.0


@pytest.mark.parametrize(("dimension", "scale"), [("mV", 1e-3), ("V", 1e-6), ("µV", 1.0)])
def test_units_converted(make_edf, dimension: str, scale: float) -> None:  # type: ignore[no-untyped-def]
    ref = read_recording(make_edf("a.edf")).legs[0].emg_uv
    path = make_edf("b.edf", dimension="uV" if dimension == "µV" else dimension, scale=scale)
    if dimension == "µV":  # edfio writes ASCII only; real files carry latin-1 "µV"
        raw = path.read_bytes()
        hdr = int(raw[184:192])
        path.write_bytes(raw[:256] + raw[256:hdr].replace(b"uV      ", b"\xb5V      ") + raw[hdr:])
    rec = read_recording(path)
    np.testing.assert_allclose(rec.legs[0].emg_uv, ref, atol=0.05)


def test_explicit_channels(make_edf) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(labels=("EMG1", "EMG2", "C3"))
    rec = read_recording(path, leg_channels="emg1, EMG2")
    assert [(leg.label, leg.side) for leg in rec.legs] == [("EMG1", "left"), ("EMG2", "right")]


def test_annotations_give_hypnogram_and_events(make_edf) -> None:  # type: ignore[no-untyped-def]
    anns = [
        (0, 60, "Sleep stage W"),
        (60, 30, "Sleep stage 2"),
        (90, 30, "Sleep stage R"),
        (30, 12, "Obstructive Apnea"),
        (70, 3, "Arousal"),
    ]
    rec = read_recording(make_edf(annotations=anns))
    assert rec.hypnogram is not None
    assert rec.hypnogram.stages == ("W", "W", "N2", "R")
    assert [e.onset_s for e in rec.respiratory_events] == [30]
    assert [e.kind for e in rec.arousals] == ["Arousal"]


def test_discontinuous_records_placed_at_onsets(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(seconds=20)
    edf = edfio.read_edf(path)
    ann = next(s for s in edf._signals if s._is_annotation_signal)
    n_bytes = ann.samples_per_data_record * 2
    raw = bytearray(path.read_bytes())
    hdr = edf.bytes_in_header_record
    rec_len = sum(s.samples_per_data_record for s in edf._signals) * 2
    off = sum(s.samples_per_data_record for s in edf._signals if not s._is_annotation_signal) * 2
    for r in range(edf.num_data_records):  # records 10.. start 30 s later: a 30-s gap
        onset = r if r < 10 else r + 30
        tal = f"+{onset}\x14\x14\x00".encode().ljust(n_bytes, b"\x00")
        start = hdr + r * rec_len + off
        raw[start : start + n_bytes] = tal
    raw[192:197] = b"EDF+D"
    out = tmp_path / "disc.edf"
    out.write_bytes(bytes(raw))
    rec = read_recording(out)
    assert rec.duration_s == pytest.approx(50)
    leg = rec.legs[0]
    assert leg.emg_uv.size == 50 * 256
    assert np.all(leg.emg_uv[(11 * 256) : (39 * 256)] == 0)
    assert any("discontinuous" in w for w in rec.warnings)


def test_bdf(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    sigs = [
        edfio.BdfSignal(
            rng.normal(0, 3, 256 * 30),
            256,
            label=lab,
            physical_dimension="uV",
            physical_range=(-1000, 1000),
        )
        for lab in ("Chin", "Leg L", "Leg R")
    ]
    path = tmp_path / "n.bdf"
    edfio.Bdf(sigs, annotations=[edfio.EdfAnnotation(0, 30, "Sleep stage N1")]).write(path)
    rec = read_recording(path)
    assert [leg.side for leg in rec.legs] == ["left", "right"]
    assert rec.hypnogram is not None and rec.hypnogram.stages == ("N1",)


def test_unknown_file_type(tmp_path: Path) -> None:
    p = tmp_path / "x.wav"
    p.write_bytes(b"RIFF")
    with pytest.raises(RecordingError, match="file type"):
        read_recording(p)
