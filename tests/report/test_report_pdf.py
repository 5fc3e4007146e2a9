"""The PDF report: a real PDF of one or two A4 pages, Unicode-safe, stable."""

from __future__ import annotations

import re

from report_fakes import NOW, MemoryStore

from nightlegs.diary import ProfileIn
from nightlegs.report import build_report_data, render_report_pdf


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_filled_diary_fits_on_two_pages(diary: MemoryStore) -> None:
    pdf = render_report_pdf(build_report_data(diary, now=NOW))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert 1 <= _pages(pdf) <= 2
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf  # A4
    assert b"/Subtype /Image" in pdf  # the chart


def test_same_data_same_bytes(diary: MemoryStore) -> None:
    data = build_report_data(diary, now=NOW)
    assert render_report_pdf(data) == render_report_pdf(data)


def test_empty_diary_and_unicode(empty_store: MemoryStore) -> None:
    empty_store.put_profile(
        ProfileIn(medicines=["Ацетилсалициловая кислота", "ß-blocker “quoted” — ok\x07"])
    )
    pdf = render_report_pdf(build_report_data(empty_store, now=NOW))
    assert pdf.startswith(b"%PDF-") and _pages(pdf) == 1
    assert b"DejaVu" in pdf  # the embedded Unicode font
