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
