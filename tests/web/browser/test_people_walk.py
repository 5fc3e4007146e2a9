"""The whole product for two people in Debian's Chromium, as issue 7's "Done when" walks it.

For each person: the adaptive interview, its result saved to their diary, nights typed in, a
recording whose start puts it on a chosen night (shown as measured in the Diary and Trends);
then each person's report over 30 and 90 days holds only their data, and deleting a saved
result on the Diary page takes it out of the report.

Screenshots go to a temporary folder; set ``NIGHTLEGS_SCREENSHOTS=docs/img`` to renew the
``walk-*.png`` kept in the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _browser import add_night, add_person, decider, interview, wait_for

pytestmark = pytest.mark.browser

#: An adult with calf cramps at night, and a child whose shins and calves ache in the evening.
ADULT = decider(
    {
        "Where": (r"calf",),
        "one leg or both": (r"Both legs",),
        "feel like": (r"cramp",),
        "worst": (r"evening or at night",),
        "start": (r"months or years",),
    },
    yes=r"muscle go(es)? hard",
)
CHILD = decider(
    {
        "Where": (r"shin", r"calf"),
        "one of your child's legs or both": (r"Both legs",),
        "describe it": (r"dull ache",),
        "worst": (r"evening or at night",),
        "start": (r"months or years",),
    },
    yes=r"fine the next morning",
)


@dataclass
class Walker:
    """One person of the walk: who they are, their nights (days before today) and the night
    (and clock time) their recording starts."""

    name: str
    birth_year: str
    sex: str
    age: str
    decide: Any
    nights: tuple[int, ...]
    recording_start: tuple[int, dt.time]
    typed_mph: str
    seed: int
    top_cause: str = ""
    measured: str = ""
    dates: list[str] = field(default_factory=list)


def _day(days_ago: int) -> str:
    return str(dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days_ago))


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    kept = os.environ.get("NIGHTLEGS_SCREENSHOTS")
    return Path(kept) if kept else tmp_path


def _shot(
    page: Any,
    shots: Path,
    step: str,
    *,
    at: str = "",
    block: str = "start",
    full_page: bool = False,
) -> None:
    """``walk-<step>.png`` of the viewport, scrolled to the top or to the element ``at``
    (``block``: where it goes in the viewport, as ``scrollIntoView`` says)."""
    if at:
        page.locator(at).evaluate("(el, block) => el.scrollIntoView({block})", block)
    else:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / f"walk-{step}.png"), full_page=full_page)


def _interview_and_save(page: Any, who: Walker, shots: Path | None) -> None:
    """The adaptive interview to its result, saved to ``who``'s diary (offered first)."""
    page.goto("/interview")
    page.get_by_label("Age in years").fill(who.age)
    page.get_by_label("Sex", exact=True).select_option(who.sex)

    def decide(question: dict[str, Any]) -> str | list[str]:
        if shots is not None and question["progress"].startswith("Question 2,"):
            _shot(page, shots, "interview")
        answer: str | list[str] = who.decide(question)
        return answer

    asked, end = interview(page, decide)
    assert end == "result" and len(asked) >= 5, [q["text"] for q in asked]
    page.wait_for_url("**/result")
    save = page.locator("form[action^='/result/save'] button[type=submit]")
    assert save.first.inner_text() == f"Save to {who.name}'s diary"
    save.first.click()
    notice = page.get_by_text(f"Saved to {who.name}'s diary on ")
    notice.wait_for()
    assert page.url.endswith("/result/save#h-save")  # the page opens at the notice
    if shots is not None:
        _shot(page, shots, "result", at=".save-result", block="end")
    assert save.count() == 0  # kept once; the page says where to open or delete it
    page.get_by_role("link", name=f"{who.name}'s diary").click()
    saved = page.locator("#saved-table tbody tr")
    assert saved.count() == 1
    who.top_cause = saved.locator("td").nth(1).inner_text().split(";")[0]


def _upload(page: Any, who: Walker, path: Path, shots: Path | None) -> None:
    """Upload ``path``; it lands on the night its start date and time say."""
    night = _day(who.recording_start[0] + (1 if who.recording_start[1].hour < 12 else 0))
    page.goto("/upload")
    assert page.get_by_role("heading", level=1).inner_text() == f"Upload a recording for {who.name}"
    page.get_by_label("Recording file").set_input_files(str(path))
    page.get_by_role("button", name="Upload and analyse").click()
    page.locator("#upload-result").wait_for(state="visible", timeout=45_000)
    line = page.locator("#upload-night").inner_text()
    assert line.endswith(f"put on the diary night of {night}."), line
    assert "no start date" not in page.locator("#upload-warnings").inner_text()
    who.measured = line.split(" ")[0]
    assert float(who.measured) >= 0
    row = page.locator("#recordings-table tbody tr", has_text=path.name)
    row.wait_for()
    assert row.locator("th").inner_text() == night
    if shots is not None:
        wait_for(page, "() => document.querySelector('#upload-plot').naturalWidth > 0")
        _shot(page, shots, "upload", at="#h-upload-result")


