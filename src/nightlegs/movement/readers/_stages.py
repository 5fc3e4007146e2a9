"""Normalise sleep-stage labels to the canonical set ``W, N1, N2, N3, R, ?``.

Accepted spellings (case-insensitive): W/N1/N2/N3/N4/R, "Wake", "REM", "Sleep stage W",
"Sleep stage 1".."4", "Stage 2", "S1".."S4", numeric 0-5 (0 wake, 1-3 NREM, 4 merged into N3,
5 REM; R&K stage 4 is N3 in AASM), "?", "MT"/"Movement time", "Unscored", and NSRR concepts
such as "Wake|0" or "Stage 2 sleep|2" (the number after ``|`` decides).
"""

from __future__ import annotations

import re

__all__ = ["ACCEPTED", "normalise_stage", "stage_or_none"]

_MAP: dict[str, str] = {
    "w": "W",
    "wake": "W",
    "awake": "W",
    "0": "W",
    "n1": "N1",
    "1": "N1",
    "s1": "N1",
    "nrem1": "N1",
    "n2": "N2",
    "2": "N2",
    "s2": "N2",
    "nrem2": "N2",
    "n3": "N3",
    "3": "N3",
    "s3": "N3",
    "nrem3": "N3",
    "n4": "N3",
    "4": "N3",
    "s4": "N3",
    "nrem4": "N3",
    "r": "R",
    "rem": "R",
    "5": "R",
    "sr": "R",
    "?": "?",
    "mt": "?",
    "movement": "?",
    "movementtime": "?",
    "unscored": "?",
    "unknown": "?",
    "6": "?",
    "9": "?",
    "a": "?",
    "artifact": "?",
    "artefact": "?",
}
ACCEPTED = "W, N1, N2, N3, N4, R, REM, Wake, Sleep stage W/1/2/3/4/R/?, S1-S4, 0-5, ?, MT"


def stage_or_none(label: str) -> str | None:
    """The canonical stage for ``label``, or None when it is not a stage label.

    Examples
    --------
    >>> stage_or_none("Sleep stage 4"), stage_or_none("Wake|0"), stage_or_none("Apnea")
    ('N3', 'W', None)
    """
    text = label.strip().lower()
    if "|" in text:  # NSRR "Stage 2 sleep|2"
        tail = text.rsplit("|", 1)[1].strip()
        if tail in _MAP:
            return _MAP[tail]
        text = text.split("|", 1)[0]
    text = re.sub(r"^(sleep[\s_]*stage|stage)[\s_]*", "", text)
    text = re.sub(r"[\s_]*sleep$", "", text)
    key = re.sub(r"[\s_\-]+", "", text)
    return _MAP.get(key)


def normalise_stage(label: str, *, source: str, where: str) -> str:
    """Canonical stage of ``label`` or a :class:`~nightlegs.errors.RecordingError`.

    Examples
    --------
    >>> normalise_stage("REM", source="hyp.csv", where="line 3")
    'R'
    """
    from nightlegs.errors import RecordingError

    stage = stage_or_none(label)
    if stage is None:
        raise RecordingError(
            f"{source}: {where}: unknown sleep stage {label!r}; expected one of {ACCEPTED}"
        )
    return stage
