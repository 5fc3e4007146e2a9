"""Event-by-event agreement of our scoring with a scorer's leg movements.

How a lab validates nightlegs on its own nights: the scorer's movements are read
(:mod:`~nightlegs.movement.reference`), put through the same rules as ours (bilateral merging,
PLM series, stage at onset; WASM 2016 rules 3-10) with the recording's hypnogram and
respiratory events, then matched one to one with our LMs by time overlap. The result gives
sensitivity (share of the scorer's LMs we found), positive predictive value (share of ours the
scorer also marked), F1, the onset and duration differences of matched LMs (ours minus the
scorer's), and the scorer's indices beside ours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from nightlegs.movement._types import LegEvent

if TYPE_CHECKING:
    from nightlegs.movement._types import Hypnogram, Interval
    from nightlegs.movement.reference import ReferenceScoring
    from nightlegs.movement.results import MovementAnalysis
    from nightlegs.movement.scoring.params import ScoringParams
    from nightlegs.movement.scoring.rules import ScoredEvents

__all__ = ["Agreement", "EventAgreement", "compare", "match_by_overlap", "score_reference"]

_F64 = NDArray[np.float64]
_INT = NDArray[np.intp]
#: Indices shown beside ours (docs/json-contract.md section 3 names).
INDEX_KEYS = (
    "lm_count",
    "plm_count",
    "plms_count",
    "lm_index",
    "plm_index",
    "plms_index",
    "plmw_index",
)


def match_by_overlap(a_on: _F64, a_off: _F64, b_on: _F64, b_off: _F64) -> tuple[_INT, _INT]:
    """Pair events of two lists one to one when they overlap in time, largest overlap first.

    Parameters
    ----------
    a_on, a_off : NDArray[np.float64], shape (n,)
        Onsets and offsets in seconds of the first list.
    b_on, b_off : NDArray[np.float64], shape (m,)
        Of the second list.

    Returns
    -------
    (ia, ib) : NDArray[np.intp], shape (k,)
        Indices of the matched pairs, sorted by ``ia``.

    Examples
    --------
    >>> ia, ib = match_by_overlap(np.array([0.0, 10.0]), np.array([2.0, 12.0]),
    ...                           np.array([1.5, 30.0]), np.array([3.0, 31.0]))
    >>> ia.tolist(), ib.tolist()
    ([0], [0])
    """
    order_b = np.argsort(b_on, kind="stable")
    b_on_s, b_off_s = b_on[order_b], b_off[order_b]
    # LMs are seconds long and rarely overlap each other, so each event of ``a`` meets a few of
    # ``b``: the candidates start before a's end, and the latest end so far reaches past a's start.
    reach = np.maximum.accumulate(b_off_s) if b_off_s.size else b_off_s
    pairs: list[tuple[float, int, int]] = []
    for i in range(a_on.size):
        hi = int(np.searchsorted(b_on_s, a_off[i], side="left"))
        lo = int(np.searchsorted(reach, a_on[i], side="right"))
        for j in range(lo, hi):
            overlap = min(a_off[i], b_off_s[j]) - max(a_on[i], b_on_s[j])
            if overlap > 0:
                pairs.append((-overlap, i, int(order_b[j])))
    pairs.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    out.sort()
    ia = np.array([p[0] for p in out], dtype=np.intp)
    ib = np.array([p[1] for p in out], dtype=np.intp)
    return ia, ib


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _stats(x: _F64) -> dict[str, float | None]:
    if x.size == 0:
        return {"mean": None, "sd": None, "median": None, "mean_abs": None}
    return {
        "mean": round(float(x.mean()), 3),
        "sd": round(float(x.std(ddof=1)), 3) if x.size > 1 else None,
        "median": round(float(np.median(x)), 3),
        "mean_abs": round(float(np.abs(x).mean()), 3),
    }


@dataclass(frozen=True)
class EventAgreement:
    """One-to-one overlap matching of two event lists (``ours`` against a ``reference``).

    Attributes
    ----------
    n_ours, n_reference, matched : int
    ours_index, reference_index : NDArray[np.intp], shape (matched,)
        The matched pairs.
    onset_diff_s, duration_diff_s : NDArray[np.float64], shape (matched,)
        Ours minus the reference's, in seconds.

    Examples
    --------
    >>> ea = EventAgreement.of(np.array([0.0, 20.0]), np.array([1.0, 21.0]),
    ...                        np.array([0.2, 50.0]), np.array([1.4, 51.0]))
    >>> ea.matched, ea.sensitivity, ea.ppv, ea.f1
    (1, 0.5, 0.5, 0.5)
    """

    n_ours: int
    n_reference: int
    matched: int
    ours_index: _INT
    reference_index: _INT
    onset_diff_s: _F64
    duration_diff_s: _F64

    @classmethod
    def of(cls, o_on: _F64, o_off: _F64, r_on: _F64, r_off: _F64) -> EventAgreement:
        """Match ``ours`` (o_*) against the reference (r_*) by overlap."""
        io, ir = match_by_overlap(o_on, o_off, r_on, r_off)
        return cls(
            n_ours=int(o_on.size),
            n_reference=int(r_on.size),
            matched=int(io.size),
            ours_index=io,
            reference_index=ir,
            onset_diff_s=o_on[io] - r_on[ir],
            duration_diff_s=(o_off[io] - o_on[io]) - (r_off[ir] - r_on[ir]),
        )

    @property
    def sensitivity(self) -> float | None:
        """Matched / the reference's events (None when the reference has none)."""
        return _ratio(self.matched, self.n_reference)

    @property
    def ppv(self) -> float | None:
        """Matched / our events: positive predictive value (None when we found none)."""
        return _ratio(self.matched, self.n_ours)

    @property
    def f1(self) -> float | None:
        """2 matched / (ours + reference's); None when both lists are empty."""
        return _ratio(2 * self.matched, self.n_ours + self.n_reference)

    def to_dict(self) -> dict[str, Any]:
        """Counts, ratios and difference statistics, JSON-ready."""
        return {
            "ours_count": self.n_ours,
            "reference_count": self.n_reference,
            "matched": self.matched,
            "missed": self.n_reference - self.matched,
            "extra": self.n_ours - self.matched,
            "sensitivity": _round(self.sensitivity),
            "ppv": _round(self.ppv),
            "f1": _round(self.f1),
            "onset_difference_s": _stats(self.onset_diff_s),
            "duration_difference_s": _stats(self.duration_diff_s),
        }


