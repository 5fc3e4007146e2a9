"""Number and date formats shared by the HTML and PDF reports."""

from __future__ import annotations

import datetime as dt

__all__ = ["fmt_date", "fmt_datetime", "fmt_number", "fmt_pct"]


def fmt_number(value: float) -> str:
    """One decimal, without a trailing ``.0``.

    Examples
    --------
    >>> fmt_number(28.0), fmt_number(27.54)
    ('28', '27.5')
    """
    return f"{value:.1f}".removesuffix(".0")


def fmt_pct(value: float) -> str:
    """A probability as a whole percentage.

    Examples
    --------
    >>> fmt_pct(0.634), fmt_pct(0.004)
    ('63%', '< 1%')
    """
    return f"{value:.0%}" if value >= 0.01 else "< 1%"


def fmt_date(value: dt.date | None) -> str:
    """``20 Mar 2025``, or ``-`` for no date."""
    return value.strftime("%d %b %Y") if value else "-"


def fmt_datetime(value: dt.datetime) -> str:
    """``20 Mar 2025 09:00 UTC`` (the zone when the time has one)."""
    return value.strftime("%d %b %Y %H:%M %Z").strip()
