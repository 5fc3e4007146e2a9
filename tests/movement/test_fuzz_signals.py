"""Any finite or non-finite signal gives a result or a RecordingError, never another exception.

Hypothesis draws the shape of a signal (kind, sampling rate 10-2000 Hz, length, amplitude) and
numpy draws its samples from a seed, so each example is cheap (a few ms) and 500 run in seconds.
Every warning is an error inside the call: no numpy warning may escape to the user.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nightlegs.errors import RecordingError
from nightlegs.movement import analyze
from nightlegs.movement.scoring.detect import find_events

KINDS = (
    "noise",  # all noise, no quiet baseline anywhere
    "bursts",  # quiet noise with movements
    "constant",
    "saturated",
    "spikes",
    "steps",  # DC jumps (electrode pops)
    "nan",
    "square",  # two-valued
)


def _signal(kind: str, fs: float, seconds: float, amp: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = max(0, int(fs * seconds))
    if kind == "constant":
        return np.full(n, amp)
    x = rng.normal(0.0, 1.0, n)
    if kind == "bursts" and n:
        for start in rng.integers(0, n, size=max(1, int(seconds // 8))):
            x[start : start + int(rng.uniform(0.2, 12) * fs)] *= 30.0
    elif kind == "saturated":
        x = np.clip(x * 10, -1.0, 1.0)
    elif kind == "spikes" and n:
        x *= 0.01
        x[rng.integers(0, n, size=max(1, n // 500))] = rng.choice([-1.0, 1.0]) * 1e3
    elif kind == "steps" and n:
        x += np.repeat(rng.normal(0, 50, 1 + n // max(1, int(fs))), int(fs) or 1)[:n]
    elif kind == "nan" and n:
        x[rng.integers(0, n, size=1 + n // 1000)] = np.nan
    elif kind == "square":
        x = np.sign(x)
    return x * amp


signals = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(KINDS),
        # Half of the draws stay in the scorable range so most examples reach the rules.
        "fs": st.one_of(st.integers(10, 2000).map(float), st.floats(100.0, 2000.0)),
        "seconds": st.one_of(st.floats(0.0, 45.0), st.floats(10.0, 40.0)),
        "amp": st.one_of(st.floats(-12.0, 12.0), st.floats(-1.0, 6.0)).map(lambda e: 10.0**e),
        "seed": st.integers(0, 2**16),
        "two_legs": st.booleans(),
    }
)


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(signals)
@example(dict(kind="noise", fs=256.0, seconds=120.0, amp=200.0, seed=0, two_legs=False))
@example(dict(kind="bursts", fs=2000.0, seconds=30.0, amp=1e6, seed=1, two_legs=True))
def test_any_signal_gives_result_or_recording_error(spec: dict[str, object]) -> None:
    kind, fs = str(spec["kind"]), float(spec["fs"])  # type: ignore[arg-type]
    seconds, amp = float(spec["seconds"]), float(spec["amp"])  # type: ignore[arg-type]
    seed = int(spec["seed"])  # type: ignore[call-overload]
    left = _signal(kind, fs, seconds, amp, seed)
    arrays = {"left": left}
    if spec["two_legs"]:
        arrays["right"] = _signal("bursts", fs, seconds, 2.0, seed + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = analyze(arrays, fs=fs)
        except RecordingError as exc:
            assert str(exc)  # a message the user can read
            return
    data = result.to_dict()
    duration = left.size / fs
    for key in ("lm_count", "plm_count", "lm_index", "plm_index"):
        value = data[key]
        assert value is not None and math.isfinite(value) and value >= 0, (key, value)
    for ev in data["events"]:
        assert 0 <= ev["onset_s"] <= duration + 0.1
        assert 0.5 - 1e-6 <= ev["duration_s"] <= duration + 0.1


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(st.floats(-50, 50, width=32), min_size=0, max_size=200),
    st.floats(0.1, 20),
    st.floats(0, 5),
    st.integers(1, 30),
)
def test_find_events_any_envelope(values: list[float], on: float, off: float, q: int) -> None:
    x = np.asarray(values, dtype=np.float32)
    start, stop = find_events(x, on, min(off, on), q)
    assert start.shape == stop.shape
    assert np.all(start < stop) and np.all(stop <= x.size)
    assert np.all(x[start] >= on)
    assert np.all(np.diff(start) > 0)


def test_no_quiet_stretch_at_all_is_one_long_movement() -> None:
    # The IndexError of issue 10: an envelope that is never quiet for 0.5 s.
    x = np.full(50, 10.0, np.float32)
    start, stop = find_events(x, 8.0, 2.0, 20)
    assert start.tolist() == [0] and stop.tolist() == [50]


def test_noisy_tibialis_excerpt_scores_without_warning() -> None:
    emg = np.random.default_rng(0).normal(0, 200, 256 * 120)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = analyze({"left": emg}, fs=256)
    assert result.indices["lm_count"] is not None


def test_envelope_has_no_nan_after_a_huge_burst() -> None:
    from nightlegs.movement.scoring import ScoringParams
    from nightlegs.movement.scoring.detect import emg_envelope

    x = np.random.default_rng(3).normal(0, 1.0, 256 * 30)
    x[-256 * 3 :] *= 1e5  # a burst at the very end, then the running sum unwinds
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        env = emg_envelope(x, 256.0, ScoringParams())
    assert np.isfinite(env.values).all() and (env.values >= 0).all()


@pytest.mark.parametrize("fs", [10.0, 99.9])
def test_low_rates_refused_with_a_message(fs: float) -> None:
    with pytest.raises(RecordingError, match="expected at least 100 Hz"):
        analyze({"left": np.random.default_rng(0).normal(0, 2, int(60 * fs))}, fs=fs)
