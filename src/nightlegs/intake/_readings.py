"""Measurements written as numbers: blood pressure, pulse, oxygen level and blood ketones.

A person often gives the danger only as a number ("the finger clip says 88", "BP 164/112",
"ketones 4.1"), in English or in another language. Phrases cannot read a threshold, so each
reading here is a regular expression for a number next to the words that name the measurement
(in the languages nightlegs has danger-sign lexicons for), with the cut-off from its guideline.
The readings are the same in every language, so they are read in every text.
"""

from __future__ import annotations

import re

__all__ = ["READINGS", "read_measurements"]

SEVERE_BLOOD_PRESSURE = "severe_high_blood_pressure"
FAST_PULSE = "fast_pulse"
LOW_OXYGEN = "low_oxygen_saturation"
HIGH_KETONES = "high_ketones"

#: "162/112", "BP 158 / 110 mmHg": a systolic/diastolic pair, read only in a text that speaks
#: of blood pressure (so "10/10 pain" or a date is not a reading).
_BP_PAIR = re.compile(r"(?<![\d/.])(\d{2,3})\s*(?:/|over)\s*(\d{2,3})(?![\d/]|\.\d)")
_BP_CONTEXT = re.compile(
    r"\b(?:bp|blood\s*pressure|pressure|mmhg|mm\s*hg|systolic|diastolic|hypertension"
    r"|tensi[oó]n|presi[oó]n|pression|tension|blutdruck|rr|druck|pressione|press[aã]o"
    r"|tansiyon|tensiune|tensiunea|tlak|blodtryck|bloeddruk|ciśnieni\w*|cisnieni\w*"
    r"|давлени\w*|тиск\w*|πίεση|πιεση|piesi|dabav)\b|ضغط|बीपी|रक्तचाप",
    re.I,
)
#: NICE NG133 and ACOG: 160/110 or more is severe hypertension.
_SEVERE_SYSTOLIC = 160
_SEVERE_DIASTOLIC = 110

#: NICE NG51: a heart rate over 130 a minute is a high-risk sign of sepsis.
_FAST_PULSE_ABOVE = 130
_MAX_PULSE = 250
#: "heart rate on the watch says 134", "pulse 140", "HR of 150": the number after a pulse word in
#: the same sentence, or a number followed by "bpm" / "beats a minute".
_PULSE_READING = re.compile(
    r"\b(?:pulse|heart\s*rate|heartrate|heart\s*beat|heartbeat|hr|puls|pulso|pouls|polso"
    r"|tętno|tetno|nabız|nabiz|tep|hartslag|pols|пульс|σφυγμ\w*|nabz)\b[^.!?\d]{0,40}?"
    r"(?<![\d.])(\d{2,3})(?!\d|\.\d)"
    r"|(?<![\d.])(\d{2,3})\s*(?:bpm|beats\s+(?:a|per)\s+min|/min|уд)",
    re.I,
)

#: NHS advice for home pulse oximeters: 92% or less is an emergency (A&E or 999); the British
#: Thoracic Society's target for most adults is 94-98%.
_LOW_OXYGEN_AT_MOST = 92
_MIN_OXYGEN = 50
_OXYGEN_WORDS = (
    r"(?:sats?|saturations?|spo2|sp02|o2|oxygen|oxy|oximeter|oxymeter|pulse\s*ox"
    r"|sauerstoff\w*|saturaci[oó]n|ox[ií]geno|saturazione|ossigeno|saturacj\w*|tlen\w*"
    r"|satura[cç][aã]o|oxig[eê]nio|sat[uü]rasyon|oksijen|satura[tț]i\w*|oxigen\w*|kysl[ií]k\w*"
    r"|syre\w*|zuurstof|saturatie|сатурац\w*|кислород\w*|κορεσμ\w*|οξυγ[οό]ν\w*)"
)
#: "the finger oxy clip reads 88-89", "sats 90%", "SpO2 of 89", "89% oxygen": the lower number.
_OXYGEN_READING = re.compile(
    r"\b" + _OXYGEN_WORDS + r"\b[^.!?\d]{0,30}?(?<![\d.,])(\d{2,3})(?:\s*[-–]\s*(\d{2,3}))?"
    r"(?![\d]|[.,]\d)"
    r"|(?<![\d.,])(\d{2})\s*%\s*(?:of\s+)?" + _OXYGEN_WORDS + r"\b",
    re.I,
)

