"""People: the diary holds one or more people, each owning nights, assessments and recordings.

The one profile becomes the first person (named "Me"), and every existing night, assessment and
recording goes to them; a diary without a profile gets "Me" with an empty profile. The
``profile`` table is then dropped (its columns live on ``people``).

On SQLite the three tables are rebuilt to make ``person_id`` NOT NULL with its foreign key;
:mod:`nightlegs.diary._migrate` runs the upgrade with SQLite's foreign-key enforcement off (as
SQLite's own procedure for table changes says), so rebuilding ``nights`` does not cascade into
``episodes``, and checks the keys before it commits.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

__all__ = ["downgrade", "upgrade"]

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the types and tables at this revision (migrations never import live models).
_TS = sa.DateTime(timezone=True)
_JSON = sa.JSON(none_as_null=True)
_DEFAULT_NAME = "Me"
_PROFILE_COLUMNS = (
    "age",
    "sex",
    "pregnant",
    "pregnancy_week",
    "medicines",
    "known_conditions",
)
_OWNED = ("nights", "assessments", "recordings")


def _tables_before(metadata: sa.MetaData) -> dict[str, sa.Table]:
    """``nights``, ``assessments`` and ``recordings`` as 0002 left them, plus ``person_id``."""

    def person() -> sa.Column[int]:
        return sa.Column("person_id", sa.Integer(), nullable=True)

    return {
        "nights": sa.Table(
            "nights",
            metadata,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("date", sa.Date(), nullable=False),
            sa.Column("bedtime", sa.Time(), nullable=True),
            sa.Column("wake_time", sa.Time(), nullable=True),
            sa.Column("sleep_quality", sa.Integer(), nullable=True),
            sa.Column("movements_per_hour", sa.Float(), nullable=True),
            sa.Column("movements_source", sa.String(length=16), nullable=True),
            sa.Column("recording_id", sa.Integer(), nullable=True),
            sa.Column("notes", sa.Text(), nullable=True),
            sa.Column("created_at", _TS, nullable=False),
            sa.Column("updated_at", _TS, nullable=False),
            person(),
            sa.CheckConstraint(
                "sleep_quality IS NULL OR (sleep_quality >= 0 AND sleep_quality <= 10)",
                name="ck_nights_sleep_quality_range",
            ),
            sa.PrimaryKeyConstraint("id", name="pk_nights"),
            sa.Index("ix_nights_date", "date"),
        ),
        "assessments": sa.Table(
            "assessments",
            metadata,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("created_at", _TS, nullable=False),
            sa.Column("kb_version", sa.String(length=64), nullable=False),
            sa.Column("request", _JSON, nullable=False),
            sa.Column("result", _JSON, nullable=False),
            person(),
            sa.PrimaryKeyConstraint("id", name="pk_assessments"),
            sa.Index("ix_assessments_created_at", "created_at"),
        ),
        "recordings": sa.Table(
            "recordings",
            metadata,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("filename", sa.String(length=255), nullable=False),
            sa.Column("size_bytes", sa.BigInteger(), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("created_at", _TS, nullable=False),
            sa.Column("updated_at", _TS, nullable=False),
            sa.Column("error", sa.Text(), nullable=True),
            sa.Column("summary", _JSON, nullable=True),
            sa.Column("events", _JSON, nullable=True),
            sa.Column("owner", sa.String(length=64), nullable=True),
            sa.Column("lease_until", _TS, nullable=True),
            person(),
            sa.PrimaryKeyConstraint("id", name="pk_recordings"),
        ),
    }


def _now() -> dt.datetime:
    now = dt.datetime.now(dt.UTC)
    # SQLite keeps naive UTC (as the live UTCDateTime type does).
    return now.replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" else now


def _default_person(people: sa.Table) -> int:
    """Insert the first person from the profile (or an empty "Me"); return their id."""
    bind = op.get_bind()
    profile = sa.table(
        "profile",
        *(sa.column(c, _JSON if c.endswith("s") else None) for c in _PROFILE_COLUMNS),
        sa.column("updated_at", _TS),
        sa.column("id", sa.Integer()),
    )
    row = bind.execute(sa.select(profile).order_by(profile.c.id).limit(1)).mappings().first()
    now = _now()
    values: dict[str, Any] = {
        "name": _DEFAULT_NAME,
        "medicines": [],
        "known_conditions": [],
        "created_at": now,
        "updated_at": now,
    }
    if row is not None:
        values.update({c: row[c] for c in _PROFILE_COLUMNS})
        values["medicines"] = list(row["medicines"] or [])
        values["known_conditions"] = list(row["known_conditions"] or [])
        values["profile_saved_at"] = row["updated_at"]
    return int(bind.execute(sa.insert(people).values(values).returning(people.c.id)).scalar_one())


def upgrade() -> None:
    """Create ``people``, give every row to the first person, drop ``profile``."""
    people = op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("age", sa.Float(), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=True),
        sa.Column("pregnant", sa.Boolean(), nullable=True),
        sa.Column("pregnancy_week", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("postpartum_since", sa.Date(), nullable=True),
        sa.Column("medicines", _JSON, nullable=False),
        sa.Column("known_conditions", _JSON, nullable=False),
        sa.Column("profile_saved_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    if people is None:  # pragma: no cover - Alembic returns the table outside offline mode
        raise RuntimeError("create_table returned no table")
    person_id = _default_person(people)
    tables = _tables_before(sa.MetaData())
    for name in _OWNED:
        op.add_column(name, sa.Column("person_id", sa.Integer(), nullable=True))
        table = sa.table(name, sa.column("person_id", sa.Integer()))
        op.execute(sa.update(table).values(person_id=person_id))
        with op.batch_alter_table(name, copy_from=tables[name]) as batch:
            batch.alter_column("person_id", existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(
                op.f(f"fk_{name}_person_id_people"),
                "people",
                ["person_id"],
                ["id"],
                ondelete="CASCADE",
            )
            batch.create_index(op.f(f"ix_{name}_person_id"), ["person_id"], unique=False)
    op.drop_table("profile")


def downgrade() -> None:
    """Back to one profile (the first person's); every person's rows stay, merged into one."""
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("age", sa.Float(), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=True),
        sa.Column("pregnant", sa.Boolean(), nullable=True),
        sa.Column("pregnancy_week", sa.Integer(), nullable=True),
        sa.Column("medicines", _JSON, nullable=False),
        sa.Column("known_conditions", _JSON, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.execute(
        "INSERT INTO profile (id, age, sex, pregnant, pregnancy_week, medicines, "
        "known_conditions, updated_at) SELECT 1, age, sex, pregnant, pregnancy_week, medicines, "
        "known_conditions, profile_saved_at FROM people WHERE profile_saved_at IS NOT NULL "
        "ORDER BY id LIMIT 1"
    )
    for name in _OWNED:
        with op.batch_alter_table(name) as batch:
            batch.drop_index(op.f(f"ix_{name}_person_id"))
            batch.drop_constraint(op.f(f"fk_{name}_person_id_people"), type_="foreignkey")
            batch.drop_column("person_id")
    op.drop_table("people")
