"""Danger signs in descriptions written in Romanian: the Romanian lexicon (ro.yaml).

The case tables of the shapes every language shares are data in
``tests/data/foreign/ro.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Romanian needs.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them (with and without diacritics) ------------------


@pytest.mark.parametrize(
    "text", ["Picioarele sunt slabe", "piciorul stang e slabit", "are picioarele moi"]
)
def test_plural_picioare_is_read_like_picior(text: str) -> None:
    # "picioare" does not begin with "picior": the phrases must reach both.
    assert found(text, "ro").get("leg_weakness") is True


@pytest.mark.parametrize("blood", ["sânge", "sange", "sînge", "singe"])
def test_old_spelling_with_i_is_read(blood: str) -> None:
    says(f"Tușește cu {blood}.", "ro", coughing_blood=True)


# --- Negation ------------------------------------------------------------------------------


def test_a_phrase_holding_nu_is_affirmed() -> None:
    says(
        "Tata nu mai poate merge si nu isi simte piciorul.",
        "ro",
        refuses_weight=True,
        numbness=True,
    )


def test_rosii_is_red_but_an_unrelated_word_is_not() -> None:
    # "rost" (sense) and "rostogolit" (rolled) must not read as red.
    assert "red_skin" not in found("Nu are rost sa astept, s-a rostogolit pe scari.", "ro")


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_romanian_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Sunt insarcinata in 34 de saptamani, ma doare capul rau si vad stelute in fata ochilor.",
        "ro",
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Am născut prin cezariană acum două săptămâni.", "ro")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}


def test_childhood_and_having_children_do_not_make_a_child() -> None:
    assert not find_foreign_findings("Am 2 copii si din copilarie am varice.", "ro").child


# --- Benign complaints ---------------------------------------------------------------------


def test_going_to_bed_is_not_bedridden() -> None:
    assert "immobilised" not in found("Seara cand merge la pat o dor gambele.", "ro")


# --- Findings of the newer emergency and urgent rules ---------------------------------------


def test_romanian_benign_night_cramps_stay_below_urgent() -> None:
    text = "Noaptea am crampe în gambe, mă întind și trec. Ziua sunt bine."
    assert triage(text) not in {"emergency", "urgent"}
