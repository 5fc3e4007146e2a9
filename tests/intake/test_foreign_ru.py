"""Russian wording that must not be read as a danger sign.

The case tables (the findings of the newer emergency and urgent rules in the lexicon ru.yaml,
Ukrainian and Russian typed in Latin letters, negation, emergencies end to end, benign
complaints) are data in ``tests/data/foreign/ru.yaml``, run by ``test_foreign_cases.py``.
"""

from __future__ import annotations

from _foreign_helpers import found

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


def test_heparin_ointment_is_not_a_blood_thinner() -> None:
    text = "Мажу вену гепариновой мазью, тяж болит."
    assert "med_anticoagulant" not in found(text, "ru")


def test_sleeping_sitting_up_for_the_pain_is_not_orthopnoea() -> None:
    assert "orthopnoea" not in found("По ночам жжёт пальцы, спит сидя в кресле.", "ru")
