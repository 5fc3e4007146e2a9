"""Find the tibialis anterior EMG channels of a recording by label and infer their side.

Labels vary between labs ("LAT", "RAT", "Leg L", "L Leg", "EMG Left Leg", "Tib", "LLEG", "RLEG",
"PLM l", "Left Tibialis", "TIB-L", ...). A label is split into lower-case tokens; it names a leg
when one token is a leg word, optionally glued to a side letter ("lleg", "tibl"), and no token names
another site (chin, submental, arm, ECG, EEG, ...). The side comes from a side token or the glued
letter; channels whose side cannot be read are given the remaining side, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nightlegs.errors import RecordingError
from nightlegs.movement._types import Side

__all__ = ["LegChannel", "find_leg_channels", "is_leg_label", "side_of"]

_LEG_WORDS = r"leg|legs|tib|tibia|tibialis|tibant|anttib|plm|plms|lm|at"
_SIDE_WORDS = {
    "l": "left",
    "left": "left",
    "lt": "left",
    "r": "right",
    "right": "right",
    "rt": "right",
}
_TOKEN = re.compile(rf"^(l|r|left|right)?({_LEG_WORDS})(l|r|left|right)?$")
_EXCLUDE = {
    "chin",
    "submental",
    "subment",
    "ment",
    "mentalis",
    "jaw",
    "masseter",
    "arm",
    "arms",
    "fdi",
    "ecg",
    "ekg",
    "eog",
    "eeg",
    "abd",
    "abdomen",
    "thor",
    "thorax",
    "chest",
    "resp",
    "flow",
    "snore",
    "sao2",
    "spo2",
    "pulse",
    "pleth",
    "position",
    "pos",
    "light",
    "ox",
    "emg1",
    "emg2",
    "emg3",
    "intercostal",
    "diaphragm",
    "nasal",
    "airflow",
    "cannula",
    "hr",
}
#: (label, side) of one chosen channel.
LegChannel = tuple[str, Side]


def _tokens(label: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", label.lower()) if t]


def is_leg_label(label: str) -> bool:
    """Whether ``label`` names a leg (tibialis anterior) EMG channel.

    Examples
    --------
    >>> is_leg_label("EMG Left Leg"), is_leg_label("Chin EMG"), is_leg_label("TIB-L")
    (True, False, True)
    """
    tokens = _tokens(label)
    if not tokens or any(t in _EXCLUDE for t in tokens):
        return False
    has_side = any(t in _SIDE_WORDS for t in tokens)
    for tok in tokens:
        m = _TOKEN.match(tok)
        if m is None:
            continue
        word, glued = m.group(2), m.group(1) or m.group(3)
        # "at" and "lm" are too short to trust alone: need a side ("LAT", "AT-R", "LM l").
        if word in {"at", "lm"} and not (glued or has_side):
            continue
        return True
    return False


def side_of(label: str) -> Side | None:
    """The side a leg label names, or None when it does not say.

    Examples
    --------
    >>> side_of("RAT"), side_of("Leg L"), side_of("Tib")
    ('right', 'left', None)
    """
    for tok in _tokens(label):
        if tok in _SIDE_WORDS:
            return "left" if _SIDE_WORDS[tok] == "left" else "right"
        m = _TOKEN.match(tok)
        if m is not None and (m.group(1) or m.group(3)):
            glued = (m.group(1) or m.group(3))[0]
            return "left" if glued == "l" else "right"
    return None


def find_leg_channels(
    labels: Sequence[str],
    explicit: Sequence[str] | None = None,
    *,
    source: str = "recording",
) -> tuple[list[LegChannel], list[str]]:
    """Choose the leg channels among ``labels``.

    Parameters
    ----------
    labels : sequence of str
        Channel labels in file order.
    explicit : sequence of str, optional
        Labels the caller named (case-insensitive, surrounding blanks ignored). When given, only
        these are used; the first is the left leg unless its label says otherwise.
    source : str
        File name for error messages.

    Returns
    -------
    channels : list of (label, side)
        One or two channels, left first.
    warnings : list of str

    Raises
    ------
    RecordingError
        No leg channel (the message lists the channels found), or a named channel is missing.

    Examples
    --------
    >>> find_leg_channels(["C3-M2", "Chin", "LAT", "RAT"])[0]
    [('LAT', 'left'), ('RAT', 'right')]
    """
    warnings: list[str] = []
    if explicit:
        by_key = {lab.strip().lower(): lab for lab in labels}
        chosen = []
        for name in explicit:
            if name.strip().lower() not in by_key:
                raise RecordingError(
                    f"{source}: leg channel {name!r} not found; channels in the file: "
                    f"{', '.join(labels) or '(none)'}"
                )
            chosen.append(by_key[name.strip().lower()])
        if len(chosen) > 2:
            raise RecordingError(
                f"{source}: leg_channels: expected one or two labels, got {chosen}"
            )
    else:
        chosen = [lab for lab in labels if is_leg_label(lab)]
        if not chosen:
            raise RecordingError(
                f"{source}: no leg EMG channel found (expected a label such as LAT, RAT, Leg L, "
                f"TIB-R); channels in the file: {', '.join(labels) or '(none)'}; "
                "name them with leg_channels / --leg-channels"
            )
        if len(chosen) > 2:
            warnings.append(f"{source}: more than two leg channels ({chosen}); using the first two")
            chosen = chosen[:2]
    sides: list[Side | None] = [side_of(lab) for lab in chosen]
    if len(chosen) == 2 and sides[0] is not None and sides[0] == sides[1]:
        raise RecordingError(f"{source}: both leg channels {chosen} name the {sides[0]} side")
    result: list[LegChannel] = []
    for lab, side in zip(chosen, sides, strict=True):
        if side is None:
            taken = {s for s in sides if s is not None} | {s for _, s in result}
            side = "left" if "left" not in taken else "right"
            warnings.append(f"{source}: side of channel {lab!r} not in its label; taken as {side}")
        result.append((lab, side))
    result.sort(key=lambda c: c[1] != "left")
    return result, warnings
