"""Detection on synthetic EMG: agreement with the truth, bad channels, sampling rates."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from nightlegs.errors import RecordingError
from nightlegs.movement import ScoringParams, score, synthesize_night
from nightlegs.movement._types import AccelSignal, LegSignal, Recording
from nightlegs.movement.scoring.accel import detect_accel
from nightlegs.movement.scoring.detect import detect_leg, find_events, rolling_baseline
from nightlegs.movement.synthetic import event_agreement

# Each night is 1.25 h so the 9 combinations stay fast; different seeds per combination.
GRID = [(fs, noise) for fs in (200, 256, 500) for noise in (0.5, 1.5, 3.0)]


@pytest.mark.parametrize(("fs", "noise"), GRID)
def test_agreement_with_truth(fs: int, noise: float) -> None:
    night = synthesize_night(1.25, fs, noise, seed=int(fs + 10 * noise), ecg=True)
    result = score(night.recording)
    truth = night.true_events
    ag = event_agreement(truth["onset_s"].to_numpy(), result.events["onset_s"].to_numpy(), 0.5)
    assert ag["f1"] >= 0.98, ag
    t_plms = night.true_indices["plms_index"]
    r_plms = result.indices["plms_index"]
    assert t_plms is not None and r_plms is not None
    assert abs(r_plms - t_plms) <= 1.0
    assert night.true_indices["plm_count"] > 10  # the night exercises the PLM rules


def test_durations_close_to_truth() -> None:
    night = synthesize_night(1.0, 256, 1.5, seed=11)
    result = score(night.recording)
    truth = night.true_events.sort_values("onset_s")
    found = result.events.sort_values("onset_s")
    assert len(found) == len(truth)
    diff = np.abs(found["duration_s"].to_numpy() - truth["duration_s"].to_numpy())
    assert np.median(diff) < 0.2
    assert found["side"].tolist() == truth["side"].tolist()


def test_drift_and_strong_ecg_do_not_make_movements() -> None:
    night = synthesize_night(0.5, 256, 1.0, seed=5, ecg_uv=20.0, drift_uv=80.0, mains_uv=5.0)
    result = score(night.recording)
    ag = event_agreement(
        night.true_events["onset_s"].to_numpy(), result.events["onset_s"].to_numpy()
    )
    assert ag["f1"] >= 0.98, ag


def test_find_events_state_machine() -> None:
    x = np.zeros(200, np.float32)
    x[10:20] = 9.0  # onset, then quiet 20..29 (10 samples >= 5): ends at 20
    x[40:45] = 9.0
    x[47:50] = 3.0  # above the offset level: the quiet run starts only at 50
    x[52] = 9.0  # 2 quiet samples are not enough: still the same movement
    x[190:] = 9.0  # runs to the end
    start, stop = find_events(x, 8.0, 2.0, 5)
    assert start.tolist() == [10, 40, 190]
    assert stop.tolist() == [20, 53, 200]


def test_baseline_follows_slow_level_changes() -> None:
    env = np.concatenate([np.full(4000, 2.0), np.full(4000, 6.0)]).astype(np.float32)
    env[1000:1100] = 50.0  # a movement does not lift a low-percentile baseline
    base = rolling_baseline(env, 40.0, ScoringParams())
    assert base[1050] == pytest.approx(2.0, abs=0.01)
    assert base[7000] == pytest.approx(6.0, abs=0.01)


def _leg(x: np.ndarray, fs: float = 256.0, label: str = "LAT") -> LegSignal:
    return LegSignal(label, "left", fs, x)


def test_low_sampling_rate_refused() -> None:
    x = np.random.default_rng(0).normal(0, 2, 99 * 60)
    with pytest.raises(RecordingError, match=r"'LAT'.*99.*at least 100 Hz"):
        detect_leg(_leg(x, 99.0), ScoringParams())


def test_rate_between_100_and_200_warns() -> None:
    night = synthesize_night(0.25, 128, 1.0, seed=2)
    result = score(night.recording)
    assert any("128 Hz" in w for w in result.warnings)
    assert any("128 Hz" in w for w in detect_leg(night.recording.legs[0], ScoringParams()).warnings)


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda x: np.where(np.arange(x.size) == 500, np.nan, x), "NaN"),
        (lambda x: np.full_like(x, 3.0), "flat"),
        (lambda x: np.clip(x * 100, -100, 100), "saturated"),
    ],
)
def test_bad_channel_named_in_error(corrupt: object, message: str) -> None:
    x = np.random.default_rng(1).normal(0, 2, 256 * 60)
    bad = corrupt(x)  # type: ignore[operator]
    rec = Recording(
        60.0, legs=(_leg(x, label="LAT"), replace(_leg(bad, label="RAT"), side="right"))
    )
    with pytest.raises(RecordingError, match=rf"'RAT'.*{message}"):
        score(rec)


def test_no_signal_refused() -> None:
    with pytest.raises(RecordingError, match="no leg EMG"):
        score(Recording(60.0))


def test_single_leg_warns() -> None:
    night = synthesize_night(0.25, 256, 1.0, seed=4)
    rec = replace(night.recording, legs=night.recording.legs[:1])
    result = score(rec)
    assert any("one leg" in w for w in result.warnings)
    assert set(result.events["side"]) <= {"left"}


def _accel(fs: float, bursts: list[tuple[float, float]], seconds: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(seconds * fs)
    xyz = np.tile([0.1, 0.2, 0.97], (n, 1)) + rng.normal(0, 0.002, (n, 3))
    for on, dur in bursts:
        i0, i1 = int(on * fs), int((on + dur) * fs)
        t = np.arange(i1 - i0) / fs
        xyz[i0:i1, 1] += 0.2 * np.sin(2 * np.pi * 2.5 * t)
    return xyz


def test_accelerometer_movements_feed_the_rules() -> None:
    fs, seconds = 50.0, 600.0
    bursts = [(60.0 + 25.0 * k, 2.0) for k in range(5)] + [(400.0, 20.0)]
    xyz_l = _accel(fs, bursts, seconds, 0)
    xyz_r = _accel(fs, [(60.3, 1.5)], seconds, 1)
    det = detect_accel(AccelSignal("ankle L", "left", fs, xyz_l), ScoringParams())
    assert np.allclose(det.onset_s, [b[0] for b in bursts], atol=0.4)
    assert np.allclose(det.offset_s - det.onset_s, [b[1] for b in bursts], atol=0.6)
    rec = Recording(
        seconds,
        accelerometers=(
            AccelSignal("ankle L", "left", fs, xyz_l),
            AccelSignal("ankle R", "right", fs, xyz_r),
        ),
    )
    result = score(rec)
    ev = result.events
    assert result.to_dict()["signal"] == "accelerometer"
    assert ev["side"].tolist() == ["both", "left", "left", "left", "left", "left"]
    assert ev["periodic"].tolist() == [True] * 5 + [False]
    assert ev["clm"].tolist() == [True] * 5 + [False]


def test_accelerometer_bad_shape() -> None:
    with pytest.raises(RecordingError, match=r"'acc'.*shape"):
        detect_accel(AccelSignal("acc", "left", 50.0, np.zeros((100, 2))), ScoringParams())


def test_moving_median_envelope_option() -> None:
    night = synthesize_night(0.5, 256, 1.5, seed=8)
    result = score(night.recording, ScoringParams(envelope_method="median"))
    found = result.events["onset_s"].to_numpy()
    ag = event_agreement(night.true_events["onset_s"].to_numpy(), found, 0.5)
    assert ag["f1"] >= 0.98, ag
