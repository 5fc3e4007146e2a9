"""Every JSON endpoint on SQLite and PostgreSQL: contents, 422 field messages, 400 and 404."""

from __future__ import annotations

from typing import Any

from _webtest import NIGHT
from fastapi import FastAPI
from fastapi.testclient import TestClient


def _locs(response: Any) -> set[tuple[Any, ...]]:
    assert response.status_code == 422, response.text
    return {tuple(e["loc"]) for e in response.json()["detail"]}


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok"}


def test_assess_returns_section_1_and_is_stored(client: TestClient, app: FastAPI) -> None:
    body = {"text": "my calves cramp every night", "age": 70, "sex": "female", "pregnant": None}
    assert client.post("/api/assess", json=body).status_code == 200
    assert app.state.store.latest_assessment() is None  # nothing is kept unless asked
    body["save"] = True
    response = client.post("/api/assess", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    for key in (
        "triage",
        "triage_reasons",
        "conditions",
        "findings",
        "specialist",
        "next_steps",
        "self_care",
        "disclaimer",
    ):
        assert key in result
    assert result["triage"] in ("emergency", "urgent", "doctor", "self_care")
    top = result["conditions"][0]
    assert {"id", "name", "probability", "evidence_for", "evidence_against"} <= set(top)
    stored = app.state.store.latest_assessment()
    assert stored.result["conditions"][0]["id"] == top["id"]
    assert stored.kb_version and stored.kb_version == result["kb_version"]
    assert stored.request["text"] == body["text"]


def test_assess_with_findings_only(client: TestClient) -> None:
    response = client.post(
        "/api/assess",
        json={"findings": {"sudden_onset": True, "pale_or_blue_foot": True, "severe_pain": True}},
    )
    assert response.status_code == 200, response.text
    assert response.json()["triage"] == "emergency"


def test_assess_invalid_body_names_fields(client: TestClient) -> None:
    response = client.post("/api/assess", json={"text": "cramps", "age": 700, "sex": "x", "y": 1})
    assert _locs(response) == {("body", "age"), ("body", "sex"), ("body", "y")}
    assert all(e["msg"] for e in response.json()["detail"])
    assert _locs(client.post("/api/assess", json={"findings": {"fever": "maybe"}})) == {
        ("body", "findings", "fever")
    }


def test_assess_unusable_input_is_400(client: TestClient) -> None:
    for body in ({}, {"text": "   "}, {"findings": {"no_such_finding": True}}):
        response = client.post("/api/assess", json=body)
        assert response.status_code == 400, body
        assert isinstance(response.json()["detail"], str)


def test_interview_runs_to_done(client: TestClient) -> None:
    body: dict[str, Any] = {"age": 45, "sex": "male", "pregnant": None, "evidence": []}
    for _ in range(40):
        response = client.post("/api/interview", json=body)
        assert response.status_code == 200, response.text
        step = response.json()
        assert step["triage"] in ("emergency", "urgent", "doctor", "self_care")
        assert step["conditions"] and {"id", "name", "probability"} <= set(step["conditions"][0])
        if step["done"]:
            assert step["question"] is None
            break
        question = step["question"]
        assert question["text"] and question["why"]
        answer = None if len(body["evidence"]) % 3 == 2 else False
        body["evidence"].append({"id": question["id"], "present": answer})
    else:
        raise AssertionError("the interview did not end")


def test_interview_emergency_stops(client: TestClient) -> None:
    evidence = [
        {"id": "sudden_onset", "present": True},
        {"id": "pale_or_blue_foot", "present": True},
        {"id": "cold_foot", "present": True},
        {"id": "leg_weakness", "present": None},
    ]
    step = client.post("/api/interview", json={"age": 60, "evidence": evidence}).json()
    assert step["triage"] == "emergency" and step["done"] and step["question"] is None
    assert step["actions"]


def test_interview_errors(client: TestClient) -> None:
    bad = client.post("/api/interview", json={"evidence": [{"id": "nope_x", "present": True}]})
    assert bad.status_code == 400
    assert _locs(client.post("/api/interview", json={"evidence": [{"id": "fever"}]})) == {
        ("body", "evidence", 0, "present")
    }
    assert client.post("/api/interview", json={"sex": "male", "pregnant": True}).status_code == 400


def test_conditions(client: TestClient) -> None:
    listed = client.get("/api/conditions").json()
    assert len(listed) > 20 and all(c["sources"] for c in listed)
    one = client.get(f"/api/conditions/{listed[0]['id']}").json()
    assert one["id"] == listed[0]["id"] and one["findings_for"] and one["sources"]
    assert {"kind", "ref", "locator"} <= set(one["sources"][0])
    missing = client.get("/api/conditions/not_a_condition")
    assert missing.status_code == 404 and "not_a_condition" in missing.json()["detail"]


def test_nights_crud(client: TestClient) -> None:
    created = client.post("/api/nights", json=NIGHT)
    assert created.status_code == 201, created.text
    night = created.json()
    assert night["id"] >= 1 and len(night["episodes"]) == 2
    assert night["episodes"][0]["helped"] == "stretching"
    assert client.get(f"/api/nights/{night['id']}").json() == night
    other = client.post("/api/nights", json={"date": "2025-02-01"}).json()
    dates = [n["date"] for n in client.get("/api/nights").json()]
    assert sorted(dates) == ["2025-02-01", "2025-03-01"]
    assert [n["id"] for n in client.get("/api/nights?since=2025-02-15").json()] == [night["id"]]
    changed = {**NIGHT, "sleep_quality": 8, "episodes": []}
    updated = client.put(f"/api/nights/{night['id']}", json=changed)
    assert updated.status_code == 200
    assert updated.json()["sleep_quality"] == 8 and updated.json()["episodes"] == []
    assert client.delete(f"/api/nights/{other['id']}").status_code == 204
    for method in ("get", "put", "delete"):
        kwargs = {"json": NIGHT} if method == "put" else {}
        response = client.request(method, f"/api/nights/{other['id']}", **kwargs)
        assert response.status_code == 404, method
        assert str(other["id"]) in response.json()["detail"]


def test_nights_invalid_bodies(client: TestClient) -> None:
    bad_episode = {**NIGHT, "episodes": [{**NIGHT["episodes"][0], "intensity": 11, "kind": "itch"}]}
    assert _locs(client.post("/api/nights", json=bad_episode)) == {
        ("body", "episodes", 0, "intensity"),
        ("body", "episodes", 0, "kind"),
    }
    assert _locs(client.post("/api/nights", json={"date": "yesterday"})) == {("body", "date")}
    assert _locs(client.get("/api/nights/0")) == {("path", "night_id")}
    assert _locs(client.get("/api/nights?limit=0")) == {("query", "limit")}
    assert client.get("/api/nights").json() == []


def test_profile(client: TestClient) -> None:
    assert client.get("/api/profile").json() is None
    profile = {
        "age": 52,
        "sex": "female",
        "pregnant": False,
        "medicines": ["atorvastatin"],
        "known_conditions": ["diabetes"],
    }
    saved = client.put("/api/profile", json=profile)
    assert saved.status_code == 200, saved.text
    got = client.get("/api/profile").json()
    assert got["medicines"] == ["atorvastatin"] and got["age"] == 52
    assert _locs(client.put("/api/profile", json={"age": -1})) == {("body", "age")}
