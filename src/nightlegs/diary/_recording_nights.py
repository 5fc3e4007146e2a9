"""Which night a recording belongs to, and the measured values it puts there.

A recording is attached to the night it was recorded (docs/json-contract.md section 4): the
night of its start date, or of the date before when it starts after midnight and before noon.
That night's ``movements_per_hour`` is the recording's PLMS index (its PLM index when no sleep
was scored), with ``movements_source="recording"`` and its ``recording_id``. Values typed in on
other nights are never touched; values a recording put on a night are cleared when it moves or
is deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nightlegs.diary._orm import NightRow, RecordingRow, utc_now
from nightlegs.errors import InputError

__all__ = [
    "clear_recording",
    "measured_index",
    "night_of",
    "place_recording",
    "recording_nights",
]

_NOON = dt.time(12, 0)


def night_of(start: dt.datetime) -> dt.date:
    """The diary night a recording starting at ``start`` (local clock time) belongs to.

    From midnight up to (not including) noon it is the night before.

    Examples
    --------
    >>> night_of(dt.datetime(2024, 3, 2, 23, 30)), night_of(dt.datetime(2024, 3, 3, 0, 0))
    (datetime.date(2024, 3, 2), datetime.date(2024, 3, 2))
    >>> night_of(dt.datetime(2024, 3, 3, 11, 59)), night_of(dt.datetime(2024, 3, 3, 12, 0))
    (datetime.date(2024, 3, 2), datetime.date(2024, 3, 3))
    """
    if start.time() < _NOON:
        return start.date() - dt.timedelta(days=1)
    return start.date()


def measured_index(summary: dict[str, Any] | None) -> float | None:
    """The per-hour value a recording puts on its night: PLMS index, else PLM index.

    Examples
    --------
    >>> measured_index({"plms_index": None, "plm_index": 12.5})
    12.5
    >>> measured_index({"plms_index": 30.0, "plm_index": 40.0}), measured_index(None)
    (30.0, None)
    """
    if not summary:
        return None
    value = summary.get("plms_index")
    if value is None:
        value = summary.get("plm_index")
    return None if value is None else float(value)


def clear_recording(session: Session, recording: RecordingRow) -> None:
    """Remove the measured values ``recording`` put on any night of its person."""
    session.execute(
        update(NightRow)
        .where(
            NightRow.person_id == recording.person_id,
            NightRow.recording_id == recording.id,
            NightRow.movements_source == "recording",
        )
        .values(
            movements_per_hour=None,
            movements_source=None,
            recording_id=None,
            updated_at=utc_now(),
        )
        .execution_options(synchronize_session=False)
    )


def place_recording(session: Session, recording: RecordingRow, date: dt.date) -> NightRow:
    """Put ``recording``'s measured values on its person's night of ``date`` (made if missing).

    The values leave the night they were on before. With several nights on ``date`` the first
    one entered is used.

    Raises
    ------
    InputError
        The recording is not analysed (status other than ``done``) or has no index.
    """
    value = measured_index(recording.summary) if recording.status == "done" else None
    if value is None:
        raise InputError(
            f"recording {recording.id}: status {recording.status!r}; only an analysed recording "
            "(status 'done' with a PLM index) can be put on a night"
        )
    clear_recording(session, recording)
    night = session.scalars(
        select(NightRow)
        .where(NightRow.person_id == recording.person_id, NightRow.date == date)
        .order_by(NightRow.id)
        .limit(1)
        .with_for_update()
    ).first()
    now = utc_now()
    if night is None:
        night = NightRow(person_id=recording.person_id, date=date, created_at=now, episodes=[])
        session.add(night)
    night.movements_per_hour = value
    night.movements_source = "recording"
    night.recording_id = recording.id
    night.updated_at = now
    session.flush()
    return night


def recording_nights(
    session: Session, person_id: int, recording_ids: Sequence[int]
) -> dict[int, tuple[int, dt.date]]:
    """``{recording id: (night id, night date)}`` for the recordings that are on a night."""
    if not recording_ids:
        return {}
    rows = session.execute(
        select(NightRow.recording_id, NightRow.id, NightRow.date)
        .where(
            NightRow.person_id == person_id,
            NightRow.recording_id.in_(list(recording_ids)),
            NightRow.movements_source == "recording",
        )
        .order_by(NightRow.id)
    )
    found: dict[int, tuple[int, dt.date]] = {}
    for recording_id, night_id, date in rows:
        if recording_id is not None:
            found.setdefault(int(recording_id), (int(night_id), date))
    return found
