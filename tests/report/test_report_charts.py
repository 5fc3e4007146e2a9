"""Trend charts: bands, cut-off, empty diary, accessible SVG."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from matplotlib.patches import Rectangle
from report_fakes import NOW, MemoryStore

from nightlegs.report import trends_figure, trends_png, trends_svg
from nightlegs.report.charts import ARTICLE_BANDS, CLINICAL_CUT_OFF_PER_HOUR, EMPTY_MESSAGE


def test_bands_and_cut_off_are_drawn(diary: MemoryStore) -> None:
    fig = trends_figure(diary.list_nights())
    movements = fig.axes[0]
    spans = [p for p in movements.patches if isinstance(p, Rectangle)]
    bounds = sorted((round(p.get_y(), 6), round(p.get_y() + p.get_height(), 6)) for p in spans)
    assert [b[0] for b in bounds] == [low for _, low, _, _ in ARTICLE_BANDS]
    assert bounds[1][1] == 20.0 and bounds[2][1] == 60.0
    assert any(
        np.asarray(line.get_ydata(), dtype=float).tolist() == [CLINICAL_CUT_OFF_PER_HOUR] * 2
        for line in movements.lines
    )
    texts = " ".join(t.get_text() for ax in fig.axes for t in [ax.title, *ax.texts])
    assert "not a validated scale" in texts and "article: heavy" in texts


def test_gaps_break_the_line(diary: MemoryStore) -> None:
    fig = trends_figure(diary.list_nights(since=NOW.date() - dt.timedelta(days=30)))
    series = next(ln for ln in fig.axes[0].lines if ln.get_label() == "movements per hour")
    y = np.asarray(series.get_ydata(), dtype=float).tolist()
    assert any(v != v for v in y)  # NaN for gaps and nights without a value
    assert 64.0 in y


def test_empty_diary_says_so() -> None:
    fig = trends_figure([])
    assert not fig.axes
    assert fig.texts[0].get_text() == EMPTY_MESSAGE
    assert trends_png([]).startswith(b"\x89PNG")
    assert EMPTY_MESSAGE in trends_svg([])


def test_svg_is_inline_accessible_text(diary: MemoryStore) -> None:
    svg = trends_svg(diary.list_nights(), element_id="chart1")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<metadata" not in svg
    assert 'role="img"' in svg and 'aria-labelledby="chart1-title chart1-desc"' in svg
    assert re.search(r"<title id=\"chart1-title\">Night diary trends</title>", svg)
    assert "clinical cut-off of 15/h" in svg  # in the desc
    assert "movements / h" in svg  # text stays text (svg.fonttype none)
    assert not re.search(r"(href|src)=\"https?://", svg)


def test_png_is_deterministic(diary: MemoryStore) -> None:
    nights = diary.list_nights()
    assert trends_png(nights) == trends_png(nights)
