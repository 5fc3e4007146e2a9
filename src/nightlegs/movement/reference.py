"""A scorer's leg movements read from the files labs keep: NSRR XML, EDF+ annotations, CSV.

Every error names the file, the event or line, the field and what was expected, so a lab can
fix its export. Times are seconds from the recording start.

- **NSRR XML** (SHHS, MESA, CFS, MrOS, ...): ``ScoredEvent`` elements whose ``EventType`` is
  ``Limb Movement|...`` or whose ``EventConcept`` names a limb/leg movement or a PLM, e.g.
  ``"Limb movement - left|Limb Movement (Left)"``, ``"Periodic leg movement - right|PLM
  (Right)"``.
- **EDF+ annotations**: texts such as ``"Limb Movement (Left)"``, ``"LM right"``, ``"PLM"``,
  ``"Leg movement"`` (also those ``nightlegs analyze --edf-annotations`` writes).
- **CSV/TSV**: a header with ``onset_s`` and ``duration_s`` (or ``onset``, ``duration``),
  optional ``side`` (left/right/both, L/R) and ``periodic`` (true/false, 1/0).
"""

from __future__ import annotations

import csv
import glob
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nightlegs.errors import RecordingError
from nightlegs.movement._types import LegEvent

__all__ = ["ReferenceScoring", "find_reference", "is_leg_movement_text", "read_reference"]

_LM_TEXT = re.compile(r"(limb|leg)[\s_-]*mov|\bp?lms?\b|periodic[\s_-]*(limb|leg)", re.IGNORECASE)
_LEFT = re.compile(r"\bleft\b|\(l\)|\bl\b|\blinks\b|\bsx\b|\bsin\b", re.IGNORECASE)
_RIGHT = re.compile(r"\bright\b|\(r\)|\br\b|\brechts\b|\bdx\b", re.IGNORECASE)
_BOTH = re.compile(r"\bboth\b|\bbilateral\b", re.IGNORECASE)
_PERIODIC = re.compile(r"periodic|\bplms?\b", re.IGNORECASE)
_SIDES = {
    "left": "left",
    "l": "left",
    "right": "right",
    "r": "right",
    "both": "both",
    "bilateral": "both",
    "b": "both",
    "": "",
}
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


@dataclass(frozen=True)
class ReferenceScoring:
    """A scorer's leg movements.

    Attributes
    ----------
    events : tuple of LegEvent
        Sorted by onset.
    source : str
        The file (or ``"events"`` for a list given in Python).
    marks_periodic : bool
        Whether the file says which movements are periodic (NSRR PLM concepts, a ``periodic``
        column, ``PLM`` texts).
    """

    events: tuple[LegEvent, ...]
    source: str
    marks_periodic: bool = False

    @property
    def sided(self) -> bool:
        """True when every movement is on one named leg (then rule 4 merges them)."""
        return all(e.side in ("left", "right") for e in self.events)


def is_leg_movement_text(text: str) -> bool:
    """Whether an annotation text names a leg movement.

    Examples
    --------
    >>> [is_leg_movement_text(t) for t in ("Limb Movement (Left)", "PLM both", "Sleep stage 2")]
    [True, True, False]
    """
    return bool(_LM_TEXT.search(text))


def _side_from_text(text: str) -> str:
    left, right = bool(_LEFT.search(text)), bool(_RIGHT.search(text))
    if _BOTH.search(text) or (left and right):
        return "both"
    return "left" if left else ("right" if right else "")


def _checked(source: str, where: str, onset: float, duration: float) -> None:
    if not (math.isfinite(onset) and onset >= 0):
        raise RecordingError(
            f"{source}: {where}: onset: expected seconds >= 0 from the recording start, "
            f"got {onset!r}"
        )
    if not (math.isfinite(duration) and duration > 0):
        raise RecordingError(
            f"{source}: {where}: duration: expected seconds > 0 (overlap matching needs the "
            f"movement's end), got {duration!r}"
        )


