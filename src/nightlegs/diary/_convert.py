"""Between the pydantic models of ``schemas`` and the ORM rows of ``_orm``.

Storage-level rules that pydantic does not express live here, so that both databases store the same
thing and every export re-imports to the same diary:

* an empty ``notes`` or ``helped`` is stored as no value (CSV cannot tell the two apart);
* text with a NUL character or an unpaired surrogate is refused (PostgreSQL and UTF-8 cannot
  store them);
* clock times are local times without a time zone;
* ``recording_id`` fits a 32-bit integer column.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from nightlegs._inputs import text_problem
from nightlegs.diary._orm import (
    AssessmentRow,
    EpisodeRow,
    NightRow,
    PersonRow,
    RecordingRow,
    utc_now,
)
from nightlegs.diary.schemas import (
    AssessmentRecord,
    EpisodeIn,
    Night,
    NightIn,
    Person,
    PersonIn,
    Profile,
    ProfileIn,
    RecordingRecord,
)
from nightlegs.errors import InputError

__all__ = [
    "apply_night",
    "apply_person",
    "apply_profile",
    "assessment_model",
    "checked_text",
    "clear_profile",
    "episode_values",
    "night_in_model",
    "night_model",
    "night_values",
    "person_model",
    "profile_in_model",
    "profile_model",
    "recording_model",
    "storable_night",
]

_MAX_INT32 = 2**31 - 1


def checked_text(value: str | None, field: str, *, empty_is_none: bool = False) -> str | None:
    """``value`` if both databases can store it; ``None`` for an empty optional text.

    Examples
    --------
    >>> checked_text("", "notes", empty_is_none=True) is None
    True
    >>> checked_text("a\\x00b", "notes")
    Traceback (most recent call last):
    ...
    nightlegs.errors.InputError: notes: contains a NUL character, which cannot be stored
    """
    if value is None or (empty_is_none and value == ""):
        return None
    problem = text_problem(value)
    if problem is not None:
        raise InputError(
            f"{field}: contains {problem.removeprefix('it holds ')}, which cannot be stored"
        )
    return value


def _clock(value: dt.time | None, field: str) -> dt.time | None:
    if value is not None and value.tzinfo is not None:
        raise InputError(
            f"{field}: expected a local clock time without a time zone, got {value.isoformat()}"
        )
    return value


def storable_night(night: NightIn, where: str = "night") -> NightIn:
    """``night`` as it will be stored (see the module notes), or :class:`InputError`.

    ``where`` starts the field names in messages, e.g. ``"nights[3]"`` or ``"line 7: night"``.

    Examples
    --------
    >>> import datetime as dt
    >>> storable_night(NightIn(date=dt.date(2024, 5, 1), notes="")).notes is None
    True
    """
    if night.recording_id is not None and not 1 <= night.recording_id <= _MAX_INT32:
        raise InputError(
            f"{where}.recording_id: expected an id from 1 to {_MAX_INT32}, got {night.recording_id}"
        )
    episodes = []
    for position, episode in enumerate(night.episodes):
        field = f"{where}.episodes[{position}]"
        _clock(episode.time, f"{field}.time")
        checked_text(episode.body_site, f"{field}.body_site")
        helped = checked_text(episode.helped, f"{field}.helped", empty_is_none=True)
        episodes.append(episode.model_copy(update={"helped": helped}))
    _clock(night.bedtime, f"{where}.bedtime")
    _clock(night.wake_time, f"{where}.wake_time")
    notes = checked_text(night.notes, f"{where}.notes", empty_is_none=True)
    return night.model_copy(update={"notes": notes, "episodes": episodes})


def night_values(night: NightIn) -> dict[str, Any]:
    """The ``nights`` columns of a night already through :func:`storable_night` (no ids or stamps).

    Examples
    --------
    >>> import datetime as dt
    >>> night_values(NightIn(date=dt.date(2024, 5, 1)))["date"]
    datetime.date(2024, 5, 1)
    """
    return {
        "date": night.date,
        "bedtime": night.bedtime,
        "wake_time": night.wake_time,
        "sleep_quality": night.sleep_quality,
        "movements_per_hour": night.movements_per_hour,
        "movements_source": night.movements_source,
        "recording_id": night.recording_id,
        "notes": night.notes,
    }


def episode_values(night: NightIn) -> list[dict[str, Any]]:
    """The ``episodes`` columns of each episode of a stored-form night, ``position`` included."""
    return [
        {
            "position": position,
            "time": episode.time,
            "side": episode.side,
            "body_site": episode.body_site,
            "kind": episode.kind,
            "intensity": episode.intensity,
            "helped": episode.helped,
        }
        for position, episode in enumerate(night.episodes)
    ]


def apply_night(row: NightRow, night: NightIn, where: str = "night") -> None:
    """Copy ``night`` (with its episodes, replacing any) onto ``row`` and stamp ``updated_at``."""
    night = storable_night(night, where)
    for name, value in night_values(night).items():
        setattr(row, name, value)
    row.episodes = [EpisodeRow(**values) for values in episode_values(night)]
    now = utc_now()
    row.updated_at = now
    if row.created_at is None:  # a new row
        row.created_at = now


def _night_fields(row: NightRow) -> dict[str, Any]:
    return {
        "date": row.date,
        "bedtime": row.bedtime,
        "wake_time": row.wake_time,
        "sleep_quality": row.sleep_quality,
        "movements_per_hour": row.movements_per_hour,
        "movements_source": row.movements_source,
        "recording_id": row.recording_id,
        "notes": row.notes,
    }


def _episode_fields(row: EpisodeRow) -> dict[str, Any]:
    return {
        "time": row.time,
        "side": row.side,
        "body_site": row.body_site,
        "kind": row.kind,
        "intensity": row.intensity,
        "helped": row.helped,
    }


def night_model(row: NightRow) -> Night:
    """The stored night as the API returns it."""
    return Night.model_validate(
        {
            **_night_fields(row),
            "id": row.id,
            "person_id": row.person_id,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "episodes": [{**_episode_fields(e), "id": e.id} for e in row.episodes],
        }
    )


def night_in_model(row: NightRow) -> NightIn:
    """The stored night without ids and timestamps, as exports carry it.

    Built without validation: what is stored was valid when written, and a night stored before
    dates were kept to a plausible range must still export (its import then names the date).
    """
    return NightIn.model_construct(
        **_night_fields(row),
        episodes=[EpisodeIn.model_construct(**_episode_fields(e)) for e in row.episodes],
    )


_PROFILE_FIELDS = tuple(ProfileIn.model_fields)


def apply_profile(row: PersonRow, profile: ProfileIn, where: str = "profile") -> None:
    """Copy ``profile`` onto the person ``row`` and mark the profile as entered."""
    for name in _PROFILE_FIELDS:
        if name not in ("medicines", "known_conditions"):
            setattr(row, name, getattr(profile, name))
    row.medicines = [str(checked_text(m, f"{where}.medicines")) for m in profile.medicines]
    row.known_conditions = [
        str(checked_text(c, f"{where}.known_conditions")) for c in profile.known_conditions
    ]
    now = utc_now()
    row.profile_saved_at = now
    row.updated_at = now
    if row.created_at is None:  # a new row
        row.created_at = now


def clear_profile(row: PersonRow) -> None:
    """Forget the profile of ``row`` (the person and their name stay)."""
    apply_profile(row, ProfileIn())
    row.profile_saved_at = None


def apply_person(row: PersonRow, person: PersonIn) -> None:
    """Copy ``person`` (name and profile) onto ``row``."""
    row.name = str(checked_text(person.name, "name"))
    apply_profile(row, person, where="person")


def _profile_fields(row: PersonRow) -> dict[str, Any]:
    fields = {name: getattr(row, name) for name in _PROFILE_FIELDS}
    fields["medicines"] = list(row.medicines)
    fields["known_conditions"] = list(row.known_conditions)
    return fields


def profile_in_model(row: PersonRow) -> ProfileIn | None:
    """The person's profile without its timestamp; ``None`` when none was entered."""
    if row.profile_saved_at is None:
        return None
    return ProfileIn.model_validate(_profile_fields(row))


