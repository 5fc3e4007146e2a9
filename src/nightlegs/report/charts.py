"""Trend charts of the night diary: movements per hour, pain and cramps per night.

Figures are built on :class:`matplotlib.figure.Figure` with the Agg canvas, never through
``pyplot``, so nothing touches global state and charts can be drawn from server threads.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from html import escape

import numpy as np
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, DateFormatter
from matplotlib.figure import Figure
from numpy.typing import NDArray

from nightlegs.diary.schemas import Night
from nightlegs.knowledge.movement_grading import (
    ADULT_CUTOFF_PER_H,
    ARTICLE_BANDS,
    MovementGrade,
    cutoff_per_h,
    grade_movements,
)
from nightlegs.report.data import movements_sources

__all__ = [
    "BAND_COLOURS",
    "CLINICAL_CUT_OFF_PER_HOUR",
    "EMPTY_MESSAGE",
    "movement_points",
    "trends_description",
    "trends_figure",
    "trends_png",
    "trends_svg",
]

#: The shade of each of the article's bands (their edges are the grading's).
BAND_COLOURS: dict[str, str] = {
    "none": "#dcedc8",
    "light": "#fff59d",
    "average": "#ffcc80",
    "heavy": "#ef9a9a",
}
#: Clinical cut-off of the PLMS index for adults (periodic limb movements per hour of sleep).
CLINICAL_CUT_OFF_PER_HOUR = ADULT_CUTOFF_PER_H
_BANDS_SPANS = ", ".join(f"{b.name} {b.span}" for b in ARTICLE_BANDS)
EMPTY_MESSAGE = "No nights yet: add a night to the diary to see the trends."
_TITLE = "Night diary trends"
_FIGSIZE = (7.5, 4.6)


def _series(nights: Sequence[Night]) -> tuple[list[dt.date | None], dict[dt.date, Night]]:
    """The days that have a night, in order, with ``None`` where days are missing between them.

    The ``None`` entries break the lines at gaps; the list grows with the nights present, never
    with the span between the first and the last (a typo of a year 2204 costs one more point).
    """
    by_day: dict[dt.date, Night] = {}
    for night in sorted(nights, key=lambda n: (n.date, n.id)):
        by_day[night.date] = night  # the latest entry of a day wins
    days: list[dt.date | None] = []
    for day in sorted(by_day):
        previous = days[-1] if days else None
        if previous is not None and (day - previous).days > 1:
            days.append(None)
        days.append(day)
    return days, by_day


def _x(days: Sequence[dt.date | None]) -> NDArray[np.datetime64]:
    return np.array(["NaT" if d is None else d for d in days], dtype="datetime64[D]")


#: Up to this many days the points are marked; beyond, the marks would merge into a band and
#: cost one SVG element each.
_MARKED_DAYS = 92


def _marker(days: Sequence[dt.date | None], marker: str) -> str:
    return marker if len(days) <= _MARKED_DAYS else ""


def _max_intensity(night: Night) -> float:
    return float(max((e.intensity for e in night.episodes), default=float("nan")))


def _cramps(night: Night) -> int:
    return sum(e.kind == "cramp" for e in night.episodes)


def _cut_off(child: bool) -> tuple[float, str]:
    """The clinical cut-off of periodic limb movements per hour, and whom it is for."""
    return cutoff_per_h(child=child), "children" if child else "adults"


def movement_points(
    nights: Sequence[Night], *, child: bool = False
) -> list[tuple[dt.date, MovementGrade]]:
    """The movements per hour the chart plots, one per day (the latest entry of a day), each
    with its grade: the band of a point is the shaded band it is drawn in.

    Examples
    --------
    >>> from nightlegs.diary.schemas import Night
    >>> night = Night.model_construct(date=dt.date(2025, 3, 1), id=1, movements_per_hour=20.0)
    >>> [(d.isoformat(), g.article) for d, g in movement_points([night])]
    [('2025-03-01', 'average')]
    """
    _, by_day = _series(nights)
    return [
        (day, grade_movements(n.movements_per_hour, child=child))
        for day, n in by_day.items()
        if n.movements_per_hour is not None
    ]


def _draw_movements(
    ax: Axes, days: list[dt.date | None], by_day: dict[dt.date, Night], *, child: bool = False
) -> None:
    values = [
        float("nan")
        if d is None or (n := by_day.get(d)) is None or n.movements_per_hour is None
        else n.movements_per_hour
        for d in days
    ]
    known = [v for v in values if v == v]
    top = max([90.0, *(v * 1.3 for v in known)])
    for band in ARTICLE_BANDS:
        low, high = band.low, band.high
        ax.axhspan(
            low, min(high, top), color=BAND_COLOURS[band.name], alpha=0.55, zorder=0, linewidth=0
        )
        ax.text(
            1.0,
            (low + min(high, top)) / 2 if high < top else (low + 70.0) / 2,
            f"article: {band.name} ",
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="center",
            fontsize=6,
            color="#424242",
        )
    cut_off, whom = _cut_off(child)
    ax.axhline(
        cut_off,
        color="#b71c1c",
        linestyle="--",
        linewidth=1.2,
        label=f"clinical cut-off {cut_off:g}/h ({whom})",
    )
    ax.plot(
        _x(days),
        values,
        marker=_marker(days, "o"),
        color="#1a237e",
        lw=1.5,
        label="movements per hour",
    )
    measured = [
        v
        if d is not None and (n := by_day.get(d)) is not None and n.movements_source == "recording"
        else float("nan")
        for d, v in zip(days, values, strict=True)
    ]
    if any(v == v for v in measured):
        ax.plot(
            _x(days),
            measured,
            linestyle="none",
            marker="s",
            markersize=7,
            color="#e65100",
            label="measured by a recording (circles: typed in)",
        )
    ax.set_ylim(0, top)
    ax.set_ylabel("movements / h")
    # A fixed title height (``y``) skips matplotlib's search for overlapping tick labels,
    # which measured every tick of the axes and was a fifth of the chart's time.
    ax.set_title(
        "Leg movements per hour (shaded: the article's bands, not a validated scale)", y=1.0
    )
    if not known:
        ax.text(
            0.5,
            0.5,
            "no movements per hour entered yet",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#424242",
        )
    ax.legend(loc="upper left", fontsize=6, ncols=2, framealpha=0.9)


def _draw_pain(ax: Axes, days: list[dt.date | None], by_day: dict[dt.date, Night]) -> None:
    pain = [_max_intensity(by_day[d]) if d is not None else float("nan") for d in days]
    present = [d for d in days if d is not None]
    cramps = [_cramps(by_day[d]) for d in present]
    right = ax.twinx()
    # One path of vertical strokes (a comb), not a bar or a line per night: a year of nights
    # would otherwise be 365 SVG elements.
    comb_x = np.repeat(_x(present), 3)
    comb_x[2::3] = np.datetime64("NaT")
    comb_y = np.zeros(comb_x.size)
    comb_y[1::3] = cramps
    comb_y[2::3] = np.nan
    right.plot(comb_x, comb_y, color="#80cbc4", linewidth=2.5, label="cramps (count)", zorder=1)
    right.set_ylabel("cramps")
    most = max([3, *cramps])
    right.set_ylim(0, most * 1.35)
    right.set_yticks(range(0, most + 1, max(1, most // 4)))
    ax.set_zorder(right.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(
        _x(days),
        pain,
        marker=_marker(days, "s"),
        color="#c62828",
        linewidth=1.5,
        label="max pain (0-10)",
    )
    ax.set_ylim(0, 13.5)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("pain 0-10")
    ax.set_title("Pain (highest episode intensity) and cramps per night", y=1.0)
    handles = ax.get_legend_handles_labels()
    extra = right.get_legend_handles_labels()
    ax.legend(handles[0] + extra[0], handles[1] + extra[1], loc="upper left", fontsize=6, ncols=2)


def trends_figure(nights: Sequence[Night], *, child: bool = False) -> Figure:
    """Draw movements per hour, pain and cramps per night of a diary.

    Parameters
    ----------
    nights : sequence of Night
        Diary nights in any order. Days without a night are gaps (lines break there); with
        several entries for one day the latest is drawn. The cost grows with the number of
        nights, not with the span of dates they cover.
    child : bool, optional
        Draw the children's clinical cut-off (5/h) instead of the adults' (15/h).

    Returns
    -------
    matplotlib.figure.Figure
        Two panels sharing the date axis, on an Agg canvas; with no nights, one message panel.

    Examples
    --------
    >>> fig = trends_figure([])
    >>> fig.texts[0].get_text().startswith("No nights yet")
    True
    """
    # Fixed margins: a constrained layout measures every label first and doubled the time.
    fig = Figure(figsize=_FIGSIZE, dpi=100)
    FigureCanvasAgg(fig)
    if not nights:
        fig.text(0.5, 0.5, EMPTY_MESSAGE, ha="center", va="center", fontsize=12)
        return fig
    days, by_day = _series(nights)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    fig.subplots_adjust(left=0.09, right=0.92, top=0.95, bottom=0.12, hspace=0.3)
    _draw_movements(top, days, by_day, child=child)
    _draw_pain(bottom, days, by_day)
    first, last = min(by_day), max(by_day)
    pad = dt.timedelta(days=1)
    # Matplotlib's dates end with the year 9999; pad inside that (and inside year 1).
    low = first - pad if first > dt.date.min else first
    high = last + pad if last < dt.date.max else last
    bottom.set_xlim(np.datetime64(low, "D"), np.datetime64(high, "D"))
    # At most about ten ticks whatever the span (a per-day locator over a span of centuries
    # would make hundreds of thousands of them).
    locator = AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
    bottom.xaxis.set_major_locator(locator)
    pattern = "%d %b" if (last - first).days <= 300 else "%b %Y"
    bottom.xaxis.set_major_formatter(DateFormatter(pattern))  # type: ignore[no-untyped-call]
    for label in bottom.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    for ax in fig.axes:
        ax.tick_params(labelsize=7)
        ax.title.set_fontsize(8)
        ax.yaxis.label.set_fontsize(8)
    return fig


def trends_png(nights: Sequence[Night], *, dpi: int = 150, child: bool = False) -> bytes:
    """The trends chart as PNG bytes.

    Examples
    --------
    >>> trends_png([])[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    buf = io.BytesIO()
    trends_figure(nights, child=child).savefig(
        buf, format="png", dpi=dpi, metadata={"Software": None}
    )
    return buf.getvalue()


def _sources(nights: Sequence[Night]) -> str:
    with_value = [n for n in nights if n.movements_per_hour is not None]
    measured = sum(n.movements_source == "recording" for n in with_value)
    return movements_sources(measured, len(with_value) - measured)


def trends_description(nights: Sequence[Night], *, child: bool = False) -> str:
    """A plain-words description of the chart (its accessible ``<desc>``).

    Examples
    --------
    >>> trends_description([]) == EMPTY_MESSAGE
    True
    """
    if not nights:
        return EMPTY_MESSAGE
    dates = sorted(n.date for n in nights)
    moves = [n.movements_per_hour for n in nights if n.movements_per_hour is not None]
    parts = [f"{len(nights)} nights from {dates[0].isoformat()} to {dates[-1].isoformat()}."]
    if moves:
        parts.append(
            f"Leg movements per hour from {min(moves):.1f} to {max(moves):.1f} "
            f"on {len(moves)} nights ({_sources(nights)}); "
            f"shaded bands are the article's ({_BANDS_SPANS} per hour), the dashed line the "
            f"clinical cut-off of {_cut_off(child)[0]:g}/h "
            f"({_cut_off(child)[1]})."
        )
    else:
        parts.append("No movements per hour entered.")
    cramps = sum(_cramps(n) for n in nights)
    pains = [e.intensity for n in nights for e in n.episodes]
    parts.append(
        f"{cramps} cramps in all; highest pain {max(pains)} of 10."
        if pains
        else "No episodes recorded."
    )
    return " ".join(parts)


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def trends_svg(
    nights: Sequence[Night], *, element_id: str = "trends-chart", child: bool = False
) -> str:
    """The trends chart as an inline ``<svg>`` element with text as text and a title and desc.

    The XML prologue and metadata are dropped so the result can be placed in an HTML page;
    the element has ``role="img"`` and ``aria-labelledby`` pointing at its ``<title>`` and
    ``<desc>``.

    Examples
    --------
    >>> svg = trends_svg([])
    >>> svg.startswith("<svg") and "<title" in svg and "No nights yet" in svg
    True
    """
    buf = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": element_id}):
        trends_figure(nights, child=child).savefig(
            buf,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    header = (
        f'<title id="{title_id}">{escape(_TITLE)}</title>'
        f'<desc id="{desc_id}">{escape(trends_description(nights, child=child))}</desc>'
    )

    def _open(match: re.Match[str]) -> str:
        tag = match.group(0)[:-1]
        tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
        return (
            f'{tag} id="{element_id}" role="img" aria-labelledby="{title_id} {desc_id}" '
            f'style="width:100%;height:auto">{header}'
        )

    return _SVG_OPEN.sub(_open, text, count=1).strip()
