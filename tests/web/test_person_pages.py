"""The pages on a chosen person: ``?person=`` and the ``nightlegs_person`` cookie."""

from __future__ import annotations

import re

from _webtest import NIGHT, token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nightlegs.web.pages import PERSON_COOKIE


def _person(client: TestClient, name: str) -> int:
    response = client.post("/api/people", json={"name": name})
    assert response.status_code == 201
    person: int = response.json()["id"]
    return person


def test_one_person_shows_no_chooser(client: TestClient) -> None:
    page = client.get("/diary")
    assert page.status_code == 200
    assert "<h1>Diary of Me</h1>" in page.text
    assert 'id="person-choice"' not in page.text
    assert PERSON_COOKIE not in page.headers.get("set-cookie", "")


def test_person_query_is_shown_and_remembered(client: TestClient) -> None:
    lily = _person(client, "Lily")
    for path in ("/diary", "/trends", "/upload", "/report"):
        page = client.get(f"{path}?person={lily}")
        assert page.status_code == 200, path
        assert f'data-person="{lily}"' in page.text, path
        assert re.search(rf'<option value="{lily}" selected>Lily</option>', page.text), path
        assert f"{PERSON_COOKIE}={lily}" in page.headers["set-cookie"], path
    # the cookie (kept by the client) chooses Lily without a query
    assert "<h1>Diary of Lily</h1>" in client.get("/diary").text


def test_unknown_or_bad_cookie_falls_back_to_the_default_person(client: TestClient) -> None:
    _person(client, "Lily")
    for value in ("999", "x", ""):
        client.cookies.set(PERSON_COOKIE, value)
        assert "<h1>Diary of Me</h1>" in client.get("/diary").text
    assert client.get("/diary?person=0").status_code == 422
    page = client.get("/diary?person=999")
    assert "<h1>Diary of Me</h1>" in page.text and "set-cookie" not in page.headers


def test_trends_draws_only_the_chosen_persons_nights(client: TestClient) -> None:
    lily = _person(client, "Lily")
    assert client.post(f"/api/nights?person={lily}", json=NIGHT).status_code == 201
    assert 'class="chart"' in client.get(f"/trends?person={lily}").text
    assert 'class="chart"' not in client.get("/trends?person=1").text


def test_report_page_links_carry_person_and_period(client: TestClient) -> None:
    lily = _person(client, "Lily")
    page = client.get(f"/report?person={lily}&days=90")
    assert f"/api/report?format=html&amp;person={lily}&amp;days=90" in page.text
    assert f"/api/report?format=pdf&amp;person={lily}&amp;days=90" in page.text
    assert f"/api/export/csv?person={lily}" in page.text
    assert '<option value="90" selected>' in page.text
    assert client.get("/report?days=-1").status_code == 422


def test_result_page_offers_the_chosen_person_first(client: TestClient, app: FastAPI) -> None:
    lily = _person(client, "Lily")
    client.cookies.set(PERSON_COOKIE, str(lily))
    form = {"text": "cramp in my calf at night", "csrf_token": token_of(app)}
    page = client.post("/result", data=form).text
    first = re.search(r'<button type="submit" name="person" value="(\d+)"', page)
    assert first is not None and first.group(1) == str(lily)
    assert page.index("Save to Lily's diary") < page.index("Save to Me's diary")


def test_headings_name_the_person_when_there_are_several(client: TestClient) -> None:
    alone = client.get("/diary").text
    assert '<h2 id="h-nights">Your nights</h2>' in alone
    assert (
        '<h2 id="h-recordings-earlier">Your earlier recordings</h2>' in client.get("/upload").text
    )
    assert "Night by night from your diary." in client.get("/trends").text
    ada = _person(client, "Ada")
    diary = client.get(f"/diary?person={ada}").text
    assert '<h2 id="h-nights">Ada&#39;s nights</h2>' in diary
    assert "Add a night to Ada's diary" in diary
    upload = client.get(f"/upload?person={ada}").text
    assert "<h1>Upload a recording for Ada</h1>" in upload
    assert '<h2 id="h-recordings-earlier">Ada&#39;s earlier recordings</h2>' in upload
    assert "Night by night from Ada&#39;s diary." in client.get(f"/trends?person={ada}").text


CRAMPS = "My calves cramp at night, the muscle goes hard and stretching helps."


def test_saved_results_are_listed_opened_and_deleted_on_the_diary(
    client: TestClient, app: FastAPI
) -> None:
    lily = _person(client, "Lily")
    token = token_of(app)
    assert 'id="saved-empty"' in client.get(f"/diary?person={lily}").text
    form = {"text": CRAMPS, "age": "40", "csrf_token": token, "person": str(lily)}
    saved = client.post("/result/save", data=form)
    assert "Saved to Lily's diary on " in saved.text
    assert f'href="/diary?person={lily}#h-saved"' in saved.text
    [record] = app.state.store.list_assessments(person=lily)
    diary = client.get(f"/diary?person={lily}").text
    row = re.search(rf'<tr id="assessment-{record.id}">.*?</tr>', diary, re.S)
    assert row is not None
    top = record.result.conditions[0].name
    assert top in row.group() and "Open the result saved on" in row.group()
    assert 'id="saved-table"' not in client.get("/diary?person=1").text  # not Me's
    opened = client.get(f"/assessments/{record.id}?person={lily}")
    assert opened.status_code == 200 and top in opened.text
    assert "Save to" not in opened.text  # already kept
    assert client.get(f"/assessments/{record.id}?person=1").status_code == 404
    # Deleting needs the token and the owner; then the diary and the report lose it.
    gone = {"csrf_token": token, "person": str(lily)}
    assert client.post(f"/assessments/{record.id}/delete", data={"person": "1"}).status_code == 403
    wrong = client.post(f"/assessments/{record.id}/delete", data={**gone, "person": "1"})
    assert wrong.status_code == 404
    assert top in client.get(f"/api/report?person={lily}").text
    deleted = client.post(f"/assessments/{record.id}/delete", data=gone, follow_redirects=False)
    assert deleted.status_code == 303
    assert deleted.headers["location"] == f"/diary?person={lily}#h-saved"
    assert app.state.store.list_assessments(person=lily) == []
    assert 'id="saved-empty"' in client.get(f"/diary?person={lily}").text
    report = client.get(f"/api/report?person={lily}").text
    assert "No saved assessment" in report and top not in report