def profile_model(row: PersonRow) -> Profile | None:
    """The person's profile as ``GET /api/profile`` returns it; ``None`` when none was entered."""
    if row.profile_saved_at is None:
        return None
    return Profile.model_validate({**_profile_fields(row), "updated_at": row.profile_saved_at})


def person_model(row: PersonRow) -> Person:
    """The stored person with their profile."""
    return Person.model_validate(
        {
            **_profile_fields(row),
            "id": row.id,
            "name": row.name,
            "profile_saved": row.profile_saved_at is not None,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }
    )


def assessment_model(row: AssessmentRow) -> AssessmentRecord:
    """A stored assessment."""
    return AssessmentRecord(
        id=row.id,
        person_id=row.person_id,
        created_at=row.created_at,
        kb_version=row.kb_version,
        request=row.request,
        result=row.result,
    )


def recording_model(row: RecordingRow, night: tuple[int, dt.date] | None = None) -> RecordingRecord:
    """A stored recording with its analysis state and the ``(id, date)`` of its night."""
    return RecordingRecord.model_validate(
        {
            "id": row.id,
            "person_id": row.person_id,
            "filename": row.filename,
            "size_bytes": row.size_bytes,
            "status": row.status,
            "created_at": row.created_at,
            "error": row.error,
            "summary": row.summary,
            "events": row.events,
            "night_id": None if night is None else night[0],
            "night_date": None if night is None else night[1],
        }
    )
