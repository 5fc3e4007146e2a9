"""The scoring entry point: signals -> one-leg movements -> rules -> indices -> grading."""

from __future__ import annotations

import logging
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from nightlegs.errors import RecordingError
from nightlegs.knowledge.movement_grading import grade_movements
from nightlegs.movement._types import Hypnogram, Interval, Recording
from nightlegs.movement.results import MovementAnalysis
from nightlegs.movement.scoring.accel import detect_accel
from nightlegs.movement.scoring.detect import LegDetection, detect_leg
from nightlegs.movement.scoring.indices import compute_indices
from nightlegs.movement.scoring.params import ScoringParams
from nightlegs.movement.scoring.rules import apply_rules

__all__ = ["score"]

logger = logging.getLogger(__name__)


def _detect_all(recording: Recording, params: ScoringParams) -> tuple[list[LegDetection], str]:
    if recording.legs:
        legs = recording.legs
        source = recording.source or "recording"
        if len(legs) == 1:
            return [detect_leg(legs[0], params, source=source)], "emg"
        # The band-pass releases the GIL, so the two legs filter on two cores at once.
        with ThreadPoolExecutor(max_workers=min(2, len(legs))) as pool:
            return list(pool.map(lambda leg: detect_leg(leg, params, source=source), legs)), "emg"
    if recording.accelerometers:
        return [detect_accel(a, params) for a in recording.accelerometers], "accelerometer"
    raise RecordingError(
        f"{recording.source or 'recording'}: no leg EMG or leg accelerometer signal to score; "
        "expected at least one tibialis anterior channel"
    )


#: Margin around a gap in which a movement is dropped: the band-pass rings at the step to zero.
_GAP_MARGIN_S = 1.0


def _outside_gaps(det: LegDetection, gaps: tuple[Interval, ...]) -> LegDetection:
    keep = np.ones(det.onset_s.size, dtype=bool)
    for g in gaps:
        keep &= ~(
            (det.onset_s < g.end_s + _GAP_MARGIN_S) & (det.offset_s > g.onset_s - _GAP_MARGIN_S)
        )
    return replace(det, onset_s=det.onset_s[keep], offset_s=det.offset_s[keep])


def _unscore_gaps(hyp: Hypnogram | None, gaps: tuple[Interval, ...]) -> Hypnogram | None:
    """Epochs whose middle falls in a gap become unscored: no signal, no sleep or wake time."""
    if hyp is None or not gaps:
        return hyp
    mid = hyp.start_s + hyp.epoch_s * (np.arange(len(hyp.stages)) + 0.5)
    in_gap = np.zeros(mid.size, dtype=bool)
    for g in gaps:
        in_gap |= (mid >= g.onset_s) & (mid < g.end_s)
    stages = tuple("?" if gap else s for s, gap in zip(hyp.stages, in_gap.tolist(), strict=True))
    return replace(hyp, stages=stages)


def score(
    recording: Recording, params: ScoringParams | None = None, *, child: bool = False
) -> MovementAnalysis:
    """Score the leg movements of one night by the WASM 2016 rules (or AASM).

    Parameters
    ----------
    recording : Recording
        Tibialis anterior EMG of one or both legs in uV (or leg-worn accelerometers), with an
        optional hypnogram, respiratory events and arousals. Times in seconds.
    params : ScoringParams, optional
        Defaults to :meth:`ScoringParams.wasm2016`.
    child : bool
        Grade against the paediatric PLMS cut-off (> 5/h) instead of the adult one (> 15/h).

    Returns
    -------
    MovementAnalysis

    Raises
    ------
    RecordingError
        No signal, sampling rate below 100 Hz, NaN, flat or saturated channel.

    Notes
    -----
    Per leg: band-pass 10-100 Hz, 0.1 s RMS envelope, rolling 60 s baseline, onset 8 uV above
    it, offset at the start of 0.5 s within 2 uV (rules 1-3). Then bilateral merging, PLM
    series across sleep and wake, stage at onset, respiratory exclusion and arousal association
    (rules 4-10) on the event lists.

    References
    ----------
    .. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for
       recording and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95.
       PMID 27890390.
    .. [2] The AASM Manual for the Scoring of Sleep and Associated Events.

    Examples
    --------
    >>> from nightlegs.movement import synthesize_night
    >>> night = synthesize_night(0.5, 256, 1.5, seed=3)
    >>> result = score(night.recording)
    >>> abs(result.indices["lm_count"] - night.true_indices["lm_count"]) <= 1
    True
    """
    params = params or ScoringParams()
    duration = recording.duration_s
    if not (math.isfinite(duration) and duration > 0):
        raise RecordingError(
            f"{recording.source or 'recording'}: duration_s must be > 0, got {duration}"
        )
    detections, kind = _detect_all(recording, params)
    gaps = recording.gaps
    if gaps:
        detections = [_outside_gaps(d, gaps) for d in detections]
    hypnogram = _unscore_gaps(recording.hypnogram, gaps)
    warnings = list(recording.warnings)
    for det in detections:
        warnings.extend(det.warnings)
    if len(detections) == 1:
        warnings.append("only one leg was recorded: bilateral movements cannot be merged")
    if recording.hypnogram is None:
        warnings.append("no hypnogram: indices are per hour of recording; PLMS/PLMW are null")
    if not recording.respiratory_events:
        warnings.append("no respiratory events given: no CLM was excluded as respiratory")
    onset = np.concatenate([d.onset_s for d in detections])
    offset = np.concatenate([d.offset_s for d in detections])
    side = np.concatenate([np.full(d.onset_s.size, d.side) for d in detections])
    events = apply_rules(
        onset,
        offset,
        side,
        params,
        hypnogram=hypnogram,
        respiratory_events=recording.respiratory_events,
        arousals=recording.arousals,
    )
    indices = compute_indices(
        events, duration, hypnogram, params, excluded_s=sum(g.duration_s for g in gaps)
    )
    headline = indices.values["plms_index"]
    if recording.hypnogram is None:
        headline = indices.values["plm_index"]
    elif headline is None:
        # A PLMS index needs sleep; grading the wake-time PLM index instead would read as
        # "normal" for a night nobody slept or nobody scored.
        warnings.append(
            "no sleep scored in the hypnogram: the PLMS index and the severity are not available"
        )
    grading = grade_movements(None if headline is None else float(headline), child=child)
    logger.debug("scored %d LMs from %d signals", events.onset_s.size, len(detections))
    return MovementAnalysis(
        scored=events,
        indices_detail=indices,
        grading=grading,
        params=params,
        detections=tuple(detections),
        hypnogram=hypnogram,
        signal_kind=kind,
        # Reader and scorer run the same checks: show each warning once, in order.
        warnings=tuple(dict.fromkeys(warnings)),
        start=recording.start,
    )