#: JBDS-IP and Diabetes UK: blood ketones of 3.0 mmol/L or more is diabetic ketoacidosis
#: territory and needs hospital care at once.
_HIGH_KETONES_AT_LEAST = 3.0
_MAX_KETONES = 15.0
_KETONE_READING = re.compile(
    r"\b(?:ketones?|keton\w*|cetonas?|c[ée]tones?|chetoni|ketony|ketonlar\w*|кетон\w*|κετον\w*)"
    r"\b[^.!?\d]{0,25}?(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)(?![\d])",
    re.I,
)


def _severe_blood_pressure(text: str) -> str | None:
    """The first blood-pressure reading at or above 160/110 (either number), if the text has one.

    >>> _severe_blood_pressure("BP tonight 162/98, yesterday 150/90")
    '162/98'
    >>> _severe_blood_pressure("Me tomé la tensión en la farmacia: 164/112")
    '164/112'
    >>> _severe_blood_pressure("pain is 10/10 and my blood pressure was fine") is None
    True
    """
    if not _BP_CONTEXT.search(text):
        return None
    for match in _BP_PAIR.finditer(text):
        systolic, diastolic = int(match.group(1)), int(match.group(2))
        plausible = 70 <= systolic <= 300 and 30 <= diastolic <= 200 and systolic > diastolic
        if plausible and (systolic >= _SEVERE_SYSTOLIC or diastolic >= _SEVERE_DIASTOLIC):
            return match.group(0)
    return None


def _fast_pulse(text: str) -> str | None:
    """The words of the first pulse reading above 130 a minute, if the text has one.

    >>> _fast_pulse("his heart rate on my watch says 136 and he is shivering")
    'heart rate on my watch says 136'
    >>> _fast_pulse("pulse was 88, I walked 140 metres") is None
    True
    """
    for match in _PULSE_READING.finditer(text):
        value = int(match.group(1) or match.group(2))
        if _FAST_PULSE_ABOVE < value <= _MAX_PULSE:
            return match.group(0)
    return None


def _low_oxygen(text: str) -> str | None:
    """The words of the first oxygen reading of 92% or less, if the text has one.

    >>> _low_oxygen("today the finger oxy clip reads 88-89, before op it was 97")
    'oxy clip reads 88-89'
    >>> _low_oxygen("la saturación está en 90%")
    'saturación está en 90'
    >>> _low_oxygen("sats 97% and pulse 88, no breathlessness") is None
    True
    """
    for match in _OXYGEN_READING.finditer(text):
        numbers = [int(g) for g in (match.group(1), match.group(2), match.group(3)) if g]
        if _MIN_OXYGEN <= min(numbers) <= _LOW_OXYGEN_AT_MOST and max(numbers) <= 100:
            return match.group(0)
    return None


def _high_ketones(text: str) -> str | None:
    """The words of the first blood-ketone reading of 3.0 mmol/L or more, if the text has one.

    >>> _high_ketones("meter 29.4, blood ketones 4.1. bit queasy")
    'ketones 4.1'
    >>> _high_ketones("ketones were 0.4 this morning") is None
    True
    """
    for match in _KETONE_READING.finditer(text):
        value = float(match.group(1).replace(",", "."))
        if _HIGH_KETONES_AT_LEAST <= value <= _MAX_KETONES:
            return match.group(0)
    return None


#: Finding id -> the reader that finds its number in a text.
READINGS = {
    SEVERE_BLOOD_PRESSURE: _severe_blood_pressure,
    FAST_PULSE: _fast_pulse,
    LOW_OXYGEN: _low_oxygen,
    HIGH_KETONES: _high_ketones,
}


def read_measurements(text: str) -> dict[str, str]:
    """Finding id -> the words of each dangerous reading in ``text``.

    Examples
    --------
    >>> found = read_measurements("BP 170/100, pulse 140, sats 89%, ketones 3.4")
    >>> found["severe_high_blood_pressure"], found["low_oxygen_saturation"]
    ('170/100', 'sats 89')
    >>> sorted(found)
    ['fast_pulse', 'high_ketones', 'low_oxygen_saturation', 'severe_high_blood_pressure']
    >>> read_measurements("pulse 72, sats 98%")
    {}
    """
    found = {}
    for finding, reader in READINGS.items():
        words = reader(text)
        if words:
            found[finding] = words
    return found
