"""Danger signs in descriptions written in Russian (and Ukrainian, or Russian typed in Latin
letters): the findings of the newer emergency and urgent rules in ru.yaml."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "муж пьёт сертралин, а вчера стоматолог дал ему трамадол, теперь он какой то "
            "возбуждённый и весь дёргается",
            {"med_serotonergic": True, "agitation": True, "muscle_twitching": True},
        ),
        (
            "Брату колят галоперидол, у него температура и он мечется",
            {"med_antipsychotic": True, "fever": True, "agitation": True},
        ),
        (
            "папа на ксарелто, сегодня стул черный как деготь",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        (
            "Мама пьет таблетки для разжижения крови, утром рвало кровью",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("у отца химиотерапия, три дня назад был второй курс химии", {"on_chemotherapy": True}),
        ("мужу на диализе дают фуросемид и дигоксин", {"med_diuretic": True, "med_digoxin": True}),
        ("пульс 38, он чуть не потерял сознание", {"slow_pulse": True, "fainting": True}),
        (
            "внезапно раздирающая боль в груди, отдает между лопатками",
            {"tearing_chest_back_pain": True, "sudden_onset": True},
        ),
        ("у сына резко заболело яичко, мошонка опухла", {"testicular_pain": True}),
        ("сняли клеща с ноги неделю назад, теперь температура", {"tick_bite": True, "fever": True}),
        ("в лесу укусила змея, нога опухает", {"venomous_bite": True}),
        ("у мамы сахарный диабет, она заговаривается и не узнает меня", {"diabetes": True}),
        ("сахар 27, глюкометр показывает, сильно тошнит", {"high_blood_sugar": True}),
        ("забыл уколоть инсулин вчера вечером", {"missed_insulin": True}),
        ("нога в гипсе, пальцы онемели и посинели", {"leg_in_cast": True, "numbness": True}),
        (
            "боль намного сильнее чем должна быть от такого ушиба",
            {"pain_out_of_proportion": True},
        ),
        ("кожа на голени почернела, пузыри с кровью", {"skin_necrosis_signs": True}),
        ("папа уже сутки не мочился", {"little_or_no_urine": True}),
        ("у дочки памперс сухой с утра", {"little_or_no_urine": True}),
        (
            "ноги внезапно отнялись, совсем не может ими пошевелить",
            {"legs_cannot_move": True, "sudden_onset": True},
        ),
        ("давит в груди когда иду в горку", {"exertional_chest_symptoms": True}),
        ("лёжа задыхается, спит сидя, а то воздуха не хватает", {"orthopnoea": True}),
        ("левая икра толще правой на 3 см", {"calf_bigger_than_other": True}),
        ("после операции болит и опухла левая икра", {"site_calf": True, "unilateral": True}),
        ("после лыж разрыв ахилла, не может встать на носок", {"achilles_rupture_signs": True}),
        ("пьёт алендронат от остеопороза уже 6 лет", {"med_bisphosphonate": True}),
        ("после удаления щитовидки покалывает вокруг рта", {"perioral_tingling": True}),
        ("газовый котел старый, неисправный, у всех болит голова", {"household_co_exposure": True}),
        ("у мамы аневризма аорты, резко заболела спина", {"known_aneurysm": True}),
        ("на боку полоса из пузырьков, жжет", {"rash_in_a_band": True}),
        ("глаза пожелтели и кожа желтая", {"jaundice": True}),
        ("сын просыпается от боли в ноге по ночам", {"night_pain_wakes": True}),
        ("после вчерашней тренировки ноги каменные", {"after_unusual_exercise": True}),
        ("отец бросил преднизолон неделю назад, рвота и слабость", {"adrenal_risk": True}),
    ],
)
def test_russian_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "ru", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ukrainian
        ("чоловік п'є сертралін, дали трамадол, тепер весь смикається", {"med_serotonergic": True}),
        ("мама на варфарині, блювала кров'ю", {"med_anticoagulant": True, "gi_bleeding": True}),
        ("у тата хіміотерапія, температура 39", {"on_chemotherapy": True, "fever": True}),
        ("раптово ноги відмовили, не може поворухнути ногами", {"legs_cannot_move": True}),
        # Russian in Latin letters
        (
            "muzh p'et sertralin i tramadol, ves' vozbuzhdennyj, temperatura 39",
            {"med_serotonergic": True, "agitation": True, "fever": True},
        ),
        ("mama na varfarine, stul chernyj kak degot'", {"med_anticoagulant": True}),
        ("u papy himioterapiya, temperatura 38.5", {"on_chemotherapy": True}),
    ],
)
def test_ukrainian_and_latin_letters(text: str, expected: dict[str, bool]) -> None:
    says(text, "ru", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Не пьёт никаких антидепрессантов, только витамины.", "med_serotonergic"),
        ("Стул не черный, крови в кале нет.", "gi_bleeding"),
        ("Сахар нормальный, диабета нет.", "diabetes"),
        ("Клеща не было, только комары.", "tick_bite"),
        ("Без гипса, просто повязка.", "leg_in_cast"),
    ],
)
def test_russian_negation_denies_the_new_findings(text: str, finding: str) -> None:
    assert found(text, "ru").get(finding) is False


def test_heparin_ointment_is_not_a_blood_thinner() -> None:
    text = "Мажу вену гепариновой мазью, тяж болит."
    assert "med_anticoagulant" not in found(text, "ru")


def test_sleeping_sitting_up_for_the_pain_is_not_orthopnoea() -> None:
    assert "orthopnoea" not in found("По ночам жжёт пальцы, спит сидя в кресле.", "ru")


# --- End to end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # serotonin syndrome
        "Муж пьёт сертралин, а вчера в травмпункте дали трамадол. Сегодня ноги сами "
        "дёргаются, весь мокрый, возбуждённый, температура 38.7",
        # Guillain-Barre after a stomach bug
        "две недели назад было отравление, понос и рвота, а теперь ноги слабеют, покалывает "
        "в стопах, обе ноги еле поднимает",
        # bleeding on a blood thinner
        "Маме 80, пьет эликвис, сегодня стул черный и она упала в обморок",
        # fever during chemotherapy
        "у жены курс химии неделю назад, сейчас температура 38.3 и озноб",
        # diabetes with confusion
        "у папы диабет, на инсулине, сегодня заторможенный, не узнаёт нас",
        # aortic dissection
        "у отца внезапно раздирающая боль в спине между лопатками, ноги похолодели",
        # cast with severe pain and numb toes
        "сыну наложили гипс на голень, ночью сильная боль, пальцы онемели и холодные",
        # testicular torsion
        "у сына 14 лет ночью резко заболело яичко, плачет",
        # tick bite with fever
        "неделю назад сняли клеща, сейчас температура 39 и сыпь",
    ],
)
def test_russian_new_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "По ночам сводит икру, потяну носок на себя и отпускает. Отёков нет.",
        "Дочке 6 лет, вечером болят ножки, погладим и засыпает, утром бегает.",
        "После тренировки болят мышцы ног, крепатура, на третий день легче.",
    ],
)
def test_russian_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) in ("self_care", "doctor")
