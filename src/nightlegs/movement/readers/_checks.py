"""Signal checks shared by every reader and by the scorer: one home for what makes EMG unusable.

Thresholds follow SCORING.md ("Signal"): refuse below 100 Hz, warn between 100 and 200 Hz. The
readers run :func:`check_emg` with the file name and the channel's physical range; the scorer runs
it again on any :class:`~nightlegs.movement.Recording` it is handed (built by hand, from arrays or
from mne). Both produce the same message for the same channel, and the scorer shows each warning
once.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from nightlegs.errors import RecordingError

__all__ = ["MAX_ABS_UV", "MIN_FS", "MIN_SECONDS", "WARN_FS", "check_emg", "unit_factor"]

MIN_FS = 100.0
WARN_FS = 200.0
#: Shortest EMG that can be scored: the 0.5-s rules need a resting baseline around them.
MIN_SECONDS = 10.0
#: Surface EMG never reaches 10 V at the electrode; beyond this the units are wrong, and the
#: float32 band-pass would overflow long before float64 does.
MAX_ABS_UV = 1e7
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
    saturation_fraction: float = 0.05,
) -> list[str]:
    """Refuse unusable EMG; return warnings for doubtful EMG.

    Parameters
    ----------
    emg_uv : NDArray[np.float64], shape (n_samples,)
    fs : float
        Sampling rate in Hz.
    source, label : str
        File (or ``"arrays"``) and channel, for messages.
    clip_uv : (float, float), optional
        Physical range of the channel in uV; samples at its ends count as saturated.
    saturation_fraction : float
        Largest fraction of samples allowed at the signal's own minimum or maximum (a clipped
        amplifier whose range the file does not state).

    Raises
    ------
    RecordingError
        Rate below 100 Hz, fewer than 10 s, NaN or infinite samples, amplitudes beyond 10 V,
        a flat channel, or a saturated one.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.random.default_rng(0).normal(0, 3, 6000)
    >>> check_emg(x, 150.0, source="a", label="LAT")[0].split(";")[0]
    "a: channel 'LAT' sampled at 150 Hz"
    """
    where = f"{source}: channel {label!r}"
    warnings: list[str] = []
    if not (math.isfinite(fs) and fs >= MIN_FS):
        raise RecordingError(f"{where}: sampling rate {fs:g} Hz; expected at least {MIN_FS:g} Hz")
    if fs < WARN_FS:
        warnings.append(
            f"{where} sampled at {fs:g} Hz; at least {WARN_FS:g} Hz is recommended (WASM 2016), "
            "the 10-100 Hz band is cut at 0.45 * fs"
        )
    if emg_uv.ndim != 1 or emg_uv.size < MIN_SECONDS * fs:
        raise RecordingError(
            f"{where}: {emg_uv.size} samples in shape {emg_uv.shape} at {fs:g} Hz; expected a 1-D "
            f"signal of at least {MIN_SECONDS:g} s"
        )
    # min/max propagate NaN, so one pass each finds non-finite samples as well.
    lo, hi = float(np.min(emg_uv)), float(np.max(emg_uv))
    if not (math.isfinite(lo) and math.isfinite(hi)):
        bad = ~np.isfinite(emg_uv)
        first = int(np.argmax(bad)) / fs
        raise RecordingError(
            f"{where}: {int(bad.sum())} NaN or infinite samples (first at {first:.2f} s); "
            "expected finite values (cut or fill the gaps first)"
        )
    if max(abs(lo), abs(hi)) > MAX_ABS_UV:
        raise RecordingError(
            f"{where}: amplitude {max(abs(lo), abs(hi)):.3g} uV is beyond any surface EMG "
            f"(at most {MAX_ABS_UV:g} uV expected); check the physical dimension (uV, mV, V)"
        )
    if hi - lo < 0.1:
        raise RecordingError(
            f"{where}: flat signal (peak-to-peak {hi - lo:.3g} uV); expected EMG activity - check "
            "the electrode and the channel choice"
        )
    if clip_uv is not None:
        span = clip_uv[1] - clip_uv[0]
        tol = abs(span) * 1e-4
        low, high = min(clip_uv) + tol, max(clip_uv) - tol
        if low < high:  # two disjoint tails, counted with one boolean temporary at a time
            at_ends = np.count_nonzero(emg_uv <= low) + np.count_nonzero(emg_uv >= high)
        else:
            at_ends = np.count_nonzero((emg_uv <= low) | (emg_uv >= high))
        clipped = at_ends / emg_uv.size
        if clipped > saturation_fraction:
            raise RecordingError(
                f"{where}: saturated: {clipped:.0%} of samples at the ends of the physical range "
                f"{clip_uv[0]:g}..{clip_uv[1]:g} uV; expected under {saturation_fraction:.0%}"
            )
        if clipped > 0.001:
            warnings.append(f"{where}: {clipped:.1%} of samples saturated")
    # A strided look is enough to find a channel clipped at a range the file does not state.
    probe = emg_uv[:: max(1, int(fs // 25))]
    at_rail = float(np.count_nonzero((probe == lo) | (probe == hi))) / probe.size
    if at_rail > saturation_fraction:
        raise RecordingError(
            f"{where}: saturated: {at_rail:.0%} of samples at {lo:g} or {hi:g} uV; expected "
            f"under {saturation_fraction:.0%}"
        )
    return warnings
