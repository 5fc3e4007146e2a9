"""Danger signs in descriptions written in Polish: the Polish lexicon (pl.yaml)."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mój tata ma 78 lat, od wczoraj prawa noga jest spuchnięta, gorąca i czerwona, "
            "boli przy dotyku.",
            {
                "leg_swelling": True,
                "leg_warm": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "tata nagle poczul silny bol w nodze, stopa zimna i blada, nie czuc tetna",
            {
                "sudden_onset": True,
                "severe_pain": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Mama od rana ma słabe obie nogi, drętwieje jej krocze i nie może oddać moczu.",
            {
                "leg_weakness": True,
                "bilateral": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Tata nie czuje papieru jak się podciera, a do tego popuszcza mocz i bolą go plecy.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Ma gorączkę 39 stopni, zaczerwienienie się rozszerza z godziny na godzinę.",
            {
                "fever": True,
                "red_skin": True,
                "spreading_redness": True,
                "rapidly_worsening": True,
            },
        ),
        (
            "Na łydkach ma wybroczyny, plamki nie znikają pod szklanką.",
            {"purpura": True},
        ),
        (
            "Tata ma krzywe usta, bełkocze i ręka mu opadła.",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "Mama jest splątana, duszno jej, kaszle krwią i boli ją w klatce piersiowej.",
            {
                "confusion": True,
                "breathless": True,
                "coughing_blood": True,
                "chest_pain": True,
            },
        ),
        (
            "Po upadku babcia nie może wstać, boli ją biodro i pachwina.",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        ("Mocz ma ciemny jak cola.", {"dark_urine": True}),
        ("Żylak pękł i krew leje się bez przerwy.", {"heavy_bleeding": True}),
        ("Zemdlała w łazience, wcześniej miała zawroty głowy.", {"fainting": True}),
        (
            "Tydzień temu operacja kolana, noga w gipsie, a teraz łydka twarda jak kamień.",
            {"recent_surgery": True, "immobilised": True, "tight_tense_limb": True},
        ),
        (
            "Ból nie do wytrzymania, nic nie pomaga.",
            {"severe_pain": True, "nothing_relieves": True},
        ),
    ],
)
def test_polish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "pl", **expected)


@pytest.mark.parametrize(
    "text", ["Noga spuchła", "Łydka jest opuchnięta", "obrzęk stopy", "nogi puchną", "spuchnieta"]
)
def test_polish_inflections_and_missing_diacritics(text: str) -> None:
    assert found(text, "pl").get("leg_swelling") is True


# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nie ma gorączki, ale noga spuchnięta.", {"fever": False, "leg_swelling": True}),
        ("Bez gorączki, bez duszności.", {"fever": False, "breathless": False}),
        ("Brak gorączki i żadnego zaczerwienienia.", {"fever": False, "red_skin": False}),
        # Post-negations: what is denied comes first.
        ("Gorączki nie ma. Duszności brak.", {"fever": False, "breathless": False}),
        ("Temperatura w normie.", {"fever": False}),
        # A clause break ("ale") stops the negation, even without a comma.
        ("Nie ma gorączki ale noga spuchnięta", {"fever": False, "leg_swelling": True}),
    ],
)
def test_polish_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "pl", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Nie wiem, czemu noga spuchła.", "leg_swelling"),
        ("Nie wiem czemu noga spuchla", "leg_swelling"),
        ("Nie może spać, bo łydka jest czerwona.", "red_skin"),
        ("Ból nie przechodzi, gorączka 38.", "fever"),
    ],
)
def test_polish_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "pl").get(finding) is True


def test_a_phrase_holding_nie_is_affirmed() -> None:
    says("Tata nie może chodzić i nie czuje nogi.", "pl", refuses_weight=True, numbness=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_polish_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Jestem w 34 tygodniu ciąży, boli mnie głowa, mam mroczki przed oczami.", "pl"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Dwa tygodnie temu urodziłam przez cesarkę.", "pl")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of a birth is not the person described.
    assert not find_foreign_findings("Urodziła syna tydzień temu, łydka boli.", "pl").child


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("Synek ma 5 lat i kuleje.", True, 5),
        ("Córka 8 lat, bolą ją nogi.", True, 8),
        ("Mój 6-letni syn utyka.", True, 6),
        ("Mój syn ma 30 lat i ma skurcze.", False, 30),
        ("Mój tata ma 78 lat, noga spuchnięta.", False, 78),
        ("Mam 45 lat i skurcze łydek.", False, 45),
        ("5 lat temu miałam operację.", False, None),
    ],
)
def test_polish_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "pl")
    assert (reading.child, reading.age) == (child, age)


# --- Benign complaints ---------------------------------------------------------------------


# --- End to end ----------------------------------------------------------------------------


# --- Detection and the lexicon file --------------------------------------------------------
