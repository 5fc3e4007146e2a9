"""The web pages in Debian's Chromium: interview, emergency, diary to chart, upload, report.

Each test also checks (in the ``page`` fixture) that nothing was requested from a host other than
the app's loopback address and that no script error or CSP violation was logged.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from _browser import (
    add_night,
    add_person,
    answer,
    await_screen,
    current_question,
    dates_in_table,
    interview,
    pick,
    wait_for,
)

pytestmark = pytest.mark.browser

EMERGENCY_TEXT = (
    "Suddenly my left foot went cold, white and numb an hour ago. I have atrial fibrillation."
)
SCREENSHOTS = Path("/tmp")
#: Where the two-people test puts the screenshots kept in docs/img/: set
#: NIGHTLEGS_SCREENSHOTS=docs/img to renew them (a normal run leaves the repository alone).
SHOTS = Path(os.environ.get("NIGHTLEGS_SCREENSHOTS", str(SCREENSHOTS)))


def test_interview_complaint_first_to_self_care(page: Any) -> None:
    """An adult with night calf cramps: complaint choices first, then screens, to self-care."""
    page.goto("/interview")
    page.get_by_label("Age in years").fill("45")
    answers = {
        "Where": (r"calf",),
        "one leg or both": (r"Both legs",),
        "feel like": (r"cramp",),
        "worst": (r"evening or at night",),
        "start": (r"months or years",),
    }

    def decide(question: dict[str, Any]) -> str | list[str]:
        if question["kind"] == "yes_no":
            return "Yes" if re.search(r"muscle go(es)? hard", question["text"], re.I) else "No"
        for key, patterns in answers.items():
            if key.lower() in question["text"].lower():
                return pick(question, *patterns)
        return ["None of these"]  # the danger checklist, the medicines

    asked, end = interview(page, decide)
    first = asked[0]
    assert first["kind"] == "choice" and first["multiple"]
    assert first["text"].startswith("Where") and any("calf" in o for o in first["options"])
    assert first["progress"].startswith("Question 1, about ")
    assert "where it hurts" in first["why"].lower()
    assert [q["progress"].split(",")[0] for q in asked] == [
        f"Question {n}" for n in range(1, len(asked) + 1)
    ]
    assert any("these" in q["text"] and q["kind"] == "choice" for q in asked)  # the checklist
    assert len(asked) <= 15
    assert end == "result"
    page.wait_for_url("**/result")
    assert page.get_by_role("heading", name="Your result", level=1).is_visible()
    triage = page.get_by_role("heading", level=2).filter(has=page.locator(".triage-label"))
    assert triage.inner_text() in (
        "You can probably look after this yourself",
        "Book an appointment with a doctor",
    )
    assert page.get_by_role("alert").count() == 0  # no emergency banner
    assert page.locator(".banner").count() == 0  # nor an urgent one
    assert page.get_by_role("heading", name="Possible causes").is_visible()
    assert "cramp" in page.locator(".condition h3").first.inner_text().lower()
    assert page.get_by_role("heading", name="Evidence for").first.is_visible()
    assert page.get_by_role("heading", name="Evidence against").first.is_visible()
    assert "not a diagnosis" in page.locator("footer").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "nightlegs-result.png"), full_page=True)


def test_interview_danger_answer_ends_with_emergency_banner(page: Any) -> None:
    """An older adult ticks a cold, pale or blue foot: the emergency banner within 3 questions,
    and no more questions."""
    page.goto("/interview")
    page.get_by_label("Age in years").fill("72")
    danger = "A foot or leg that has turned cold, pale or blue"

    # Nothing but the danger sign points at an emergency (a sudden start alone would already
    # make a blocked artery too likely to rule out), so the banner must come from that answer.
    def decide(question: dict[str, Any]) -> str | list[str]:
        if question["kind"] == "yes_no":
            return "No"
        if question["text"].startswith("Where"):
            return pick(question, r"foot")
        if danger in question["options"]:
            return [danger]
        if "One leg" in question["options"]:
            return ["One leg"]
        return ["Don't know"]

    asked, end = interview(page, decide)
    assert end == "emergency", [q["text"] for q in asked]
    at = next(i for i, q in enumerate(asked) if danger in q.get("answer", []))
    assert len(asked) - 1 - at <= 3, [q["text"] for q in asked[at:]]
    banner = page.get_by_role("alert")
    assert banner.is_visible()
    assert re.search(r"call|emergency", banner.inner_text(), re.I)
    colour = banner.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(163, 0, 21)"
    assert page.get_by_role("heading", name="Emergency: get help now").is_visible()
    time.sleep(0.5)  # nothing else is asked
    assert page.locator("#question-text").is_hidden()
    assert page.get_by_role("button", name="Yes", exact=True).is_hidden()
    assert page.get_by_role("button", name="Next").is_hidden()
    page.get_by_role("button", name="See the full result").click()
    page.wait_for_url("**/result")
    assert "emergency" in page.get_by_role("alert").inner_text().lower()


def test_interview_for_a_child_is_worded_for_the_parent(page: Any) -> None:
    """A child of 7: nothing about the pill, HRT, pregnancy, a birth or periods, and every
    question asks about "your child"."""
    page.goto("/interview")
    page.get_by_label("Age in years").fill("7")
    answers = {
        "Where": (r"shin", r"calf"),
        "one of your child's legs or both": (r"Both legs",),
        "describe it": (r"dull ache",),
        "worst": (r"evening or at night",),
        "start": (r"months or years",),
    }

    def decide(question: dict[str, Any]) -> str | list[str]:
        if question["kind"] == "yes_no":
            return "Yes" if re.search(r"fine the next morning", question["text"], re.I) else "No"
        for key, patterns in answers.items():
            if key.lower() in question["text"].lower():
                return pick(question, *patterns)
        return ["None of these"]

    asked, end = interview(page, decide)
    assert end == "result" and len(asked) >= 5
    adult = re.compile(
        r"\bpill\b|\bHRT\b|hormone|pregnan|birth|\bperiods?\b|menstrua|miscarriage", re.I
    )
    for question in asked:
        words = " ".join([question["text"], *question["options"]])
        assert not adult.search(words), question["text"]
        assert "your child" in question["text"].lower(), question["text"]
    page.wait_for_url("**/result")
    assert page.get_by_role("heading", name="Your result", level=1).is_visible()


def test_emergency_from_own_words(page: Any) -> None:
    page.goto("/")
    page.get_by_label("What happens to your legs at night?").fill(EMERGENCY_TEXT)
    page.get_by_label("Age in years").fill("72")
    page.get_by_role("button", name="See the result").click()
    page.wait_for_url("**/result")
    banner = page.get_by_role("alert")
    assert banner.is_visible()
    first_line = banner.locator(".banner-now").inner_text()
    assert re.search(r"call|emergency", first_line, re.I), first_line
    box = banner.bounding_box()
    assert box is not None and box["width"] >= page.viewport_size["width"] - 1  # full width
    colour = banner.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(163, 0, 21)"
    page.screenshot(path=str(SCREENSHOTS / "nightlegs-emergency.png"), full_page=False)


def test_interview_description_skips_what_it_said(page: Any) -> None:
    page.goto("/interview")
    page.get_by_label("Describe what happens in your own words (optional)").fill(
        "My calf cramps at night"
    )
    page.get_by_label("Age in years").fill("50")
    page.get_by_role("button", name="Start the questions").click()
    assert await_screen(page) == "question"
    first = current_question(page)
    assert not first["text"].startswith("Where")  # the text said where
    assert first["progress"].startswith("Question 1,")  # and did not use up questions
    assert first["kind"] == "choice" and not first["multiple"]
    page.get_by_role("button", name="Next").click()  # nothing chosen
    assert "Please choose an answer" in page.get_by_role("alert").inner_text()
    answer(page, first, ["Both legs"])
    assert await_screen(page, before=first["progress"]) == "question"
    second = current_question(page)
    assert second["progress"].startswith("Question 2,") and second["text"] != first["text"]
    page.get_by_role("button", name="Back to the previous question").click()
    await_screen(page, before=second["progress"])
    assert current_question(page)["text"] == first["text"]


def test_interview_description_with_danger_sign_goes_straight_to_emergency(page: Any) -> None:
    page.goto("/interview")
    page.get_by_label("Describe what happens in your own words (optional)").fill(EMERGENCY_TEXT)
    page.get_by_role("button", name="Start the questions").click()
    assert await_screen(page) == "emergency"
    assert page.get_by_role("alert").is_visible()
    assert not page.locator("#question-text").is_visible()  # not a single question
    page.get_by_role("button", name="See the full result").click()
    page.wait_for_url("**/result")
    assert page.get_by_role("alert").is_visible()


def test_keyboard_only_interview(page: Any) -> None:
    page.goto("/interview")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(30):
        if page.evaluate("document.activeElement.id") == "start-button":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the start button")
    page.keyboard.press("Enter")
    page.locator("#question-text").wait_for(state="visible")
    wait_for(page, "document.activeElement.id === 'question-text'")
    # The opening question is a choice: Tab reaches its first box, Space ticks it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    assert page.evaluate("document.activeElement.labels[0].textContent").startswith("The calf")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus indicator
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    for _ in range(20):
        if page.evaluate("document.activeElement.textContent") == "Next":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the Next button")
    page.keyboard.press("Enter")
    wait_for(page, "document.querySelector('#progress-label').textContent.startsWith('Question 2')")
    wait_for(page, "document.activeElement.id === 'question-text'")
    # A single choice is a radio group: arrow keys move and choose.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.checked")
    assert page.locator("#interview-status").get_attribute("aria-live") == "polite"


def test_diary_entry_to_chart(page: Any) -> None:
    page.goto("/diary")
    page.get_by_label("Date of the night").fill("2026-11-20")
    page.get_by_label("Bedtime").fill("22:30")
    page.get_by_label("Wake time").fill("06:45")
    page.get_by_label("Sleep quality (0 = very bad, 10 = very good)").fill("6")
    page.get_by_label("Leg movements per hour (if measured)").fill("32")
    page.get_by_role("button", name="Add an episode").click()
    episode = page.locator("#episodes fieldset").first
    episode.get_by_label("Time").fill("02:10")
    episode.get_by_label("Side").select_option("left")
    episode.get_by_label("What it was").select_option("cramp")
    episode.get_by_label("Intensity (0-10)").fill("7")
    episode.get_by_label("What helped").fill("stretching")
    page.get_by_role("button", name="Save night").click()
    row = page.locator("#nights-table tbody tr", has_text="2026-11-20")
    row.wait_for()
    assert "cramp 7/10" in row.inner_text()
    assert "32" in row.inner_text()

    page.goto("/trends")
    chart = page.locator("#trends-chart svg, svg#trends-chart").first
    assert chart.is_visible()
    assert "32" in (chart.locator("desc").text_content() or "")
    table_row = page.locator("#trends-data tbody tr", has_text="2026-11-20")
    assert "32" in (table_row.text_content() or "")


def test_diary_edit_and_delete(page: Any) -> None:
    page.goto("/diary")
    page.get_by_label("Date of the night").fill("2026-10-01")
    page.get_by_label("Sleep quality (0 = very bad, 10 = very good)").fill("3")
    page.get_by_role("button", name="Save night").click()
    row = page.locator("#nights-table tbody tr", has_text="2026-10-01")
    row.wait_for()
    page.get_by_role("button", name="Edit the night of 2026-10-01").click()
    assert page.get_by_role("heading", name="Edit the night of 2026-10-01").is_visible()
    page.get_by_label("Sleep quality (0 = very bad, 10 = very good)").fill("8")
    page.get_by_role("button", name="Save changes").click()
    wait_for(
        page,
        "[...document.querySelectorAll('#nights-table tbody tr')].some("
        "r => r.textContent.includes('2026-10-01') && r.children[3].textContent === '8')",
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete the night of 2026-10-01").click()
    row.wait_for(state="detached")


def test_upload_to_result(page: Any, tmp_path: Path) -> None:
    from nightlegs.movement.export import write_recording_edf
    from nightlegs.movement.synthetic import synthesize_night

    path = write_recording_edf(
        synthesize_night(0.25, 256, 1.5, seed=1).recording, tmp_path / "night.edf"
    )

    page.goto("/upload")
    page.get_by_label("Recording file").set_input_files(str(path))
    page.get_by_role("button", name="Upload and analyse").click()
    page.locator("#upload-result").wait_for(state="visible", timeout=45_000)
    assert page.locator("#upload-progress").get_attribute("value") == "100"
    assert page.locator("#grade-clinical").inner_text() != ""
    assert page.locator("#grade-article").inner_text() in ("none", "light", "average", "heavy")
    plm = page.locator('#indices-body tr[data-key="plm_index"] td').inner_text()
    assert float(plm) >= 0
    assert "Analysis finished" in page.locator("#upload-status").inner_text()
    # No start date in the file: the upload date's night, said in the warnings; then moved.
    assert "no start date" in page.locator("#upload-warnings").inner_text()
    assert "put on the diary night of" in page.locator("#upload-night").inner_text()
    assert "not a diagnosis" in page.locator("#not-a-diagnosis").inner_text()
    wait_for(page, "() => document.querySelector('#upload-plot').naturalWidth > 0")
    assert "periodic movements per hour" in (
        page.get_by_role("img").first.get_attribute("alt") or ""
    )
    row = page.locator("#recordings-table tbody tr", has_text="night.edf")
    row.wait_for()
    page.screenshot(path=str(SHOTS / "upload-analysed.png"), full_page=True)
    assert "done" in row.inner_text()
    page.get_by_label("The night it was recorded (change if wrong)").fill("2026-11-01")
    page.get_by_role("button", name="Move to this night").click()
    page.locator("#upload-status", has_text="Moved to the night of 2026-11-01").wait_for()
    page.locator("#recordings-table tbody tr", has_text="2026-11-01").wait_for()
    page.goto("/diary")
    night = page.locator("#nights-table tbody tr", has_text="2026-11-01")
    night.wait_for()
    assert "(measured)" in night.inner_text()
    night.get_by_role("button", name="Edit").click()
    page.get_by_label("Leg movements per hour (if measured)").fill("7")
    page.get_by_role("button", name="Save changes").click()
    typed = page.locator("#nights-table tbody tr", has_text="2026-11-01")
    typed.filter(has_text="7").wait_for()
    assert "(measured)" not in typed.inner_text()


def test_form_errors_are_in_plain_words_next_to_their_field(page: Any) -> None:
    page.nightlegs_allow_4xx = True
    page.goto("/diary")
    page.get_by_label("Sleep quality (0 = very bad, 10 = very good)").fill("11")
    page.get_by_label("Notes").fill("kept as typed")
    page.get_by_role("button", name="Save night").click()
    quality = page.get_by_label("Sleep quality (0 = very bad, 10 = very good)")
    error = page.locator(".field-error", has_text="Sleep quality must be between 0 and 10")
    error.wait_for()
    assert quality.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in (quality.get_attribute("aria-describedby") or "")
    assert page.get_by_label("Notes").input_value() == "kept as typed"
    assert "correct the fields marked" in page.locator("#night-message").inner_text()
    page.screenshot(path=str(SHOTS / "diary-form-error.png"), full_page=True)
    # The home page: male and pregnant keeps the description and marks the pregnancy field.
    page.goto("/")
    page.get_by_label("What happens to your legs at night?").fill("My calves cramp at night")
    page.get_by_label("Sex").select_option("male")
    page.get_by_label("Pregnant?").select_option("yes")
    page.get_by_role("button", name="See the result").click()
    page.locator("#pregnant-error").wait_for()
    assert "Pregnant cannot be 'yes'" in page.locator("#pregnant-error").inner_text()
    text = page.get_by_label("What happens to your legs at night?").input_value()
    assert text == "My calves cramp at night"
    assert page.get_by_label("Sex").input_value() == "male"
    page.screenshot(path=str(SHOTS / "home-form-error.png"), full_page=True)


def test_report_download(page: Any) -> None:
    page.goto("/report")
    with page.expect_download() as html_info:
        page.get_by_role("link", name="Download the report (HTML)").click()
    html = Path(html_info.value.path()).read_text(encoding="utf-8")
    assert "<html" in html.lower() and "not a diagnosis" in html
    with page.expect_download() as pdf_info:
        page.get_by_role("link", name="Download the report (PDF)").click()
    assert Path(pdf_info.value.path()).read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("path", ["/", "/interview", "/diary", "/trends", "/upload", "/report"])
def test_page_basics(page: Any, path: str) -> None:
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert page.locator("a.skip-link").get_attribute("href") == "#main"
    assert "not a diagnosis" in page.locator("footer").inner_text()
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
             .filter(el => !el.closest('template') && el.labels.length === 0
                     && !el.getAttribute('aria-label')).map(el => el.name || el.id)"""
    )
    assert unlabelled == []
    levels = page.evaluate(
        "[...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
        ".filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"
    )
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_two_people_each_see_their_own_diary_and_report(page: Any) -> None:
    today = dt.datetime.now(dt.UTC).date()
    recent, older, other = (str(today - dt.timedelta(days=n)) for n in (3, 60, 5))
    add_person(page, "Ada", "1961")
    add_night(page, recent, "4")
    add_night(page, older, "5")
    add_person(page, "Ben", "2015")
    add_night(page, other, "8")
    assert dates_in_table(page) == [other]
    page.screenshot(path=str(SHOTS / "diary-two-people.png"), full_page=True)

    # The chooser in the bar under the header switches the diary (and is remembered).
    page.get_by_label("Whose diary").select_option(label="Ada")
    page.get_by_role("heading", name="Diary of Ada", exact=True).wait_for()
    page.locator("#nights-table tbody tr", has_text=recent).wait_for()
    assert dates_in_table(page) == sorted([recent, older])
    page.goto("/trends")
    assert page.get_by_label("Whose diary").locator("option:checked").inner_text() == "Ada"
    trend_rows = page.locator("#trends-data tbody tr th")
    trend_rows.first.wait_for(state="attached")
    assert sorted(trend_rows.all_text_contents()) == sorted([recent, older])

    # The report follows the person; the period chooser changes what it covers.
    page.goto("/report")
    assert page.get_by_role("heading", level=1).inner_text().endswith("Ada")

    def report_text() -> str:
        href = page.locator("#report-view").get_attribute("href")
        response = page.request.get(href)
        assert response.ok
        return str(response.text())

    month = report_text()
    assert "Ada: profile" in month and recent in month and older not in month
    page.get_by_label("Period").select_option(label="Last 90 days")
    wait_for(page, "location.search.includes('days=90')")
    quarter = report_text()
    assert "Period: last 90 days" in quarter
    assert recent in quarter and older in quarter and other not in quarter
    page.screenshot(path=str(SHOTS / "report-page.png"), full_page=True)
    page.locator("#report-view").click()
    page.get_by_text("Period: last 90 days").wait_for()
    page.screenshot(path=str(SHOTS / "report-ada-90-days.png"), full_page=True)
    page.go_back()

    page.get_by_label("Whose diary").select_option(label="Ben")
    page.get_by_role("heading", name="Report for the doctor about Ben").wait_for()
    assert "days=90" in page.url  # the period stays when the person changes
    ben = report_text()
    assert "Ben: profile" in ben and other in ben and recent not in ben and older not in ben

    # The result page offers the chosen person's diary first, and saves there.
    page.goto("/")
    page.get_by_label("What happens to your legs at night?").fill(
        "My calves cramp at night, the muscle goes hard and stretching helps."
    )
    page.locator("form[action='/result'] button[type=submit]").first.click()
    save = page.locator("form[action^='/result/save'] button[type=submit]")
    save.first.wait_for()
    assert save.all_inner_texts()[0] == "Save to Ben's diary"
    save.first.click()
    page.get_by_text("Saved to Ben's diary").wait_for()
