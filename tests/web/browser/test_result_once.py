"""In Chromium: the emergency result says the call step once with no repeated heading; the
self-care and report pages as a person and a GP see them (screenshots kept in docs/img/ when
NIGHTLEGS_SCREENSHOTS=docs/img)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("NIGHTLEGS_SCREENSHOTS", "/tmp"))
EMERGENCY = (
    "Suddenly my left foot went cold, white and numb an hour ago. I have atrial fibrillation."
)
SELF_CARE = (
    "My calves cramp every night, the muscle goes rock hard and standing on the floor stops it."
)


def _result(page: Any, text: str, age: str) -> None:
    page.goto("/")
    page.get_by_label("What happens to your legs at night?").fill(text)
    page.get_by_label("Age in years").fill(age)
    page.get_by_role("button", name="See the result").click()
    page.wait_for_url("**/result")


def _headings(page: Any) -> list[str]:
    texts: list[str] = page.locator("h1, h2, h3, h4").all_inner_texts()
    # each cause card has its own "Evidence for" / "Evidence against"
    return [t for t in texts if not t.startswith("Evidence ")]


def test_emergency_shows_the_call_step_once(page: Any) -> None:
    _result(page, EMERGENCY, "72")
    body = page.locator("body").inner_text()
    assert body.count("Call 999") == 1, body
    assert page.get_by_role("alert").locator("#action-now").inner_text().startswith("Call 999")
    repeated = [h for h, n in Counter(_headings(page)).items() if n > 1]
    assert repeated == []
    assert body.count("Danger sign:") == 1
    assert page.locator("#h-ask").count() == 0 and "Tests to ask about" not in body
    page.screenshot(path=str(SHOTS / "result-emergency.png"), full_page=False)


def test_self_care_result_in_order(page: Any) -> None:
    _result(page, SELF_CARE, "45")
    ids = ["h-triage", "h-why", "h-who", "h-ask", "h-self"]
    tops = [page.locator(f"#{i}").bounding_box()["y"] for i in ids]
    assert tops == sorted(tops)
    assert page.get_by_role("alert").count() == 0
    assert [h for h, n in Counter(_headings(page)).items() if n > 1] == []
    page.screenshot(path=str(SHOTS / "result-self-care.png"), full_page=True)


def test_report_for_the_gp(page: Any) -> None:
    person = page.request.post(
        "/api/people",
        data={"name": "Grace", "age": 58, "sex": "female", "known_conditions": ["diabetes"]},
        headers={"X-CSRF-Token": _csrf(page)},
    )
    assert person.ok, person.text()
    who = person.json()["id"]
    for day, moves in (("2025-03-10", 32.0), ("2025-03-11", 41.5)):
        night = {"date": day, "sleep_quality": 4, "movements_per_hour": moves}
        response = page.request.post(
            f"/api/nights?person={who}", data=night, headers={"X-CSRF-Token": _csrf(page)}
        )
        assert response.ok, response.text()
    page.goto(f"/api/report?format=html&person={who}&days=0")
    text = page.locator("body").inner_text()
    assert "Grace: profile" in text and "For the clinician" in text
    assert "on 2 nights" in text and "consumer health article" in text
    assert "ICSD-3/AASM" in text
    page.set_viewport_size({"width": 900, "height": 1200})
    page.screenshot(path=str(SHOTS / "report-gp.png"), full_page=True)


def _csrf(page: Any) -> str:
    if page.url in ("", "about:blank"):
        page.goto("/report")
    token: str = page.locator('meta[name="csrf-token"]').get_attribute("content")
    return token
