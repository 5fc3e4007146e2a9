"""Hypnograms (CSV/TSV, NSRR XML, EDF+ annotations), their fit to the recording, and events."""

from __future__ import annotations

from pathlib import Path

import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement._types import Hypnogram
from nightlegs.movement.readers import (
    fit_hypnogram,
    normalise_stage,
    read_events_file,
    read_hypnogram_file,
    read_recording,
)

SPELLINGS = {
    "W": "W",
    "Wake": "W",
    "Sleep stage W": "W",
    "0": "W",
    "N1": "N1",
    "S1": "N1",
    "Sleep stage 1": "N1",
    "Stage 2": "N2",
    "2": "N2",
    "S3": "N3",
    "S4": "N3",
    "4": "N3",
    "N3": "N3",
    "REM": "R",
    "R": "R",
    "Sleep stage R": "R",
    "5": "R",
    "?": "?",
    "MT": "?",
    "Movement time": "?",
    "Sleep stage ?": "?",
    "Wake|0": "W",
    "Stage 2 sleep|2": "N2",
    "REM sleep|5": "R",
}


@pytest.mark.parametrize(("label", "stage"), SPELLINGS.items())
def test_stage_spellings(label: str, stage: str) -> None:
    assert normalise_stage(label, source="h", where="x") == stage


def test_unknown_stage_names_file_line_and_label(tmp_path: Path) -> None:
    p = tmp_path / "h.csv"
    p.write_text("stage\nW\nN2\nDeep\n")
    with pytest.raises(RecordingError, match=r"h\.csv: line 4: unknown sleep stage 'Deep'"):
        read_hypnogram_file(p)


@pytest.mark.parametrize("sep", [",", "\t"])
def test_csv_tsv_with_epoch_column(tmp_path: Path, sep: str) -> None:
    p = tmp_path / ("h.tsv" if sep == "\t" else "h.csv")
    p.write_text(
        sep.join(["epoch", "stage"])
        + "\n"
        + "\n".join(sep.join([str(i), s]) for i, s in enumerate(["W", "1", "2", "3", "REM"]))
        + "\n"
    )
    hyp, _, _ = read_hypnogram_file(p)
    assert hyp is not None and hyp.stages == ("W", "N1", "N2", "N3", "R")


def test_headerless_one_stage_per_line(tmp_path: Path) -> None:
    p = tmp_path / "h.txt"
    p.write_text("W\nW\nN2\n")
    assert read_hypnogram_file(p)[0].stages == ("W", "W", "N2")  # type: ignore[union-attr]


NSRR = """<?xml version="1.0" encoding="UTF-8"?>
<PSGAnnotation><ScoredEvents>
<ScoredEvent><EventType>Stages|Stages</EventType><EventConcept>Wake|0</EventConcept>
<Start>0</Start><Duration>60.0</Duration></ScoredEvent>
<ScoredEvent><EventType>Stages|Stages</EventType><EventConcept>Stage 2 sleep|2</EventConcept>
<Start>60</Start><Duration>30.0</Duration></ScoredEvent>
<ScoredEvent><EventType>Respiratory|Respiratory</EventType>
<EventConcept>Hypopnea|Hypopnea</EventConcept><Start>65.5</Start><Duration>12</Duration></ScoredEvent>
<ScoredEvent><EventType>Arousals|Arousals</EventType>
<EventConcept>ASDA arousal|Arousal (ASDA)</EventConcept>
<Start>80</Start><Duration>4</Duration></ScoredEvent>
</ScoredEvents></PSGAnnotation>"""


def test_nsrr_xml(tmp_path: Path) -> None:
    p = tmp_path / "n.xml"
    p.write_text(NSRR)
    hyp, resp, arousals = read_hypnogram_file(p)
    assert hyp is not None and hyp.stages == ("W", "W", "N2")
    assert [(e.onset_s, e.duration_s) for e in resp] == [(65.5, 12.0)]
    assert arousals[0].onset_s == 80
    assert read_events_file(p)[0] == resp


def test_recording_with_xml_hypnogram(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "n.xml"
    p.write_text(NSRR)
    rec = read_recording(make_edf(seconds=90), hypnogram=p)
    assert rec.hypnogram is not None and len(rec.hypnogram.stages) == 3
    assert len(rec.respiratory_events) == 1


def test_hypnogram_much_longer_is_an_error(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "h.csv"
    p.write_text("\n".join(["W"] * 20) + "\n")
    with pytest.raises(RecordingError, match="longer than the recording"):
        read_recording(make_edf(seconds=120), hypnogram=p)


def test_hypnogram_shorter_rule() -> None:
    hyp, warnings = fit_hypnogram(Hypnogram(("W",) * 6), 300.0, "h.csv")
    assert hyp.stages == ("W",) * 6 + ("?",) * 4
    assert "shorter" in warnings[0]
    with pytest.raises(RecordingError, match="cover 20%"):
        fit_hypnogram(Hypnogram(("W",) * 2), 300.0, "h.csv")
    # within one epoch: silent
    assert fit_hypnogram(Hypnogram(("W",) * 4), 125.0, "h.csv") == (
        Hypnogram(("W",) * 4 + ("?",)),
        [],
    )


def test_events_csv_missing_columns(tmp_path: Path) -> None:
    p = tmp_path / "e.csv"
    p.write_text("start,length\n1,2\n")
    with pytest.raises(RecordingError, match="expected onset_s, duration_s, kind"):
        read_events_file(p)
