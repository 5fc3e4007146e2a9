"""Danger signs in descriptions written in Spanish (Spain and Latin America): es.yaml.

The newer emergency and urgent rules need findings beyond the leg itself (medicines, blood
sugar, dialysis, a cast, a tearing pain in the back ...); these tests check that the Spanish
lexicon reads them as people type them, and that the rules then fire end to end.

The case tables of the shapes every language shares are data in
``tests/data/foreign/es.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Spanish needs.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import triage

from nightlegs import assess


def test_spanish_benign_night_cramps_stay_below_urgent() -> None:
    text = (
        "Tengo 45 años y por la noche me dan calambres en las pantorrillas, estiro el pie y se "
        "me pasa. Durante el día estoy bien."
    )
    assert triage(text) not in {"emergency", "urgent"}


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("Estoy de 35 semanas y tengo los pies muy hinchados", True),
        ("estoy de 8 meses y me dan calambres por la noche", True),
        ("estoy de acuerdo con el médico, me duelen las piernas", None),
    ],
)
def test_spanish_weeks_or_months_along_is_a_pregnancy(text: str, pregnant: bool | None) -> None:
    assert assess(text).population["pregnant"] is pregnant
