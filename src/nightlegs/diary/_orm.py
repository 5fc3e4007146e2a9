"""The diary's tables as a typed SQLAlchemy 2 ORM (private: the public shape is ``schemas``).

The migrations in ``migrations/versions/`` create exactly this metadata; a test checks that
Alembic's autogenerate comparison between the two is empty on SQLite and on PostgreSQL. The
columns mirror the fields of the models in ``schemas`` (the one list of the diary's fields);
``tests/diary/test_diary_one_schema.py`` fails when a column or a field is on one side only.

Every night, assessment and recording belongs to a person (``person_id``, deleted with them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "AssessmentRow",
    "Base",
    "EpisodeRow",
    "NightRow",
    "PersonRow",
    "RecordingRow",
    "UTCDateTime",
    "utc_now",
]

# Named constraints so that migrations can refer to them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# ``none_as_null`` so that a Python ``None`` is SQL NULL rather than the JSON text ``null``.
_JSON = JSON(none_as_null=True)


def utc_now() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp that always comes back timezone-aware in UTC.

    PostgreSQL keeps the zone (``timestamptz``); SQLite has no zone, so the value is stored as naive
    UTC there and marked UTC again on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"expected a datetime from the database, got {type(value).__name__}")
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with the naming convention above."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PersonRow(Base):
    """A person of the diary with their profile; ``profile_saved_at`` is set once one is entered.

    The person with the smallest id is the default one (routes without ``?person=``).
    """

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age: Mapped[float | None] = mapped_column(Float)
    sex: Mapped[str | None] = mapped_column(String(16))
    pregnant: Mapped[bool | None] = mapped_column(Boolean)
    pregnancy_week: Mapped[int | None] = mapped_column(Integer)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    postpartum_since: Mapped[dt.date | None] = mapped_column(Date)
    medicines: Mapped[list[str]] = mapped_column(_JSON)
    known_conditions: Mapped[list[str]] = mapped_column(_JSON)
    profile_saved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    @property
    def profile_saved(self) -> bool:
        """Whether a profile was entered (``Person.profile_saved``, read ``from_attributes``)."""
        return self.profile_saved_at is not None


def _owner() -> Mapped[int]:
    """The ``person_id`` column of a person's record (indexed, deleted with the person)."""
    return mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)


class NightRow(Base):
    """One night; ``recording_id`` is a plain reference (exports carry it without recordings)."""

    __tablename__ = "nights"
    __table_args__ = (
        CheckConstraint(
            "sleep_quality IS NULL OR (sleep_quality >= 0 AND sleep_quality <= 10)",
            name="sleep_quality_range",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = _owner()
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    bedtime: Mapped[dt.time | None] = mapped_column(Time)
    wake_time: Mapped[dt.time | None] = mapped_column(Time)
    sleep_quality: Mapped[int | None] = mapped_column(Integer)
    movements_per_hour: Mapped[float | None] = mapped_column(Float)
    movements_source: Mapped[str | None] = mapped_column(String(16))
    recording_id: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    episodes: Mapped[list[EpisodeRow]] = relationship(
        back_populates="night",
        order_by="EpisodeRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class EpisodeRow(Base):
    """One episode of a night, kept in the order it was entered (``position``)."""

    __tablename__ = "episodes"
    __table_args__ = (
        CheckConstraint("intensity >= 0 AND intensity <= 10", name="intensity_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    night_id: Mapped[int] = mapped_column(ForeignKey("nights.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    time: Mapped[dt.time | None] = mapped_column(Time)
    side: Mapped[str] = mapped_column(String(16))
    body_site: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(32))
    intensity: Mapped[int] = mapped_column(Integer)
    helped: Mapped[str | None] = mapped_column(String(200))

    night: Mapped[NightRow] = relationship(back_populates="episodes")


class AssessmentRow(Base):
    """A stored assessment: request and result objects and the knowledge-base version."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = _owner()
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    kb_version: Mapped[str] = mapped_column(String(64))
    request: Mapped[dict[str, Any]] = mapped_column(_JSON)
    result: Mapped[dict[str, Any]] = mapped_column(_JSON)


class RecordingRow(Base):
    """An uploaded recording with its analysis status, summary, events or error."""

    __tablename__ = "recordings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = _owner()
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[dict[str, Any] | None] = mapped_column(_JSON)
    events: Mapped[list[dict[str, Any]] | None] = mapped_column(_JSON)
    # The server analysing the recording, and until when it holds it (renewed while it runs).
    owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
