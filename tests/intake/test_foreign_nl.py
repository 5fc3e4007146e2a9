"""Danger signs in descriptions in Dutch (Netherlands and Flanders), as people write them."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, red_flags_read, says, triage

from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.knowledge import knowledge_index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clot in the leg, and in the lung.
        (
            "Mijn vader heeft sinds gisteren een dik rood linkerbeen en het voelt warm aan",
            {"leg_swelling": True, "red_skin": True, "unilateral": True, "leg_warm": True},
        ),
        (
            "mn moeder is ineens erg benauwd, heeft pijn op de borst en hoest bloed op",
            {"sudden_onset": True, "breathless": True, "chest_pain": True, "coughing_blood": True},
        ),
        (
            "Het hele been is dik tot in de lies, na een vlucht van 10 uur.",
            {"whole_leg_swollen": True, "long_travel": True},
        ),
        # A cold, pale leg; "ij" typed as "y".
        (
            "Opeens werd zijn voet ijskoud en wit, hij heeft vreselyke pyn en ik voel geen pols",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "severe_pain": True,
                "absent_pulse": True,
            },
        ),
        ("Haar tenen zijn blauw en koud.", {"pale_or_blue_foot": True, "cold_foot": True}),
        # Cauda equina.
        (
            "Hij heeft geen kracht meer in beide benen, zijn billen zijn gevoelloos en hij "
            "kan niet plassen",
            {
                "leg_weakness": True,
                "bilateral": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Bij het afvegen voel ik niets en ik heb sinds vanochtend niet geplast",
            {"saddle_numbness": True, "bladder_problem": True},
        ),
        ("Mijn ischias straalt uit naar beide benen.", {"bilateral_sciatica": True}),
        # Infection of the skin.
        (
            "De roodheid breidt zich snel uit, het been gloeit en hij heeft koude rillingen",
            {"spreading_redness": True, "rapidly_worsening": True, "leg_warm": True, "fever": True},
        ),
        # Meningococcal rash and confusion.
        (
            "Ons zoontje heeft koorts, is suf en heeft paarse vlekjes die niet weggaan onder "
            "een glas",
            {"fever": True, "confusion": True, "purpura": True},
        ),
        # Stroke.
        (
            "Zijn mond hangt scheef, hij praat onduidelijk en zijn arm is zwak",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        # Pre-eclampsia.
        (
            "Ik ben 34 weken zwanger, heb barstende hoofdpijn, zie sterretjes en heb pijn onder "
            "mijn ribben",
            {"headache": True, "visual_disturbance": True, "upper_abdominal_pain": True},
        ),
        # Bleeding, dark urine, fainting.
        (
            "Een spatader is geknapt en het bloedt hevig, het stopt niet met bloeden",
            {"varicose_bleeding": True, "heavy_bleeding": True},
        ),
        ("Zijn plas is donkerbruin als cola na de training.", {"dark_urine": True}),
        ("Ze is flauwgevallen in de badkamer.", {"fainting": True}),
        # A fall on thin bones.
        (
            "Oma is gisteren gevallen, kan niet meer op haar been staan en heeft pijn in de lies. "
            "Ze heeft botontkalking.",
            {
                "recent_fall": True,
                "refuses_weight": True,
                "site_groin_hip": True,
                "osteoporosis_known": True,
            },
        ),
        # Flemish: "nie" for "niet", "plots", "weggeraakt" (fainted).
        ("Hij kan nie meer lopen sinds hij plots weggeraakt is.", {"refuses_weight": True}),
        ("Hij is plots weggeraakt.", {"sudden_onset": True, "fainting": True}),
        ("Ons manneke mankt en heeft pijn aan zijn heup.", {"limp": True, "site_groin_hip": True}),
    ],
)
def test_dutch_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "nl", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geen koorts en het been is niet dik.", {"fever": False, "leg_swelling": False}),
        ("Hij is niet benauwd.", {"breathless": False}),
        # Post-negations: the Dutch verb comes before "niet" at the end.
        ("Koorts heeft hij niet.", {"fever": False}),
        ("Koorts: nee.", {"fever": False}),
        ("Benauwd is ze niet.", {"breathless": False}),
        # Chat and Flemish spellings of the negation.
        ("hij is nie benauwd", {"breathless": False}),
        ("gn koorts", {"fever": False}),
        # Pseudo-negations deny nothing.
        ("Ik weet niet of het koorts is, hij gloeit.", {"fever": True}),
        ("Niet alleen het been is dik, het is ook rood.", {"leg_swelling": True}),
        # A clause break ("maar") stops the negation.
        (
            "Hij is niet benauwd maar zijn rechterbeen is dik",
            {"breathless": False, "leg_swelling": True},
        ),
        # A phrase that says the negative itself is not turned around.
        ("Hij kan niet lopen.", {"refuses_weight": True}),
        ("Ze voelt haar voet niet meer.", {"numbness": True}),
    ],
)
def test_dutch_negation(text: str, expected: dict[str, bool | None]) -> None:
    says(text, "nl", **expected)


@pytest.mark.parametrize(
    ("text", "pregnant", "child", "age"),
    [
        ("Ik ben 30 weken zwanger en heb dikke enkels.", True, False, None),
        ("Ik ben in verwachting en heb hoofdpijn.", True, False, None),
        ("Mijn zoon van 7 jaar loopt mank en heeft koorts.", False, True, 7),
        ("Onze dochter is 4 en wordt huilend wakker van de pijn.", False, True, 4),
        ("Ons zoontje (3) wil niet lopen.", False, True, None),
        ("Mijn dochter is 35 jaar en heeft kramp.", False, False, 35),
        ("Mijn vader van 80 jaar is gevallen.", False, False, 80),
        ("Ik ben 5 jaar geleden aan mijn knie geopereerd.", False, False, None),
    ],
)
def test_dutch_pregnancy_child_and_age(
    text: str, pregnant: bool, child: bool, age: int | None
) -> None:
    reading = find_foreign_findings(text, "nl")
    assert (reading.pregnant, reading.child, reading.age) == (pregnant, child, age)


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 10 dagen geleden bevallen en mijn kuit is gezwollen",
        "Ik lig nog in het kraambed en heb hoofdpijn",
        "Twee weken geleden een keizersnede gehad",
        "Onze baby is vorige week geboren en nu is mijn been dik",
    ],
)
def test_recent_birth_is_read_and_the_baby_is_not_the_patient(text: str) -> None:
    reading = find_foreign_findings(text, "nl")
    assert "recent_childbirth" in {f.id for f in reading.findings if f.present}


def test_growing_pains_find_no_danger_sign() -> None:
    text = (
        "Mijn dochter van 6 heeft 's nachts pijn in haar benen, 's ochtends is alles weer goed en "
        "ze speelt gewoon. Geen koorts, ze loopt niet mank."
    )
    findings = found(text, "nl")
    assert findings.get("morning_well") is True
    assert not {k for k, p in findings.items() if p} & knowledge_index().red_flag_findings


@pytest.mark.parametrize(
    "text",
    [
        # Common words that the prefixes must not take for danger signs.
        "Het bleek dat hij dikwijls moe is.",  # "bleek" (turned out), "dikwijls" (often)
        "Wat mankeert hij toch?",  # "mankeert" is not "mank"
        "Hij draagt een rugzak en ze geeft borstvoeding.",
        "Ik heb een dikke teen, verder niks.",
    ],
)
def test_everyday_words_are_not_danger_signs(text: str) -> None:
    assert not red_flags_read(text, "nl")


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mijn man slikt sertraline en kreeg tramadol, nu is hij geagiteerd.",
            {"med_serotonergic": True, "agitation": True},
        ),
        ("Mijn moeder gebruikt xarelto.", {"med_anticoagulant": True}),
        ("Ze krijgt spuitjes in de buik van de trombosedienst.", {"med_anticoagulant": True}),
        ("Mijn vader krijgt chemo, derde kuur.", {"on_chemotherapy": True}),
        ("Oma heeft suiker en is in de war.", {"diabetes": True, "altered_mental_state": True}),
        ("Zwarte stoelgang sinds gisteren.", {"gi_bleeding": True}),
        ("Opa heeft boezemfibrilleren.", {"atrial_fibrillation": True}),
        ("Zijn been zit in het gips.", {"leg_in_cast": True}),
        ("Hij kan zijn benen niet meer bewegen.", {"legs_cannot_move": True}),
        ("Al 12 uur niet geplast.", {"little_or_no_urine": True}),
        ("De pijn is buiten proportie voor zo een kleine stoot.", {"pain_out_of_proportion": True}),
        ("Vorige week had ze buikgriep met diarree.", {"recent_gut_infection": True}),
        ("Gisteren een teek uit zijn knieholte gehaald.", {"tick_bite": True}),
        ("Door een adder gebeten.", {"venomous_bite": True}),
        ("Hij neemt digoxine, hartslag 40.", {"med_digoxin": True, "slow_pulse": True}),
        ("De geiser is kapot en de CO melder piept.", {"household_co_exposure": True}),
        ("Gestopt met prednison vorige week.", {"adrenal_risk": True}),
        ("Scheurende pijn tussen de schouderbladen.", {"tearing_chest_back_pain": True}),
        ("Haar linker kuit is dikker dan de rechter.", {"calf_bigger_than_other": True}),
        ("Ze kan niet plat liggen van benauwdheid, slaapt rechtop.", {"orthopnoea": True}),
        ("Pijn in zijn zaadbal, gezwollen balzak.", {"testicular_pain": True}),
        (
            "Na de schildklieroperatie tintelingen rond de mond.",
            {"thyroid_surgery": True, "perioral_tingling": True},
        ),
        ("Suiker torenhoog, de meter geeft HI.", {"high_blood_sugar": True}),
        ("Hij is vergeten zijn insuline te spuiten.", {"missed_insulin": True}),
        ("Gordelroos op de rug.", {"rash_in_a_band": True}),
        ("De ogen zijn geel, het oogwit is geel.", {"jaundice": True}),
        ("Buikpijn en overgeven.", {"abdominal_pain": True}),
        ("De hele dag in de hitte gewerkt.", {"heat_exposure": True}),
    ],
)
def test_dutch_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "nl", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ze slikt geen bloedverdunners en heeft geen koorts.", {"med_anticoagulant": False}),
        ("Mijn vader krijgt geen chemo, zijn knie doet pijn.", {"on_chemotherapy": False}),
        ("Geen diabetes.", {"diabetes": False}),
        ("Nooit een teek gezien.", {"tick_bite": False}),
    ],
)
def test_dutch_newer_findings_negated(text: str, expected: dict[str, bool]) -> None:
    says(text, "nl", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: antidepressant plus tramadol, fever, twitching.
        "Mijn man slikt sertraline, kreeg tramadol van de dokter en nu is hij erg onrustig, "
        "trillen en schokken in zijn benen, koorts 39.",
        # Guillain-Barre after a stomach bug.
        "Twee weken geleden had mijn vader buikgriep, nu tintelen zijn voeten en worden beide "
        "benen steeds zwakker.",
        # Bleeding on a blood thinner.
        "Mijn moeder gebruikt xarelto en heeft sinds vanochtend zwarte ontlasting, ze is "
        "flauwgevallen.",
        "Mijn broer gebruikt Marevan en hij braakt bloed.",
        # Fever during chemotherapy.
        "Mijn vader krijgt chemo en heeft sinds vanavond koorts 38,6 en rillingen.",
        # Diabetes with confusion.
        "Oma heeft suikerziekte en is sinds vanmorgen verward, ze weet niet waar ze is.",
        # Aortic dissection.
        "Plotseling een scheurende pijn in de borst die doortrekt naar de rug, tussen de "
        "schouderbladen.",
        # Cast with severe pain and numb toes.
        "Mijn zoon zit met zijn been in het gips, hevige pijn en zijn tenen zijn gevoelloos.",
        "Opa heeft boezemfibrilleren, plotseling is zijn been koud en wit.",
        "Mijn vader kan plotseling zijn benen niet meer bewegen.",
        "Hij is 15, plotseling erge pijn in zijn zaadbal en hij moet overgeven.",
        "Na een marathon heeft hij sinds gisteren niet meer geplast, zijn bovenbenen doen "
        "erg pijn.",
        "Gisteren een teek verwijderd, nu koorts 39 en hoofdpijn.",
        "Mijn vader is vanmiddag in het bos door een adder gebeten, zijn been zwelt op en hij moet "
        "overgeven.",
        "Mijn vader neemt digoxine, hartslag 40 en hij is flauwgevallen.",
        "Mama is vorige week gestopt met prednison, ze braakt en is erg zwak.",
        "De cv ketel is kapot, iedereen thuis heeft hoofdpijn en is misselijk.",
        "Mijn vader heeft een aneurysma van de buikaorta, plotseling hevige rugpijn.",
        "Na een uur in de zon gewerkt is hij verward en misselijk en heeft hoofdpijn.",
        "Moeder heeft sikkelcelziekte, koorts en hevige pijn in haar benen.",
    ],
)
def test_dutch_newer_emergencies_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb al jaren 's nachts kuitkrampen, overdag is het weg.",
        "Na het fietsen zware benen, 's avonds in de zetel gaat het over, geen zwelling.",
    ],
)
def test_dutch_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) not in {"emergency", "urgent"}
