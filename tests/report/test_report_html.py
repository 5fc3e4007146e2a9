"""The HTML report: content, escaping, no external resources."""

from __future__ import annotations

import re

from report_fakes import NOW, MemoryStore

from nightlegs.diary import ProfileIn
from nightlegs.report import build_report_data, render_report_html
from nightlegs.report.data import CLINICIAN_DISCLAIMER


def test_contains_everything_a_doctor_needs(diary: MemoryStore) -> None:
    data = build_report_data(diary, now=NOW)
    html = render_report_html(data)
    assert html.startswith("<!DOCTYPE html>")
    assert "amlodipine" in html and "diabetes" in html and ">70<" in html  # profile
    assert "11 (07 Mar 2025 to 20 Mar 2025)" in html  # nights summary
    assert "article band heavy (&gt; 60/h)" in html and "abnormal (&gt; 15/h), severe" in html
    assert data.assessment is not None
    for reason in data.assessment.triage_reasons:
        assert reason.replace("'", "&#39;") in html
    assert "Restless legs syndrome" in html and "32914008" in html
    assert "IRLSSG 2014" in html
    assert "night1.edf" in html and "28/h" in html
    assert CLINICIAN_DISCLAIMER.replace("'", "&#39;") in html and "not a diagnosis" in html.lower()
    assert "<svg" in html and 'role="img"' in html


def test_no_external_resources(diary: MemoryStore) -> None:
    html = render_report_html(build_report_data(diary, now=NOW))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "<script" not in html and "<link" not in html and "@import" not in html


def test_escapes_user_text(empty_store: MemoryStore) -> None:
    empty_store.put_profile(ProfileIn(medicines=["<script>alert(1)</script>"]))
    html = render_report_html(build_report_data(empty_store, now=NOW))
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html


def test_empty_diary(empty_store: MemoryStore) -> None:
    html = render_report_html(build_report_data(empty_store, now=NOW))
    assert "No profile entered" in html and "No saved assessment" in html
    assert "No nights in the diary yet" in html and "No analysed leg-movement recordings" in html


def test_header_names_the_period_and_an_empty_period_says_why(diary: MemoryStore) -> None:
    import datetime as dt

    html = render_report_html(build_report_data(diary, days=90, now=NOW))
    assert "Period: last 90 days" in html
    empty = build_report_data(diary, days=30, now=NOW + dt.timedelta(days=400))
    assert "choose a longer period" in render_report_html(empty)
    diary.put_profile(ProfileIn(birth_year=1961))
    assert "born 1961" in render_report_html(build_report_data(diary, days=90, now=NOW))
