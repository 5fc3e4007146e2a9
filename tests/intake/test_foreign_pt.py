"""Danger signs in descriptions in Portuguese (European and Brazilian), as people write them.

The case tables of the shapes every language shares are data in
``tests/data/foreign/pt.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Portuguese needs.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.knowledge import knowledge_index


def test_without_words_between_is_not_a_lack_of_breath() -> None:
    # "sem falta de ar" (no shortness of breath) is not "sem ar" (out of breath).
    says("Sem febre, sem falta de ar.", "pt", fever=False, breathless=False)
    says("Está sem ar.", "pt", breathless=True)
    # "sem dor ao fazer xixi" denies pain, not passing urine.
    says("Sem dor ao fazer xixi.", "pt", bladder_problem=None)


@pytest.mark.parametrize(
    "text",
    [
        "Tive meu bebê há 10 dias, a panturrilha tá inchada",
        "Dei à luz semana passada e estou com dor de cabeça",
        "Fiz cesárea há 2 semanas",
        "Estou no resguardo e a perna inchou",
    ],
)
def test_recent_birth_is_read_and_the_baby_is_not_the_patient(text: str) -> None:
    reading = find_foreign_findings(text, "pt")
    assert "recent_childbirth" in {f.id for f in reading.findings if f.present}
    assert not reading.child


def test_growing_pains_find_no_danger_sign() -> None:
    text = (
        "Minha filha de 6 anos reclama de dor nas pernas à noite, de manhã acorda bem e brinca "
        "normal. Não tem febre e não está mancando."
    )
    findings = found(text, "pt")
    assert findings.get("morning_well") is True
    assert {
        k for k, present in findings.items() if present
    } & knowledge_index().red_flag_findings == set()


# --- Findings of the newer emergency and urgent rules ---------------------------------------


def test_portuguese_benign_night_cramps_stay_below_urgent() -> None:
    text = (
        "Tenho 50 anos e à noite tenho cãibras na panturrilha, estico o pé e passa. De dia "
        "estou bem."
    )
    assert triage(text) not in {"emergency", "urgent"}


def test_out_of_nowhere_denies_nothing() -> None:
    # "do nada" (out of nowhere) holds "nada" but denies nothing.
    says(
        "do nada uma dor dilacerante no peito",
        "pt",
        sudden_onset=True,
        tearing_chest_back_pain=True,
    )
