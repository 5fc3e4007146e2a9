"""analyze() on every input kind, and ``nightlegs analyze`` (docs/json-contract.md section 3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _contract import CONTRACT_KEYS

from nightlegs.errors import RecordingError
from nightlegs.movement import analyze
from nightlegs.movement.readers import read_recording


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from nightlegs.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )


def test_analyze_inputs_agree(make_edf) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(seconds=300)
    by_path = analyze(path).to_dict()
    rec = read_recording(path)
    by_rec = analyze(rec).to_dict()
    arrays = {leg.side: leg.emg_uv for leg in rec.legs}
    by_arrays = analyze(arrays, fs=rec.legs[0].fs).to_dict()
    assert set(by_path) >= CONTRACT_KEYS
    assert by_path["lm_count"] == by_rec["lm_count"] == by_arrays["lm_count"] > 0


class FakeRaw:
    """Duck-typed mne.io.Raw: get_data in volts, info['sfreq'], ch_names."""

    def __init__(self, data_uv: np.ndarray, names: list[str], fs: float) -> None:
        self._data = data_uv * 1e-6
        self.ch_names = names
        self.info: dict[str, Any] = {"sfreq": fs}
        self.annotations = None

    def get_data(self, picks: list[str]) -> np.ndarray:
        return self._data[[self.ch_names.index(p) for p in picks]]


def test_analyze_mne_like(make_edf) -> None:  # type: ignore[no-untyped-def]
    rec = read_recording(make_edf(seconds=300))
    data = np.stack(
        [
            np.zeros_like(rec.legs[0].emg_uv)
            + np.random.default_rng(0).normal(0, 2, rec.legs[0].emg_uv.size),
            rec.legs[0].emg_uv,
            rec.legs[1].emg_uv,
        ]
    )
    raw = FakeRaw(data, ["Chin", "Leg L", "Leg R"], 256.0)
    ours = analyze(raw).to_dict()
    assert ours["lm_count"] == analyze(rec).to_dict()["lm_count"]


def test_analyze_with_stage_list(make_edf) -> None:  # type: ignore[no-untyped-def]
    result = analyze(make_edf(seconds=300), hypnogram=["W"] + ["N2"] * 9).to_dict()
    assert result["sleep_hours"] == pytest.approx(9 * 30 / 3600, abs=1e-3)


def test_bad_array_input() -> None:
    with pytest.raises(RecordingError, match="fs"):
        analyze({"left": np.ones(1000)})
    with pytest.raises(RecordingError, match="expected a file path"):
        analyze(42)


def test_cli_json_and_outputs(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(seconds=300, annotations=[(i * 30.0, 30.0, "Sleep stage 2") for i in range(10)])
    out = tmp_path / "out"
    res = _run(
        "analyze",
        str(path),
        "--json",
        "--events-csv",
        str(out / "ev.csv"),
        "--edf-annotations",
        str(out / "ev.edf"),
        "--plot",
        str(out / "plot.png"),
    )
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) >= CONTRACT_KEYS
    assert data["sleep_hours"] == pytest.approx(300 / 3600, abs=1e-3)
    assert {p.name for p in out.iterdir()} == {"ev.csv", "ev.edf", "plot.png"}
    for ev in data["events"]:
        assert {"onset_s", "duration_s", "side", "periodic", "stage"} <= set(ev)


def test_cli_rich_summary(make_edf) -> None:  # type: ignore[no-untyped-def]
    res = _run("analyze", str(make_edf(seconds=120)), "--aasm")
    assert res.returncode == 0, res.stderr
    assert "lm count" in res.stdout


def test_cli_bad_input_exit_2_one_line_no_output(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(labels=("C3", "Chin EMG"))
    res = _run("analyze", str(path), "--json", "--events-csv", str(tmp_path / "ev.csv"))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "no leg EMG channel found" in lines[0] and "Chin EMG" in lines[0]
    assert not (tmp_path / "ev.csv").exists()


def test_cli_output_paths_that_cannot_be_written(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make_edf(seconds=120)
    (tmp_path / "a-file").write_text("x")
    for option, target in (
        ("--events-csv", tmp_path),  # a folder
        ("--edf-annotations", tmp_path / "a-file" / "ev.edf"),  # under a file
        ("--plot", tmp_path),
    ):
        res = _run("analyze", str(path), "--json", option, str(target))
        assert res.returncode == 2, (option, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and str(target) in lines[0] and "Traceback" not in res.stderr


def test_cli_outputs_are_shareable_like_any_file(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = _run("analyze", str(make_edf(seconds=120)), "--plot", str(tmp_path / "p.png"))
    assert res.returncode == 0, res.stderr
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert (tmp_path / "p.png").stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
