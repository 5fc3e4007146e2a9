"""Leg-movement analysis of overnight recordings (EDF polysomnography, leg-worn accelerometers)."""

from nightlegs.movement.analyze import analyze

__all__: list[str] = [
    "analyze",
]
