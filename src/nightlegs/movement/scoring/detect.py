"""Leg-movement detection on tibialis anterior EMG (rules 1-3 of WASM 2016).

The amplitude rules run on a short smoothed envelope of the rectified, band-passed EMG and are
compared with a locally estimated resting baseline, as the WASM 2016 standard [1]_ and the AASM
manual [2]_ describe; everything is vectorised with numpy (no Python loop over samples).

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
.. [2] The AASM Manual for the Scoring of Sleep and Associated Events (movement rules).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nightlegs.movement._types import LegSignal
from nightlegs.movement.readers._checks import MIN_FS as MIN_FS_HZ
from nightlegs.movement.readers._checks import WARN_FS as RECOMMENDED_FS_HZ
from nightlegs.movement.readers._checks import check_emg as _check_emg
from nightlegs.movement.scoring._filters import (
    bandpass_impulse_response,
    filtered_block_power,
    moving_mean,
    rolling_rank,
)
from nightlegs.movement.scoring.params import ScoringParams

__all__ = [
    "MIN_FS_HZ",
    "RECOMMENDED_FS_HZ",
    "Envelope",
    "LegDetection",
    "band_envelope",
    "check_emg",
    "detect_leg",
    "emg_envelope",
    "find_events",
    "rolling_baseline",
]

#: Points kept per leg for the overview plot; enough for a page-wide line.
_OVERVIEW_POINTS = 4000
#: Baseline block length in envelope samples (about 0.5 s at the default 0.025 s step).
_BASELINE_BLOCK_S = 0.5


@dataclass(frozen=True)
class Envelope:
    """Smoothed amplitude of one signal on a decimated, regular time grid.

    Attributes
    ----------
    values : NDArray[np.float32], shape (n_env,)
        Envelope (uV for EMG, g for acceleration); sample ``i`` is centred at
        ``t0_s + i / fs``.
    baseline : NDArray[np.float32], shape (n_env,)
        Local resting level on the same grid.
    fs : float
        Envelope sampling rate in Hz.
    t0_s : float
        Time of the first envelope sample in seconds.
    """

    values: NDArray[np.float32]
    baseline: NDArray[np.float32]
    fs: float
    t0_s: float


@dataclass(frozen=True)
class LegDetection:
    """One-leg movements found by :func:`detect_leg`.

    Attributes
    ----------
    label, side : str
        Channel label and ``"left"``/``"right"``.
    onset_s, offset_s : NDArray[np.float64], shape (n_events,)
        Movement onset and offset in seconds from the recording start (all >= ``lm_min_s``).
    overview_t_s, overview_uv : NDArray[np.float64], shape (n_points,)
        Decimated envelope above baseline (block maxima) for plots.
    warnings : tuple of str
    side_from : str
        Where the side came from (see :class:`~nightlegs.movement._types.LegSignal`).
    """

    label: str
    side: str
    onset_s: NDArray[np.float64]
    offset_s: NDArray[np.float64]
    overview_t_s: NDArray[np.float64]
    overview_uv: NDArray[np.float64]
    warnings: tuple[str, ...] = ()
    side_from: str = "label"


def check_emg(leg: LegSignal, params: ScoringParams, *, source: str = "recording") -> list[str]:
    """Refuse an EMG channel that cannot be scored; return warnings for a usable one.

    Raises :class:`~nightlegs.errors.RecordingError` naming ``source`` and the channel for a
    sampling rate below 100 Hz, fewer than 10 s, NaN or infinite samples, implausible
    amplitudes, a flat or a saturated channel. A rate between 100 and 200 Hz (the WASM 2016
    minimum [1]_) gives a warning. The checks are those of the readers
    (:func:`nightlegs.movement.readers._checks.check_emg`), so a message is the same wherever
    it is found.

    Examples
    --------
    >>> import numpy as np
    >>> from nightlegs.movement._types import LegSignal
    >>> leg = LegSignal("LAT", "left", 256.0, np.random.default_rng(0).normal(0, 2, 5120))
    >>> check_emg(leg, ScoringParams())
    []
    """
    return _check_emg(
        np.asarray(leg.emg_uv),
        leg.fs,
        source=source,
        label=leg.label,
        saturation_fraction=params.saturation_fraction,
    )


def emg_envelope(emg_uv: NDArray[np.floating], fs: float, params: ScoringParams) -> Envelope:
    """Band-pass, rectify and smooth EMG into a decimated envelope with its local baseline.

    Parameters
    ----------
    emg_uv : NDArray[np.floating], shape (n_samples,)
        EMG in microvolts.
    fs : float
        Sampling rate in Hz.
    params : ScoringParams

    Returns
    -------
    Envelope
        RMS (or moving-median) amplitude in uV over ``params.envelope_s`` on a grid of
        ``params.envelope_step_s``.

    Notes
    -----
    The band-pass is one causal pass (its few-ms delay is far below the 0.1 s envelope),
    applied by FFT in float32 batches (:mod:`nightlegs.movement.scoring._filters`). Squares
    are summed per block of ``step`` samples as they come, then a moving mean over
    ``envelope_s`` gives the RMS: no temporary as long as the signal, only arrays as long as
    the envelope.

    Examples
    --------
    >>> import numpy as np
    >>> env = emg_envelope(np.random.default_rng(0).normal(0, 2, 256 * 120), 256.0,
    ...                    ScoringParams())
    >>> round(env.fs, 1)
    42.7
    """
    return band_envelope(
        emg_uv, fs, params.band_low_hz, params.band_high_hz, params.envelope_s, params
    )


def band_envelope(
    x: NDArray[np.floating],
    fs: float,
    low_hz: float,
    high_hz: float,
    window_s: float,
    params: ScoringParams,
) -> Envelope:
    """Band-pass ``x`` and return its smoothed amplitude on a decimated grid.

    Shared by the EMG (:func:`emg_envelope`) and accelerometer detectors.

    Parameters
    ----------
    x : NDArray[np.floating], shape (n_samples,)
    fs : float
        Sampling rate in Hz.
    low_hz, high_hz : float
        Band edges; ``high_hz`` is capped at 0.45 * fs.
    window_s : float
        Length of the RMS (or moving-median) smoothing in seconds.
    params : ScoringParams
        ``filter_order``, ``envelope_method``, ``envelope_step_s`` and the baseline settings.

    Returns
    -------
    Envelope

    Examples
    --------
    >>> import numpy as np
    >>> env = band_envelope(np.ones(3000), 100.0, 0.5, 10.0, 0.25, ScoringParams())
    >>> float(env.values.max()) < 1e-3
    True
    """
    high = min(high_hz, 0.45 * fs)
    taps = bandpass_impulse_response(params.filter_order, low_hz, high, fs)
    step = max(1, round(params.envelope_step_s * fs))
    power = filtered_block_power(x, taps, step)
    env_fs = fs / step
    width = max(1, round(window_s * env_fs))
    if params.envelope_method == "rms":
        # The running sum behind the moving mean loses a few ulps and can end slightly below
        # zero after a large burst; clip before the square root so no NaN reaches the rules.
        mean_power = moving_mean(power, width)
        values = np.sqrt(np.maximum(mean_power, 0.0, out=mean_power), out=mean_power)
    else:
        values = rolling_rank(np.sqrt(power), width, width // 2)
    values32 = values.astype(np.float32)
    del power, values
    t0 = (step - 1) / 2 / fs
    return Envelope(values32, rolling_baseline(values32, env_fs, params), env_fs, t0)


def rolling_baseline(
    values: NDArray[np.float32], fs: float, params: ScoringParams
) -> NDArray[np.float32]:
    """Local resting level: a low percentile of the envelope in a rolling window (~60 s).

    Parameters
    ----------
    values : NDArray[np.float32], shape (n,)
        Envelope on a regular grid.
    fs : float
        Rate of ``values`` in Hz.
    params : ScoringParams
        Uses ``baseline_window_s`` and ``baseline_percentile``.

    Returns
    -------
    NDArray[np.float32], shape (n,)

    Notes
    -----
    The percentile runs on 0.5 s block means (about 120 per minute), not on every envelope
    sample, then is interpolated back linearly; this keeps it cheap and the block mean already
    averages out single heartbeats and noise peaks.

    Examples
    --------
    >>> import numpy as np
    >>> b = rolling_baseline(np.full(4000, 3.0, np.float32), 40.0, ScoringParams())
    >>> float(b[0]), b.shape
    (3.0, (4000,))
    """
    n = values.size
    block = max(1, round(_BASELINE_BLOCK_S * fs))
    n_blocks = max(1, math.ceil(n / block))
    padded = np.empty(n_blocks * block, dtype=np.float32)
    padded[:n] = values
    padded[n:] = values[-1] if n else 0.0
    means = padded.reshape(n_blocks, block).mean(axis=1)
    size = max(1, round(params.baseline_window_s * fs / block)) | 1
    rank = int(size * params.baseline_percentile / 100.0)
    level: NDArray[np.float32] = np.asarray(rolling_rank(means, size, rank), dtype=np.float32)
    # Linear ramp from each block's level to the next (cheaper than np.interp on n points).
    nxt = np.append(level[1:], level[-1])
    frac = (np.arange(block, dtype=np.float32) + 0.5) / block
    ramp = level[:, None] + (nxt - level)[:, None] * frac[None, :]
    return ramp.reshape(-1)[:n].astype(np.float32, copy=False)


def find_events(
    excess: NDArray[np.float32], on_level: float, off_level: float, min_quiet: int
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Onset and offset indices by rules 1-2: rise >= ``on_level``, then a quiet run.

    Parameters
    ----------
    excess : NDArray[np.float32], shape (n,)
        Envelope minus baseline.
    on_level, off_level : float
        Onset level and the level the envelope must stay at or under to end a movement.
    min_quiet : int
        Samples the quiet period must last (0.5 s).

    Returns
    -------
    start, stop : NDArray[np.intp], shape (n_events,)
        First sample at or above ``on_level``; first sample of the quiet run that ends the
        movement (``n`` when the recording ends first).

    Notes
    -----
    Quiet runs of at least ``min_quiet`` samples cut the night into stretches; a stretch that
    contains a sample at or above ``on_level`` holds exactly one movement, from that sample
    to the start of the next quiet run. This is the same state machine as a sample loop,
    written with ``searchsorted``.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.zeros(100, np.float32); x[20:40] = 10
    >>> find_events(x, 8.0, 2.0, 5)
    (array([20]), array([40]))
    """
    n = excess.size
    quiet = np.empty(n + 2, dtype=np.int8)
    quiet[0] = quiet[-1] = 0
    np.less_equal(excess, off_level, out=quiet[1:-1], casting="unsafe")
    edges = np.diff(quiet)
    q_start = np.flatnonzero(edges == 1)
    q_stop = np.flatnonzero(edges == -1)
    q_start = q_start[(q_stop - q_start) >= min_quiet]
    on_idx = np.flatnonzero(excess >= on_level)
    if on_idx.size == 0:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty.copy()
    stretch = np.searchsorted(q_start, on_idx)
    first = np.ones(on_idx.size, dtype=bool)
    first[1:] = stretch[1:] != stretch[:-1]
    start = on_idx[first]
    which = stretch[first]
    # A movement with no quiet run after it ends with the recording; ``n`` as a sentinel
    # also covers a night with no quiet run at all (continuous noise), where q_start is empty.
    ends = np.append(q_start, n)
    return start.astype(np.intp), ends[which].astype(np.intp)


