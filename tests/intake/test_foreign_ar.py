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
from _foreign_helpers import found, says, triage

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


# --- Findings the emergency and urgent rules need (medicines, conditions, signs) --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jozi bya5od sertraline w 3atoh tramadol", {"med_serotonergic": True}),
        ("abouya 3ando sukkari w sar yxarif", {"diabetes": True, "altered_mental_state": True}),
        (
            "akhi bya5od warfarin w buraz aswad mitl el zift",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("mama 3am taxud kimawi", {"on_chemotherapy": True}),
        ("wja3 faj2a bi sadro ka2inno 3am yitmazza2", {"tearing_chest_back_pain": True}),
        (
            "ibni rijlo bel jibs w el wja3 akbar min il isaba",
            {"leg_in_cast": True, "pain_out_of_proportion": True},
        ),
        ("akhi ma 2ader y7arrik rijlo abadan", {"legs_cannot_move": True}),
        (
            "3ando fashal kilawi w fawwat jalsit il ghasil",
            {"kidney_disease": True, "missed_dialysis": True},
        ),
        ("jiddi bya5od lasix", {"med_diuretic": True}),
        ("sitti 3andha 7ayye 3a66itha bi rijla", {"venomous_bite": True}),
        ("binti 3andha fa2r dam minjali", {"sickle_cell": True}),
        ("3ando wja3 faj2a bi xusyito", {"testicular_pain": True}),
        ("marti 7amel w daghta 17 3ala 11", {"severe_high_blood_pressure": True}),
        ("baba bya5od digoxin w nabdo ba6i2", {"med_digoxin": True, "slow_pulse": True}),
        ("jozi bya5od haldol", {"med_antipsychotic": True}),
        ("ma axad il insulin min yomayn", {"missed_insulin": True}),
        ("3yuno safra w wijho asfar", {"jaundice": True}),
        ("rijlo n7asharit ta7t il sayyara", {"crush_injury": True}),
        ("ma bal min imbari7 ba3d il ma3raka", {"little_or_no_urine": True}),
        ("ido el shmal btewja3o w 3ando dee2 nafas", {"jaw_arm_pain": True}),
        ("kul il bet 3indhum nafs il suda3, 3anna sobya ghaz", {"household_co_exposure": True}),
        ("wa22af il cortizon faj2a", {"adrenal_risk": True}),
        ("3ando 7izam nari 3ala jiha wa7de", {"rash_in_a_band": True}),
    ],
)
def test_arabizi_findings_of_the_emergency_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "ar", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ابي ياخذ وارفارين وصار يستفرغ دم", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("امي تاخذ العلاج الكيماوي وعندها حرارة", {"on_chemotherapy": True, "fever": True}),
        ("جدي عنده سكري وصار مشوش وما بيصحى", {"diabetes": True, "altered_mental_state": True}),
        ("زوجي عنده ألم مفاجئ كأنه يتمزق في صدره وظهره", {"tearing_chest_back_pain": True}),
        (
            "رجله في الجبس والألم اكبر من الاصابة",
            {"leg_in_cast": True, "pain_out_of_proportion": True},
        ),
        ("فجأة ما بيقدر يحرك رجليه", {"legs_cannot_move": True}),
        ("عنده فشل كلوي وفاتته جلسة الغسيل", {"kidney_disease": True, "missed_dialysis": True}),
        ("لدغه عقرب في رجله", {"venomous_bite": True}),
    ],
)
def test_arabic_script_findings_of_the_emergency_rules(
    text: str, expected: dict[str, bool]
) -> None:
    says(text, "ar", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ma bya5od warfarin, bas rijlo btewja3o", {"med_anticoagulant": False}),
        ("ma fi jibs, bas rijlo waramet", {"leg_in_cast": False}),
        ("ما عنده سكري، بس رجله بتوجعه", {"diabetes": False}),
    ],
)
def test_arabic_new_findings_are_denied(text: str, expected: dict[str, bool]) -> None:
    says(text, "ar", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant and tramadol, with twitching, fever and agitation.
        "jozi bya5od sertraline w 3atoh tramadol, halla2 3ando ra3shat w 7arara w 3asabi ktir, "
        "shu na3mel?",
        # Guillain-Barre: weak legs and tingling rising after a stomach bug.
        "jozi 3ando ishal min usbu3ayn, w halla2 ijrayh da3ifin ktir w fi tanmil 3am yitla3 la "
        "fo2, shu na3mel?",
        # Bleeding on a blood thinner.
        "akhi bya5od warfarin, sar 3ando buraz aswad mitl el zift w ghab 3an il wa3i",
        # Fever during chemotherapy.
        "mama 3am taxud kimawi w halla2 3andha 7arara 39, shu na3mel?",
        # Diabetes with confusion.
        "abouya 3ando sukkari, halla2 sar yxarif w ma 3am yfi2 mni7, shu na3mel ya3ni?",
        # Aortic dissection.
        "baba 3ando wja3 faj2a bi sadro ka2inno 3am yitmazza2 la dahro, shu na3mel?",
        # A cast, pain out of proportion and numb toes.
        "ibni rijlo bel jibs, el wja3 akbar min il isaba w asabi3o mkhaddarin, shu na3mel?",
        # Sudden paralysis of a leg.
        "akhi faj2a ma 2ader y7arrik rijlo abadan, shu na3mel ya3ni?",
        # Missed dialysis and unwell.
        "baba 3ando fashal kilawi, fawwat jalsit il ghasil w halla2 3am yistafragh w ta3ban ktir",
        # Snake bite with vomiting.
        "sitti 3andha 7ayye 3a66itha bi rijla w halla2 3am tistafragh w rijla waramet",
        # Sudden pain in a testicle.
        "ibni 3ando wja3 faj2a bi xusyito w 3am yistafragh",
        # Arabic script.
        "ابي ياخذ وارفارين وصار يستفرغ دم",
        "امي تاخذ العلاج الكيماوي وعندها حرارة",
        "جدي عنده سكري وصار مشوش وما بيصحى",
        "زوجي عنده ألم مفاجئ كأنه يتمزق في صدره وظهره",
    ],
)
def test_arabic_new_emergency_patterns_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


def test_arabic_benign_night_ache_stays_below_urgent() -> None:
    assert triage("rijli btewja3ni shway bel lel ba3d el riyada, ya3ni 3adi, mish ktir") not in {
        "emergency",
        "urgent",
    }
