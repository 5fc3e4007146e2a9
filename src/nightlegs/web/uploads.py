"""Recording uploads: type and size checks, a temporary file, and analysis in the background.

A recording is accepted when its extension is ``.edf``, ``.bdf``, ``.csv`` or ``.cwa`` *and* its
first bytes match: an EDF header starts with ``"0"`` and seven spaces, a BDF header with
``0xFF "BIOSEMI"``, an Axivity ``.cwa`` with its ``"MD"`` metadata block, and a CSV is UTF-8 text
without NUL bytes. Otherwise ``415``; larger than ``Settings.max_upload_bytes``, ``413``. The
file is streamed in 1 MiB chunks to this server's private upload folder
(:mod:`nightlegs.web.spool`, cleared of a stopped server's files on start), analysed by
:func:`nightlegs.movement.analyze` on the app's worker pool (status ``pending`` -> ``running`` ->
``done`` or ``failed`` with the error message, all kept by the store), then deleted. The
server holds each analysis with a lease (:class:`LeaseKeeper`): another server sharing the
database marks it failed only once the lease has run out.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import threading
from collections.abc import Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from fastapi import HTTPException, UploadFile

from nightlegs._inputs import EARLIEST_DATE, latest_date
from nightlegs.diary import night_of
from nightlegs.diary.store import DiaryStore
from nightlegs.errors import NightlegsError
from nightlegs.web.spool import UploadSpool

__all__ = [
    "ALLOWED_SUFFIXES",
    "LEASE_S",
    "LeaseKeeper",
    "analyse_recording",
    "fail_interrupted",
    "jsonable",
    "looks_like",
    "save_upload",
]

logger = logging.getLogger(__name__)

ALLOWED_SUFFIXES = (".edf", ".bdf", ".csv", ".cwa")
_CHUNK = 1024 * 1024
_MAGIC = {".edf": b"0       ", ".bdf": b"\xffBIOSEMI", ".cwa": b"MD"}


def looks_like(suffix: str, head: bytes) -> bool:
    """Whether the first bytes of a file match its extension.

    Parameters
    ----------
    suffix : str
        Lower-case extension with the dot, e.g. ``".edf"``.
    head : bytes
        The first bytes of the file (at least 8 for EDF/BDF).

    Examples
    --------
    >>> looks_like(".edf", b"0       patient..."), looks_like(".edf", b"PK\\x03\\x04")
    (True, False)
    >>> looks_like(".csv", b"time,left,right\\n0,1,2\\n")
    True
    """
    if suffix in _MAGIC:
        return head.startswith(_MAGIC[suffix])
    if suffix != ".csv" or not head or b"\x00" in head:
        return False
    for cut in range(4):  # a multi-byte character may be cut at the end of the chunk
        try:
            head[: len(head) - cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _clean_name(filename: str | None) -> str:
    name = PureWindowsPath(PurePosixPath(filename or "recording").name).name
    return name[-200:] or "recording"


async def save_upload(
    upload: UploadFile, max_bytes: int, spool: UploadSpool
) -> tuple[Path, str, int]:
    """Check and stream an upload to a file of this server's upload folder.

    Returns
    -------
    path, filename, size_bytes
        The temporary file (the caller deletes it), the original base name, the size.

    Raises
    ------
    HTTPException
        415 for a type that is not accepted; 413 when larger than ``max_bytes``.
    """
    filename = _clean_name(upload.filename)
    suffix = Path(filename).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise HTTPException(
            415, f"file type {suffix or '(none)'!r}: expected one of {', '.join(ALLOWED_SUFFIXES)}"
        )
    fd, path = spool.new_file(suffix)
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := await upload.read(_CHUNK):
                if size == 0 and not looks_like(suffix, chunk):
                    raise HTTPException(415, f"{filename}: the content is not a {suffix} file")
                size += len(chunk)
                if size > max_bytes:
                    raise HTTPException(413, f"{filename}: larger than {max_bytes} bytes")
                out.write(chunk)
        if size == 0:
            raise HTTPException(415, f"{filename}: the file is empty")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, filename, size


def jsonable(value: Any) -> Any:
    """``value`` with numpy scalars as Python numbers and NaN or infinity as ``None``.

    Examples
    --------
    >>> jsonable({"a": float("nan"), "b": (1, 2.5)})
    {'a': None, 'b': [1, 2.5]}
    """
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


_UNEXPECTED = (
    "the analysis stopped on a problem in the recording that nightlegs does not recognise; "
    "check that it is an EDF/BDF with leg EMG channels or an accelerometer file, or report it"
)


def analyse_recording(
    store: DiaryStore, recording_id: int, path: Path, filename: str = "recording"
) -> None:
    """Analyse one uploaded recording and keep the outcome (runs on the worker pool).

    Error messages name ``filename`` rather than the temporary file, which is deleted
    afterwards, whatever happens. A finished analysis goes on the night it was recorded
    (:func:`nightlegs.diary.night_of` its start); a file without a start date goes on the night
    of its upload date, and its warnings say so.
    """
    from nightlegs.movement import analyze

    try:
        record = store.update_recording(recording_id, status="running")
        analysis = analyze(path)
        data = jsonable(analysis.to_dict())
        events = data.pop("events", [])
        night = _night(analysis.start, record.created_at, data)
        store.update_recording(
            recording_id, status="done", summary=data, events=events, night=night
        )
    except Exception as exc:
        # Only our own errors are written for people; anything else is an internal detail
        # ("index -1 is out of bounds") that would mean nothing to them.
        message = str(exc) if isinstance(exc, NightlegsError) else _UNEXPECTED
        message = message.replace(str(path), filename).replace(path.name, filename)
        logger.warning("recording %d: analysis failed (%s)", recording_id, type(exc).__name__)
        try:
            store.update_recording(recording_id, status="failed", error=message[:2000])
        except Exception:
            logger.exception("recording %d: could not store the failure", recording_id)
    finally:
        path.unlink(missing_ok=True)


def _night(start: dt.datetime | None, uploaded: dt.datetime, data: dict[str, Any]) -> dt.date:
    """The night of a recording's start, else of its upload date (noted in its warnings)."""
    if start is not None:
        night = night_of(start)
        if EARLIEST_DATE <= night <= latest_date():
            return night
        why = f"its start date {start.date().isoformat()} is not a plausible night"
    else:
        why = "the file gives no start date"
    uploaded_on = uploaded.astimezone().date()
    data.setdefault("warnings", []).append(
        f"{why}: the recording was put on the night of its upload date, "
        f"{uploaded_on.isoformat()}; choose another night if that is wrong"
    )
    return uploaded_on


