"""The report for the doctor as one self-contained, printable HTML page."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from nightlegs.report._format import fmt_date, fmt_datetime, fmt_number, fmt_pct
from nightlegs.report.charts import trends_svg
from nightlegs.report.data import (
    EMPTY_ASSESSMENT,
    EMPTY_PROFILE,
    EMPTY_RECORDINGS,
    ReportData,
    grading_line,
)

__all__ = ["render_report_html"]


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("nightlegs.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=fmt_number, pct=fmt_pct, date=fmt_date, datetime=fmt_datetime)
    env.globals.update(
        grading_line=grading_line,
        empty={
            "profile": EMPTY_PROFILE,
            "assessment": EMPTY_ASSESSMENT,
            "recordings": EMPTY_RECORDINGS,
        },
    )
    return env


def render_report_html(data: ReportData) -> str:
    """Render the report as one HTML page (inline CSS, the chart as inline SVG, no links out).

    Parameters
    ----------
    data : ReportData
        From :func:`nightlegs.report.build_report_data`.

    Returns
    -------
    str
        A complete HTML document of one or two printed A4 pages; every value is escaped.

    Examples
    --------
    >>> import datetime as dt
    >>> from nightlegs.report.data import NightsSummary
    >>> now = dt.datetime(2025, 1, 31, tzinfo=dt.UTC)
    >>> data = ReportData(generated_at=now, period_days=30, period_start=now.date(),
    ...                   summary=NightsSummary(count=0), kb_version="1")
    >>> "For the clinician" in render_report_html(data)
    True
    """
    from nightlegs import __version__

    chart = Markup(trends_svg(data.nights, child=data.child))
    return (
        _environment()
        .get_template("report.html")
        .render(data=data, chart=chart, version=__version__)
    )
