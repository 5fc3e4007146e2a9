"""Danger signs in descriptions in other languages; the lexicons (the languages added later have
their own test files too)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from _foreign_helpers import found, says, triage

from nightlegs.errors import KnowledgeBaseError
from nightlegs.intake import extract
from nightlegs.intake._foreign import (
    ForeignReading,
    _Matcher,
    find_foreign_findings,
    transliterated_language,
)
from nightlegs.intake._language import detect_language
from nightlegs.intake._matcher import phrase_index
from nightlegs.knowledge import knowledge_index
from nightlegs.knowledge.foreign import (
    ForeignLexicon,
    _load_file,
    fold,
    latin_skeleton,
    load_foreign_lexicons,
)

REQUIRED_FINDINGS = (
    "leg_swelling",
    "whole_leg_swollen",
    "leg_warm",
    "red_skin",
    "spreading_redness",
    "tender_to_touch",
    "cold_foot",
    "pale_or_blue_foot",
    "absent_pulse",
    "numbness",
    "tingling",
    "leg_weakness",
    "refuses_weight",
    "sudden_onset",
    "severe_pain",
    "nothing_relieves",
    "rapidly_worsening",
    "fever",
    "feels_very_unwell",
    "confusion",
    "chest_pain",
    "breathless",
    "coughing_blood",
    "fainting",
    "dark_urine",
    "saddle_numbness",
    "bladder_problem",
    "bowel_problem",
    "back_pain",
    "bilateral",
    "unilateral",
    "recent_surgery",
    "immobilised",
    "long_travel",
    "active_cancer",
    "recent_injury",
    "recent_fall",
    "purpura",
    "limp",
    "pallor_bruising",
    "headache",
    "visual_disturbance",
    "upper_abdominal_pain",
    "muscle_rigidity",
    "arm_or_speech_symptoms",
    "face_droop",
    "tight_tense_limb",
    "muscle_cramp",
    "urge_to_move",
)


# --- Russian -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Нога распухла, горячая и красная.",
            {"leg_swelling": True, "leg_warm": True, "red_skin": True},
        ),
        (
            "Вдруг стопа похолодела и побелела, пульс не прощупывается.",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Онемела промежность, не могу помочиться, сильно болит поясница.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Кашляю кровью, задыхаюсь, болит в груди.",
            {"coughing_blood": True, "breathless": True, "chest_pain": True},
        ),
        (
            "Икра отекла и стала толще другой, больно при нажатии.",
            {"leg_swelling": True, "tender_to_touch": True},
        ),
        (
            "Ничего не помогает, боль невыносимая и становится хуже с каждым часом.",
            {"nothing_relieves": True, "severe_pain": True, "rapidly_worsening": True},
        ),
        (
            "Сыпь не исчезает при надавливании стаканом, температура 39 градусов.",
            {"purpura": True, "fever": True},
        ),
        ("Не знаю, почему опухла нога.", {"leg_swelling": True}),
    ],
)
def test_russian_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "ru", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Нет температуры, но левая нога опухла.", {"fever": False, "leg_swelling": True}),
        ("Температуры нет, одышки нет.", {"fever": False, "breathless": False}),
        ("Отёка нет, покраснения нет, просто ноет.", {"leg_swelling": False, "red_skin": False}),
        ("Боли в груди не было.", {"chest_pain": False}),
    ],
)
def test_russian_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "ru", **expected)


@pytest.mark.parametrize(
    "text", ["Нога отекла", "Сильный отёк голени", "Отеки на ногах", "Щиколотка опухшая"]
)
def test_russian_inflections_and_yo(text: str) -> None:
    assert found(text, "ru").get("leg_swelling") is True


def test_russian_pregnancy_and_child() -> None:
    pregnant = find_foreign_findings(
        "Я беременна, 32 недели, болит голова и мушки перед глазами.", "ru"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    child = find_foreign_findings("Моему сыну 6 лет, он хромает и не наступает на ногу.", "ru")
    assert child.child and not child.pregnant
    assert {f.id: f.present for f in child.findings} == {"limp": True, "refuses_weight": True}
    # The baby of "жду ребёнка" (I am expecting a child) is not the person described.
    expecting = find_foreign_findings("Жду ребёнка, к вечеру ноги немного отекают.", "ru")
    assert expecting.pregnant and not expecting.child


# --- German --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bein plötzlich kalt und weiß, kann den Fuß kaum bewegen",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "leg_weakness": True,
            },
        ),
        (
            "Die Wade ist dick geworden, gerötet und heiß.",
            {"leg_swelling": True, "red_skin": True, "leg_warm": True},
        ),
        (
            "Taubheit im Gesäß und ich kann kein Wasser lassen, dazu Rückenschmerzen.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        ("Ich huste Blut und habe Atemnot.", {"coughing_blood": True, "breathless": True}),
        (
            "Vor drei Tagen Knie-OP, jetzt ist die Wade prall und steinhart.",
            {"recent_surgery": True, "tight_tense_limb": True},
        ),
        (
            "Ausschlag mit lila Flecken, die beim Glastest nicht verschwinden.",
            {"purpura": True},
        ),
        ("Nicht nur die Wade ist geschwollen, auch der Knöchel.", {"leg_swelling": True}),
        ("Die Schwellung geht nicht weg.", {"leg_swelling": True}),
    ],
)
def test_german_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "de", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ich habe kein Fieber, aber die Wade ist geschwollen.",
            {"fever": False, "leg_swelling": True},
        ),
        ("Fieber: nein. Keine Atemnot.", {"fever": False, "breathless": False}),
        ("Fieber habe ich keins.", {"fever": False}),
        (
            "Die Wade ist nicht geschwollen und nicht rot.",
            {"leg_swelling": False, "red_skin": False},
        ),
    ],
)
def test_german_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "de", **expected)


@pytest.mark.parametrize("text", ["Der Fuß ist kalt und weiß.", "Der Fuss ist kalt und weiss."])
def test_german_sharp_s_is_ss(text: str) -> None:
    says(text, "de", cold_foot=True, pale_or_blue_foot=True)


def test_german_know_is_not_white() -> None:
    # "weiß" also means "I know": it must not read as a white foot.
    assert "pale_or_blue_foot" not in found("Mein Bein tut weh, ich weiß nicht warum.", "de")


def test_german_pregnancy_and_child() -> None:
    reading = find_foreign_findings(
        "Ich bin in der 30. SSW schwanger und habe starke Kopfschmerzen und Augenflimmern.", "de"
    )
    assert reading.pregnant
    assert {f.id for f in reading.findings} >= {"headache", "visual_disturbance"}
    child = find_foreign_findings("Meine Tochter (7) hinkt und will nicht auftreten.", "de")
    assert child.child
    assert {f.id for f in child.findings} == {"limp", "refuses_weight"}
    assert not find_foreign_findings("Ich bin nicht schwanger.", "de").pregnant


# --- Spanish -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tengo la pierna hinchada, roja y caliente.",
            {"leg_swelling": True, "red_skin": True, "leg_warm": True},
        ),
        (
            "De repente el pie se puso frío y pálido, no le encuentran el pulso.",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Se me duerme la entrepierna y no puedo orinar, me duele la espalda.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Tos con sangre y me falta el aire desde el vuelo.",
            {"coughing_blood": True, "breathless": True, "long_travel": True},
        ),
        (
            "La rojez se extiende muy rápido y tengo escalofríos.",
            {"spreading_redness": True, "fever": True},
        ),
        (
            "Me operaron de la rodilla y ahora la pantorrilla está tensa, dura como una piedra.",
            {"recent_surgery": True, "tight_tense_limb": True},
        ),
        ("No sé por qué se me hinchó la pierna.", {"leg_swelling": True}),
        ("La hinchazón no baja.", {"leg_swelling": True}),
    ],
)
def test_spanish_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "es", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pierna inflamada, sin fiebre.", {"leg_swelling": True, "fever": False}),
        ("No tengo fiebre ni dolor de pecho.", {"fever": False, "chest_pain": False}),
        ("Fiebre no tengo.", {"fever": False}),
        ("La pierna no está hinchada.", {"leg_swelling": False}),
    ],
)
def test_spanish_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "es", **expected)


@pytest.mark.parametrize(
    "text", ["El pie está frío y pálido.", "el pie esta frio y palido", "EL PIE ESTÁ FRÍO Y PÁLIDO"]
)
def test_spanish_accents_and_case(text: str) -> None:
    says(text, "es", cold_foot=True, pale_or_blue_foot=True)


@pytest.mark.parametrize(
    "text", ["pierna hinchada", "pie hinchado", "mucha hinchazón", "se hinchó el tobillo"]
)
def test_spanish_inflections(text: str) -> None:
    assert found(text, "es").get("leg_swelling") is True


def test_spanish_pregnancy_and_child() -> None:
    reading = find_foreign_findings(
        "Estoy embarazada de 30 semanas, veo lucecitas y me duele mucho la cabeza.", "es"
    )
    assert reading.pregnant and not reading.child
    assert {f.id for f in reading.findings} >= {"visual_disturbance", "headache"}
    child = find_foreign_findings("Mi hijo de 5 años cojea y no quiere apoyar el pie.", "es")
    assert child.child
    assert {f.id for f in child.findings} == {"limp", "refuses_weight"}


# --- French --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ma jambe est gonflée, rouge et chaude.",
            {"leg_swelling": True, "red_skin": True, "leg_warm": True},
        ),
        (
            "Mon pied est devenu froid et blanc tout à coup, je ne sens plus mon pied.",
            {"cold_foot": True, "pale_or_blue_foot": True, "sudden_onset": True, "numbness": True},
        ),
        (
            "Engourdissement des fesses et je n'arrive pas à uriner, mal au dos.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Je crache du sang et je suis essoufflée depuis mon vol de dix heures.",
            {"coughing_blood": True, "breathless": True, "long_travel": True},
        ),
        (
            "Je ne peux plus bouger la jambe, elle se dérobe.",
            {"leg_weakness": True},
        ),
        (
            "Rien ne soulage, la douleur est atroce et ça s'aggrave d'heure en heure.",
            {"nothing_relieves": True, "severe_pain": True, "rapidly_worsening": True},
        ),
        (
            "Des taches violettes qui ne s'effacent pas sous le verre.",
            {"purpura": True},
        ),
        ("Le mollet est tendu, dur comme de la pierre.", {"tight_tense_limb": True}),
    ],
)
def test_french_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "fr", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jambe gonflée, pas de fièvre.",
            {"leg_swelling": True, "fever": False},
        ),
        (
            "Je n'ai pas de fièvre et pas d'essoufflement.",
            {"fever": False, "breathless": False},
        ),
        ("La jambe n'est pas gonflée.", {"leg_swelling": False}),
        ("Fièvre : non.", {"fever": False}),
    ],
)
def test_french_negation(text: str, expected: dict[str, bool]) -> None:
    says(text, "fr", **expected)


@pytest.mark.parametrize(
    "text", ["Jambe gonflée et rouge", "jambe gonflee et rouge", "JAMBE GONFLÉE ET ROUGE"]
)
def test_french_accents_and_case(text: str) -> None:
    says(text, "fr", leg_swelling=True, red_skin=True)


@pytest.mark.parametrize("text", ["un œdème de la cheville", "un oedeme", "les pieds enflés"])
def test_french_ligature_and_inflections(text: str) -> None:
    assert found(text, "fr").get("leg_swelling") is True


def test_french_pregnancy_child_and_clauses() -> None:
    reading = find_foreign_findings(
        "Je suis enceinte de 7 mois, j'ai mal à la tête et des mouches devant les yeux.", "fr"
    )
    assert reading.pregnant
    assert {f.id for f in reading.findings} >= {"headache", "visual_disturbance"}
    child = find_foreign_findings("Mon fils de 6 ans boite et refuse de marcher.", "fr")
    assert child.child
    assert {f.id for f in child.findings} == {"limp", "refuses_weight"}
    # A gap never crosses a comma: the pale person is not a pale leg.
    bruises = found("Des bleus sur les jambes, je suis très pâle et fatiguée.", "fr")
    assert "pale_or_blue_foot" not in bruises
    assert bruises["pallor_bruising"] is True


# --- Italian -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La gamba sinistra è gonfia, calda e rossa da ieri.",
            {"leg_swelling": True, "leg_warm": True, "red_skin": True, "unilateral": True},
        ),
        (
            "All'improvviso il piede è diventato freddo e bianco, non sento il polso.",
            {
                "sudden_onset": True,
                "cold_foot": True,
                "pale_or_blue_foot": True,
                "absent_pulse": True,
            },
        ),
        (
            "Ho il sedere intorpidito, non riesco a fare pipì e ho mal di schiena.",
            {"saddle_numbness": True, "bladder_problem": True, "back_pain": True},
        ),
        (
            "Tossisco sangue, mi manca l'aria e ho un dolore al petto.",
            {"coughing_blood": True, "breathless": True, "chest_pain": True},
        ),
        (
            "È caduto ieri, adesso zoppica e gli fa male l'anca. Ha l'osteoporosi.",
            {
                "recent_fall": True,
                "limp": True,
                "site_groin_hip": True,
                "osteoporosis_known": True,
            },
        ),
        (
            "Non ho febbre e la caviglia non è gonfia.",
            {"fever": False, "leg_swelling": False},
        ),
        ("Non so se ho la febbre.", {"fever": True}),
        (
            "Dolore insopportabile, niente aiuta, peggiora sempre peggio.",
            {
                "severe_pain": True,
                "nothing_relieves": True,
                "rapidly_worsening": True,
            },
        ),
    ],
)
def test_italian_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "it", **expected)


def test_italian_pregnancy_and_clauses() -> None:
    reading = find_foreign_findings(
        "Sono incinta di 34 settimane, ho un forte mal di testa e vedo lucine.", "it"
    )
    assert reading.pregnant
    assert {f.id for f in reading.findings} >= {"headache", "visual_disturbance"}
    # "ma" starts a new clause: the denial of fever does not reach the swelling.
    says("Niente febbre ma il polpaccio è gonfio.", "it", fever=False, leg_swelling=True)


@pytest.mark.parametrize(
    "text",
    [
        "Mia nonna ha 90 anni e da ieri ha la gamba gonfia e rossa.",
        "Mio figlio di 7 anni zoppica e ha la febbre da due giorni.",
        "Sono caduta dalle scale e adesso non riesco ad appoggiare il piede.",
    ],
)
def test_italian_is_detected(text: str) -> None:
    assert detect_language(text) == "it"


# --- Colloquial danger signs, all languages ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Cauda equina in everyday words: spoken French drops "ne".
        ("fr", "J'arrive plus à faire pipi depuis ce matin.", {"bladder_problem": True}),
        ("fr", "Quand je m'essuie je sens rien.", {"saddle_numbness": True}),
        ("fr", "Ma sciatique irradie dans les deux jambes.", {"bilateral_sciatica": True}),
        ("fr", "Il a pas de difficulté à uriner.", {"bladder_problem": False}),
        ("es", "No siento nada al limpiarme.", {"saddle_numbness": True}),
        ("es", "La ciática me baja por ambas piernas.", {"bilateral_sciatica": True}),
        ("de", "Pinkeln geht nicht mehr richtig.", {"bladder_problem": True}),
        ("de", "Der Ischias strahlt in beide Beine aus.", {"bilateral_sciatica": True}),
        ("ru", "Не могу пописать с утра.", {"bladder_problem": True}),
        ("ru", "Стреляет в обе ноги от поясницы.", {"bilateral_sciatica": True}),
        # A hard, red vein in the thigh: superficial thrombophlebitis near the deep veins.
        (
            "fr",
            "Une veine sur la cuisse est dure et rouge, comme un cordon.",
            {"red_cord_vein": True, "cord_above_knee": True},
        ),
        (
            "es",
            "Tengo una vena en el muslo dura y roja como un cordón.",
            {"red_cord_vein": True, "cord_above_knee": True},
        ),
        (
            "de",
            "Eine Vene am Oberschenkel ist hart und rot, wie eine Schnur.",
            {"red_cord_vein": True, "cord_above_knee": True},
        ),
        ("ru", "Вена на бедре затвердела, тяж сантиметров 10.", {"cord_above_knee": True}),
        # Varicose complaints in the plural are not one tender vein above the knee.
        ("fr", "Mes veines sont apparentes sur les cuisses.", {"cord_above_knee": None}),
        ("ru", "Тяжесть в ногах, вены на бедрах вздулись.", {"cord_above_knee": None}),
        # A child who will not stand, with a hot knee; "ножка" is the word for a child's leg.
        (
            "ru",
            "Дочке 3 года, температура, не встаёт на ножку, колено горячее.",
            {"fever": True, "refuses_weight": True, "hot_joint": True},
        ),
        (
            "fr",
            "Elle veut pas poser le pied par terre et son genou est chaud.",
            {"refuses_weight": True, "hot_joint": True},
        ),
        (
            "de",
            "Sie will nicht auftreten. Das Knie ist heiß und geschwollen.",
            {"refuses_weight": True, "hot_joint": True},
        ),
        # "до колена" (up to the knee) is not a swollen knee.
        ("ru", "Нога от щиколотки до колена отекла.", {"joint_swelling": None}),
        ("ru", "Колено опухло.", {"joint_swelling": True}),
    ],
)
def test_colloquial_danger_signs(
    language: str, text: str, expected: dict[str, bool | None]
) -> None:
    findings = found(text, language)
    assert {k: findings.get(k) for k in expected} == expected, findings


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Coughing and blood several words apart ("~8" in the phrase), within one clause.
        ("it", "Ieri sera ho tossito forte e c'era un po' di sangue", {"coughing_blood": True}),
        ("es", "Tosí esta mañana y salió un poquito de sangre", {"coughing_blood": True}),
        ("fr", "J'ai toussé cette nuit et il y avait un peu de sang", {"coughing_blood": True}),
        ("de", "Ich habe gehustet und da war etwas Blut", {"coughing_blood": True}),
        ("ru", "Кашлянула и там была капелька крови", {"coughing_blood": True}),
        # The wider gap still stops at the end of a clause.
        ("it", "Ho tossito tutta la notte. Il sangue delle analisi era normale.", {}),
        ("it", "Da ieri mi manca il fiato quando salgo le scale", {"breathless": True}),
        # Spanish: legs that "fall asleep" are numb; "almost falls" is weakness.
        (
            "es",
            "A mi madre se le duermen los pies y casi se cae en el baño",
            {"numbness": True, "leg_weakness": True},
        ),
        ("es", "Las piernas me pesan muchísimo por la noche", {"heaviness": True}),
    ],
)
def test_danger_signs_a_few_words_apart(
    language: str, text: str, expected: dict[str, bool]
) -> None:
    findings = found(text, language)
    if not expected:
        assert "coughing_blood" not in findings, findings
    for finding_id, present in expected.items():
        assert findings.get(finding_id) is present, findings


def test_spoken_french_negation_follows_the_verb() -> None:
    says("Pas de fièvre, il boite pas, pas de bleus.", "fr", fever=False, limp=False)
    # "pas mal" is "quite a lot"; "ou pas" leaves the question open.
    says("Ça gonfle pas mal.", "fr", leg_swelling=True)
    says("Je sais pas si c'est rouge ou pas.", "fr", red_skin=True)


def test_german_nichts_denies_what_follows() -> None:
    says("Nichts geschwollen oder rot.", "de", leg_swelling=False, red_skin=False)


def test_an_open_question_is_not_a_denial() -> None:
    says("Есть температура или нет, не знаю.", "ru", fever=True)
    says("No sé si tengo fiebre o no.", "es", fever=True)
    says("Температуры нет.", "ru", fever=False)


@pytest.mark.parametrize(
    ("language", "text", "child", "age"),
    [
        ("ru", "Сыну 5 лет, температура 39.", True, 5),
        ("ru", "5-летняя дочка хромает.", True, 5),
        ("fr", "Mon fils de 6 ans boite.", True, 6),
        ("es", "Mi hija de 8 años cojea.", True, 8),
        ("de", "Meine 4-jährige Tochter hinkt.", True, 4),
        ("de", "Mein Sohn ist 6 Jahre alt und hinkt.", True, 6),
        # An adult son or daughter is not a child.
        ("ru", "Моей дочери 35 лет, у неё отекла нога.", False, 35),
        ("es", "Mi hijo de 30 años tiene calambres.", False, 30),
        ("de", "Mein Sohn ist 30 Jahre alt und hat Krämpfe.", False, 30),
        # The parent's own age is not the child's.
        ("ru", "Мне 40 лет, сыну 3 года, он хромает.", True, 3),
        ("ru", "Мне 40 лет, у сына болит нога.", True, None),
        # A time ago, or a duration, is not an age.
        ("ru", "Мне 5 лет назад сделали операцию.", False, None),
        ("fr", "Il y a 2 ans mon fils s'est cassé la jambe.", True, None),
        ("es", "Hace 3 años me operaron de la rodilla.", False, None),
        ("ru", "Мне 200 лет.", False, None),
        # Age without a child.
        ("fr", "J'ai 45 ans et des crampes.", False, 45),
        ("es", "Mi mamá tiene 70 años.", False, 70),
        ("it", "Mia madre ha 79 anni e zoppica.", False, 79),
        ("it", "Mio figlio di 6 anni zoppica.", True, 6),
        ("it", "Mia figlia ha 35 anni e ha i crampi.", False, 35),
        ("it", "Tre anni fa mi hanno operato al ginocchio.", False, None),
    ],
)
def test_age_is_read_with_its_person(
    language: str, text: str, child: bool, age: int | None
) -> None:
    reading = find_foreign_findings(text, language)
    assert (reading.child, reading.age) == (child, age)


def test_forum_greeting_is_not_a_child() -> None:
    # "Девочки" (girls) greets the women of a forum; "у девочки" is a girl's.
    assert not find_foreign_findings("Девочки, подскажите, нога отекла.", "ru").child
    assert find_foreign_findings("У девочки болит колено.", "ru").child


# --- Benign complaints, all languages ------------------------------------------------------


CRAMPS = {
    "ru": "По ночам сводит икру, судорога проходит, если потянуть носок на себя.",
    "de": "Nachts ein Wadenkrampf, der nach Dehnen aufhört. Krampfadern habe ich auch.",
    "es": "Calambres en la pantorrilla por la noche, se me pasan al estirar.",
    "fr": "J'ai des crampes au mollet la nuit, ça passe quand j'étire la jambe.",
    "it": "Di notte mi vengono i crampi al polpaccio, passano se allungo il muscolo.",
}
RESTLESS_LEGS = {
    "ru": "Вечером ноги беспокойные, хочется двигать ими, не могу улежать.",
    "de": "Abends unruhige Beine, ich muss mich bewegen, dann wird es besser.",
    "es": "Tengo las piernas inquietas y necesidad de moverlas por la noche.",
    "fr": "Des impatiences dans les jambes le soir, besoin de bouger.",
    "it": "La sera ho le gambe irrequiete e il bisogno di muoverle.",
}


# "Krampfadern" are varicose veins, not cramps ("Krampf").
ALSO_READ = {("de", "muscle_cramp"): {"varicose_veins": True}}


@pytest.mark.parametrize(
    ("language", "text", "benign"),
    [(lang, text, "muscle_cramp") for lang, text in CRAMPS.items()]
    + [(lang, text, "urge_to_move") for lang, text in RESTLESS_LEGS.items()],
)
def test_benign_complaint_finds_no_danger_sign(language: str, text: str, benign: str) -> None:
    assert found(text, language) == {benign: True, **ALSO_READ.get((language, benign), {})}
    red_flags = knowledge_index().red_flag_findings
    assert not {f.id for f in find_foreign_findings(text, language).findings} & red_flags


# --- Contract ------------------------------------------------------------------------------


def test_unknown_language_reads_nothing() -> None:
    assert find_foreign_findings("Jalka on turvonnut, lämmin ja punainen", "fi") == ForeignReading()
    assert find_foreign_findings("", "ru") == ForeignReading()


def test_language_code_is_case_and_region_insensitive() -> None:
    assert found("kein Fieber", "DE-at") == {"fever": False}


def test_text_is_the_original_words() -> None:
    (finding,) = find_foreign_findings("Die WADE ist Geschwollen.", "de").findings
    assert finding.text == "Geschwollen"


def test_affirmed_anywhere_counts_as_present() -> None:
    assert found("Kein Fieber am Morgen. Am Abend hohes Fieber.", "de") == {"fever": True}


def test_fold() -> None:
    assert fold("Weiß Pálida GONFLÉE Œdème Отёк") == "weiss palida gonflee oedeme отек"
    assert fold("й") == "й"  # only ё is read as е; other Cyrillic letters keep their marks


# --- The lexicon files ---------------------------------------------------------------------


# The lexicons written after the Italian one read at least every finding it reads.
COVERS_THE_ITALIAN_FINDINGS = {"pl", "tr", "cs", "sv", "hi", "ar"}
# The lexicons of languages also written in Latin letters, with their spelling rules.
LATIN_SPELLING = {"hi": "hindi", "ar": "arabic"}


@pytest.mark.parametrize(
    "language",
    ["ru", "de", "es", "fr", "it", "nl", "pl", "pt", "tr", "ro", "hi", "ar", "cs", "sv", "el"],
)
def test_packaged_lexicon_covers_the_required_findings(language: str) -> None:
    lexicons = load_foreign_lexicons()
    lexicon = lexicons[language]
    assert not set(REQUIRED_FINDINGS) - set(lexicon.findings)
    assert lexicon.sources and lexicon.negations and lexicon.pregnancy and lexicon.child
    assert lexicon.reviewed is False
    if language in COVERS_THE_ITALIAN_FINDINGS:
        assert not set(lexicons["it"].findings) - set(lexicon.findings)
    if language in LATIN_SPELLING:
        assert lexicon.latin_spelling == LATIN_SPELLING[language] and lexicon.latin_markers


def _packaged(name: str) -> Any:
    entry = resources.files("nightlegs.knowledge") / "data" / "foreign" / name
    return yaml.safe_load(entry.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: Any, name: str = "ru.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_copy_of_a_packaged_file_loads(tmp_path: Path) -> None:
    assert _load_file(_write(tmp_path, _packaged("ru.yaml"))) == load_foreign_lexicons()["ru"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(colour="blue"), r"foreign/ru\.yaml: field 'colour'"),
        (lambda d: d.pop("negations"), r"foreign/ru\.yaml: field 'negations'"),
        (
            lambda d: d["findings"]["leg_swelling"].__setitem__(0, "опух**"),
            r"foreign/ru\.yaml: field 'findings\.leg_swelling\.0'.*'опух\*\*'",
        ),
        (
            lambda d: d["findings"]["fever"].__setitem__(0, "*жар"),
            r"foreign/ru\.yaml: field 'findings\.fever\.0'",
        ),
        (
            lambda d: d["findings"]["fever"].append("высокая  температура"),
            r"foreign/ru\.yaml: field 'findings\.fever\.\d+'",
        ),
        (
            lambda d: d["findings"]["leg_swelling"].append("отек*"),
            r"foreign/ru\.yaml: field 'findings\.leg_swelling'.*listed twice",
        ),
        (
            lambda d: d["findings"].__setitem__("leg_swelling", []),
            r"foreign/ru\.yaml: field 'findings\.leg_swelling'",
        ),
        (
            lambda d: d["findings"].__setitem__("no_such_finding", ["слово"]),
            r"foreign/ru\.yaml: field 'findings\.no_such_finding': no such finding",
        ),
        (
            lambda d: d["findings"]["fever"].append("~4 жар"),
            r"foreign/ru\.yaml: field 'findings\.fever\.\d+'.*between two words",
        ),
        (
            lambda d: d["findings"]["fever"].append("жар ~4"),
            r"foreign/ru\.yaml: field 'findings\.fever\.\d+'.*between two words",
        ),
        (
            lambda d: d["findings"]["fever"].append("сильн* ~4 ~2 жар"),
            r"foreign/ru\.yaml: field 'findings\.fever\.\d+'.*two gaps",
        ),
        (
            lambda d: d["findings"]["fever"].append("сильн* ~15 жар"),
            r"foreign/ru\.yaml: field 'findings\.fever\.\d+'.*'~15'",
        ),
        (
            lambda d: d["negations"].append("не ~2 только"),
            r"foreign/ru\.yaml: field 'negations\.\d+'",
        ),
        (
            lambda d: d["negations"].append("не только"),
            r"foreign/ru\.yaml: field 'negations\.\d+'.*one word",
        ),
        (
            lambda d: d["ages"].append("сын* лет"),
            r"foreign/ru\.yaml: field 'ages\.\d+'.*one '#'",
        ),
        (
            lambda d: d["ages"].append("# сын* # лет"),
            r"foreign/ru\.yaml: field 'ages\.\d+'.*one '#'",
        ),
        (
            lambda d: d["ages"].append("сын-у # лет"),
            r"foreign/ru\.yaml: field 'ages\.\d+'.*'сын-у'",
        ),
    ],
)
def test_broken_lexicon_names_file_and_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    data = _packaged("ru.yaml")
    change(data)
    with pytest.raises(KnowledgeBaseError, match=message):
        _load_file(_write(tmp_path, data))


def test_file_name_must_match_language(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"foreign/uk\.yaml: field 'language'"):
        _load_file(_write(tmp_path, _packaged("ru.yaml"), name="uk.yaml"))


def test_invalid_yaml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ru.yaml"
    path.write_text("findings: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"foreign/ru\.yaml: not valid YAML"):
        _load_file(path)


# --- Batch 18: Russian typed in Latin letters ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "u mamy noga opuhla i pokrasnela, goryachaya na oshchup, chto delat?",
            {"leg_swelling": True, "red_skin": True, "leg_warm": True},
        ),
        (
            "zdravstvujte, u muzha vdrug noga stala kholodnaja i sinjaja, eto opasno?",
            {"sudden_onset": True, "cold_foot": True, "pale_or_blue_foot": True},
        ),
        (
            "uzhe tretiy den' odyshka, bol' v grudi, i pravaya ikra raspukhla",
            {"breathless": True, "chest_pain": True, "leg_swelling": True, "unilateral": True},
        ),
        (
            "doch' 7 let, temperatury net, nichego ne opukhlo, no nozhki bolyat vecherom",
            {"fever": False, "leg_swelling": False},
        ),
        ("noga holodnaya i blednaya, ne chuvstvuju palcy", {"cold_foot": True}),
    ],
)
def test_batch18_russian_in_latin_letters_is_read(text: str, expected: dict[str, bool]) -> None:
    result = extract(text)
    assert result.language == "ru"
    findings = {f.id: f.present for f in result.findings}
    assert {k: findings.get(k) for k in expected} == expected, findings


@pytest.mark.parametrize(
    "text",
    [
        "Bolí mě noha v noci, je oteklá a červená. Co mám dělat? Je to vážné?",
        "Bolą mnie nogi w nocy, łydka jest spuchnięta i czerwona. Co to może być?",
        "Boli me noga, otekla je i crvena. Što da radim, kad već tjedan ne mogu spavati?",
        "Noga mi je otečena, boli me koleno, imam temperaturu 38 in mrzlico.",
        "Imam grčeve u nogama noću, noga je hladna i blijeda, trnci u prstima.",
        "Mein Bein tut weh, es ist dick und rot, was soll ich tun?",
    ],
)
def test_batch18_other_latin_slavic_text_is_not_russian(text: str) -> None:
    assert transliterated_language(text) is None


@pytest.mark.parametrize(
    "spellings",
    [
        ("холодная", "holodnaya", "kholodnaja", "xolodnaia"),
        ("отёк", "otyok", "otek", "otjok"),
        ("пальцы", "pal'cy", "paltsy", "palcy"),
        ("здравствуйте", "zdravstvujte", "zdravstvuyte", "zdravstvuite"),
        ("ещё", "eshchyo", "eshe", "yeshche"),
        ("ночью", "nochyu", "noch'ju", "nochiu"),
    ],
)
def test_batch18_latin_skeleton_merges_the_usual_spellings(spellings: tuple[str, ...]) -> None:
    assert len({latin_skeleton(w) for w in spellings}) == 1


def test_batch18_latin_russian_keeps_the_original_words_and_negation() -> None:
    reading = find_foreign_findings("nogi ne opukhli, no ikra tvjordaja kak kamen'", "ru")
    swelling = next(f for f in reading.findings if f.id == "leg_swelling")
    assert (swelling.present, swelling.text) == (False, "opukhli")


def _tiny_lexicon(**extra: Any) -> ForeignLexicon:
    data: dict[str, Any] = {
        "language": "de",
        "name": "German",
        "reviewed": False,
        "sources": [{"kind": "review", "ref": "test", "locator": "test"}],
        "negations": ["nicht", "kein*"],
        "pregnancy": ["schwanger*"],
        "child": ["Kind"],
        "findings": {"refuses_weight": ["nicht auftret*"], "sudden_onset": ["plötzlich*"]},
    }
    return ForeignLexicon.model_validate(data | extra)


def test_batch18_variants_read_a_dialect_word_as_its_standard_word() -> None:
    matcher = _Matcher(_tiny_lexicon(variants={"ned": "nicht", "nöd": "nicht"}))
    for text in ("Sie kann ned auftreten", "Si cha nöd uftrete und nicht auftreten"):
        assert [t.word for t in matcher.tokens(text)][2] == "nicht"
    assert _Matcher(_tiny_lexicon()).tokens("ned")[0].word == "ned"


def test_batch18_digraphs_stand_for_the_letter_the_keyboard_lacks() -> None:
    matcher = _Matcher(_tiny_lexicon(digraphs={"ae": "a", "oe": "o", "ue": "u"}))
    words = {t.word for t in matcher.tokens("ploetzlich plötzlich plotzlich")}
    assert words == {"plotzlich"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("variants", {"ned*": "nicht"}),
        ("variants", {"ned": "nicht mehr"}),
        ("digraphs", {"a": "b"}),
    ],
)
def test_batch18_malformed_variants_and_digraphs_are_rejected(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        _tiny_lexicon(**{field: value})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sit drei Täg isch mini Wade rechts dick und tuet weh wenn i druf drucke",
            {"leg_swelling": True, "unilateral": True, "tender_to_touch": True},
        ),
        (
            "Da Opa is in da Kuchl umgfalln, jetzt kann er ned aufstehn und die Haxn is nach "
            "außen verdreht",
            {"recent_fall": True, "refuses_weight": True, "leg_shortened_rotated": True},
        ),
        ("Mei Wadl is gschwoin und hoaß", {"leg_swelling": True, "leg_warm": True}),
        (
            "Bein seit Tagen dicker, jetzt beim Einatmen Stechen in der Brust und ich bin total "
            "aus der Puste, nehme die Pille",
            {"leg_swelling": True, "chest_pain": True, "breathless": True, "oestrogen": True},
        ),
        ("Fuesse ploetzlich eiskalt und gefuehllos", {"cold_foot": True, "numbness": True}),
        ("Nüt gschwolle, kei Fieber, nöd rot.", {"leg_swelling": False, "fever": False}),
        ("Sie kann nöd laufe, d Hüfti tuet weh sit si umgheit isch", {"site_groin_hip": True}),
        (
            "Am Oberschenkel innen eine Krampfader als harter Strang",
            {"cord_above_knee": True, "red_cord_vein": True},
        ),
    ],
)
def test_batch18_swiss_austrian_and_umlaut_free_german(
    text: str, expected: dict[str, bool]
) -> None:
    says(text, "de", **expected)


# --- Batch 18: Spanish, French and Italian as people write them -------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Tuve a mi bebé hace una semana, tengo los tobillos hinchados y veo borroso."),
        ("es", "Estoy en el posparto, con dolor de cabeza fuerte y las piernas inflamadas."),
        ("fr", "J'ai accouché il y a 8 jours, mes jambes ont enflé et j'ai mal à la tête."),
        ("fr", "Sortie de la maternité lundi, je vois des mouches et j'ai les chevilles gonflées."),
        (
            "it",
            "Ho partorito dieci giorni fa, ho le caviglie gonfie e un mal di testa che non passa.",
        ),
        ("it", "Sono nel post parto, vedo lucine e ho le gambe gonfie."),
    ],
)
def test_batch18_a_recent_birth_brings_the_pregnancy_rules(language: str, text: str) -> None:
    # The caller says "not pregnant"; the birth the text tells of still makes her postpartum.
    says(text, language, recent_childbirth=True)
    assert triage(text, age=31, sex="female", pregnant=False) == "emergency"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "se me durmió la cola y no tengo ganas de hacer pis desde ayer"),
        ("es", "No noto nada al limpiarme y llevo todo el día sin orinar."),
        ("es", "tengo la zona íntima dormida y no he hecho pis desde la mañana"),
        ("fr", "Je sens plus rien quand je m'essuie et j'ai pas uriné depuis ce matin."),
        ("fr", "je sens pu mes fesses pis ça fait la journée sans envie de pipi"),
        ("it", "Pulendomi dopo il bagno non sento nulla e non ho lo stimolo di urinare."),
        ("it", "nn sento la zona intima e non ho fatto pipì da stamattina"),
    ],
)
def test_batch18_lay_saddle_numbness_and_retention(language: str, text: str) -> None:
    says(text, language, saddle_numbness=True, bladder_problem=True)
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Mi abuela tiene descalcificación, se resbaló ayer y ahora renquea, le duele la "
            "cadera.",
        ),
        ("es", "Mi papá toma Fosamax por los huesos frágiles, se cayó y cojea desde entonces."),
        ("fr", "Ma mère a de l'ostéoporose, elle est tombée hier, elle boite et a mal à l'aine."),
    ],
)
def test_batch18_a_limp_after_a_fall_on_thin_bones(language: str, text: str) -> None:
    says(text, language, osteoporosis_known=True, recent_fall=True, limp=True)
    assert triage(text, age=80) == "urgent"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Con la sertralina y el tramadol tiemblo, las piernas me saltan solas y estoy "
            "confundida.",
        ),
        ("es", "Tomo Lexapro y me dieron Adolonta: tengo sacudidas en las piernas y fiebre."),
        (
            "fr",
            "Sous Seroplex et Topalgic, j'ai des secousses dans les jambes, je tremble, j'ai "
            "de la fièvre.",
        ),
        (
            "fr",
            "Mon antidépresseur plus du tramadol: les mollets sautent tout seuls et il est confus.",
        ),
        (
            "it",
            "Prendo la paroxetina e il tramadolo: tremo tutta, i muscoli scattano da soli, "
            "sono confusa.",
        ),
    ],
)
def test_batch18_jerks_and_fever_or_confusion_on_a_serotonin_medicine(
    language: str, text: str
) -> None:
    says(text, language, med_serotonergic=True)
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    ("language", "text", "population"),
    [
        (
            "es",
            "Tengo varices y las piernas cansadas, se me hinchan los tobillos al final del día y "
            "mejoran con las piernas en alto.",
            {"age": 50},
        ),
        (
            "es",
            "Mi hija de 10 años juega al fútbol y le duele detrás del talón después de los "
            "partidos, no tiene fiebre.",
            {},
        ),
        (
            "fr",
            "J'ai 68 ans, mal au genou droit dans les escaliers, un dérouillage de quelques "
            "minutes le matin, pas de fièvre.",
            {},
        ),
        (
            "fr",
            "Le tendon d'Achille est un peu épaissi et raide le matin, ça passe en marchant.",
            {},
        ),
        (
            "it",
            "Ho le gambe pesanti e le caviglie gonfie a fine giornata, le vene varicose da anni.",
            {"age": 55},
        ),
    ],
)
def test_batch18_everyday_patterns_are_not_read_as_danger(
    language: str, text: str, population: dict[str, Any]
) -> None:
    assert triage(text, **population) in {"self_care", "doctor"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Tengo varices y se me hinchan los tobillos al final del día, pero desde ayer la "
            "pantorrilla izquierda está hinchada, caliente y roja.",
        ),
        (
            "fr",
            "Depuis hier le mollet gauche est gonflé, chaud et douloureux derrière le genou, "
            "j'avais déjà les jambes lourdes en fin de journée.",
        ),
        (
            "fr",
            "Un claquement derrière le talon au tennis, depuis je peux pas me mettre sur la "
            "pointe.",
        ),
        ("es", "Sentí como una patada en el talón y ahora no puedo ponerme de puntillas."),
        (
            "it",
            "Ho sentito come un calcio dietro la caviglia e ora non riesco a stare in punta "
            "di piedi.",
        ),
        (
            "it",
            "Mio padre dorme in poltrona perché a letto il piede gli fa male, con la gamba "
            "penzoloni va meglio, e ha una ferita che non guarisce.",
        ),
        (
            "es",
            "Mi papá duerme en el sillón porque en la cama le duele el pie, con la pierna colgando "
            "se le calma.",
        ),
    ],
)
def test_batch18_danger_still_escalates_beside_everyday_patterns(language: str, text: str) -> None:
    assert triage(text, age=70) in {"urgent", "emergency"}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "je sens pu mes jambes", {"numbness": True}),
        ("fr", "elle veut pu marcher", {"refuses_weight": True}),
        ("fr", "je sens pa mon pied", {"numbness": True}),
        (
            "fr",
            "la guibolle gauche est gonflée et chaude",
            {"leg_swelling": True, "leg_warm": True},
        ),
        ("fr", "j'ai pantoute de fièvre", {"fever": False}),
        ("es", "tengo la pata inchada y caliente", {"leg_swelling": True, "leg_warm": True}),
        ("es", "el chamorro está caliente", {"leg_warm": True}),
        ("es", "el gemelo derecho está caliente y duro", {"leg_warm": True, "unilateral": True}),
        ("es", "se me subió el gemelo anoche", {"muscle_cramp": True}),
        ("es", "tengo la pierna entumida y las piernas deviles", {"numbness": True}),
        ("it", "nn ho febbre, la gamba nn è gonfia", {"fever": False, "leg_swelling": False}),
        ("fr", "les jambes raides comme du bois", {"muscle_rigidity": True}),
        (
            "fr",
            "genou raide le matin, tendon épaissi",
            {"muscle_rigidity": None, "leg_swelling": None},
        ),
    ],
)
def test_batch18_regional_and_texting_words(
    language: str, text: str, expected: dict[str, bool | None]
) -> None:
    findings = found(text, language)
    assert {k: findings.get(k) for k in expected} == expected, findings


# --- Batch 18: Russian as people write it (colloquial, Ukrainian-influenced, Latin letters) -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сыну на ногу упала плита, голень раздуло, твердая как доска, обезболивающее вообще "
            "не помогло, пальцы немеют, шевелить пальцами больно",
            {
                "crush_injury": True,
                "tight_tense_limb": True,
                "nothing_relieves": True,
                "numbness": True,
                "pain_passive_stretch": True,
            },
        ),
        (
            "Мама на гемодиализе, пропустила диализ в пятницу, сегодня ноги ватные и сердце с "
            "перебоями",
            {
                "kidney_disease": True,
                "missed_dialysis": True,
                "leg_weakness": True,
                "confusion": True,
            },
        ),
        (
            "Дед курит всю жизнь, ночью стопа болит, спит сидя, опустив ногу вниз, палец почернел",
            {"smoker": True, "relieved_by_dangling": True, "toe_colour_change": True},
        ),
        (
            "на пятке ранка уже месяц не заживает, у бабушки мерцательная аритмия",
            {"leg_ulcer": True, "atrial_fibrillation": True},
        ),
        (
            "Бабушка поскользнулась, теперь болит в паху, нога короче и стопа развёрнута наружу",
            {"recent_fall": True, "site_groin_hip": True, "leg_shortened_rotated": True},
        ),
        (
            "пью противозачаточные, одышка и больно дышать",
            {"oestrogen": True, "breathless": True, "chest_pain": True},
        ),
        ("Неделю не спит: болит стопа", {"aching_pain": True}),
        ("У мамы нога набрякла и болить", {"leg_swelling": True, "aching_pain": True}),
        (
            "nogu pridavilo plitoj, golen' kak doska, obezbolivajushchee ne pomogaet sovsem",
            {"crush_injury": True, "tight_tense_limb": True, "nothing_relieves": True},
        ),
    ],
)
def test_batch18_russian_everyday_danger_signs(text: str, expected: dict[str, bool]) -> None:
    says(text, "ru", **expected)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("пальцы на ногах подгибаются по утрам, сводит стопу", "leg_weakness"),
        ("после того как переехали в новую квартиру, болят ноги", "crush_injury"),
        ("мышцы зажаты после тренировки", "crush_injury"),
        ("болит сильнее к вечеру", "severe_pain"),
        ("кожа на голенях блестящая, волос нет", "tight_tense_limb"),
    ],
)
def test_batch18_russian_look_alikes_are_not_danger_signs(text: str, absent: str) -> None:
    assert absent not in found(text, "ru")


def test_batch18_ukrainian_is_read_with_the_russian_lexicon() -> None:
    text = "Раптово нога стала холодна і бліда, пальці оніміли, не може стати на ногу"
    result = extract(text)
    assert result.language == "uk"
    findings = {f.id: f.present for f in result.findings}
    expected = {"sudden_onset", "cold_foot", "pale_or_blue_foot", "numbness", "refuses_weight"}
    assert {k: findings.get(k) for k in expected} == dict.fromkeys(expected, True)


# --- Batch 19: Spanish and Russian words for nerve, bleeding and heat dangers ----------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "ru",
            "месяц назад была кишечная инфекция, теперь ноги всё слабее, руки покалывает",
            {"recent_gut_infection": True, "progressive_weakness": True, "tingling": True},
        ),
        (
            "ru",
            "после ротавируса неделю назад ноги не держат",
            {"recent_gut_infection": True, "leg_weakness": True},
        ),
        (
            "ru",
            "папа с каждым днём слабеет, еле встаёт с кровати",
            {"progressive_weakness": True, "leg_weakness": True},
        ),
        (
            "es",
            "tuve diarrea hace tres semanas y ahora cada día más débil, hormigueo en las manos",
            {"recent_gut_infection": True, "progressive_weakness": True, "tingling": True},
        ),
        (
            "es",
            "después de una gastroenteritis las piernas se me van debilitando",
            {"recent_gut_infection": True, "progressive_weakness": True},
        ),
    ],
)
def test_batch19_weakness_getting_worse_after_a_gut_infection(
    language: str, text: str, expected: dict[str, bool]
) -> None:
    says(text, language, **expected)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "ru",
            "у отца на ноге лопнул варикозный узел, кровь бьёт струёй",
            {"varicose_bleeding": True},
        ),
        (
            "ru",
            "носки в крови, кровь не останавливается, у меня варикоз",
            {"leg_bleeding": True, "varicose_veins": True},
        ),
        (
            "es",
            "a mi abuelo le reventó una várice en el tobillo y sale sangre a chorros",
            {"varicose_bleeding": True},
        ),
        (
            "es",
            "tengo várices, el calcetín está empapado de sangre y no para de sangrar",
            {"leg_bleeding": True, "varicose_veins": True},
        ),
    ],
)
def test_batch19_a_bleeding_varicose_vein(
    language: str, text: str, expected: dict[str, bool]
) -> None:
    says(text, language, **expected)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "две недели назад был понос, теперь ноги слабеют и немеют пальцы"),
        ("ru", "у бабушки варикоз, вена на икре лопнула и кровь льётся"),
        ("es", "hace dos semanas tuve gastroenteritis y ahora cada día más débil de las piernas"),
        ("es", "a mi madre le sangra una várice de la pierna, hay un charco de sangre"),
    ],
)
def test_batch19_these_dangers_are_emergencies(language: str, text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        ("es", "me sacaron sangre de la vena para un análisis", "varicose_bleeding"),
        ("es", "me sacaron sangre de la vena para un análisis", "leg_bleeding"),
        ("es", "tengo venitas rotas en las piernas", "varicose_bleeding"),
        ("es", "camino con soltura pero me duele la rodilla", "recent_gut_infection"),
        ("es", "debilidad súbita en la pierna", "progressive_weakness"),
        ("es", "me arden los pies por la noche, me está ardiendo la planta", "fever"),
        ("ru", "сдала кровь из вены на анализ", "varicose_bleeding"),
        ("ru", "сдала кровь из вены на анализ", "leg_bleeding"),
        ("ru", "от него несло перегаром", "recent_gut_infection"),
        ("ru", "наверно просто ослаб после гриппа", "progressive_weakness"),
    ],
)
def test_batch19_look_alikes_are_not_danger_signs(language: str, text: str, absent: str) -> None:
    assert absent not in found(text, language)


@pytest.mark.parametrize(
    ("language", "text", "finding"),
    [
        ("es", "no suda y tiene el cuerpo ardiendo", "fever"),
        ("es", "ya no suda y está confundido", "confusion"),
        ("ru", "не потеет и путается в словах", "confusion"),
    ],
)
def test_batch19_not_sweating_denies_nothing_after_it(
    language: str, text: str, finding: str
) -> None:
    assert found(text, language).get(finding) is True


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "mi tío se quedó todo el día bajo el sol, ya no suda y dice cosas sin sentido",
            {"heat_exposure": True, "confusion": True},
        ),
        ("es", "creo que le dio un golpe de calor, está desorientado", {"heat_exposure": True}),
        ("ru", "дед перегрелся на солнцепёке, заговаривается", {"heat_exposure": True}),
        ("ru", "работал на жаре, перестал потеть, спутанный", {"heat_exposure": True}),
        (
            "es",
            "tengo fiebre desde el martes y me sangra la nariz",
            {"fever": True, "mucosal_bleeding": True},
        ),
        (
            "ru",
            "третий день температура, дёсны кровоточат и сильно болит живот",
            {"fever": True, "mucosal_bleeding": True, "abdominal_pain": True},
        ),
        ("es", "me duele mucho la barriga y vomito", {"abdominal_pain": True}),
    ],
)
def test_batch19_heat_bleeding_and_tummy_words(
    language: str, text: str, expected: dict[str, bool]
) -> None:
    says(text, language, **expected)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "mi abuelo trabajó bajo el sol toda la mañana y ahora está confundido"),
        ("es", "llevo cinco días con fiebre alta y ahora me sangran las encías"),
        ("ru", "после работы на жаре муж бредит и не узнаёт меня"),
        ("ru", "неделю температура под 40, теперь кровь из носа и дёсны кровят"),
    ],
)
def test_batch19_heat_collapse_and_fever_with_bleeding_are_emergencies(
    language: str, text: str
) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        ("es", "a 4 grados bajo cero se me duermen los pies", "heat_exposure"),
        ("es", "me pica la piel seca de las piernas", "heat_exposure"),
        ("ru", "в жару ноги отекают к вечеру", "heat_exposure"),
        ("ru", "лопнул сосудик на ноге, синяк", "mucosal_bleeding"),
    ],
)
def test_batch19_heat_and_bleeding_look_alikes(language: str, text: str, absent: str) -> None:
    assert absent not in found(text, language)


# --- Batches 20-22: a recent birth in every lexicon; a rash that does not fade, weight loss
# and a dropped foot ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Meine Schwester hat vor einer Woche per Kaiserschnitt entbunden"),
        ("de", "Ich bin seit sechs Tagen im Wochenbett"),
        ("ru", "Жена родила четыре дня назад"),
        ("ru", "после родов прошло десять дней"),
        ("es", "mi hija dio a luz por cesárea hace una semana"),
        ("fr", "j'ai accouché il y a dix jours"),
        ("it", "ho partorito cinque giorni fa"),
    ],
)
def test_batch20_a_recent_birth_is_read(language: str, text: str) -> None:
    says(text, language, recent_childbirth=True)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Ich habe vor zehn Tagen mein Baby bekommen"),
        ("es", "Tuve a mi bebé hace una semana"),
        ("ru", "Я родила малыша неделю назад"),
    ],
)
def test_batch20_the_baby_of_a_birth_is_not_the_person_described(language: str, text: str) -> None:
    assert not find_foreign_findings(text, language).child


@pytest.mark.parametrize(
    "text",
    [
        "Meine Schwester hat vor einer Woche entbunden, jetzt sind die Beine dick, sie hat starke "
        "Kopfschmerzen und sieht Sternchen",
        "Жена родила пять дней назад, ноги отекли, сильно болит голова и мушки перед глазами",
    ],
)
def test_batch20_swelling_and_headache_after_a_birth_is_an_emergency(text: str) -> None:
    from nightlegs import assess

    result = assess(text)
    assert result.population["postpartum"] is True
    assert result.triage.value == "emergency", result.red_flags


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "tengo manchitas en las piernas que no se quitan al presionar y he bajado 5 kilos",
            {"purpura": True, "weight_loss": True},
        ),
        ("es", "arrastro el pie derecho desde hace una semana", {"foot_drop": True}),
        (
            "es",
            "he perdido peso sin querer y el pie se me arrastra",
            {"weight_loss": True, "foot_drop": True},
        ),
        (
            "de",
            "Die Flecken gehen beim Draufdrücken nicht weg, ich habe 6 kg abgenommen",
            {"purpura": True, "weight_loss": True},
        ),
        ("de", "Seit Montag hängt mein linker Fuß beim Gehen", {"foot_drop": True}),
        (
            "fr",
            "des taches qui ne s'effacent pas à la vitropression, j'ai perdu 4 kilos",
            {"purpura": True, "weight_loss": True},
        ),
        ("fr", "je ne peux plus relever le pied gauche", {"foot_drop": True}),
        (
            "it",
            "puntini che non scompaiono premendo, ho perso 5 chili",
            {"purpura": True, "weight_loss": True},
        ),
        ("it", "trascino il piede destro da tre giorni", {"foot_drop": True}),
        ("ru", "похудела на шесть кило, стопа свисает", {"weight_loss": True, "foot_drop": True}),
    ],
)
def test_batch20_rash_weight_loss_and_foot_drop_words(
    language: str, text: str, expected: dict[str, bool]
) -> None:
    says(text, language, **expected)


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        ("de", "beim Arzt wurde mir Blut abgenommen", "weight_loss"),
        ("de", "der Gips wurde gestern abgenommen", "weight_loss"),
        ("es", "no tengo manchas ni he perdido peso", "weight_loss"),
        ("es", "no tengo manchas ni he perdido peso", "purpura"),
    ],
)
def test_batch20_look_alikes_and_denials(language: str, text: str, absent: str) -> None:
    assert found(text, language).get(absent) is not True


def test_batch20_a_spanish_rash_with_weight_loss_and_foot_drop_is_same_day() -> None:
    from nightlegs import assess

    result = assess(
        "Tengo puntitos morados en los tobillos que no se van al apretar, he adelgazado 5 kilos "
        "y arrastro el pie"
    )
    assert result.triage.value in ("urgent", "emergency"), result.red_flags


@pytest.mark.parametrize(
    ("text", "finding", "present_"),
    [
        ("Ночью ноги ноют, нужно шевелить ими, иначе не уснуть.", "urge_to_move", True),
        ("Ноги не болят, но это невыносимо, ночью не сплю.", "severe_pain", False),
        ("Боль в икре невыносимая, нога опухла.", "severe_pain", True),
    ],
)
def test_russian_restlessness_is_not_severe_pain(text: str, finding: str, present_: bool) -> None:
    found = {f.id: f.present for f in extract(text).findings}
    assert found.get(finding, False) is present_, found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Ma tante a des varices, la cheville saigne abondamment, flaque de sang."),
        ("de", "Bei meinem Vater blutet die Krampfader am Knöchel, überall Blut, es spritzt."),
        ("es", "A mi padre le sangra muchísimo una vena de la pierna, sale a chorros la sangre."),
        ("it", "A mio padre una vena della gamba sanguina abbondantemente, una pozza di sangue."),
        ("ru", "У бабушки лопнула вена на голени, кровь льет, целая лужа крови."),
    ],
)
def test_heavy_bleeding_is_read_and_is_an_emergency(language: str, text: str) -> None:
    from nightlegs import assess

    assert found(text, language).get("heavy_bleeding") is True
    assert assess(text).triage.value == "emergency"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Un petit bouton sur le mollet a saigné un peu ce matin."),
        ("de", "Beim Rasieren hat es am Schienbein kurz ein bisschen geblutet."),
        ("es", "Me salió un poquito de sangre de un granito en la pierna."),
    ],
)
def test_a_little_bleeding_is_not_heavy_bleeding(language: str, text: str) -> None:
    assert found(text, language).get("heavy_bleeding") is not True


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Seit heute Mittag ist bei meiner Mutter der Mundwinkel rechts schief und hängt."),
        ("fr", "Depuis ce matin mon mari a la bouche de travers, le visage tombe à gauche."),
        ("es", "Mi abuelo tiene la boca torcida desde la siesta, se le cae la cara."),
        ("it", "Da stamattina mia nonna ha la bocca storta e il viso cadente a destra."),
        ("ru", "У деда с утра перекосило лицо, угол рта опустился справа."),
    ],
)
def test_a_face_that_has_dropped_is_read_and_is_an_emergency(language: str, text: str) -> None:
    from nightlegs import assess

    assert found(text, language).get("face_droop") is True
    assert assess(text).triage.value == "emergency"


def test_german_arm_that_cannot_hold_a_cup_is_read() -> None:
    text = "Plötzlich konnte meine Frau das Glas nicht halten, die rechte Hand war ganz kraftlos."
    assert found(text, "de").get("arm_or_speech_symptoms") is True


@pytest.mark.parametrize(
    "text",
    [
        "Mein Onkel hat seit Monaten jede Nacht Krämpfe in der Wade und kann schlecht "
        "schlafen, aber heute Abend his right leg is weak, sagt meine Tante.",
        "Ma mère a depuis des mois des crampes dans les mollets toutes les nuits et dort "
        "très mal, mais ce soir she cannot move her legs, dit mon frère.",
    ],
)
def test_english_danger_signs_in_a_foreign_text_are_kept(text: str) -> None:
    result = extract(text)
    assert result.language != "en"
    assert not result.understood
    red_flags = knowledge_index().red_flag_findings
    assert any(f.present and f.id in red_flags for f in result.findings)


def test_english_denial_in_a_foreign_text_keeps_no_danger_sign() -> None:
    text = "Meine Mutter hat nachts Wadenkrämpfe, seit Wochen schon, but no weakness in her legs."
    result = extract(text)
    assert result.language != "en"
    assert not any(f.id == "leg_weakness" and f.present for f in result.findings)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Dopo la caduta la gamba destra sembra più corta e il piede è girato verso fuori."),
        ("es", "Tras la caída su pierna parece más corta y el pie está girado hacia fuera."),
        (
            "fr",
            "Depuis sa chute, sa jambe paraît plus courte et le pied est tourné vers l'extérieur.",
        ),
        ("de", "Nach dem Sturz ist das Bein kürzer und der Fuß zeigt nach außen."),
        ("ru", "После падения нога стала короче, стопа развернута наружу."),
    ],
)
def test_a_shortened_turned_out_leg_after_a_fall_is_read(language: str, text: str) -> None:
    findings = found(text, language)
    assert findings.get("leg_shortened_rotated") is True, findings
    assert findings.get("recent_fall") is True, findings


def test_an_older_woman_who_cannot_get_up_after_a_fall_is_an_emergency_in_italian() -> None:
    from nightlegs import assess

    result = assess(
        "Mia nonna ha 88 anni, è caduta in bagno e non riesce più ad alzarsi, le fa male l'anca."
    )
    assert result.triage.value == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I s-a spart o varice si curge sange mult, nu se opreste.",
        "I s-a umflat piciorul si l-a durut tare.",
    ],
)
def test_romanian_short_forms_are_not_counted_as_english(text: str) -> None:
    # "s-a", "l-a" split into one-letter words, which English and Romanian share.
    assert detect_language(text, phrase_index().known) == "ro"


def test_a_varicose_vein_bleeding_a_lot_in_romanian_is_an_emergency() -> None:
    from nightlegs import assess

    result = assess("I s-a spart o varice bunicii si curge sange mult, nu se opreste.")
    assert result.triage.value == "emergency"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Seit gestern habe ich Herzrasen und die Beine sind schwach."),
        ("es", "Tengo palpitaciones y el corazón me late muy rápido."),
        ("fr", "J'ai des palpitations, mon cœur bat très vite."),
        ("it", "Ho le palpitazioni, il cuore batte forte."),
        ("ru", "Сильное сердцебиение, сердце колотится."),
        ("nl", "Ik heb hartkloppingen en mijn hart bonkt."),
        ("pl", "Mam kołatanie serca, serce wali."),
        ("pt", "Estou com palpitações, o coração acelerado."),
        ("ro", "Am palpitații, inima bate tare."),
        ("tr", "Çarpıntım var, kalbim çok hızlı atıyor."),
        ("hi", "Mujhe ghabrahat ho rahi hai, dil ki dhadkan bahut tez hai."),
    ],
)
def test_palpitations_are_read_in_each_language(language: str, text: str) -> None:
    assert found(text, language).get("palpitations") is True, found(text, language)


def test_czech_with_its_own_letters_is_not_read_as_russian_typed_in_latin_letters() -> None:
    text = "Můj táta má 78 let, od včera má pravou nohu oteklou, teplou a červenou."
    assert transliterated_language(text) is None
    assert detect_language(text) == "cs"
