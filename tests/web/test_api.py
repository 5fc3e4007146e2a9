"""Every JSON endpoint on SQLite and PostgreSQL: contents, 422 field messages, 400 and 404."""

from __future__ import annotations

from typing import Any

import pytest
from _webtest import NIGHT
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nightlegs.intake import MAX_TEXT_CHARS


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
    assert stored.result.conditions[0].id == top["id"]
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


def _answer(question: dict[str, Any], chosen: set[str]) -> list[dict[str, Any]]:
    """The evidence items of an answer: one per option of a choice question."""
    if question["kind"] == "choice":
        return [{"id": o["id"], "present": o["id"] in chosen} for o in question["options"]]
    return [{"id": question["id"], "present": question["id"] in chosen}]


def test_interview_runs_to_done(client: TestClient) -> None:
    body: dict[str, Any] = {"age": 45, "sex": "male", "pregnant": None, "evidence": []}
    for turn in range(40):
        response = client.post("/api/interview", json=body)
        assert response.status_code == 200, response.text
        step = response.json()
        assert step["triage"] in ("emergency", "urgent", "doctor", "self_care")
        assert step["conditions"] and {"id", "name", "probability"} <= set(step["conditions"][0])
        assert step["understood"] is None and step["from_text"] is None  # no text was sent
        if step["done"]:
            assert step["question"] is None and step["stage"] == "done"
            assert step["remaining"] == 0
            break
        question = step["question"]
        assert question["text"] and question["why"]
        assert step["remaining"] >= 1 and step["asked"] == turn
        # remaining is the budget left, so questions never outrun it
        assert step["asked"] + step["remaining"] <= 15
        assert 1 <= step["expected_remaining"] <= step["remaining"]
        items = _answer(question, set())
        if turn % 3 == 2:  # "don't know"
            items = [{**item, "present": None} for item in items]
        body["evidence"] += items
    else:
        raise AssertionError("the interview did not end")


def test_interview_choice_question_round_trip(client: TestClient) -> None:
    first = client.post("/api/interview", json={"age": 40}).json()
    where = first["question"]
    assert where["id"] == "where" and where["kind"] == "choice" and where["multiple"] is True
    assert first["stage"] == "complaint" and first["asked"] == 0 and first["remaining"] >= 2
    assert {"id", "text"} <= set(where["options"][0])
    assert "site_calf" in {o["id"] for o in where["options"]}
    evidence = _answer(where, {"site_calf"})
    second = client.post("/api/interview", json={"age": 40, "evidence": evidence}).json()
    assert second["asked"] == 1  # one choice question, however many options
    sides = second["question"]
    assert sides["kind"] == "choice" and sides["multiple"] is False
    assert {o["id"] for o in sides["options"]} == {"unilateral", "bilateral"}
    # "Don't know" is every option null; it counts as a question and is not asked again.
    evidence += [{"id": o["id"], "present": None} for o in sides["options"]]
    third = client.post("/api/interview", json={"age": 40, "evidence": evidence}).json()
    assert third["asked"] == 2 and third["question"]["id"] not in ("where", "sides")


def test_interview_reads_a_description(client: TestClient) -> None:
    step = client.post("/api/interview", json={"age": 50, "text": "my calf cramps at night"}).json()
    assert step["understood"] is True
    assert {"site_calf", "muscle_cramp"} <= set(step["from_text"])
    assert step["asked"] == 0  # what the text said is not a question
    assert step["question"]["id"] != "where"  # it said where
    assert step["question"]["id"] != "feeling"  # and what it feels like
    # A client that does not send the text again sends its findings back with from_text.
    echoed = [{"id": fid, "present": True, "from_text": True} for fid in step["from_text"]]
    again = client.post("/api/interview", json={"age": 50, "evidence": echoed}).json()
    assert again["asked"] == 0 and again["question"]["id"] == step["question"]["id"]
    # The answers that follow count; the text findings still do not.
    evidence = _answer(step["question"], {"bilateral"})
    body = {"age": 50, "text": "my calf cramps at night", "evidence": evidence}
    assert client.post("/api/interview", json=body).json()["asked"] == 1
    # An evidence item overrides the text, and then counts as an answer.
    body = {"age": 50, "text": "my calf cramps at night"}
    body["evidence"] = [{"id": "muscle_cramp", "present": False}]
    overridden = client.post("/api/interview", json=body).json()
    assert overridden["asked"] == 1


def test_interview_population_from_the_text(client: TestClient) -> None:
    step = client.post(
        "/api/interview", json={"text": "my 7 year old son has leg pain at night"}
    ).json()
    assert "your child" in step["question"]["text"].lower()
    # The body wins over the text.
    adult = client.post(
        "/api/interview", json={"age": 40, "text": "my 7 year old son has leg pain at night"}
    ).json()
    assert "child" not in adult["question"]["text"].lower()


def test_interview_not_understood_text_still_asks(client: TestClient) -> None:
    step = client.post("/api/interview", json={"text": "je ne sais pas quoi dire"}).json()
    assert step["understood"] is False and step["from_text"] == []
    assert step["question"]["id"] == "where" and not step["done"]


