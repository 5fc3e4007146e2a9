"""``create_app(preload=True)``, as ``nightlegs serve`` builds it: the report modules are loaded
while the app starts, the objects alive then are frozen out of the garbage collector's reach,
and the process's collector is left as it was found when the app stops."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from nightlegs.web import Settings, create_app


def test_a_preloaded_app_freezes_while_it_runs_and_unfreezes_when_it_stops(
    tmp_path: Path,
) -> None:
    assert gc.get_freeze_count() == 0, "another test left frozen objects behind"
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'diary.db'}"), preload=True)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert "nightlegs.report.charts" in sys.modules
        assert gc.get_freeze_count() > 10_000
        # Frozen objects are still in use: the app answers, and a report renders.
        assert client.get("/api/health").status_code == 200
        report = client.get("/api/report?format=html&days=0")
        assert report.status_code == 200
        assert "<svg" in report.text or "No nights" in report.text
    assert gc.get_freeze_count() == 0


def test_an_app_built_without_preload_leaves_the_collector_alone(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'diary.db'}"))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/health").status_code == 200
        assert gc.get_freeze_count() == 0


def test_objects_frozen_by_someone_else_stay_frozen(tmp_path: Path) -> None:
    gc.freeze()
    try:
        app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'diary.db'}"), preload=True)
        with TestClient(app, base_url="http://127.0.0.1") as client:
            assert client.get("/api/health").status_code == 200
        # Not unfrozen (that would make it 0); a few frozen objects freed by reference
        # counting leave the count on their own.
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
