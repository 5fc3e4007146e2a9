"""Movements per hour measured by a recording are marked as such beside typed-in ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from nightlegs.diary import NightIn, SqlDiaryStore, open_store
from nightlegs.report import build_fhir_bundle, build_report_data, render_report_html
from nightlegs.report.charts import trends_description, trends_figure
from nightlegs.report.pdf import render_report_pdf

NOW = dt.datetime(2024, 5, 20, 9, 0, tzinfo=dt.UTC)
_SUMMARY: dict[str, Any] = {
    "plms_index": 31.5,
    "plm_index": 40.0,
    "start": "2024-05-11T23:10:00",
    "warnings": [],
}


@pytest.fixture
def store() -> Iterator[SqlDiaryStore]:
    with open_store("sqlite://") as opened:
        opened.create_night(
            NightIn(date=dt.date(2024, 5, 10), movements_per_hour=12.5, movements_source="entered")
        )
        record = opened.create_recording("lab night.edf", 100)
        opened.update_recording(
            record.id, status="done", summary=_SUMMARY, events=[], night=dt.date(2024, 5, 11)
        )
        yield opened


def test_report_says_which_nights_were_measured(store: SqlDiaryStore) -> None:
    data = build_report_data(store, now=NOW)
    assert data.summary.nights_measured == 1
    assert data.summary.movements_sources == "1 measured by a recording, 1 typed in"
    [recording] = data.recordings
    assert recording.night_date == dt.date(2024, 5, 11)
    assert recording.start == "2024-05-11T23:10:00"
    html = render_report_html(data)
    assert "(1 measured by a recording, 1 typed in)" in html
    assert "night of" in html
    assert render_report_pdf(data).startswith(b"%PDF")


def test_fhir_method_tells_measured_from_typed_in(store: SqlDiaryStore) -> None:
    bundle = build_fhir_bundle(store)
    methods = {
        e["resource"]["effectiveDateTime"]: e["resource"]["method"]["text"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation" and "method" in e["resource"]
    }
    assert methods["2024-05-10"] == "typed in by the person"
    assert methods["2024-05-11"].startswith("measured: PLMS (or PLM) index of analysed recording")


def test_chart_marks_measured_nights(store: SqlDiaryStore) -> None:
    assert "(1 measured by a recording, 1 typed in)" in trends_description(store.list_nights())
    fig = trends_figure(store.list_nights())
    try:
        [measured] = [
            ln for ln in fig.axes[0].lines if str(ln.get_label()).startswith("measured by")
        ]
        ys = [float(v) for v in measured.get_ydata()]  # type: ignore[union-attr]
        assert [v for v in ys if v == v] == [31.5]
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)
