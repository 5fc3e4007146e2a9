"""Leg-movement scoring core: detection, WASM 2016 / AASM rules, indices.

The grading of an index is :func:`nightlegs.knowledge.movement_grading.grade_movements`.

References
----------
Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording and
scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390.
The AASM Manual for the Scoring of Sleep and Associated Events (movement rules).
"""

from __future__ import annotations

from nightlegs.movement.scoring._score import score
from nightlegs.movement.scoring.accel import detect_accel
from nightlegs.movement.scoring.detect import LegDetection, detect_leg
from nightlegs.movement.scoring.indices import Indices, compute_indices
from nightlegs.movement.scoring.params import ScoringParams
from nightlegs.movement.scoring.rules import ScoredEvents, apply_rules

__all__ = [
    "Indices",
    "LegDetection",
    "ScoredEvents",
    "ScoringParams",
    "apply_rules",
    "compute_indices",
    "detect_accel",
    "detect_leg",
    "score",
]
