"""Pages behind NIGHTLEGS_TOKEN: sign in once, then pages and their API calls work."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from nightlegs.web import auth
from nightlegs.web.app import create_app
from nightlegs.web.auth import SESSION_COOKIE
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


def _sign_in(client: TestClient) -> str:
    response = client.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert response.status_code == 303
    return str(response.cookies[SESSION_COOKIE])


def test_cookie_writes_still_need_csrf_for_forms(client: TestClient) -> None:
    _sign_in(client)
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
    assert client.get("/login").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_next_cannot_leave_the_site(client: TestClient) -> None:
    response = client.post(
        "/login", data={"token": TOKEN, "next": "//evil.example/x"}, follow_redirects=False
    )
    assert response.headers["location"] == "/"


def test_docs_are_behind_the_token(client: TestClient) -> None:
    for path in ("/docs", "/openapi.json"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
        bearer = client.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
        assert bearer.status_code == 200 and "/api/assess" in bearer.text
    _sign_in(client)
    assert client.get("/openapi.json").status_code == 200


def test_sessions_are_random_and_end_at_logout(client: TestClient) -> None:
    first, second = _sign_in(client), _sign_in(client)  # two browsers
    assert first != second and len(first) >= 40 and TOKEN not in first
    third = client.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert "max-age=43200" in third.headers["set-cookie"].lower()
    assert client.get("/api/nights").status_code == 200
    page = client.get("/diary")
    assert 'action="/logout"' in page.text
    token = page.text.split('name="csrf-token" content="')[1].split('"')[0]
    out = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    client.cookies.set(SESSION_COOKIE, third.cookies[SESSION_COOKIE])
    assert client.get("/api/nights").status_code == 401  # that session ended
    client.cookies.set(SESSION_COOKIE, first)
    assert client.get("/api/nights").status_code == 200  # another sign-in is untouched


def test_logout_needs_the_csrf_token(client: TestClient) -> None:
    _sign_in(client)
    evil = {"origin": "http://evil.example"}
    assert client.post("/logout", data={}, headers=evil).status_code == 403
    assert client.get("/api/nights").status_code == 200


def test_sessions_expire() -> None:
    app = create_app(Settings(database_url="sqlite://", token=TOKEN, session_seconds=60))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        session_id = _sign_in(client)
        assert app.state.sessions.valid(session_id)
        assert not app.state.sessions.valid(session_id, now=time.monotonic() + 61)


def test_wrong_guesses_are_slowed_per_client(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Time stands still, so that a slow machine refills no guess between the requests.
    monkeypatch.setattr(auth, "clock", lambda: 1000.0)
    codes = [
        client.post("/login", data={"token": f"guess-{n}"}, follow_redirects=False).status_code
        for n in range(30)
    ]
    assert codes.count(401) <= 11 and codes.count(429) >= 19
    refused = client.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    bearer = client.get("/api/nights", headers={"Authorization": f"Bearer {TOKEN}"})
    assert bearer.status_code == 429  # the right token is not even looked at


def test_bearer_clients_need_no_csrf_token(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Origin": "http://127.0.0.1:8000"}
    files = {"file": ("legs.csv", b"time,left,right\n0,1,2\n", "text/csv")}
    assert client.post("/api/recordings", files=files, headers=auth).status_code == 202
    form = client.post("/api/nights", data={"date": "2025-01-01"}, headers=auth)
    assert form.status_code != 403
