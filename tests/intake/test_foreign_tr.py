"""Danger signs in descriptions written in Turkish: the Turkish lexicon (tr.yaml).

Turkish says "not" inside the verb ("şişmedi", "kaymadı", "kaybetmedi"), so the lexicon lists the
affirmative forms of its verbs rather than bare stems, and denies with words that follow what
they deny ("ateşi yok", "soğuk değil").
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
