"""The attacks of issue 8, tried against a live ``nightlegs serve`` on loopback.

Each test reproduces one attack that once worked and checks the server now refuses it: DNS
rebinding, a far-future date, weak and guessed tokens, non-finite numbers and unencodable text
(with the server log searched for what was sent), formula cells in the CSV export.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from _webtest import NIGHT, serve, start_serve

from _stores import sqlite_url
from nightlegs.web.auth import GUESS_BURST, GUESSES_PER_SECOND

pytestmark = pytest.mark.slow

EVIL = "rebind.evil.example"


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("attacks") / "serve.log"


@pytest.fixture(scope="module")
def base(server_log: Path) -> Iterator[str]:
    """One open server (no token, the default mode) for the module."""
    folder = server_log.parent
    with serve(sqlite_url(folder), server_log, "--assess-processes", "1") as url:
        yield url


def test_dns_rebinding_is_refused(base: str) -> None:
    port = base.rsplit(":", 1)[1]
    evil = {"Host": f"{EVIL}:{port}", "Origin": f"http://{EVIL}:{port}"}
    with httpx.Client(base_url=base, timeout=10) as client:
        assert client.post("/api/nights", json=NIGHT).status_code == 201
        # The page after rebinding: its own name in Host, and Origin matching it.
        read = client.get("/api/export/json", headers={"Host": evil["Host"]})
        assert read.status_code == 421
        assert "nightlegs" not in read.text and "woke twice" not in read.text
        assert client.post("/api/nights", json=NIGHT, headers=evil).status_code == 421
        assert client.get("/", headers={"Host": evil["Host"]}).status_code == 421
        # A rebound Origin with the real Host is still another origin.
        cross = client.post("/api/nights", json=NIGHT, headers={"Origin": evil["Origin"]})
        assert cross.status_code == 403
        # The loopback names keep working, with or without a matching Origin.
        for name in (f"localhost:{port}", f"127.0.0.1:{port}", f"LOCALHOST.:{port}"):
            assert client.get("/api/nights", headers={"Host": name}).status_code == 200
        own = {"Origin": f"http://localhost:{port}", "Host": f"localhost:{port}"}
        assert client.post("/api/nights", json=NIGHT, headers=own).status_code == 201
        assert len(client.get("/api/nights").json()) == 2


def _hostile_bodies(marker: str) -> Iterator[tuple[str, str, str]]:
    """(method, path, JSON text) on every JSON route, each carrying ``marker`` somewhere."""
    night = json.dumps({**NIGHT, "notes": marker})[:-1]
    bad_values = ["NaN", "Infinity", "-Infinity", "1e400", '"\\ud800"', '"a\\u0000b"']
    for value in bad_values:
        yield from (
            ("POST", "/api/assess", f'{{"text": "{marker}", "age": {value}}}'),
            ("POST", "/api/assess", f'{{"text": "{marker}", "movements_per_hour": {value}}}'),
            ("POST", "/api/assess", f'{{"text": "{marker}", "findings": {{"{marker}": {value}}}}}'),
            ("POST", "/api/interview", f'{{"text": "{marker}", "age": {value}}}'),
            ("POST", "/api/interview", f'{{"text": "{marker}", "evidence": [{{"id": {value}}}]}}'),
            ("POST", "/api/nights", f'{night}, "movements_per_hour": {value}}}'),
            ("POST", "/api/nights", f'{night}, "sleep_quality": {value}}}'),
            ("PUT", "/api/profile", f'{{"medicines": ["{marker}"], "age": {value}}}'),
            ("POST", "/api/import", f'{{"nights": [{night}, "movements_per_hour": {value}}}]}}'),
        )
    for text_value in ('"\\ud800"', '"\\udfff and more"', '"nul \\u0000"'):
        yield "POST", "/api/assess", f'{{"text": {text_value}, "age": 40, "sex": "{marker}"}}'
        yield "POST", "/api/nights", f'{night}, "episodes": [{{"body_site": {text_value}}}]}}'
        yield "PUT", "/api/profile", f'{{"known_conditions": [{text_value}, "{marker}"]}}'


def test_hostile_numbers_and_text_get_422_and_stay_out_of_the_log(
    base: str, server_log: Path
) -> None:
    sent = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for n, (method, path, body) in enumerate(_hostile_bodies("")):
            marker = f"private words {n:03d} zq"
            body = list(_hostile_bodies(marker))[n][2]
            sent.append(marker)
            response = client.request(
                method, path, content=body.encode(), headers={"Content-Type": "application/json"}
            )
            assert response.status_code in (400, 422), (path, body, response.text)
            assert marker not in response.text, (path, body)
            if response.status_code == 422:
                assert all(error["loc"] for error in response.json()["detail"]), response.text
        assert client.get("/api/health").status_code == 200
    log = server_log.read_text(errors="replace")
    assert 'POST /api/assess HTTP/1.1" 422' in log  # the log is there, and was searched
    assert "Traceback" not in log and "Exception" not in log
    assert not [m for m in sent if m in log]


def test_far_future_and_ancient_dates_are_refused_everywhere(base: str) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        for date in ("9999-12-31", "3000-01-01", "2204-05-01", "1899-12-31"):
            response = client.post("/api/nights", json={**NIGHT, "date": date})
            assert response.status_code == 422, date
            assert response.json()["detail"][0]["loc"] == ["body", "date"]
            assert "1900-01-01" in response.json()["detail"][0]["msg"]
            imported = client.post("/api/import", json={"nights": [{"date": date}]})
            assert imported.status_code == 422, date
            csv = client.post(
                "/api/import",
                content=f"date,notes\r\n{date},typo\r\n",
                headers={"Content-Type": "text/csv"},
            )
            assert csv.status_code == 400 and "line 2, column 'date'" in csv.json()["detail"]
        assert client.get("/api/report").status_code == 200
        assert client.get("/api/report", params={"format": "pdf"}).status_code == 200


def test_csv_export_runs_no_formulas(base: str) -> None:
    payloads = ['=HYPERLINK("http://evil.example/","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]
    payloads += ["-2+3", "=1+1", "'=1+1", "\uff1d1+1"]
    with httpx.Client(base_url=base, timeout=60) as client:
        client.post("/api/import", params={"replace": True}, json={"nights": []})
        for day, text in enumerate(payloads, start=1):
            night = {**NIGHT, "date": f"2025-04-{day:02d}", "notes": text}
            night["episodes"] = [{**NIGHT["episodes"][0], "helped": text, "body_site": text}]
            assert client.post("/api/nights", json=night).status_code == 201
        before = client.get("/api/export/json").json()
        exported = client.get("/api/export/csv").text
        rows = list(csv.DictReader(io.StringIO(exported)))
        cells = [row[c] for row in rows for c in ("notes", "helped", "body_site")]
        assert len(cells) == 3 * len(payloads)
        assert not [c for c in cells if c[:1] in "=+-@\t\r\uff1d"]
        again = client.post(
            "/api/import",
            params={"replace": True},
            content=exported.encode(),
            headers={"Content-Type": "text/csv"},
        )
        assert again.status_code == 200 and again.json() == {"imported": len(payloads)}
        assert client.get("/api/export/json").json() == before


STRONG = "attack-test-token-0123456789abcdef"


def _serve_exit(tmp_path: Path, *args: str, token: str | None = None) -> tuple[int, str, str]:
    env = {**os.environ, "NIGHTLEGS_DATABASE_URL": sqlite_url(tmp_path)}
    env.pop("NIGHTLEGS_TOKEN", None)
    if token is not None:
        env["NIGHTLEGS_TOKEN"] = token
    done = subprocess.run(
        [sys.executable, "-m", "nightlegs", "serve", "--port", "1", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


def test_weak_tokens_are_refused_with_how_to_make_one(tmp_path: Path) -> None:
    for weak in ("1", " ", "password", "aaaaaaaaaaaaaaaaaaaaaaaa", " padded-token-0123456789 "):
        code, out, err = _serve_exit(tmp_path, "--host", "0.0.0.0", token=weak)
        assert code == 2 and out == "", weak
        assert len(err.strip().splitlines()) == 1 and "NIGHTLEGS_TOKEN" in err
        assert "secrets.token_urlsafe" in err and "--new-token" in err
        if len(weak.strip()) > 3:
            assert weak.strip() not in err  # the token itself is never shown
    code, out, err = _serve_exit(tmp_path, "--host", "0.0.0.0")
    assert code == 2 and "NIGHTLEGS_TOKEN" in err


def test_unreadable_settings_stop_the_server(tmp_path: Path) -> None:
    for name, value in (
        ("NIGHTLEGS_MAX_UPLOAD_BYTES", "64 lots"),
        ("NIGHTLEGS_ASSESS_PROCESSES", "two"),
        ("NIGHTLEGS_SESSION_SECONDS", "-1"),
    ):
        env = {**os.environ, "NIGHTLEGS_DATABASE_URL": sqlite_url(tmp_path), name: value}
        done = subprocess.run(
            [sys.executable, "-m", "nightlegs", "serve", "--port", "1"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2 and done.stdout == "", name
        assert done.stderr.startswith(f"nightlegs: error: {name}: "), done.stderr
        assert "Traceback" not in done.stderr


def _guess(client: httpx.Client, n: int, path: str) -> int:
    if path == "/login":
        return client.post(path, data={"token": f"wrong-guess-{n}"}).status_code
    return client.get(path, headers={"Authorization": f"Bearer wrong-{n}"}).status_code


def test_a_thousand_wrong_guesses_are_slowed(tmp_path: Path) -> None:
    env = {"NIGHTLEGS_TOKEN": STRONG}
    with serve(sqlite_url(tmp_path), tmp_path / "serve.log", env=env) as base:
        for path in ("/api/nights", "/login"):
            started = time.monotonic()
            # One pooled client for the 8 threads: a client per guess spent most of the test
            # building TLS contexts; the throttle counts per address, not per connection.
            with httpx.Client(base_url=base, timeout=30) as client, ThreadPoolExecutor(8) as pool:
                codes = list(pool.map(lambda n, p=path: _guess(client, n, p), range(1000)))
            elapsed = time.monotonic() - started
            looked_at = codes.count(401)
            assert codes.count(429) + looked_at == 1000, set(codes)
            # A burst of 10, then one a second (with a second of slack).
            assert looked_at <= GUESS_BURST + GUESSES_PER_SECOND * (elapsed + 1), (path, looked_at)
        # The right token from the same address is slowed too. The bucket refills at one a
        # second, so on a loaded machine one request may get through: a quick series is checked.
        auth = {"Authorization": f"Bearer {STRONG}"}
        right = [httpx.get(f"{base}/api/nights", headers=auth) for _ in range(20)]
        slowed = [r for r in right if r.status_code == 429]
        assert slowed and all(int(r.headers["retry-after"]) >= 1 for r in slowed)
        assert {r.status_code for r in right} <= {200, 429}


def test_new_token_and_tls(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    log = tmp_path / "serve.log"
    args = ("--new-token", "--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    proc, _ = start_serve(sqlite_url(tmp_path), log, *args, scheme="https")
    try:
        text = log.read_text()
        token = text.split("access token (shown once): ")[1].split()[0]
        base = text.split("serving on ")[1].split()[0].rstrip("/")
        assert base.startswith("https://127.0.0.1:")
        with httpx.Client(base_url=base, verify=False, timeout=10) as client:
            assert client.get("/api/health").status_code == 401
            ok = client.get("/api/health", headers={"Authorization": f"Bearer {token}"})
            assert ok.status_code == 200
            signed_in = client.post("/login", data={"token": token}, follow_redirects=False)
            assert "secure" in signed_in.headers["set-cookie"].lower()
        with pytest.raises(httpx.TransportError):
            httpx.get(base.replace("https", "http") + "/api/health", timeout=5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    code, _, err = _serve_exit(tmp_path, "--ssl-certfile", str(cert))
    assert code == 2 and "--ssl-keyfile" in err
    (tmp_path / "bad.pem").write_text("not a certificate")
    code, _, err = _serve_exit(
        tmp_path, "--ssl-certfile", str(tmp_path / "bad.pem"), "--ssl-keyfile", str(key)
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "PEM" in err