def detect_leg(leg: LegSignal, params: ScoringParams, *, source: str = "recording") -> LegDetection:
    """Find the one-leg movements (LM >= 0.5 s) of one tibialis anterior EMG channel.

    Parameters
    ----------
    leg : LegSignal
        EMG in uV; ``leg.fs`` must be at least 100 Hz.
    params : ScoringParams
    source : str
        File name (or ``"arrays"``) for messages.

    Returns
    -------
    LegDetection

    Raises
    ------
    RecordingError
        Sampling rate below 100 Hz, NaN, flat or saturated channel (see :func:`check_emg`).

    Examples
    --------
    >>> import numpy as np
    >>> from nightlegs.movement._types import LegSignal
    >>> rng = np.random.default_rng(1)
    >>> x = rng.normal(0, 1.5, 256 * 120); x[256 * 60: 256 * 62] *= 20
    >>> det = detect_leg(LegSignal("LAT", "left", 256.0, x), ScoringParams())
    >>> [round(float(t)) for t in det.onset_s]
    [60]
    """
    warnings = check_emg(leg, params, source=source)
    env = emg_envelope(leg.emg_uv, leg.fs, params)
    excess = env.values - env.baseline
    min_quiet = max(1, round(params.offset_min_s * env.fs))
    start, stop = find_events(excess, params.onset_uv, params.offset_uv, min_quiet)
    onset = env.t0_s + start / env.fs
    offset = env.t0_s + stop / env.fs
    keep = (offset - onset) >= params.lm_min_s - 1e-9
    t_over, v_over = _overview(excess, env)
    return LegDetection(
        label=leg.label,
        side=leg.side,
        onset_s=onset[keep],
        offset_s=offset[keep],
        overview_t_s=t_over,
        overview_uv=v_over,
        warnings=tuple(warnings),
        side_from=leg.side_from,
    )


def _overview(
    excess: NDArray[np.float32], env: Envelope
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    block = max(1, math.ceil(excess.size / _OVERVIEW_POINTS))
    n_blocks = excess.size // block
    if n_blocks == 0:
        return np.zeros(0), np.zeros(0)
    peaks = excess[: n_blocks * block].reshape(n_blocks, block).max(axis=1)
    t = env.t0_s + (np.arange(n_blocks) * block + block / 2) / env.fs
    return t.astype(np.float64), peaks.astype(np.float64)
