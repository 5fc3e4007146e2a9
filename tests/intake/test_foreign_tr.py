"""Danger signs in descriptions written in Turkish: the Turkish lexicon (tr.yaml).

Turkish says "not" inside the verb ("şişmedi", "kaymadı", "kaybetmedi"), so the lexicon lists the
affirmative forms of its verbs rather than bare stems, and denies with words that follow what
they deny ("ateşi yok", "soğuk değil").

The case tables of the shapes every language shares are data in
``tests/data/foreign/tr.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Turkish needs.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, triage

from nightlegs.intake._foreign import find_foreign_findings

# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Babamın yüzü kaymadı.", "face_droop"),
        ("Konuşması bozulmadı.", "arm_or_speech_symptoms"),
        ("Bilincini kaybetmedi, başı dönmüyor.", "fainting"),
        ("Kızarıklık yayılmadı.", "spreading_redness"),
        ("Nefes almakta zorlanmıyor.", "breathless"),
        ("Topallamıyor.", "limp"),
    ],
)
def test_turkish_verb_negated_by_its_suffix_is_not_affirmed(text: str, absent: str) -> None:
    assert found(text, "tr").get(absent) is not True


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_turkish_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "32 haftalık hamileyim, başım çok ağrıyor, gözlerim kararıyor.", "tr"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("İki hafta önce sezaryen ile doğum yaptım.", "tr")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of "bebek bekliyorum" is not the person described.
    assert not find_foreign_findings("Bebek bekliyorum, ayaklarım şişiyor.", "tr").child


# --- Detection and the lexicon file --------------------------------------------------------


def test_turkish_evening_is_not_a_limp() -> None:
    # "akşama" (towards evening) folds to the letters of "aksama" (limping).
    findings = found("Akşama doğru bacakları ağırlaşıyor.", "tr")
    assert "limp" not in findings and findings.get("worse_end_of_day") is True, findings


# --- Findings of the newer emergency and urgent rules ---------------------------------------


def test_turkish_benign_night_cramps_stay_below_urgent() -> None:
    text = "Geceleri baldırlarıma kramp giriyor, esnetince geçiyor. Gündüz iyiyim."
    assert triage(text) not in {"emergency", "urgent"}
