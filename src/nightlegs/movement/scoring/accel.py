"""Leg movements from leg-worn accelerometers, fed to the same rules as the EMG.

There is no single standard for accelerometers. Published devices count a movement when the
acceleration magnitude, with gravity removed and band-limited, exceeds a threshold for 0.5-10 s,
and then apply the bilateral, periodicity and staging rules of WASM 2016 [1]_ / AASM [2]_. Here
the magnitude is band-passed (0.5-10 Hz by default: the high-pass removes the 1 g of gravity),
smoothed to a 0.25 s RMS and compared with a rolling baseline; onsets need
``accel_threshold_g`` above baseline and offsets half of it for 0.5 s.

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
.. [2] The AASM Manual for the Scoring of Sleep and Associated Events (movement rules).
"""

from __future__ import annotations

import math

import numpy as np

from nightlegs.errors import RecordingError
from nightlegs.movement._types import AccelSignal
from nightlegs.movement.scoring.detect import LegDetection, band_envelope, find_events
from nightlegs.movement.scoring.params import ScoringParams

__all__ = ["MIN_ACCEL_FS_HZ", "detect_accel"]

MIN_ACCEL_FS_HZ = 10.0


def detect_accel(sensor: AccelSignal, params: ScoringParams) -> LegDetection:
    """Find one-leg movements in a tri-axial leg accelerometer.

    Parameters
    ----------
    sensor : AccelSignal
        ``xyz_g`` of shape (n_samples, 3) in g, sampled at ``fs`` >= 10 Hz.
    params : ScoringParams
        ``accel_band_hz``, ``accel_threshold_g``, ``accel_envelope_s``, ``offset_min_s`` and
        ``lm_min_s`` are used.

    Returns
    -------
    LegDetection
        Onsets and offsets in seconds; the overview envelope is in milli-g.

    Raises
    ------
    RecordingError
        Wrong shape, too low a sampling rate, NaN or a flat sensor.

    Examples
    --------
    >>> import numpy as np
    >>> from nightlegs.movement._types import AccelSignal
    >>> rng = np.random.default_rng(0)
    >>> xyz = np.tile([0.0, 0.0, 1.0], (50 * 120, 1)) + rng.normal(0, 0.002, (50 * 120, 3))
    >>> t = np.arange(50 * 3) / 50
    >>> xyz[50 * 60: 50 * 63, 2] += 0.3 * np.sin(2 * np.pi * 3 * t)
    >>> det = detect_accel(AccelSignal("ankle L", "left", 50.0, xyz), ScoringParams())
    >>> [round(float(t)) for t in det.onset_s]
    [60]
    """
    name = f"accelerometer {sensor.label!r} ({sensor.side} leg)"
    xyz = np.asarray(sensor.xyz_g)
    if xyz.ndim != 2 or xyz.shape[1] != 3:
        raise RecordingError(f"{name}: expected xyz_g of shape (n_samples, 3), got {xyz.shape}")
    if not math.isfinite(sensor.fs) or sensor.fs < MIN_ACCEL_FS_HZ:
        raise RecordingError(
            f"{name}: sampling rate {sensor.fs} Hz is too low; at least {MIN_ACCEL_FS_HZ:g} Hz"
        )
    if xyz.shape[0] < int(10 * sensor.fs):
        raise RecordingError(f"{name}: expected at least 10 s of samples, got {xyz.shape[0]}")
    magnitude = np.sqrt(np.einsum("ij,ij->i", xyz, xyz))
    if not np.isfinite(magnitude).all():
        raise RecordingError(f"{name}: NaN or infinite samples; expected finite values in g")
    if float(np.ptp(magnitude)) == 0.0:
        raise RecordingError(f"{name}: sensor is flat (constant magnitude); expected movement")
    low, high = params.accel_band_hz
    env = band_envelope(magnitude, sensor.fs, low, high, params.accel_envelope_s, params)
    excess = env.values - env.baseline
    min_quiet = max(1, round(params.offset_min_s * env.fs))
    level = params.accel_threshold_g
    start, stop = find_events(excess, level, level / 2, min_quiet)
    onset = env.t0_s + start / env.fs
    offset = env.t0_s + stop / env.fs
    keep = (offset - onset) >= params.lm_min_s - 1e-9
    step = max(1, excess.size // 4000)
    n = (excess.size // step) * step
    peaks = excess[:n].reshape(-1, step).max(axis=1) * 1000.0
    t = env.t0_s + (np.arange(peaks.size) * step + step / 2) / env.fs
    return LegDetection(
        label=sensor.label,
        side=sensor.side,
        onset_s=onset[keep],
        offset_s=offset[keep],
        overview_t_s=t.astype(np.float64),
        overview_uv=peaks.astype(np.float64),
    )
