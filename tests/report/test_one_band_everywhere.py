"""Every surface shows the same band for one figure of movements per hour.

The analysis of a recording, the instruments of an assessment, the trends chart, the report
(data and HTML) and the FHIR export are checked at each edge of the article's bands, for an
adult and a child, against a table written here from the article's words read as
5 <= x < 20 light, 20 <= x <= 60 average, x > 60 heavy.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from markupsafe import escape
from report_fakes import NOW, MemoryStore

import nightlegs
from nightlegs.diary import NightIn, ProfileIn
from nightlegs.knowledge.movement_grading import ARTICLE_BANDS
from nightlegs.movement import synthesize_night
from nightlegs.movement.scoring import score
from nightlegs.report import build_fhir_bundle, build_report_data, render_report_html
from nightlegs.report.charts import movement_points

#: per hour -> (article band, adult clinical reading, child clinical reading)
EXPECTED: dict[float, tuple[str, str, str]] = {
    4.99: ("none", "normal", "normal"),
    5.0: ("light", "normal", "normal"),
    5.01: ("light", "normal", "abnormal"),
    19.99: ("light", "abnormal", "abnormal"),
    20.0: ("average", "abnormal", "abnormal"),
    20.01: ("average", "abnormal", "abnormal"),
    59.99: ("average", "abnormal", "abnormal"),
    60.0: ("average", "abnormal", "abnormal"),
    60.01: ("heavy", "abnormal", "abnormal"),
}
WORDS = {b.name: b.words for b in ARTICLE_BANDS}


@pytest.fixture(scope="module")
def analysis_dict() -> Any:
    """A real analysis whose headline index is set to a chosen figure."""
    analysis = score(synthesize_night(0.1, 128, 1.0, seed=3).recording)

    def at(per_hour: float, *, child: bool) -> dict[str, Any]:
        from nightlegs.knowledge.movement_grading import grade_movements

        graded = replace(analysis, grading=grade_movements(per_hour, child=child))
        return {**graded.to_dict(), "plms_index": per_hour}

    return at


@pytest.mark.parametrize("child", [False, True], ids=["adult", "child"])
@pytest.mark.parametrize("per_hour", list(EXPECTED))
def test_every_surface_shows_the_same_band(
    per_hour: float, child: bool, analysis_dict: Any
) -> None:
    band, adult, young = EXPECTED[per_hour]
    clinical = young if child else adult
    age = 10 if child else 40

    # the analysis of a recording
    summary = analysis_dict(per_hour, child=child)
    assert (summary["severity_article"], summary["severity_clinical"]) == (band, clinical)

    # the instruments of an assessment
    result = nightlegs.assess("my legs jerk in my sleep", age=age, movements_per_hour=per_hour)
    [reading] = [i.reading for i in result.instruments if i.id == "movement_severity"]
    assert reading.startswith(f"Article band: {WORDS[band]}; clinical reading: {clinical} (")

    # the trends chart
    night = NightIn(date=NOW.date(), movements_per_hour=per_hour, movements_source="entered")
    store = MemoryStore()
    store.put_profile(ProfileIn(age=age))
    created = store.create_night(night)
    [(_, point)] = movement_points([created], child=child)
    assert (point.article, point.clinical) == (band, clinical)

    # the report: the nights' summary, the recording row, and their HTML
    rec = store.create_recording("night.edf", 10)
    store.update_recording(rec.id, status="done", summary=summary, events=[])
    data = build_report_data(store, now=NOW)
    graded = [data.summary.mean_movements_per_hour, data.recordings[0].grading]
    for g in graded:
        assert g is not None
        assert g.article_band == WORDS[band]
        assert g.clinical.split(" (")[0] == clinical
    assert data.recordings[0].severity_article == band
    html = render_report_html(data)
    row = f"article band {WORDS[band]}; clinical reading {graded[0].clinical}"
    assert html.count(escape(row)) == 3  # mean, highest and the recording

    # the FHIR export
    bundle = build_fhir_bundle(store)
    [obs] = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["code"] == "plms-index"
    ]
    [article] = [
        c for c in obs["component"] if c["code"]["coding"][0]["code"] == "severity-article"
    ]
    assert article["valueString"] == band
    assert obs["interpretation"][0]["text"].split(",")[0] == clinical


def test_the_report_and_fhir_agree_on_a_night_nobody_slept() -> None:
    """A hypnogram with no sleep has no PLMS index: the wake-time PLM index is not graded."""
    summary = {"plms_index": None, "plm_index": 30.0, "index_basis": "sleep"}
    summary |= {"severity_article": "not available", "severity_clinical": "not available"}
    store = MemoryStore()
    rec = store.create_recording("awake.edf", 10)
    store.update_recording(rec.id, status="done", summary=summary, events=[])
    data = build_report_data(store, now=NOW)
    grading = data.recordings[0].grading
    assert grading is not None and grading.article_band == "not available"
    [obs] = [
        e["resource"] for e in build_fhir_bundle(store)["entry"] if "component" in e["resource"]
    ]
    assert {c.get("valueString") for c in obs["component"]} >= {"not available"}
    assert "interpretation" not in obs
