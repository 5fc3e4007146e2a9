"""The attacks of issue 8, tried against a live ``nightlegs serve`` on loopback.

Each test reproduces one attack that once worked and checks the server now refuses it: DNS
rebinding, a far-future date, weak and guessed tokens, non-finite numbers and unencodable text
(with the server log searched for what was sent), formula cells in the CSV export.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _webtest import NIGHT, serve

from _stores import sqlite_url

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
