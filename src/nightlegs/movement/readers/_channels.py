"""Find the tibialis anterior EMG channels of a recording by label and read their side.

Two sources of knowledge, both in ``data/leg_labels.json`` (documented in
``docs/leg-channels.md``):

1. **Dataset labels.** Exact labels of public datasets and vendor montages (``SX1-SX2`` of the
   CAP Sleep Database is the left tibialis; ``X3``/``X4`` are the legs of ISRUC, but only in a file
   that has ISRUC's ``X1``..``X6``). Labels are compared as their letter and digit runs
   (``Dx1-DX2`` = ``DX1-DX2``).
2. **Word rules.** A label is split into letter and digit runs; it names a leg when one run is a
   muscle word (leg, tib, tibialis, TA, AT, PLM, ...), possibly glued to a side (``LAT``, ``lleg``,
   ``tibl``), and no run names another site (chin, arm, ECG, EOG, ...). Its side comes from a side
   word in any of the languages labs use (L/R, sx/sin/dx, links/rechts, gauche/droite, izq/der).

The side is never guessed silently: a channel whose label does not say it gets the remaining side
(or the left, first in file order), and the warnings say which channel was taken as which side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from nightlegs.errors import RecordingError
from nightlegs.movement._types import Side
from nightlegs.movement.readers._label_table import label_table

__all__ = ["LegChannel", "find_leg_channels", "is_leg_label", "label_key", "side_of"]

_RUNS = re.compile(r"[a-z]+|[0-9]+")


class LegChannel(NamedTuple):
    """One chosen channel: its label, its side and where the side came from.

    ``side_from`` is ``"label"`` (the label says it), ``"file order"`` or ``"leg_channels order"``
    (the label does not say it; a warning names the side it was taken as).
    """

    label: str
    side: Side
    side_from: str = "label"


@dataclass(frozen=True)
class _Match:
    label: str
    side: Side | None
    strength: int  # side-bearing runs: "SX1-SX2" (2) beats "SX1" (1) for the same leg
    order: int


def label_key(label: str) -> str:
    """The form labels are compared in: lower-case letter and digit runs, space separated.

    Examples
    --------
    >>> label_key("Dx1-DX2"), label_key("EMG  Ant Tibial L")
    ('dx 1 dx 2', 'emg ant tibial l')
    """
    return " ".join(_RUNS.findall(label.lower()))


def _glued(run: str) -> tuple[str, Side | None] | None:
    """(muscle word, glued side) of one run, or None when it is not a muscle word."""
    table = label_table()
    if run in table.muscle_words:
        return run, None
    for side_word in table.glued_side_words:
        side: Side = "left" if side_word in table.left_words else "right"
        if run.startswith(side_word) and run[len(side_word) :] in table.muscle_words:
            return run[len(side_word) :], side
        if run.endswith(side_word) and run[: -len(side_word)] in table.muscle_words:
            return run[: -len(side_word)], side
    return None


def _sides(runs: Sequence[str]) -> list[Side]:
    table = label_table()
    found: list[Side] = []
    for run in runs:
        glued = _glued(run)
        if glued is not None and glued[1] is not None:
            found.append(glued[1])
        elif run in table.left_words:
            found.append("left")
        elif run in table.right_words:
            found.append("right")
    return found


def _from_table(key: str, present: set[str] | None) -> tuple[Side | None] | None:
    """(side,) when a dataset row lists ``key`` (and the file has the row's other labels)."""
    for row in label_table().datasets:
        if row.requires and (
            present is None or not {label_key(r) for r in row.requires} <= present
        ):
            continue
        if key in {label_key(lab) for lab in row.left}:
            return ("left",)
        if key in {label_key(lab) for lab in row.right}:
            return ("right",)
        if key in {label_key(lab) for lab in row.unsided}:
            return (None,)
    return None


def _classify(label: str, present: set[str] | None = None) -> tuple[bool, Side | None, int]:
    """(is a leg channel, side or None, strength) of one label."""
    key = label_key(label)
    runs = key.split()
    sides = _sides(runs)
    side: Side | None = sides[0] if sides and len(set(sides)) == 1 else None
    strength = len(sides) if side is not None else 0
    hit = _from_table(key, present)
    if hit is not None:
        return True, hit[0], max(strength, 1 if hit[0] else 0)
    table = label_table()
    if not runs or any(r in table.exclude_words for r in runs):
        return False, None, 0
    for run in runs:
        glued = _glued(run)
        if glued is None:
            continue
        # "at", "ta" and "lm" are too short to trust alone: they need a side ("LAT", "TA R").
        if glued[0] in table.short_muscle_words and not sides:
            continue
        return True, side, strength
    return False, None, 0


def is_leg_label(label: str) -> bool:
    """Whether ``label`` names a leg (tibialis anterior) EMG channel.

    Examples
    --------
    >>> is_leg_label("EMG Ant Tibial R"), is_leg_label("Chin EMG"), is_leg_label("SX1-SX2")
    (True, False, True)
    """
    return _classify(label)[0]


def side_of(label: str) -> Side | None:
    """The side a leg label names, or None when it does not say.

    Examples
    --------
    >>> side_of("RAT"), side_of("tib sin"), side_of("EMG Ant Tibial L"), side_of("Leg 1")
    ('right', 'left', 'left', None)
    """
    return _classify(label)[1]


def _explicit(
    labels: Sequence[str], explicit: Sequence[str], source: str
) -> tuple[list[LegChannel], list[str]]:
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
        raise RecordingError(f"{source}: leg_channels: expected one or two labels, got {chosen}")
    sides = [side_of(lab) for lab in chosen]
    if len(chosen) == 2 and sides[0] is not None and sides[0] == sides[1]:
        raise RecordingError(f"{source}: both leg channels {chosen} name the {sides[0]} side")
    result: list[LegChannel] = []
    warnings: list[str] = []
    for lab, side in zip(chosen, sides, strict=True):
        if side is not None:
            result.append(LegChannel(lab, side))
            continue
        taken = {s for s in sides if s is not None} | {c.side for c in result}
        given: Side = "left" if "left" not in taken else "right"
        result.append(LegChannel(lab, given, "leg_channels order"))
        warnings.append(
            f"{source}: the label of channel {lab!r} does not say the side; taken as the {given} "
            "leg from the order of leg_channels (left first)"
        )
    return sorted(result, key=lambda c: c.side != "left"), warnings


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
        File name for messages.

    Returns
    -------
    channels : list of LegChannel
        One or two channels, left first, each with the origin of its side.
    warnings : list of str
        Among them, one for every side that the label does not state.

    Raises
    ------
    RecordingError
        No leg channel (the message lists the channels found), or a named channel is missing.

    Examples
    --------
    >>> [tuple(c) for c in find_leg_channels(["C3-M2", "Chin", "DX1-DX2", "SX1-SX2"])[0]]
    [('SX1-SX2', 'left', 'label'), ('DX1-DX2', 'right', 'label')]
    """
    if explicit:
        return _explicit(labels, explicit, source)
    present = {label_key(lab) for lab in labels}
    matches = []
    for i, lab in enumerate(labels):
        is_leg, side, strength = _classify(lab, present)
        if is_leg:
            matches.append(_Match(lab, side, strength, i))
    if not matches:
        raise RecordingError(
            f"{source}: no leg EMG channel found (expected a label such as LAT, RAT, Leg L, "
            f"TIB-R, SX1-SX2; see docs/leg-channels.md); channels in the file: "
            f"{', '.join(labels) or '(none)'}; name them with leg_channels / --leg-channels"
        )
    warnings: list[str] = []
    chosen: dict[Side, LegChannel] = {}
    both: tuple[Side, Side] = ("left", "right")
    for leg in both:
        sided = [m for m in matches if m.side == leg]
        if sided:
            best = max(sided, key=lambda m: (m.strength, -m.order))
            chosen[leg] = LegChannel(best.label, leg)
    for m in (m for m in matches if m.side is None):
        missing = [s for s in both if s not in chosen]
        if not missing:
            break
        free = missing[0]
        chosen[free] = LegChannel(m.label, free, "file order")
        warnings.append(
            f"{source}: the label of channel {m.label!r} does not say the side; taken as the "
            f"{free} leg (file order); name the channels with leg_channels / --leg-channels "
            "LEFT,RIGHT if this is wrong"
        )
    used = {c.label for c in chosen.values()}
    unused = [m.label for m in matches if m.label not in used]
    if unused:
        warnings.append(
            f"{source}: leg-like channels not used: {', '.join(unused)}; used "
            + ", ".join(f"{c.label} ({c.side})" for c in chosen.values())
        )
    if len(chosen) == 1:
        only = next(iter(chosen.values()))
        warnings.append(f"{source}: one leg channel found ({only.label}, {only.side} leg)")
    return sorted(chosen.values(), key=lambda c: c.side != "left"), warnings
