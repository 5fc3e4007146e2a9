"""Events CSV and EDF+ annotation export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import edfio
import pandas as pd
import pyedflib
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement.export import write_edf_annotations, write_events_csv

EVENTS = [
    {"onset_s": 12.5, "duration_s": 1.5, "side": "left", "periodic": True, "stage": "N2"},
    {"onset_s": 40.0, "duration_s": 2.0, "side": "both", "periodic": False, "stage": "W"},
]


class Fake:
    def to_dict(self) -> dict[str, Any]:
        return {"events": EVENTS}


def test_events_csv(tmp_path: Path) -> None:
    out = write_events_csv(Fake(), tmp_path / "ev.csv")
    df = pd.read_csv(out)
    assert list(df.columns) == ["onset_s", "duration_s", "side", "periodic", "stage"]
    assert df["onset_s"].tolist() == [12.5, 40.0]
    assert [p.name for p in tmp_path.iterdir()] == ["ev.csv"]


def test_annotation_only_edf_opens_in_edflib(tmp_path: Path) -> None:
    out = write_edf_annotations(Fake(), tmp_path / "lm.edf")
    reader = pyedflib.EdfReader(str(out))  # edflib: the library behind EDFbrowser
    try:
        onsets, durations, texts = reader.readAnnotations()
    finally:
        reader.close()
    assert list(texts) == ["PLM left", "LM both"]
    assert list(onsets) == [12.5, 40.0] and list(durations) == [1.5, 2.0]


def test_annotations_added_to_copy(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = make_edf(annotations=[(0, 30, "Sleep stage W")])
    out = write_edf_annotations(Fake(), tmp_path / "scored.edf", source=src)
    edf = edfio.read_edf(out)
    assert [a.text for a in edf.annotations] == ["Sleep stage W", "PLM left", "LM both"]
    assert edf.labels == edfio.read_edf(src).labels


def test_failed_export_leaves_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.edf"
    bad.write_bytes(b"0       " + b"x" * 300)
    with pytest.raises(RecordingError):
        write_edf_annotations(Fake(), tmp_path / "out" / "scored.edf", source=bad)
    assert not (tmp_path / "out" / "scored.edf").exists()
    assert list((tmp_path / "out").glob("*")) == [] if (tmp_path / "out").exists() else True


def test_recording_edf_carries_its_start_date_and_time(tmp_path: Path) -> None:
    import datetime as dt

    from nightlegs.movement import analyze
    from nightlegs.movement.export import write_recording_edf
    from nightlegs.movement.synthetic import synthesize_night

    night = synthesize_night(0.05, 200, 1.0, seed=2).recording
    dated = write_recording_edf(
        night, tmp_path / "dated.edf", startdate=dt.date(2024, 3, 2), starttime=dt.time(23, 15)
    )
    assert analyze(dated).to_dict()["start"] == "2024-03-02T23:15:00"
    undated = write_recording_edf(night, tmp_path / "undated.edf")
    assert analyze(undated).to_dict()["start"] is None
