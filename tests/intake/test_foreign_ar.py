"""Danger signs in descriptions written in Arabic: the Arabic lexicon (ar.yaml).

People mostly type spoken Arabic (Levantine, Egyptian, Gulf) in Latin letters ("Arabizi"), with
digits for the letters Latin lacks: 2 for a hamza (or a Levantine/Egyptian qaf), 3 for ain, 5 for
kha, 7 for ha, 9 for sad. The lexicon is written that way and read through the Arabic
``latin_skeleton``, which turns those digits into letters only inside a word (a number stays a
number) and merges the usual spellings ("7arara" = "harara", "kteer" = "ktir"). A text is told
apart by its common words and by its words written with such digits. A few phrases in Arabic
script are read too (without the article "ال"; the conjunction "و" written onto a word is not
split off).
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says

from nightlegs.intake._foreign import find_foreign_findings, transliterated_language
from nightlegs.intake._language import detect_language
from nightlegs.knowledge.foreign import latin_skeleton

# --- Danger signs, as a relative writes them -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "baba rijlo el yamin waramet mbare7, 7amra w btewja3o lama nilmesa",
            {
                "leg_swelling": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "abouya rijlo baarde w zar2a faj2a, wja3 shadid, mish 2ader yemshi",
            {
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "sudden_onset": True,
                "severe_pain": True,
                "refuses_weight": True,
            },
        ),
        (
            "akhi 3ando da3f bi rijlayn w mkhaddar bel mak3ad, w mish 2ader ybool",
            {
                "bilateral": True,
                "leg_weakness": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "mama 3andha dee2 nafas w alam bel sadr, w 3am tkoo7 dam",
            {"breathless": True, "chest_pain": True, "coughing_blood": True},
        ),
        (
            "geddo 3ando 7arara 39 w el 7amar 3am yintishir 3ala rigloh",
            {"fever": True, "red_skin": True, "spreading_redness": True},
        ),
        (
            "binti 3andha nu2at 7amra 3ala rijlayha ma btrou7 ma3 dagt el kubbaye",
            {"purpura": True},
        ),
        (
            "wijh baba mayel w kalamo t2eel, ido da3ifa",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "marti 7amel bel shahr el tamen, 3andha suda3 ktir w zaghlala bi 3uyunha",
            {"headache": True, "visual_disturbance": True},
        ),
        (
            "jiddi wi2e3 bel 7ammam w ma 2ader yu2af, 3ando wja3 bel wirk",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        (
            "mama sayra t5arref w bawlha gami2 ktir",
            {"confusion": True, "dark_urine": True},
        ),
        (
            "wladt min usbu3 qaysariye w ijri mwarrame",
            {"recent_childbirth": True, "leg_swelling": True},
        ),
        (
            "el dawali infajaret w nazif ma wa2af",
            {"heavy_bleeding": True, "varicose_bleeding": True},
        ),
        (
            "ya3ni shu l 7al, 3ando s5oune w ra3sha w ta3ban ktir",
            {"fever": True, "feels_very_unwell": True},
        ),
    ],
)
def test_arabizi_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "ar", **expected)


@pytest.mark.parametrize(
    "text",
    [
        "rijlo waramet",
        "rigloh wermet",
        "ijro mwarrame",
        "RIJLO MNAFKHA",
        "rijlo manfoukha",
    ],
)
def test_arabizi_spellings_are_one_word(text: str) -> None:
    says(text, "ar", leg_swelling=True)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ma fi 7arara, bas rijlo btewja3o", {"fever": False}),
        ("mafish sokhouna", {"fever": False}),
        ("mish mwarrame, bas fi wja3", {"leg_swelling": False}),
        ("bidoun 7arara", {"fever": False}),
        ("7arara: la2.", {"fever": False}),
        ("7arara la2", {"fever": False}),
    ],
)
def test_arabizi_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "ar", **expected)


def test_arabizi_clause_break_stops_negation() -> None:
    says("ma fi 7arara bas rijlo waramet faj2a", "ar", fever=False, leg_swelling=True)


def test_arabizi_la_meaning_to_denies_nothing() -> None:
    # Levantine "la" is "to"; "la2" is "no".
    says("5adna la el tawari2 la2an rijlo sarit barde w zar2a", "ar", cold_foot=True)
    says("7arara la2", "ar", fever=False)


def test_arabizi_since_a_number_of_years_is_not_an_age() -> None:
    # "min 5 snin" is "for five years": no age phrase without a person's word.
    assert find_foreign_findings("3ando wja3 bi rijlo min 5 snin", "ar").age is None


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("ma ba3rif shu sar, rijlo waramet", "leg_swelling"),
        ("mish 3arfa, 3ando 7arara", "fever"),
        ("7arara walla la2, ma ba3rif", "fever"),
    ],
)
def test_arabizi_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "ar").get(finding) is True


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_arabizi_pregnancy_and_child() -> None:
    pregnant = find_foreign_findings("ana 7amel bel shahr el sabe3 w ijri mwarrame", "ar")
    assert pregnant.pregnant
    child = find_foreign_findings("ibni 3omro 6 snin, bya3rej min mbare7", "ar")
    assert (child.child, child.age) == (True, 6)
    assert child.findings and {f.id for f in child.findings} >= {"limp"}


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("binti 3omra 8 snin, 3andha wja3 bi rijlayha", True, 8),
        ("ibni 30 sana, 3ando shadd 3adali", False, 30),
        ("baba 3omro 75, rijlo waramet", False, 75),
    ],
)
def test_arabizi_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "ar")
    assert (reading.child, reading.age) == (child, age)


# --- Benign complaints ---------------------------------------------------------------------


# --- End to end ----------------------------------------------------------------------------


def test_arabic_script_is_read() -> None:
    assert detect_language("رجل أبي متورمة فجأة، ضيق في التنفس") == "ar"
    says("رجل أبي متورمة فجأة، ضيق في التنفس", "ar", leg_swelling=True, breathless=True)


# --- Detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # English full of short words, numbers with units and ordinals.
        "I am so tired of it, as he is to me, and we go on and on, but no one has any idea.",
        "I took 5mg on the 2nd and 3rd day at 3pm, b12 and d3 too, and my leg still hurts.",
        "My calf is red and hot and it hurts to walk, what do I do now? Is it ok to go to bed?",
        # Other languages written in Latin letters.
        "Tengo la pierna hinchada y roja, me duele mucho por la noche, que hago?",
        "Ho la gamba gonfia e rossa, mi fa male da ieri, cosa devo fare?",
        "Bacağım şişti ve kızardı, çok ağrıyor, ne yapmalıyım? Ama bilmiyorum.",
        "Kaki saya bengkak dan merah, sakit sekali kalau jalan, apa yang harus saya lakukan?",
        "Kaki saya bengkak dan sakit, tak boleh tidur malam, apa nak buat ni?",
        "Assalamualaikum, kaki ana bengkak, insyaallah esok jumpa doktor.",
    ],
)
def test_other_languages_are_not_arabizi(text: str) -> None:
    assert detect_language(text) != "ar"
    assert transliterated_language(text) != "ar"
