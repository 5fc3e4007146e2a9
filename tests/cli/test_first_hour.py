"""First-hour commands: ``--version``, ``kb findings``, ``serve --data-dir`` and a busy port."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import nightlegs

Run = Callable[..., tuple[int, str, str]]


def test_version(run_cli: Run) -> None:
    code, out, _ = run_cli("--version")
    assert code == 0 and out.strip() == f"nightlegs {nightlegs.__version__}"


def test_kb_findings_lists_ids_and_searches(run_cli: Run) -> None:
    code, out, _ = run_cli("kb", "findings")
    assert code == 0 and "urge_to_move" in out and "leg_swelling" in out
    code, out, _ = run_cli("kb", "findings", "swollen leg")
    assert code == 0 and "leg_swelling" in out and "urge_to_move" not in out


def test_kb_show_gives_a_finding_with_its_sources(run_cli: Run) -> None:
    code, out, _ = run_cli("kb", "show", "calf_bigger_than_other")
    assert code == 0
    sources = json.loads(out)["sources"]
    assert {"kind": "guideline", "ref": "NICE NG158"}.items() <= sources[-1].items()
    assert "Wells" in sources[-1]["locator"]


def test_kb_findings_says_when_nothing_matches(run_cli: Run) -> None:
    code, out, _ = run_cli("kb", "findings", "xylophone")
    assert code == 1 and "no finding matches 'xylophone'" in out


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_a_busy_port_is_refused_before_anything_starts(
    run_cli: Run, busy_port: int, tmp_path: Path
) -> None:
    folder = tmp_path / "diary"
    code, out, err = run_cli("serve", "--port", str(busy_port), "--data-dir", str(folder))
    assert code == 2 and out == ""
    assert f"cannot listen on 127.0.0.1:{busy_port}" in err and "--port" in err
    assert not folder.exists()  # no database was created or migrated


def test_data_dir_must_be_a_folder(run_cli: Run, tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    code, _, err = run_cli("serve", "--data-dir", str(a_file))
    assert code == 2 and "--data-dir" in err


def test_data_dir_holds_the_diary(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(app))
    monkeypatch.setenv("NIGHTLEGS_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    folder = tmp_path / "diary"
    with socket.socket() as spare:  # a port that is free now
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    code, out, err = run_cli("serve", "--port", str(port), "--data-dir", str(folder))
    assert code == 0, err
    assert started and (folder / "nightlegs.sqlite3").exists()
    assert str(folder / "nightlegs.sqlite3") in out
    assert not (tmp_path / "elsewhere.db").exists()
