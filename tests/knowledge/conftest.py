"""Fixtures of the knowledge-base tests: a writable copy of the packaged data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from nightlegs.knowledge import loader as kb_loader
from nightlegs.knowledge import reset_knowledge_caches


@pytest.fixture
def kb_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of the packaged data that the loader reads instead."""
    source = Path(str(resources.files("nightlegs.knowledge") / "data"))
    target = tmp_path / "data"
    shutil.copytree(source, target)
    monkeypatch.setattr(kb_loader, "_data_root", lambda: target)
    reset_knowledge_caches()
    yield target
    reset_knowledge_caches()
