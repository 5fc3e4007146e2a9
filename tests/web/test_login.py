"""Pages behind NIGHTLEGS_TOKEN: sign in once, then pages and their API calls work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from nightlegs.web.app import create_app
from nightlegs.web.login import SESSION_COOKIE, session_value
from nightlegs.web.settings import Settings

TOKEN = "s3cret-token-for-tests"


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = create_app(Settings(database_url="sqlite://", token=TOKEN))
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def test_pages_redirect_to_sign_in(client: TestClient) -> None:
    response = client.get("/diary", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/diary"
    assert client.get("/login").status_code == 200
    assert client.post("/result", data={"text": "cramps"}).status_code == 401


def test_wrong_token_is_refused(client: TestClient) -> None:
    response = client.post("/login", data={"token": "nope", "next": "/"}, follow_redirects=False)
    assert response.status_code == 401
    assert SESSION_COOKIE not in response.cookies


def test_sign_in_then_pages_and_api_work(client: TestClient) -> None:
    response = client.post(
        "/login", data={"token": TOKEN, "next": "/diary"}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/diary"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/diary").status_code == 200
    night = {"date": "2025-05-01", "sleep_quality": 6}
    assert client.post("/api/nights", json=night).status_code == 201
    assert client.get("/api/nights").json()[0]["sleep_quality"] == 6


def test_cookie_writes_still_need_csrf_for_forms(client: TestClient) -> None:
    client.cookies.set(SESSION_COOKIE, session_value(TOKEN))
    response = client.post(
        "/api/nights",
        content="date=2025-05-01",
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "origin": "http://evil.example",
        },
    )
    assert response.status_code == 403


def test_bearer_still_works_and_open_paths_stay_open(client: TestClient) -> None:
    assert client.get("/api/nights").status_code == 401
    ok = client.get("/api/nights", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    assert client.get("/openapi.json").status_code == 200


def test_next_cannot_leave_the_site(client: TestClient) -> None:
    response = client.post(
        "/login", data={"token": TOKEN, "next": "//evil.example/x"}, follow_redirects=False
    )
    assert response.headers["location"] == "/"
