"""The one grading of leg movements per hour: the article's band next to the clinical reading.

Every surface that names a band for a movements-per-hour figure (the analysis of a recording,
the instruments of an assessment, the trends chart, the report and the FHIR export) calls
:func:`grade_movements` and renders the words from the fields of the :class:`MovementGrade` it
returns; no other module writes a threshold.

The article's bands ("5-20 light, 20-60 average, over 60 heavy" movements per hour) are not a
validated clinical scale. Its ranges share their ends, so the boundary rule is stated here once:

=========================  =====================
movements per hour ``x``   article band
=========================  =====================
``x < 5``                  none (below the light band)
``5 <= x < 20``            light
``20 <= x <= 60``          average
``x > 60``                 heavy
=========================  =====================

The clinical reading is the PLMS index against its cut-off: above 15/h in adults or 5/h in
children is abnormal (AASM; WASM 2016 [1]_), with the traditional bands mild 5-24, moderate
25-49 and severe >= 50 per hour. Periodic limb movement disorder needs in addition a sleep
complaint not explained by another disorder.

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
.. [2] The AASM Manual for the Scoring of Sleep and Associated Events; ICSD-3 criteria for
   periodic limb movement disorder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from nightlegs.errors import InputError

__all__ = [
    "ADULT_CUTOFF_PER_H",
    "ARTICLE_BANDS",
    "BANDS_IN_WORDS",
    "BANDS_SOURCE",
    "CHILD_CUTOFF_PER_H",
    "NOT_AVAILABLE",
    "ArticleBand",
    "ArticleBandRange",
    "ClinicalBand",
    "MovementGrade",
    "article_band",
    "clinical_band",
    "cutoff_per_h",
    "grade_movements",
]

ArticleBand = Literal["none", "light", "average", "heavy", "not available"]
ClinicalBand = Literal["none", "mild", "moderate", "severe", "not available"]
#: Every reading of a night whose index cannot be computed (a hypnogram with no sleep).
NOT_AVAILABLE: Literal["not available"] = "not available"

# The article's band edges (movements per hour); the boundary rule is in the module docstring.
_LIGHT_FROM = 5.0
_AVERAGE_FROM = 20.0
_HEAVY_ABOVE = 60.0
# The traditional clinical severity bands of the PLMS index (per hour of sleep).
_MILD_FROM = 5.0
_MODERATE_FROM = 25.0
_SEVERE_FROM = 50.0
#: Clinical cut-offs of the PLMS index: abnormal above these (ICSD-3/AASM).
ADULT_CUTOFF_PER_H = 15.0
CHILD_CUTOFF_PER_H = 5.0

_NOTE = (
    "Article bands are not a validated clinical scale. An abnormal PLMS index alone is "
    "not a diagnosis: periodic limb movement disorder also needs a sleep complaint not "
    "explained by another disorder."
)


@dataclass(frozen=True)
class ArticleBandRange:
    """One of the article's bands: its name, its edges (per hour) and its words."""

    name: ArticleBand
    low: float
    high: float

    @property
    def span(self) -> str:
        """The range without its unit (``"5-20"``, ``"< 5"``, ``"> 60"``)."""
        if self.low == 0:
            return f"< {self.high:g}"
        if math.isinf(self.high):
            return f"> {self.low:g}"
        return f"{self.low:g}-{self.high:g}"

    @property
    def words(self) -> str:
        """The band with its range as the article gives it (``"light (5-20/h)"``)."""
        return f"{self.name} ({self.span}/h)"


#: The article's bands from low to high, for the surfaces that draw or list them all.
ARTICLE_BANDS: tuple[ArticleBandRange, ...] = (
    ArticleBandRange("none", 0.0, _LIGHT_FROM),
    ArticleBandRange("light", _LIGHT_FROM, _AVERAGE_FROM),
    ArticleBandRange("average", _AVERAGE_FROM, _HEAVY_ABOVE),
    ArticleBandRange("heavy", _HEAVY_ABOVE, math.inf),
)
_BAND_RANGES = {b.name: b for b in ARTICLE_BANDS}

#: The article's bands in words, for the sentences that cite them all.
BANDS_IN_WORDS = (
    f"light {_LIGHT_FROM:g}-{_AVERAGE_FROM:g}/h, average {_AVERAGE_FROM:g}-{_HEAVY_ABOVE:g}/h, "
    f"heavy over {_HEAVY_ABOVE:g}/h"
)
#: What "the article's bands" are, said wherever they are cited, beside the clinical cut-off.
BANDS_SOURCE = (
    "The article's bands are a consumer health article's grading of leg movements per hour "
    f"({BANDS_IN_WORDS}), not a validated scale. The clinical cut-off is a PLMS index over "
    f"{ADULT_CUTOFF_PER_H:g}/h in adults and over {CHILD_CUTOFF_PER_H:g}/h in children "
    "(ICSD-3/AASM), scored properly only by a sleep study."
)


