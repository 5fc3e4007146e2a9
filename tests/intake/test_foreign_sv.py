"""Danger signs in descriptions written in Swedish: the Swedish lexicon (sv.yaml).

Norwegian and Danish writers are read with it too, through its variants ("bein", "ikke").
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Min pappa är 78 år, sedan igår är högra benet svullet, varmt och rött, "
            "ont när man tar på det.",
            {
                "leg_swelling": True,
                "leg_warm": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "pappa fick plotsligt jatteont i benet, foten ar kall och blek, hittar ingen puls",
            {
                "sudden_onset": True,
                "severe_pain": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Mamma har sedan i morse svaga ben, båda två, hon är bortdomnad i underlivet "
            "och kan inte kissa.",
            {
                "leg_weakness": True,
                "bilateral": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Pappa känner inte toapappret när han torkar sig, han har kissat på sig och har "
            "ont i ryggen.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Hon har 39 graders feber och rodnaden sprider sig för varje timme.",
            {
                "fever": True,
                "red_skin": True,
                "spreading_redness": True,
                "rapidly_worsening": True,
            },
        ),
        (
            "Han har lila prickar på vaderna som inte försvinner när man trycker ett glas mot dem.",
            {"purpura": True},
        ),
        (
            "Pappa har plötsligt en hängande mungipa och sluddrar.",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "Han är andfådd, har ont i bröstet och hostar blod.",
            {"breathless": True, "chest_pain": True, "coughing_blood": True},
        ),
        ("Mörk urin, hon är förvirrad.", {"dark_urine": True, "confusion": True}),
        (
            "Han svimmade och blöder kraftigt, det går inte att stoppa.",
            {"fainting": True, "heavy_bleeding": True},
        ),
        (
            "Efter fallet kan hon inte stå på benet, har ont i ljumsken.",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        (
            "Opererad i knät för en vecka sedan, benet i gips, och vaden är stenhård.",
            {"recent_surgery": True, "immobilised": True, "tight_tense_limb": True},
        ),
        ("Olidlig smärta, inget hjälper.", {"severe_pain": True, "nothing_relieves": True}),
        # Norwegian and Danish spellings.
        (
            "Far min har hovent bein og kan ikke gå.",
            {"leg_swelling": True, "refuses_weight": True},
        ),
        (
            "Min mor har vondt i leggen, den er hoven og rød.",
            {"leg_swelling": True, "red_skin": True},
        ),
        ("Foden er kald og bleg.", {"cold_foot": True, "pale_or_blue_foot": True}),
    ],
)
def test_swedish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "sv", **expected)


@pytest.mark.parametrize(
    "text",
    [
        "Benet är svullet",
        "vaden har svullnat",
        "svullnad i foten",
        "benen svullnar",
        "svullen vad",
        "uppsvullet ben",
    ],
)
def test_swedish_inflections(text: str) -> None:
    assert found(text, "sv").get("leg_swelling") is True


def test_swedish_prefixes_leave_everyday_words_alone() -> None:
    # "om" (if) is not "öm" (tender), "protest" is not a prosthesis, "nummer" is not numb,
    # a cold foot bath is not a cold foot.
    assert found("Om han protesterar, ring det här numret.", "sv") == {}
    assert "cold_foot" not in found("Ett kallt fotbad hjälper.", "sv")


# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ingen feber, men benet är svullet.", {"fever": False, "leg_swelling": True}),
        ("Utan feber, inte andfådd.", {"fever": False, "breathless": False}),
        ("Hon har inte feber och ingen rodnad.", {"fever": False, "red_skin": False}),
        # Post-negations: what is denied comes first.
        ("Feber: nej. Andnöd: nej.", {"fever": False, "breathless": False}),
        ("Feber har hon inte.", {"fever": False}),
        ("Temperaturen är normal.", {"fever": False}),
        ("Han har ikke feber.", {"fever": False}),
        # A clause break ("men") stops the negation, even without a comma.
        ("Hon har inte feber men vaden är svullen", {"fever": False, "leg_swelling": True}),
    ],
)
def test_swedish_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "sv", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Vet inte varför benet svullnat.", "leg_swelling"),
        ("Kan inte sova, vaden är röd.", "red_skin"),
        ("Smärtan går inte över, feber 38.", "fever"),
    ],
)
def test_swedish_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "sv").get(finding) is True


def test_a_phrase_holding_inte_is_affirmed() -> None:
    says("Pappa kan inte gå och känner inte benet.", "sv", refuses_weight=True, numbness=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_swedish_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Jag är gravid i vecka 34, har huvudvärk och flimmer för ögonen.", "sv"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Jag födde med kejsarsnitt för två veckor sedan.", "sv")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of a birth is not the person described.
    assert not find_foreign_findings(
        "Hon födde en son för en vecka sedan, vaden värker.", "sv"
    ).child


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("Sonen är 5 år och haltar.", True, 5),
        ("Min dotter 8 år har ont i benen.", True, 8),
        ("Min 6-åriga son haltar.", True, 6),
        ("Min son är 30 år och har kramp.", False, 30),
        ("Pappa 78 år, benet är svullet.", False, 78),
        ("Jag är 45 år och har sendrag i vaderna.", False, 45),
        ("För 5 år sedan opererades jag.", False, None),
    ],
)
def test_swedish_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "sv")
    assert (reading.child, reading.age) == (child, age)


# --- Benign complaints ---------------------------------------------------------------------


# --- End to end ----------------------------------------------------------------------------


# --- Detection and the lexicon file --------------------------------------------------------
