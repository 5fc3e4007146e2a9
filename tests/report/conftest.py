"""Fixtures: an empty in-memory diary and a filled one (see ``report_fakes``)."""

from __future__ import annotations

import pytest
from report_fakes import MemoryStore, fill_diary


@pytest.fixture
def empty_store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture(scope="session")
def _filled() -> MemoryStore:
    return fill_diary(MemoryStore())


@pytest.fixture
def diary(_filled: MemoryStore) -> MemoryStore:
    """A filled diary (built once per session; tests must not change it)."""
    return _filled
