"""Counts and hourly indices from scored events (rules 7, 8 and 10 of WASM 2016).

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
.. [2] The AASM Manual for the Scoring of Sleep and Associated Events (movement rules).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nightlegs.movement._types import Hypnogram
from nightlegs.movement.scoring.params import ScoringParams
from nightlegs.movement.scoring.rules import SLEEP_STAGES, ScoredEvents

__all__ = ["Indices", "compute_indices", "imi_histogram"]

Number = float | int | None


@dataclass(frozen=True)
class Indices:
    """Hours, counts and per-hour indices of one night.

    ``values`` holds every count and index by name (``None`` where the denominator is
    missing: no hypnogram, no sleep or no wake); ``basis`` is ``"sleep"`` when a hypnogram was
    given (indices per hour of sleep) and ``"recording"`` otherwise.
    """

    recording_hours: float
    sleep_hours: float | None
    wake_hours: float | None
    basis: str
    values: dict[str, Number] = field(default_factory=dict)
    imi_histogram: dict[str, object] = field(default_factory=dict)


def _per_h(count: int | None, hours: float | None) -> float | None:
    if count is None or hours is None or hours <= 0:
        return None
    return count / hours


def imi_histogram(imi_s: np.ndarray, params: ScoringParams) -> dict[str, object]:
    """Rule 10: distribution of inter-movement intervals in ``imi_bin_s`` bins up to 90 s.

    Examples
    --------
    >>> h = imi_histogram(np.array([1.0, 3.0, 25.0, 120.0]), ScoringParams())
    >>> h["counts"][:2], h["over_max"]
    ([1, 1], 1)
    """
    edges = np.arange(0.0, params.imi_max_s + params.imi_bin_s / 2, params.imi_bin_s)
    counts, _ = np.histogram(imi_s[imi_s < edges[-1]], bins=edges)
    return {
        "bin_edges_s": [float(e) for e in edges],
        "counts": [int(c) for c in counts],
        "over_max": int(np.count_nonzero(imi_s >= edges[-1])),
    }


def compute_indices(
    events: ScoredEvents,
    duration_s: float,
    hypnogram: Hypnogram | None,
    params: ScoringParams,
    *,
    excluded_s: float = 0.0,
) -> Indices:
    """Counts and indices; PLMS per hour of sleep, PLMW per hour of wake (rule 7).

    Parameters
    ----------
    events : ScoredEvents
        Output of :func:`~nightlegs.movement.scoring.rules.apply_rules`.
    duration_s : float
        Recording length in seconds.
    hypnogram : Hypnogram or None
        Without it every index is per hour of recording and the sleep/wake ones are ``None``.
    params : ScoringParams
    excluded_s : float
        Seconds without signal (EDF+D gaps) left out of the recording time; their epochs are
        expected to be unscored (``"?"``) in ``hypnogram`` already.

    Returns
    -------
    Indices

    Examples
    --------
    >>> from nightlegs.movement.scoring.rules import apply_rules
    >>> ev = apply_rules([0, 20, 40, 60], [1, 21, 41, 61], ["left"] * 4, ScoringParams())
    >>> compute_indices(ev, 3600.0, None, ScoringParams()).values["plm_index"]
    4.0
    """
    rec_h = max(duration_s - excluded_s, 0.0) / 3600.0
    n = events.onset_s.size
    if events.stage is not None and hypnogram is not None:
        stages = np.asarray(hypnogram.stages)
        # Only epochs that start inside the recording count towards sleep and wake time.
        starts = hypnogram.start_s + hypnogram.epoch_s * np.arange(stages.size)
        stages = stages[(starts >= 0) & (starts < duration_s)]
        n_sleep = int(np.isin(stages, list(SLEEP_STAGES)).sum())
        sleep_h: float | None = n_sleep * hypnogram.epoch_s / 3600.0
        wake_h: float | None = float((stages == "W").sum()) * hypnogram.epoch_s / 3600.0
        in_sleep = np.isin(events.stage, list(SLEEP_STAGES))
        in_wake = events.stage == "W"
        basis, basis_h, in_basis = "sleep", sleep_h, in_sleep
    else:
        sleep_h = wake_h = None
        in_sleep = in_wake = np.zeros(n, dtype=bool)
        basis, basis_h, in_basis = "recording", rec_h, np.ones(n, dtype=bool)
    has_hyp = basis == "sleep"

    def count(mask: np.ndarray) -> int:
        return int(np.count_nonzero(mask))

    def in_sleep_count(mask: np.ndarray) -> int | None:
        return count(mask & in_sleep) if has_hyp else None

    def in_wake_count(mask: np.ndarray) -> int | None:
        return count(mask & in_wake) if has_hyp else None

    per, per_all = events.periodic, events.periodic_all
    n_cand = count(events.candidate)
    values: dict[str, Number] = {
        "lm_count": n,
        "clm_count": count(events.clm),
        "plm_count": count(per),
        "plms_count": in_sleep_count(per),
        "plmw_count": in_wake_count(per),
        "respiratory_clm_count": count(events.respiratory),
        "lm_index": _per_h(count(in_basis), basis_h),
        "clm_index": _per_h(count(events.clm & in_basis), basis_h),
        "plm_index": _per_h(count(per), rec_h),
        "plms_index": _per_h(in_sleep_count(per), sleep_h),
        "plmw_index": _per_h(in_wake_count(per), wake_h),
        "plm_index_no_resp_exclusion": _per_h(count(per_all), rec_h),
        "plms_index_no_resp_exclusion": _per_h(in_sleep_count(per_all), sleep_h),
        "plmw_index_no_resp_exclusion": _per_h(in_wake_count(per_all), wake_h),
        "plms_arousal_index": _per_h(in_sleep_count(per & events.arousal), sleep_h),
        "lm_arousal_index": _per_h(count(events.arousal & in_basis), basis_h),
        "periodicity_index": (count(per) / n_cand) if n_cand else None,
        "isolated_clm_index": _per_h(count(events.isolated & in_basis), basis_h),
        "short_interval_clm_index": _per_h(count(events.short_interval & in_basis), basis_h),
    }
    return Indices(
        recording_hours=rec_h,
        sleep_hours=sleep_h,
        wake_hours=wake_h,
        basis=basis,
        values=values,
        imi_histogram=imi_histogram(events.imi_s, params),
    )
