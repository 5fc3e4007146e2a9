"""Danger signs in descriptions written in Romanian: the Romanian lexicon (ro.yaml)."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them (with and without diacritics) ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tatăl meu are 78 de ani, de ieri piciorul drept e umflat, fierbinte și roșu, "
            "îl doare la atingere.",
            {
                "leg_swelling": True,
                "leg_warm": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "tata brusc a simtit o durere groaznica in picior, laba piciorului e rece si alba, "
            "nu i se simte pulsul",
            {
                "sudden_onset": True,
                "severe_pain": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Mama de azi dimineata are ambele picioare slabe, amorteala in zona intima si nu "
            "poate urina.",
            {
                "leg_weakness": True,
                "bilateral": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Tata nu simte hartia cand se sterge, scapa urina pe el si il doare spatele.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Are febra 39 de grade si roseata se extinde de la o ora la alta.",
            {
                "fever": True,
                "red_skin": True,
                "spreading_redness": True,
                "rapidly_worsening": True,
            },
        ),
        ("Pe gambe are niste pete mov care nu dispar cand apesi cu paharul.", {"purpura": True}),
        (
            "Tata are gura stramba, vorbeste incurcat si nu poate ridica mana.",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "Mama e confuza, respira greu, tuseste cu sange si o doare in piept.",
            {
                "confusion": True,
                "breathless": True,
                "coughing_blood": True,
                "chest_pain": True,
            },
        ),
        (
            "Dupa ce a cazut, bunica nu se mai poate ridica, o doare soldul si in zona inghinala.",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        ("Urina e inchisa la culoare, ca cola.", {"dark_urine": True}),
        ("Varicea s-a spart si curge sange mult, nu se opreste.", {"heavy_bleeding": True}),
        ("A leșinat în baie, înainte avea amețeli.", {"fainting": True}),
        (
            "Acum o saptamana operatie la genunchi, piciorul in ghips, acum gamba e tare ca "
            "piatra.",
            {"recent_surgery": True, "immobilised": True, "tight_tense_limb": True},
        ),
        ("Durere insuportabila, nimic nu ajuta.", {"severe_pain": True, "nothing_relieves": True}),
        (
            "Tata a zburat 12 ore cu avionul si acum are gamba umflata.",
            {"long_travel": True, "leg_swelling": True},
        ),
        ("Piciorul s-a făcut vânăt și e înghețat.", {"pale_or_blue_foot": True, "cold_foot": True}),
    ],
)
def test_romanian_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "ro", **expected)


@pytest.mark.parametrize(
    "text",
    ["Piciorul s-a umflat", "Gamba e umflată", "picioarele se umfla", "umflatura la glezna"],
)
def test_romanian_inflections_and_missing_diacritics(text: str) -> None:
    assert found(text, "ro").get("leg_swelling") is True


@pytest.mark.parametrize(
    "text", ["Picioarele sunt slabe", "piciorul stang e slabit", "are picioarele moi"]
)
def test_plural_picioare_is_read_like_picior(text: str) -> None:
    # "picioare" does not begin with "picior": the phrases must reach both.
    assert found(text, "ro").get("leg_weakness") is True


@pytest.mark.parametrize("blood", ["sânge", "sange", "sînge", "singe"])
def test_old_spelling_with_i_is_read(blood: str) -> None:
    says(f"Tușește cu {blood}.", "ro", coughing_blood=True)


# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nu are febră, dar piciorul e umflat.", {"fever": False, "leg_swelling": True}),
        ("Fara febra, fara dureri in piept.", {"fever": False, "chest_pain": False}),
        ("N-are febra si nici nu respira greu.", {"fever": False, "breathless": False}),
        # Post-negations: what is denied comes first.
        ("Febra nu are. Temperatura normala.", {"fever": False}),
        ("Febră deloc.", {"fever": False}),
        # A clause break ("dar") stops the negation, even without a comma.
        ("Nu are febra dar piciorul e umflat", {"fever": False, "leg_swelling": True}),
    ],
)
def test_romanian_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "ro", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Nu stiu de ce i s-a umflat piciorul.", "leg_swelling"),
        ("Nu poate dormi pentru ca gamba e rosie.", "red_skin"),
        ("Durerea nu trece, febra 38.", "fever"),
        ("Nu e normal sa fie asa umflat.", "leg_swelling"),
    ],
)
def test_romanian_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "ro").get(finding) is True


def test_a_phrase_holding_nu_is_affirmed() -> None:
    says(
        "Tata nu mai poate merge si nu isi simte piciorul.",
        "ro",
        refuses_weight=True,
        numbness=True,
    )


def test_rosii_is_red_but_an_unrelated_word_is_not() -> None:
    # "rost" (sense) and "rostogolit" (rolled) must not read as red.
    assert "red_skin" not in found("Nu are rost sa astept, s-a rostogolit pe scari.", "ro")


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_romanian_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Sunt insarcinata in 34 de saptamani, ma doare capul rau si vad stelute in fata ochilor.",
        "ro",
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Am născut prin cezariană acum două săptămâni.", "ro")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("Fetita mea are 6 ani si schiopateaza.", True, 6),
        ("Băiatul meu de 5 ani se plânge de picioare.", True, 5),
        ("Copilul, 4 anișori, nu vrea să calce pe picior.", True, None),
        ("Fiul meu are 30 de ani si are crampe.", False, 30),
        ("Tatăl meu are 78 de ani, piciorul umflat.", False, 78),
        ("Am 45 de ani si am carcei la gambe.", False, 45),
        ("Acum 5 ani am fost operata.", False, None),
        ("De 2 ani ma dor picioarele noaptea.", False, None),
    ],
)
def test_romanian_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "ro")
    assert (reading.child, reading.age) == (child, age)


def test_childhood_and_having_children_do_not_make_a_child() -> None:
    assert not find_foreign_findings("Am 2 copii si din copilarie am varice.", "ro").child


# --- Benign complaints ---------------------------------------------------------------------


def test_going_to_bed_is_not_bedridden() -> None:
    assert "immobilised" not in found("Seara cand merge la pat o dor gambele.", "ro")


# --- End to end ----------------------------------------------------------------------------


# --- Detection -----------------------------------------------------------------------------


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "fiica mea are piciorul in ghips si degetele s-au innegrit",
            {"leg_in_cast": True},
        ),
        ("durerea e disproporționată, nici cu morfină nu trece", {"pain_out_of_proportion": True}),
        (
            "cand asistenta ii misca degetele de la picior urla de durere",
            {"pain_passive_stretch": True},
        ),
        ("Bunica ia Sintrom și are scaun negru", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("mama ia xarelto si a vomitat sange", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("tata face chimioterapie", {"on_chemotherapy": True}),
        (
            "fiul meu e diabetic, glicemia 500 si e confuz",
            {"diabetes": True, "high_blood_sugar": True, "altered_mental_state": True},
        ),
        ("a uitat să-și facă insulina", {"missed_insulin": True}),
        ("a făcut o hipoglicemie", {"low_blood_sugar": True}),
        ("brusc nu își poate mișca picioarele", {"sudden_onset": True, "legs_cannot_move": True}),
        ("o durere sfâșietoare în spate, între omoplați", {"tearing_chest_back_pain": True}),
        (
            "gamba stângă e mult mai groasă decât cealaltă",
            {"calf_bigger_than_other": True, "site_calf": True},
        ),
        ("nu a făcut pipi toată ziua", {"little_or_no_urine": True}),
        ("ia furosemid si digoxina", {"med_diuretic": True, "med_digoxin": True}),
        ("l-a mușcat o viperă", {"venomous_bite": True}),
        ("am găsit o căpușă pe piciorul lui", {"tick_bite": True}),
        ("nu poate deschide gura, maxilarul e blocat", {"trismus": True}),
        ("îl doare testiculul stâng", {"testicular_pain": True}),
        ("ia quetiapina de o saptamana", {"med_antipsychotic": True}),
        ("a oprit brusc prednisonul", {"adrenal_risk": True}),
        ("are ochii galbeni", {"jaundice": True}),
        ("are zona zoster pe talie", {"rash_in_a_band": True}),
        ("doarme în fotoliu, culcat se sufocă", {"orthopnoea": True}),
        ("pulsul e 38", {"slow_pulse": True}),
        ("transpira rece", {"cold_clammy": True}),
    ],
)
def test_romanian_reads_the_newer_danger_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "ro", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nu ia anticoagulante.", {"med_anticoagulant": False}),
        ("Nu are diabet.", {"diabetes": False}),
        ("Fără sânge în scaun.", {"gi_bleeding": False}),
        ("Nu face chimioterapie.", {"on_chemotherapy": False}),
    ],
)
def test_romanian_denies_the_newer_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "ro", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant plus tramadol, with fever and agitation.
        "Soțul meu ia sertralină și i-au dat tramadol, acum tremură, transpiră, e foarte agitat "
        "și are febră",
        # Guillain-Barre after a stomach bug.
        "acum două săptămâni a avut gastroenterită, acum are amorțeli și ambele picioare slabe",
        # Bleeding on a blood thinner.
        "Tatăl meu ia Sintrom și azi a avut scaun negru și a leșinat",
        # Fever during chemotherapy.
        "mama face chimioterapie și are febră 38.5",
        # Diabetes with confusion.
        "tata e diabetic si e confuz, nu stie unde se afla",
        # Aortic dissection.
        "Tatăl meu are brusc o durere sfâșietoare în piept, care îi merge în spate",
        # A cast with severe pain and numb toes.
        "fiica mea are piciorul in ghips, o durere insuportabila si degetele amortite",
        # Sudden paralysis of the legs.
        "brusc nu isi poate misca picioarele",
        # Envenomation.
        "l-a muscat o vipera si vomita",
        # Adrenal crisis.
        "mama a oprit brusc prednisonul si acum vomita si a lesinat",
    ],
)
def test_romanian_newer_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Nu recunoaște că îl doare.",  # "does not admit", not "does not recognise us"
        "Ia pastilele cu un pahar de apă.",  # not a water tablet
        "Mă doare când stau în picioare.",
        "Mâinile încleștate pe volan.",  # clenched hands are not lockjaw
    ],
)
def test_romanian_everyday_words_are_not_new_danger_signs(text: str) -> None:
    read = set(found(text, "ro"))
    assert not {"altered_mental_state", "med_diuretic", "rest_pain", "trismus"} & read


def test_romanian_benign_night_cramps_stay_below_urgent() -> None:
    text = "Noaptea am crampe în gambe, mă întind și trec. Ziua sunt bine."
    assert triage(text) not in {"emergency", "urgent"}
