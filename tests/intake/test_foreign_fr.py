"""French wording that must not be read as a danger sign.

The case tables (the findings of the newer emergency and urgent rules in the lexicon fr.yaml,
negation, emergencies end to end, benign complaints) are data in ``tests/data/foreign/fr.yaml``,
run by ``test_foreign_cases.py``.
"""

from __future__ import annotations

from _foreign_helpers import found

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


def test_a_trapped_nerve_is_not_a_crush_injury() -> None:
    assert "crush_injury" not in found("Il a un nerf coincé entre deux vertèbres.", "fr")
