"""Hypnograms and scored events: CSV/TSV of 30-s epochs, NSRR XML, EDF+ annotations.

Stages are normalised by :mod:`._stages`. Respiratory events (apnea, hypopnea) and arousals are
recognised by words in the annotation text or, in NSRR XML, in ``EventConcept``.
"""

from __future__ import annotations

import csv
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import replace
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


_CAP_TIME = re.compile(r"(\d{1,2})[.:](\d{2})[.:](\d{2})")


def _is_cap(lines: Sequence[str]) -> bool:
    return any(ln.lower().startswith("sleep stage") and "time" in ln.lower() for ln in lines[:40])


def _read_cap(path: Path, lines: Sequence[str]) -> Hypnogram:
    """CAP Sleep Database ``.txt``: a few header lines, then tab-separated rows under
    ``Sleep Stage  Position  Time [hh:mm:ss]  Event  Duration[s]  Location``. Stage rows have
    an event ``SLEEP-S0``..``SLEEP-S4``, ``SLEEP-REM`` or ``SLEEP-MT``; CAP phases (``MCAP-A1``
    ...) are skipped. Times are clock times, so the hypnogram keeps its clock origin and is
    aligned to the recording start by ``fit_hypnogram``.
    """
    head = next(i for i, ln in enumerate(lines) if ln.lower().startswith("sleep stage"))
    cols = [c.strip().lower() for c in lines[head].split("\t")]

    def col(prefix: str) -> int:
        for i, c in enumerate(cols):
            if c.startswith(prefix):
                return i
        raise RecordingError(
            f"{path}: line {head + 1}: CAP header: expected a column starting with {prefix!r}, "
            f"found {cols}"
        )

    i_stage, i_time, i_event, i_dur = col("sleep stage"), col("time"), col("event"), col("dur")
    spans: list[tuple[float, float, str]] = []
    origin: float | None = None
    day = 0.0
    last = -1.0
    for n, line in enumerate(lines[head + 1 :], start=head + 2):
        row = line.split("\t")
        if not line.strip() or len(row) <= max(i_stage, i_time, i_event, i_dur):
            continue
        if not row[i_event].strip().upper().startswith("SLEEP-"):
            continue
        m = _CAP_TIME.fullmatch(row[i_time].strip())
        if m is None:
            raise RecordingError(
                f"{path}: line {n}: time {row[i_time]!r}: expected hh:mm:ss or hh.mm.ss"
            )
        clock = int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3]) + day
        if clock < last - 43200:  # past midnight
            day += 86400.0
            clock += 86400.0
        last = clock
        origin = clock if origin is None else origin
        try:
            duration = float(row[i_dur])
        except ValueError as exc:
            raise RecordingError(
                f"{path}: line {n}: duration {row[i_dur]!r}: expected seconds"
            ) from exc
        stage = normalise_stage(row[i_stage], source=str(path), where=f"line {n}")
        spans.append((clock - origin, duration, stage))
    if not spans or origin is None:
        raise RecordingError(f"{path}: CAP hypnogram: no SLEEP-* stage rows after the header")
    hyp = _stages_from_spans(spans, str(path))
    return Hypnogram(hyp.stages, hyp.epoch_s, hyp.start_s, clock_origin_s=origin % 86400.0)


def _read_table(path: Path) -> Hypnogram:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and _is_cap(lines):
        return _read_cap(path, text.splitlines())  # unfiltered, so line numbers are the file's
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
        ``stage``); a CAP Sleep Database ``.txt`` (clock times); NSRR-style XML
        (``ScoredEvents``); or an EDF+ file of stage annotations such as a Sleep-EDF
        ``*-Hypnogram.edf`` (aligned by its start time).

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
        from nightlegs.movement.readers._edf import read_edf_annotations, read_edf_start_clock

        anns = read_edf_annotations(p)
        resp, arousals = events_from_annotations(anns)
        hyp = hypnogram_from_annotations(anns, str(p))
        if hyp is not None:
            # A separate hypnogram file (Sleep-EDF *-Hypnogram.edf) has its own start time.
            hyp = replace(hyp, clock_origin_s=read_edf_start_clock(p))
        return hyp, resp, arousals
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


