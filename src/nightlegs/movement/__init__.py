"""Leg-movement analysis of overnight recordings (EDF polysomnography, leg-worn accelerometers)."""

__all__: list[str] = []