def _nights_and_recording(page: Any, who: Walker, tmp_path: Path, shots: Path | None) -> None:
    """Type in the nights (the older one with a typed count), upload the recording, and see
    the measured night in the Diary and in Trends."""
    from nightlegs.movement.export import write_recording_edf
    from nightlegs.movement.synthetic import synthesize_night

    page.goto("/diary")
    who.dates = [_day(n) for n in who.nights]
    for n, date in enumerate(who.dates):
        if n == len(who.dates) - 1:
            page.get_by_label("Leg movements per hour (if measured)").fill(who.typed_mph)
        add_night(page, date, str(4 + n))
    days_ago, clock = who.recording_start
    start = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days_ago)
    path = write_recording_edf(
        synthesize_night(0.5, 256, 1.5, seed=who.seed).recording,
        tmp_path / f"{who.name.lower()}-night.edf",
        startdate=start,
        starttime=clock,
    )
    _upload(page, who, path, shots)

    landed = who.dates[0]
    page.goto("/diary")
    row = page.locator("#nights-table tbody tr", has_text=landed)
    row.filter(has_text="(measured)").wait_for()
    assert f"{who.measured} (measured)" in row.inner_text()
    if shots is not None:
        _shot(page, shots, "diary", at="#h-nights")
    page.goto("/trends")
    rows = page.locator("#trends-data tbody tr")
    rows.first.wait_for(state="attached")
    table = {
        r.locator("th").text_content(): [c.text_content() for c in r.locator("td").all()]
        for r in rows.all()
    }
    assert sorted(table) == sorted(who.dates)  # nobody else's nights
    assert table[landed][0] == who.measured
    assert str(table[landed][1]).startswith("measured (recording ")
    assert table[who.dates[-1]][:2] == [who.typed_mph, "typed in"]
    desc = page.locator(".chart svg desc").first
    assert "1 measured by a recording" in (desc.text_content() or "")
    if shots is not None:
        page.locator("#trends-data summary").click()
        _shot(page, shots, "trends", full_page=True)


def _report(page: Any, who: Walker, days: int) -> str:
    """``who``'s report over ``days`` as the Report page links it (the person and period chosen
    with its two choosers)."""
    page.goto("/report")
    person = page.get_by_label("Whose diary")
    if person.locator("option:checked").inner_text() != who.name:
        person.select_option(label=who.name)
        page.get_by_role("heading", name=f"Report for the doctor about {who.name}").wait_for()
    if page.get_by_label("Period").input_value() != str(days):
        page.get_by_label("Period").select_option(label=f"Last {days} days")
        page.wait_for_url(re.compile(rf"days={days}"))
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == f"Report for the doctor about {who.name}"
    href = page.locator("#report-view").get_attribute("href")
    assert f"days={days}" in href
    response = page.request.get(href)
    assert response.ok
    return str(response.text())


def test_two_people_walk_from_interview_to_report(page: Any, tmp_path: Path, shots: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    nora = Walker(
        "Nora", "1979", "female", "46", ADULT, (2, 40), (2, dt.time(23, 10)), "12", seed=4
    )
    # Theo's recording starts at 01:30: after midnight, so it is the night before.
    theo = Walker("Theo", "2017", "male", "8", CHILD, (5, 70), (4, dt.time(1, 30)), "4", 5)
    for n, who in enumerate((nora, theo)):
        add_person(page, who.name, who.birth_year, who.sex)
        keep = shots if n == 0 else None
        _interview_and_save(page, who, keep)
        _nights_and_recording(page, who, tmp_path, keep)
    assert nora.top_cause != theo.top_cause

    for who, other in ((nora, theo), (theo, nora)):
        month, quarter = _report(page, who, 30), _report(page, who, 90)
        assert f"{who.name}: profile" in month and "Period: last 30 days" in month
        assert who.dates[0] in month and who.dates[1] not in month
        assert "1 measured by a recording" in month and "1 typed in" not in month
        assert "Period: last 90 days" in quarter and all(d in quarter for d in who.dates)
        assert "1 measured by a recording, 1 typed in" in quarter
        for text in (month, quarter):
            assert f"{who.name.lower()}-night.edf" in text and who.top_cause in text
            assert other.name not in text and f"{other.name.lower()}-night.edf" not in text
            assert not any(d in text for d in other.dates)
    _shot(page, shots, "report-page")
    page.locator("#report-view").click()
    page.get_by_text("Period: last 90 days").wait_for()
    _shot(page, shots, "report")

    # Theo's saved result deleted on his Diary page: his report has none; Nora keeps hers.
    page.goto("/diary")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=re.compile("^Delete the result saved on ")).click()
    page.locator("#saved-empty").wait_for()
    assert page.get_by_role("heading", name="Diary of Theo").is_visible()
    _shot(page, shots, "saved-deleted", at="#h-nights")
    gone = _report(page, theo, 90)
    assert "No saved assessment" in gone and theo.top_cause not in gone
    assert nora.top_cause in _report(page, nora, 90)
