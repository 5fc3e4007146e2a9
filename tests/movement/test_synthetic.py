"""The synthetic-night generator: reproducible, truth consistent with the rules."""

from __future__ import annotations

import numpy as np
import pytest

from nightlegs.movement import synthesize_night
from nightlegs.movement.scoring.rules import SLEEP_STAGES
from nightlegs.movement.synthetic import event_agreement


def test_same_seed_same_night() -> None:
    a = synthesize_night(0.25, 200, 1.0, seed=9)
    b = synthesize_night(0.25, 200, 1.0, seed=9)
    c = synthesize_night(0.25, 200, 1.0, seed=10)
    assert np.array_equal(a.recording.legs[0].emg_uv, b.recording.legs[0].emg_uv)
    assert not np.array_equal(a.recording.legs[0].emg_uv, c.recording.legs[0].emg_uv)


def test_shapes_units_and_content() -> None:
    night = synthesize_night(2.0, 256, 1.5, seed=3)
    rec = night.recording
    assert rec.duration_s == pytest.approx(7200.0)
    assert [leg.side for leg in rec.legs] == ["left", "right"]
    assert all(leg.emg_uv.shape == (7200 * 256,) for leg in rec.legs)
    assert all(leg.emg_uv.dtype == np.float64 for leg in rec.legs)
    assert rec.hypnogram is not None and len(rec.hypnogram.stages) == 240
    assert {"W"} | (set(rec.hypnogram.stages) & SLEEP_STAGES) == set(rec.hypnogram.stages)
    assert rec.respiratory_events and rec.arousals
    kinds = set(night.true_movements["kind"])
    assert {"train", "isolated", "long"} <= kinds
    ti = night.true_indices
    assert ti["plm_count"] > 0 and ti["clm_count"] < ti["lm_count"]  # long LMs exist
    assert night.true_events["side"].eq("both").any()


def test_background_noise_level() -> None:
    # Without artefacts and away from movements the background RMS is noise_uv.
    night = synthesize_night(0.25, 500, 3.0, seed=1, ecg=False, mains_hz=None, drift_uv=0.0)
    x = night.recording.legs[0].emg_uv
    quiet = np.ones(x.size, bool)
    for on, off in zip(
        night.true_movements["onset_s"], night.true_movements["offset_s"], strict=True
    ):
        quiet[int((on - 1) * 500) : int((off + 1) * 500)] = False
    assert np.sqrt(np.mean(x[quiet] ** 2)) == pytest.approx(3.0, rel=0.05)


def test_truth_stays_away_from_rule_boundaries() -> None:
    night = synthesize_night(3.0, 200, 1.0, seed=5)
    d = (night.true_movements["offset_s"] - night.true_movements["onset_s"]).to_numpy()
    assert ((d > 0.6) & (d < 9.5) | (d > 12.0)).all()
    on = np.sort(night.true_events["onset_s"].to_numpy())
    gaps = np.diff(on)
    assert not ((gaps > 9.0) & (gaps < 11.0)).any()
    assert not ((gaps > 85.0) & (gaps < 95.0)).any()


def test_event_agreement() -> None:
    t = np.array([10.0, 20.0, 30.0])
    assert event_agreement(t, t + 0.4)["f1"] == 1.0
    ag = event_agreement(t, np.array([10.0, 10.1, 31.0]))
    assert (ag["tp"], ag["fp"], ag["fn"]) == (1.0, 2.0, 2.0)
    assert event_agreement(np.array([]), np.array([]))["f1"] == 1.0
