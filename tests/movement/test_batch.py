"""analyze_batch: rows per recording, failures as rows, resume without redoing work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from nightlegs.movement.agreement_plot import plot_bland_altman
from nightlegs.movement.batch import analyze_batch, expand_paths, run_batch
from nightlegs.movement.example import write_example_night


def test_batch_with_failure_and_resume(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data" / "site"
    data.mkdir(parents=True)
    for name in ("a.edf", "b.edf"):
        src = make_edf(name, seconds=120)
        src.rename(data / name)
    (data / "broken.edf").write_bytes(b"0       garbage")
    pattern = str(tmp_path / "data" / "**" / "*.edf")
    assert len(expand_paths(pattern)) == 3
    out = tmp_path / "results.parquet"
    seen: list[tuple[int, int]] = []
    table = analyze_batch(
        pattern, out, processes=False, workers=1, on_progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (3, 3)
    on_disk = pd.read_parquet(out)
    assert len(on_disk) == 3 and set(on_disk["status"]) == {"ok", "error"}
    broken = on_disk[on_disk["path"].str.endswith("broken.edf")].iloc[0]
    assert broken["status"] == "error" and "broken.edf" in broken["error"]
    assert (on_disk[on_disk["status"] == "ok"]["lm_count"] > 0).all()
    assert len(table) == 3
    # re-run: nothing to do, table unchanged, no temporary files left
    seen.clear()
    again = analyze_batch(
        pattern, out, processes=False, workers=1, on_progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(0, 0)]
    assert len(again) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "results.parquet"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nightlegs", *args], capture_output=True, text=True, timeout=300
    )


def test_batch_with_reference_dir_compares_and_plots(tmp_path: Path) -> None:
    data, refs = tmp_path / "data", tmp_path / "scorer"
    refs.mkdir()
    for i in range(2):
        files = write_example_night(data / f"night{i}.edf", hours=0.25, seed=20 + i)
        files.reference.rename(refs / f"night{i}-nsrr.xml")
    write_example_night(data / "unscored.edf", hours=0.1, seed=30).reference.unlink()
    outcome = run_batch(
        str(data / "*.edf"), tmp_path / "r.parquet", processes=False, workers=1, reference_dir=refs
    )
    assert (outcome.matched, outcome.skipped, outcome.analysed, outcome.failed) == (3, 0, 3, 0)
    t = outcome.table.set_index("path")
    scored = t.loc[str(data / "night0.edf")]
    assert scored["reference_path"].endswith("night0-nsrr.xml")
    assert scored["agreement_f1"] == 1.0
    assert scored["reference_plms_index"] == pytest.approx(scored["plms_index"], abs=1e-3)
    assert pd.isna(t.loc[str(data / "unscored.edf"), "reference_path"])
    _fig, ba = plot_bland_altman(outcome.table, tmp_path / "ba.png")
    assert ba.n == 2 and ba.bias == pytest.approx(0.0, abs=1e-3)
    assert (tmp_path / "ba.png").stat().st_size > 1000


def test_batch_cli_reports_matched_skipped_failed(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.mkdir()
    make_edf("a.edf", seconds=120).rename(data / "a.edf")
    (data / "broken.edf").write_bytes(b"0       garbage")
    refs = tmp_path / "scorer"
    refs.mkdir()
    (refs / "a.csv").write_text("onset_s,duration_s,side\n20.0,2.0,left\n45.0,2.0,right\n")
    out = tmp_path / "r.parquet"
    args = ("analyze-batch", str(data / "*.edf"), "--out", str(out), "--workers", "1")
    first = _cli(*args, "--reference-dir", str(refs))
    assert first.returncode == 0, first.stderr
    assert "2 files matched: 0 skipped" in first.stdout and "2 analysed, 1 failed" in first.stdout
    assert "failed: " + str(data / "broken.edf") in first.stdout
    assert f"wrote {out}" in first.stdout
    plot = out.with_suffix(".bland-altman.png")
    assert "1 recordings compared with their scorer: plm_index bias" in first.stdout
    assert f"wrote {plot} (Bland-Altman plot)" in first.stdout and plot.stat().st_size > 1000
    again = _cli(*args)
    assert "2 files matched: 2 skipped" in again.stdout and "0 analysed" in again.stdout
    none = _cli("analyze-batch", str(tmp_path / "nothing" / "*.edf"), "--out", str(out))
    assert none.returncode != 0
    assert "no file matched" in none.stderr and len(none.stderr.strip().splitlines()) == 1


def test_analyze_names_the_files_it_wrote(make_edf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_out, png = tmp_path / "ev.csv", tmp_path / "night.png"
    res = _cli(
        "analyze",
        str(make_edf(seconds=120)),
        "--json",
        "--events-csv",
        str(csv_out),
        "--plot",
        str(png),
    )
    assert res.returncode == 0, res.stderr
    json.loads(res.stdout)  # stdout stays one JSON object
    assert f"wrote {csv_out}" in res.stderr and f"wrote {png}" in res.stderr
