"""The web pages in Debian's Chromium: interview, emergency, diary to chart, upload, report.

Each test also checks (in the ``page`` fixture) that nothing was requested from a host other than
the app's loopback address and that no script error or CSP violation was logged.
"""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

EMERGENCY_TEXT = (
    "Suddenly my left foot went cold, white and numb an hour ago. I have atrial fibrillation."
)
SCREENSHOTS = Path("/tmp")


def _wait(page: Any, expression: str, *args: Any, timeout_s: float = 15.0) -> None:
    """Poll a JavaScript expression until it is truthy.

    ``page.wait_for_function`` evaluates with ``eval`` inside the page, which the app's
    Content-Security-Policy (rightly) refuses; ``page.evaluate`` goes through the debugger.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if page.evaluate(expression, *args):
                return
        except Exception:  # the page is navigating
            pass
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for: {expression}")


def _answer_until_result(page: Any, choose: Any, limit: int = 40) -> list[str]:
    """Answer interview questions with ``choose(question_text) -> 'Yes'|'No'|"Don't know"``."""
    asked: list[str] = []
    for _ in range(limit):
        if page.url.endswith("/result"):
            return asked
        question = page.locator("#question-text")
        question.wait_for(state="visible")
        text = question.inner_text()
        label = page.locator("#progress-label").inner_text()
        asked.append(text)
        page.get_by_role("button", name=choose(text), exact=True).click()
        _wait(
            page,
            "(label) => location.pathname === '/result' || "
            "document.querySelector('#progress-label').textContent !== label",
            label,
        )
    pytest.fail(f"the interview did not end after {limit} answers: {asked}")


def test_full_interview_to_result(page: Any) -> None:
    page.goto("/interview")
    page.get_by_label("Age in years").fill("45")
    page.get_by_label("Sex").select_option("female")
    page.get_by_role("button", name="Start the questions").click()
    expect_why = page.locator("#question-why")
    expect_why.wait_for(state="visible")
    assert "safety" in expect_why.inner_text().lower()
    assert page.locator("#interview-progress").get_attribute("max") == "15"

    def choose(text: str) -> str:
        return "Yes" if re.search(r"cramp|calf|calves|hard|stretch", text, re.I) else "No"

    asked = _answer_until_result(page, choose)
    assert len(asked) >= 5  # at least the red-flag screening
    page.wait_for_url("**/result")
    assert page.get_by_role("heading", name="Your result", level=1).is_visible()
    assert page.get_by_role("heading", name="Possible causes").is_visible()
    assert page.locator(".condition").count() >= 1
    assert page.get_by_role("heading", name="Evidence for").first.is_visible()
    assert page.get_by_role("heading", name="Evidence against").first.is_visible()
    assert page.locator(".banner-emergency").count() == 0
    assert "not a diagnosis" in page.locator("footer").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "nightlegs-result.png"), full_page=True)


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


def test_emergency_from_interview_answers(page: Any) -> None:
    page.goto("/interview")
    page.get_by_label("Age in years").fill("70")
    page.get_by_role("button", name="Start the questions").click()
    asked = _answer_until_result(page, lambda text: "Yes")
    assert "foot" in asked[0].lower()  # the pale or blue foot screening comes first
    page.wait_for_url("**/result")
    assert page.get_by_role("alert").is_visible()
    assert "emergency" in page.get_by_role("alert").inner_text().lower()


def test_interview_description_with_danger_sign_goes_straight_to_emergency(page: Any) -> None:
    page.goto("/interview")
    page.get_by_label("Describe what happens in your own words (optional)").fill(EMERGENCY_TEXT)
    page.get_by_role("button", name="Start the questions").click()
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
    _wait(page, "document.activeElement.id === 'question-text'")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.answer") == "yes"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus indicator
    page.keyboard.press("Enter")
    _wait(page, "document.querySelector('#progress-label').textContent.startsWith('Question 2')")
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
    _wait(
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