@dataclass(frozen=True)
class Agreement:
    """Agreement of our scoring of one night with a scorer's.

    Attributes
    ----------
    lm : EventAgreement
        All leg movements (a bilateral LM once, on both sides).
    plm : EventAgreement
        Periodic LMs only (ours against the scorer's LMs that the rules find periodic).
    ours, reference : ScoredEvents
        Both event lists after the rules.
    ours_indices, reference_indices : dict
        Counts and indices by the same rules, hypnogram and recording time.
    analysis : MovementAnalysis
        Our full result.
    reference_source : str
    reference_periodic_marks : int or None
        The scorer's marks labelled periodic (one per leg), when the file says.
    warnings : tuple of str
    """

    lm: EventAgreement
    plm: EventAgreement
    ours: ScoredEvents
    reference: ScoredEvents
    ours_indices: dict[str, float | int | None]
    reference_indices: dict[str, float | int | None]
    analysis: MovementAnalysis
    reference_source: str
    reference_periodic_marks: int | None = None
    warnings: tuple[str, ...] = field(default=())

    def indices_table(self) -> list[tuple[str, float | int | None, float | int | None]]:
        """(name, ours, scorer's) for each index of :data:`INDEX_KEYS`."""
        return [(k, self.ours_indices.get(k), self.reference_indices.get(k)) for k in INDEX_KEYS]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: LM and PLM agreement, indices side by side, missed and extra LMs.

        ``missed_events`` are the scorer's LMs we did not find; ``extra_events`` are ours the
        scorer did not mark (onset and duration in seconds). ``reference_periodic_marks`` counts
        the scorer's marks labelled periodic (one per leg, before merging), when the file says.
        """

        def num(x: float | int | None) -> float | int | None:
            return round(x, 3) if isinstance(x, float) else x

        def diff(a: float | int | None, b: float | int | None) -> float | int | None:
            return None if a is None or b is None else num(a - b)

        lm = self.lm
        missed = np.setdiff1d(np.arange(lm.n_reference), lm.reference_index)
        extra = np.setdiff1d(np.arange(lm.n_ours), lm.ours_index)

        def rows(ev: ScoredEvents, idx: NDArray[np.intp]) -> list[dict[str, Any]]:
            return [
                {
                    "onset_s": round(float(ev.onset_s[i]), 3),
                    "duration_s": round(float(ev.duration_s[i]), 3),
                    "side": str(ev.side[i]),
                }
                for i in idx.tolist()
            ]

        return {
            "reference": self.reference_source,
            "matching": "one-to-one by time overlap, largest overlap first",
            **lm.to_dict(),
            "plm": self.plm.to_dict(),
            "indices": {
                k: {"ours": num(o), "reference": num(r), "difference": diff(o, r)}
                for k, o, r in self.indices_table()
            },
            "reference_periodic_marks": self.reference_periodic_marks,
            "index_basis": self.analysis.indices_detail.basis,
            "missed_events": rows(self.reference, missed),
            "extra_events": rows(self.ours, extra),
            "warnings": list(self.warnings),
        }


def score_reference(
    reference: ReferenceScoring,
    params: ScoringParams,
    *,
    hypnogram: Hypnogram | None = None,
    respiratory_events: Sequence[Interval] = (),
    arousals: Sequence[Interval] = (),
) -> tuple[ScoredEvents, list[str]]:
    """The scorer's movements through rules 3-10, as ours go.

    One-leg movements (every one marked left or right) are merged by rule 4. When any lacks a
    side, none is merged: they are taken as the scorer's LMs as marked, and a warning says so.

    Examples
    --------
    >>> from nightlegs.movement.reference import ReferenceScoring
    >>> from nightlegs.movement.scoring.params import ScoringParams
    >>> ref = ReferenceScoring((LegEvent(0, 2, "left"), LegEvent(1, 2, "right")), "x.csv")
    >>> score_reference(ref, ScoringParams())[0].side.tolist()
    ['both']
    """
    from nightlegs.movement.scoring.rules import apply_rules

    ev = reference.events
    on = np.array([e.onset_s for e in ev], dtype=np.float64)
    off = np.array([e.end_s for e in ev], dtype=np.float64)
    warnings = []
    n_short = int(np.count_nonzero(off - on < params.lm_min_s - 1e-6))
    if n_short:
        warnings.append(
            f"{reference.source}: {n_short} marked movements shorter than "
            f"{params.lm_min_s:g} s are not LMs by the rules and were left out"
        )
    if reference.sided:
        side = np.array([e.side for e in ev], dtype=str)
    else:
        warnings.append(
            f"{reference.source}: not every movement names its leg: bilateral movements "
            "were not merged; the scorer's LMs are taken as marked"
        )
        # One pseudo-leg: rule 4 joins only opposite legs, so nothing is merged.
        side = np.full(on.size, "left")
    scored = apply_rules(
        on,
        off,
        side,
        params,
        hypnogram=hypnogram,
        respiratory_events=respiratory_events,
        arousals=arousals,
    )
    if not reference.sided:
        keep = off - on >= params.lm_min_s - 1e-6
        given = np.array([e.side or "unknown" for e in ev], dtype=str)[keep]
        order = np.argsort(on[keep], kind="stable")
        # Marks closer than 0.5 s still join into one LM; their sides are then unknown.
        sides = given[order] if given.size == scored.onset_s.size else None
        scored = replace(scored, side=sides if sides is not None else scored.side.astype(str))
        if sides is None:
            scored = replace(scored, side=np.full(scored.onset_s.size, "unknown"))
    return scored, warnings


def compare(
    path_or_arrays: Any,
    reference: str | Path | ReferenceScoring | Sequence[LegEvent],
    *,
    hypnogram: Any = None,
    leg_channels: str | Sequence[str] | None = None,
    events: Any = None,
    params: ScoringParams | None = None,
    child: bool = False,
    fs: float | None = None,
) -> Agreement:
    """Score a recording and compare our leg movements with a scorer's, event by event.

    Parameters
    ----------
    path_or_arrays : str, Path, Recording, mapping or mne.io.Raw
        The recording, as for :func:`nightlegs.movement.analyze`.
    reference : str, Path, ReferenceScoring or sequence of LegEvent
        The scorer's leg movements: NSRR XML, EDF+ annotations or CSV (see
        :func:`~nightlegs.movement.reference.read_reference`), or events given in Python.
    hypnogram, leg_channels, events, params, child, fs
        As for :func:`nightlegs.movement.analyze`; the scorer's movements go through the same
        rules with the same hypnogram and respiratory events.

    Returns
    -------
    Agreement

    Raises
    ------
    RecordingError
        Unreadable recording or reference file (the message names the file and the field).

    Examples
    --------
    >>> agreement = compare("night.edf", "night.xml")  # doctest: +SKIP
    >>> agreement.lm.f1  # doctest: +SKIP
    1.0
    """
    from nightlegs.movement.analyze import to_recording
    from nightlegs.movement.reference import ReferenceScoring, read_reference
    from nightlegs.movement.scoring import score
    from nightlegs.movement.scoring.indices import compute_indices

    if isinstance(reference, ReferenceScoring):
        ref = reference
    elif isinstance(reference, (str, Path)):
        ref = read_reference(reference)
    else:
        ref = ReferenceScoring(tuple(reference), "events")
    rec = to_recording(
        path_or_arrays, hypnogram=hypnogram, leg_channels=leg_channels, events=events, fs=fs
    )
    analysis = score(rec, params, child=child)
    p = analysis.params
    ref_scored, warnings = score_reference(
        ref,
        p,
        hypnogram=analysis.hypnogram,
        respiratory_events=rec.respiratory_events,
        arousals=rec.arousals,
    )
    excluded = sum(g.duration_s for g in rec.gaps)
    ref_ind = compute_indices(
        ref_scored, rec.duration_s, analysis.hypnogram, p, excluded_s=excluded
    )
    ours = analysis.scored
    lm = EventAgreement.of(ours.onset_s, ours.offset_s, ref_scored.onset_s, ref_scored.offset_s)
    po, pr = ours.periodic, ref_scored.periodic
    plm = EventAgreement.of(
        ours.onset_s[po], ours.offset_s[po], ref_scored.onset_s[pr], ref_scored.offset_s[pr]
    )
    labelled = sum(bool(e.periodic) for e in ref.events) if ref.marks_periodic else None
    return Agreement(
        lm=lm,
        plm=plm,
        ours=ours,
        reference=ref_scored,
        ours_indices=analysis.indices,
        reference_indices=dict(ref_ind.values),
        analysis=analysis,
        reference_source=ref.source,
        reference_periodic_marks=labelled,
        warnings=tuple(warnings),
    )
