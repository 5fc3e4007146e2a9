"""Measurements written as numbers: blood pressure, pulse, oxygen level and blood ketones.

A person often gives the danger only as a number ("the finger clip says 88", "BP 164/112",
"ketones 4.1"), in English or in another language. Phrases cannot read a threshold, so each
reading here is a regular expression for a number next to the words that name the measurement
(in the languages nightlegs has danger-sign lexicons for), with the cut-off from its guideline.
The readings are the same in every language, so they are read in every text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

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
#: "heart rate on the watch says 134", "pulse 140", "HR of 150": a pulse word before the number in
#: the same sentence, or "bpm" / "beats a minute" after it.
_PULSE_BEFORE = re.compile(
    r"\b(?:pulse|heart\s*rate|heartrate|heart\s*beat|heartbeat|hr|puls|pulso|pouls|polso"
    r"|tętno|tetno|nabız|nabiz|tep|hartslag|pols|пульс|σφυγμ\w*|nabz)\b[^.!?\d]{0,40}$",
    re.I,
)
_PULSE_AFTER = re.compile(r"\s*(?:bpm|beats\s+(?:a|per)\s+min|/min|уд)", re.I)

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
_OXYGEN_BEFORE = re.compile(_OXYGEN_WORDS + r"\b[^.!?\d]{0,30}$", re.I)
_OXYGEN_AFTER = re.compile(r"\s*%\s*(?:of\s+)?" + _OXYGEN_WORDS + r"\b", re.I)
_RANGE_END = re.compile(r"\s*[-–]\s*(\d{2,3})(?![\d]|[.,]\d)")

#: JBDS-IP and Diabetes UK: blood ketones of 3.0 mmol/L or more is diabetic ketoacidosis
#: territory and needs hospital care at once.
_HIGH_KETONES_AT_LEAST = 3.0
_MAX_KETONES = 15.0
_KETONE_BEFORE = re.compile(
    r"\b(?:ketones?|keton\w*|cetonas?|c[ée]tones?|chetoni|ketony|ketonlar\w*|кетон\w*|κετον\w*)"
    r"\b[^.!?\d]{0,25}$",
    re.I,
)
#: A number as people write readings: "136", "88", "4.1", "3,2".
_NUMBER = re.compile(r"(?<![\d.,/])(\d{1,3})(?:[.,](\d{1,2}))?(?![\d/])")
#: How far before a number its words may stand (the longest reach of the patterns above).
_WINDOW = 60


#: Cheap tests that let most texts skip a reader's regular expression: a digit for any reading,
#: and a stem of the measurement's words (lower case) for each.
_DIGIT = re.compile(r"\d")
_PULSE_STEMS = (
    "puls",
    "heart",
    "hr",
    "bpm",
    "pouls",
    "polso",
    "tętno",
    "tetno",
    "nabız",
    "nabiz",
    "tep",
    "hartslag",
    "pols",
    "пульс",
    "σφυγμ",
    "nabz",
    "/min",
    "уд",
)
_OXYGEN_STEMS = (
    "sat",
    "spo2",
    "sp02",
    "pulse ox",
    "o2",
    "oxy",
    "oxi",
    "oxí",
    "sauerstoff",
    "ossigeno",
    "tlen",
    "oksijen",
    "kysl",
    "syre",
    "zuurstof",
    "сатурац",
    "кислород",
    "κορεσμ",
    "οξυγ",
)
_KETONE_STEMS = ("keton", "ceton", "céton", "cétone", "chetoni", "кетон", "κετον")


def _severe_blood_pressure(text: str) -> str | None:
    """The first blood-pressure reading at or above 160/110 (either number), if the text has one.

    >>> _severe_blood_pressure("BP tonight 162/98, yesterday 150/90")
    '162/98'
    >>> _severe_blood_pressure("Me tomé la tensión en la farmacia: 164/112")
    '164/112'
    >>> _severe_blood_pressure("pain is 10/10 and my blood pressure was fine") is None
    True
    """
    if "/" not in text and "over" not in text.lower():
        return None
    for match in _BP_PAIR.finditer(text):
        systolic, diastolic = int(match.group(1)), int(match.group(2))
        plausible = 70 <= systolic <= 300 and 30 <= diastolic <= 200 and systolic > diastolic
        if plausible and (systolic >= _SEVERE_SYSTOLIC or diastolic >= _SEVERE_DIASTOLIC):
            # The words are looked for only once a severe pair is there (the rarer test last).
            return match.group(0) if _BP_CONTEXT.search(text) else None
    return None


class _Scan:
    """A text prepared once for every reader: lower case, and its numbers when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        # A few letters lengthen in lower case ("İ"); offsets must stay those of the text.
        self.lowered = lowered if len(lowered) == len(text) else text

    @classmethod
    def of(cls, text: str) -> _Scan:
        return cls(text)

    @functools.cached_property
    def numbers(self) -> tuple[tuple[re.Match[str], int], ...]:
        """Each number with where the stretch before it starts (the end of the previous one):
        a measurement's words stand after the previous number, as no digit comes between."""
        numbers, since = [], 0
        for number in _NUMBER.finditer(self.text):
            numbers.append((number, since))
            since = number.end()
        return tuple(numbers)

    def mentions(self, stems: tuple[str, ...]) -> bool:
        return any(stem in self.lowered for stem in stems)

    def words_before(
        self, number: re.Match[str], since: int, words: re.Pattern[str], stems: tuple[str, ...]
    ) -> str | None:
        """The measurement's words before ``number`` and the number, if they stand there.

        The words are tried only where one of their stems starts a word, so most numbers
        never reach the regular expression.
        """
        start, end = max(since, number.start() - _WINDOW), number.start()
        window = self.lowered[start:end]
        for stem in stems:
            if stem not in window:
                continue
            at = self.lowered.find(stem, start, end)
            while at >= 0:
                if (at == 0 or not self.text[at - 1].isalnum()) and words.match(self.text, at, end):
                    return self.text[at : number.end()]
                at = self.lowered.find(stem, at + 1, end)
        return None


