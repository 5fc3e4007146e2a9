"""Recording uploads: type and size checks, CSRF, and analysis in the background to ``done``."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from _webtest import LOCAL, token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nightlegs.movement.export import write_recording_edf
from nightlegs.movement.synthetic import synthesize_night
from nightlegs.web import Settings, create_app


@pytest.fixture(scope="module")
def edf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A 15-minute synthetic night (both legs, hypnogram) as EDF+ (about 1 MB)."""
    path = tmp_path_factory.mktemp("edf") / "night.edf"
    write_recording_edf(synthesize_night(0.25, 256, 1.5, seed=1).recording, path)
    return path.read_bytes()


def _upload(client: TestClient, app: FastAPI, name: str, data: bytes, **kw: Any) -> Any:
    headers = {"X-CSRF-Token": token_of(app)}
    return client.post("/api/recordings", files={"file": (name, data)}, headers=headers, **kw)


def _wait(client: TestClient, recording_id: int, timeout_s: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        record: dict[str, Any] = client.get(f"/api/recordings/{recording_id}").json()
        if record["status"] in ("done", "failed"):
            return record
        time.sleep(0.05)
    raise AssertionError(f"recording {recording_id} still {record['status']}")


def test_edf_upload_is_analysed_in_background(
    client: TestClient, app: FastAPI, edf_bytes: bytes
) -> None:
    response = _upload(client, app, "my night.edf", edf_bytes)
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["status"] in ("pending", "running", "done")
    assert accepted["filename"] == "my night.edf" and accepted["size_bytes"] == len(edf_bytes)
    record = _wait(client, accepted["id"])
    assert record["status"] == "done", record["error"]
    analysis = record["analysis"]
    for key in (
        "recording_hours",
        "lm_count",
        "plm_count",
        "lm_index",
        "plm_index",
        "plms_index",
        "severity_article",
        "severity_clinical",
    ):
        assert key in analysis
    assert analysis["recording_hours"] == pytest.approx(0.25)
    assert analysis["lm_count"] > 0 and len(analysis["events"]) >= analysis["plm_count"]
    assert {"onset_s", "duration_s", "side", "periodic"} <= set(analysis["events"][0])
    listed = client.get("/api/recordings").json()
    assert [r["id"] for r in listed] == [accepted["id"]]
    plot = client.get(f"/api/recordings/{accepted['id']}/plot.png")
    assert plot.status_code == 200 and plot.headers["content-type"] == "image/png"
    assert plot.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_plot_waits_for_the_analysis(client: TestClient, app: FastAPI) -> None:
    response = _upload(client, app, "bad.edf", b"0       " + b"x" * 300)
    record = _wait(client, response.json()["id"])
    assert record["status"] == "failed"
    plot = client.get(f"/api/recordings/{record['id']}/plot.png")
    assert plot.status_code == 409 and "not done" in plot.json()["detail"]
    assert client.get("/api/recordings/999999/plot.png").status_code == 404


def test_picker_offers_exactly_what_the_server_accepts(client: TestClient) -> None:
    from nightlegs.web.uploads import ALLOWED_SUFFIXES

    page = client.get("/upload").text
    accept = re.search(r'id="recording-file"[^>]*accept="([^"]*)"', page)
    assert accept is not None
    assert accept.group(1).split(",") == list(ALLOWED_SUFFIXES)


def test_unreadable_recording_fails_with_message(client: TestClient, app: FastAPI) -> None:
    response = _upload(client, app, "legs.csv", b"just,some,words\nnot,a,recording\n")
    assert response.status_code == 202, response.text
    record = _wait(client, response.json()["id"])
    assert record["status"] == "failed"
    assert record["error"] and "legs.csv" in record["error"] and "/tmp" not in record["error"]
    assert record["analysis"] is None


def test_upload_type_checks(client: TestClient, app: FastAPI, edf_bytes: bytes) -> None:
    cases = [
        ("night.txt", edf_bytes),  # extension
        ("night.edf", b"PK\x03\x04" + b"\x00" * 300),  # EDF extension, ZIP content
        ("night.bdf", edf_bytes),  # BDF extension, EDF content
        ("legs.csv", b"\x00\x01\x02binary"),  # CSV extension, binary content
        ("night.edf", b""),  # empty
    ]
    for name, data in cases:
        response = _upload(client, app, name, data)
        assert response.status_code == 415, (name, response.text)
        assert response.json()["detail"]
    assert client.get("/api/recordings").json() == []


def test_upload_size_limit(database_url: str, edf_bytes: bytes) -> None:
    app = create_app(Settings(database_url=database_url, max_upload_bytes=100_000))
    with TestClient(app, base_url=LOCAL) as client:
        response = _upload(client, app, "night.edf", edf_bytes)
        assert response.status_code == 413, response.text
        big = edf_bytes * 2  # over the limit plus multipart allowance: refused while streaming
        assert _upload(client, app, "night.edf", big).status_code == 413
        assert client.get("/api/recordings").json() == []


def test_upload_needs_csrf_token(client: TestClient, edf_bytes: bytes) -> None:
    response = client.post("/api/recordings", files={"file": ("night.edf", edf_bytes)})
    assert response.status_code == 403
    wrong = client.post(
        "/api/recordings", files={"file": ("n.edf", edf_bytes)}, headers={"X-CSRF-Token": "x"}
    )
    assert wrong.status_code == 403
    assert client.get("/api/recordings").json() == []


def test_upload_token_as_form_field(client: TestClient, app: FastAPI, edf_bytes: bytes) -> None:
    response = client.post(
        "/api/recordings",
        data={"csrf_token": token_of(app)},
        files={"file": ("night.edf", edf_bytes)},
    )
    assert response.status_code == 202, response.text
    assert _wait(client, response.json()["id"])["status"] == "done"


def test_missing_recording_is_404(client: TestClient) -> None:
    response = client.get("/api/recordings/12345")
    assert response.status_code == 404 and "12345" in response.json()["detail"]


def test_interrupted_analysis_is_marked_failed(tmp_path: Path) -> None:
    from nightlegs.diary.storage import open_store

    url = f"sqlite:///{tmp_path / 'diary.db'}"
    with open_store(url) as store:
        stale = store.create_recording("night.edf", 10)
    with TestClient(create_app(Settings(database_url=url)), base_url=LOCAL) as client:
        record = client.get(f"/api/recordings/{stale.id}").json()
    assert record["status"] == "failed" and "interrupted" in record["error"]


def test_another_servers_analysis_is_left_alone_until_its_lease_ends(tmp_path: Path) -> None:
    from nightlegs.diary.storage import open_store

    url = f"sqlite:///{tmp_path / 'diary.db'}"
    with open_store(url) as store:
        held = store.create_recording("held.edf", 10, owner="other-server", lease_s=60)
        lapsed = store.create_recording("lapsed.edf", 10, owner="gone-server", lease_s=-1)
    with TestClient(create_app(Settings(database_url=url)), base_url=LOCAL) as client:
        assert client.get(f"/api/recordings/{held.id}").json()["status"] == "pending"
        assert client.get(f"/api/recordings/{lapsed.id}").json()["status"] == "failed"
    with open_store(url) as store:
        assert store.renew_leases("other-server", -1) == 1  # the other server stops renewing
        assert store.fail_abandoned("interrupted") == 1
        assert store.get_recording(held.id).status == "failed"


def test_a_full_upload_queue_says_busy(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'd.db'}", upload_queue=2))
    files = {"file": ("legs.csv", b"time,left,right\n0,1,2\n", "text/csv")}
    with TestClient(app, base_url=LOCAL) as client:
        headers = {"X-CSRF-Token": token_of(app)}
        slots = app.state.analysis_slots
        assert slots.acquire(blocking=False) and slots.acquire(blocking=False)  # two in analysis
        busy = client.post("/api/recordings", files=files, headers=headers)
        assert busy.status_code == 503 and busy.headers["retry-after"] == "60"
        assert "busy" in busy.json()["detail"] and "try again" in busy.json()["detail"]
        assert client.get("/api/recordings").json() == []
        assert app.state.spool.files() == []
        slots.release()
        assert client.post("/api/recordings", files=files, headers=headers).status_code == 202


def test_upload_folders_of_stopped_servers_are_removed(tmp_path: Path) -> None:
    from nightlegs.web.spool import UploadSpool

    root = tmp_path / "uploads"
    running = UploadSpool(root)
    (running.folder / "upload-live.edf").write_bytes(b"0       ")
    dead = root / "server-dead"  # a folder whose server was killed
    dead.mkdir()
    (dead / ".lock").touch()
    (dead / "upload-left-by-kill-9.edf").write_bytes(b"0       " * 1000)
    with UploadSpool(root) as restarted:
        assert restarted.removed == 1 and not dead.exists()
        assert restarted.stopped_servers == ["dead"]
        assert (running.folder / "upload-live.edf").exists()  # its server still runs
        assert root.stat().st_mode & 0o777 == 0o700
    running.close()
    assert list(root.iterdir()) == []


def test_an_unexpected_analysis_error_is_not_shown_to_people(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nightlegs.movement
    from nightlegs.diary.storage import open_store
    from nightlegs.web.uploads import analyse_recording

    def broken(path: object) -> None:
        raise IndexError("index -1 is out of bounds for axis 0 with size 0")

    monkeypatch.setattr(nightlegs.movement, "analyze", broken)
    upload = tmp_path / "upload-x.edf"
    upload.write_bytes(b"0       ")
    with open_store(f"sqlite:///{tmp_path / 'd.db'}") as store:
        record = store.create_recording("night.edf", 8)
        analyse_recording(store, record.id, upload, "night.edf")
        failed = store.get_recording(record.id)
    assert failed.status == "failed" and failed.error is not None
    assert "index" not in failed.error and "recording" in failed.error
    assert not upload.exists()
