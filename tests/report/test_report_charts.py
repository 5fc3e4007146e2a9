"""Trend charts: bands, cut-off, empty diary, accessible SVG."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from matplotlib.patches import Rectangle
from report_fakes import NOW, MemoryStore

from nightlegs.diary.schemas import Night
from nightlegs.knowledge.movement_grading import ARTICLE_BANDS
from nightlegs.report import trends_figure, trends_png, trends_svg
from nightlegs.report.charts import CLINICAL_CUT_OFF_PER_HOUR, EMPTY_MESSAGE


def test_bands_and_cut_off_are_drawn(diary: MemoryStore) -> None:
    fig = trends_figure(diary.list_nights())
    movements = fig.axes[0]
    spans = [p for p in movements.patches if isinstance(p, Rectangle)]
    bounds = sorted((round(p.get_y(), 6), round(p.get_y() + p.get_height(), 6)) for p in spans)
    assert [b[0] for b in bounds] == [b.low for b in ARTICLE_BANDS]
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


def _night(day: dt.date, per_hour: float) -> Night:
    # Built without validation: a night stored before dates were kept to a plausible range.
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return Night.model_construct(
        id=day.toordinal(),
        date=day,
        movements_per_hour=per_hour,
        episodes=[],
        created_at=now,
        updated_at=now,
        notes=None,
        bedtime=None,
        wake_time=None,
        sleep_quality=None,
        movements_source=None,
        recording_id=None,
    )


def test_cost_follows_the_nights_not_the_span() -> None:
    near = [_night(dt.date(2025, 3, 1), 10.0), _night(dt.date(2025, 3, 3), 30.0)]
    far = [near[0], _night(dt.date(2204, 3, 3), 30.0)]
    end = [near[0], _night(dt.date(9999, 12, 31), 30.0)]  # once a 500: no day after it
    sizes = [len(trends_svg(nights)) for nights in (near, far, end)]
    assert max(sizes) < 1.3 * min(sizes), sizes
    for nights in (far, end):
        series = next(
            ln
            for ln in trends_figure(nights).axes[0].lines
            if ln.get_label() == "movements per hour"
        )
        assert len(series.get_ydata()) == 3  # two nights and the gap between them
