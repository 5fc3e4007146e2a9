"""The vocabulary every knowledge-base model shares: strict records, triage levels, strengths,
evidence levels, age bands, finding categories and sources."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
)

__all__ = ["AgeBand", "Evidence", "FindingCategory", "Source", "Strength", "Triage"]

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Triage(StrEnum):
    """Triage levels, ordered from least to most urgent by :attr:`rank`."""

    SELF_CARE = "self_care"
    DOCTOR = "doctor"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        # Keyed by the plain value: an assessment asks for ranks dozens of times, and a
        # string's hash is cached where an enum member's is computed in Python.
        return _TRIAGE_RANK[self._value_]


_TRIAGE_ORDER = [Triage.SELF_CARE, Triage.DOCTOR, Triage.URGENT, Triage.EMERGENCY]
_TRIAGE_RANK = {level.value: rank for rank, level in enumerate(_TRIAGE_ORDER)}


class Strength(StrEnum):
    """How strongly a finding speaks for or against a condition."""

    WEAK = "weak"
    MODERATE = "moderate"
    STRONG = "strong"
    VERY_STRONG = "very_strong"


class Evidence(StrEnum):
    """Evidence level of a piece of advice (GRADE-like, plus expert opinion)."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"
    EXPERT_OPINION = "expert_opinion"
    NONE = "none"


class AgeBand(StrEnum):
    """Age bands used for priors: child < 13, adolescent 13-17, adult 18-64, older 65+."""

    CHILD = "child"
    ADOLESCENT = "adolescent"
    ADULT = "adult"
    OLDER = "older"


class FindingCategory(StrEnum):
    SYMPTOM = "symptom"
    SITE = "site"
    TIMING = "timing"
    MODIFIER = "modifier"
    SIGN = "sign"
    SYSTEMIC = "systemic"
    HISTORY = "history"
    MEDICINE = "medicine"
    LIFESTYLE = "lifestyle"


class Source(_Strict):
    """Where a piece of knowledge comes from.

    ``kind="article"``: ``locator`` quotes a few words of the article passage.
    ``kind="guideline"``: ``ref`` names the guideline (e.g. "NICE NG158") and ``locator`` the point.
    """

    kind: Literal["article", "guideline", "review"]
    ref: str = Field(min_length=2)
    locator: str = Field(min_length=3)
