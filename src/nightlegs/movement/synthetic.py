"""Synthetic overnight leg EMG with known movements, for tests and benchmarks.

A night is built from a hypnogram (wake, N1-N3, REM cycles with wake bouts), a schedule of
one-leg and bilateral movements (PLM trains, isolated and short-interval movements, long
non-candidate movements), respiratory events and arousals, and a two-leg EMG: band-limited
background noise at ``noise_uv`` (RMS), movement bursts with ramps, slow drift, mains hum and an
ECG artefact. The true indices come from the same rules as the scorer (WASM 2016, Ferri et al.,
Sleep Med 2016, PMID 27890390; AASM manual), applied to the true movements.

Durations and intervals are drawn away from the rule boundaries (0.5, 10, 15 and 90 s) so that
detection jitter of a tenth of a second cannot change the truth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from nightlegs.movement._types import Hypnogram, Interval, LegSignal, Recording, Side
from nightlegs.movement.scoring.indices import compute_indices
from nightlegs.movement.scoring.params import ScoringParams
from nightlegs.movement.scoring.rules import ScoredEvents, apply_rules

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SyntheticNight", "event_agreement", "synthesize_night"]

_F32 = NDArray[np.float32]


@dataclass(frozen=True)
class SyntheticNight:
    """A synthetic night and its truth.

    Attributes
    ----------
    recording : Recording
        Two-leg EMG in uV with hypnogram, respiratory events and arousals.
    true_movements : pandas.DataFrame
        One-leg movements: ``onset_s``, ``offset_s``, ``side``, ``amplitude_uv``, ``kind``.
    true_events : pandas.DataFrame
        The movements after the rules (bilateral merged), columns like
        :attr:`nightlegs.movement.MovementAnalysis.events`.
    true_scored : ScoredEvents
    true_indices : dict
        Counts and indices by the rules, plus ``recording_hours`` and ``sleep_hours``.
    """

    recording: Recording
    true_movements: pd.DataFrame
    true_events: pd.DataFrame
    true_scored: ScoredEvents
    true_indices: dict[str, float | int | None]


def _hypnogram(rng: np.random.Generator, n_epochs: int) -> tuple[str, ...]:
    # Sleep cycles of ~90 min with N3 early and REM late, a few wake bouts; loop over segments.
    out: list[str] = ["W"] * min(n_epochs, int(rng.integers(10, 30)))
    cycle = 0
    while len(out) < n_epochs:
        n3 = max(0, int(rng.integers(20, 50)) - 10 * cycle)
        for stage, length in (
            ("N1", int(rng.integers(2, 6))),
            ("N2", int(rng.integers(25, 45))),
            ("N3", n3),
            ("N2", int(rng.integers(8, 20))),
            ("R", int(rng.integers(10, 25)) + 6 * cycle),
            ("W", int(rng.integers(2, 10)) if rng.random() < 0.7 else 0),
        ):
            out.extend([stage] * length)
        cycle += 1
    return tuple(out[:n_epochs])


def _schedule(rng: np.random.Generator, total_s: float) -> list[tuple[float, float, str, str]]:
    """One-leg movements (onset, offset, side, kind), away from rule boundaries."""
    moves: list[tuple[float, float, str, str]] = []
    t = float(rng.uniform(20, 60))
    kinds = ("train", "isolated", "short", "long", "quiet")
    while t < total_s - 150:
        kind = str(rng.choice(kinds, p=(0.5, 0.2, 0.12, 0.08, 0.1)))
        if kind == "train":
            n = int(rng.integers(4, 16))
            onsets = t + np.concatenate(([0.0], np.cumsum(rng.uniform(15, 60, n - 1))))
            durs = rng.uniform(0.8, 6.0, n)
        elif kind == "isolated":
            onsets, durs = np.array([t]), rng.uniform(0.8, 6.0, 1)
        elif kind == "short":
            n = int(rng.integers(2, 4))
            onsets = t + np.concatenate(([0.0], np.cumsum(rng.uniform(3.5, 7.0, n - 1))))
            durs = rng.uniform(0.7, 1.8, n)
        elif kind == "long":
            onsets, durs = np.array([t]), rng.uniform(13.0, 40.0, 1)
        else:
            t += float(rng.uniform(100, 300))
            continue
        if onsets[-1] + durs[-1] > total_s - 20:
            break
        for on, dur in zip(onsets.tolist(), durs.tolist(), strict=True):
            side = "left" if rng.random() < 0.5 else "right"
            moves.append((on, on + dur, side, kind))
            if kind != "long" and rng.random() < 0.2:
                # Bilateral: the other leg starts within 1 s and the union stays under 9 s.
                lag = float(rng.uniform(0.0, 1.0))
                dur2 = float(rng.uniform(0.8, max(0.9, min(6.0, 9.0 - lag))))
                other = "right" if side == "left" else "left"
                moves.append((on + lag, on + lag + dur2, other, kind))
        t = max(on + dur for on, dur in zip(onsets, durs, strict=True)) + rng.uniform(100, 300)
    moves.sort()
    return moves


def _far(t0: float, t1: float, on: NDArray[np.float64], off: NDArray[np.float64], m: float) -> bool:
    return bool(np.all((off < t0 - m) | (on > t1 + m)))


def _resp_and_arousals(
    rng: np.random.Generator, moves: list[tuple[float, float, str, str]], total_s: float
) -> tuple[tuple[Interval, ...], tuple[Interval, ...]]:
    on = np.array([m[0] for m in moves])
    off = np.array([m[1] for m in moves])
    resp: list[Interval] = []
    for i in rng.permutation(on.size)[: max(1, on.size // 12)]:
        # End an apnea 1-8 s before this movement, with every other movement clear of the
        # WASM window [end - 2, end + 10.25] by at least 1 s.
        end = on[i] - rng.uniform(1.0, 8.0)
        others = np.arange(on.size) != i
        if end > 40 and _far(end - 2.0, end + 10.25, on[others], off[others], 1.0):
            dur = rng.uniform(10.0, 30.0)
            resp.append(Interval(float(end - dur), float(dur), "apnea"))
    for _ in range(int(total_s / 1800)):
        end = rng.uniform(60, total_s - 20)
        if _far(end - 2.0, end + 10.25, on, off, 1.5):
            resp.append(Interval(float(end - 15.0), 15.0, "hypopnea"))
    arousals: list[Interval] = []
    for i in range(on.size):
        if rng.random() < 0.3:
            arousals.append(Interval(float(on[i] + rng.uniform(-1.0, 1.0)), 5.0, "arousal"))
    for _ in range(int(total_s / 1200)):
        start = rng.uniform(10, total_s - 30)
        if _far(start - 0.5, start + 10.5, on, off, 1.0):
            arousals.append(Interval(float(start), 10.0, "arousal"))
    return tuple(sorted(resp, key=lambda x: x.onset_s)), tuple(
        sorted(arousals, key=lambda x: x.onset_s)
    )


def _periodic(n: int, fs: float, hz: float) -> _F32:
    """A sine at ``hz`` via one repeated period when fs/hz is rational (cheap for 8 h)."""
    if float(fs).is_integer() and float(hz).is_integer():
        period = int(fs) // math.gcd(int(fs), int(hz))
        one = np.sin(2 * np.pi * hz * np.arange(period) / fs).astype(np.float32)
        return np.tile(one, n // period + 1)[:n]
    return np.sin(2 * np.pi * hz * np.arange(n, dtype=np.float64) / fs).astype(np.float32)


def _slow(rng: np.random.Generator, n: int, fs: float, amp: float) -> _F32:
    """Slow drift: two sines of 17 s and 41 s period with random phases, built by tiling."""
    out = np.zeros(n, dtype=np.float32)
    for period_s, scale in ((17.0, 1.0), (41.0, 0.6)):
        period = max(2, round(period_s * fs))
        one = np.sin(2 * np.pi * np.arange(period) / period).astype(np.float32)
        one = np.roll(one, int(rng.integers(period))) * np.float32(amp * scale)
        out += np.tile(one, n // period + 1)[:n]
    return out


def _ecg(rng: np.random.Generator, n: int, fs: float, amp: float) -> tuple[NDArray[np.intp], _F32]:
    rr = rng.normal(60 / 68, 0.05, int(n / fs / 0.5) + 2).clip(0.55, 1.5)
    beats = (np.cumsum(rr) * fs).astype(np.intp)
    half = int(0.05 * fs)
    t = np.arange(-half, half + 1) / fs
    # QRS-like biphasic wave about 60 ms wide.
    kernel = amp * (np.exp(-((t / 0.012) ** 2)) - 0.4 * np.exp(-(((t - 0.025) / 0.015) ** 2)))
    beats = beats[beats < n - 2 * half - 1]
    return beats, kernel.astype(np.float32)


def synthesize_night(
    hours: float,
    fs: float,
    noise_uv: float,
    *,
    seed: int = 0,
    ecg: bool = True,
    ecg_uv: float = 10.0,
    mains_hz: float | None = 50.0,
    mains_uv: float = 2.0,
    drift_uv: float = 20.0,
    amplitude_uv: tuple[float, float] = (15.0, 60.0),
    params: ScoringParams | None = None,
) -> SyntheticNight:
    """Make a two-leg tibialis anterior EMG night with known leg movements.

    Parameters
    ----------
    hours : float
        Length of the night in hours.
    fs : float
        Sampling rate in Hz.
    noise_uv : float
        RMS of the band-limited background EMG in uV (e.g. 0.5, 1.5, 3).
    seed : int
        Seed of the random generator; the same seed gives the same night.
    ecg, ecg_uv : bool, float
        Add an ECG artefact with this QRS peak in uV (opposite polarity on the right leg).
    mains_hz, mains_uv : float or None, float
        Mains hum frequency (``None`` for none) and amplitude in uV.
    drift_uv : float
        Scale of the slow baseline drift in uV.
    amplitude_uv : (float, float)
        Range of movement burst RMS in uV.
    params : ScoringParams, optional
        Rules used for the truth (default WASM 2016).

    Returns
    -------
    SyntheticNight

    Examples
    --------
    >>> night = synthesize_night(0.25, 256, 1.5, seed=0)
    >>> night.recording.legs[0].emg_uv.shape
    (230400,)
    >>> night.true_indices["lm_count"] > 0
    True
    """
    # Imported here: scipy.signal costs about a second to import, and only the synthetic
    # night needs it (its noise is coloured with exactly the filter it has always used).
    from scipy import signal

    params = params or ScoringParams()
    rng = np.random.default_rng(seed)
    total_s = hours * 3600.0
    n = round(total_s * fs)
    stages = _hypnogram(rng, math.ceil(total_s / 30.0))
    moves = _schedule(rng, total_s)
    resp, arousals = _resp_and_arousals(rng, moves, total_s)
    sos = signal.butter(4, [20.0, min(150.0, 0.45 * fs)], btype="band", fs=fs, output="sos")
    impulse = np.zeros(int(fs))
    impulse[0] = 1.0
    gain = float(np.sqrt(np.sum(signal.sosfilt(sos, impulse) ** 2)))
    hum = _periodic(n, fs, mains_hz) * np.float32(mains_uv) if mains_hz else None
    beats, kernel = _ecg(rng, n, fs, ecg_uv) if ecg else (np.zeros(0, np.intp), None)
    amps = rng.uniform(*amplitude_uv, len(moves))
    legs = []
    sides_polarity: tuple[tuple[Side, float], ...] = (("left", 1.0), ("right", -0.7))
    for side, polarity in sides_polarity:
        amp = np.full(n, noise_uv / gain, dtype=np.float32)
        for (on, off, s, _), a in zip(moves, amps, strict=True):
            if s != side:
                continue
            i0, i1 = int(on * fs), min(n, int(off * fs))
            ramp = rng.uniform(0.05, 0.2)
            tt = np.arange(i1 - i0) / fs
            shape = np.clip(np.minimum(tt, (i1 - i0) / fs - tt) / ramp, 0, 1)
            shape *= 1 + 0.25 * np.sin(2 * np.pi * rng.uniform(0.5, 2) * tt)
            amp[i0:i1] = np.sqrt(noise_uv**2 + (a * shape) ** 2) / gain
        x = rng.standard_normal(n, dtype=np.float32)
        x *= amp
        x = signal.sosfilt(sos.astype(np.float32), x).astype(np.float32, copy=False)
        x += _slow(rng, n, fs, drift_uv)
        if hum is not None:
            x += hum
        if kernel is not None:
            idx = beats[:, None] + np.arange(kernel.size)[None, :]
            x[idx] += np.float32(polarity) * kernel
        legs.append(LegSignal(f"Leg {side[0].upper()}", side, float(fs), x.astype(np.float64)))
    hyp = Hypnogram(stages)
    recording = Recording(
        duration_s=n / fs,
        legs=tuple(legs),
        hypnogram=hyp,
        respiratory_events=resp,
        arousals=arousals,
        source=f"synthetic(seed={seed})",
    )
    on_s = np.array([m[0] for m in moves], dtype=np.float64)
    off_s = np.array([m[1] for m in moves], dtype=np.float64)
    sides = np.array([m[2] for m in moves], dtype=str)
    scored = apply_rules(
        on_s, off_s, sides, params, hypnogram=hyp, respiratory_events=resp, arousals=arousals
    )
    ind = compute_indices(scored, recording.duration_s, hyp, params)
    truth: dict[str, float | int | None] = dict(ind.values)
    truth["recording_hours"] = ind.recording_hours
    truth["sleep_hours"] = ind.sleep_hours
    import pandas as pd

    movements = pd.DataFrame(
        {
            "onset_s": on_s,
            "offset_s": off_s,
            "side": sides.astype(object),
            "amplitude_uv": amps,
            "kind": [m[3] for m in moves],
        }
    )
    return SyntheticNight(recording, movements, _events_frame(scored), scored, truth)


def _events_frame(s: ScoredEvents) -> pd.DataFrame:
    stage = s.stage.astype(object) if s.stage is not None else None
    import pandas as pd

    return pd.DataFrame(
        {
            "onset_s": s.onset_s,
            "duration_s": s.duration_s,
            "side": s.side.astype(object),
            "periodic": s.periodic,
            "stage": stage,
            "clm": s.clm,
            "respiratory": s.respiratory,
            "arousal": s.arousal,
        }
    )


def event_agreement(
    true_onset_s: NDArray[np.float64], found_onset_s: NDArray[np.float64], tolerance_s: float = 0.5
) -> dict[str, float]:
    """Match events one-to-one by onset within ``tolerance_s``; precision, recall and F1.

    Parameters
    ----------
    true_onset_s, found_onset_s : NDArray[np.float64], shape (n,) and (m,)
        Onsets in seconds.
    tolerance_s : float
        Largest onset difference of a match.

    Returns
    -------
    dict
        ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``.

    Examples
    --------
    >>> event_agreement(np.array([1.0, 20.0]), np.array([1.2, 50.0]))["f1"]
    0.5
    """
    t = np.sort(np.asarray(true_onset_s, dtype=np.float64))
    f = np.sort(np.asarray(found_onset_s, dtype=np.float64))
    used = np.zeros(t.size, dtype=bool)
    tp = 0
    for x in f.tolist():  # loop over events; nearest unused true onset within the tolerance
        k = int(np.searchsorted(t, x))
        best, best_d = -1, tolerance_s
        for j in (k - 2, k - 1, k, k + 1):
            if 0 <= j < t.size and not used[j] and abs(t[j] - x) <= best_d:
                best, best_d = j, abs(t[j] - x)
        if best >= 0:
            used[best] = True
            tp += 1
    fp, fn = f.size - tp, t.size - tp
    precision = tp / f.size if f.size else 1.0
    recall = tp / t.size if t.size else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": float(tp),
        "fp": float(fp),
        "fn": float(fn),
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }
