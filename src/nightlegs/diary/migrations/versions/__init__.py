"""Alembic revisions of the diary database (Alembic skips this file)."""

__all__: list[str] = []
