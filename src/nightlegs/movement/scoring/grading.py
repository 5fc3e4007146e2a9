"""Grading of a periodic-limb-movement index: the article's bands next to the clinical reading.

The article's bands (none < 5, light 5-20, average 20-60, heavy > 60 movements per hour) are not
a validated clinical scale, so :func:`grade` always returns them together with the clinical
reading: a PLMS index above 15/h in adults or 5/h in children is abnormal (AASM; WASM 2016 [1]_),
with the traditional bands mild 5-24, moderate 25-49 and severe >= 50 per hour. Periodic limb
movement disorder needs in addition a sleep complaint not explained by another disorder.

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
.. [2] The AASM Manual for the Scoring of Sleep and Associated Events; ICSD-3 criteria for
   periodic limb movement disorder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ADULT_CUTOFF_PER_H",
    "BANDS_SOURCE",
    "CHILD_CUTOFF_PER_H",
    "NOT_AVAILABLE",
    "ArticleBand",
    "ClinicalBand",
    "Grading",
    "article_band",
    "clinical_band",
    "grade",
]

ArticleBand = Literal["none", "light", "average", "heavy", "not available"]
ClinicalBand = Literal["none", "mild", "moderate", "severe", "not available"]
#: Every reading of a night whose index cannot be computed (a hypnogram with no sleep).
NOT_AVAILABLE: Literal["not available"] = "not available"
ADULT_CUTOFF_PER_H = 15.0
CHILD_CUTOFF_PER_H = 5.0
#: What "the article's bands" are, said wherever they are cited, beside the clinical cut-off.
BANDS_SOURCE = (
    "The article's bands are a consumer health article's grading of leg movements per hour "
    "(light 5-20/h, average 20-60/h, heavy over 60/h), not a validated scale. The clinical "
    "cut-off is a PLMS index over 15/h in adults and over 5/h in children (ICSD-3/AASM), "
    "scored properly only by a sleep study."
)


@dataclass(frozen=True)
class Grading:
    """Both readings of one index (movements per hour); ``"not available"`` without an index."""

    index_per_h: float | None
    article: ArticleBand
    clinical: Literal["normal", "abnormal", "not available"]
    clinical_band: ClinicalBand
    cutoff_per_h: float
    population: Literal["adult", "child"]
    note: str

    def to_dict(self) -> dict[str, object]:
        return {
            "index_per_h": self.index_per_h,
            "article": self.article,
            "clinical": self.clinical,
            "clinical_band": self.clinical_band,
            "cutoff_per_h": self.cutoff_per_h,
            "population": self.population,
            "note": self.note,
        }


def article_band(index_per_h: float) -> ArticleBand:
    """The article's band: none < 5, light 5-20, average 20-60, heavy > 60 per hour.

    Boundaries go to the higher band up to 60 (5 is light, 20 is average, 60 is average).

    Examples
    --------
    >>> [article_band(x) for x in (4.9, 5, 20, 60, 60.1)]
    ['none', 'light', 'average', 'average', 'heavy']
    """
    if index_per_h < 5:
        return "none"
    if index_per_h < 20:
        return "light"
    if index_per_h <= 60:
        return "average"
    return "heavy"


def clinical_band(index_per_h: float) -> ClinicalBand:
    """Traditional severity bands: mild 5-24, moderate 25-49, severe >= 50 per hour.

    Examples
    --------
    >>> [clinical_band(x) for x in (4.9, 5, 24.9, 25, 49.9, 50)]
    ['none', 'mild', 'mild', 'moderate', 'moderate', 'severe']
    """
    if index_per_h < 5:
        return "none"
    if index_per_h < 25:
        return "mild"
    if index_per_h < 50:
        return "moderate"
    return "severe"


def grade(index_per_h: float | None, *, child: bool = False) -> Grading:
    """Grade a PLMS index (per hour of sleep) both ways.

    Parameters
    ----------
    index_per_h : float or None
        PLMS index, or the PLM index per hour of recording when there is no hypnogram; None
        when a hypnogram was given but holds no sleep (every reading is then "not available").
    child : bool
        Use the paediatric cut-off (> 5/h) instead of the adult one (> 15/h).

    Returns
    -------
    Grading

    Examples
    --------
    >>> g = grade(18.0)
    >>> (g.article, g.clinical, g.clinical_band)
    ('light', 'abnormal', 'mild')
    >>> grade(8.0, child=True).clinical
    'abnormal'
    >>> grade(None).clinical
    'not available'
    """
    cutoff = CHILD_CUTOFF_PER_H if child else ADULT_CUTOFF_PER_H
    note = (
        "Article bands are not a validated clinical scale. An abnormal PLMS index alone is "
        "not a diagnosis: periodic limb movement disorder also needs a sleep complaint not "
        "explained by another disorder."
    )
    population: Literal["adult", "child"] = "child" if child else "adult"
    if index_per_h is None:
        return Grading(
            index_per_h=None,
            article=NOT_AVAILABLE,
            clinical=NOT_AVAILABLE,
            clinical_band=NOT_AVAILABLE,
            cutoff_per_h=cutoff,
            population=population,
            note="No sleep was scored, so there is no PLMS index to grade. " + note,
        )
    return Grading(
        index_per_h=index_per_h,
        article=article_band(index_per_h),
        clinical="abnormal" if index_per_h > cutoff else "normal",
        clinical_band=clinical_band(index_per_h),
        cutoff_per_h=cutoff,
        population=population,
        note=note,
    )
