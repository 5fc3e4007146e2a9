"""Hypnograms in the forms sleep labs store them: Sleep-EDF hypnogram EDF+ files that run past
the recording, CAP Sleep Database ``.txt`` files in clock time, and EDF+D gaps."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import edfio
import numpy as np
import pytest

from nightlegs.movement import analyze
from nightlegs.movement._types import Hypnogram, Interval, LegSignal, Recording
from nightlegs.movement.readers import read_hypnogram_file, read_recording
from nightlegs.movement.scoring import score


def _sleep_edf_hypnogram(
    path: Path, start: datetime.time, spans: list[tuple[int, int, str]]
) -> Path:
    """An annotation-only EDF+ like Sleep-EDF's *-Hypnogram.edf (one record of 0 s)."""
    anns = [edfio.EdfAnnotation(o, d, text) for o, d, text in spans]
    edfio.Edf([], annotations=anns, starttime=start).write(path)
    return path


def test_sleep_edf_hypnogram_past_the_end_is_trimmed(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start = datetime.time(23, 1, 0)
    psg = make_edf("SC4001E0-PSG.edf", seconds=300, starttime=start)
    hyp = _sleep_edf_hypnogram(
        tmp_path / "SC4001EC-Hypnogram.edf",
        start,
        [
            (0, 60, "Sleep stage W"),
            (60, 30, "Sleep stage 1"),
            (90, 150, "Sleep stage 2"),
            (240, 30, "Sleep stage R"),
            (270, 30, "Movement time"),
            (300, 2400, "Sleep stage ?"),
        ],
    )
    rec = read_recording(psg, hypnogram=hyp)
    assert rec.hypnogram is not None
    assert rec.hypnogram.stages == ("W", "W", "N1", "N2", "N2", "N2", "N2", "N2", "R", "?")
    assert any("80 unscored epochs past the end" in w for w in rec.warnings)


def test_sleep_edf_hypnogram_through_the_cli(make_edf, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    start = datetime.time(23, 1, 0)
    psg = make_edf("psg.edf", seconds=300, starttime=start)
    hyp = _sleep_edf_hypnogram(
        tmp_path / "h.edf", start, [(0, 300, "Sleep stage 2"), (300, 900, "Sleep stage ?")]
    )
    code, out, err = run_cli("analyze", str(psg), "--hypnogram", str(hyp), "--json")
    assert code == 0, err
    assert json.loads(out)["sleep_hours"] == pytest.approx(300 / 3600, abs=1e-3)


CAP_TXT = """Patient Information:
Patient name:\tn1
Recording Date:\t03/09/2008
Events Included:
SLEEP-S0
SLEEP-S1
SLEEP-S2
MCAP-A1
Sleep Stage\tPosition\tTime [hh:mm:ss]\tEvent\tDuration[s]\tLocation
"""


def _cap(path: Path, first: datetime.time, stages: list[str]) -> Path:
    t0 = datetime.datetime.combine(datetime.date(2008, 9, 3), first)
    rows = []
    for i, stage in enumerate(stages):
        t = (t0 + datetime.timedelta(seconds=30 * i)).strftime("%H:%M:%S" if i % 2 else "%H.%M.%S")
        event = {"W": "SLEEP-S0", "R": "SLEEP-REM"}.get(stage, f"SLEEP-{stage}")
        rows.append(f"{stage}\tSupine\t{t}\t{event}\t30\tROC-LOC")
        if stage == "S2":  # a CAP phase inside the epoch: not a stage
            rows.append(f"{stage}\tSupine\t{t}\tMCAP-A1\t4\tC4-A1")
    path.write_text(CAP_TXT + "\n".join(rows) + "\n", encoding="latin-1")
    return path


@pytest.mark.parametrize(
    ("psg_start", "cap_start"),
    [
        (datetime.time(22, 10, 0), datetime.time(22, 12, 0)),
        (datetime.time(23, 58, 0), datetime.time(0, 0, 0)),
    ],
)
def test_cap_txt_aligned_by_clock_time(make_edf, tmp_path: Path, psg_start, cap_start) -> None:  # type: ignore[no-untyped-def]
    psg = make_edf("n1.edf", seconds=600, starttime=psg_start)
    stages = ["W", "S1"] + ["S2"] * 10 + ["S3", "S4", "R", "R"]
    txt = _cap(tmp_path / "n1.txt", cap_start, stages)
    hyp = read_hypnogram_file(txt)[0]
    assert hyp is not None and hyp.clock_origin_s is not None and len(hyp.stages) == 16
    rec = read_recording(psg, hypnogram=txt)
    assert rec.hypnogram is not None
    assert rec.hypnogram.start_s == pytest.approx(120)
    assert rec.hypnogram.stages[:3] == ("W", "N1", "N2")
    assert rec.hypnogram.stages[12:14] == ("N3", "N3")
    assert any("aligned by clock time" in w for w in rec.warnings)
    result = analyze(psg, hypnogram=txt)
    assert result.indices_detail.sleep_hours == pytest.approx(15 * 30 / 3600)


def test_cap_txt_bad_time_is_named(tmp_path: Path) -> None:
    from nightlegs.errors import RecordingError

    p = tmp_path / "bad.txt"
    p.write_text(CAP_TXT + "W\tSupine\t22h10\tSLEEP-S0\t30\tROC-LOC\n")
    with pytest.raises(RecordingError, match=r"bad\.txt: line 10: time '22h10'"):
        read_hypnogram_file(p)


def test_edf_plus_d_gaps_are_not_recording_or_sleep_time() -> None:
    rng = np.random.default_rng(0)
    fs, seconds = 256.0, 600
    x = rng.normal(0, 2.0, int(fs * seconds))
    x[int(200 * fs) : int(320 * fs)] = 0.0  # the reader fills a 120-s gap with zeros
    legs = (LegSignal("LAT", "left", fs, x), LegSignal("RAT", "right", fs, x[::-1].copy()))
    hyp = Hypnogram(("N2",) * 20)
    gap = Interval(200.0, 120.0, "EDF+D gap")
    with_gap = score(Recording(600.0, legs=legs, hypnogram=hyp, gaps=(gap,)))
    assert with_gap.indices_detail.recording_hours == pytest.approx(480 / 3600)
    assert with_gap.indices_detail.sleep_hours == pytest.approx(16 * 30 / 3600)
    assert with_gap.hypnogram is not None and with_gap.hypnogram.stages[7:11] == ("?",) * 4
    ev = with_gap.events
    assert not ((ev.onset_s < 321) & (ev.onset_s + ev.duration_s > 199)).any()


def test_edf_plus_d_reader_returns_the_gaps(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(seconds=20)
    edf = edfio.read_edf(path)
    ann = next(s for s in edf._signals if s._is_annotation_signal)
    n_bytes = ann.samples_per_data_record * 2
    raw = bytearray(path.read_bytes())
    rec_len = sum(s.samples_per_data_record for s in edf._signals) * 2
    off = sum(s.samples_per_data_record for s in edf._signals if not s._is_annotation_signal) * 2
    for r in range(edf.num_data_records):
        tal = f"+{r if r < 10 else r + 30}\x14\x14\x00".encode().ljust(n_bytes, b"\x00")
        start = edf.bytes_in_header_record + r * rec_len + off
        raw[start : start + n_bytes] = tal
    raw[192:197] = b"EDF+D"
    out = tmp_path / "disc.edf"
    out.write_bytes(bytes(raw))
    rec = read_recording(out)
    assert rec.gaps == (Interval(10.0, 30.0, "EDF+D gap"),)
    result = analyze(out)
    assert result.indices_detail.recording_hours == pytest.approx(20 / 3600)
