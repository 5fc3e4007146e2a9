"""Export scored leg movements: a CSV table and EDF+ annotations for ordinary EDF viewers.

Both writers go through a temporary file renamed into place, so a failure leaves no partial file.
The EDF+ export uses edfio's writer: either an EDF+ file holding only an annotations signal
(opens in EDFbrowser, pyedflib, MNE next to the original recording), or a copy of the original
recording with the scored events added to its annotations.
"""

from __future__ import annotations

import warnings as _warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from nightlegs.errors import RecordingError
from nightlegs.movement._atomic import atomic_path
from nightlegs.movement._types import Recording

if TYPE_CHECKING:
    pass

__all__ = [
    "annotation_texts",
    "write_edf_annotations",
    "write_events_csv",
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
    recording: Recording, path: str | Path, *, range_uv: float = 1000.0
) -> Path:
    """Write a :class:`~nightlegs.movement.Recording` as EDF+ that ``nightlegs analyze`` reads.

    The legs become channels ``LAT``/``RAT`` in uV (clipped to ``±range_uv``); the hypnogram
    becomes "Sleep stage X" annotations; respiratory events and arousals keep their kind. Used to
    save synthetic nights for tests, benchmarks and demonstrations.

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
        edfio.Edf(signals, annotations=annotations).write(tmp)
    return Path(path)
