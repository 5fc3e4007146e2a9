"""Analysis memory stays a small multiple of the decoded leg channels (issue 8: at most 3x)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from nightlegs.movement import analyze
from nightlegs.movement.export import write_recording_edf
from nightlegs.movement.readers import read_recording
from nightlegs.movement.synthetic import synthesize_night


def test_peak_memory_of_an_analysis_is_at_most_3x_the_decoded_leg_channels(
    tmp_path: Path,
) -> None:
    path = tmp_path / "night.edf"
    write_recording_edf(synthesize_night(1.0, 256, 1.5, seed=3).recording, path)
    decoded = sum(leg.emg_uv.nbytes for leg in read_recording(path).legs)
    tracemalloc.start()
    try:
        analyze(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Everything traced counts, the decoded channels (float64) included; 1.3x when measured.
    assert peak <= 3 * decoded, f"peak {peak / 1e6:.0f} MB for {decoded / 1e6:.0f} MB decoded"
