"""Danger signs in descriptions written in Spanish (Spain and Latin America): es.yaml.

The newer emergency and urgent rules need findings beyond the leg itself (medicines, blood
sugar, dialysis, a cast, a tearing pain in the back ...); these tests check that the Spanish
lexicon reads them as people type them, and that the rules then fire end to end.
"""

from __future__ import annotations

import pytest
from _foreign_helpers import red_flags_read, says, triage

from nightlegs import assess


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A mi papá le pusieron un yeso ayer y ahora tiene los dedos morados y dormidos",
            {"leg_in_cast": True, "toe_colour_change": True, "numbness": True},
        ),
        (
            "El dolor es desproporcionado, ni con morfina se le quita",
            {"pain_out_of_proportion": True},
        ),
        (
            "cuando la enfermera le estira los dedos del pie grita de dolor",
            {"pain_passive_stretch": True},
        ),
        (
            "Mi abuela toma sintrom y hace caca negra",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        (
            "mi madre esta con xarelto y vomito sangre",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("Está con quimio desde hace un mes", {"on_chemotherapy": True}),
        (
            "mi hijo es diabetico, tiene el azucar por las nubes y esta muy confundido",
            {"diabetes": True, "high_blood_sugar": True, "altered_mental_state": True},
        ),
        ("Se le olvidó ponerse la insulina dos días", {"missed_insulin": True}),
        ("le dio una hipoglucemia", {"low_blood_sugar": True}),
        (
            "De repente no puede mover las piernas",
            {"sudden_onset": True, "legs_cannot_move": True},
        ),
        (
            "Siente un dolor desgarrador en la espalda, entre las paletillas",
            {"tearing_chest_back_pain": True},
        ),
        (
            "La pantorrilla izquierda está mucho más gorda que la otra",
            {"calf_bigger_than_other": True},
        ),
        ("no ha hecho pis en todo el día", {"little_or_no_urine": True}),
        (
            "Mi marido tiene insuficiencia renal y ayer faltó a la diálisis",
            {"kidney_disease": True, "missed_dialysis": True},
        ),
        ("toma furosemida y digoxina", {"med_diuretic": True, "med_digoxin": True}),
        ("lo mordió una víbora en el campo", {"venomous_bite": True}),
        ("le encontré una garrapata en la pierna", {"tick_bite": True}),
        ("no puede abrir la boca, tiene la mandíbula trabada", {"trismus": True}),
        ("le duele mucho el testículo izquierdo", {"testicular_pain": True}),
        ("tiene fibrilación auricular", {"atrial_fibrillation": True}),
        ("desde hace 3 días toma quetiapina", {"med_antipsychotic": True}),
        ("dejó la prednisona de golpe hace una semana", {"adrenal_risk": True}),
        (
            "la caldera está vieja y funciona mal, toda la familia con dolor de cabeza",
            {"household_co_exposure": True},
        ),
        ("tiene los ojos amarillos", {"jaundice": True}),
        ("le salió una culebrilla en la cintura", {"rash_in_a_band": True}),
        ("tiene que dormir sentado, acostado se ahoga", {"orthopnoea": True}),
        ("el pulso le da 38 pulsaciones", {"slow_pulse": True}),
        ("le sangra un poco la encía, toma eliquis", {"med_anticoagulant": True}),
        ("la vena se le marca mucho más en la pierna derecha", {"collateral_veins": True}),
        ("sentí un chasquido detrás de la rodilla", {"pop_in_knee": True}),
    ],
)
def test_spanish_reads_the_newer_danger_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "es", **expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No toma anticoagulantes.", {"med_anticoagulant": False}),
        ("Sin sangre en las heces.", {"gi_bleeding": False}),
        ("No tiene diabetes", {"diabetes": False}),
        ("No está con quimio.", {"on_chemotherapy": False}),
        ("No le duele el testículo.", {"testicular_pain": False}),
    ],
)
def test_spanish_denies_the_newer_findings(text: str, expected: dict[str, bool]) -> None:
    says(text, "es", **expected)


@pytest.mark.parametrize(
    "text",
    [
        # Serotonin syndrome: an antidepressant plus tramadol, with fever and agitation.
        "mi marido toma sertralina y en urgencias le dieron tramadol, ahora tiembla, suda, "
        "esta muy agitado y tiene fiebre",
        # Guillain-Barre after a stomach bug.
        "hace dos semanas tuvo gastroenteritis y ahora tiene hormigueo y las dos piernas debiles",
        # Bleeding on a blood thinner.
        "Mi abuelo toma Sintrom y esta mañana hizo caca negra y se desmayó",
        # Fever during chemotherapy.
        "mi mamá está con quimio y tiene fiebre de 38.5",
        # Diabetes with confusion.
        "mi padre es diabético y está confundido, no sabe qué día es",
        # Aortic dissection.
        "de repente un dolor desgarrador en el pecho que se le va a la espalda",
        # A cast with severe pain and numb toes.
        "a mi hija le pusieron yeso en la pierna, tiene un dolor insoportable y los dedos dormidos",
        # Sudden paralysis of the legs.
        "De golpe no puede mover las piernas",
        # Envenomation.
        "le picó un alacrán en el pie y está vomitando",
        # Missed dialysis.
        "no fue a la diálisis y ahora está muy débil y vomitando",
    ],
)
def test_spanish_newer_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Por las noches tengo calambres en los gemelos, estiro y se me pasa.",
        "Me hice un desgarro en la espalda en el gimnasio, me duele al agacharme.",
        "Uso un termómetro digital y tengo la piel oscura.",
        "Me picó un mosquito en la pierna y me pica mucho.",
        "Tengo la vacuna del tétanos al día.",
        "No le falla la orina.",  # not "has not passed urine"
        "Por la noche me duele pero no me despierta.",  # not drowsy
        "Tengo un bulto duro atrás del talón.",  # a heel bump, not a lump on a bone
        "No le duele cuando abre la boca.",
        "El dolor no se le para con nada.",
    ],
)
def test_spanish_everyday_words_are_not_new_danger_signs(text: str) -> None:
    assert not red_flags_read(text, "es") - {"muscle_cramp"}


def test_spanish_benign_night_cramps_stay_below_urgent() -> None:
    text = (
        "Tengo 45 años y por la noche me dan calambres en las pantorrillas, estiro el pie y se "
        "me pasa. Durante el día estoy bien."
    )
    assert triage(text) not in {"emergency", "urgent"}


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("Estoy de 35 semanas y tengo los pies muy hinchados", True),
        ("estoy de 8 meses y me dan calambres por la noche", True),
        ("estoy de acuerdo con el médico, me duelen las piernas", None),
    ],
)
def test_spanish_weeks_or_months_along_is_a_pregnancy(text: str, pregnant: bool | None) -> None:
    assert assess(text).population["pregnant"] is pregnant
