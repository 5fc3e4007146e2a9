"""Danger signs in descriptions written in Greek: the Greek lexicon (el.yaml).

The case tables of the shapes every language shares are data in
``tests/data/foreign/el.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Greek needs.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

from nightlegs.intake._foreign import find_foreign_findings, transliterated_language
from nightlegs.intake._language import detect_language
from nightlegs.knowledge import knowledge_index
from nightlegs.knowledge.foreign import fold, latin_skeleton

# --- Folding: accents, dialytika, capitals and final sigma -----------------------------------


def test_fold_strips_greek_accents_and_reads_final_sigma_as_sigma() -> None:
    assert fold("ΠΡΗΣΜΈΝΟΣ πρησμένος πρησμενοσ") == "πρησμενοσ πρησμενοσ πρησμενοσ"
    assert fold("Άσπρο, ΐ, ϋ, ἄλγος, Ώρα") == "ασπρο, ι, υ, αλγοσ, ωρα"


def test_fold_leaves_other_scripts_as_they_were() -> None:
    assert fold("Weiß, Отёк, pálida") == "weiss, отек, palida"


# --- Danger signs, as a relative writes them (with and without accents) ----------------------


def test_all_danger_ids_exist_in_the_knowledge_base() -> None:
    findings = knowledge_index().findings
    text = "ξαφνικά κρύο και χλωμό πόδι, μούδιασμα στον πισινό, δεν μπορεί να ουρήσει, πυρετός"
    assert set(found(text, "el")) <= set(findings)


# --- Negation ---------------------------------------------------------------------------------


def test_a_phrase_holding_a_negation_is_affirmed() -> None:
    says("δεν μπορεί να πατήσει το πόδι", "el", refuses_weight=True)
    says("τίποτα δεν βοηθάει, ούτε τα παυσίπονα", "el", nothing_relieves=True)


# --- Pregnancy, recent birth, child and ages --------------------------------------------------


def test_greek_pregnancy_and_recent_birth() -> None:
    reading = find_foreign_findings("Η γυναίκα μου είναι έγκυος και έχει πρησμένα πόδια", "el")
    assert reading.pregnant
    reading = find_foreign_findings("Δεν είναι έγκυος", "el")
    assert not reading.pregnant
    says("Γέννησα με καισαρική πριν 10 μέρες και η γάμπα πρήστηκε", "el", recent_childbirth=True)
    says("γέννησε πριν μία εβδομάδα", "el", recent_childbirth=True)
    # A baby born to the writer is not the person described.
    assert not find_foreign_findings("γέννησε το μωρό της πριν 5 μέρες", "el").child


def test_years_ago_is_not_an_age() -> None:
    assert find_foreign_findings("χειρουργήθηκε 5 χρονών πριν", "el").age is None


# --- Benign complaints and everyday words -----------------------------------------------------


def test_everyday_words_are_not_danger_signs() -> None:
    # "σπασμένο" (broken) is not a cramp, "λαχανικά" (vegetables) not breathlessness,
    # "παιδιά" said to the forum not a child, "γαλάζια μάτια" (blue eyes) not a blue foot.
    findings = found(
        "Παιδιά, τρώει λαχανικά, έχει γαλάζια μάτια και το κινητό του είναι σπασμένο", "el"
    )
    assert not {"breathless", "muscle_cramp", "pale_or_blue_foot"} & set(findings)
    assert not find_foreign_findings("Παιδιά, βοήθεια, η μητέρα μου έχει κράμπες", "el").child


# --- Language detection -------------------------------------------------------------------------


def test_greek_script_with_a_latin_brand_name_is_still_read() -> None:
    says(
        "Ο πατέρας μου έχει πρησμένο πόδι, πήρε depon, δεν έχει πυρετό. Ξαφνικά κρύο πόδι.",
        "el",
        leg_swelling=True,
        fever=False,
        cold_foot=True,
    )


# --- Greek typed in Latin letters ("Greeklish") -----------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ("πρησμένο", "prismeno", "prhsmeno", "prismeno"),
        ("έχει", "exei", "ehei", "exi"),
        ("θερμοκρασία", "thermokrasia", "8ermokrasia"),
        ("ξαφνικά", "ksafnika", "xafnika"),
        ("μπορεί", "mporei", "borei", "mpori"),
        ("πρωί", "prwi", "proi"),
        ("πυρετός", "pyretos", "puretos", "piretos"),
    ],
)
def test_greeklish_spellings_share_one_skeleton(words: tuple[str, ...]) -> None:
    assert len({latin_skeleton(w, "greek") for w in words}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "o pateras mou einai 78 xronwn, apo xthes to deksi tou podi einai prismeno, zesto "
            "kai kokkino kai ponaei otan to akoumpas",
            {"leg_swelling": True, "leg_warm": True, "red_skin": True, "tender_to_touch": True},
        ),
        (
            "o mpampas ksafnika eniwse fri3to pono sto podi, h patousa einai krya kai asprh, "
            "den piano sfygmo",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "h mitera mou apo simera exei adynamia kai sta dyo podia, moudiasma sta gennitika "
            "kai den mporei na ourisei",
            {"leg_weakness": True, "saddle_numbness": True, "bladder_problem": True},
        ),
        (
            "exei pyreto 39 kai h kokkinila sti gampa aplonetai grigora",
            {"fever": True, "spreading_redness": True},
        ),
        ("den exei pureto kai den exei priksimo", {"fever": False, "leg_swelling": False}),
    ],
)
def test_greeklish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    assert detect_language(text) == "el"
    assert transliterated_language(text) == "el"
    says(text, "el", **expected)


def test_greeklish_emergency_is_an_emergency() -> None:
    text = "o pateras mou ksafnika exei dynato pono sto podi, to podi einai krio kai xlomo"
    assert triage(text) == "emergency"


# --- Findings the emergency and urgent rules need (medicines, conditions, signs) --------------


def test_greek_benign_calf_ache_after_running_stays_below_urgent() -> None:
    assert triage("Με πονάει λίγο η γάμπα το βράδυ μετά το τρέξιμο, τίποτα σοβαρό") not in {
        "emergency",
        "urgent",
    }
