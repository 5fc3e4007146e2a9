"""An analysed upload lands on the night it was recorded; ``PUT .../night``; delete clears it."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from _webtest import token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nightlegs.movement.export import write_recording_edf
from nightlegs.movement.synthetic import synthesize_night


@pytest.fixture(scope="module")
def undated_edf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A 15-minute synthetic night as EDF+ whose header says ``Startdate X`` (no date)."""
    path = tmp_path_factory.mktemp("edf") / "night.edf"
    write_recording_edf(synthesize_night(0.25, 256, 1.5, seed=1).recording, path)
    return path.read_bytes()


def _dated(edf: bytes, start: dt.datetime) -> bytes:
    """``edf`` with the EDF+ recording field and header date and time set to ``start``."""
    month = start.strftime("%b").upper()  # C locale in tests
    recording = f"Startdate {start.day:02d}-{month}-{start.year} X X X".ljust(80).encode()
    stamp = start.strftime("%d.%m.%y%H.%M.%S").encode()
    return edf[:88] + recording + stamp + edf[184:]


def _upload(client: TestClient, app: FastAPI, data: bytes, person: int | None = None) -> Any:
    headers = {"X-CSRF-Token": token_of(app)}
    params = {} if person is None else {"person": person}
    response = client.post(
        "/api/recordings", files={"file": ("n.edf", data)}, headers=headers, params=params
    )
    assert response.status_code == 202, response.text
    recording_id = response.json()["id"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        record: dict[str, Any] = client.get(f"/api/recordings/{recording_id}", params=params).json()
        if record["status"] in ("done", "failed"):
            assert record["status"] == "done", record["error"]
            return record
        time.sleep(0.05)
    raise AssertionError(f"recording {recording_id} not analysed in time")


def _nights(client: TestClient, person: int | None = None) -> dict[str, dict[str, Any]]:
    params = {} if person is None else {"person": person}
    return {n["date"]: n for n in client.get("/api/nights", params=params).json()}


def test_upload_lands_on_its_night_and_can_move(
    client: TestClient, app: FastAPI, undated_edf: bytes
) -> None:
    headers = {"X-CSRF-Token": token_of(app)}
    typed = {"date": "2024-03-01", "movements_per_hour": 12.5, "movements_source": "entered"}
    assert client.post("/api/nights", json=typed, headers=headers).status_code == 201
    record = _upload(client, app, _dated(undated_edf, dt.datetime(2024, 3, 3, 0, 0)))
    analysis = record["analysis"]
    assert analysis["start"] == "2024-03-03T00:00:00"
    assert record["night"]["date"] == "2024-03-02"  # after midnight: the night before
    nights = _nights(client)
    landed = nights["2024-03-02"]
    expected = (
        analysis["plms_index"] if analysis["plms_index"] is not None else analysis["plm_index"]
    )
    assert landed["movements_per_hour"] == pytest.approx(expected)
    assert (landed["movements_source"], landed["recording_id"]) == ("recording", record["id"])
    assert nights["2024-03-01"]["movements_per_hour"] == 12.5  # typed-in night untouched
    assert nights["2024-03-01"]["movements_source"] == "entered"

    url = f"/api/recordings/{record['id']}/night"
    moved = client.put(url, json={"date": "2024-03-05"}, headers=headers)
    assert moved.status_code == 200, moved.text
    assert moved.json()["night"]["date"] == "2024-03-05"
    nights = _nights(client)
    assert nights["2024-03-02"]["movements_per_hour"] is None
    assert nights["2024-03-02"]["recording_id"] is None
    assert nights["2024-03-05"]["recording_id"] == record["id"]

    for bad in ({"date": "2024-13-01"}, {"date": "not a date"}, {"date": "2999-01-01"}, {}):
        assert client.put(url, json=bad, headers=headers).status_code == 422, bad
    extra = client.put(url, json={"date": "2024-03-05", "x": 1}, headers=headers)
    assert extra.status_code == 422
    missing = client.put("/api/recordings/999/night", json={"date": "2024-03-05"}, headers=headers)
    assert missing.status_code == 404

    deleted = client.delete(f"/api/recordings/{record['id']}", headers=headers)
    assert deleted.status_code == 204
    assert _nights(client)["2024-03-05"]["movements_per_hour"] is None
    assert client.get(f"/api/recordings/{record['id']}").status_code == 404


def test_undated_upload_goes_on_the_upload_date_and_says_so(
    client: TestClient, app: FastAPI, undated_edf: bytes
) -> None:
    record = _upload(client, app, undated_edf)
    today = dt.datetime.fromisoformat(record["created_at"]).astimezone().date().isoformat()
    assert record["analysis"]["start"] is None
    assert record["night"]["date"] == today
    assert any("no start date" in w and today in w for w in record["analysis"]["warnings"])
    assert _nights(client)[today]["movements_source"] == "recording"


def test_recording_of_another_person_is_not_found(
    client: TestClient, app: FastAPI, undated_edf: bytes
) -> None:
    headers = {"X-CSRF-Token": token_of(app)}
    lily = client.post("/api/people", json={"name": "Lily"}, headers=headers).json()["id"]
    record = _upload(client, app, _dated(undated_edf, dt.datetime(2024, 3, 3, 12, 0)), lily)
    assert record["night"]["date"] == "2024-03-03"  # noon: the night of that date
    url = f"/api/recordings/{record['id']}/night"
    assert client.put(url, json={"date": "2024-03-04"}, headers=headers).status_code == 404
    assert client.delete(f"/api/recordings/{record['id']}", headers=headers).status_code == 404
    assert _nights(client) == {}
    assert _nights(client, lily)["2024-03-03"]["recording_id"] == record["id"]
    moved = client.put(url, json={"date": "2024-03-04"}, headers=headers, params={"person": lily})
    assert moved.status_code == 200
