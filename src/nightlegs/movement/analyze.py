"""One call from a file, a :class:`Recording`, arrays or an ``mne.io.Raw`` to scored movements.

Scoring follows WASM 2016 (Ferri et al., Sleep Med 2016, PMID 27890390) by default and the AASM
manual as an option; see :mod:`nightlegs.movement.scoring`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from nightlegs.errors import RecordingError
from nightlegs.movement._types import Hypnogram, Interval, LegSignal, Recording
from nightlegs.movement.readers import (
    find_leg_channels,
    fit_hypnogram,
    normalise_stage,
    parse_leg_channels,
    read_events_file,
    read_hypnogram_file,
    read_recording,
)
from nightlegs.movement.readers._checks import check_emg
from nightlegs.movement.readers._hypnogram import (
    events_from_annotations,
    hypnogram_from_annotations,
)
from nightlegs.movement.readers._tal import Annotation

if TYPE_CHECKING:
    from nightlegs.movement.results import MovementAnalysis
    from nightlegs.movement.scoring import ScoringParams

__all__ = ["analyze", "to_recording"]

HypnogramArg = str | Path | Hypnogram | Sequence[str] | None


def _hypnogram(
    value: HypnogramArg,
) -> tuple[Hypnogram | None, tuple[Interval, ...], tuple[Interval, ...]]:
    if value is None or isinstance(value, Hypnogram):
        return value, (), ()
    if isinstance(value, (str, Path)):
        return read_hypnogram_file(value)
    stages = tuple(
        normalise_stage(str(s), source="hypnogram", where=f"epoch {i + 1}")
        for i, s in enumerate(value)
    )
    return Hypnogram(stages), (), ()


def _from_arrays(arrays: Mapping[str, Any], fs: float | None) -> tuple[list[LegSignal], list[str]]:
    if fs is None:
        raise RecordingError("fs: the sampling rate in Hz is required with arrays")
    legs, warns = [], []
    for key, arr in arrays.items():
        side = {"left": "left", "l": "left", "right": "right", "r": "right"}.get(key.lower())
        if side is None:
            raise RecordingError(f"arrays: key {key!r}: expected 'left' or 'right'")
        emg = np.asarray(arr, dtype=np.float64).ravel()
        warns += check_emg(emg, float(fs), source="arrays", label=side)
        legs.append(
            LegSignal(
                label=side,
                side="left" if side == "left" else "right",
                fs=float(fs),
                emg_uv=emg,
                side_from="caller",
            )
        )
    if not legs:
        raise RecordingError("arrays: expected {'left': emg_uv, 'right': emg_uv}, got no arrays")
    return legs, warns


def _from_mne(raw: Any, leg_channels: tuple[str, ...] | None) -> Recording:
    names = list(raw.ch_names)
    fs = float(raw.info["sfreq"])
    chosen, warns = find_leg_channels(names, leg_channels, source="mne.io.Raw")
    data = np.asarray(raw.get_data(picks=[c.label for c in chosen]), dtype=np.float64) * 1e6
    legs = []
    for chan, emg in zip(chosen, data, strict=True):
        warns += check_emg(emg, fs, source="mne.io.Raw", label=chan.label)
        legs.append(LegSignal(chan.label, chan.side, fs, np.ascontiguousarray(emg), chan.side_from))
    anns = []
    if getattr(raw, "annotations", None) is not None:
        offset = float(getattr(raw, "first_time", 0.0)) if raw.annotations.orig_time else 0.0
        for a in raw.annotations:
            anns.append(
                Annotation(float(a["onset"]) - offset, float(a["duration"]), str(a["description"]))
            )
    resp, arousals = events_from_annotations(anns)
    return Recording(
        duration_s=data.shape[1] / fs,
        legs=tuple(legs),
        hypnogram=hypnogram_from_annotations(anns, "mne.io.Raw"),
        respiratory_events=resp,
        arousals=arousals,
        source="mne.io.Raw",
        warnings=tuple(warns),
    )


def to_recording(
    path_or_arrays: Any,
    *,
    hypnogram: HypnogramArg = None,
    leg_channels: str | Sequence[str] | None = None,
    events: str | Path | Sequence[Interval] | None = None,
    fs: float | None = None,
) -> Recording:
    """Turn any input :func:`analyze` accepts into a checked :class:`Recording`.

    Examples
    --------
    >>> import numpy as np
    >>> emg = np.random.default_rng(1).normal(0, 2, 256 * 60)
    >>> to_recording({"left": emg, "right": emg}, fs=256).duration_s
    60.0
    """
    if isinstance(path_or_arrays, (str, Path)) or (
        isinstance(path_or_arrays, Sequence)
        and all(isinstance(p, (str, Path)) for p in path_or_arrays)
    ):
        hyp_arg = (
            hypnogram
            if isinstance(hypnogram, (str, Path, Hypnogram)) or hypnogram is None
            else _hypnogram(hypnogram)[0]
        )
        return read_recording(
            path_or_arrays, hypnogram=hyp_arg, leg_channels=leg_channels, events=events
        )
    labels = parse_leg_channels(leg_channels)
    if isinstance(path_or_arrays, Recording):
        rec = path_or_arrays
    elif isinstance(path_or_arrays, Mapping):
        legs, warns = _from_arrays(path_or_arrays, fs)
        duration = max(leg.emg_uv.size / leg.fs for leg in legs)
        rec = Recording(
            duration_s=duration, legs=tuple(legs), source="arrays", warnings=tuple(warns)
        )
    elif hasattr(path_or_arrays, "get_data") and hasattr(path_or_arrays, "ch_names"):
        rec = _from_mne(path_or_arrays, labels)
    else:
        raise RecordingError(
            "path_or_arrays: expected a file path, a Recording, {'left': array, 'right': array} "
            f"with fs=, or an mne.io.Raw; got {type(path_or_arrays).__name__}"
        )
    hyp, resp, arousals = _hypnogram(hypnogram)
    hyp = hyp if hyp is not None else rec.hypnogram
    warns = list(rec.warnings)
    if hyp is not None:
        hyp, w = fit_hypnogram(
            hyp,
            rec.duration_s,
            str(hypnogram) if isinstance(hypnogram, (str, Path)) else "hypnogram",
            start_clock_s=rec.start_clock_s,
        )
        warns += w
    if events is not None:
        resp, arousals = (
            read_events_file(events)
            if isinstance(events, (str, Path))
            else (
                tuple(e for e in events if "arousal" not in e.kind.lower()),
                tuple(e for e in events if "arousal" in e.kind.lower()),
            )
        )
    return Recording(
        duration_s=rec.duration_s,
        legs=rec.legs,
        accelerometers=rec.accelerometers,
        hypnogram=hyp,
        respiratory_events=resp or rec.respiratory_events,
        arousals=arousals or rec.arousals,
        source=rec.source,
        warnings=tuple(warns),
        gaps=rec.gaps,
        start_clock_s=rec.start_clock_s,
        start_date=rec.start_date,
    )


def analyze(
    path_or_arrays: Any,
    *,
    hypnogram: HypnogramArg = None,
    leg_channels: str | Sequence[str] | None = None,
    params: ScoringParams | None = None,
    child: bool = False,
    events: str | Path | Sequence[Interval] | None = None,
    fs: float | None = None,
) -> MovementAnalysis:
    """Score the leg movements of one night.

    Parameters
    ----------
    path_or_arrays : str, Path, Recording, mapping or mne.io.Raw
        An EDF/EDF+/BDF or accelerometer file (see :func:`read_recording`); a
        :class:`Recording`; ``{"left": emg_uv, "right": emg_uv}`` (arrays of shape (n_samples,)
        in microvolts, with ``fs``); or an ``mne.io.Raw`` (duck-typed; mne is not required).
    hypnogram : str, Path, Hypnogram or sequence of str, optional
        Hypnogram file, object, or one stage label per 30-s epoch from the recording start.
    leg_channels : str or sequence of str, optional
        Channel labels of the legs (``"LAT,RAT"``); found by label otherwise.
    params : ScoringParams, optional
        Scoring rules; WASM 2016 by default (``ScoringParams.aasm()`` for AASM).
    child : bool
        Use the paediatric PLMS cut-off (5/h instead of 15/h).
    events : str, Path or sequence of Interval, optional
        Respiratory events and arousals, if not annotated in the recording.
    fs : float, optional
        Sampling rate in Hz, required with arrays.

    Returns
    -------
    MovementAnalysis
        ``summary()``, ``events`` (DataFrame), ``indices``, ``to_dict()``, ``plot(path)``.

    Raises
    ------
    RecordingError
        Unreadable or unusable input; the message names the file, the field and the expectation.

    Examples
    --------
    >>> import numpy as np
    >>> emg = np.random.default_rng(0).normal(0, 1.5, 256 * 600)
    >>> result = analyze({"left": emg, "right": emg[::-1]}, fs=256)  # doctest: +SKIP
    >>> result.to_dict()["lm_count"]  # doctest: +SKIP
    0
    """
    from nightlegs.movement.scoring import score

    rec = to_recording(
        path_or_arrays, hypnogram=hypnogram, leg_channels=leg_channels, events=events, fs=fs
    )
    return score(rec, params, child=child)
