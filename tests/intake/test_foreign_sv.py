"""Danger signs in descriptions written in Swedish: the Swedish lexicon (sv.yaml).

Norwegian and Danish writers are read with it too, through its variants ("bein", "ikke").
"""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

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


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Min man tar sertralin och fick tramadol, nu hallucinerar han.",
            {"med_serotonergic": True, "agitation": True},
        ),
        ("Mamma tar Eliquis.", {"med_anticoagulant": True}),
        ("Hon tar sprutor i magen, Fragmin.", {"med_anticoagulant": True}),
        ("Pappa får cellgifter, tredje kuren.", {"on_chemotherapy": True}),
        ("Mormor har diabetes och är förvirrad.", {"diabetes": True, "altered_mental_state": True}),
        ("Avföringen är svart som tjära.", {"gi_bleeding": True}),
        ("Morfar har förmaksflimmer.", {"atrial_fibrillation": True}),
        ("Benet är i gips.", {"leg_in_cast": True}),
        ("Han kan inte röra benen alls.", {"legs_cannot_move": True}),
        ("Har inte kissat sedan i morse, blöjan är torr.", {"little_or_no_urine": True}),
        ("Smärtan är inte i proportion till skadan.", {"pain_out_of_proportion": True}),
        ("Förra veckan hade hon magsjuka med diarré.", {"recent_gut_infection": True}),
        ("Benen blir allt svagare.", {"progressive_weakness": True}),
        ("Vi hittade en fästing i knävecket.", {"tick_bite": True}),
        ("Biten av en huggorm.", {"venomous_bite": True}),
        ("Tar digoxin, pulsen 40.", {"med_digoxin": True, "slow_pulse": True}),
        ("Kaminen osar och kolmonoxidlarmet piper.", {"household_co_exposure": True}),
        ("Slutade med kortison förra veckan.", {"adrenal_risk": True}),
        ("Rivande smärta mellan skulderbladen.", {"tearing_chest_back_pain": True}),
        ("Vänstra vaden är tjockare än den högra.", {"calf_bigger_than_other": True}),
        ("Får inte luft när hon ligger ner, sover sittande.", {"orthopnoea": True}),
        ("Ont i pungen, testikeln är svullen.", {"testicular_pain": True}),
        (
            "Efter sköldkörteloperationen stickningar runt munnen.",
            {"thyroid_surgery": True, "perioral_tingling": True},
        ),
        ("Blodsockret skyhögt, mätaren visar HI.", {"high_blood_sugar": True}),
        ("Han glömde ta sitt insulin.", {"missed_insulin": True}),
        ("Näsblod och blod i urinen.", {"mucosal_bleeding": True}),
        ("Strumpan är full av blod.", {"leg_bleeding": True}),
        (
            "Venen är hård och röd som ett rep upp mot ljumsken.",
            {"red_cord_vein": True, "cord_above_knee": True},
        ),
        ("Hon har gula ögon.", {"jaundice": True}),
        ("Ont i magen och kräks.", {"abdominal_pain": True, "nausea_vomiting": True}),
        ("Han har bältros på bröstet.", {"rash_in_a_band": True}),
    ],
)
def test_swedish_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "sv", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hon tar inga blodförtunnande och har ingen feber.", {"med_anticoagulant": False}),
        ("Pappa får ingen cytostatika, knät gör ont.", {"on_chemotherapy": False}),
        ("Ingen diabetes.", {"diabetes": False}),
        ("Aldrig haft någon fästing.", {"tick_bite": False}),
    ],
)
def test_swedish_newer_findings_negated(text: str, expected: dict[str, bool]) -> None:
    says(text, "sv", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: antidepressant plus tramadol, fever, twitching.
        "Min man tar sertralin, fick tramadol av läkaren och nu är han jätteorolig, darrar, "
        "ryckningar i musklerna och feber 39.",
        # Guillain-Barre after a stomach bug.
        "Pappa hade magsjuka för två veckor sedan, nu sticker det i fötterna och båda benen blir "
        "allt svagare.",
        # Bleeding on a blood thinner.
        "Mamma tar Eliquis och har haft svart avföring sedan i morse, hon svimmade i badrummet.",
        "Min man tar Waran och han kräktes blod.",
        # Fever during chemotherapy.
        "Pappa får cellgifter och har sedan i kväll feber 38,6 och frossa.",
        # Diabetes with confusion.
        "Mormor har diabetes och är sedan i morse förvirrad, vet inte var hon är.",
        # Aortic dissection.
        "Plötsligt en rivande smärta i bröstet som går rakt igenom till ryggen, mellan "
        "skulderbladen.",
        # Cast with severe pain and numb toes.
        "Min son har benet i gips sedan igår, olidlig smärta och tårna är bortdomnade.",
        "Morfar har förmaksflimmer, plötsligt är benet kallt och vitt.",
        "Pappa kan plötsligt inte röra benen.",
        "Han är 15, plötsligt jätteont i testikeln och han kräks.",
        "Efter maratonloppet har han inte kissat sedan igår, låren gör fruktansvärt ont.",
        "Vi tog bort en fästing igår, idag feber 39 och huvudvärk.",
        "Han blev biten av en huggorm i vaden, benet svullnar och han mår illa.",
        "Pappa tar digoxin, pulsen 40 och han svimmade.",
        "Mamma slutade med kortison förra veckan, hon kräks och är jättesvag.",
        "Kaminen osar, hela familjen har huvudvärk och mår illa.",
        "Pappa har ett bukaortaaneurysm, plötsligt svår smärta i ryggen.",
        "Morfar har missat dialysen, nu svaga ben och andfådd.",
    ],
)
def test_swedish_newer_emergencies_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Jag har haft vadkramper på natten i flera år, på morgonen är det borta.",
        "Trötta och tunga ben efter en lång dag på jobbet, bättre när jag vilar, ingen svullnad.",
    ],
)
def test_swedish_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) not in {"emergency", "urgent"}
