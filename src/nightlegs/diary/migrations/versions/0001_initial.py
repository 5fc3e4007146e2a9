"""Initial diary schema: profile, nights, episodes, assessments, recordings.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

__all__ = ["downgrade", "upgrade"]

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the types at this revision (migrations never import the live models).
_TS = sa.DateTime(timezone=True)
_JSON = sa.JSON(none_as_null=True)


def upgrade() -> None:
    """Create the five diary tables."""
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
    op.create_table(
        "nights",
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
        sa.CheckConstraint(
            "sleep_quality IS NULL OR (sleep_quality >= 0 AND sleep_quality <= 10)",
            name=op.f("ck_nights_sleep_quality_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nights")),
    )
    op.create_index(op.f("ix_nights_date"), "nights", ["date"], unique=False)
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("night_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("time", sa.Time(), nullable=True),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("body_site", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("helped", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "intensity >= 0 AND intensity <= 10", name=op.f("ck_episodes_intensity_range")
        ),
        sa.ForeignKeyConstraint(
            ["night_id"],
            ["nights.id"],
            name=op.f("fk_episodes_night_id_nights"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episodes")),
    )
    op.create_index(op.f("ix_episodes_night_id"), "episodes", ["night_id"], unique=False)
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("kb_version", sa.String(length=64), nullable=False),
        sa.Column("request", _JSON, nullable=False),
        sa.Column("result", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index(op.f("ix_assessments_created_at"), "assessments", ["created_at"], unique=False)
    op.create_table(
        "recordings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("summary", _JSON, nullable=True),
        sa.Column("events", _JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recordings")),
    )


def downgrade() -> None:
    """Drop the five diary tables."""
    op.drop_table("recordings")
    op.drop_index(op.f("ix_assessments_created_at"), table_name="assessments")
    op.drop_table("assessments")
    op.drop_index(op.f("ix_episodes_night_id"), table_name="episodes")
    op.drop_table("episodes")
    op.drop_index(op.f("ix_nights_date"), table_name="nights")
    op.drop_table("nights")
    op.drop_table("profile")
