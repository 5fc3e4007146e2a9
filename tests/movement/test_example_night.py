"""``nightlegs example-night``: a night a new user can analyse, with its truth beside it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nightlegs.movement import analyze
from nightlegs.movement.example import write_example_night
from nightlegs.movement.readers import read_hypnogram_file


def test_example_night_analyses_to_its_truth(tmp_path: Path) -> None:
    files = write_example_night(tmp_path / "night.edf", hours=0.5, seed=3)
    result = analyze(files.recording).to_dict()
    truth = files.true_indices
    assert result["lm_count"] == truth["lm_count"] > 0
    assert result["plm_count"] == truth["plm_count"]
    assert result["sleep_hours"] == pytest.approx(truth["sleep_hours"], abs=1e-3)
    # The XML carries the same stages, so --hypnogram night.xml gives the same answer.
    hyp, resp, arousals = read_hypnogram_file(files.reference)
    assert hyp is not None and resp and arousals
    by_xml = analyze(files.recording, hypnogram=files.reference).to_dict()
    assert by_xml["plms_index"] == result["plms_index"]


def test_example_night_cli_names_its_files(tmp_path: Path) -> None:
    out = tmp_path / "try" / "night.edf"
    res = subprocess.run(
        [sys.executable, "-m", "nightlegs", "example-night", str(out), "--hours", "0.1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert f"wrote {out}" in res.stdout and f"wrote {out.with_suffix('.xml')}" in res.stdout
    assert out.is_file() and out.with_suffix(".xml").is_file()
    bad = subprocess.run(
        [sys.executable, "-m", "nightlegs", "example-night", str(out), "--hours", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "--hours" in bad.stderr
