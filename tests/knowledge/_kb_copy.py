"""Editing a file of a knowledge-base copy (see the ``kb_copy`` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def edit(path: Path, change: Callable[[Any], object]) -> None:
    """Parse the YAML at ``path``, let ``change`` alter it in place, and write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
