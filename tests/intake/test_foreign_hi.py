"""Danger signs in descriptions written in Hindi: the Hindi lexicon (hi.yaml).

Most people type Hindi in Latin letters ("Hinglish"), each in their own spelling and with English
words mixed in; the lexicon is written that way and read through the Hindi ``latin_skeleton``
("bukhaar" = "bukhar", "zyada" = "jyada"). Hindi puts "nahi" after what it denies ("bukhar nahi
hai"), so "nahi" is a post-negation and not a word that denies what follows. A few phrases in
Devanagari are read too.
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
            "Papa ka left pair kal se bahut sooj gaya hai, laal aur garam hai, chhoone pe "
            "dard hota hai",
            {
                "leg_swelling": True,
                "red_skin": True,
                "leg_warm": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "dadi ka pair achanak thanda pad gaya aur neela ho gaya, pulse nahi mil rahi",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "mummy ke dono pair kamzor ho gaye, private part sunn hai aur peshab nahi ho raha",
            {
                "bilateral": True,
                "leg_weakness": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "bhai ko saans lene mein dikkat hai, seene mein dard, khansi ke saath khoon aa raha",
            {"breathless": True, "chest_pain": True, "coughing_blood": True},
        ),
        (
            "Nanu ko tez bukhar hai aur pindli pe lali tezi se phail rahi hai",
            {"fever": True, "red_skin": True, "spreading_redness": True},
        ),
        (
            "beti ke pairon pe laal daane hain jo glass se dabane par bhi nahi jaate",
            {"purpura": True},
        ),
        (
            "papa ka munh ek taraf tedha ho gaya, bol nahi pa rahe, haath kamzor hai",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "biwi 8 mahine pregnant hai, sir mein bahut dard, aankhon ke aage dhundhla dikhta hai",
            {"headache": True, "visual_disturbance": True},
        ),
        (
            "dadaji bathroom mein gir gaye, ab khade nahi ho pa rahe, kulhe mein dard",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        (
            "papa behki behki baatein kar rahe hain, peshab bilkul kaala aa raha hai",
            {"confusion": True, "dark_urine": True},
        ),
        (
            "delivery ke baad se mummy ki tang sooji hui hai, operation se bachcha hua tha",
            {"recent_childbirth": True, "leg_swelling": True},
        ),
        (
            "varicose nas phat gayi, khoon ruk nahi raha, pura tauliya bhig gaya",
            {"heavy_bleeding": True, "varicose_bleeding": True},
        ),
        (
            "pindli patthar jaisi tight hai, plaster ke andar dard bardasht nahi ho raha",
            {"tight_tense_limb": True, "severe_pain": True},
        ),
    ],
)
def test_hinglish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "hi", **expected)


@pytest.mark.parametrize(
    "text",
    [
        "papa ka pair bahut soojaa hai",
        "papa ka pair bhot sujaa hua h",
        "PAPA KA PAIR SUJ GAYA",
        "papa ke pairon mein sujan hai",
    ],
)
def test_hinglish_spellings_are_one_word(text: str) -> None:
    says(text, "hi", leg_swelling=True)


def test_hinglish_skeleton_merges_the_usual_spellings() -> None:
    for spellings in (
        ("bukhaar", "bukhar"),
        ("zyada", "jyada", "jyaada"),
        ("sooja", "suja"),
        ("peeth", "pith"),
        ("thandy", "thandi"),
    ):
        assert len({latin_skeleton(w, "hindi") for w in spellings}) == 1, spellings


# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bukhar nahi hai.", {"fever": False}),
        ("mere bete ko bukhar nahi hai, bas pair dukhte hain", {"fever": False}),
        ("sujan bilkul nahi hai", {"leg_swelling": False}),
        ("na bukhar hai, na sujan", {"fever": False, "leg_swelling": False}),
        ("bina bukhar ke pair mein dard", {"fever": False}),
        ("no fever, no swelling", {"fever": False, "leg_swelling": False}),
    ],
)
def test_hinglish_negation_follows_what_it_denies(text: str, expected: dict[str, bool]) -> None:
    says(text, "hi", **expected)


def test_hinglish_nahi_does_not_deny_what_follows_it() -> None:
    # Hindi denies what comes before "nahi"; the next clause's danger sign stands.
    says("bukhar nahi hai lekin pair achanak sooj gaya", "hi", fever=False, leg_swelling=True)
    says("bukhar nahi hai aur pair sooj gaya hai", "hi", fever=False, leg_swelling=True)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("pata nahi kyun, pair bahut sooj gaya", "leg_swelling"),
        ("samajh nahi aa raha, achanak saans phool rahi hai", "breathless"),
        ("bukhar hai ya nahi, pata nahi", "fever"),
    ],
)
def test_hinglish_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "hi").get(finding) is True


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_hinglish_pregnancy_and_child() -> None:
    pregnant = find_foreign_findings("main 7 mahine pregnant hoon, pair sooj gaye", "hi")
    assert pregnant.pregnant and not pregnant.child
    # The baby of a pregnancy is not the person described.
    assert not find_foreign_findings("bachcha hone wala hai, pair sooj rahe", "hi").child
    child = find_foreign_findings("mera beta 6 saal ka hai, raat ko pair dukhte hain", "hi")
    assert (child.child, child.age) == (True, 6)


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("meri beti 8 saal ki hai, langda ke chal rahi hai", True, 8),
        ("beta 30 saal ka hai, pair mein cramp", False, 30),
        ("papa 72 saal ke hain, pair sooja hai", False, 72),
        ("5 saal se pair mein dard hai", False, None),
    ],
)
def test_hinglish_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "hi")
    assert (reading.child, reading.age) == (child, age)


# --- Benign complaints ---------------------------------------------------------------------


# --- End to end ----------------------------------------------------------------------------


# --- Detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # English full of short words.
        "I am so tired of it, as he is to me, and we go on and on, but no one has any idea.",
        "My calf is red and hot and it hurts to walk, what do I do now? Is it ok to go to bed?",
        "Sir, I am 44 and my legs ache every night like ants are moving; then it goes away.",
        # Other languages written in Latin letters.
        "Tengo la pierna hinchada y roja, me duele mucho por la noche, que hago?",
        "Ho la gamba gonfia e rossa, mi fa male da ieri, cosa devo fare?",
        "Bacağım şişti ve kızardı, çok ağrıyor, ne yapmalıyım?",
        "Kaki saya bengkak dan merah, sakit sekali kalau jalan, apa yang harus saya lakukan?",
        "Kaki saya bengkak dan sakit, tak boleh tidur malam, apa nak buat ni?",
        "Mein Bein tut weh, es ist dick und rot, was soll ich tun?",
    ],
)
def test_other_languages_are_not_hinglish(text: str) -> None:
    assert detect_language(text) != "hi"
    assert transliterated_language(text) != "hi"


def test_mostly_english_with_a_quoted_hindi_saying_stays_english() -> None:
    text = (
        "Every night when I go to sleep I get an irritating feeling in both legs, I have to "
        "keep moving them. My mother used to say pairon mein cheentiyan chal rahi hain."
    )
    assert detect_language(text) == "en"


# --- Findings the emergency and urgent rules need (medicines, conditions, signs) --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pati sertraline lete hain aur doctor ne tramadol diya", {"med_serotonergic": True}),
        (
            "dadaji ko sugar hai, behki behki baatein kar rahe hain",
            {"diabetes": True, "altered_mental_state": True},
        ),
        (
            "papa warfarin lete hain, tatti kaali aayi",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        (
            "papa acitrom lete hain aur khoon ki ulti hui",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("mummy ki chemo chal rahi hai", {"on_chemotherapy": True}),
        ("chhati mein cheerne jaisa dard peeth tak", {"tearing_chest_back_pain": True}),
        (
            "pair mein plaster hai, chot se kahin zyada dard hai",
            {"leg_in_cast": True, "pain_out_of_proportion": True},
        ),
        ("bhaiya pair bilkul hila nahi pa rahe", {"legs_cannot_move": True}),
        (
            "kidney kharab hai, kal dialysis chhoot gaya",
            {"kidney_disease": True, "missed_dialysis": True},
        ),
        ("papa lasix lete hain", {"med_diuretic": True}),
        ("dadi ko saanp ne kaat liya", {"venomous_bite": True}),
        ("bete ke andkosh mein tez dard hai", {"testicular_pain": True}),
        ("patni pregnant hai aur bp 170 hai", {"severe_high_blood_pressure": True}),
        (
            "papa digoxin lete hain aur nabz bahut dheemi hai",
            {"med_digoxin": True, "slow_pulse": True},
        ),
        ("bhai olanzapine leta hai", {"med_antipsychotic": True}),
        ("insulin do din se nahi lagaya", {"missed_insulin": True}),
        ("aankhen peeli ho gayi hain, piliya lagta hai", {"jaundice": True}),
        ("subah se peshab nahi aaya", {"little_or_no_urine": True}),
        ("raat bhar angithi jala kar band kamre mein so gaye", {"household_co_exposure": True}),
        ("wysolone achanak band kar di", {"adrenal_risk": True}),
        ("pindli ek taraf dusri se moti hai", {"calf_bigger_than_other": True}),
    ],
)
def test_hinglish_findings_of_the_emergency_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "hi", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("पापा वारफेरिन लेते हैं और टट्टी काली आई", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("मम्मी की कीमो चल रही है", {"on_chemotherapy": True}),
        ("दादाजी को शुगर है और वो उठ नहीं रहे", {"diabetes": True, "altered_mental_state": True}),
        ("अचानक छाती में चीरने जैसा दर्द", {"tearing_chest_back_pain": True}),
        ("बीपी 180 है", {"severe_high_blood_pressure": True}),
    ],
)
def test_devanagari_findings_of_the_emergency_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "hi", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unko sugar nahi hai.", {"diabetes": False}),
        ("papa warfarin nahi lete, bas pair mein dard hai", {"med_anticoagulant": False}),
        ("plaster nahi hai.", {"leg_in_cast": False}),
    ],
)
def test_hinglish_new_findings_are_denied(text: str, expected: dict[str, bool]) -> None:
    says(text, "hi", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant and tramadol, twitching, fever, restlessness.
        "mere pati sertraline lete hain aur doctor ne tramadol diya, ab unko jhatke aa rahe hain, "
        "bukhar hai aur bahut bechain hain, kya karein?",
        # Guillain-Barre after diarrhoea.
        "mere bete ko do hafte pehle dast hue the, ab uske dono pair kamjor ho gaye hain aur "
        "jhunjhuni upar badh rahi hai, kya karein?",
        # Bleeding on a blood thinner.
        "papa warfarin lete hain, aaj unki tatti kaali aayi aur wo behosh ho gaye, kya karein?",
        # Fever during chemotherapy.
        "mummy ki chemo chal rahi hai aur unko 102 bukhar hai, kya karna chahiye?",
        # Diabetes with confusion.
        "dadaji ko sugar hai, aaj wo behki behki baatein kar rahe hain aur uth nahi rahe, "
        "kya karein?",
        # Aortic dissection.
        "pati ko achanak chhati mein cheerne jaisa dard hua jo peeth tak ja raha hai, kya karein?",
        # Cast, pain out of proportion.
        "bete ke pair mein plaster hai, chot se kahin zyada dard hai aur ungliyan sunn hain, "
        "kya karein?",
        # Sudden paralysis.
        "bhaiya achanak pair bilkul hila nahi pa rahe, kya karein?",
        # Missed dialysis.
        "papa ki kidney kharab hai, kal dialysis chhoot gaya aur ab ulti ho rahi hai, kya karein?",
        # Torsion.
        "mere bete ke andkosh mein achanak tez dard hai aur ulti ho rahi hai",
        # Devanagari.
        "पापा वारफेरिन लेते हैं और आज उनकी टट्टी काली आई और वो बेहोश हो गए",
        "मम्मी की कीमो चल रही है और उनको बुखार है",
        "दादाजी को शुगर है और वो उठ नहीं रहे, बहकी बहकी बातें कर रहे हैं",
    ],
)
def test_hindi_new_emergency_patterns_end_to_end(text: str) -> None:
    assert triage(text) == "emergency"


def test_hindi_benign_night_ache_stays_below_urgent() -> None:
    assert triage("raat ko pair mein thoda dard hota hai exercise ke baad, bas itna hi") not in {
        "emergency",
        "urgent",
    }