def _clock_text(seconds: float) -> str:
    s = round(seconds) % 86400
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _align(hyp: Hypnogram, start_clock_s: float | None, source: str) -> tuple[Hypnogram, list[str]]:
    """Place a hypnogram that carries its own clock time on the recording's time axis."""
    if hyp.clock_origin_s is None:
        return hyp, []
    if start_clock_s is None:
        return replace(hyp, clock_origin_s=None), [
            f"{source}: hypnogram starts at {_clock_text(hyp.clock_origin_s + hyp.start_s)} but "
            "the recording has no start time; taken to start with the recording"
        ]
    # The night may cross midnight: take the offset within +-12 h.
    offset = (hyp.clock_origin_s - start_clock_s + 43200.0) % 86400.0 - 43200.0
    start = hyp.start_s + offset
    stages = hyp.stages
    if start < 0:  # scored before the recording began: drop those epochs
        k = math.ceil(-start / hyp.epoch_s - 1e-9)
        stages, start = stages[k:], start + k * hyp.epoch_s
    warnings = []
    if abs(offset) > 0.5:
        warnings.append(
            f"{source}: hypnogram starts at {_clock_text(hyp.clock_origin_s + hyp.start_s)}, "
            f"{start:.0f} s after the recording start ({_clock_text(start_clock_s)}); aligned by "
            "clock time"
        )
    return Hypnogram(stages, hyp.epoch_s, start), warnings


def fit_hypnogram(
    hyp: Hypnogram,
    duration_s: float,
    source: str,
    *,
    start_clock_s: float | None = None,
) -> tuple[Hypnogram, list[str]]:
    """Check a hypnogram against the recording; align it by clock time, pad or trim by rule.

    Rules, in order:

    1. A hypnogram with a clock time of its own (CAP ``.txt``, hypnogram EDF+) is placed by
       clock time against ``start_clock_s``, the recording start (seconds after midnight).
    2. Unscored epochs (``"?"``) past the end of the recording are trimmed with a warning
       (Sleep-EDF hypnograms end with a long ``Sleep stage ?``).
    3. Up to one epoch longer or shorter is silently trimmed or padded with ``"?"``; shorter by
       more but covering at least half the recording is padded with ``"?"`` and warned about;
       covering less than half, or scored epochs more than one epoch past the end, is an error.

    Examples
    --------
    >>> h, w = fit_hypnogram(Hypnogram(("W",) * 10), 360.0, "h.csv")
    >>> len(h.stages), len(w)
    (12, 1)
    >>> h, w = fit_hypnogram(Hypnogram(("W",) * 12 + ("?",) * 40), 360.0, "h.edf")
    >>> len(h.stages), "unscored" in w[0]
    (12, True)
    >>> h, w = fit_hypnogram(Hypnogram(("N2",) * 10, clock_origin_s=3600.0), 360.0, "cap.txt",
    ...                      start_clock_s=3540.0)
    >>> h.start_s, len(h.stages)
    (60.0, 10)
    """
    hyp, warnings = _align(hyp, start_clock_s, source)
    n_rec = max(0, math.ceil((duration_s - hyp.start_s) / hyp.epoch_s - 1e-9))
    stages = list(hyp.stages)
    tail = stages[n_rec:]
    if len(tail) > 1 and all(s == "?" for s in tail):
        warnings.append(
            f"{source}: {len(tail)} unscored epochs past the end of the recording trimmed"
        )
        stages = stages[:n_rec]
    end = hyp.start_s + len(stages) * hyp.epoch_s
    if end > duration_s + hyp.epoch_s:
        raise RecordingError(
            f"{source}: hypnogram: {len(stages)} epochs ({end / 3600:.2f} h from the recording "
            f"start) is longer than the recording ({duration_s / 3600:.2f} h); expected at most "
            f"{n_rec} epochs"
        )
    if end < duration_s - hyp.epoch_s:
        covered = len(stages) * hyp.epoch_s / max(duration_s, 1e-9)
        if covered < 0.5:
            raise RecordingError(
                f"{source}: hypnogram: {len(stages)} epochs cover {covered:.0%} of the "
                f"recording; expected about {n_rec} epochs (at least half the recording)"
            )
        warnings.append(
            f"{source}: hypnogram shorter than the recording ({len(stages)} of {n_rec} "
            "epochs); the rest is counted as unscored ('?')"
        )
    stages = (stages + ["?"] * n_rec)[:n_rec]
    return Hypnogram(tuple(stages), hyp.epoch_s, hyp.start_s), warnings
