"""People: their routes, ``?person=`` on every diary route, and one person's data never
showing under another's (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _webtest import NIGHT, token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

LILY = {"name": "Lily", "birth_year": 2016, "sex": "female", "known_conditions": ["growth_spurt"]}
CRAMPS = {"text": "my calves cramp every night", "age": 70, "sex": "female"}


def _detail(response: Any, status: int) -> Any:
    assert response.status_code == status, response.text
    return response.json()["detail"]


def _person(client: TestClient, **fields: Any) -> int:
    response = client.post("/api/people", json={**LILY, **fields})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_a_new_diary_has_one_person(client: TestClient) -> None:
    [me] = client.get("/api/people").json()
    assert me["name"] == "Me" and me["profile_saved"] is False
    assert client.get(f"/api/people/{me['id']}").json() == me


def test_create_read_change_people(client: TestClient) -> None:
    lily = client.post("/api/people", json=LILY).json()
    assert (lily["name"], lily["birth_year"], lily["known_conditions"]) == (
        "Lily",
        2016,
        ["growth_spurt"],
    )
    changed = {"name": "Lily B", "sex": "female", "pregnant": True, "due_date": None}
    put = client.put(f"/api/people/{lily['id']}", json=changed)
    assert put.status_code == 200, put.text
    assert put.json()["name"] == "Lily B" and put.json()["birth_year"] is None
    assert [p["name"] for p in client.get("/api/people").json()] == ["Me", "Lily B"]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"name": "x", "medicines": ["aspirin"]}, "medicines", "unknown finding id 'aspirin'"),
        ({"name": "x", "medicines": ["diabetes"]}, "medicines", "medicine finding ids"),
        ({"name": "x", "known_conditions": ["nope"]}, "known_conditions", "'nope'"),
        ({"name": ""}, "name", "at least 1 character"),
        ({"name": "x", "birth_year": 2999}, "birth_year", "2100"),
        ({"name": "x", "sex": "male", "pregnant": True}, None, "pregnant: expected false"),
        ({"name": "x", "due_date": "2030-01-01"}, None, "due_date: a due date needs pregnant"),
        ({"name": "x", "age": 40, "birth_year": 1985}, None, "age: give a birth year or an age"),
        ({"name": "x", "shoe_size": 42}, "shoe_size", "Extra inputs"),
    ],
)
def test_bad_person_bodies_are_422_naming_the_field(
    client: TestClient, body: dict[str, Any], field: str | None, words: str
) -> None:
    [error] = _detail(client.post("/api/people", json=body), 422)
    assert words in error["msg"]
    if field is not None:
        assert error["loc"][:2] == ["body", field]


def test_unknown_person_is_404_everywhere(client: TestClient) -> None:
    missing = 999
    for method, path in [
        ("GET", f"/api/people/{missing}"),
        ("PUT", f"/api/people/{missing}"),
        ("DELETE", f"/api/people/{missing}?confirm=true"),
        ("GET", f"/api/nights?person={missing}"),
        ("POST", f"/api/nights?person={missing}"),
        ("GET", f"/api/profile?person={missing}"),
        ("GET", f"/api/recordings?person={missing}"),
        ("GET", f"/api/assessments?person={missing}"),
        ("GET", f"/api/report?person={missing}"),
        ("GET", f"/api/export/fhir?person={missing}"),
        ("GET", f"/api/export/csv?person={missing}"),
        ("GET", f"/api/export/json?person={missing}"),
    ]:
        body = NIGHT if path.startswith("/api/nights") else {"name": "x"}
        response = client.request(method, path, json=body if method in ("POST", "PUT") else None)
        assert response.status_code == 404, (method, path, response.text)
        assert f"person {missing} not found" in response.json()["detail"]
    response = client.post("/api/assess", json={**CRAMPS, "save": True, "person": missing})
    assert "person 999 not found" in _detail(response, 404)


def test_delete_needs_confirm_and_removes_the_data(client: TestClient) -> None:
    lily = _person(client)
    client.post(f"/api/nights?person={lily}", json=NIGHT)
    client.post("/api/assess", json={**CRAMPS, "save": True, "person": lily})
    [error] = _detail(client.delete(f"/api/people/{lily}"), 422)
    assert error["loc"] == ["query", "confirm"] and "confirm=true" in error["msg"]
    assert len(client.get(f"/api/nights?person={lily}").json()) == 1  # nothing deleted yet
    assert client.delete(f"/api/people/{lily}?confirm=true").status_code == 204
    assert client.get(f"/api/people/{lily}").status_code == 404
    assert [p["name"] for p in client.get("/api/people").json()] == ["Me"]


def test_the_last_person_cannot_be_deleted(client: TestClient) -> None:
    [me] = client.get("/api/people").json()
    detail = _detail(client.delete(f"/api/people/{me['id']}?confirm=true"), 400)
    assert "only person" in detail


def test_one_persons_data_never_shows_under_another(client: TestClient) -> None:
    lily = _person(client)
    night = client.post(f"/api/nights?person={lily}", json=NIGHT).json()
    saved = client.post("/api/assess", json={**CRAMPS, "save": True, "person": lily}).json()
    assert night["person_id"] == lily
    # The default person (no ?person=) sees none of it, by list or by id.
    assert client.get("/api/nights").json() == []
    assert client.get(f"/api/nights/{night['id']}").status_code == 404
    assert client.put(f"/api/nights/{night['id']}", json=NIGHT).status_code == 404
    assert client.delete(f"/api/nights/{night['id']}").status_code == 404
    assert client.get("/api/assessments").json() == []
    assert client.get(f"/api/assessments/{saved['assessment_id']}").status_code == 404
    assert client.delete(f"/api/assessments/{saved['assessment_id']}").status_code == 404
    assert json.loads(client.get("/api/export/json").text)["nights"] == []
    assert client.get("/api/export/csv").text.count("\n") == 1  # the header only
    # Lily sees her own.
    assert [n["id"] for n in client.get(f"/api/nights?person={lily}").json()] == [night["id"]]
    assert client.get(f"/api/nights/{night['id']}?person={lily}").status_code == 200


def test_saved_assessments_list_open_delete(client: TestClient) -> None:
    lily = _person(client)
    unsaved = client.post("/api/assess", json=CRAMPS).json()
    assert "assessment_id" not in unsaved or unsaved["assessment_id"] is None
    assert client.get(f"/api/assessments?person={lily}").json() == []
    first = client.post("/api/assess", json={**CRAMPS, "save": True, "person": lily}).json()
    second = client.post("/api/assess", json={**CRAMPS, "save": True, "person": lily}).json()
    listed = client.get(f"/api/assessments?person={lily}").json()
    assert [a["id"] for a in listed] == [second["assessment_id"], first["assessment_id"]]
    brief = listed[0]
    assert set(brief) == {"id", "person_id", "created_at", "triage", "conditions"}
    assert brief["triage"] == second["triage"]
    assert brief["conditions"] == [c["id"] for c in second["conditions"][:3]]
    opened = client.get(f"/api/assessments/{brief['id']}?person={lily}").json()
    assert opened["result"]["headline"] == second["headline"]
    assert "save" not in opened["request"] and opened["request"]["text"] == CRAMPS["text"]
    gone = client.delete(f"/api/assessments/{brief['id']}?person={lily}")
    assert gone.status_code == 204
    left = client.get(f"/api/assessments?person={lily}").json()
    assert [a["id"] for a in left] == [first["assessment_id"]]


def test_import_and_report_act_on_the_chosen_person(client: TestClient) -> None:
    lily = _person(client)
    client.post("/api/nights", json=NIGHT)  # the default person's night
    exported = client.get("/api/export/json").json()
    response = client.post(f"/api/import?person={lily}", json=exported)
    assert response.json() == {"imported": 1}
    assert len(client.get("/api/nights").json()) == 1  # the default person kept theirs
    assert len(client.get(f"/api/nights?person={lily}").json()) == 1
    report = client.get(f"/api/report?person={lily}&days=0")
    assert report.status_code == 200 and "Lily: profile" in report.text
    assert "every night in the diary" in report.text
    bundle = client.get(f"/api/export/fhir?person={lily}").json()
    [patient] = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    ]
    assert patient["identifier"][0]["value"] == str(lily) and patient["birthDate"] == "2016"


def test_result_page_saves_only_when_asked(client: TestClient, app: FastAPI) -> None:
    lily = _person(client)
    form = {"text": CRAMPS["text"], "age": "70", "csrf_token": token_of(app)}
    page = client.post("/result", data=form)
    assert page.status_code == 200 and "Save to Me's diary" in page.text
    assert "Save to Lily's diary" in page.text
    assert app.state.store.latest_assessment() is None  # nothing kept by showing a result
    saved = client.post("/result/save", data={**form, "person": str(lily)})
    assert saved.status_code == 200 and "Saved to Lily's diary" in saved.text
    assert app.state.store.latest_assessment() is None  # not the default person's
    [record] = app.state.store.list_assessments(person=lily)
    assert record.request["text"] == CRAMPS["text"] and record.request["age"] == 70
    assert client.post("/result/save", data={**form, "person": "999"}).status_code == 404


def test_fhir_export_has_one_patient_per_person_and_validates(client: TestClient) -> None:
    from fhir.resources.R4B.bundle import Bundle

    [me] = client.get("/api/people").json()
    people = {"Me": me["id"], "Lily": _person(client)}
    for person in people.values():
        assert client.post(f"/api/nights?person={person}", json=NIGHT).status_code == 201
        saved = client.post("/api/assess", json={**CRAMPS, "save": True, "person": person})
        assert saved.status_code == 200, saved.text
    patients = {}
    for name, person in people.items():
        bundle = client.get(f"/api/export/fhir?person={person}").json()
        Bundle.model_validate(bundle)  # raises when any resource is not valid R4B
        [patient] = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
        assert patient["resource"]["identifier"][0]["value"] == str(person), name
        subjects = {
            e["resource"]["subject"]["reference"]
            for e in bundle["entry"]
            if "subject" in e["resource"]
        }
        assert subjects == {patient["fullUrl"]}, name  # everything is about this person only
        patients[name] = patient["fullUrl"]
    assert patients["Me"] != patients["Lily"]
