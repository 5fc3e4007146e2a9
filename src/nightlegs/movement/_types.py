"""Plain data types shared by the movement readers and the scorer.

Readers (``nightlegs.movement.readers``) produce a :class:`Recording`; the scorer
(``nightlegs.movement.scoring``) consumes it. Times are seconds from the recording start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "STAGES",
    "AccelSignal",
    "Hypnogram",
    "Interval",
    "LegEvent",
    "LegSignal",
    "Recording",
    "Side",
]

Side = Literal["left", "right"]
#: Canonical sleep-stage labels; "?" is unscored / movement time.
STAGES: tuple[str, ...] = ("W", "N1", "N2", "N3", "R", "?")


@dataclass(frozen=True)
class LegSignal:
    """Tibialis anterior EMG of one leg.

    Attributes
    ----------
    label : str
        Channel label as found in the file.
    side : {"left", "right"}
    fs : float
        Sampling rate in Hz.
    emg_uv : NDArray[np.float64], shape (n_samples,)
        The signal in microvolts, starting at recording time 0.
    side_from : str
        Where the side came from: ``"label"``, ``"caller"`` (arrays keyed left/right), or
        ``"file order"`` / ``"leg_channels order"`` when the label does not say it.
    """

    label: str
    side: Side
    fs: float
    emg_uv: NDArray[np.float64]
    side_from: str = "label"


@dataclass(frozen=True)
class AccelSignal:
    """Tri-axial acceleration of one leg-worn sensor.

    Attributes
    ----------
    label : str
    side : {"left", "right"}
    fs : float
        Sampling rate in Hz.
    xyz_g : NDArray[np.float64], shape (n_samples, 3)
        Acceleration in g, starting at recording time 0.
    """

    label: str
    side: Side
    fs: float
    xyz_g: NDArray[np.float64]


@dataclass(frozen=True)
class Interval:
    """A scored event such as an apnea, hypopnea or arousal."""

    onset_s: float
    duration_s: float
    kind: str = ""

    @property
    def end_s(self) -> float:
        return self.onset_s + self.duration_s


@dataclass(frozen=True)
class LegEvent:
    """A leg movement as a scorer marked it (or as the truth of a synthetic night).

    Attributes
    ----------
    onset_s, duration_s : float
        Seconds from the recording start; seconds.
    side : {"left", "right", "both", ""}
        ``""`` when the scorer did not say; ``"both"`` for an already merged bilateral LM.
    periodic : bool or None
        Whether the scorer marked it as part of a PLM series; None when the file does not say.
    """

    onset_s: float
    duration_s: float
    side: str = ""
    periodic: bool | None = None

    @property
    def end_s(self) -> float:
        return self.onset_s + self.duration_s


@dataclass(frozen=True)
class Hypnogram:
    """Sleep stages in fixed epochs starting at recording time ``start_s``.

    ``stages`` holds canonical labels from :data:`STAGES`. ``clock_origin_s``, when known, is
    the clock time (seconds after midnight) of time 0 of the hypnogram's own file (a CAP
    ``.txt`` first row, a hypnogram EDF+ header); ``fit_hypnogram`` then aligns it to the
    recording by clock time and sets it back to None.
    """

    stages: tuple[str, ...]
    epoch_s: float = 30.0
    start_s: float = 0.0
    clock_origin_s: float | None = None

    def as_array(self) -> NDArray[np.str_]:
        return np.asarray(self.stages)


@dataclass(frozen=True)
class Recording:
    """Everything the scorer needs from one night."""

    duration_s: float
    legs: tuple[LegSignal, ...] = ()
    accelerometers: tuple[AccelSignal, ...] = ()
    hypnogram: Hypnogram | None = None
    respiratory_events: tuple[Interval, ...] = ()
    arousals: tuple[Interval, ...] = ()
    source: str | None = None
    warnings: tuple[str, ...] = field(default=())
    #: Stretches with no signal (EDF+D gaps): excluded from recording, sleep and wake time.
    gaps: tuple[Interval, ...] = ()
    #: Clock time of the recording start in seconds after midnight, when the file gives it.
    start_clock_s: float | None = None
    #: Date of the recording start, when the file gives it.
    start_date: dt.date | None = None

    @property
    def start(self) -> dt.datetime | None:
        """Date and clock time of the recording start (local, naive), None without a date.

        Examples
        --------
        >>> Recording(10.0, start_clock_s=3600.5, start_date=dt.date(2024, 3, 2)).start
        datetime.datetime(2024, 3, 2, 1, 0, 0, 500000)
        >>> Recording(10.0, start_clock_s=3600.0).start is None
        True
        """
        if self.start_date is None:
            return None
        midnight = dt.datetime.combine(self.start_date, dt.time())
        return midnight + dt.timedelta(seconds=self.start_clock_s or 0.0)
