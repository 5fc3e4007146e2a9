"""Overview figure of a leg-movement analysis.

Four panels sharing the time axis (hours): the hypnogram, the per-leg EMG envelope above its
baseline (decimated), a raster of LMs and PLMs, and periodic movements per hour with the
article's bands (:data:`nightlegs.knowledge.movement_grading.ARTICLE_BANDS`) shaded. The bands
are not a clinical scale; the clinical reading (WASM 2016, PMID 27890390; AASM) is printed in
the title.

Uses the Agg canvas on a bare :class:`matplotlib.figure.Figure`, so nothing touches pyplot's
global state and nothing happens at import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from nightlegs.knowledge.movement_grading import ARTICLE_BANDS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from nightlegs.movement.results import MovementAnalysis

__all__ = ["plot_analysis", "plot_events"]

_STAGE_ROW = {"N3": 0, "N2": 1, "N1": 2, "R": 3, "W": 4, "?": 5}
_BAND_COLOURS = {"none": "#e8f5e9", "light": "#fff8e1", "average": "#ffe0b2", "heavy": "#ffcdd2"}


def plot_analysis(analysis: MovementAnalysis, path: str | PathLike[str] | None = None) -> Figure:
    """Draw the overview of one night; optionally save it.

    Parameters
    ----------
    analysis : MovementAnalysis
    path : str or path-like, optional
        File to save to (format from the suffix).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from nightlegs.movement import score, synthesize_night
    >>> fig = plot_analysis(score(synthesize_night(0.5, 200, 1.0, seed=0).recording))
    >>> len(fig.axes)
    4
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 8.5), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(4, 1, sharex=True, gridspec_kw={"height_ratios": [1.2, 2, 1.2, 1.6]})
    hours = analysis.indices_detail.recording_hours
    _hypnogram(axes[0], analysis)
    _envelopes(axes[1], analysis)
    s = analysis.scored
    _raster(axes[2], s.onset_s, s.side, s.clm, s.periodic)
    _per_hour(axes[3], s.onset_s, s.periodic, hours)
    axes[3].set_xlabel("time (h)")
    axes[3].set_xlim(0, max(hours, 1e-3))
    g = analysis.grading
    index_name = "PLMS" if analysis.indices_detail.basis == "sleep" else "PLM (per h recording)"
    value = "not available" if g.index_per_h is None else f"{g.index_per_h:.1f}/h"
    fig.suptitle(
        f"{index_name} index {value} - article band: {g.article}; clinical "
        f"({g.population}, > {g.cutoff_per_h:g}/h): {g.clinical}, {g.clinical_band}",
        fontsize=11,
    )
    if path is not None:
        fig.savefig(path, dpi=110)
    return fig


