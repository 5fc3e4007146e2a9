"""Danger signs in descriptions in Dutch (Netherlands and Flanders), as people write them.

The case tables of the shapes every language shares are data in
``tests/data/foreign/nl.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Dutch needs.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found

from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.knowledge import knowledge_index


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 10 dagen geleden bevallen en mijn kuit is gezwollen",
        "Ik lig nog in het kraambed en heb hoofdpijn",
        "Twee weken geleden een keizersnede gehad",
        "Onze baby is vorige week geboren en nu is mijn been dik",
    ],
)
def test_recent_birth_is_read_and_the_baby_is_not_the_patient(text: str) -> None:
    reading = find_foreign_findings(text, "nl")
    assert "recent_childbirth" in {f.id for f in reading.findings if f.present}


def test_growing_pains_find_no_danger_sign() -> None:
    text = (
        "Mijn dochter van 6 heeft 's nachts pijn in haar benen, 's ochtends is alles weer goed en "
        "ze speelt gewoon. Geen koorts, ze loopt niet mank."
    )
    findings = found(text, "nl")
    assert findings.get("morning_well") is True
    assert not {k for k, p in findings.items() if p} & knowledge_index().red_flag_findings
