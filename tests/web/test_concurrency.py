"""20 concurrent clients writing diary entries over real sockets lose nothing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from _webtest import NIGHT

CLIENTS = 20
PER_CLIENT = 10


def _writer(base_url: str, client_no: int) -> list[int]:
    ids = []
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for i in range(PER_CLIENT):
            body = {
                **NIGHT,
                "date": f"2025-{1 + i:02d}-{1 + client_no:02d}",
                "notes": f"client {client_no} entry {i}",
            }
            response = client.post("/api/nights", json=body)
            assert response.status_code == 201, response.text
            ids.append(response.json()["id"])
            if i % 3 == 0:
                assert client.get(f"/api/nights/{ids[-1]}").status_code == 200
    return ids


def test_concurrent_writers_lose_nothing(live_server: str) -> None:
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(lambda n: _writer(live_server, n), range(CLIENTS)))
    acknowledged = [i for ids in results for i in ids]
    assert len(acknowledged) == len(set(acknowledged)) == CLIENTS * PER_CLIENT
    stored = httpx.get(f"{live_server}/api/nights", timeout=60).json()
    assert {n["id"] for n in stored} == set(acknowledged)
    notes = {n["notes"] for n in stored}
    assert notes == {f"client {c} entry {i}" for c in range(CLIENTS) for i in range(PER_CLIENT)}
    assert all(len(n["episodes"]) == 2 for n in stored)
