"""MovementAnalysis: the docs/json-contract.md section 3 JSON, event table, summary and plot."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from _contract import CONTRACT_KEYS

from nightlegs.movement import MovementAnalysis, ScoringParams, score, synthesize_night
from nightlegs.movement.results import EVENT_COLUMNS


@pytest.fixture(scope="module")
def night():  # type: ignore[no-untyped-def]
    return synthesize_night(1.0, 256, 1.5, seed=21)


@pytest.fixture(scope="module")
def result(night) -> MovementAnalysis:  # type: ignore[no-untyped-def]
    return score(night.recording)


def test_contract_keys_and_json(result: MovementAnalysis) -> None:
    d = result.to_dict()
    assert set(d) >= CONTRACT_KEYS
    text = json.dumps(d)  # plain JSON, no numpy types
    back = json.loads(text)
    assert back["lm_count"] == len(back["events"])
    assert d["severity_article"] in {"none", "light", "average", "heavy"}
    assert d["severity_clinical"] in {"normal", "abnormal"}
    assert d["severity_clinical_band"] in {"none", "mild", "moderate", "severe"}
    for ev in d["events"]:
        assert {"onset_s", "duration_s", "side", "periodic", "stage"} <= set(ev)
        assert ev["side"] in {"left", "right", "both"}
    assert "plms_index_no_resp_exclusion" in d["indices"]
    assert d["params"]["mode"] == "wasm2016"


def test_counts_match_events(result: MovementAnalysis) -> None:
    d = result.to_dict()
    ev = result.events
    assert list(ev.columns) == list(EVENT_COLUMNS)
    assert d["plm_count"] == int(ev["periodic"].sum())
    sleep = ev["stage"].isin(["N1", "N2", "N3", "R"])
    assert d["plms_count"] == int((ev["periodic"] & sleep).sum())
    assert d["plms_index"] == pytest.approx(d["plms_count"] / d["sleep_hours"], abs=1e-2)
    assert d["plm_index"] == pytest.approx(d["plm_count"] / d["recording_hours"], abs=1e-2)
    assert result.grading.index_per_h == pytest.approx(d["plms_index"], abs=1e-2)


def test_indices_match_truth_exactly(night, result: MovementAnalysis) -> None:  # type: ignore[no-untyped-def]
    for key in ("lm_count", "plm_count", "plms_count", "respiratory_clm_count"):
        assert result.indices[key] == night.true_indices[key], key


def test_respiratory_exclusion_reported_both_ways(night, result: MovementAnalysis) -> None:  # type: ignore[no-untyped-def]
    assert night.recording.respiratory_events
    assert result.indices["respiratory_clm_count"] > 0
    no_resp = score(replace(night.recording, respiratory_events=()))
    assert no_resp.indices["respiratory_clm_count"] == 0
    assert no_resp.indices["plm_index"] == result.indices["plm_index_no_resp_exclusion"]
    assert any("no respiratory events" in w for w in no_resp.warnings)


def test_without_hypnogram(night) -> None:  # type: ignore[no-untyped-def]
    d = score(replace(night.recording, hypnogram=None)).to_dict()
    assert d["sleep_hours"] is None
    assert d["plms_count"] is None
    assert d["plms_index"] is None and d["plmw_index"] is None
    assert d["lm_index"] == pytest.approx(d["lm_count"] / d["recording_hours"], abs=1e-2)
    assert d["grading"]["index_per_h"] == pytest.approx(d["plm_index"], abs=1e-2)
    assert all(ev["stage"] is None for ev in d["events"])
    assert any("no hypnogram" in w for w in d["warnings"])


def test_child_cutoff(night) -> None:  # type: ignore[no-untyped-def]
    d = score(night.recording, child=True).to_dict()
    assert d["grading"]["cutoff_per_h"] == 5.0


def test_aasm_mode(night) -> None:  # type: ignore[no-untyped-def]
    d = score(night.recording, ScoringParams.aasm()).to_dict()
    assert d["scoring_mode"] == "aasm"
    assert d["params"]["plm_min_interval_s"] == 5.0


def test_summary_and_imi_histogram(result: MovementAnalysis) -> None:
    s = result.summary()
    assert "events" not in s and "lm_count" in s
    h = result.to_dict()["imi_histogram"]
    assert len(h["counts"]) == len(h["bin_edges_s"]) - 1
    assert sum(h["counts"]) + h["over_max"] == result.scored.imi_s.size


def test_plot(result: MovementAnalysis, tmp_path: Path) -> None:
    path = tmp_path / "night.png"
    fig = result.plot(path)
    assert len(fig.axes) == 4
    assert path.stat().st_size > 10_000
    assert np.isfinite(result.detections[0].overview_uv).all()


def test_hypnogram_beyond_recording_is_not_counted(night) -> None:  # type: ignore[no-untyped-def]
    hyp = night.recording.hypnogram
    longer = replace(hyp, stages=hyp.stages + ("N2",) * 40)
    d = score(replace(night.recording, hypnogram=longer)).to_dict()
    assert d["sleep_hours"] == score(night.recording).to_dict()["sleep_hours"]
