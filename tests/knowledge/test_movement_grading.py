"""Article bands and the clinical reading, always together."""

from __future__ import annotations

import itertools

import pytest

from nightlegs.errors import InputError
from nightlegs.knowledge.movement_grading import (
    ARTICLE_BANDS,
    article_band,
    clinical_band,
    grade_movements,
)


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
    g = grade_movements(index, child=child)
    assert g.clinical == reading
    assert g.cutoff_per_h == (5.0 if child else 15.0)


def test_grading_returns_both_readings() -> None:
    d = grade_movements(30.0).to_dict()
    assert d["article"] == "average"
    assert d["clinical"] == "abnormal"
    assert d["clinical_band"] == "moderate"
    assert "not a validated clinical scale" in str(d["note"])


def test_no_index_is_not_available() -> None:
    g = grade_movements(None, child=True)
    assert (g.article, g.clinical, g.clinical_band) == ("not available",) * 3
    assert g.index_per_h is None and g.cutoff_per_h == 5.0


@pytest.mark.parametrize(
    ("per_hour", "child", "words"),
    [
        (4.0, False, "normal (<= 15/h)"),
        (15.0, False, "normal (<= 15/h)"),
        (15.1, False, "abnormal (> 15/h), mild"),
        (5.1, True, "abnormal (> 5/h), mild"),
        (30.0, True, "abnormal (> 5/h), moderate"),
    ],
)
def test_clinical_words_come_from_the_fields(per_hour: float, child: bool, words: str) -> None:
    g = grade_movements(per_hour, child=child)
    assert g.clinical_words == words
    assert g.reading.startswith(f"Article band: {g.article_words}; clinical reading: {words}.")


def test_band_words_cover_the_line_without_gaps() -> None:
    assert [b.words for b in ARTICLE_BANDS] == [
        "none (< 5/h)",
        "light (5-20/h)",
        "average (20-60/h)",
        "heavy (> 60/h)",
    ]
    assert all(a.high == b.low for a, b in itertools.pairwise(ARTICLE_BANDS))
    assert grade_movements(None).article_words == "not available"


@pytest.mark.parametrize("bad", [-1.0, float("nan")])
def test_bad_value_names_the_field(bad: float) -> None:
    with pytest.raises(InputError, match="movements_per_hour: expected a number >= 0"):
        grade_movements(bad)
