"""Danger signs in descriptions written in Polish: the Polish lexicon (pl.yaml)."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

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


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maz bierze sertraline, dostal tramadol i teraz jest pobudzony.",
            {"med_serotonergic": True, "agitation": True},
        ),
        ("Mama bierze xarelto od roku.", {"med_anticoagulant": True}),
        ("Tata jest na chemii, drugi cykl.", {"on_chemotherapy": True}),
        ("Babcia ma cukrzyce i jest splatana.", {"diabetes": True, "altered_mental_state": True}),
        ("Ma czarny, smolisty stolec od rana.", {"gi_bleeding": True}),
        ("Dziadek ma migotanie przedsionków.", {"atrial_fibrillation": True}),
        ("Noga w gipsie od wczoraj.", {"leg_in_cast": True}),
        ("Tata nagle nie może ruszyć nogami.", {"legs_cannot_move": True}),
        ("Od wczoraj nie sika, pielucha sucha.", {"little_or_no_urine": True}),
        ("Ból jest nieproporcjonalny do urazu.", {"pain_out_of_proportion": True}),
        ("Wczoraj wyciągnęliśmy mu kleszcza.", {"tick_bite": True}),
        ("Ugryzła go żmija w łydkę.", {"venomous_bite": True, "site_calf": True}),
        ("Bierze digoksynę, tętno 40.", {"med_digoxin": True, "slow_pulse": True}),
        ("Piec kopci, czujnik czadu wyje.", {"household_co_exposure": True}),
        ("Mama odstawiła encorton tydzień temu.", {"adrenal_risk": True}),
        ("Nagły rozdzierający ból między łopatkami.", {"tearing_chest_back_pain": True}),
        ("Jedna łydka grubsza od drugiej o 3 cm.", {"calf_bigger_than_other": True}),
        ("Na leżąco się dusi, śpi na siedząco.", {"orthopnoea": True}),
        ("Bardzo boli go jądro, spuchnięta moszna.", {"testicular_pain": True}),
        (
            "Po operacji tarczycy mrowią ją usta.",
            {"thyroid_surgery": True, "perioral_tingling": True},
        ),
        ("Opuścił dializę w piątek.", {"missed_dialysis": True}),
        ("Cukier 450, glukometr pokazuje HI.", {"high_blood_sugar": True}),
        ("Zapomniała wziąć insuliny.", {"missed_insulin": True}),
        ("Palec u nogi czarny od dwóch dni.", {"toe_colour_change": True}),
        ("Oczy ma żółte, białka zażółcone.", {"jaundice": True}),
        ("Na boku wysypka pasem, pęcherzyki tylko z jednej strony.", {"rash_in_a_band": True}),
    ],
)
def test_polish_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "pl", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nie bierze żadnych leków na rozrzedzenie krwi.", {"med_anticoagulant": False}),
        ("Tata nie jest na chemii, boli go kolano.", {"on_chemotherapy": False}),
        ("Nie ma cukrzycy.", {"diabetes": False}),
        ("Żadnego kleszcza nie było.", {"tick_bite": False}),
    ],
)
def test_polish_newer_findings_negated(text: str, expected: dict[str, bool]) -> None:
    says(text, "pl", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: antidepressant plus tramadol, fever, agitation, twitching.
        "Maz bierze sertraline, dostal tramadol na bol i teraz caly sie trzesie, drgaja mu "
        "miesnie, jest pobudzony i ma goraczke 39.",
        # Guillain-Barre after a stomach bug.
        "Dwa tygodnie temu tata mial jelitowke, teraz mrowia go stopy i nogi coraz slabsze, obie.",
        # Bleeding on a blood thinner.
        "Mama bierze xarelto i od rana ma czarny stolec, zemdlala w lazience.",
        "Mąż jest na warfarynie, wymiotuje krwią.",
        # Fever during chemotherapy.
        "Tata jest na chemii, od wieczora ma goraczke 38,5 i dreszcze.",
        # Diabetes with confusion.
        "Babcia ma cukrzyce, od rana jest splatana i nie wie gdzie jest.",
        # Aortic dissection.
        "Nagle rozdzierajacy bol w klatce piersiowej promieniujacy do plecow, tata blady.",
        # Cast with severe pain and numb toes.
        "Syn ma nogę w gipsie od wczoraj, ból nie do wytrzymania i palce zdrętwiałe.",
        # Atrial fibrillation and a cold, pale leg.
        "Brat ma migotanie przedsionków, nagle noga zimna i blada.",
        "Tata nagle nie moze ruszyc nogami, od godziny.",
        "Ma 15 lat, nagle bardzo boli go jadro i wymiotuje.",
        "Po maratonie od wczoraj nie sika, uda bardzo bola.",
        "Wczoraj kleszcz, dzis goraczka 39 i bol glowy.",
        "Tata bierze digoksyne, tetno 40 i widzi na zolto, zemdlal.",
        "W domu piec kopci, wszyscy w domu maja bol glowy i nudnosci.",
        "Babcia ma tętniaka aorty, nagle silny ból pleców i zemdlała.",
        "Tata bierze olanzapinę, ma gorączkę i jest sztywny, splątany.",
        "Dziadek opuścił dializę w piątek, teraz bardzo słabe nogi i duszno mu.",
    ],
)
def test_polish_newer_emergencies_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Mam skurcze lydek w nocy od lat, rano przechodzi.",
        "Ból nóg po długim spacerze, przechodzi po odpoczynku, nie ma gorączki ani obrzęku.",
    ],
)
def test_polish_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) not in {"emergency", "urgent"}
