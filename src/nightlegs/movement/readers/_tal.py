"""Parse EDF+ time-stamped annotation lists (TALs) from the raw bytes of annotation signals.

One regular expression over the whole annotation signal replaces a Python loop over data
records: ``+onset[\\x15duration]\\x14text\\x14...\\x00``. The first TAL of each data record with an
empty text is the record's timekeeping stamp (EDF+ spec, "Time keeping of data records"); the
stamps place the records of a discontinuous (EDF+D) file on the time axis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["Annotation", "parse_tals"]

_TAL = re.compile(rb"([+-]\d+(?:\.\d*)?)(?:\x15(\d*(?:\.\d*)?))?\x14([^\x00]*?)\x00", re.DOTALL)


@dataclass(frozen=True)
class Annotation:
    """One EDF+ annotation: seconds from the file start, duration (0 if none), text."""

    onset_s: float
    duration_s: float
    text: str


def parse_tals(
    raw: NDArray[np.uint8], bytes_per_record: int
) -> tuple[list[Annotation], NDArray[np.float64]]:
    """Annotations and per-record onsets from the bytes of one annotation signal.

    Parameters
    ----------
    raw : NDArray[np.uint8], shape (n_records * bytes_per_record,)
    bytes_per_record : int

    Returns
    -------
    annotations : list of Annotation
        Sorted by onset, timekeeping stamps excluded.
    record_onsets_s : NDArray[np.float64], shape (n_records,)
        Onset of each data record (NaN where a record carries no stamp).

    Examples
    --------
    >>> import numpy as np
    >>> rec = b"+0\\x14\\x14\\x00+3.5\\x1530\\x14Sleep stage W\\x14\\x00".ljust(64, b"\\x00")
    >>> ann, onsets = parse_tals(np.frombuffer(rec, np.uint8), 64)
    >>> ann[0].text, ann[0].duration_s, onsets.tolist()
    ('Sleep stage W', 30.0, [0.0])
    """
    data = raw.tobytes()
    n_records = len(data) // bytes_per_record if bytes_per_record else 0
    onsets = np.full(n_records, np.nan)
    seen = np.zeros(n_records, dtype=bool)
    annotations: list[Annotation] = []
    for m in _TAL.finditer(data):
        onset = float(m.group(1))
        duration = float(m.group(2)) if m.group(2) else 0.0
        texts = m.group(3).split(b"\x14")
        rec = m.start() // bytes_per_record if bytes_per_record else 0
        if rec < n_records and not seen[rec]:
            seen[rec] = True
            if texts and texts[0] == b"":
                onsets[rec] = onset
                texts = texts[1:]
        for t in texts:
            if t:
                annotations.append(Annotation(onset, duration, t.decode("utf-8", "replace")))
    annotations.sort(key=lambda a: a.onset_s)
    return annotations, onsets
