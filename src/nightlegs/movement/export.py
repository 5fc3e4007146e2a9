"""Export scored leg movements: a CSV table and EDF+ annotations for ordinary EDF viewers.

Both writers go through a temporary file renamed into place, so a failure leaves no partial file.
The EDF+ export uses edfio's writer: either an EDF+ file holding only an annotations signal
(opens in EDFbrowser, pyedflib, MNE next to the original recording), or a copy of the original
recording with the scored events added to its annotations.
"""

from __future__ import annotations

import datetime
import warnings as _warnings
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from nightlegs.errors import RecordingError
from nightlegs.movement._atomic import atomic_path
from nightlegs.movement._types import Hypnogram, Interval, LegEvent, Recording

__all__ = [
    "annotation_texts",
    "write_edf_annotations",
    "write_events_csv",
    "write_nsrr_xml",
    "write_recording_edf",
]


class _HasEvents(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def _events(analysis: _HasEvents) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = list(analysis.to_dict().get("events", []))
    return events


def annotation_texts(analysis: _HasEvents) -> list[tuple[float, float, str]]:
    """(onset_s, duration_s, text) of each scored event, e.g. ``"PLM both"`` or ``"LM left"``.

    Examples
    --------
    >>> class A:
    ...     def to_dict(self):
    ...         return {"events": [{"onset_s": 3.0, "duration_s": 1.5, "side": "left",
    ...                             "periodic": True, "stage": "N2"}]}
    >>> annotation_texts(A())
    [(3.0, 1.5, 'PLM left')]
    """
    out = []
    for ev in _events(analysis):
        kind = "PLM" if ev.get("periodic") else "LM"
        out.append(
            (float(ev["onset_s"]), float(ev["duration_s"]), f"{kind} {ev.get('side', '')}".strip())
        )
    return out


def write_events_csv(analysis: _HasEvents, path: str | Path) -> Path:
    """Write the scored events as CSV (one row per event, columns as in ``to_dict()["events"]``).

    Parameters
    ----------
    analysis : MovementAnalysis
    path : str or Path
        Output file; replaced atomically.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> class A:
    ...     def to_dict(self):
    ...         return {"events": [{"onset_s": 3.0, "duration_s": 1.5, "side": "left",
    ...                             "periodic": False, "stage": None}]}
    >>> p = write_events_csv(A(), pathlib.Path(tempfile.mkdtemp()) / "ev.csv")
    >>> p.read_text().splitlines()[0]
    'onset_s,duration_s,side,periodic,stage'
    """
    events = _events(analysis)
    cols = ["onset_s", "duration_s", "side", "periodic", "stage"]
    import pandas as pd

    df = pd.DataFrame(events)
    if df.empty:
        df = pd.DataFrame(columns=cols)
    df = df[[c for c in cols if c in df.columns] + [c for c in df.columns if c not in cols]]
    with atomic_path(path) as tmp:
        df.to_csv(tmp, index=False)
    return Path(path)


def write_edf_annotations(
    analysis: _HasEvents, path: str | Path, *, source: str | Path | None = None
) -> Path:
    """Write the scored events as EDF+ annotations.

    Parameters
    ----------
    analysis : MovementAnalysis
    path : str or Path
        Output ``.edf``; replaced atomically.
    source : str or Path, optional
        The original EDF/EDF+ recording. When given, the output is a copy of it with the scored
        events added to its annotations; otherwise an EDF+ file with only an annotations signal.

    Examples
    --------
    >>> import pathlib, tempfile, edfio
    >>> class A:
    ...     def to_dict(self):
    ...         return {"events": [{"onset_s": 3.0, "duration_s": 1.5, "side": "both",
    ...                             "periodic": True, "stage": "N2"}]}
    >>> p = write_edf_annotations(A(), pathlib.Path(tempfile.mkdtemp()) / "lm.edf")
    >>> edfio.read_edf(p).annotations[0].text
    'PLM both'
    """
    import edfio

    anns = [edfio.EdfAnnotation(o, d, t) for o, d, t in annotation_texts(analysis)]
    if source is None:
        edf = edfio.Edf([], annotations=anns)
    else:
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                edf = edfio.read_edf(Path(source), lazy_load_data=False, header_encoding="latin-1")
        except (ValueError, OSError, IndexError, UnicodeError) as exc:
            raise RecordingError(
                f"{source}: cannot copy the recording for annotations ({exc})"
            ) from exc
        edf.add_annotations(anns)
    with atomic_path(path) as tmp:
        edf.write(tmp)
    return Path(path)


def write_recording_edf(
    recording: Recording,
    path: str | Path,
    *,
    range_uv: float = 1000.0,
    starttime: datetime.time | None = None,
    startdate: datetime.date | None = None,
) -> Path:
    """Write a :class:`~nightlegs.movement.Recording` as EDF+ that ``nightlegs analyze`` reads.

    The legs become channels ``LAT``/``RAT`` in uV (clipped to ``±range_uv``); the hypnogram
    becomes "Sleep stage X" annotations; respiratory events and arousals keep their kind. Used to
    save synthetic nights for tests, benchmarks and demonstrations. ``starttime`` is the clock
    time written in the header (edfio's default, midnight, when None); ``startdate`` the date
    (EDF+ ``Startdate X``, no date, when None).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from nightlegs.movement.synthetic import synthesize_night
    >>> night = synthesize_night(0.05, 200, 1.0, seed=2)
    >>> path = write_recording_edf(night.recording, pathlib.Path(tempfile.mkdtemp()) / "n.edf")
    >>> from nightlegs.movement import analyze
    >>> analyze(path).to_dict()["recording_hours"] > 0
    True
    """
    import edfio
    import numpy as np

    signals = [
        edfio.EdfSignal(
            np.clip(leg.emg_uv, -range_uv, range_uv),
            leg.fs,
            label="LAT" if leg.side == "left" else "RAT",
            physical_dimension="uV",
            physical_range=(-range_uv, range_uv),
        )
        for leg in recording.legs
    ]
    annotations = []
    if recording.hypnogram is not None:
        hyp = recording.hypnogram
        annotations += [
            edfio.EdfAnnotation(hyp.start_s + i * hyp.epoch_s, hyp.epoch_s, f"Sleep stage {stage}")
            for i, stage in enumerate(hyp.stages)
        ]
    annotations += [
        edfio.EdfAnnotation(e.onset_s, e.duration_s, e.kind or "Hypopnea")
        for e in recording.respiratory_events
    ]
    annotations += [
        edfio.EdfAnnotation(e.onset_s, e.duration_s, e.kind or "Arousal")
        for e in recording.arousals
    ]
    with atomic_path(path) as tmp:
        edf = edfio.Edf(
            signals,
            recording=edfio.Recording(startdate=startdate),
            starttime=starttime,
            annotations=annotations,
        )
        edf.write(tmp)
    return Path(path)


# NSRR canonical concepts (the "|" part is the original Compumedics label).
_NSRR_STAGE = {
    "W": "Wake|0",
    "N1": "Stage 1 sleep|1",
    "N2": "Stage 2 sleep|2",
    "N3": "Stage 3 sleep|3",
    "R": "REM sleep|5",
    "?": "Unscored|9",
}


def _nsrr_lm_concept(ev: LegEvent) -> str:
    side = ev.side if ev.side in ("left", "right") else "both"
    title = side.capitalize()
    if ev.periodic:
        return f"Periodic leg movement - {side}|PLM ({title})"
    return f"Limb movement - {side}|Limb Movement ({title})"


def _nsrr_event(parent: ET.Element, etype: str, concept: str, start: float, dur: float) -> None:
    ev = ET.SubElement(parent, "ScoredEvent")
    ET.SubElement(ev, "EventType").text = etype
    ET.SubElement(ev, "EventConcept").text = concept
    ET.SubElement(ev, "Start").text = f"{start:.3f}"
    ET.SubElement(ev, "Duration").text = f"{dur:.3f}"


def write_nsrr_xml(
    path: str | Path,
    *,
    duration_s: float,
    hypnogram: Hypnogram | None = None,
    movements: Sequence[LegEvent] = (),
    respiratory_events: Sequence[Interval] = (),
    arousals: Sequence[Interval] = (),
    start_clock: datetime.time = datetime.time(0, 0),
) -> Path:
    """Write stages and scored events as NSRR XML (``PSGAnnotation/ScoredEvents``).

    The layout and concepts are those of the NSRR cohorts (SHHS, MESA, CFS): stages
    ``"Stage 2 sleep|2"``, leg movements ``"Limb movement - left|Limb Movement (Left)"`` or
    ``"Periodic leg movement - right|PLM (Right)"``, times in seconds from the recording
    start. ``nightlegs`` reads it back with ``--hypnogram`` and ``compare --reference``.

    Parameters
    ----------
    path : str or Path
        Output ``.xml``; replaced atomically.
    duration_s : float
        Recording length in seconds (the "Recording Start Time" event).
    hypnogram : Hypnogram, optional
    movements : sequence of LegEvent
        One row per leg movement as a scorer marks it (one leg each, or ``"both"``).
    respiratory_events, arousals : sequence of Interval
    start_clock : datetime.time
        Clock time of the recording start.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from nightlegs.movement.readers import read_hypnogram_file
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "night.xml"
    >>> _ = write_nsrr_xml(p, duration_s=60.0, hypnogram=Hypnogram(("W", "N2")),
    ...                    movements=[LegEvent(3.0, 1.5, "left", False)])
    >>> read_hypnogram_file(p)[0].stages
    ('W', 'N2')
    """
    root = ET.Element("PSGAnnotation")
    ET.SubElement(root, "SoftwareVersion").text = "nightlegs"
    ET.SubElement(root, "EpochLength").text = "30"
    events = ET.SubElement(root, "ScoredEvents")
    start = ET.SubElement(events, "ScoredEvent")
    ET.SubElement(start, "EventType")
    ET.SubElement(start, "EventConcept").text = "Recording Start Time"
    ET.SubElement(start, "Start").text = "0"
    ET.SubElement(start, "Duration").text = f"{duration_s:.3f}"
    ET.SubElement(start, "ClockTime").text = f"00.00.00 {start_clock.strftime('%H.%M.%S')}"
    if hypnogram is not None:
        for i, stage in enumerate(hypnogram.stages):
            onset = hypnogram.start_s + i * hypnogram.epoch_s
            _nsrr_event(events, "Stages|Stages", _NSRR_STAGE[stage], onset, hypnogram.epoch_s)
    for e in respiratory_events:
        kind = e.kind.lower()
        concept = "Hypopnea|Hypopnea" if "hypo" in kind else "Obstructive apnea|Obstructive Apnea"
        _nsrr_event(events, "Respiratory|Respiratory", concept, e.onset_s, e.duration_s)
    for e in arousals:
        _nsrr_event(events, "Arousals|Arousals", "Arousal|Arousal ()", e.onset_s, e.duration_s)
    for m in movements:
        etype = "Limb Movement|Limb Movement"
        _nsrr_event(events, etype, _nsrr_lm_concept(m), m.onset_s, m.duration_s)
    ET.indent(root)
    with atomic_path(path) as tmp:
        ET.ElementTree(root).write(tmp, encoding="UTF-8", xml_declaration=True)
    return Path(path)