#: How long a server holds the recordings it analyses without renewing, in seconds.
LEASE_S = 60.0
_RENEW_S = 10.0
_INTERRUPTED = "interrupted: the server stopped before the analysis finished; upload again"


def fail_interrupted(store: DiaryStore, stopped: Sequence[str] = ()) -> int:
    """Mark analyses whose server stopped as failed; return how many.

    A server has stopped when its lease ran out or it is one of ``stopped`` (known gone: its
    upload folder was abandoned). An analysis another running server holds is left alone.
    """
    return store.fail_abandoned(_INTERRUPTED, stopped=stopped)


class LeaseKeeper:
    """A thread that renews this server's leases and fails analyses whose server is gone.

    Parameters
    ----------
    store : DiaryStore
    owner : str
        This server's id, as given to ``create_recording``.
    """

    def __init__(self, store: DiaryStore, owner: str) -> None:
        self.store = store
        self.owner = owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="nightlegs-leases", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(_RENEW_S):
            try:
                self.store.renew_leases(self.owner, LEASE_S)
                fail_interrupted(self.store)
            except Exception as exc:  # the database may be away for a moment; try again later
                logger.warning("could not renew analysis leases (%s)", type(exc).__name__)

    def close(self) -> None:
        """Stop renewing (the leases then run out unless the analyses finished)."""
        self._stop.set()
        self._thread.join(timeout=5)
