"""German wording that must not be read as a danger sign.

The case tables (the findings of the newer emergency and urgent rules in the lexicon de.yaml,
negation, emergencies end to end, benign complaints) are data in ``tests/data/foreign/de.yaml``,
run by ``test_foreign_cases.py``.
"""

from __future__ import annotations

from _foreign_helpers import found

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


def test_a_floor_is_not_a_walking_stick() -> None:
    assert "new_walking_difficulty" not in found("Wir wohnen im dritten Stock.", "de")