def _number(value: str | None, source: str, where: str, field: str) -> float:
    try:
        return float(value if value is not None else "")
    except ValueError:
        raise RecordingError(
            f"{source}: {where}: {field}: expected a number of seconds, got {value!r}"
        ) from None


def _read_xml(path: Path) -> ReferenceScoring:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise RecordingError(f"{path}: not readable NSRR XML ({exc})") from exc
    scored = list(root.iter("ScoredEvent"))
    if not scored:
        raise RecordingError(
            f"{path}: no ScoredEvent element; expected NSRR XML (PSGAnnotation/ScoredEvents)"
        )
    events: list[LegEvent] = []
    periodic_marks = False
    for i, ev in enumerate(scored, start=1):
        etype = (ev.findtext("EventType") or "").strip()
        concept = (ev.findtext("EventConcept") or "").strip()
        if not (re.search(r"limb|leg", etype, re.I) or is_leg_movement_text(concept)):
            continue
        where = f"ScoredEvent {i} ({concept or etype!r})"
        onset = _number(ev.findtext("Start"), str(path), where, "Start")
        duration = _number(ev.findtext("Duration"), str(path), where, "Duration")
        _checked(str(path), where, onset, duration)
        periodic = bool(_PERIODIC.search(concept))
        periodic_marks |= periodic
        events.append(LegEvent(onset, duration, _side_from_text(concept), periodic))
    if not events:
        concepts = sorted({(e.findtext("EventConcept") or "").strip() for e in scored})[:8]
        raise RecordingError(
            f"{path}: no leg-movement ScoredEvent; expected EventType 'Limb Movement|...' or an "
            f"EventConcept like 'Limb movement - left|Limb Movement (Left)'; found {concepts}"
        )
    return ReferenceScoring(_sorted(events, periodic_marks), str(path), periodic_marks)


def _read_edf(path: Path) -> ReferenceScoring:
    from nightlegs.movement.readers import read_edf_annotations

    anns = read_edf_annotations(path)
    events: list[LegEvent] = []
    periodic_marks = False
    for a in anns:
        if not is_leg_movement_text(a.text):
            continue
        where = f"annotation {a.text!r} at {a.onset_s:g} s"
        _checked(str(path), where, a.onset_s, a.duration_s)
        periodic = bool(_PERIODIC.search(a.text))
        periodic_marks |= periodic
        events.append(LegEvent(a.onset_s, a.duration_s, _side_from_text(a.text), periodic))
    if not events:
        texts = sorted({a.text for a in anns})[:8]
        raise RecordingError(
            f"{path}: no leg-movement annotation; expected texts like 'Limb Movement (Left)', "
            f"'LM right' or 'PLM'; found {texts or 'no annotations'}"
        )
    return ReferenceScoring(_sorted(events, periodic_marks), str(path), periodic_marks)


def _column(header: list[str], names: tuple[str, ...]) -> str | None:
    return next((h for h in header if h.strip().lower() in names), None)


