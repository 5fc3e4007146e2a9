"""Danger signs in descriptions written in Arabic: the Arabic lexicon (ar.yaml).

People mostly type spoken Arabic (Levantine, Egyptian, Gulf) in Latin letters ("Arabizi"), with
digits for the letters Latin lacks: 2 for a hamza (or a Levantine/Egyptian qaf), 3 for ain, 5 for
kha, 7 for ha, 9 for sad. The lexicon is written that way and read through the Arabic
``latin_skeleton``, which turns those digits into letters only inside a word (a number stays a
number) and merges the usual spellings ("7arara" = "harara", "kteer" = "ktir"). A text is told
apart by its common words and by its words written with such digits. A few phrases in Arabic
script are read too (without the article "ال"; the conjunction "و" written onto a word is not
split off).

The case tables of the shapes every language shares are data in
``tests/data/foreign/ar.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Arabic needs.
"""

from __future__ import annotations

from _foreign_helpers import says, triage

from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.intake._language import detect_language
from nightlegs.knowledge.foreign import latin_skeleton

# --- Danger signs, as a relative writes them -----------------------------------------------


def test_arabizi_skeleton_reads_digits_inside_words_only() -> None:
    for spellings in (
        ("7arara", "harara"),
        ("kteer", "ktir", "ktiir"),
        ("5afif", "khafeef"),
        ("shou", "shu", "chou"),
    ):
        assert len({latin_skeleton(w, "arabic") for w in spellings}) == 1, spellings
    assert latin_skeleton("5", "arabic") == "5"
    assert latin_skeleton("39", "arabic") == "39"


# --- Negation ------------------------------------------------------------------------------


def test_arabizi_clause_break_stops_negation() -> None:
    says("ma fi 7arara bas rijlo waramet faj2a", "ar", fever=False, leg_swelling=True)


def test_arabizi_la_meaning_to_denies_nothing() -> None:
    # Levantine "la" is "to"; "la2" is "no".
    says("5adna la el tawari2 la2an rijlo sarit barde w zar2a", "ar", cold_foot=True)
    says("7arara la2", "ar", fever=False)


def test_arabizi_since_a_number_of_years_is_not_an_age() -> None:
    # "min 5 snin" is "for five years": no age phrase without a person's word.
    assert find_foreign_findings("3ando wja3 bi rijlo min 5 snin", "ar").age is None


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_arabizi_pregnancy_and_child() -> None:
    pregnant = find_foreign_findings("ana 7amel bel shahr el sabe3 w ijri mwarrame", "ar")
    assert pregnant.pregnant
    child = find_foreign_findings("ibni 3omro 6 snin, bya3rej min mbare7", "ar")
    assert (child.child, child.age) == (True, 6)
    assert child.findings and {f.id for f in child.findings} >= {"limp"}


# --- End to end ----------------------------------------------------------------------------


def test_arabic_script_is_read() -> None:
    assert detect_language("رجل أبي متورمة فجأة، ضيق في التنفس") == "ar"
    says("رجل أبي متورمة فجأة، ضيق في التنفس", "ar", leg_swelling=True, breathless=True)


# --- Findings the emergency and urgent rules need (medicines, conditions, signs) --------------


def test_arabic_benign_night_ache_stays_below_urgent() -> None:
    assert triage("rijli btewja3ni shway bel lel ba3d el riyada, ya3ni 3adi, mish ktir") not in {
        "emergency",
        "urgent",
    }
