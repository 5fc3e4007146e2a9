"""Between the pydantic models of ``schemas`` and the ORM rows of ``_orm``.

Storage-level rules that pydantic does not express live here, so that both databases store the same
thing and every export re-imports to the same diary:

* an empty ``notes`` or ``helped`` is stored as no value (CSV cannot tell the two apart);
* text with a NUL character or an unpaired surrogate is refused (PostgreSQL and UTF-8 cannot
  store them);
* clock times are local times without a time zone;
* ``recording_id`` fits a 32-bit integer column.

Which fields are copied comes from the schema (:data:`~nightlegs.diary.schemas.NIGHT_FIELDS`,
:data:`~nightlegs.diary.schemas.EPISODE_FIELDS`, :data:`~nightlegs.diary.schemas.PROFILE_FIELDS`),
and stored rows are read back into the models with ``from_attributes``; no field is named here
except where storage treats it apart.
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
    EPISODE_FIELDS,
    NIGHT_FIELDS,
    PROFILE_FIELDS,
    AssessmentRecord,
    Episode,
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


def _values(source: object, names: tuple[str, ...]) -> dict[str, Any]:
    """``{name: source.name}`` for each of ``names`` (a model or a row)."""
    return {name: getattr(source, name) for name in names}


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
    return _values(night, NIGHT_FIELDS)


def episode_values(night: NightIn) -> list[dict[str, Any]]:
    """The ``episodes`` columns of each episode of a stored-form night, ``position`` included.

    Examples
    --------
    >>> import datetime as dt
    >>> cramp = EpisodeIn(side="left", body_site="calf", kind="cramp", intensity=5)
    >>> [(e["position"], e["kind"]) for e in episode_values(
    ...     NightIn(date=dt.date(2024, 5, 1), episodes=[cramp, cramp]))]
    [(0, 'cramp'), (1, 'cramp')]
    """
    return [
        {"position": position, **_values(episode, EPISODE_FIELDS)}
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


def night_model(row: NightRow) -> Night:
    """The stored night as the API returns it (read from the row's attributes).

    Built without validation, like :func:`night_in_model`: what is stored was valid when
    written (the diary's fields are plain values and literals, not types that validation would
    convert), and re-checking every text of every night was half the time of a report over
    three years of nights.
    """
    return Night.model_construct(
        **_values(row, NIGHT_FIELDS),
        id=row.id,
        person_id=row.person_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        episodes=[
            Episode.model_construct(**_values(e, EPISODE_FIELDS), id=e.id) for e in row.episodes
        ],
    )


def night_in_model(row: NightRow) -> NightIn:
    """The stored night without ids and timestamps, as exports carry it.

    Built without validation: what is stored was valid when written, and a night stored before
    dates were kept to a plausible range must still export (its import then names the date).
    """
    return NightIn.model_construct(
        **_values(row, NIGHT_FIELDS),
        episodes=[EpisodeIn.model_construct(**_values(e, EPISODE_FIELDS)) for e in row.episodes],
    )


def apply_profile(row: PersonRow, profile: ProfileIn, where: str = "profile") -> None:
    """Copy ``profile`` onto the person ``row`` and mark the profile as entered."""
    for name in PROFILE_FIELDS:
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


def profile_in_model(row: PersonRow) -> ProfileIn | None:
    """The person's profile without its timestamp; ``None`` when none was entered."""
    if row.profile_saved_at is None:
        return None
    return ProfileIn.model_validate(row, from_attributes=True)


def profile_model(row: PersonRow) -> Profile | None:
    """The person's profile as ``GET /api/profile`` returns it; ``None`` when none was entered."""
    if row.profile_saved_at is None:
        return None
    # Not from_attributes: the profile's ``updated_at`` is when it was entered, not the row's.
    return Profile.model_validate(
        {**_values(row, PROFILE_FIELDS), "updated_at": row.profile_saved_at}
    )


def person_model(row: PersonRow) -> Person:
    """The stored person with their profile (read from the row's attributes)."""
    return Person.model_validate(row, from_attributes=True)


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
