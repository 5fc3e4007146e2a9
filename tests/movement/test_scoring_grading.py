"""Article bands and the clinical reading, always together."""

from __future__ import annotations

import pytest

from nightlegs.movement.scoring.grading import article_band, clinical_band, grade


@pytest.mark.parametrize(
    ("index", "band"),
    [
        (0.0, "none"),
        (4.99, "none"),
        (5.0, "light"),
        (19.9, "light"),
        (20.0, "average"),
        (60.0, "average"),
        (60.01, "heavy"),
    ],
)
def test_article_bands(index: float, band: str) -> None:
    assert article_band(index) == band


@pytest.mark.parametrize(
    ("index", "band"),
    [
        (4.9, "none"),
        (5.0, "mild"),
        (24.9, "mild"),
        (25.0, "moderate"),
        (49.9, "moderate"),
        (50.0, "severe"),
    ],
)
def test_clinical_bands(index: float, band: str) -> None:
    assert clinical_band(index) == band


@pytest.mark.parametrize(
    ("index", "child", "reading"),
    [
        (15.0, False, "normal"),
        (15.1, False, "abnormal"),
        (5.0, True, "normal"),
        (5.1, True, "abnormal"),
    ],
)
def test_clinical_cutoffs(index: float, child: bool, reading: str) -> None:
    g = grade(index, child=child)
    assert g.clinical == reading
    assert g.cutoff_per_h == (5.0 if child else 15.0)


def test_grading_returns_both_readings() -> None:
    d = grade(30.0).to_dict()
    assert d["article"] == "average"
    assert d["clinical"] == "abnormal"
    assert d["clinical_band"] == "moderate"
    assert "not a validated clinical scale" in str(d["note"])


def test_no_index_is_not_available() -> None:
    g = grade(None, child=True)
    assert (g.article, g.clinical, g.clinical_band) == ("not available",) * 3
    assert g.index_per_h is None and g.cutoff_per_h == 5.0


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