def _fast_pulse(scan: _Scan) -> str | None:
    """The words of the first pulse reading above 130 a minute, if the text has one.

    >>> _fast_pulse(_Scan.of("his heart rate on my watch says 136 and he is shivering"))
    'heart rate on my watch says 136'
    >>> _fast_pulse(_Scan.of("pulse was 88, I walked 140 metres")) is None
    True
    """
    if not scan.mentions(_PULSE_STEMS):
        return None
    for number, since in scan.numbers:
        if number.group(2) or len(number.group(1)) < 2:
            continue
        if not _FAST_PULSE_ABOVE < int(number.group(1)) <= _MAX_PULSE:
            continue
        words = scan.words_before(number, since, _PULSE_BEFORE, _PULSE_STEMS)
        if words:
            return words
        after = _PULSE_AFTER.match(scan.text, number.end())
        if after:
            return scan.text[number.start() : after.end()]
    return None


def _low_oxygen(scan: _Scan) -> str | None:
    """The words of the first oxygen reading of 92% or less, if the text has one.

    >>> _low_oxygen(_Scan.of("today the finger oxy clip reads 88-89, before op it was 97"))
    'oxy clip reads 88-89'
    >>> _low_oxygen(_Scan.of("la saturación está en 90%"))
    'saturación está en 90'
    >>> _low_oxygen(_Scan.of("sats 97% and pulse 88, no breathlessness")) is None
    True
    """
    if not scan.mentions(_OXYGEN_STEMS):
        return None
    text = scan.text
    for number, since in scan.numbers:
        if number.group(2) or len(number.group(1)) < 2 or int(number.group(1)) > 100:
            continue
        words = scan.words_before(number, since, _OXYGEN_BEFORE, _OXYGEN_STEMS)
        after = None if words else _OXYGEN_AFTER.match(text, number.end())
        if not (words or after):
            continue
        span = _RANGE_END.match(text, number.end())
        values = [int(number.group(1))] + ([int(span.group(1))] if span else [])
        if _MIN_OXYGEN <= min(values) <= _LOW_OXYGEN_AT_MOST and max(values) <= 100:
            end = after.end() if after else span.end() if span else number.end()
            return text[number.start() : end] if words is None else words + text[number.end() : end]
    return None


def _high_ketones(scan: _Scan) -> str | None:
    """The words of the first blood-ketone reading of 3.0 mmol/L or more, if the text has one.

    >>> _high_ketones(_Scan.of("meter 29.4, blood ketones 4.1. bit queasy"))
    'ketones 4.1'
    >>> _high_ketones(_Scan.of("ketones were 0.4 this morning")) is None
    True
    """
    if not scan.mentions(_KETONE_STEMS):
        return None
    for number, since in scan.numbers:
        value = float(number.group(1) + "." + (number.group(2) or "0"))
        if not _HIGH_KETONES_AT_LEAST <= value <= _MAX_KETONES:
            continue
        words = scan.words_before(number, since, _KETONE_BEFORE, _KETONE_STEMS)
        if words:
            return words
    return None


#: Finding id -> the reader that finds its number in a text.
READINGS: dict[str, Callable[[_Scan], str | None]] = {
    SEVERE_BLOOD_PRESSURE: lambda scan: _severe_blood_pressure(scan.text),
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
    found: dict[str, str] = {}
    if not _DIGIT.search(text):
        return found
    scan = _Scan.of(text)
    for finding, reader in READINGS.items():
        words = reader(scan)
        if words:
            found[finding] = words
    return found
