"""Every label of the leg-channel table is found with its side, in EDF files laid out like each
dataset's own (labels, units, sampling rates, record duration, transducer and prefiltering)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import edfio
import numpy as np
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement.readers import find_leg_channels, is_leg_label, read_recording, side_of
from nightlegs.movement.readers._header import check_header
from nightlegs.movement.readers._label_table import label_table


class Sig(NamedTuple):
    label: str
    fs: float
    unit: str = "uV"
    transducer: str = ""
    prefilter: str = ""
    prange: tuple[float, float] = (-500.0, 500.0)


_TIB = "AgAgCl electrodes"
# One layout per dataset: the channels around the legs as the files have them.
LAYOUTS: dict[str, tuple[float, list[Sig]]] = {
    "cap": (
        1.0,
        [
            Sig("Fp2-F4", 512),
            Sig("C4-A1", 512),
            Sig("ROC-LOC", 512),
            Sig("EMG1-EMG2", 512),
            Sig("ECG1-ECG2", 512, "mV", prange=(-5, 5)),
            Sig("DX1-DX2", 512, transducer=_TIB, prefilter="HP:10Hz LP:100Hz"),
            Sig("SX1-SX2", 512, transducer=_TIB, prefilter="HP:10Hz LP:100Hz"),
            Sig("Posizione", 1, "", prange=(0, 255)),
            Sig("SAO2", 1, "%", prange=(0, 100)),
        ],
    ),
    "mass": (
        1.0,
        [
            Sig("EEG C3-CLE", 256),
            Sig("EMG Chin1", 256, transducer="Ag-AgCl electrode"),
            Sig("ECG I", 256, "mV", prange=(-5, 5)),
            Sig("EMG Ant Tibial L", 256, transducer="Ag-AgCl electrode", prefilter="HP:10Hz"),
            Sig("EMG Ant Tibial R", 256, transducer="Ag-AgCl electrode", prefilter="HP:10Hz"),
            Sig("Resp Belt Thor", 32, "", prange=(-100, 100)),
        ],
    ),
    "isruc": (
        1.0,
        [
            Sig("LOC-A2", 200),
            Sig("C3-A2", 200),
            Sig("X1", 200),
            Sig("X2", 200, "mV", prange=(-5, 5)),
            Sig("X3", 200),
            Sig("X4", 200),
            Sig("X5", 200),
            Sig("X6", 200),
            Sig("SaO2", 1, "%", prange=(0, 100)),
        ],
    ),
    "nsrr-cfs": (
        1.0,
        [
            Sig("C3", 128, prefilter="HP:0.16Hz LP:105Hz"),
            Sig("EMG1", 256, transducer="Gold cup electrode"),
            Sig("L Leg", 64, transducer="Compumedics piezo leg leads"),
            Sig("R Leg", 64, transducer="Compumedics piezo leg leads"),
            Sig("SpO2", 1, "%", prange=(0, 100)),
        ],
    ),
    "nsrr-sof": (
        1.0,
        [
            Sig("Position", 4, "", prange=(0, 5)),
            Sig("Leg/L", 64, transducer="Compumedics piezo sensor", prefilter="HP:0.15Hz"),
            Sig("Leg/R", 64, transducer="Compumedics piezo sensor", prefilter="HP:0.15Hz"),
            Sig("C3", 128),
        ],
    ),
    "nsrr-mesa": (
        1.0,
        [Sig("EKG", 256, "mV", prange=(-5, 5)), Sig("Chin", 256), Sig("Leg", 256), Sig("Thor", 32)],
    ),
    "nsrr-shhs": (
        1.0,
        [Sig("EEG(sec)", 125), Sig("ECG", 125, "mV", prange=(-5, 5)), Sig("EMG", 125)],
    ),
    "sleep-edf": (
        30.0,
        [
            Sig("EEG Fpz-Cz", 100, transducer="Ag-AgCl electrodes"),
            Sig("EOG horizontal", 100),
            Sig(
                "EMG submental",
                1,
                transducer="Ag-AgCl electrodes",
                prefilter="HP:16Hz Rectification LP:0.7Hz",
            ),
        ],
    ),
    "stanford": (
        1.0,
        [
            Sig("EEG C3-A2", 500),
            Sig("EMG Chin", 200),
            Sig("Leg 1", 200),
            Sig("Leg 2", 200),
            Sig("ECG II", 200, "mV", prange=(-5, 5)),
        ],
    ),
    "stages": (
        1.0,
        [Sig("C3-M2", 1000), Sig("Chin1-Chin2", 1000), Sig("LAT", 1000), Sig("RAT", 1000)],
    ),
    "generic": (1.0, [Sig("C4-M1", 256), Sig("PLM1", 256), Sig("PLM2", 256)]),
}
#: (left, right) each layout must give; None: no leg channel in that dataset.
EXPECTED: dict[str, tuple[str, str] | tuple[str] | None] = {
    "cap": ("SX1-SX2", "DX1-DX2"),
    "mass": ("EMG Ant Tibial L", "EMG Ant Tibial R"),
    "isruc": ("X3", "X4"),
    "nsrr-cfs": ("L Leg", "R Leg"),
    "nsrr-sof": ("Leg/L", "Leg/R"),
    "nsrr-mesa": ("Leg",),
    "nsrr-shhs": None,
    "sleep-edf": None,
    "stanford": ("Leg 1", "Leg 2"),
    "stages": ("LAT", "RAT"),
    "generic": ("PLM1", "PLM2"),
}


def _write(path: Path, record_s: float, sigs: list[Sig], seconds: float = 60.0) -> Path:
    rng = np.random.default_rng(0)
    signals = []
    for s in sigs:
        lo, hi = s.prange
        x = np.clip(rng.normal((lo + hi) / 2, (hi - lo) / 200, int(seconds * s.fs)), lo, hi)
        signals.append(
            edfio.EdfSignal(
                x,
                s.fs,
                label=s.label,
                transducer_type=s.transducer,
                physical_dimension=s.unit,
                physical_range=s.prange,
                prefiltering=s.prefilter,
            )
        )
    edfio.Edf(signals, data_record_duration=record_s).write(path)
    return path


def test_every_table_row_has_a_layout() -> None:
    assert {row.id for row in label_table().datasets} == set(LAYOUTS) == set(EXPECTED)


@pytest.mark.parametrize("dataset", sorted(LAYOUTS))
def test_dataset_layout(dataset: str, tmp_path: Path) -> None:
    record_s, sigs = LAYOUTS[dataset]
    path = _write(tmp_path / f"{dataset}.edf", record_s, sigs)
    labels = list(check_header(path).labels)
    expected = EXPECTED[dataset]
    if expected is None:
        with pytest.raises(RecordingError, match="no leg EMG channel found"):
            read_recording(path)
        return
    chosen, warnings = find_leg_channels(labels, source=str(path))
    assert [c.label for c in chosen] == list(expected)
    unsided = not any(side_of(lab) for lab in expected)
    for chan, side in zip(chosen, ("left", "right"), strict=False):
        assert chan.side == side
        if unsided:
            # the side was not in the label: the result says which channel was taken as which
            assert chan.side_from == "file order"
            assert any(repr(chan.label) in w and f"the {side} leg" in w for w in warnings)
    if min(s.fs for s in sigs if s.label in expected) < 100:
        with pytest.raises(RecordingError, match=rf"{expected[0]}.*expected at least 100 Hz"):
            read_recording(path)
    else:
        rec = read_recording(path)
        assert [leg.label for leg in rec.legs] == list(expected)
        assert [leg.side_from for leg in rec.legs] == [c.side_from for c in chosen]


def _table_labels() -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    rows = []
    for row in label_table().datasets:
        for side, labels in (("left", row.left), ("right", row.right), (None, row.unsided)):
            rows += [(row.id, lab, side, row.requires) for lab in labels]
    return rows


@pytest.mark.parametrize(("dataset", "label", "side", "requires"), _table_labels())
def test_every_label_in_the_table(
    dataset: str, label: str, side: str | None, requires: tuple[str, ...]
) -> None:
    chosen, _ = find_leg_channels(["C3-M2", "Chin", *requires, label])
    assert [c.label for c in chosen] == [label]
    if side is None:
        assert chosen[0].side_from == "file order"
    else:
        assert (chosen[0].side, chosen[0].side_from) == (side, "label")
    if not requires:
        assert is_leg_label(label) and side_of(label) == side


@pytest.mark.parametrize(
    "label",
    ["EOG dx", "EOG sin", "deltoide", "milo", "X3", "EMG", "EMG1-EMG2", "AT", "Latency", "EKG"],
)
def test_labels_that_are_not_legs(label: str) -> None:
    assert not is_leg_label(label)


def test_isruc_labels_need_the_isruc_layout() -> None:
    with pytest.raises(RecordingError, match="no leg EMG"):
        find_leg_channels(["C3-M2", "X3", "X4"])


def test_same_side_electrodes_prefer_the_derivation() -> None:
    chosen, warnings = find_leg_channels(["SX1", "SX2", "SX1-SX2", "DX1", "DX2", "DX1-DX2"])
    assert [(c.label, c.side) for c in chosen] == [("SX1-SX2", "left"), ("DX1-DX2", "right")]
    assert any("not used: SX1, SX2, DX1, DX2" in w for w in warnings)


def test_explicit_unsided_channels_follow_the_given_order() -> None:
    chosen, warnings = find_leg_channels(["Leg 1", "Leg 2"], ["Leg 2", "Leg 1"])
    assert [(c.label, c.side, c.side_from) for c in chosen] == [
        ("Leg 2", "left", "leg_channels order"),
        ("Leg 1", "right", "leg_channels order"),
    ]
    assert len(warnings) == 2


def test_every_row_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "leg-channels.md").read_text(encoding="utf-8")
    for row in label_table().datasets:
        assert f"(`{row.id}`)" in doc, row.id
