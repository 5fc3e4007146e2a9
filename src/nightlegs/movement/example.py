"""An example night to try nightlegs on: a synthetic EDF+ recording and its scorer's file.

A new user has no polysomnogram at hand; :func:`write_example_night` writes one. The EDF+ holds
two tibialis anterior channels (``LAT``, ``RAT``, uV) with the stages, apneas, hypopneas and
arousals as annotations. Beside it, an NSRR XML file holds the same stages and events and every
true leg movement, one leg at a time, as a sleep technologist's scoring would: ``nightlegs
compare`` against it shows the agreement with a known truth.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nightlegs.movement._types import LegEvent

if TYPE_CHECKING:
    from nightlegs.movement.synthetic import SyntheticNight

__all__ = ["ExampleNight", "true_leg_events", "write_example_night"]

#: Clock time written as the start of the example night.
_START = datetime.time(23, 0, 0)


@dataclass(frozen=True)
class ExampleNight:
    """Files written by :func:`write_example_night`.

    Attributes
    ----------
    recording : Path
        The EDF+ night.
    reference : Path
        NSRR XML with the stages, respiratory events, arousals and the true leg movements.
    true_indices : dict
        The night's indices by the WASM 2016 rules applied to the true movements.
    """

    recording: Path
    reference: Path
    true_indices: dict[str, float | int | None]


def true_leg_events(night: SyntheticNight) -> list[LegEvent]:
    """The true one-leg movements of a :class:`~nightlegs.movement.synthetic.SyntheticNight`.

    Each is marked periodic when the bilateral LM it belongs to is in a PLM series.

    Examples
    --------
    >>> from nightlegs.movement.synthetic import synthesize_night
    >>> events = true_leg_events(synthesize_night(0.25, 200, 1.0, seed=0))
    >>> events[0].side in ("left", "right")
    True
    """
    moves = night.true_movements
    merged = night.true_scored
    on = moves["onset_s"].to_numpy(dtype=np.float64)
    off = moves["offset_s"].to_numpy(dtype=np.float64)
    # The merged LM holding a movement is the last one starting at or before it.
    group = np.searchsorted(merged.onset_s, on + 1e-9, side="right") - 1
    periodic = merged.periodic[np.clip(group, 0, None)] & (group >= 0)
    return [
        LegEvent(float(a), float(b - a), str(s), bool(p))
        for a, b, s, p in zip(on, off, moves["side"], periodic, strict=True)
    ]


def write_example_night(
    path: str | Path,
    *,
    hours: float = 8.0,
    fs: float = 256.0,
    noise_uv: float = 1.5,
    seed: int = 0,
) -> ExampleNight:
    """Write a synthetic night as EDF+ and its scoring as NSRR XML beside it.

    Parameters
    ----------
    path : str or Path
        The EDF+ file to write (``night.edf``); the XML goes next to it (``night.xml``).
    hours : float
        Length of the night in hours.
    fs : float
        Sampling rate in Hz.
    noise_uv : float
        RMS background EMG in uV.
    seed : int
        The same seed writes the same night.

    Returns
    -------
    ExampleNight

    Examples
    --------
    >>> import pathlib, tempfile
    >>> files = write_example_night(pathlib.Path(tempfile.mkdtemp()) / "n.edf", hours=0.1)
    >>> files.reference.name
    'n.xml'
    """
    from nightlegs.movement.export import write_nsrr_xml, write_recording_edf
    from nightlegs.movement.synthetic import synthesize_night

    path = Path(path)
    night = synthesize_night(hours, fs, noise_uv, seed=seed)
    rec = night.recording
    write_recording_edf(rec, path, starttime=_START)
    reference = path.with_suffix(".xml")
    write_nsrr_xml(
        reference,
        duration_s=rec.duration_s,
        hypnogram=rec.hypnogram,
        movements=true_leg_events(night),
        respiratory_events=rec.respiratory_events,
        arousals=rec.arousals,
        start_clock=_START,
    )
    return ExampleNight(path, reference, dict(night.true_indices))
