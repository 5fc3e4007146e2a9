"""The analysis grades its headline index: not available without sleep."""

from __future__ import annotations


def test_hypnogram_without_sleep_gives_not_available() -> None:
    from dataclasses import replace

    from nightlegs.movement import score, synthesize_night
    from nightlegs.movement._types import Hypnogram

    night = synthesize_night(0.25, 256, 1.0, seed=4)
    n_epochs = round(night.recording.duration_s / 30)
    rec = replace(night.recording, hypnogram=Hypnogram(("W",) * n_epochs))
    data = score(rec).to_dict()
    assert data["sleep_hours"] == 0
    assert data["plms_index"] is None
    assert data["severity_article"] == data["severity_clinical"] == "not available"
    assert any("no sleep scored" in w for w in data["warnings"])


def test_low_rate_warned_once_through_the_reader(tmp_path: object) -> None:
    import numpy as np

    from nightlegs.movement import analyze

    emg = np.random.default_rng(0).normal(0, 2, 128 * 60)
    result = analyze({"left": emg, "right": emg[::-1].copy()}, fs=128)
    rate = [w for w in result.warnings if "128 Hz" in w]
    assert len(rate) == 2  # one per channel, not two wordings per channel
    assert "'left'" in rate[0] and "'right'" in rate[1]
