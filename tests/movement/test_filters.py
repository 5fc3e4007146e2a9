"""The numpy filters of the scoring agree with the SciPy functions they replace.

The scoring stopped importing scipy.signal and scipy.ndimage (a second of start-up for
``nightlegs analyze``); these tests hold the replacements to SciPy's results.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage, signal

from nightlegs.errors import InputError
from nightlegs.movement.scoring import _filters
from nightlegs.movement.scoring._filters import (
    bandpass_impulse_response,
    butterworth_bandpass_poles,
    filtered_block_power,
    moving_mean,
    rolling_rank,
)

DESIGNS = [
    (2, 10.0, 100.0, 256.0),  # the EMG default
    (4, 10.0, 100.0, 256.0),
    (2, 10.0, 90.0, 200.0),
    (2, 10.0, 100.0, 2000.0),
    (3, 0.5, 10.0, 100.0),  # odd order, accelerometer band
    (2, 0.5, 4.5, 10.0),  # accelerometer at its lowest rate
    (1, 10.0, 40.0, 100.0),
    (5, 10.0, 100.0, 512.0),
]


@pytest.mark.parametrize(("order", "low", "high", "fs"), DESIGNS)
def test_poles_and_gain_are_scipys(order: int, low: float, high: float, fs: float) -> None:
    poles, gain = butterworth_bandpass_poles(order, low, high, fs)
    zeros, expected_poles, expected_gain = signal.butter(
        order, [low, high], btype="band", fs=fs, output="zpk"
    )
    np.testing.assert_allclose(np.sort_complex(poles), np.sort_complex(expected_poles), atol=1e-12)
    assert gain == pytest.approx(expected_gain, rel=1e-12)
    assert sorted(np.round(zeros.real).tolist()) == [-1.0] * order + [1.0] * order


@pytest.mark.parametrize(("order", "low", "high", "fs"), DESIGNS)
def test_impulse_response_is_sosfilts_and_cut_after_its_energy(
    order: int, low: float, high: float, fs: float
) -> None:
    taps = bandpass_impulse_response(order, low, high, fs)
    sos = signal.butter(order, [low, high], btype="band", fs=fs, output="sos")
    impulse = np.zeros(taps.size * 4)
    impulse[0] = 1.0
    expected = signal.sosfilt(sos, impulse)
    scale = np.abs(expected).max()
    np.testing.assert_allclose(taps, expected[: taps.size], atol=1e-12 * scale)
    energy = float(np.sum(expected**2))
    assert float(np.sum(expected[taps.size :] ** 2)) < 1e-14 * energy


def _sosfilt_block_power(x: np.ndarray, sos: np.ndarray, step: int) -> np.ndarray:
    """The reference: a float64 sosfilt from the steady state of x[0], squares per block."""
    y, _ = signal.sosfilt(sos, x, zi=signal.sosfilt_zi(sos) * x[0])
    n = (x.size // step) * step
    return np.square(y[:n]).reshape(-1, step).mean(axis=1)


def _assert_same_amplitude(power: np.ndarray, expected: np.ndarray) -> None:
    # Float32 FFTs spread rounding over a frame: compare amplitudes (what the rules read, in
    # uV) to a few float32 ulps of the largest one. The rules' levels are several uV.
    amplitude, expected_amplitude = np.sqrt(power), np.sqrt(expected)
    atol = 2e-6 * float(expected_amplitude.max())
    np.testing.assert_allclose(amplitude, expected_amplitude, rtol=0, atol=atol)


@pytest.mark.parametrize(("order", "low", "high", "fs"), DESIGNS)
def test_block_power_is_sosfilts_with_a_dc_offset(
    order: int, low: float, high: float, fs: float
) -> None:
    rng = np.random.default_rng(order)
    x = rng.normal(40.0, 3.0, int(fs * 200))  # a DC offset gives no start-up spike
    x[int(fs * 50) : int(fs * 52)] *= 30  # and a burst
    step = max(1, round(0.025 * fs))
    taps = bandpass_impulse_response(order, low, high, fs)
    sos = signal.butter(order, [low, high], btype="band", fs=fs, output="sos")
    expected = _sosfilt_block_power(x, sos, step)
    got = filtered_block_power(x, taps, step)
    assert got.shape == expected.shape
    _assert_same_amplitude(got, expected)


@pytest.mark.parametrize("n", [0, 5, 6, 7, 1000, 20_000])
def test_block_power_at_any_length_and_across_batches(
    n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches make a short signal cross several of them, and the edges of each.
    monkeypatch.setattr(_filters, "_BATCH_SAMPLES", 3000)
    x = np.random.default_rng(n).normal(0.0, 2.0, n) + 5.0
    taps = bandpass_impulse_response(2, 10.0, 100.0, 256.0)
    sos = signal.butter(2, [10.0, 100.0], btype="band", fs=256.0, output="sos")
    got = filtered_block_power(x, taps, 6)
    assert got.shape == (n // 6,)
    if n >= 6:
        expected = _sosfilt_block_power(x, sos, 6)
        _assert_same_amplitude(got, expected)


@pytest.mark.parametrize("width", [1, 2, 3, 4, 5, 10, 11, 40])
@pytest.mark.parametrize("n", [1, 3, 500])
def test_moving_mean_is_uniform_filter1d(width: int, n: int) -> None:
    values = np.random.default_rng(width).gamma(2.0, size=n)
    expected = ndimage.uniform_filter1d(values, width, mode="nearest")
    np.testing.assert_allclose(moving_mean(values, width), expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("size", [1, 2, 3, 4, 7, 121])
@pytest.mark.parametrize("n", [1, 5, 3000])
def test_rolling_rank_is_rank_filter(size: int, n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_filters, "_RANK_ROWS", 700)  # several row batches
    values = np.random.default_rng(size).gamma(2.0, size=n).astype(np.float32)
    for rank in {0, size // 2, int(size * 10 / 100), size - 1}:
        expected = ndimage.rank_filter(values, rank, size=size, mode="nearest")
        assert np.array_equal(rolling_rank(values, size, rank), expected), (size, rank)


def test_percentile_rank_is_percentile_filters() -> None:
    values = np.random.default_rng(0).gamma(2.0, size=5000)
    for percentile in (0.0, 10.0, 50.0, 99.0, 100.0):
        rank = int(121 * percentile / 100)
        expected = ndimage.percentile_filter(values, percentile, size=121, mode="nearest")
        assert np.array_equal(rolling_rank(values, 121, rank), expected), percentile


@pytest.mark.parametrize(
    ("order", "low", "high", "fs", "words"),
    [
        (0, 10.0, 100.0, 256.0, "filter order must be an integer from 1 to 10, got 0"),
        (11, 10.0, 100.0, 256.0, "got 11"),
        (2, 0.0, 100.0, 256.0, "0 < low < high < fs/2, got 0.0 and 100.0 Hz at fs = 256.0 Hz"),
        (2, 10.0, 130.0, 256.0, "got 10.0 and 130.0 Hz"),
        (2, 50.0, 20.0, 256.0, "got 50.0 and 20.0 Hz"),
    ],
)
def test_bad_designs_are_named(order: int, low: float, high: float, fs: float, words: str) -> None:
    with pytest.raises(InputError, match=words.replace("(", r"\(").replace(".", r"\.")):
        butterworth_bandpass_poles(order, low, high, fs)


@pytest.mark.parametrize("order", [0, 11, 2.5, True])
def test_scoring_params_refuse_a_filter_order_outside_1_to_10(order: object) -> None:
    from nightlegs.movement.scoring import ScoringParams

    with pytest.raises(InputError, match=r"ScoringParams\.filter_order must be an integer from 1"):
        ScoringParams(filter_order=order)  # type: ignore[arg-type]


def test_an_accelerometer_band_above_the_sampling_rate_is_a_clear_error() -> None:
    from nightlegs.movement._types import AccelSignal
    from nightlegs.movement.scoring import ScoringParams
    from nightlegs.movement.scoring.accel import detect_accel

    rng = np.random.default_rng(0)
    xyz = rng.normal(0.0, 0.01, (10 * 600, 3)) + np.array([0.0, 0.0, 1.0])
    params = ScoringParams(accel_band_hz=(6.0, 8.0))  # above 0.45 x 10 Hz
    with pytest.raises(InputError, match=r"0 < low < high < fs/2, got 6\.0 and 4\.5 Hz"):
        detect_accel(AccelSignal("ankle L", "left", 10.0, xyz), params)
