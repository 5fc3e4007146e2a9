"""Leg-movement analysis of overnight recordings (EDF polysomnography, leg-worn accelerometers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nightlegs.movement.analyze import analyze
from nightlegs.movement.results import MovementAnalysis
from nightlegs.movement.scoring import ScoringParams, score

if TYPE_CHECKING:
    from nightlegs.movement.synthetic import synthesize_night

__all__: list[str] = [
    "MovementAnalysis",
    "ScoringParams",
    "analyze",
    "score",
    "synthesize_night",
]


def __getattr__(name: str) -> Any:
    # The synthetic night needs scipy.signal (about a second to import); load it on first use.
    if name == "synthesize_night":
        from nightlegs.movement.synthetic import synthesize_night

        globals()[name] = synthesize_night
        return synthesize_night
    raise AttributeError(f"module 'nightlegs.movement' has no attribute {name!r}")
