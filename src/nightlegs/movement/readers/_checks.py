"""Signal checks shared by every reader: sampling rate, NaN, flat and saturated channels.

Thresholds follow SCORING.md ("Signal"): refuse below 100 Hz, warn between 100 and 200 Hz.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from nightlegs.errors import RecordingError

__all__ = ["MIN_FS", "WARN_FS", "check_emg", "unit_factor"]

MIN_FS = 100.0
WARN_FS = 200.0
_UNITS = {
    "uv": 1.0,
    "µv": 1.0,
    "μv": 1.0,
    "microvolt": 1.0,
    "microvolts": 1.0,
    "mv": 1e3,
    "millivolt": 1e3,
    "v": 1e6,
    "volt": 1e6,
    "nv": 1e-3,
}


def unit_factor(dimension: str, *, source: str, label: str) -> tuple[float, str | None]:
    """Factor from an EDF physical dimension to microvolts, and a warning if one was assumed.

    Examples
    --------
    >>> unit_factor("mV", source="a.edf", label="LAT")
    (1000.0, None)
    """
    key = dimension.strip().lower().replace(" ", "")
    if key in _UNITS:
        return _UNITS[key], None
    if key == "":
        return 1.0, f"{source}: channel {label!r} has no physical dimension; assumed uV"
    raise RecordingError(
        f"{source}: channel {label!r} physical dimension {dimension!r}: expected uV, µV, mV or V"
    )


def check_emg(
    emg_uv: NDArray[np.float64],
    fs: float,
    *,
    source: str,
    label: str,
    clip_uv: tuple[float, float] | None = None,
) -> list[str]:
    """Refuse unusable EMG; return warnings for doubtful EMG.

    Parameters
    ----------
    emg_uv : NDArray[np.float64], shape (n_samples,)
    fs : float
        Sampling rate in Hz.
    source, label : str
        File and channel, for messages.
    clip_uv : (float, float), optional
        Physical range of the channel in uV; samples at its ends count as saturated.

    Raises
    ------
    RecordingError
        Rate below 100 Hz, NaN or infinite samples, a flat channel, or more than 5 % of samples
        at the ends of the range.

    Examples
    --------
    >>> import numpy as np
    >>> check_emg(np.random.default_rng(0).normal(0, 3, 60000), 150.0, source="a", label="LAT")
    ['a: channel LAT sampled at 150 Hz; at least 200 Hz is recommended (WASM 2016)']
    """
    where = f"{source}: channel {label}"
    warnings: list[str] = []
    if not fs >= MIN_FS:
        raise RecordingError(f"{where}: sampling rate {fs:g} Hz; expected at least {MIN_FS:g} Hz")
    if fs < WARN_FS:
        warnings.append(f"{where} sampled at {fs:g} Hz; at least 200 Hz is recommended (WASM 2016)")
    if emg_uv.size < fs:
        raise RecordingError(f"{where}: {emg_uv.size} samples; expected at least one second")
    bad = ~np.isfinite(emg_uv)
    if bad.any():
        first = int(np.argmax(bad)) / fs
        raise RecordingError(
            f"{where}: {int(bad.sum())} NaN or infinite samples (first at {first:.2f} s); "
            "expected finite values (cut or fill the gaps first)"
        )
    lo, hi = float(emg_uv.min()), float(emg_uv.max())
    if hi - lo < 1e-3:
        raise RecordingError(f"{where}: flat signal (all samples {lo:g} uV); expected EMG")
    if clip_uv is not None:
        span = clip_uv[1] - clip_uv[0]
        tol = abs(span) * 1e-4
        clipped = float(np.mean((emg_uv <= min(clip_uv) + tol) | (emg_uv >= max(clip_uv) - tol)))
        if clipped > 0.05:
            raise RecordingError(
                f"{where}: saturated: {clipped:.0%} of samples at the ends of the physical range "
                f"{clip_uv[0]:g}..{clip_uv[1]:g} uV; expected under 5 %"
            )
        if clipped > 0.001:
            warnings.append(f"{where}: {clipped:.1%} of samples saturated")
    return warnings
