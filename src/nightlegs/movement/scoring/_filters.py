"""The signal filters of the leg-movement scoring, written with numpy alone.

SciPy has all of them (``signal.butter``/``sosfilt``, ``ndimage.uniform_filter1d``,
``percentile_filter``, ``median_filter``), but importing ``scipy.signal`` or ``scipy.ndimage``
costs 0.6-1.2 s in a fresh process, which is most of what ``nightlegs analyze`` took on an 8 h
night. Here:

- the Butterworth band-pass is designed as SciPy designs it (analogue prototype, band-pass
  transform, bilinear transform with pre-warping) and applied as its impulse response, cut
  where what is left of it is below 1e-14 of its energy, by FFT overlap-save. That is the
  same causal filter as ``sosfilt`` from a steady state, to float32 rounding;
- the moving mean is a running sum, and the rolling percentile and median are a rank taken
  from a sliding window, with the window placement and ``mode="nearest"`` edges of
  ``scipy.ndimage``.

The tests check each against SciPy.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view
from numpy.typing import NDArray

from nightlegs.errors import InputError

#: What is left of the impulse response after the cut, as a fraction of its energy.
_TAIL_ENERGY = 1e-14
#: Samples of input per batch of FFT frames: under 4 MB of temporaries whatever the night.
_BATCH_SAMPLES = 1 << 16
#: Rows of a sliding window ranked at a time (bounds the copy ``np.partition`` makes).
_RANK_ROWS = 1 << 14


def butterworth_bandpass_poles(
    order: int, low_hz: float, high_hz: float, fs: float
) -> tuple[NDArray[np.complex128], float]:
    """Digital poles and gain of a Butterworth band-pass; its zeros are ``order`` at z=1 and -1.

    Parameters
    ----------
    order : int
        Order of the low-pass prototype (the band-pass has twice as many poles), 1 to 10.
    low_hz, high_hz : float
        Band edges (-3 dB), with ``0 < low_hz < high_hz < fs / 2``.
    fs : float
        Sampling rate in Hz.

    Returns
    -------
    poles : NDArray[np.complex128], shape (2 * order,)
    gain : float
        So that the response at the band centre is 1.

    Raises
    ------
    InputError
        An order or band edges outside these ranges.

    Examples
    --------
    >>> poles, gain = butterworth_bandpass_poles(2, 10.0, 100.0, 256.0)
    >>> poles.shape, bool(np.all(np.abs(poles) < 1))
    ((4,), True)
    """
    if isinstance(order, bool) or not (isinstance(order, int) and 1 <= order <= 10):
        raise InputError(f"filter order must be an integer from 1 to 10, got {order!r}")
    if not 0 < low_hz < high_hz < fs / 2:
        raise InputError(
            f"band edges must satisfy 0 < low < high < fs/2, got {low_hz} and {high_hz} Hz "
            f"at fs = {fs} Hz"
        )
    # Analogue prototype: poles on the left half of the unit circle, no zeros, gain 1.
    k = np.arange(-order + 1, order, 2)
    prototype = -np.exp(1j * np.pi * k / (2 * order))
    # Pre-warp the edges so that the bilinear transform puts them where they were asked.
    nyquist_fs = 4.0  # 2 * fs for frequencies normalised to the Nyquist rate (fs = 2)
    low, high = (nyquist_fs * math.tan(math.pi * f / fs) for f in (low_hz, high_hz))
    bandwidth, centre = high - low, math.sqrt(low * high)
    half = prototype * bandwidth / 2
    root = np.sqrt(half**2 - centre**2)
    analogue = np.concatenate([half + root, half - root])
    analogue_gain = bandwidth**order
    # Bilinear transform: the ``order`` analogue zeros at s=0 map to z=1, the rest to z=-1.
    poles = (nyquist_fs + analogue) / (nyquist_fs - analogue)
    gain = analogue_gain * float(np.real(nyquist_fs**order / np.prod(nyquist_fs - analogue)))
    return poles.astype(np.complex128), gain


def bandpass_impulse_response(
    order: int, low_hz: float, high_hz: float, fs: float
) -> NDArray[np.float64]:
    """Impulse response of the Butterworth band-pass, cut once its energy has died away.

    Parameters
    ----------
    order : int
    low_hz, high_hz, fs : float
        As for :func:`butterworth_bandpass_poles`.

    Returns
    -------
    NDArray[np.float64], shape (n_taps,)
        The filter's first ``n_taps`` output samples for a unit impulse; the energy after them
        is below 1e-14 of the total.

    Examples
    --------
    >>> h = bandpass_impulse_response(2, 10.0, 100.0, 256.0)
    >>> 20 < h.size < 200, abs(float(h.sum())) < 1e-5
    (True, True)
    """
    poles, gain = butterworth_bandpass_poles(order, low_hz, high_hz, fs)
    slowest = float(np.max(np.abs(poles)))
    # Long enough for the slowest pole to fall by 1e-18 in amplitude: the response sampled on
    # this many frequencies and transformed back is then the impulse response, since what
    # wraps around (its part beyond the length) is far below float64 rounding.
    length = 1 << max(8, int(math.log(1e-18) / math.log(slowest)).bit_length())
    z_inv = np.exp(-2j * np.pi * np.arange(length // 2 + 1) / length)
    denominator = np.prod(1.0 - poles[:, None] * z_inv[None, :], axis=0)
    response = np.fft.irfft(gain * (1.0 - z_inv**2) ** order / denominator, length)
    energy_left = np.cumsum((response**2)[::-1])[::-1]
    n_taps = int(np.argmax(energy_left < _TAIL_ENERGY * energy_left[0]))
    return response[: max(n_taps, 1)]


def filtered_block_power(
    x: NDArray[np.floating], taps: NDArray[np.float64], step: int
) -> NDArray[np.float64]:
    """Mean square of ``x`` filtered by ``taps``, per block of ``step`` samples.

    The filter is causal and starts from a steady state for ``x[0]`` (as if the signal had
    been at that value before), so a DC offset gives no spike. A tail shorter than ``step``
    is dropped.

    Parameters
    ----------
    x : NDArray[np.floating], shape (n,)
    taps : NDArray[np.float64], shape (m,)
        FIR filter, e.g. from :func:`bandpass_impulse_response`.
    step : int
        Block length in samples.

    Returns
    -------
    NDArray[np.float64], shape (n // step,)

    Notes
    -----
    Overlap-save with real FFTs in float32, in batches of frames, so that neither a
    full-length filtered signal nor a full-length float32 copy of ``x`` is ever held.

    Examples
    --------
    >>> x = np.arange(12.0)
    >>> np.round(filtered_block_power(x, np.array([1.0, -1.0]), 4), 6)  # first difference
    array([0.75, 1.  , 1.  ])
    """
    n_blocks = x.size // step
    power = np.empty(n_blocks, dtype=np.float64)
    if n_blocks == 0:
        return power
    m = taps.size
    nfft = 1 << max(10, (16 * m).bit_length())
    hop = max(1, (nfft - m + 1) // step) * step
    nfft = max(nfft, hop + m - 1)
    spectrum = np.fft.rfft(taps, nfft).astype(np.complex64)
    frames_per_batch = max(1, _BATCH_SAMPLES // hop)
    n_out = n_blocks * step
    first_value = np.float32(x[0])
    for out_start in range(0, n_out, frames_per_batch * hop):
        n_frames = min(frames_per_batch, -(-(n_out - out_start) // hop))
        # Frame f reads x[out_start + f*hop - (m-1) : ... + nfft]; x[0] stands in before the
        # start and zeros after the end (they only reach outputs past n_out).
        buffer = np.zeros((n_frames - 1) * hop + nfft, dtype=np.float32)
        lo = out_start - (m - 1)
        src_lo, src_hi = max(lo, 0), min(lo + buffer.size, x.size)
        buffer[: src_lo - lo] = first_value
        buffer[src_lo - lo : src_hi - lo] = x[src_lo:src_hi]
        frames = as_strided(buffer, shape=(n_frames, nfft), strides=(hop * 4, 4), writeable=False)
        transformed = np.fft.rfft(frames, axis=1)
        transformed *= spectrum
        filtered = np.fft.irfft(transformed, nfft, axis=1)[:, m - 1 : m - 1 + hop]
        blocks = filtered.reshape(-1, step)
        first = out_start // step
        count = min(blocks.shape[0], n_blocks - first)
        np.einsum(
            "ij,ij->i",
            blocks[:count],
            blocks[:count],
            dtype=np.float64,
            out=power[first : first + count],
        )
    power /= step
    return power


def moving_mean(values: NDArray[np.float64], width: int) -> NDArray[np.float64]:
    """Mean over ``width`` samples around each sample, edges extended with the end values.

    The window placement is that of ``scipy.ndimage.uniform_filter1d(mode="nearest")``:
    samples ``i - width // 2`` to ``i - width // 2 + width - 1``.

    Examples
    --------
    >>> moving_mean(np.array([0.0, 3.0, 6.0, 9.0]), 3)
    array([1., 3., 6., 8.])
    """
    if width <= 1 or values.size == 0:
        return values.astype(np.float64, copy=True)
    padded = np.pad(values, (width // 2, width - 1 - width // 2), mode="edge")
    running = np.empty(padded.size + 1, dtype=np.float64)
    running[0] = 0.0
    np.cumsum(padded, out=running[1:])
    mean = running[width:] - running[:-width]
    mean /= width
    return mean


def rolling_rank(values: NDArray[np.floating], size: int, rank: int) -> NDArray[np.floating]:
    """The ``rank``-th smallest value (0-based) of the ``size`` samples around each sample.

    Window placement and edges as ``scipy.ndimage.rank_filter(mode="nearest")``, so
    ``rank = int(size * p / 100)`` gives its ``percentile_filter`` and ``size // 2`` its
    ``median_filter``.

    Examples
    --------
    >>> rolling_rank(np.array([5.0, 1.0, 4.0, 2.0, 3.0]), 3, 1)  # running median
    array([5., 4., 2., 3., 3.])
    """
    if values.size == 0 or size <= 1:
        return values.copy()
    rank = min(max(rank, 0), size - 1)
    padded = np.pad(values, (size // 2, size - 1 - size // 2), mode="edge")
    windows = sliding_window_view(padded, size)
    out = np.empty(values.size, dtype=values.dtype)
    for lo in range(0, values.size, _RANK_ROWS):
        part = np.partition(windows[lo : lo + _RANK_ROWS], rank, axis=1)
        out[lo : lo + part.shape[0]] = part[:, rank]
    return out
