"""``nightlegs compare``: agreement with a scorer's leg movements, event by event."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement._types import LegEvent
from nightlegs.movement.compare import EventAgreement, compare, match_by_overlap
from nightlegs.movement.example import ExampleNight, true_leg_events, write_example_night
from nightlegs.movement.reference import read_reference
from nightlegs.movement.synthetic import synthesize_night


@pytest.fixture(scope="module")
def night(tmp_path_factory: pytest.TempPathFactory) -> ExampleNight:
    return write_example_night(tmp_path_factory.mktemp("n") / "night.edf", hours=1.0, seed=4)


def _write_csv(path: Path, events: list[LegEvent]) -> Path:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["onset_s", "duration_s", "side"])
        for e in events:
            w.writerow([f"{e.onset_s:.4f}", f"{e.duration_s:.4f}", e.side])
    return path


def test_f1_one_against_the_synthetic_truth(night: ExampleNight) -> None:
    agreement = compare(night.recording, night.reference)
    d = agreement.to_dict()
    assert d["f1"] == d["sensitivity"] == d["ppv"] == 1.0
    assert d["plm"]["f1"] == 1.0
    assert d["ours_count"] == d["reference_count"] == night.true_indices["lm_count"]
    assert abs(d["onset_difference_s"]["mean"]) < 0.25
    for key, v in d["indices"].items():
        assert v["ours"] == v["reference"], key
    assert d["missed_events"] == d["extra_events"] == []


def test_shifted_missing_and_extra_events_give_the_expected_figures(
    night: ExampleNight, tmp_path: Path
) -> None:
    truth = true_leg_events(synthesize_night(1.0, 256.0, 1.5, seed=4))
    on = np.array([e.onset_s for e in truth])
    off = np.array([e.end_s for e in truth])
    # One-leg LMs with no other movement within 2 s: deleting or shifting one changes one LM.
    alone = [
        i
        for i in range(len(truth))
        if not np.any((np.arange(len(truth)) != i) & (on < off[i] + 2) & (off > on[i] - 2))
    ]
    deleted, shifted = alone[:3], alone[3:8]
    quiet = [
        t for t in np.arange(100.0, 3500.0, 37.0) if not np.any((on < t + 30) & (off > t - 30))
    ][:4]
    assert len(alone) >= 8 and len(quiet) == 4
    ref = [
        LegEvent(e.onset_s + (0.4 if i in shifted else 0.0), e.duration_s, e.side)
        for i, e in enumerate(truth)
        if i not in deleted
    ] + [LegEvent(float(t), 2.0, "left") for t in quiet]
    path = _write_csv(tmp_path / "scorer.csv", ref)

    d = compare(night.recording, path).to_dict()
    n = night.true_indices["lm_count"]
    assert isinstance(n, int)
    assert (d["ours_count"], d["reference_count"], d["matched"]) == (n, n - 3 + 4, n - 3)
    assert (d["missed"], d["extra"]) == (4, 3)
    assert d["sensitivity"] == pytest.approx((n - 3) / (n + 1), abs=1e-4)
    assert d["ppv"] == pytest.approx((n - 3) / n, abs=1e-4)
    assert d["f1"] == pytest.approx(2 * (n - 3) / (2 * n + 1), abs=1e-4)
    assert [e["onset_s"] for e in d["missed_events"]] == pytest.approx(quiet)
    assert [e["onset_s"] for e in d["extra_events"]] == pytest.approx(sorted(on[deleted]), abs=0.3)
    assert d["indices"]["lm_count"] == {"ours": n, "reference": n + 1, "difference": -1}


def test_event_agreement_exact_figures() -> None:
    ours_on = np.array([10.0, 40.0, 70.0, 100.0, 130.0])
    ours_off = ours_on + 2.0
    # scorer: first two shifted by +0.5 s, third missing from the scorer, one extra at 200 s
    ref_on = np.array([10.5, 40.5, 100.0, 130.0, 200.0])
    ref_off = ref_on + np.array([2.0, 2.0, 3.0, 2.0, 2.0])
    ea = EventAgreement.of(ours_on, ours_off, ref_on, ref_off)
    assert (ea.matched, ea.n_ours, ea.n_reference) == (4, 5, 5)
    assert ea.sensitivity == ea.ppv == ea.f1 == 0.8
    d = ea.to_dict()
    assert d["onset_difference_s"]["mean"] == -0.25
    assert d["duration_difference_s"]["mean"] == -0.25
    assert d["missed"] == d["extra"] == 1


def test_overlap_matching_is_one_to_one() -> None:
    # One long LM of ours overlaps two of the scorer's: only the larger overlap matches.
    ia, ib = match_by_overlap(
        np.array([0.0]), np.array([10.0]), np.array([1.0, 6.0]), np.array([2.0, 9.0])
    )
    assert ia.tolist() == [0] and ib.tolist() == [1]
    empty = np.zeros(0)
    assert EventAgreement.of(empty, empty, empty, empty).f1 is None


def test_unsided_reference_is_taken_as_marked(night: ExampleNight, tmp_path: Path) -> None:
    events = compare(night.recording, night.reference).reference
    rows = [
        LegEvent(float(a), float(b - a))
        for a, b in zip(events.onset_s, events.offset_s, strict=True)
    ]
    agreement = compare(night.recording, _write_csv(tmp_path / "merged.csv", rows))
    assert agreement.lm.f1 == 1.0
    assert any("not every movement names its leg" in w for w in agreement.warnings)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "bad.xml",
            "<PSGAnnotation><ScoredEvents><ScoredEvent><EventType>Limb Movement|Limb Movement"
            "</EventType><EventConcept>Limb movement - left|Limb Movement (Left)</EventConcept>"
            "<Start>abc</Start><Duration>2</Duration></ScoredEvent></ScoredEvents>"
            "</PSGAnnotation>",
            ["bad.xml", "ScoredEvent 1", "Start", "expected a number", "'abc'"],
        ),
        (
            "nolm.xml",
            "<PSGAnnotation><ScoredEvents><ScoredEvent><EventType>Stages|Stages</EventType>"
            "<EventConcept>Wake|0</EventConcept><Start>0</Start><Duration>30</Duration>"
            "</ScoredEvent></ScoredEvents></PSGAnnotation>",
            ["nolm.xml", "no leg-movement ScoredEvent", "Limb Movement", "Wake|0"],
        ),
        ("broken.xml", "<PSGAnnotation><Scored", ["broken.xml", "not readable NSRR XML"]),
        (
            "cols.csv",
            "start_time,length\n1,2\n",
            ["cols.csv", "header", "onset_s and duration_s", "start_time"],
        ),
        (
            "side.csv",
            "onset_s,duration_s,side\n1,2,left\n5,2,middle\n",
            ["side.csv", "line 3", "side", "expected left, right, both", "'middle'"],
        ),
        (
            "zero.csv",
            "onset_s,duration_s\n1,0\n",
            ["zero.csv", "line 2", "duration", "expected seconds > 0"],
        ),
        (
            "nan.csv",
            "onset_s,duration_s\nnan,1\n",
            ["nan.csv", "line 2", "onset", "expected seconds >= 0"],
        ),
        ("scorer.json", "{}", ["scorer.json", "expected .xml (NSRR), .edf"]),
    ],
)
def test_bad_reference_files_name_file_field_and_expectation(
    tmp_path: Path, name: str, text: str, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(RecordingError) as info:
        read_reference(path)
    for part in expected:
        assert part in str(info.value)


def test_edf_reference_without_leg_movements(make_edf) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(annotations=[(0.0, 30.0, "Sleep stage W")])
    with pytest.raises(RecordingError, match=r"no leg-movement annotation.*Sleep stage W"):
        read_reference(path)


def test_edf_reference_reads_our_own_export(night: ExampleNight, tmp_path: Path) -> None:
    from nightlegs.movement import analyze
    from nightlegs.movement.export import write_edf_annotations

    out = write_edf_annotations(analyze(night.recording), tmp_path / "ours.edf")
    ref = read_reference(out)
    assert ref.marks_periodic and {e.side for e in ref.events} <= {"left", "right", "both"}
    assert compare(night.recording, out).lm.f1 == 1.0


def test_cli_compare_json_and_errors(night: ExampleNight, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "nightlegs", "compare", str(night.recording)]
    res = subprocess.run(
        [*run, "--reference", str(night.reference), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["f1"] == 1.0
    table = subprocess.run(
        [*run, "--reference", str(night.reference)], capture_output=True, text=True, timeout=120
    )
    assert table.returncode == 0 and "sensitivity" in table.stdout and "plms index" in table.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("onset_s,duration_s\n1,x\n")
    res = subprocess.run(
        [*run, "--reference", str(bad)], capture_output=True, text=True, timeout=120
    )
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1
    assert "bad.csv: line 2: duration_s: expected a number" in lines[0]