def _hypnogram(ax: Axes, analysis: MovementAnalysis) -> None:
    hyp = analysis.hypnogram
    ax.set_ylabel("stage")
    if hyp is None:
        ax.text(0.5, 0.5, "no hypnogram", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
        return
    rows = np.array([_STAGE_ROW.get(s, 5) for s in hyp.stages] + [_STAGE_ROW.get("?", 5)])
    t = (hyp.start_s + np.arange(rows.size) * hyp.epoch_s) / 3600.0
    ax.step(t, rows, where="post", color="#37474f", lw=0.8)
    ax.set_yticks(list(_STAGE_ROW.values()), list(_STAGE_ROW))
    ax.set_ylim(-0.5, 5.5)


def _envelopes(ax: Axes, analysis: MovementAnalysis) -> None:
    unit = "uV" if analysis.signal_kind == "emg" else "mg"
    for i, det in enumerate(analysis.detections):
        ax.plot(
            det.overview_t_s / 3600.0,
            det.overview_uv,
            lw=0.5,
            label=f"{det.side} ({det.label})",
            color=("#1565c0", "#c62828", "#2e7d32")[i % 3],
            alpha=0.8,
        )
    if analysis.signal_kind == "emg":
        ax.axhline(analysis.params.onset_uv, color="k", lw=0.6, ls="--", label="onset threshold")
    ax.set_ylabel(f"envelope above\nbaseline ({unit})")
    ax.legend(loc="upper right", fontsize=7)


def plot_events(
    events: Sequence[Mapping[str, Any]], recording_hours: float, title: str = ""
) -> Figure:
    """Draw the movements of a stored analysis: the LM/PLM raster and movements per hour.

    The two lower panels of :func:`plot_analysis`, from the ``events`` of
    :meth:`MovementAnalysis.to_dict` (the signal and the hypnogram are not kept with them).

    Parameters
    ----------
    events : sequence of mappings
        Each with ``onset_s`` (seconds from the start), ``side`` (``"left"``, ``"right"`` or
        ``"both"``), ``periodic`` (bool) and optionally ``clm`` (bool, default true).
    recording_hours : float
        Length of the recording in hours (the time axis).
    title : str, optional
        The figure's title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_events([{"onset_s": 60.0, "side": "left", "periodic": False}], 0.5)
    >>> len(fig.axes)
    2
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    onset_s = np.array([float(e["onset_s"]) for e in events], dtype=np.float64)
    side = np.array([str(e.get("side", "left")) for e in events], dtype=object)
    clm = np.array([bool(e.get("clm", True)) for e in events], dtype=bool)
    periodic = np.array([bool(e.get("periodic", False)) for e in events], dtype=bool)
    hours = max(float(recording_hours), 1e-3)
    fig = Figure(figsize=(10, 5), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1, 1.6]})
    _raster(axes[0], onset_s, side, clm, periodic)
    _per_hour(axes[1], onset_s, periodic, hours)
    axes[1].set_xlabel("time (h)")
    axes[1].set_xlim(0, hours)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig


def _raster(
    ax: Axes,
    onset_s: NDArray[np.float64],
    side: NDArray[Any],
    clm: NDArray[np.bool_],
    periodic: NDArray[np.bool_],
) -> None:
    rows = {"left": 0, "right": 1, "both": 2}
    y = np.array([rows.get(str(v), 0) for v in side], dtype=np.float64)
    t = onset_s / 3600.0
    groups = (
        (~clm, "#616161", "LM (not candidate)"),
        (clm & ~periodic, "#90a4ae", "CLM"),
        (periodic, "#d81b60", "PLM"),
    )
    for mask, colour, label in groups:
        ax.vlines(t[mask], y[mask] - 0.35, y[mask] + 0.35, color=colour, lw=0.8, label=label)
    ax.set_yticks(list(rows.values()), list(rows))
    ax.set_ylim(-0.6, 2.6)
    ax.legend(loc="upper right", fontsize=7, ncol=3)


def _per_hour(
    ax: Axes, onset_s: NDArray[np.float64], periodic: NDArray[np.bool_], hours: float
) -> None:
    # Hourly bins; the last one may be shorter, so counts become rates per hour of its length.
    edges = np.append(np.arange(0.0, hours, 1.0), hours) if hours > 0 else np.array([0.0, 1.0])
    widths = np.diff(edges)
    lm = np.histogram(onset_s / 3600.0, bins=edges)[0] / widths
    plm = np.histogram(onset_s[periodic] / 3600.0, bins=edges)[0] / widths
    top = max(70.0, float(lm.max(initial=0)) * 1.1)
    side = ax.get_yaxis_transform()  # x in axes fractions: the labels stay inside short nights
    for band in ARTICLE_BANDS:
        lo, hi = band.low, min(band.high, top)
        ax.axhspan(lo, hi, color=_BAND_COLOURS[band.name], zorder=0)
        if band.high <= top:
            y, va = (lo + hi) / 2, "center"
        else:  # the open top band: its label where the old drawing put it
            y, va = min(top, lo + (top - lo) / 2), "baseline"
        ax.text(0.995, y, band.name, ha="right", va=va, fontsize=7, transform=side)
    start = edges[:-1]
    ax.bar(
        start + widths * 0.05,
        lm,
        width=widths * 0.42,
        align="edge",
        color="#78909c",
        label="LM",
        zorder=2,
    )
    ax.bar(
        start + widths * 0.53,
        plm,
        width=widths * 0.42,
        align="edge",
        color="#d81b60",
        label="PLM",
        zorder=2,
    )
    ax.set_ylim(0, top)
    ax.set_ylabel("movements per hour\n(article bands shaded)")
    ax.legend(loc="upper left", fontsize=7)
