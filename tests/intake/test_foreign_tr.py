"""Danger signs in descriptions written in Turkish: the Turkish lexicon (tr.yaml).

Turkish says "not" inside the verb ("şişmedi", "kaymadı", "kaybetmedi"), so the lexicon lists the
affirmative forms of its verbs rather than bare stems, and denies with words that follow what
they deny ("ateşi yok", "soğuk değil").
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
            "Babam 75 yaşında, dünden beri sol bacağı şişti, kızarık ve sıcak, dokununca "
            "çok ağrıyor.",
            {
                "leg_swelling": True,
                "leg_warm": True,
                "red_skin": True,
                "tender_to_touch": True,
                "unilateral": True,
            },
        ),
        (
            "babamin ayagi birden buz gibi oldu, bembeyaz kesildi, nabiz alinamiyor",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Annemin iki bacağında birden güçsüzlük var, popo bölgesi uyuşmuş ve idrar yapamıyor.",
            {
                "bilateral": True,
                "leg_weakness": True,
                "saddle_numbness": True,
                "bladder_problem": True,
            },
        ),
        (
            "Ateşi 39 derece, kızarıklık bacağın arka tarafına doğru hızla yayılıyor.",
            {
                "fever": True,
                "red_skin": True,
                "spreading_redness": True,
                "rapidly_worsening": True,
            },
        ),
        (
            "Bacaklarında mor noktalar var, bardakla bastırınca geçmiyor.",
            {"purpura": True},
        ),
        (
            "Babamın yüzü kaydı, dili dolanıyor ve kolunu kaldıramıyor.",
            {"face_droop": True, "arm_or_speech_symptoms": True},
        ),
        (
            "Babamın kafası karışık, nefes darlığı var, kanlı balgam tükürüyor, göğsü ağrıyor.",
            {
                "confusion": True,
                "breathless": True,
                "coughing_blood": True,
                "chest_pain": True,
            },
        ),
        (
            "Anneannem düştü, ayağa kalkamıyor, kasığı ve kalçası ağrıyor.",
            {"recent_fall": True, "refuses_weight": True, "site_groin_hip": True},
        ),
        ("İdrarı koyu kahverengi, kola gibi.", {"dark_urine": True}),
        ("Varisi patladı, kan fışkırıyor, durduramıyoruz.", {"heavy_bleeding": True}),
        ("Banyoda bayıldı, öncesinde başı dönüyordu.", {"fainting": True}),
        (
            "Geçen hafta diz ameliyatı oldu, bacağı alçıda, baldırı taş gibi sert.",
            {"recent_surgery": True, "immobilised": True, "tight_tense_limb": True},
        ),
        (
            "Dayanılmaz bir ağrı, hiçbir şey işe yaramıyor.",
            {"severe_pain": True, "nothing_relieves": True},
        ),
    ],
)
def test_turkish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "tr", **expected)


@pytest.mark.parametrize(
    "text", ["Bacağı şişti", "bacagi sismis", "Baldırında şişlik var", "ayağı şişiyor", "ödem var"]
)
def test_turkish_suffixes_and_missing_letters(text: str) -> None:
    assert found(text, "tr").get("leg_swelling") is True


# --- Negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ateşi yok, şişlik yok.", {"fever": False, "leg_swelling": False}),
        ("Ateşi de yok. Nefes darlığı yok.", {"fever": False, "breathless": False}),
        ("Ayağı soğuk değil.", {"cold_foot": False}),
        ("Hayır, ateşi olmadı.", {"fever": False}),
        # A clause break ("ama") ends what "yok" denies.
        ("Ateşi yok ama bacağı şişmiş", {"fever": False, "leg_swelling": True}),
    ],
)
def test_turkish_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "tr", **expected)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Babamın yüzü kaymadı.", "face_droop"),
        ("Konuşması bozulmadı.", "arm_or_speech_symptoms"),
        ("Bilincini kaybetmedi, başı dönmüyor.", "fainting"),
        ("Kızarıklık yayılmadı.", "spreading_redness"),
        ("Nefes almakta zorlanmıyor.", "breathless"),
        ("Topallamıyor.", "limp"),
    ],
)
def test_turkish_verb_negated_by_its_suffix_is_not_affirmed(text: str, absent: str) -> None:
    assert found(text, "tr").get(absent) is not True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Yüzü kaydı.", "face_droop"),
        ("Konuşması bozuldu.", "arm_or_speech_symptoms"),
        ("Bilincini kaybetti.", "fainting"),
        ("Kızarıklık yayıldı.", "spreading_redness"),
        ("Nefes almakta zorlanıyor.", "breathless"),
        ("Topallıyor.", "limp"),
    ],
)
def test_turkish_affirmative_verb_forms_are_read(text: str, finding: str) -> None:
    assert found(text, "tr").get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Neden şiştiğini bilmiyorum, bacağı şişti.", "leg_swelling"),
        ("Ateşi var mı yok mu bilmiyorum, bacağı kızarık.", "red_skin"),
        ("Bacağı kızardı, değil mi?", "red_skin"),
    ],
)
def test_turkish_pseudo_negation_denies_nothing(text: str, finding: str) -> None:
    assert found(text, "tr").get(finding) is True


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_turkish_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "32 haftalık hamileyim, başım çok ağrıyor, gözlerim kararıyor.", "tr"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("İki hafta önce sezaryen ile doğum yaptım.", "tr")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of "bebek bekliyorum" is not the person described.
    assert not find_foreign_findings("Bebek bekliyorum, ayaklarım şişiyor.", "tr").child


@pytest.mark.parametrize(
    ("text", "child", "age"),
    [
        ("5 yaşındaki oğlum topallıyor.", True, 5),
        ("Kızım 7 yaşında, bacakları ağrıyor.", True, 7),
        ("Oğlum 30 yaşında, kramp giriyor.", False, 30),
        ("Babam 75 yaşında, bacağı şişti.", False, 75),
        ("45 yaşındayım, baldırıma kramp giriyor.", False, 45),
    ],
)
def test_turkish_age_is_read_with_its_person(text: str, child: bool, age: int | None) -> None:
    reading = find_foreign_findings(text, "tr")
    assert (reading.child, reading.age) == (child, age)


# --- Benign complaints ---------------------------------------------------------------------


# --- End to end ----------------------------------------------------------------------------


# --- Detection and the lexicon file --------------------------------------------------------


def test_turkish_evening_is_not_a_limp() -> None:
    # "akşama" (towards evening) folds to the letters of "aksama" (limping).
    findings = found("Akşama doğru bacakları ağırlaşıyor.", "tr")
    assert "limp" not in findings and findings.get("worse_end_of_day") is True, findings


# --- Findings of the newer emergency and urgent rules ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "kızımın bacağı alçıda, parmakları morardı",
            {"leg_in_cast": True, "toe_colour_change": True},
        ),
        ("agrisi orantisiz, morfin bile kesmedi", {"pain_out_of_proportion": True}),
        (
            "hemşire parmaklarını oynatınca çığlık atıyor",
            {"pain_passive_stretch": True},
        ),
        (
            "Babam coumadin kullanıyor, kakası simsiyah",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("annem xarelto kullaniyor, kan kustu", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("annem kemoterapi alıyor", {"on_chemotherapy": True}),
        (
            "oglum seker hastasi, sekeri 500 cikti, kafasi karisik",
            {"diabetes": True, "high_blood_sugar": True, "altered_mental_state": True},
        ),
        ("insülinini yapmayı unuttu", {"missed_insulin": True}),
        ("şekeri düştü, titriyor", {"low_blood_sugar": True}),
        ("aniden bacaklarını kıpırdatamıyor", {"sudden_onset": True, "legs_cannot_move": True}),
        (
            "sırtında kürek kemiklerinin arasında yırtılır gibi bir ağrı var",
            {"tearing_chest_back_pain": True},
        ),
        (
            "sol baldırı sağdakinden daha kalın",
            {"calf_bigger_than_other": True, "site_calf": True},
        ),
        ("sabahtan beri idrar yapmadı", {"little_or_no_urine": True}),
        (
            "böbrek yetmezliği var, dün diyalize gidemedi",
            {"kidney_disease": True, "missed_dialysis": True},
        ),
        ("lasix ve digoksin kullanıyor", {"med_diuretic": True, "med_digoxin": True}),
        ("tarlada yılan soktu", {"venomous_bite": True}),
        ("bacağında kene buldum", {"tick_bite": True}),
        ("ağzını açamıyor, çenesi kilitlendi", {"trismus": True}),
        ("sol testisi şişti", {"testicular_pain": True}),
        ("atriyal fibrilasyon hastası", {"atrial_fibrillation": True}),
        ("ketiapin kullanıyor", {"med_antipsychotic": True}),
        ("prednol ilacını birden bıraktı", {"adrenal_risk": True}),
        ("gözlerinin akı sarardı", {"jaundice": True}),
        ("belinde zona çıktı", {"rash_in_a_band": True}),
        ("düz yatamıyor, oturarak uyuyor", {"orthopnoea": True}),
        ("nabzı 38", {"slow_pulse": True}),
        ("bacağı traktörün altında kaldı", {"crush_injury": True}),
        ("hamileyim, tansiyonum 16'ya çıktı", {"severe_high_blood_pressure": True}),
    ],
)
def test_turkish_reads_the_newer_danger_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "tr", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kan sulandırıcı yok.", {"med_anticoagulant": False}),
        ("Diyabeti yok.", {"diabetes": False}),
        ("Kemoterapi yok.", {"on_chemotherapy": False}),
        ("Dışkıda kan yok.", {"gi_bleeding": False}),
    ],
)
def test_turkish_denies_the_newer_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "tr", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant plus tramadol, with fever and agitation.
        "Eşim sertralin kullanıyor, acilde tramadol yaptılar, şimdi titriyor, terliyor, çok "
        "ajite ve ateşi var",
        # Guillain-Barre after a stomach bug.
        "iki hafta önce ishal oldu, şimdi iki bacağı da güçsüz ve karıncalanıyor",
        # Bleeding on a blood thinner.
        "Babam kan sulandırıcı kullanıyor, bugün simsiyah kaka yaptı ve bayıldı",
        # Fever during chemotherapy.
        "annem kemoterapi alıyor ve ateşi 38.5",
        # Diabetes with confusion.
        "babam şeker hastası, kafası karışık, nerede olduğunu bilmiyor",
        # Aortic dissection.
        "birden göğsünde yırtılır gibi bir ağrı başladı, sırtına vuruyor",
        # A cast with severe pain and numb toes.
        "kizimin bacagi alcida, dayanilmaz agrisi var, parmaklari uyustu",
        # Sudden paralysis of the legs.
        "birden bacaklarını kıpırdatamıyor",
        # Envenomation.
        "akrep soktu, kusuyor",
        # Missed dialysis.
        "diyalize gidemedi, çok halsiz ve kusuyor",
        # A heart attack felt in the arm.
        "göğsü ağrıyor, sol koluna vuruyor, soğuk soğuk terliyor",
    ],
)
def test_turkish_newer_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Yüzünde yılancık çıktı.",  # erysipelas, not a snake ("yılan")
        "Dişlerini kenetleyip uyuyor.",  # not a tick ("kene")
        "Yüzü sapsarı oldu.",  # pale, not jaundiced
        "Derin bir nefes aldı.",  # "derin" (deep) is not "deri" (skin)
    ],
)
def test_turkish_everyday_words_are_not_new_danger_signs(text: str) -> None:
    assert not {"venomous_bite", "tick_bite", "jaundice", "skin_necrosis_signs"} & set(
        found(text, "tr")
    )


def test_turkish_benign_night_cramps_stay_below_urgent() -> None:
    text = "Geceleri baldırlarıma kramp giriyor, esnetince geçiyor. Gündüz iyiyim."
    assert triage(text) not in {"emergency", "urgent"}