def _read_csv(path: Path) -> ReferenceScoring:
    src = str(path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        reader = csv.DictReader(fh, delimiter="\t" if "\t" in first else ",")
        header = list(reader.fieldnames or [])
        c_on = _column(header, ("onset_s", "onset", "start_s", "start"))
        c_dur = _column(header, ("duration_s", "duration"))
        if c_on is None or c_dur is None:
            raise RecordingError(
                f"{src}: header: expected columns onset_s and duration_s (seconds from the "
                f"recording start; optional side, periodic), found {header}"
            )
        c_side = _column(header, ("side", "leg"))
        c_per = _column(header, ("periodic", "plm"))
        events = []
        for n, row in enumerate(reader, start=2):
            where = f"line {n}"
            onset = _number(row.get(c_on), src, where, c_on)
            duration = _number(row.get(c_dur), src, where, c_dur)
            _checked(src, where, onset, duration)
            side = ""
            if c_side is not None:
                raw = (row.get(c_side) or "").strip().lower()
                if raw not in _SIDES:
                    raise RecordingError(
                        f"{src}: {where}: {c_side}: expected left, right, both, L, R or empty, "
                        f"got {row.get(c_side)!r}"
                    )
                side = _SIDES[raw]
            periodic: bool | None = None
            if c_per is not None:
                raw = (row.get(c_per) or "").strip().lower()
                if raw not in _TRUE | _FALSE:
                    raise RecordingError(
                        f"{src}: {where}: {c_per}: expected true/false or 1/0, "
                        f"got {row.get(c_per)!r}"
                    )
                periodic = raw in _TRUE
            events.append(LegEvent(onset, duration, side, periodic))
    return ReferenceScoring(_sorted(events, c_per is not None), src, c_per is not None)


def _sorted(events: Sequence[LegEvent], marks_periodic: bool) -> tuple[LegEvent, ...]:
    out = sorted(events, key=lambda e: (e.onset_s, e.duration_s))
    if not marks_periodic:
        out = [LegEvent(e.onset_s, e.duration_s, e.side, None) for e in out]
    return tuple(out)


def read_reference(path: str | Path) -> ReferenceScoring:
    """Read a scorer's leg movements from NSRR XML, an EDF+ file or a CSV/TSV table.

    Parameters
    ----------
    path : str or Path
        ``.xml`` (NSRR), ``.edf``/``.bdf`` (EDF+ annotations) or ``.csv``/``.tsv``/``.txt``.

    Returns
    -------
    ReferenceScoring

    Raises
    ------
    RecordingError
        Missing file, unknown type, no leg movement, or an event without a usable onset or
        duration; the message names the file, the event or line and the field.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "scorer.csv"
    >>> _ = p.write_text("onset_s,duration_s,side\\n12.5,1.5,L\\n40,2,right\\n")
    >>> [(e.onset_s, e.side) for e in read_reference(p).events]
    [(12.5, 'left'), (40.0, 'right')]
    """
    p = Path(path)
    if not p.is_file():
        raise RecordingError(f"{p}: reference file not found")
    suffix = p.suffix.lower()
    if suffix == ".xml":
        return _read_xml(p)
    if suffix in {".edf", ".bdf"}:
        return _read_edf(p)
    if suffix in {".csv", ".tsv", ".txt"}:
        return _read_csv(p)
    raise RecordingError(
        f"{p}: reference file type {suffix or '(none)'!r}: expected .xml (NSRR), .edf (EDF+ "
        "annotations) or .csv/.tsv (onset_s, duration_s[, side, periodic])"
    )


#: Suffixes of a scorer's file, in the order they are preferred.
_REFERENCE_SUFFIXES = (".xml", ".csv", ".tsv", ".edf", ".txt")


def find_reference(recording: str | Path, reference_dir: str | Path) -> Path | None:
    """The scorer's file for ``recording`` in ``reference_dir``, or None if there is none.

    Tried in order: the recording's name with a reference suffix (``night.xml``,
    ``night.csv``, ...), then the NSRR name ``night-nsrr.xml``, then any file whose name starts
    with the recording's stem and has a reference suffix (first by name). The recording itself
    is never its own reference.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "shhs1-200001-nsrr.xml").write_text("<PSGAnnotation/>")
    >>> find_reference("data/shhs1-200001.edf", d).name
    'shhs1-200001-nsrr.xml'
    """
    rec = Path(recording)
    folder = Path(reference_dir)
    stem = rec.stem

    def usable(p: Path) -> bool:
        return (
            p.is_file() and p.suffix.lower() in _REFERENCE_SUFFIXES and p.resolve() != rec.resolve()
        )

    for name in (*(stem + s for s in _REFERENCE_SUFFIXES), f"{stem}-nsrr.xml"):
        if usable(folder / name):
            return folder / name
    for p in sorted(folder.glob(f"{glob.escape(stem)}*")):
        if usable(p):
            return p
    return None
