"""Free-text intake: turn a person's own words into findings with negation and context."""

from nightlegs.intake._extract import (
    FOREIGN_FINDINGS_TO_RANK,
    MAX_TEXT_CHARS,
    ExtractedFinding,
    IntakeResult,
    extract,
)
from nightlegs.intake._population import PopulationFacts, extract_population

__all__ = [
    "FOREIGN_FINDINGS_TO_RANK",
    "MAX_TEXT_CHARS",
    "ExtractedFinding",
    "IntakeResult",
    "PopulationFacts",
    "extract",
    "extract_population",
]