def test_interview_emergency_from_answers(client: TestClient) -> None:
    body: dict[str, Any] = {"age": 72, "evidence": []}
    chosen = {"site_sole", "unilateral", "sudden_onset", "pale_or_blue_foot"}
    danger_answered_at = None
    for turn in range(20):
        step = client.post("/api/interview", json=body).json()
        if step["done"]:
            break
        question = step["question"]
        if "pale_or_blue_foot" in {o["id"] for o in question["options"]}:
            danger_answered_at = turn
        body["evidence"] += _answer(question, chosen)
    else:
        raise AssertionError("the interview did not end")
    assert step["triage"] == "emergency" and step["question"] is None
    assert step["stage"] == "done" and step["remaining"] == 0 and step["actions"]
    assert danger_answered_at is not None and turn - danger_answered_at <= 3


def test_interview_emergency_from_text_ends_at_once(client: TestClient) -> None:
    text = "Suddenly my left foot went cold, white and numb an hour ago."
    step = client.post("/api/interview", json={"age": 70, "text": text}).json()
    assert step["done"] and step["triage"] == "emergency" and step["question"] is None
    assert step["asked"] == 0 and "pale_or_blue_foot" in step["from_text"]


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
    unknown = client.post("/api/interview", json={"evidence": [{"id": "nope_x", "present": True}]})
    assert _locs(unknown) == {("body", "evidence", 0, "id")}
    assert "unknown finding id 'nope_x'" in unknown.json()["detail"][0]["msg"]
    assert _locs(client.post("/api/interview", json={"evidence": [{"id": "fever"}]})) == {
        ("body", "evidence", 0, "present")
    }
    assert _locs(client.post("/api/interview", json={"evidence": [{"id": "Fever!"}]})) >= {
        ("body", "evidence", 0, "id")
    }
    assert client.post("/api/interview", json={"sex": "male", "pregnant": True}).status_code == 400


def test_interview_bad_text_is_422(client: TestClient) -> None:
    too_long = client.post("/api/interview", json={"text": "my calf cramps " * 400})
    assert _locs(too_long) == {("body", "text")}
    assert "5000" in too_long.json()["detail"][0]["msg"]
    for text in ("   ", "\x00\x01\x02\x03" * 5, "12345 !!!"):
        response = client.post("/api/interview", json={"text": text})
        assert _locs(response) == {("body", "text")}, text
        assert response.json()["detail"][0]["msg"]
    assert _locs(client.post("/api/interview", json={"text": 42})) == {("body", "text")}


def test_non_finite_numbers_are_422_not_500(client: TestClient) -> None:
    headers = {"Content-Type": "application/json"}
    for path, content in (
        ("/api/interview", '{"age": NaN}'),
        ("/api/interview", '{"age": Infinity, "text": "my calf cramps"}'),
        ("/api/assess", '{"text": "my calf cramps", "age": NaN}'),
    ):
        response = client.post(path, content=content, headers=headers)
        assert _locs(response) == {("body", "age")}, content
        assert response.json()["detail"][0]["msg"] == "Input should be a finite number"


def test_interview_is_documented(app: FastAPI) -> None:
    operation = app.openapi()["paths"]["/api/interview"]["post"]
    assert "one item per option" in operation["description"]
    assert '"text"' in operation["description"]  # the example body
    schemas = app.openapi()["components"]["schemas"]
    assert schemas["InterviewIn"]["properties"]["text"]["description"]
    assert schemas["InterviewIn"]["examples"][0]["evidence"]
    assert set(schemas["QuestionOut"]["properties"]) >= {"kind", "options", "multiple"}
    assert set(schemas["InterviewOut"]["properties"]) >= {
        "remaining",
        "expected_remaining",
        "stage",
        "understood",
        "from_text",
    }


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


def _description(length: int) -> str:
    words = "my calves cramp every night and the muscle goes hard. "
    return (words * (length // len(words) + 1))[:length]


@pytest.mark.parametrize("path", ["/api/assess", "/api/interview"])
def test_the_text_limit_is_the_librarys(client: TestClient, path: str) -> None:
    at_limit = client.post(path, json={"text": _description(MAX_TEXT_CHARS)})
    assert at_limit.status_code == 200, at_limit.text
    over = client.post(path, json={"text": _description(MAX_TEXT_CHARS + 1)})
    assert _locs(over) == {("body", "text")}
    assert str(MAX_TEXT_CHARS) in over.json()["detail"][0]["msg"]


def test_the_documented_response_is_the_result_model(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assess = schemas["AssessmentOut"]
    assert list(assess["properties"])[:3] == ["headline", "triage", "triage_reasons"]
    assert {"danger_signs", "assessment_id", "instruments", "claims"} <= set(assess["properties"])


def test_a_saved_row_of_an_older_release_opens_in_todays_shape(
    client: TestClient, app: FastAPI
) -> None:
    old = {
        "headline": "Book an appointment.",
        "triage": "doctor",
        "conditions": [{"id": "nocturnal_leg_cramps", "probability": 0.6, "evidence_for": []}],
        "findings": [{"id": "site_calf", "present": True}],
    }
    saved = app.state.store.add_assessment({"text": "cramps"}, old, "0.1")
    detail = client.get(f"/api/assessments/{saved.id}").json()
    assert detail["conditions"] == ["nocturnal_leg_cramps"]
    result = detail["result"]
    assert result["conditions"][0]["name"] == "nocturnal_leg_cramps"
    assert result["findings"][0]["label"] == "site_calf"
    assert result["danger_signs"] == {"call_emergency_now_if": [], "see_a_doctor_today_if": []}
