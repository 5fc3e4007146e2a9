"""Form errors in plain words, next to their field, with what was typed kept."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from _webtest import NIGHT, token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape

from nightlegs.web.messages import label, plain_input_error, plain_message

_TEXT = "My calves cramp at night & it hurts <a lot>"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            {"type": "less_than_equal", "loc": ("body", "sleep_quality"), "ctx": {"le": 10}},
            "Sleep quality must be between 0 and 10",
        ),
        (
            {"type": "greater_than_equal", "loc": ("body", "birth_year"), "ctx": {"ge": 1900}},
            "Birth year must be between 1900 and 2100",
        ),
        (
            {"type": "less_than_equal", "loc": ("body", "episodes", 0, "intensity")},
            "Intensity must be between 0 and 10",
        ),
        (
            {"type": "greater_than_equal", "loc": ("body", "movements_per_hour"), "ctx": {"ge": 0}},
            "Leg movements per hour must be between 0 and 1000",
        ),
        ({"type": "missing", "loc": ("body", "date")}, "Date of the night is needed"),
        (
            {"type": "int_parsing", "loc": ("body", "sleep_quality")},
            "Sleep quality must be a whole number",
        ),
        (
            {"type": "date_from_datetime_parsing", "loc": ("body", "date")},
            "Date of the night must be a date (year-month-day)",
        ),
        (
            {
                "type": "literal_error",
                "loc": ("body", "sex"),
                "ctx": {"expected": "'female' or 'male'"},
            },
            "Sex must be one of: female or male",
        ),
        (
            {"type": "value_error", "loc": ("body",), "msg": "Value error, wake time is missing"},
            "Wake time is missing",
        ),
    ],
)
def test_validation_errors_in_plain_words(error: dict[str, Any], expected: str) -> None:
    assert plain_message(error) == expected


def test_library_errors_in_plain_words_without_the_input() -> None:
    assert plain_input_error("pregnant: a pregnancy was given together with sex 'male'") == (
        "pregnant",
        "Pregnant cannot be 'yes' when the sex is 'male': change one of the two",
    )
    field, message = plain_input_error("sex: expected 'female' or 'male', got 'secret words'")
    assert field == "sex" and "secret words" not in message
    assert plain_input_error("something odd happened")[0] is None
    assert label("wake_time") == "Wake time"


def test_api_validation_errors_name_the_field_in_plain_words(client: TestClient) -> None:
    night = {**NIGHT, "sleep_quality": 11}
    night["episodes"] = [{**NIGHT["episodes"][0], "intensity": 12}]
    response = client.post("/api/nights", json=night)
    assert response.status_code == 422
    messages = {tuple(e["loc"]): e["message"] for e in response.json()["detail"]}
    assert messages[("body", "sleep_quality")] == "Sleep quality must be between 0 and 10"
    assert messages[("body", "episodes", 0, "intensity")] == "Intensity must be between 0 and 10"
    person = client.post("/api/people", json={"name": "Ada", "birth_year": 1800})
    assert person.status_code == 422
    assert person.json()["detail"][0]["message"] == "Birth year must be between 1900 and 2100"


def test_api_input_errors_carry_the_field(client: TestClient) -> None:
    body = {"text": "cramps", "sex": "male", "pregnant": True}
    response = client.post("/api/assess", json=body)
    assert response.status_code == 400
    assert response.json()["field"] == "pregnant"
    assert response.json()["message"].startswith("Pregnant cannot be 'yes'")


def _form(app: FastAPI, **fields: str) -> dict[str, str]:
    return {"csrf_token": token_of(app), **fields}


def test_male_and_pregnant_keeps_the_description(client: TestClient, app: FastAPI) -> None:
    form = _form(app, text=_TEXT, age="34", sex="male", pregnant="yes")
    page = client.post("/result", data=form)
    assert page.status_code == 400
    text = page.text
    assert f">{escape(_TEXT)}</textarea>" in text
    assert re.search(r'<option value="male" selected>', text)
    assert re.search(r'<option value="yes" selected>Yes', text)
    assert 'value="34"' in text
    error = re.search(r'<p class="field-error error" id="pregnant-error">([^<]*)</p>', text)
    assert error is not None
    assert html.unescape(error.group(1)).startswith("Pregnant cannot be 'yes'")
    assert 'id="pregnant" name="pregnant" aria-invalid="true"' in text


def test_a_bad_age_is_marked_on_the_age(client: TestClient, app: FastAPI) -> None:
    page = client.post("/result", data=_form(app, text="cramps", age="old"))
    assert page.status_code == 400
    assert "Age must be a number of years from 0 to 120" in page.text
    assert 'id="age-error"' in page.text and ">cramps</textarea>" in page.text


def test_the_interview_answers_survive_a_population_error(client: TestClient, app: FastAPI) -> None:
    form = _form(app, sex="male", pregnant="yes", findings='{"leg_cramp": true}')
    page = client.post("/result", data=form).text
    assert 'name="findings" value="{&#34;leg_cramp&#34;: true}"' in page
