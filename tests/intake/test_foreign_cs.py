"""Danger signs in descriptions written in Czech: the Czech lexicon (cs.yaml)."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Můj táta má 78 let, od včera má pravou nohu oteklou, teplou a červenou, "
            "bolí na dotek.",
            {
                "leg_swelling": True,
                "leg_warm": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "tata najednou dostal silnou bolest v noze, noha je studena a bleda, "
            "nejde nahmatat puls",
            {
                "sudden_onset": True,
                "severe_pain": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Mamka má od rána slabé obě nohy, necítí rozkrok a nemůže se vyčůrat.",
            {
                "leg_weakness": True,
                "bilateral": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Táta necítí toaletní papír když se utírá, pomočil se a bolí ho záda.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Má horečku 39, zarudnutí se šíří z hodiny na hodinu.",
            {
                "fever": True,
                "red_skin": True,
                "spreading_redness": True,
                "rapidly_worsening": True,
            },
        ),
        (
            "Na lýtkách má fialové tečky, nezmizí při testu se skleničkou.",
            {"purpura": True},
        ),
        (
            "Táta má najednou křivou pusu a mluví nesrozumitelně.",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "Dušnost, bolest na hrudi a kašle krev.",
            {"breathless": True, "chest_pain": True, "coughing_blood": True},
        ),
        ("tezko dycha a vykaslava krev", {"breathless": True, "coughing_blood": True}),
        ("Má tmavou moč, je zmatená a neví kde je.", {"dark_urine": True, "confusion": True}),
        ("Omdlela a krvácí hodně, nejde to zastavit.", {"fainting": True, "heavy_bleeding": True}),
        (
            "Po pádu se nemůže postavit na nohu, bolí ho v tříslech.",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        (
            "Před týdnem operace kolena, noha v sádře a lýtko je tvrdé jako kámen.",
            {"recent_surgery": True, "immobilised": True, "tight_tense_limb": True},
        ),
        ("Bolest k nevydržení, nic nepomáhá.", {"severe_pain": True, "nothing_relieves": True}),
    ],
)
def test_czech_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "cs", **expected)


@pytest.mark.parametrize(
    "text",
    [
        "Noha otekla",
        "Lýtko je oteklé",
        "otok nohy",
        "nohy otékají",
        "otekla noha",
        "natekla mu noha",
    ],
)
def test_czech_inflections_and_missing_diacritics(text: str) -> None:
    assert found(text, "cs").get("leg_swelling") is True


def test_czech_prefixes_leave_everyday_words_alone() -> None:
    # "otec" (father) is not "oteč-" swelling, "moc" (very) is not urine, "křečové žíly"
    # (varicose veins) are not cramps, "pravidelně" (regularly) is not the right side.
    assert found("Otec je pravidelně u doktora.", "cs") == {}
    assert "dark_urine" not in found("Noha je tmavá a moc bolí.", "cs")
    assert "muscle_cramp" not in found("Krvácí z křečové žíly.", "cs")


# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nemá horečku, ale noha je oteklá.", {"fever": False, "leg_swelling": True}),
        ("Bez horečky, bez dušnosti.", {"fever": False, "breathless": False}),
        ("Žádná horečka, žádné zarudnutí.", {"fever": False, "red_skin": False}),
        ("nema horecku ani dusnost", {"fever": False, "breathless": False}),
        # Post-negations: what is denied comes first.
        ("Horečku nemá. Dušnost není.", {"fever": False, "breathless": False}),
        ("Teplota v normě.", {"fever": False}),
        # "X ani Y není": neither X nor Y.
        ("Otok ani zarudnutí není.", {"leg_swelling": False, "red_skin": False}),
        # A clause break ("ale") stops the negation, even without a comma.
        ("Nemá horečku ale noha je oteklá", {"fever": False, "leg_swelling": True}),
    ],
)
def test_czech_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "cs", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Nevím, proč noha otekla.", "leg_swelling"),
        ("nevim proc noha otekla", "leg_swelling"),
        ("Nemůže spát, lýtko je červené.", "red_skin"),
        ("Bolest nepřechází, horečka 38.", "fever"),
    ],
)
def test_czech_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "cs").get(finding) is True


def test_a_phrase_holding_a_negation_is_affirmed() -> None:
    says("Táta nemůže chodit a necítí nohu.", "cs", refuses_weight=True, numbness=True)
    says("Nemá puls na noze.", "cs", absent_pulse=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_czech_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Jsem ve 34. týdnu těhotenství, bolí mě hlava a mám mžitky před očima.", "cs"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Před dvěma týdny jsem rodila císařem.", "cs")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of a birth is not the person described.
    assert not find_foreign_findings("Porodila syna před týdnem, lýtko bolí.", "cs").child


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("Synek má 5 let a kulhá.", True, 5),
        ("Dcera 8 let, bolí ji nohy.", True, 8),
        ("Můj 6-letý syn kulhá.", True, 6),
        ("Synovi je 6 let a kulhá.", True, 6),
        ("Můj syn má 30 let a má křeče.", False, 30),
        ("Táta 78 let, noha oteklá.", False, 78),
        ("Je mi 45 let a mám křeče v lýtkách.", False, 45),
        ("Před 5 lety jsem měla operaci.", False, None),
    ],
)
def test_czech_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "cs")
    assert (reading.child, reading.age) == (child, age)


# --- Benign complaints ---------------------------------------------------------------------


# --- End to end ----------------------------------------------------------------------------


# --- Detection and the lexicon file --------------------------------------------------------


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Manžel bere sertralin a dostal tramadol, teď halucinuje.",
            {"med_serotonergic": True, "agitation": True},
        ),
        ("Mamka bere xarelto.", {"med_anticoagulant": True}),
        ("Dostává injekce do břicha na ředění krve.", {"med_anticoagulant": True}),
        ("Tata je na chemoterapii, třetí cyklus.", {"on_chemotherapy": True}),
        ("Babicka ma cukrovku a je zmatena.", {"diabetes": True, "altered_mental_state": True}),
        ("Stolice je černá jako dehet.", {"gi_bleeding": True}),
        ("Děda má fibrilaci síní.", {"atrial_fibrillation": True}),
        ("Noha je v sádře.", {"leg_in_cast": True}),
        ("Najednou nemůže pohnout nohama.", {"legs_cannot_move": True}),
        ("Od rána nečůral, plenka je suchá.", {"little_or_no_urine": True}),
        ("Bolest je neúměrná tomu malému úrazu.", {"pain_out_of_proportion": True}),
        ("Před týdnem měl střevní chřipku s průjmem.", {"recent_gut_infection": True}),
        ("Nohy jsou čím dál slabší.", {"progressive_weakness": True}),
        ("Vytáhli jsme mu klíště.", {"tick_bite": True}),
        ("Kousla ho zmije.", {"venomous_bite": True}),
        ("Bere digoxin, tep 40.", {"med_digoxin": True, "slow_pulse": True}),
        ("Kotel čoudí a hlásič CO pípá.", {"household_co_exposure": True}),
        ("Vysadila prednison.", {"adrenal_risk": True}),
        ("Trhavá bolest mezi lopatkami.", {"tearing_chest_back_pain": True}),
        ("Levé lýtko je silnější než pravé.", {"calf_bigger_than_other": True}),
        ("Vleže se dusí, spí vsedě.", {"orthopnoea": True}),
        ("Bolí ho varle, šourek oteklý.", {"testicular_pain": True}),
        (
            "Po operaci štítné žlázy jí brní rty.",
            {"thyroid_surgery": True, "perioral_tingling": True},
        ),
        ("Glukometr ukazuje HI, ketony v moči.", {"high_blood_sugar": True}),
        ("Zapomněl si píchnout inzulín.", {"missed_insulin": True}),
        ("Krvácí z nosu a z dásní.", {"mucosal_bleeding": True}),
        ("Ponožka je celá od krve.", {"leg_bleeding": True}),
        (
            "Žíla je tvrdá a zarudlá jako provaz až do třísla.",
            {"red_cord_vein": True, "cord_above_knee": True},
        ),
        ("Má žluté oči.", {"jaundice": True}),
        ("Bolí ho břicho a zvrací.", {"abdominal_pain": True, "nausea_vomiting": True}),
    ],
)
def test_czech_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "cs", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nebere žádné léky na ředění krve a nemá horečku.", {"med_anticoagulant": False}),
        ("Táta není na chemoterapii, bolí ho koleno.", {"on_chemotherapy": False}),
        ("Nemá cukrovku.", {"diabetes": False}),
        ("Žádné klíště neměl.", {"tick_bite": False}),
    ],
)
def test_czech_newer_findings_negated(text: str, expected: dict[str, bool]) -> None:
    says(text, "cs", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: antidepressant plus tramadol, fever, twitching.
        "Manžel bere sertralin, dostal tramadol na bolest a teď je neklidný, třes, cukání svalů "
        "a horečka 39.",
        # Guillain-Barre after a stomach bug.
        "Táta měl před dvěma týdny střevní chřipku, teď mu brní chodidla a obě nohy jsou čím dál "
        "slabší.",
        # Bleeding on a blood thinner.
        "Mamka bere xarelto a od rána má černou stolici, omdlela v koupelně.",
        "Manžel bere warfarin a zvrací krev.",
        # Fever during chemotherapy.
        "Tata je na chemoterapii, od večera má horečku 38,5 a zimnici.",
        # Diabetes with confusion.
        "Babička má cukrovku a od rána je zmatená, neví kde je.",
        # Aortic dissection.
        "Najednou trhavá bolest na hrudi, která jde mezi lopatky, táta je bledý.",
        # Cast with severe pain and numb toes.
        "Syn má nohu v sádře od včerejška, hrozná bolest a prsty necitlivé.",
        "Děda má fibrilaci síní, najednou má studenou a bledou nohu.",
        "Táta najednou nemůže pohnout nohama.",
        "Je mu 15, najednou ho strašně bolí varle a zvrací.",
        "Po maratonu od včera nečůral, stehna ho strašně bolí.",
        "Včera jsme mu vytáhli klíště, dnes horečka 39 a bolí ho hlava.",
        "Kousla ho zmije do lýtka, noha otéká a zvrací.",
        "Táta bere digoxin, tep 40 a omdlel.",
        "Mamka minulý týden vysadila prednison, zvrací a je hrozně slabá.",
        "Kotel čoudí, všichni doma mají bolesti hlavy a nevolnost.",
        "Táta má aneurysma aorty, najednou silná bolest zad a omdlel.",
        "Dědeček vynechal dialýzu, teď má slabé nohy a je dušný.",
    ],
)
def test_czech_newer_emergencies_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Mám už roky v noci křeče v lýtkách, ráno je to pryč.",
        "Po celém dni na nohou mám večer těžké nohy, po odpočinku to přejde, bez otoku.",
    ],
)
def test_czech_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) not in {"emergency", "urgent"}
