"""Danger given only as a number: oxygen level, blood ketones, blood pressure and pulse readings,
in English and in other languages, each read at its guideline's cut-off and never from numbers
that are not that measurement."""

from __future__ import annotations

import pytest

from nightlegs import assess
from nightlegs.intake import extract


def present(text: str, finding: str) -> bool:
    found = {f.id: f.present for f in extract(text).findings}
    return found.get(finding) is True


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("today the finger oxy clip reads 88-89, before the op it was 97", True),
        ("sats were 91% on the nurse's machine and my calf is swollen", True),
        ("her oxygen is 90 on the little meter and she is puffed", True),
        ("89% oxygen on my watch when I woke", True),
        ("la saturación está en 90% y tengo la pierna hinchada", True),
        ("сатурация 89, нога опухла", True),
        ("sats 97% and pulse 88, no breathlessness", False),
        ("oxygen 95 at rest, my calf cramps at night", False),
        ("I was on 2 litres of oxygen in hospital last year", False),
    ],
)
def test_an_oxygen_level_of_92_or_less_is_low(text: str, low: bool) -> None:
    assert present(text, "low_oxygen_saturation") is low


@pytest.mark.parametrize(
    ("text", "high"),
    [
        ("meter 29.4, blood ketones 4.1. bit queasy", True),
        ("ketones were 3,2 on the strip this morning", True),
        ("las cetonas en 3.5 y vomito", True),
        ("ketones were 0.4 this morning and my calves cramp", False),
        ("I tried a keto diet for 3 weeks and my calves cramp", False),
    ],
)
def test_blood_ketones_of_3_or_more_are_high(text: str, high: bool) -> None:
    assert present(text, "high_ketones") is high


@pytest.mark.parametrize(
    "text",
    [
        "Estoy embarazada de 35 semanas. En la farmacia la tensión dio 164/112, pies hinchados.",
        "Je suis enceinte de 34 semaines, ma tension est à 165/105 et j'ai les jambes gonflées.",
        "Ich bin in der 33. Woche schwanger, Blutdruck 170/100 und die Beine sind geschwollen.",
    ],
)
def test_a_severe_blood_pressure_in_another_language_is_an_emergency(text: str) -> None:
    assert present(text, "severe_high_blood_pressure")
    assert assess(text).triage.value == "emergency"


def test_a_pulse_in_another_language_is_read() -> None:
    assert present("tiene fiebre de 39 y el pulso a 140, la pierna roja", "fast_pulse")
    assert not present("el pulso a 80 y la pierna roja", "fast_pulse")


@pytest.mark.parametrize(
    "text",
    [
        "had my knee replaced 19 days ago, R calf fat and tight, the finger oxy clip reads 88",
        "T1 diabetic, pump came out in the night, calves cramping, ketones 4.1, otherwise fine",
    ],
)
def test_a_dangerous_reading_alone_makes_an_emergency(text: str) -> None:
    assert assess(text).triage.value == "emergency"


def test_a_normal_reading_raises_nothing() -> None:
    text = "my calves cramp at night, sats 98% and ketones 0.2 when I checked, no swelling"
    assert assess(text).triage.value in {"self_care", "doctor"}
