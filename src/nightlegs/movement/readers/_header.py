"""Check an EDF/BDF header field by field before decoding, so errors name the field.

The layout follows the EDF specification (Kemp et al. 1992, https://www.edfplus.info/specs/edf.html):
a 256-byte fixed part, then 256 bytes per signal, fields in ASCII, left-aligned, space-padded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from nightlegs.errors import RecordingError

__all__ = ["HeaderInfo", "check_header"]

_SIGNAL_FIELDS = (
    ("label", 16),
    ("transducer type", 80),
    ("physical dimension", 8),
    ("physical minimum", 8),
    ("physical maximum", 8),
    ("digital minimum", 8),
    ("digital maximum", 8),
    ("prefiltering", 80),
    ("samples per data record", 8),
    ("reserved", 32),
)


@dataclass(frozen=True)
class HeaderInfo:
    """What the checks learned: format, record layout and whether records are discontinuous."""

    is_bdf: bool
    header_bytes: int
    num_records: int
    record_duration_s: float
    labels: tuple[str, ...]
    samples_per_record: tuple[int, ...]
    discontinuous: bool
    #: Start time of the recording in seconds after midnight (None if the field is unreadable).
    start_clock_s: float | None = None
    #: Start date of the recording (None if the field is unreadable or anonymised).
    start_date: dt.date | None = None


_CLOCK = re.compile(r"(\d{1,2})[.:](\d{1,2})[.:](\d{1,2})")


def _date(raw: bytes) -> dt.date | None:
    """The date of an EDF ``dd.mm.yy`` start-date field, None if unreadable.

    Two-digit years follow the EDF clipping rule: 85-99 are 1985-1999, 00-84 are 2000-2084.

    Examples
    --------
    >>> _date(b"02.03.24"), _date(b"31.12.85"), _date(b"01.01.yy"), _date(b"30.02.24")
    (datetime.date(2024, 3, 2), datetime.date(1985, 12, 31), None, None)
    """
    m = _CLOCK.fullmatch(raw.decode("latin-1").strip())
    if m is None:
        return None
    day, month, yy = (int(g) for g in m.groups())
    try:
        return dt.date(yy + (1900 if yy >= 85 else 2000), month, day)
    except ValueError:
        return None


_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def _start_date(fixed: bytes) -> dt.date | None:
    """The start date of a 256-byte fixed header, None when unknown or unreadable.

    An EDF+ recording field ``Startdate dd-MMM-yyyy ...`` wins over the two-digit header date;
    ``Startdate X`` means unknown (the header date is then the placeholder 01.01.85).

    Examples
    --------
    >>> head = b"0".ljust(88) + b"Startdate 02-MAR-2024 X X X".ljust(80) + b"02.03.24"
    >>> _start_date(head)
    datetime.date(2024, 3, 2)
    >>> _start_date(b"0".ljust(88) + b"Startdate X X X X".ljust(80) + b"01.01.85") is None
    True
    >>> _start_date(b"0".ljust(88) + b"PSG lab".ljust(80) + b"24.12.99")
    datetime.date(1999, 12, 24)
    """
    words = fixed[88:168].decode("latin-1").split()
    if words[:1] != ["Startdate"]:
        return _date(fixed[168:176])
    parts = words[1].split("-") if len(words) > 1 else []
    if len(parts) != 3 or parts[1].upper() not in _MONTHS:
        return None
    try:
        return dt.date(int(parts[2]), _MONTHS.index(parts[1].upper()) + 1, int(parts[0]))
    except ValueError:
        return None


def _clock(raw: bytes) -> float | None:
    """Seconds after midnight from an EDF ``hh.mm.ss`` start-time field, None if unreadable.

    Examples
    --------
    >>> _clock(b"22.13.06"), _clock(b"xx.yy.zz")
    (79986.0, None)
    """
    m = _CLOCK.fullmatch(raw.decode("latin-1").strip())
    if m is None:
        return None
    h, mi, s = (int(g) for g in m.groups())
    if h > 23 or mi > 59 or s > 59:
        return None
    return float(h * 3600 + mi * 60 + s)


_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _num(raw: bytes, field: str, path: Path, kind: type[int] | type[float]) -> float:
    """A space-padded ASCII number, or a RecordingError naming the field."""
    text = raw.decode("latin-1").strip(" ")
    if (_INT if kind is int else _FLOAT).fullmatch(text) is None:
        what = "an integer" if kind is int else "a number"
        raise RecordingError(f"{path}: header field {field!r}: expected {what}, got {text!r}")
    return kind(text)


def check_header(path: Path) -> HeaderInfo:
    """Validate the header of ``path`` against the file size.

    Raises
    ------
    RecordingError
        Truncated file, corrupt header field (named), or a record count that disagrees with the
        file size.

    Examples
    --------
    >>> check_header(Path("missing.edf"))
    Traceback (most recent call last):
    ...
    nightlegs.errors.RecordingError: missing.edf: file not found
    """
    if not path.is_file():
        raise RecordingError(f"{path}: file not found")
    size = path.stat().st_size
    with path.open("rb") as fh:
        fixed = fh.read(256)
        if len(fixed) < 256:
            raise RecordingError(f"{path}: truncated: {size} bytes, expected a 256-byte header")
        is_bdf = fixed[:8] == b"\xffBIOSEMI"
        if not is_bdf and fixed[:8] != b"0       ":
            raise RecordingError(
                f"{path}: header field 'version': expected '0' (EDF) or 0xFF 'BIOSEMI' (BDF), "
                f"got {fixed[:8]!r}"
            )
        header_bytes = int(_num(fixed[184:192], "number of bytes in header", path, int))
        num_records = int(_num(fixed[236:244], "number of data records", path, int))
        duration = float(_num(fixed[244:252], "duration of a data record", path, float))
        ns = int(_num(fixed[252:256], "number of signals", path, int))
        if not 0 < ns <= 4096:
            raise RecordingError(
                f"{path}: header field 'number of signals': expected 1-4096, got {ns}"
            )
        if header_bytes != 256 * (ns + 1):
            raise RecordingError(
                f"{path}: header field 'number of bytes in header': expected {256 * (ns + 1)} "
                f"for {ns} signals, got {header_bytes}"
            )
        rest = fh.read(256 * ns)
    if len(rest) < 256 * ns:
        raise RecordingError(
            f"{path}: truncated: header of {ns} signals needs {header_bytes} bytes"
        )
    if not duration >= 0 or duration != duration:
        raise RecordingError(f"{path}: header field 'duration of a data record': expected >= 0")
    fields: dict[str, list[bytes]] = {}
    pos = 0
    for name, width in _SIGNAL_FIELDS:
        fields[name] = [rest[pos + i * width : pos + (i + 1) * width] for i in range(ns)]
        pos += width * ns
    labels = tuple(b.decode("latin-1").strip() for b in fields["label"])
    if duration == 0 and any(label != "EDF Annotations" for label in labels):
        # 0 is only for EDF+ files of annotations alone; with signals it has no time axis (and
        # the EDF library then fails with an internal error).
        raise RecordingError(
            f"{path}: header field 'duration of a data record': expected more than 0 seconds "
            "for a file with signals, got 0"
        )
    spr = tuple(
        int(_num(b, "samples per data record", path, int))
        for b in fields["samples per data record"]
    )
    for i, lab in enumerate(labels):
        where = f"signal {i + 1} ({lab!r})"
        dmin = _num(fields["digital minimum"][i], f"{where} digital minimum", path, int)
        dmax = _num(fields["digital maximum"][i], f"{where} digital maximum", path, int)
        pmin = _num(fields["physical minimum"][i], f"{where} physical minimum", path, float)
        pmax = _num(fields["physical maximum"][i], f"{where} physical maximum", path, float)
        if spr[i] < 0:
            raise RecordingError(f"{path}: {where} samples per data record: expected >= 0")
        if dmin >= dmax or pmin == pmax:
            raise RecordingError(
                f"{path}: {where}: expected digital minimum < maximum and physical minimum != "
                f"maximum, got digital {dmin:g}..{dmax:g}, physical {pmin:g}..{pmax:g}"
            )
    record_bytes = sum(spr) * (3 if is_bdf else 2)
    if record_bytes == 0:
        raise RecordingError(f"{path}: header: every signal has 0 samples per data record")
    data_bytes = size - header_bytes
    held, extra = divmod(data_bytes, record_bytes)
    if num_records == -1:  # allowed while recording; trust the file size
        num_records = held
    if extra or held != num_records:
        state = "truncated" if held < num_records or extra else "wrong record count"
        raise RecordingError(
            f"{path}: {state}: header field 'number of data records' says {num_records}, the "
            f"file holds {held} complete records" + (f" and {extra} extra bytes" if extra else "")
        )
    reserved = fixed[192:236].decode("latin-1")
    return HeaderInfo(
        is_bdf,
        header_bytes,
        num_records,
        duration,
        labels,
        spr,
        reserved.startswith("EDF+D"),
        _clock(fixed[176:184]),
        _start_date(fixed),
    )
