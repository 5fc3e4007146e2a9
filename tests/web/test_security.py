"""Bearer token, CSRF policy, security headers, offline docs, and ``serve``'s address check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _webtest import LOCAL, NIGHT, token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nightlegs.cli.serve import is_loopback
from nightlegs.web import Settings, create_app

TOKEN = "s3cret-token-for-tests"


@pytest.fixture
def sqlite_app(tmp_path: Path) -> FastAPI:
    return create_app(Settings(database_url=f"sqlite:///{tmp_path / 'diary.db'}"))


@pytest.fixture
def local(sqlite_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(sqlite_app, base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'd.db'}", token=TOKEN))
    with TestClient(app, base_url=LOCAL) as client:
        yield client


def test_token_required_on_every_api_call(guarded: TestClient) -> None:
    for method, path in [
        ("get", "/api/health"),
        ("get", "/api/nights"),
        ("post", "/api/nights"),
        ("get", "/api/export/csv"),
    ]:
        missing = guarded.request(method, path, json=NIGHT)
        assert missing.status_code == 401, path
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = guarded.request(
            method, path, json=NIGHT, headers={"Authorization": f"Bearer {TOKEN}x"}
        )
        assert wrong.status_code == 401, path
        basic = guarded.request(method, path, json=NIGHT, headers={"Authorization": TOKEN})
        assert basic.status_code == 401, path
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert guarded.get("/api/health", headers=auth).status_code == 200
    assert guarded.post("/api/nights", json=NIGHT, headers=auth).status_code == 201
    assert len(guarded.get("/api/nights", headers=auth).json()) == 1
    docs = guarded.get("/openapi.json", follow_redirects=False)
    assert docs.status_code == 303  # to /login: the docs need the token too


def test_no_token_configured_means_open(local: TestClient) -> None:
    assert local.get("/api/health").status_code == 200


def test_csrf_policy(local: TestClient, sqlite_app: FastAPI) -> None:
    own = "http://127.0.0.1:8000"
    # JSON from the app's own pages (or a script without Origin) is accepted.
    assert local.post("/api/nights", json=NIGHT).status_code == 201
    assert local.post("/api/nights", json=NIGHT, headers={"Origin": own}).status_code == 201
    # A cross-site form post is refused, with or without an Origin header.
    form = {"date": "2025-03-01"}
    evil = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    assert local.post("/api/nights", data=form, headers=evil).status_code == 403
    assert local.post("/api/nights", data=form).status_code == 403
    plain = {"Content-Type": "text/plain"}
    assert local.post("/api/nights", content=b"{}", headers=plain).status_code == 403
    # JSON from another origin (it would need CORS, which the app never grants) is refused.
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
    ):
        assert local.post("/api/nights", json=NIGHT, headers=headers).status_code == 403
        night_id = local.get("/api/nights").json()[0]["id"]
        assert local.delete(f"/api/nights/{night_id}", headers=headers).status_code == 403
    # With the token, even a form post or a cross-origin request goes through.
    token = {"X-CSRF-Token": token_of(sqlite_app)}
    assert local.post("/api/nights", json=NIGHT, headers={**evil, **token}).status_code == 201
    assert (
        local.post("/api/nights", json=NIGHT, headers={"X-CSRF-Token": "nope", **evil}).status_code
        == 403
    )
    # Safe methods are never checked; body-less deletes from the app itself are fine.
    assert local.get("/api/nights", headers=evil).status_code == 200
    night_id = local.get("/api/nights").json()[0]["id"]
    assert local.delete(f"/api/nights/{night_id}").status_code == 204


def test_page_form_needs_token(local: TestClient, sqlite_app: FastAPI) -> None:
    form = {"text": "my calves cramp every night"}
    assert local.post("/result", data=form).status_code == 403
    ok = local.post("/result", data={**form, "csrf_token": token_of(sqlite_app)})
    assert ok.status_code == 200


def test_csrf_token_is_in_the_page(local: TestClient, sqlite_app: FastAPI) -> None:
    page = local.get("/")
    assert page.status_code == 200
    assert f'<meta name="csrf-token" content="{token_of(sqlite_app)}">' in page.text


def test_security_headers(local: TestClient) -> None:
    for path in ("/", "/api/health", "/api/nights/999"):
        headers = local.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_docs_work_offline(local: TestClient) -> None:
    docs = local.get("/docs")
    assert docs.status_code == 200
    assert "<script" not in docs.text and "https://" not in docs.text
    for path in (
        "/api/assess",
        "/api/interview",
        "/api/nights/{night_id}",
        "/api/recordings",
        "/api/report",
        "/api/export/fhir",
        "/api/export/csv",
        "/api/import",
    ):
        assert path in docs.text
    schema = local.get("/openapi.json").json()
    assert "/api/assess" in schema["paths"] and "/" not in schema["paths"]


def test_json_body_limit(local: TestClient) -> None:
    huge = b'{"date": "2025-03-01", "notes": "' + b"x" * (17 * 1024 * 1024) + b'"}'
    response = local.post("/api/nights", content=huge, headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.3.2.1") and is_loopback("[::1]")
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org"):
        assert not is_loopback(host)


def test_serve_refuses_public_address_without_token(
    run_cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NIGHTLEGS_TOKEN", raising=False)
    for host in ("0.0.0.0", "192.168.1.10"):
        code, out, err = run_cli("serve", "--host", host, "--port", "8123")
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "NIGHTLEGS_TOKEN" in err


def test_host_allow_list(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    everywhere = create_app(
        Settings(database_url=url, host="0.0.0.0", token=TOKEN, allowed_hosts=("legs.lan",))
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(everywhere, base_url=LOCAL) as client:
        for host in ("192.168.1.10:8000", "[fe80::1]", "legs.lan:8000", "localhost"):
            assert client.get("/api/health", headers={**auth, "Host": host}).status_code == 200
        for host in ("evil.example", "legs.lan.evil.example", "a b", "legs.lan@evil", ""):
            response = client.get("/api/health", headers={**auth, "Host": host})
            assert response.status_code == 421, host
            assert "NIGHTLEGS_ALLOWED_HOSTS" in response.json()["detail"]
    named = create_app(Settings(database_url=url, host="nightlegs.lan"))
    with TestClient(named, base_url="http://nightlegs.lan:8000") as client:
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/health", headers={"Host": "10.0.0.5"}).status_code == 421
        own = {"Origin": "http://nightlegs.lan:8000"}
        assert client.post("/api/nights", json=NIGHT, headers=own).status_code == 201


def test_unplanned_errors_are_logged_without_their_message(
    sqlite_app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    @sqlite_app.get("/api/boom")
    def boom() -> None:
        raise ValueError("my private words")

    with TestClient(sqlite_app, base_url=LOCAL) as client, caplog.at_level("DEBUG"):
        response = client.get("/api/boom")
    assert response.status_code == 500 and "private" not in response.text
    assert "ValueError" in caplog.text and "test_security.py" in caplog.text
    assert "my private words" not in caplog.text


def test_a_body_that_stops_arriving_gets_408() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from nightlegs.web.hosts import allowed_names
    from nightlegs.web.security import SecurityMiddleware

    async def app(scope: object, receive: Any, send: Any) -> None:
        await receive()  # reads the body, as a route would

    middleware = SecurityMiddleware(
        app,
        token=None,
        max_upload_bytes=10,
        allowed_hosts=allowed_names("127.0.0.1", ()),
        body_timeout_s=0.2,
    )
    sent: list[dict[str, Any]] = []

    async def never() -> dict[str, Any]:
        await asyncio.sleep(3600)
        return {}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/nights", "headers": []}
    # A thread of its own: other tests (Playwright) may have an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, asyncio.wait_for(middleware(scope, never, send), 5)).result()
    assert sent[0]["status"] == 408


def test_a_browser_gets_an_html_page_for_an_unknown_address(local: TestClient) -> None:
    page = local.get("/no-such-page", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Page not found" in page.text and 'href="/"' in page.text
    assert "999 / 112 / 911" in page.text
    assert page.headers["Cache-Control"] == "no-store"


def test_api_clients_and_the_api_keep_json_errors(local: TestClient) -> None:
    browser = {"Accept": "text/html"}
    for response in (
        local.get("/no-such-page"),  # no Accept: a script
        local.get("/api/no-such-route", headers=browser),
        local.get("/api/nights/999", headers=browser),
        local.delete("/", headers={"Accept": "application/json"}),
    ):
        assert response.status_code in (404, 405)
        assert response.headers["content-type"].startswith("application/json")
        assert "detail" in response.json()
