"""Italian wording that must not be read as a danger sign.

The case tables (the findings of the newer emergency and urgent rules in the lexicon it.yaml,
negation, emergencies end to end, benign complaints) are data in ``tests/data/foreign/it.yaml``,
run by ``test_foreign_cases.py``.
"""

from __future__ import annotations

from _foreign_helpers import found

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


def test_a_strain_in_the_back_is_not_a_tearing_pain() -> None:
    assert "tearing_chest_back_pain" not in found("Ho uno strappo alla schiena da ieri.", "it")
