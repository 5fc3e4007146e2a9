"""Event rules 3-10 of the WASM 2016 standard, applied to one-leg movement lists.

Every function takes plain arrays of onsets and offsets in seconds, so the rules can be tested
(and reused for accelerometers) without any signal. Interval and duration bounds are inclusive
with a 1e-6 s tolerance so that ``10.3 - 0.3`` still counts as 10 s.

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
.. [2] The AASM Manual for the Scoring of Sleep and Associated Events (movement rules).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nightlegs.movement._types import Hypnogram, Interval
from nightlegs.movement.scoring.params import ScoringParams

__all__ = [
    "SLEEP_STAGES",
    "MergedMovements",
    "ScoredEvents",
    "apply_rules",
    "arousal_associated",
    "is_clm_duration",
    "merge_bilateral",
    "plm_series",
    "respiratory_related",
    "short_and_isolated",
    "stage_at",
]

SLEEP_STAGES: frozenset[str] = frozenset({"N1", "N2", "N3", "R"})
_EPS = 1e-6
_F64 = NDArray[np.float64]
_B = NDArray[np.bool_]


@dataclass(frozen=True)
class MergedMovements:
    """LMs after bilateral merging (rule 4), sorted by onset; arrays of shape (n_lm,).

    ``side`` is ``"left"``, ``"right"`` or ``"both"``; ``clm`` marks candidate LMs.
    """

    onset_s: _F64
    offset_s: _F64
    side: NDArray[np.str_]
    n_components: NDArray[np.int64]
    clm: _B


@dataclass(frozen=True)
class ScoredEvents:
    """Every LM with the outcome of rules 3-10; arrays of shape (n_lm,).

    ``candidate`` is ``clm`` minus respiratory-related CLMs (when respiratory events were
    given); ``periodic`` uses it, ``periodic_all`` ignores the respiratory exclusion.
    ``stage`` is ``None`` without a hypnogram. ``imi_s`` holds the onset-to-onset intervals
    between consecutive candidate LMs (rule 10 histogram).
    """

    onset_s: _F64
    offset_s: _F64
    side: NDArray[np.str_]
    n_components: NDArray[np.int64]
    clm: _B
    respiratory: _B
    candidate: _B
    periodic: _B
    periodic_all: _B
    arousal: _B
    short_interval: _B
    isolated: _B
    stage: NDArray[np.str_] | None
    imi_s: _F64

    @property
    def duration_s(self) -> _F64:
        return self.offset_s - self.onset_s


def is_clm_duration(duration_s: ArrayLike, params: ScoringParams) -> _B:
    """Rule 3: a one-leg LM of 0.5-10 s (inclusive) is a candidate.

    Examples
    --------
    >>> is_clm_duration([0.49, 0.5, 10.0, 10.01], ScoringParams()).tolist()
    [False, True, True, False]
    """
    d = np.asarray(duration_s, dtype=np.float64)
    return (d >= params.lm_min_s - _EPS) & (d <= params.clm_max_s + _EPS)


def merge_bilateral(
    onset_s: ArrayLike, offset_s: ArrayLike, side: ArrayLike, params: ScoringParams
) -> MergedMovements:
    """Rule 4: join one-leg LMs on opposite legs into bilateral LMs.

    Parameters
    ----------
    onset_s, offset_s : array_like of float, shape (n,)
        One-leg movements in seconds; those shorter than ``lm_min_s`` are not LMs and dropped.
    side : array_like of str, shape (n,)
        ``"left"`` or ``"right"`` per movement.
    params : ScoringParams
        ``bilateral_rule="gap"`` (WASM 2016): LMs overlapping or less than 0.5 s apart
        (offset to onset) form one LM, a CLM if it lasts 0.5-15 s and has at most 4
        components, all CLMs. ``"onset"`` (AASM): LMs on the two legs with onsets < 5 s apart.

    Returns
    -------
    MergedMovements

    Examples
    --------
    >>> m = merge_bilateral([0.0, 1.0, 30.0], [2.0, 3.0, 31.0], ["left", "right", "left"],
    ...                     ScoringParams())
    >>> m.side.tolist(), m.n_components.tolist(), m.clm.tolist()
    (['both', 'left'], [2, 1], [True, True])
    """
    on = np.asarray(onset_s, dtype=np.float64)
    off = np.asarray(offset_s, dtype=np.float64)
    sd = np.asarray(side, dtype=str)
    keep = (off - on) >= params.lm_min_s - _EPS
    order = np.argsort(on[keep], kind="stable")
    on, off, sd = on[keep][order], off[keep][order], sd[keep][order]
    if on.size == 0:
        return MergedMovements(on, off, sd, np.zeros(0, np.int64), np.zeros(0, bool))
    comp_clm = is_clm_duration(off - on, params)
    if params.bilateral_rule == "gap":
        # Same-leg LMs are >= 0.5 s apart by rule 2, so this running-maximum chain only
        # ever joins movements on opposite legs.
        reach = np.maximum.accumulate(off)
        new = np.ones(on.size, dtype=bool)
        new[1:] = on[1:] - reach[:-1] >= params.bilateral_gap_s - _EPS
    else:
        new = _onset_groups(on, sd, params.bilateral_onset_s)
    starts = np.flatnonzero(new)
    g_on = on[starts]
    g_off = np.maximum.reduceat(off, starts)
    n_comp = np.diff(np.append(starts, on.size)).astype(np.int64)
    left = np.add.reduceat((sd == "left").astype(np.int64), starts)
    right = np.add.reduceat((sd == "right").astype(np.int64), starts)
    g_side = np.where((left > 0) & (right > 0), "both", np.where(left > 0, "left", "right"))
    all_clm = np.minimum.reduceat(comp_clm.astype(np.int8), starts).astype(bool)
    single = n_comp == 1
    bilateral_ok = (
        all_clm
        & (n_comp <= params.bilateral_max_components)
        & (g_off - g_on <= params.bilateral_max_s + _EPS)
        & (g_off - g_on >= params.lm_min_s - _EPS)
    )
    clm = np.where(single, all_clm, bilateral_ok)
    return MergedMovements(g_on, g_off, g_side, n_comp, clm)


def _onset_groups(on: _F64, side: NDArray[np.str_], max_onset_gap: float) -> _B:
    # AASM rule: a movement joins the current group when its onset is < 5 s after the group's
    # first onset and the group has no movement on that leg yet. Loop over events, not samples.
    new = np.ones(on.size, dtype=bool)
    first, sides = on[0], {str(side[0])}
    for i in range(1, on.size):
        s = str(side[i])
        if on[i] - first < max_onset_gap - _EPS and s not in sides:
            new[i] = False
            sides.add(s)
        else:
            first, sides = on[i], {s}
    return new


def plm_series(onset_s: ArrayLike, candidate: ArrayLike, params: ScoringParams) -> _B:
    """Rules 5-6: mark LMs in series of >= 4 consecutive CLMs with 10-90 s intervals.

    Parameters
    ----------
    onset_s : array_like of float, shape (n,)
        Onsets of all LMs (after bilateral merging), sorted.
    candidate : array_like of bool, shape (n,)
        Which LMs may belong to a series; any other LM ends a series.
    params : ScoringParams
        ``plm_min_interval_s`` (10 s; AASM 5 s), ``plm_max_interval_s`` (90 s), both
        inclusive, and ``plm_min_series`` (4).

    Returns
    -------
    NDArray[np.bool_], shape (n,)
        ``True`` for periodic LMs (PLMs).

    Examples
    --------
    >>> plm_series([0, 20, 40, 60, 200], [True] * 5, ScoringParams()).tolist()
    [True, True, True, True, False]
    """
    on = np.asarray(onset_s, dtype=np.float64)
    cand = np.asarray(candidate, dtype=bool)
    n = on.size
    if n < params.plm_min_series:
        return np.zeros(n, dtype=bool)
    gap = np.diff(on)
    link = (
        cand[:-1]
        & cand[1:]
        & (gap >= params.plm_min_interval_s - _EPS)
        & (gap <= params.plm_max_interval_s + _EPS)
    )
    edges = np.diff(np.concatenate(([0], link.astype(np.int8), [0])))
    first_link = np.flatnonzero(edges == 1)
    after_link = np.flatnonzero(edges == -1)
    # A run of k links joins k + 1 movements: from first_link to after_link inclusive.
    long_enough = (after_link - first_link + 1) >= params.plm_min_series
    mark = np.zeros(n + 1, dtype=np.int64)
    np.add.at(mark, first_link[long_enough], 1)
    np.add.at(mark, after_link[long_enough] + 1, -1)
    return np.cumsum(mark[:n]) > 0


def stage_at(onset_s: ArrayLike, hypnogram: Hypnogram) -> NDArray[np.str_]:
    """Rule 7: the sleep stage of the epoch containing each onset (``"?"`` outside it).

    Examples
    --------
    >>> stage_at([10.0, 45.0, 99.0], Hypnogram(("W", "N2"))).tolist()
    ['W', 'N2', '?']
    """
    on = np.asarray(onset_s, dtype=np.float64)
    stages = np.asarray((*hypnogram.stages, "?"))
    idx = np.floor((on - hypnogram.start_s) / hypnogram.epoch_s)
    outside = (idx < 0) | (idx >= len(hypnogram.stages))
    idx = np.where(outside, len(hypnogram.stages), idx).astype(np.intp)
    return stages[idx]


def _hits(q_on: _F64, q_off: _F64, w_on: _F64, w_off: _F64, strict: bool) -> _B:
    """Whether each query interval overlaps any window (inclusive unless ``strict``)."""
    if w_on.size == 0 or q_on.size == 0:
        return np.zeros(q_on.size, dtype=bool)
    order = np.argsort(w_on)
    starts, reach = w_on[order], np.maximum.accumulate(w_off[order])
    # Windows starting before the query ends; any of them reaching past its start overlaps.
    k = np.searchsorted(starts, q_off, side="left" if strict else "right")
    got = k > 0
    last = reach[np.maximum(k - 1, 0)]
    return got & ((last > q_on) if strict else (last >= q_on))


def respiratory_related(
    onset_s: ArrayLike, offset_s: ArrayLike, events: Sequence[Interval], params: ScoringParams
) -> _B:
    """Rule 8: LMs overlapping -2.0 s to +10.25 s around the end of an apnea or hypopnea.

    With ``params.resp_anchor == "event"`` (AASM) the window spans the whole event widened by
    ``resp_before_s`` and ``resp_after_s``.

    Examples
    --------
    >>> from nightlegs.movement._types import Interval
    >>> respiratory_related([100.0, 111.0], [102.0, 113.0], [Interval(80.0, 20.0)],
    ...                     ScoringParams()).tolist()
    [True, False]
    """
    on = np.asarray(onset_s, dtype=np.float64)
    off = np.asarray(offset_s, dtype=np.float64)
    ev_on = np.array([e.onset_s for e in events], dtype=np.float64)
    ev_end = np.array([e.end_s for e in events], dtype=np.float64)
    anchor = ev_end if params.resp_anchor == "end" else ev_on
    return _hits(on, off, anchor - params.resp_before_s, ev_end + params.resp_after_s, False)


def arousal_associated(
    onset_s: ArrayLike, offset_s: ArrayLike, arousals: Sequence[Interval], params: ScoringParams
) -> _B:
    """Rule 9: an LM and an arousal overlapping or less than 0.5 s apart are associated.

    Examples
    --------
    >>> from nightlegs.movement._types import Interval
    >>> arousal_associated([10.0, 30.0], [12.0, 32.0], [Interval(12.4, 3.0)],
    ...                    ScoringParams()).tolist()
    [True, False]
    """
    on = np.asarray(onset_s, dtype=np.float64)
    off = np.asarray(offset_s, dtype=np.float64)
    a_on = np.array([a.onset_s for a in arousals], dtype=np.float64)
    a_end = np.array([a.end_s for a in arousals], dtype=np.float64)
    g = params.arousal_gap_s
    return _hits(on - g, off + g, a_on, a_end, True)


def short_and_isolated(
    onset_s: ArrayLike, candidate: ArrayLike, periodic: ArrayLike, params: ScoringParams
) -> tuple[_B, _B, _F64]:
    """Rule 10: short-interval and isolated CLMs, and the inter-movement intervals.

    A candidate whose interval from the previous LM (itself a candidate) is below
    ``short_interval_s`` (10 s) is a short-interval CLM; a candidate that is neither periodic
    nor short-interval is isolated.

    Returns
    -------
    short_interval, isolated : NDArray[np.bool_], shape (n,)
    imi_s : NDArray[np.float64], shape (n_pairs,)
        Onset-to-onset intervals between consecutive candidate LMs.

    Examples
    --------
    >>> s, i, imi = short_and_isolated([0, 5, 100], [True] * 3, [False] * 3, ScoringParams())
    >>> s.tolist(), i.tolist(), imi.tolist()
    ([False, True, False], [True, False, True], [5.0, 95.0])
    """
    on = np.asarray(onset_s, dtype=np.float64)
    cand = np.asarray(candidate, dtype=bool)
    per = np.asarray(periodic, dtype=bool)
    pair = cand[:-1] & cand[1:]
    gap = np.diff(on)
    short = np.zeros(on.size, dtype=bool)
    short[1:] = pair & (gap < params.short_interval_s - _EPS)
    isolated = cand & ~per & ~short
    return short, isolated, gap[pair]


def apply_rules(
    onset_s: ArrayLike,
    offset_s: ArrayLike,
    side: ArrayLike,
    params: ScoringParams,
    *,
    hypnogram: Hypnogram | None = None,
    respiratory_events: Sequence[Interval] = (),
    arousals: Sequence[Interval] = (),
) -> ScoredEvents:
    """Apply rules 3-10 to one-leg movements of both legs.

    Parameters
    ----------
    onset_s, offset_s : array_like of float, shape (n,)
        One-leg movements in seconds from the recording start.
    side : array_like of str, shape (n,)
        ``"left"`` or ``"right"``.
    params : ScoringParams
    hypnogram : Hypnogram, optional
        Stage at each onset (rule 7); series are found across sleep and wake together.
    respiratory_events : sequence of Interval
        Apneas and hypopneas; respiratory-related CLMs leave the PLM series (rule 8).
    arousals : sequence of Interval
        For rule 9.

    Returns
    -------
    ScoredEvents

    Examples
    --------
    >>> ev = apply_rules([0, 20, 40, 60], [1, 21, 41, 61], ["left"] * 4, ScoringParams())
    >>> int(ev.periodic.sum())
    4
    """
    merged = merge_bilateral(onset_s, offset_s, side, params)
    on, off = merged.onset_s, merged.offset_s
    resp = merged.clm & respiratory_related(on, off, respiratory_events, params)
    candidate = merged.clm & ~resp
    periodic = plm_series(on, candidate, params)
    periodic_all = plm_series(on, merged.clm, params) if resp.any() else periodic
    short, isolated, imi = short_and_isolated(on, candidate, periodic, params)
    return ScoredEvents(
        onset_s=on,
        offset_s=off,
        side=merged.side,
        n_components=merged.n_components,
        clm=merged.clm,
        respiratory=resp,
        candidate=candidate,
        periodic=periodic,
        periodic_all=periodic_all,
        arousal=arousal_associated(on, off, arousals, params),
        short_interval=short,
        isolated=isolated,
        stage=None if hypnogram is None else stage_at(on, hypnogram),
        imi_s=imi,
    )
