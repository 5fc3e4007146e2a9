"""analyze_batch: rows per recording, failures as rows, resume without redoing work."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from nightlegs.movement.batch import analyze_batch, expand_paths


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
