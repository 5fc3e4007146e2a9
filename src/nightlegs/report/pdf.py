"""The report for the doctor as a one- or two-page A4 PDF (fpdf2, pure Python).

Text is set in DejaVu Sans, the font matplotlib ships in ``mpl-data/fonts/ttf``, so any
Unicode a person types (accents, Cyrillic, Greek) prints; control characters are removed.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from nightlegs.report._format import fmt_date as _date
from nightlegs.report._format import fmt_datetime as _datetime
from nightlegs.report._format import fmt_number as _number
from nightlegs.report._format import fmt_pct as _pct
from nightlegs.report.charts import trends_png
from nightlegs.report.data import (
    EMPTY_ASSESSMENT,
    EMPTY_PROFILE,
    EMPTY_RECORDINGS,
    RecordingSummary,
    ReportData,
    grading_line,
)

__all__ = ["render_report_pdf"]

_FONT = "DejaVu"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE = 4.4  # mm per line of body text
_CHART_WIDTH_MM = 160.0


def _clean(text: object) -> str:
    return _CONTROL.sub("", str(text))


class _Report(FPDF):  # type: ignore[misc]  # fpdf ships no type hints
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_text = footer_text
        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        self.add_font(_FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(_FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_margins(14, 12, 14)
        self.set_auto_page_break(auto=True, margin=14)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(_FONT, "", 7)
        self.set_text_color(80)
        self.cell(0, 4, _clean(f"{self._footer_text}   Page {self.page_no()}"), align="C")
        self.set_text_color(0)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(1.5)
        self.set_font(_FONT, "B", 11)
        self.cell(0, 6, _clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1)

    def para(self, text: str, *, size: float = 9, bold: bool = False, indent: float = 0) -> None:
        self.set_font(_FONT, "B" if bold else "", size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent,
            _LINE * size / 9,
            _clean(text),
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def bullets(self, items: list[str], *, size: float = 8.5, indent: float = 3) -> None:
        for item in items:
            self.para(f"•  {item}", size=size, indent=indent)

    def rows(self, rows: list[tuple[str, str]], *, label_width: float = 62) -> None:
        for label, value in rows:
            y = self.get_y()
            self.set_font(_FONT, "B", 9)
            self.multi_cell(label_width, _LINE, _clean(label), new_x=XPos.RIGHT, new_y=YPos.TOP)
            self.set_font(_FONT, "", 9)
            self.multi_cell(0, _LINE, _clean(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_y(max(self.get_y(), y + _LINE))


def _profile(pdf: _Report, data: ReportData) -> None:
    pdf.heading(f"{data.person_name}: profile" if data.person_name else "Profile")
    if data.profile is None:
        pdf.para(EMPTY_PROFILE)
    else:
        pdf.rows(
            [
                ("Age", data.age),
                ("Sex", data.sex),
                ("Medicines", data.medicines),
                ("Known conditions", data.known_conditions),
            ]
        )
    pdf.para(f"Period: {data.period} (nights from {_date(data.period_start)}).", size=8)
    pdf.ln(1)
    pdf.set_font(_FONT, "B", 8.5)
    pdf.set_line_width(0.5)
    pdf.multi_cell(
        0, 4.4, _clean(data.disclaimer), border=1, padding=2, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_line_width(0.2)


def _nights(pdf: _Report, data: ReportData) -> None:
    pdf.heading("Recent nights")
    s = data.summary
    if s.count:
        quality = s.mean_sleep_quality
        pdf.rows(
            [
                (
                    "Nights in the period",
                    f"{s.count} ({_date(s.first_date)} to {_date(s.last_date)})",
                ),
                (
                    "Mean sleep quality (0-10)",
                    "not entered on any night" if quality is None else str(quality),
                ),
                ("Nights with cramps", f"{s.nights_with_cramps} of {s.count}"),
                ("Nights with an urge to move", f"{s.nights_with_urge_to_move} of {s.count}"),
                (
                    "Highest pain (0-10)",
                    "no episodes recorded" if s.max_pain is None else str(s.max_pain),
                ),
                ("Mean leg movements per hour", grading_line(s.mean_movements_per_hour, s)),
                ("Highest leg movements per hour", grading_line(s.max_movements_per_hour, s)),
            ]
        )
        if s.nights_with_movements:
            pdf.para(data.bands_source, size=7.5)
        pdf.ln(1)
        x = pdf.l_margin + (pdf.epw - _CHART_WIDTH_MM) / 2
        pdf.image(
            io.BytesIO(trends_png(data.nights, dpi=130, child=data.child)), x=x, w=_CHART_WIDTH_MM
        )
    else:
        pdf.para(data.no_nights)


def _assessment(pdf: _Report, data: ReportData) -> None:
    pdf.heading("Latest assessment")
    a = data.assessment
    if a is None:
        pdf.para(EMPTY_ASSESSMENT)
        return
    pdf.para(f"{_datetime(a.created_at)}; knowledge base {a.kb_version}.", size=8)
    pdf.set_fill_color(235)
    pdf.set_font(_FONT, "B", 9.5)
    pdf.multi_cell(0, 6, _clean(a.triage_words), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if a.triage_reasons:
        pdf.para("Why", bold=True)
        pdf.bullets(a.triage_reasons)
    pdf.para("Most likely causes (estimated from the answers)", bold=True)
    for c in a.conditions:
        codes = "; ".join(
            part
            for part in (
                f"ICD-10 {', '.join(c.icd10)}" if c.icd10 else "",
                f"SNOMED CT {', '.join(c.snomed)}" if c.snomed else "",
            )
            if part
        )
        pdf.para(f"{c.name}: {_pct(c.probability)}", size=9, bold=True)
        if codes:
            pdf.para(codes, size=7.5, indent=3)
        pdf.bullets([f"for: {e}" for e in c.evidence_for] or ["for: nothing specific"], size=8)
        pdf.bullets([f"against: {e}" for e in c.evidence_against], size=8)
        pdf.bullets([f"absent, which fits it: {e}" for e in c.absent_fits], size=8)
    if a.instruments:
        pdf.para("Instruments", bold=True)
        for i in a.instruments:
            score = f" (score {_number(i.score)})" if i.score is not None else ""
            pdf.para(f"{i.name}{score}: {i.reading}", size=8.5)
            pdf.bullets([f"{c.name}: {c.status}" for c in i.criteria], size=7.5, indent=5)
    if a.findings_present or a.findings_absent:
        pdf.para("What the person reported", bold=True)
        pdf.para(a.reported, size=8)


def _when(r: RecordingSummary) -> str:
    if r.night_date is not None:
        return f"night of {_date(r.night_date)}"
    return f"uploaded {_date(r.created_at.date())}"


def _recordings(pdf: _Report, data: ReportData) -> None:
    pdf.heading("Leg-movement recordings")
    if not data.recordings:
        pdf.para(EMPTY_RECORDINGS)
        return
    for r in data.recordings:
        plms = f"{_number(r.plms_index)}/h" if r.plms_index is not None else "no hypnogram"
        plm = f"{_number(r.plm_index)}/h" if r.plm_index is not None else "-"
        hours = f", {_number(r.recording_hours)} h" if r.recording_hours is not None else ""
        reading = (
            f"article band {r.grading.article_band}; clinical reading {r.grading.clinical}"
            if r.grading
            else r.severity_article or "-"
        )
        pdf.rows(
            [
                (
                    f"{r.filename} ({_when(r)}{hours})",
                    f"PLMS index {plms}, PLM index {plm}: {reading}",
                )
            ]
        )
    # The bands' source is said once: here only when the nights did not cite them.
    source = "" if data.summary.nights_with_movements else f" {data.bands_source}"
    pdf.para(f"Automatic scoring of a home or lab recording by nightlegs.{source}", size=7.5)


def render_report_pdf(data: ReportData) -> bytes:
    """Render the report as an A4 PDF of one or two pages.

    Parameters
    ----------
    data : ReportData
        From :func:`nightlegs.report.build_report_data`.

    Returns
    -------
    bytes
        The PDF document; the same data always gives the same bytes.

    Examples
    --------
    >>> import datetime as dt
    >>> from nightlegs.report.data import NightsSummary
    >>> now = dt.datetime(2025, 1, 31, tzinfo=dt.UTC)
    >>> data = ReportData(generated_at=now, period_days=30, period_start=now.date(),
    ...                   summary=NightsSummary(count=0), kb_version="1")
    >>> render_report_pdf(data)[:5]
    b'%PDF-'
    """
    from nightlegs import __version__

    pdf = _Report(
        f"Information for a clinician, not a diagnosis. nightlegs {__version__}, knowledge base "
        f"{data.kb_version}, generated {_datetime(data.generated_at)}."
    )
    pdf.set_creation_date(data.generated_at)
    pdf.set_title("Night-time leg symptoms: report for the doctor")
    pdf.set_creator(f"nightlegs {__version__}")
    pdf.set_producer("nightlegs")
    pdf.add_page()
    pdf.set_font(_FONT, "B", 15)
    pdf.cell(
        0, 8, "Night-time leg symptoms: report for the doctor", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.para(
        f"Made by nightlegs on {_datetime(data.generated_at)} from the person's own diary and "
        "answers.",
        size=8,
    )
    _profile(pdf, data)
    _nights(pdf, data)
    _assessment(pdf, data)
    _recordings(pdf, data)
    return bytes(pdf.output())
