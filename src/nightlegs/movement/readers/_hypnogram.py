"""Hypnograms and scored events: CSV/TSV of 30-s epochs, NSRR XML, EDF+ annotations.

Stages are normalised by :mod:`._stages`. Respiratory events (apnea, hypopnea) and arousals are
recognised by words in the annotation text or, in NSRR XML, in ``EventConcept``.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path

from nightlegs.errors import RecordingError
from nightlegs.movement._types import Hypnogram, Interval
from nightlegs.movement.readers._stages import normalise_stage, stage_or_none
from nightlegs.movement.readers._tal import Annotation

__all__ = [
    "ScoredEvents",
    "events_from_annotations",
    "fit_hypnogram",
    "hypnogram_from_annotations",
    "read_events_file",
    "read_hypnogram_file",
]

EPOCH_S = 30.0
_RESP = re.compile(r"apn(o)?ea|hypopn(o)?ea", re.IGNORECASE)
_AROUSAL = re.compile(r"arousal", re.IGNORECASE)
_STAGE_TEXT = re.compile(r"^\s*(sleep[\s_]*stage|stage)\b|^\s*(w|n[1-4]|r|rem|wake)\s*$", re.I)

#: (hypnogram or None, respiratory events, arousals)
ScoredEvents = tuple[Hypnogram | None, tuple[Interval, ...], tuple[Interval, ...]]


def _stages_from_spans(spans: Sequence[tuple[float, float, str]], source: str) -> Hypnogram:
    """Expand (onset, duration, stage) spans into contiguous 30-s epochs; gaps become '?'."""
    start = min(s[0] for s in spans)
    end = max(s[0] + max(s[1], EPOCH_S) for s in spans)
    n = round((end - start) / EPOCH_S)
    stages = ["?"] * n
    for onset, duration, stage in spans:
        i0 = round((onset - start) / EPOCH_S)
        k = max(1, round(duration / EPOCH_S))
        stages[i0 : i0 + k] = [stage] * len(stages[i0 : i0 + k])
    return Hypnogram(tuple(stages), EPOCH_S, float(start))


def hypnogram_from_annotations(annotations: Iterable[Annotation], source: str) -> Hypnogram | None:
    """Hypnogram from EDF+ stage annotations ("Sleep stage W", "N2", ...), None if there are none.

    Examples
    --------
    >>> from nightlegs.movement.readers._tal import Annotation
    >>> h = hypnogram_from_annotations([Annotation(0, 60, "Sleep stage W")], "x.edf")
    >>> h.stages
    ('W', 'W')
    """
    spans = []
    for a in annotations:
        if _STAGE_TEXT.search(a.text):
            stage = normalise_stage(a.text, source=source, where=f"annotation at {a.onset_s:g} s")
            spans.append((a.onset_s, a.duration_s, stage))
    return _stages_from_spans(spans, source) if spans else None


def events_from_annotations(
    annotations: Iterable[Annotation],
) -> tuple[tuple[Interval, ...], tuple[Interval, ...]]:
    """Respiratory events and arousals among EDF+ annotations.

    Examples
    --------
    >>> from nightlegs.movement.readers._tal import Annotation
    >>> resp, ar = events_from_annotations([Annotation(5, 12, "Obstructive Apnea")])
    >>> resp[0].kind, ar
    ('Obstructive Apnea', ())
    """
    resp, arousals = [], []
    for a in annotations:
        if _RESP.search(a.text):
            resp.append(Interval(a.onset_s, a.duration_s, a.text))
        elif _AROUSAL.search(a.text):
            arousals.append(Interval(a.onset_s, a.duration_s, a.text))
    return tuple(resp), tuple(arousals)


def _read_xml(path: Path) -> ScoredEvents:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise RecordingError(f"{path}: not readable NSRR XML ({exc})") from exc
    spans: list[tuple[float, float, str]] = []
    anns: list[Annotation] = []
    for i, ev in enumerate(root.iter("ScoredEvent")):
        etype = (ev.findtext("EventType") or "").strip()
        concept = (ev.findtext("EventConcept") or "").strip()
        try:
            start = float(ev.findtext("Start") or "")
            dur = float(ev.findtext("Duration") or "0")
        except ValueError as exc:
            raise RecordingError(
                f"{path}: ScoredEvent {i + 1}: Start/Duration: expected numbers ({exc})"
            ) from exc
        if etype.lower().startswith("stages"):
            where = f"ScoredEvent {i + 1}"
            spans.append((start, dur, normalise_stage(concept, source=str(path), where=where)))
        else:
            anns.append(Annotation(start, dur, concept.split("|")[0]))
    hyp = _stages_from_spans(spans, str(path)) if spans else None
    resp, arousals = events_from_annotations(anns)
    return hyp, resp, arousals


def _read_table(path: Path) -> Hypnogram:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise RecordingError(f"{path}: empty hypnogram file; expected one stage per 30-s epoch")
    dialect = "\t" if "\t" in lines[0] else ("," if "," in lines[0] else ";")
    rows = list(csv.reader(lines, delimiter=dialect))
    header = [c.strip().lower() for c in rows[0]]
    col = next(
        (
            i
            for i, c in enumerate(header)
            if c in {"stage", "stages", "sleep_stage", "sleep stage", "hypnogram", "label"}
        ),
        None,
    )
    first = 1 if col is not None or stage_or_none(rows[0][-1]) is None else 0
    if col is None:
        col = len(rows[0]) - 1  # last column holds the stage (e.g. "epoch,stage" without header)
    stages = []
    for n, row in enumerate(rows[first:], start=first + 1):
        if col >= len(row):
            raise RecordingError(f"{path}: line {n}: expected a stage in column {col + 1}")
        stages.append(normalise_stage(row[col], source=str(path), where=f"line {n}"))
    return Hypnogram(tuple(stages), EPOCH_S, 0.0)


def read_hypnogram_file(path: str | Path) -> ScoredEvents:
    """Read a hypnogram (and, for NSRR XML, scored events) from a CSV/TSV/TXT or XML file.

    Parameters
    ----------
    path : str or Path
        CSV/TSV/TXT of 30-s epochs from recording start (one stage per line, or a column named
        ``stage``), or NSRR-style XML (``ScoredEvents``).

    Returns
    -------
    (Hypnogram or None, respiratory events, arousals)

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "h.csv"
    >>> _ = p.write_text("stage\\nW\\nN1\\nREM\\n")
    >>> read_hypnogram_file(p)[0].stages
    ('W', 'N1', 'R')
    """
    p = Path(path)
    if not p.is_file():
        raise RecordingError(f"{p}: hypnogram file not found")
    if p.suffix.lower() == ".xml":
        return _read_xml(p)
    if p.suffix.lower() in {".edf", ".bdf"}:
        from nightlegs.movement.readers._edf import read_edf_annotations

        anns = read_edf_annotations(p)
        resp, arousals = events_from_annotations(anns)
        return hypnogram_from_annotations(anns, str(p)), resp, arousals
    return _read_table(p), (), ()


def read_events_file(path: str | Path) -> tuple[tuple[Interval, ...], tuple[Interval, ...]]:
    """Respiratory events and arousals from NSRR XML, EDF+ or a CSV (onset_s, duration_s, kind).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("onset_s,duration_s,kind\\n100,15,hypopnea\\n")
    >>> read_events_file(p)[0][0].onset_s
    100.0
    """
    p = Path(path)
    if p.suffix.lower() in {".xml", ".edf", ".bdf"}:
        _, resp, arousals = read_hypnogram_file(p)
        return resp, arousals
    if not p.is_file():
        raise RecordingError(f"{p}: events file not found")
    anns = []
    with p.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t" if p.suffix.lower() == ".tsv" else ",")
        need = {"onset_s", "duration_s", "kind"}
        if reader.fieldnames is None or not need <= set(reader.fieldnames):
            raise RecordingError(
                f"{p}: columns: expected onset_s, duration_s, kind; found {reader.fieldnames}"
            )
        for n, row in enumerate(reader, start=2):
            try:
                anns.append(
                    Annotation(float(row["onset_s"]), float(row["duration_s"]), row["kind"])
                )
            except ValueError as exc:
                raise RecordingError(
                    f"{p}: line {n}: onset_s/duration_s: expected numbers"
                ) from exc
    return events_from_annotations(anns)


def fit_hypnogram(hyp: Hypnogram, duration_s: float, source: str) -> tuple[Hypnogram, list[str]]:
    """Check a hypnogram against the recording length; pad or trim by rule.

    Rules: up to one epoch longer or shorter is silently trimmed or padded with "?"; shorter by
    more but covering at least half the recording is padded with "?" (unscored) and warned about;
    covering less than half, or longer by more than one epoch, is an error.

    Examples
    --------
    >>> h, w = fit_hypnogram(Hypnogram(("W",) * 10), 360.0, "h.csv")
    >>> len(h.stages), len(w)
    (12, 1)
    """
    warnings: list[str] = []
    end = hyp.start_s + len(hyp.stages) * hyp.epoch_s
    n_rec = int(-(-(duration_s - hyp.start_s) // hyp.epoch_s))
    if end > duration_s + hyp.epoch_s:
        raise RecordingError(
            f"{source}: hypnogram: {len(hyp.stages)} epochs ({end / 3600:.2f} h) is longer than "
            f"the recording ({duration_s / 3600:.2f} h); expected at most {n_rec} epochs"
        )
    if end < duration_s - hyp.epoch_s:
        covered = (end - hyp.start_s) / max(duration_s, 1e-9)
        if covered < 0.5:
            raise RecordingError(
                f"{source}: hypnogram: {len(hyp.stages)} epochs cover {covered:.0%} of the "
                f"recording; expected about {n_rec} epochs (at least half the recording)"
            )
        warnings.append(
            f"{source}: hypnogram shorter than the recording ({len(hyp.stages)} of {n_rec} "
            "epochs); the rest is counted as unscored ('?')"
        )
    stages = (list(hyp.stages) + ["?"] * n_rec)[:n_rec]
    return Hypnogram(tuple(stages), hyp.epoch_s, hyp.start_s), warnings
