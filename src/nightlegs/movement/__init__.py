"""Leg-movement analysis of overnight recordings (EDF polysomnography, leg-worn accelerometers)."""

from nightlegs.movement.analyze import analyze
from nightlegs.movement.results import MovementAnalysis
from nightlegs.movement.scoring import ScoringParams, score
from nightlegs.movement.synthetic import synthesize_night

__all__: list[str] = [
    "MovementAnalysis",
    "ScoringParams",
    "analyze",
    "score",
    "synthesize_night",
]
