"""Results of a leg-movement analysis: summary, event table, indices, JSON and plot.

The shape follows YASA's detection results: the scorer always returns a
:class:`MovementAnalysis` (never ``None``), with ``summary()``, ``events`` and ``plot()``.
Scoring follows WASM 2016 (Ferri et al., Sleep Med 2016, PMID 27890390) or the AASM manual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from os import PathLike

    import pandas as pd
    from matplotlib.figure import Figure

    from nightlegs.knowledge.movement_grading import MovementGrade
    from nightlegs.movement._types import Hypnogram
    from nightlegs.movement.scoring.detect import LegDetection
    from nightlegs.movement.scoring.indices import Indices
    from nightlegs.movement.scoring.params import ScoringParams
    from nightlegs.movement.scoring.rules import ScoredEvents

__all__ = ["CONTRACT_SCALARS", "EVENT_COLUMNS", "MovementAnalysis"]

#: Columns of :attr:`MovementAnalysis.events`, in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "onset_s",
    "duration_s",
    "side",
    "periodic",
    "stage",
    "clm",
    "respiratory",
    "arousal",
    "n_components",
    "short_interval",
    "isolated",
    "periodic_no_resp_exclusion",
)
#: The single-value keys of docs/json-contract.md section 3, in contract order.
CONTRACT_SCALARS: tuple[str, ...] = (
    "recording_hours",
    "sleep_hours",
    "lm_count",
    "plm_count",
    "plms_count",
    "lm_index",
    "plm_index",
    "plms_index",
    "plmw_index",
    "severity_article",
    "severity_clinical",
)
_CONTRACT_EVENT_KEYS = ("onset_s", "duration_s", "side", "periodic", "stage")
_EXTRA_EVENT_KEYS = ("clm", "respiratory", "arousal")


def _num(x: float | int | None, digits: int = 3) -> float | int | None:
    if x is None or isinstance(x, int):
        return x
    return round(float(x), digits)


@dataclass(frozen=True)
class MovementAnalysis:
    """Scored leg movements of one night (WASM 2016 or AASM rules).

    Attributes
    ----------
    scored : ScoredEvents
        Per-event outcome of the rules (arrays of shape (n_lm,)).
    indices_detail : Indices
        Hours, counts and indices.
    grading : MovementGrade
        Article bands and clinical reading of ``plms_index`` (``plm_index`` without a
        hypnogram), always together.
    params : ScoringParams
    detections : tuple of LegDetection
        Per-leg movements before merging, with a decimated envelope for plots.
    hypnogram : Hypnogram or None
    signal_kind : {"emg", "accelerometer"}
    warnings : tuple of str
    start : datetime or None
        Date and clock time of the recording start as the file gives it (local, naive);
        None when the file has no start date (an accelerometer CSV, an anonymised EDF).

    Examples
    --------
    >>> from nightlegs.movement import score, synthesize_night
    >>> result = score(synthesize_night(0.5, 200, 1.0, seed=1).recording)
    >>> result.to_dict()["channels"][0]
    {'label': 'Leg L', 'side': 'left', 'side_from': 'label'}
    """

    scored: ScoredEvents
    indices_detail: Indices
    grading: MovementGrade
    params: ScoringParams
    detections: tuple[LegDetection, ...]
    hypnogram: Hypnogram | None
    signal_kind: str = "emg"
    warnings: tuple[str, ...] = ()
    start: dt.datetime | None = None

    @property
    def indices(self) -> dict[str, float | int | None]:
        """Every count and index by name (per hour; ``None`` where undefined)."""
        return dict(self.indices_detail.values)

    @property
    def events(self) -> pd.DataFrame:
        """One row per LM (a bilateral LM once), columns :data:`EVENT_COLUMNS`.

        ``onset_s`` and ``duration_s`` in seconds; ``side`` is left/right/both; ``stage`` is
        ``None`` without a hypnogram.
        """
        import pandas as pd  # imported on use: scoring and JSON output do not need it

        s = self.scored
        n = s.onset_s.size
        stage: Any = s.stage.astype(object) if s.stage is not None else np.full(n, None, object)
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
                "n_components": s.n_components,
                "short_interval": s.short_interval,
                "isolated": s.isolated,
                "periodic_no_resp_exclusion": s.periodic_all,
            },
            columns=list(EVENT_COLUMNS),
        )

    def summary(self) -> dict[str, Any]:
        """The headline numbers (the JSON of :meth:`to_dict` without events and params).

        Examples
        --------
        >>> from nightlegs.movement import score, synthesize_night
        >>> s = score(synthesize_night(0.5, 200, 1.0, seed=2).recording).summary()
        >>> s["severity_clinical"] in ("normal", "abnormal")
        True
        """
        out = self.to_dict()
        for key in ("events", "params", "imi_histogram"):
            out.pop(key)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the docs/json-contract.md section 3 keys first, then extras.

        Contract keys: ``recording_hours``, ``sleep_hours``, ``lm_count``, ``plm_count``,
        ``plms_count``, ``lm_index``, ``plm_index``, ``plms_index``, ``plmw_index``,
        ``severity_article``, ``severity_clinical`` (``"normal"``/``"abnormal"``, or ``"not
        available"`` when the hypnogram holds no sleep; the band is in ``severity_clinical_band``)
        and ``events``. Extras: ``start`` (ISO date and time of the recording start, or
        ``None`` when the file has none), ``indices`` (all indices, with and without the respiratory
        exclusion), ``grading``, ``imi_histogram``, ``index_basis``, ``scoring_mode``,
        ``signal``, ``channels`` (label, side and ``side_from``: ``"label"`` or how the side was
        taken when the label does not say it), ``warnings`` and ``params``.
        """
        d = self.indices_detail
        v = d.values
        s = self.scored
        events = []
        stage = s.stage.tolist() if s.stage is not None else [None] * s.onset_s.size
        cols = zip(
            s.onset_s.tolist(),
            s.duration_s.tolist(),
            s.side.tolist(),
            s.periodic.tolist(),
            stage,
            s.clm.tolist(),
            s.respiratory.tolist(),
            s.arousal.tolist(),
            strict=True,
        )
        for onset, dur, side, per, stg, clm, resp, aro in cols:
            events.append(
                dict(
                    zip(
                        (*_CONTRACT_EVENT_KEYS, *_EXTRA_EVENT_KEYS),
                        (round(onset, 3), round(dur, 3), side, per, stg, clm, resp, aro),
                        strict=True,
                    )
                )
            )
        return {
            "recording_hours": _num(d.recording_hours, 4),
            "sleep_hours": _num(d.sleep_hours, 4),
            "lm_count": v["lm_count"],
            "plm_count": v["plm_count"],
            "plms_count": v["plms_count"],
            "lm_index": _num(v["lm_index"]),
            "plm_index": _num(v["plm_index"]),
            "plms_index": _num(v["plms_index"]),
            "plmw_index": _num(v["plmw_index"]),
            "severity_article": self.grading.article,
            "severity_clinical": self.grading.clinical,
            "severity_clinical_band": self.grading.clinical_band,
            "events": events,
            "start": None if self.start is None else self.start.isoformat(),
            "wake_hours": _num(d.wake_hours, 4),
            "index_basis": d.basis,
            "indices": {k: _num(x) for k, x in v.items()},
            "grading": self.grading.to_dict(),
            "imi_histogram": d.imi_histogram,
            "scoring_mode": self.params.mode,
            "signal": self.signal_kind,
            "channels": [
                {"label": d.label, "side": d.side, "side_from": d.side_from}
                for d in self.detections
            ],
            "warnings": list(self.warnings),
            "params": self.params.to_dict(),
        }

    def plot(self, path: str | PathLike[str] | None = None) -> Figure:
        """Overview figure: hypnogram, per-leg envelope, LM/PLM raster, movements per hour.

        Parameters
        ----------
        path : str or path-like, optional
            Also save the figure there (format from the suffix, e.g. ``.png``).

        Returns
        -------
        matplotlib.figure.Figure
        """
        from nightlegs.movement.plot import plot_analysis

        return plot_analysis(self, path)
