"""Recordings are owned by the server that analyses them: ``owner`` and ``lease_until``.

A server renews the lease of its analyses while it runs; another server marks an analysis
failed only once its lease has run out (issue 8: a rolling restart on PostgreSQL no longer
fails the other server's running analysis).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

__all__ = ["downgrade", "upgrade"]

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Add the owner and the lease of a recording's analysis."""
    with op.batch_alter_table("recordings") as batch:
        batch.add_column(sa.Column("owner", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("lease_until", _TS, nullable=True))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("recordings") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("owner")
