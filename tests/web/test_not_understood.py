"""A description the tool cannot read: the API and the page say so and lead with danger signs."""

from __future__ import annotations

from _webtest import token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

GERMAN = "Mein Bein tut nachts weh und ich kann nicht gut schlafen."


def test_api_reports_understood_and_language(client: TestClient) -> None:
    data = client.post("/api/assess", json={"text": GERMAN}).json()
    assert data["understood"] is False
    assert data["language"] == "de"
    assert data["conditions"] == []
    assert data["triage"] in ("doctor", "urgent", "emergency")
    assert data["danger_signs"]["call_emergency_now_if"]
    english = client.post("/api/assess", json={"text": "my calves cramp at night"}).json()
    assert english["understood"] is True and english["language"] == "en"


def test_api_escalates_a_foreign_danger_sign(client: TestClient) -> None:
    text = "De repente el pie se puso frío y pálido, no siento los dedos."
    data = client.post("/api/assess", json={"text": text}).json()
    assert data["understood"] is False and data["language"] == "es"
    assert data["triage"] == "emergency"


def test_result_page_leads_with_what_it_could_not_read(client: TestClient, app: FastAPI) -> None:
    page = client.post("/result", data={"text": GERMAN, "csrf_token": token_of(app)})
    assert page.status_code == 200
    html = page.text
    assert "could not understand this description" in html
    assert "Call 999 / 112 / 911 now if any of these is true" in html
    assert "Possible causes" not in html
    # The notice and the danger signs come before the triage section.
    assert html.index("could not understand") < html.index("h-danger") < html.index("h-triage")


def test_result_page_shows_what_to_think_of(client: TestClient, app: FastAPI) -> None:
    text = "my left leg went weak this morning and my face is drooping on one side"
    page = client.post("/result", data={"text": text, "csrf_token": token_of(app)})
    assert "Think of:" in page.text and "stroke" in page.text
