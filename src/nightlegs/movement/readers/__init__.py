"""Readers: recordings, hypnograms and scored events into a :class:`~nightlegs.movement.Recording`.

Formats: EDF, EDF+ (continuous and discontinuous) and BDF through edfio (see ``_edf`` for why);
hypnograms from EDF+ annotations, CSV/TSV of 30-s epochs or NSRR XML; respiratory events and
arousals from EDF+ annotations, NSRR XML or CSV; leg-worn accelerometers from CSV or Axivity .cwa.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from nightlegs.errors import RecordingError
from nightlegs.movement._types import AccelSignal, Hypnogram, Interval, LegSignal, Recording
from nightlegs.movement.readers._accel import read_accel_csv
from nightlegs.movement.readers._channels import find_leg_channels, is_leg_label, side_of
from nightlegs.movement.readers._cwa import decode_cwa
from nightlegs.movement.readers._edf import read_edf_annotations, read_edf_legs
from nightlegs.movement.readers._hypnogram import (
    events_from_annotations,
    fit_hypnogram,
    hypnogram_from_annotations,
    read_events_file,
    read_hypnogram_file,
)
from nightlegs.movement.readers._stages import normalise_stage

__all__ = [
    "find_leg_channels",
    "fit_hypnogram",
    "is_leg_label",
    "normalise_stage",
    "parse_leg_channels",
    "read_edf_annotations",
    "read_events_file",
    "read_hypnogram_file",
    "read_recording",
    "side_of",
]

PathLike = str | Path
_EDF = {".edf", ".bdf", ".rec"}
_ACCEL = {".csv", ".tsv", ".txt", ".cwa"}


def parse_leg_channels(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """``"LAT,RAT"`` or ``("LAT", "RAT")`` as a tuple of labels; None stays None.

    Examples
    --------
    >>> parse_leg_channels("Leg L, Leg R")
    ('Leg L', 'Leg R')
    """
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    labels = tuple(s.strip() for s in items if s.strip())
    if not labels or len(labels) > 2:
        raise RecordingError(f"leg_channels: expected one or two channel labels, got {value!r}")
    return labels


def _align(
    accel: AccelSignal, start: dt.datetime | None, earliest: dt.datetime, warnings: list[str]
) -> AccelSignal:
    """``accel`` on the time line of the earliest device: two legs' samples at one index must
    be the same moment, or a movement of both legs would count as two at different times.

    The device that started later is held still (its first sample repeated) until it starts.
    """
    if start is None or start <= earliest:
        return accel
    late_s = (start - earliest).total_seconds()
    pad = round(late_s * accel.fs)
    if pad == 0:
        return accel
    if late_s >= 1.0:
        warnings.append(
            f"{accel.label}: starts {late_s:.1f} s after the other leg's device; aligned by the "
            "devices' time stamps, with this leg counted as still until it starts"
        )
    head = np.repeat(accel.xyz_g[:1], pad, axis=0)
    return AccelSignal(accel.label, accel.side, accel.fs, np.concatenate([head, accel.xyz_g]))


def _read_accels(
    paths: Sequence[Path],
) -> tuple[tuple[AccelSignal, ...], float, list[str], dt.datetime | None]:
    accels: list[AccelSignal] = []
    warnings: list[str] = []
    starts: list[dt.datetime | None] = []  # a CSV has no clock; a .cwa block stamps its time
    for p in paths:
        if p.suffix.lower() == ".cwa":
            content = decode_cwa(p)
            accels.append(content.signal)
            starts.append(content.start)
            warnings += content.warnings
        else:
            read = read_accel_csv(p)
            accels.extend(read)
            starts.extend([None] * len(read))
    known = [s for s in starts if s is not None]
    start = min(known) if known else None
    if start is not None and len(known) > 1:
        accels = [_align(a, s, start, warnings) for a, s in zip(accels, starts, strict=True)]
    if len({a.side for a in accels}) < len(accels):
        if len(accels) != 2:
            raise RecordingError(f"{paths[0]}: more than one accelerometer for the same leg")
        # two files without a side in their names: the first is the left leg
        left, right = accels
        accels = [
            AccelSignal(left.label, "left", left.fs, left.xyz_g),
            AccelSignal(right.label, "right", right.fs, right.xyz_g),
        ]
    duration = max(a.xyz_g.shape[0] / a.fs for a in accels)
    return tuple(accels), duration, warnings, start


def read_recording(
    path: PathLike | Sequence[PathLike],
    *,
    hypnogram: PathLike | Hypnogram | None = None,
    leg_channels: str | Sequence[str] | None = None,
    events: PathLike | Sequence[Interval] | None = None,
) -> Recording:
    """Read one night into a :class:`Recording`.

    Parameters
    ----------
    path : str or Path, or a sequence of them
        EDF/EDF+/BDF file; or leg-worn accelerometer file(s): CSV (``time, x, y, z`` in g,
        optional ``side``) or Axivity ``.cwa``, one per leg or one with a side column.
    hypnogram : str, Path or Hypnogram, optional
        CSV/TSV of 30-s epochs, NSRR XML or EDF+ file; by default the stage annotations of the
        recording itself, if any. Checked against the recording length (see ``fit_hypnogram``).
    leg_channels : str or sequence of str, optional
        One or two channel labels (``"LAT,RAT"``); by default found by label.
    events : str, Path or sequence of Interval, optional
        Respiratory events and arousals (NSRR XML, EDF+ or CSV ``onset_s,duration_s,kind``);
        by default those annotated in the recording or the hypnogram XML.

    Returns
    -------
    Recording
        Leg EMG in uV (or accelerations in g), hypnogram, events and reader warnings.

    Raises
    ------
    RecordingError
        The message names the file, the field and what was expected.

    Examples
    --------
    >>> rec = read_recording("night.edf", hypnogram="night.xml")  # doctest: +SKIP
    >>> [leg.side for leg in rec.legs]  # doctest: +SKIP
    ['left', 'right']
    """
    paths = [Path(p) for p in ([path] if isinstance(path, (str, Path)) else path)]
    if not paths:
        raise RecordingError("path: expected a recording file, got an empty list")
    src = str(paths[0])
    suffixes = {p.suffix.lower() for p in paths}
    warnings: list[str] = []
    hyp: Hypnogram | None = None
    resp: tuple[Interval, ...] = ()
    arousals: tuple[Interval, ...] = ()
    legs: tuple[LegSignal, ...] = ()
    accels: tuple[AccelSignal, ...] = ()
    gaps: tuple[Interval, ...] = ()
    start_clock: float | None = None
    start_date: dt.date | None = None
    if suffixes <= _EDF and len(paths) == 1:
        edf = read_edf_legs(paths[0], parse_leg_channels(leg_channels))
        legs, duration, gaps, start_clock = edf.legs, edf.duration_s, edf.gaps, edf.start_clock_s
        start_date = edf.start_date
        warnings += edf.warnings
        hyp = hypnogram_from_annotations(edf.annotations, src)
        resp, arousals = events_from_annotations(edf.annotations)
    elif suffixes <= _ACCEL:
        accels, duration, accel_warnings, accel_start = _read_accels(paths)
        warnings += accel_warnings
        if accel_start is not None:
            start_date = accel_start.date()
            start_clock = float(
                accel_start.hour * 3600
                + accel_start.minute * 60
                + accel_start.second
                + accel_start.microsecond / 1e6
            )
    else:
        raise RecordingError(
            f"{src}: file type {sorted(suffixes)}: expected one .edf/.bdf file, or accelerometer "
            ".csv/.tsv/.cwa file(s)"
        )
    if isinstance(hypnogram, Hypnogram):
        hyp = hypnogram
    elif hypnogram is not None:
        hyp, r, a = read_hypnogram_file(hypnogram)
        resp, arousals = (r, a) if (r or a) else (resp, arousals)
    if events is not None:
        if isinstance(events, (str, Path)):
            resp, arousals = read_events_file(events)
        else:
            resp = tuple(e for e in events if "arousal" not in e.kind.lower())
            arousals = tuple(e for e in events if "arousal" in e.kind.lower())
    if hyp is not None:
        hyp_src = str(hypnogram) if isinstance(hypnogram, (str, Path)) else src
        hyp, w = fit_hypnogram(hyp, duration, hyp_src, start_clock_s=start_clock)
        warnings += w
    return Recording(
        duration_s=float(duration),
        legs=legs,
        accelerometers=accels,
        hypnogram=hyp,
        respiratory_events=resp,
        arousals=arousals,
        source=src,
        warnings=tuple(warnings),
        gaps=gaps,
        start_clock_s=start_clock,
        start_date=start_date,
    )
