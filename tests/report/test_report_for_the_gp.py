"""The report reads as one for a GP: profile first, a note for the clinician, the bands' source,
right plurals and spacing, empty states that say what is missing (HTML and PDF alike)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from report_fakes import NOW, MemoryStore

import nightlegs.report.pdf as pdf_module
from nightlegs._words import plural
from nightlegs.assessment.safety import DISCLAIMER
from nightlegs.diary import NightIn, ProfileIn
from nightlegs.report import build_report_data, render_report_html, render_report_pdf
from nightlegs.report.data import (
    BANDS_SOURCE,
    CLINICIAN_DISCLAIMER,
    EMPTY_ASSESSMENT,
    EMPTY_PROFILE,
    EMPTY_RECORDINGS,
    ReportData,
)

CUT_OFF = "over 15/h in adults and over 5/h in children (ICSD-3/AASM)"
BANDS = "light 5-20/h, average 20-60/h, heavy over 60/h"


def _html_text(data: ReportData) -> str:
    """The visible text of the HTML report (tags, style and chart left out)."""
    html = render_report_html(data)
    body = re.sub(r"<svg.*?</svg>", " ", html[html.index("<body>") :], flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _pdf_text(data: ReportData, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every string the PDF renderer sets in the document (fpdf2 embeds glyph ids, so the
    text is read where it enters the page)."""
    seen: list[str] = []
    clean = pdf_module._clean

    def record(text: object) -> str:
        seen.append(clean(text))
        return seen[-1]

    monkeypatch.setattr(pdf_module, "_clean", record)
    assert render_report_pdf(data).startswith(b"%PDF-")
    return " ".join(" ".join(seen).split())


@pytest.mark.parametrize(("count", "words"), [(0, "0 nights"), (1, "1 night"), (2, "2 nights")])
def test_plural(count: int, words: str) -> None:
    assert plural(count, "night") == words


def _one_night_store() -> MemoryStore:
    store = MemoryStore()
    store.put_profile(ProfileIn(age=52, sex="female", known_conditions=["diabetes"]))
    store.create_night(NightIn(date=NOW.date(), movements_per_hour=32.0, sleep_quality=5))
    return store


def test_one_night_is_singular_and_bands_are_sourced(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_report_data(_one_night_store(), now=NOW)
    for text in (_html_text(data), _pdf_text(data, monkeypatch)):
        assert "32/h on 1 night (" in text and "1 nights" not in text
        assert "consumer health article's grading" in text and BANDS in text and CUT_OFF in text


def test_two_nights_are_plural(monkeypatch: pytest.MonkeyPatch) -> None:
    store = _one_night_store()
    store.create_night(NightIn(date=NOW.date() - dt.timedelta(days=1), movements_per_hour=20.0))
    data = build_report_data(store, now=NOW)
    assert "/h on 2 nights (" in _html_text(data)
    assert "/h on 2 nights (" in _pdf_text(data, monkeypatch)


def test_profile_comes_first_with_words_not_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_report_data(_one_night_store(), now=NOW)
    html = _html_text(data)
    assert html.index("Me: profile") < html.index("For the clinician") < html.index("Recent nights")
    assert "Known conditions diabetes" in html and "52" in html
    pdf = _pdf_text(data, monkeypatch)
    assert pdf.index("Me: profile") < pdf.index("For the clinician") < pdf.index("Recent nights")


def test_clinician_disclaimer_replaces_the_patient_one(
    diary: MemoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_report_data(diary, now=NOW)
    assert "self-reported" in CLINICIAN_DISCLAIMER and "consumer device or a lab" in (
        CLINICIAN_DISCLAIMER
    )
    assert "not a validated diagnostic tool" in CLINICIAN_DISCLAIMER
    for text in (_html_text(data), _pdf_text(data, monkeypatch)):
        assert " ".join(CLINICIAN_DISCLAIMER.split()) in text
        assert DISCLAIMER not in text  # the patient-facing one ("If you are worried ...")


def test_what_was_reported_has_its_spaces(
    diary: MemoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_report_data(diary, now=NOW)
    assert data.assessment is not None
    data.assessment.findings_absent.append("numbness")
    for text in (_html_text(data), _pdf_text(data, monkeypatch)):
        assert "steadily worse. No: numbness." in text


def test_empty_states_say_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_report_data(MemoryStore(), now=NOW)
    for text in (_html_text(data), _pdf_text(data, monkeypatch)):
        assert EMPTY_PROFILE in text and EMPTY_ASSESSMENT in text and EMPTY_RECORDINGS in text
        assert "No nights in the diary yet: sleep, cramps, pain and leg movements" in text
        assert BANDS_SOURCE not in text  # no bands are cited, so no source line


def test_older_saved_result_never_lists_an_absent_finding_as_evidence_for(
    empty_store: MemoryStore,
) -> None:
    old = {
        "triage": "doctor",
        "conditions": [
            {
                "id": "nocturnal_leg_cramps",
                "name": "Leg cramps",
                "probability": 0.6,
                "evidence_for": [
                    "in the calf (makes it 2.4x more likely)",
                    "not the case: the leg is swollen (makes it 1.1x more likely)",
                ],
                "evidence_against": [],
            }
        ],
    }
    empty_store.add_assessment({"text": "cramps"}, old, "1")
    data = build_report_data(empty_store, now=NOW)
    assert data.assessment is not None
    [c] = data.assessment.conditions
    assert c.evidence_for == ["in the calf (makes it 2.4x more likely)"]
    assert c.absent_fits == ["no: the leg is swollen (makes it 1.1x more likely)"]


def test_the_trends_chart_draws_the_cut_off_for_the_persons_age() -> None:
    import datetime as dt

    from nightlegs.diary.schemas import Night
    from nightlegs.report.charts import trends_description

    when = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    night = Night(
        date=dt.date(2026, 11, 1),
        id=1,
        person_id=1,
        created_at=when,
        updated_at=when,
        movements_per_hour=8.0,
    )
    nights = [night]
    assert "5/h (children)" in trends_description(nights, child=True)
    assert "15/h (adults)" in trends_description(nights)