def article_band(per_hour: float) -> ArticleBand:
    """The article's band: none < 5, light 5 to under 20, average 20 to 60, heavy over 60.

    Examples
    --------
    >>> [article_band(x) for x in (4.99, 5, 19.99, 20, 60, 60.01)]
    ['none', 'light', 'light', 'average', 'average', 'heavy']
    """
    if per_hour < _LIGHT_FROM:
        return "none"
    if per_hour < _AVERAGE_FROM:
        return "light"
    if per_hour <= _HEAVY_ABOVE:
        return "average"
    return "heavy"


def clinical_band(per_hour: float) -> ClinicalBand:
    """Traditional severity bands: mild 5-24, moderate 25-49, severe >= 50 per hour.

    Examples
    --------
    >>> [clinical_band(x) for x in (4.9, 5, 24.9, 25, 49.9, 50)]
    ['none', 'mild', 'mild', 'moderate', 'moderate', 'severe']
    """
    if per_hour < _MILD_FROM:
        return "none"
    if per_hour < _MODERATE_FROM:
        return "mild"
    if per_hour < _SEVERE_FROM:
        return "moderate"
    return "severe"


def cutoff_per_h(*, child: bool) -> float:
    """The clinical cut-off of the PLMS index: abnormal above it.

    Examples
    --------
    >>> cutoff_per_h(child=False), cutoff_per_h(child=True)
    (15.0, 5.0)
    """
    return CHILD_CUTOFF_PER_H if child else ADULT_CUTOFF_PER_H


@dataclass(frozen=True)
class MovementGrade:
    """Both readings of one figure of movements per hour; ``"not available"`` without one.

    The words every surface shows (:attr:`article_words`, :attr:`clinical_words`,
    :attr:`reading`) are rendered from the fields, never parsed back.
    """

    index_per_h: float | None
    article: ArticleBand
    clinical: Literal["normal", "abnormal", "not available"]
    clinical_band: ClinicalBand
    cutoff_per_h: float
    population: Literal["adult", "child"]
    note: str

    @property
    def article_words(self) -> str:
        """The article's band with its range (``"average (20-60/h)"``)."""
        band = _BAND_RANGES.get(self.article)
        return NOT_AVAILABLE if band is None else band.words

    @property
    def clinical_words(self) -> str:
        """The clinical reading with its cut-off (``"abnormal (> 15/h), moderate"``)."""
        if self.clinical == NOT_AVAILABLE:
            return NOT_AVAILABLE
        if self.clinical == "abnormal":
            return f"abnormal (> {self.cutoff_per_h:g}/h), {self.clinical_band}"
        return f"normal (<= {self.cutoff_per_h:g}/h)"

    @property
    def reading(self) -> str:
        """Both readings in one sentence, with the caveat about the article's bands."""
        return (
            f"Article band: {self.article_words}; clinical reading: {self.clinical_words}. "
            "The article's bands are not a validated scale; a sleep study scores periodic "
            "limb movements properly."
        )

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


def grade_movements(per_hour: float | None, *, child: bool = False) -> MovementGrade:
    """Grade movements per hour on the article's bands and against the clinical cut-off.

    Parameters
    ----------
    per_hour : float or None
        Leg movements per hour: a PLMS index (per hour of sleep), a PLM index per hour of
        recording when there is no hypnogram, or a figure typed into the diary; None when a
        hypnogram was given but holds no sleep (every reading is then "not available").
    child : bool
        Use the paediatric cut-off (> 5/h) instead of the adult one (> 15/h).

    Returns
    -------
    MovementGrade

    Raises
    ------
    InputError
        ``per_hour`` is negative or not a number.

    Examples
    --------
    >>> g = grade_movements(18.0)
    >>> (g.article, g.clinical, g.clinical_band)
    ('light', 'abnormal', 'mild')
    >>> g.article_words, g.clinical_words
    ('light (5-20/h)', 'abnormal (> 15/h), mild')
    >>> grade_movements(8.0, child=True).clinical
    'abnormal'
    >>> grade_movements(None).clinical
    'not available'
    """
    cutoff = cutoff_per_h(child=child)
    population: Literal["adult", "child"] = "child" if child else "adult"
    if per_hour is None:
        return MovementGrade(
            index_per_h=None,
            article=NOT_AVAILABLE,
            clinical=NOT_AVAILABLE,
            clinical_band=NOT_AVAILABLE,
            cutoff_per_h=cutoff,
            population=population,
            note="No sleep was scored, so there is no PLMS index to grade. " + _NOTE,
        )
    if math.isnan(per_hour) or per_hour < 0:
        raise InputError(f"movements_per_hour: expected a number >= 0, got {per_hour!r}")
    return MovementGrade(
        index_per_h=per_hour,
        article=article_band(per_hour),
        clinical="abnormal" if per_hour > cutoff else "normal",
        clinical_band=clinical_band(per_hour),
        cutoff_per_h=cutoff,
        population=population,
        note=_NOTE,
    )
