"""Turn a free-text description into findings, population facts and mentioned claims."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from nightlegs.errors import InputError
from nightlegs.intake._context import (
    NEGATION_WORDS,
    _words,
    is_hedged,
    is_uncertain,
    negation,
    negation_undone,
    place_negated,
)
from nightlegs.intake._finding import ExtractedFinding
from nightlegs.intake._foreign import find_foreign_findings, transliterated_language
from nightlegs.intake._language import detect_language, likeliest_other_language
from nightlegs.intake._matcher import PhraseHit, phrase_index
from nightlegs.intake._population import PopulationFacts, extract_population
from nightlegs.intake._readings import read_measurements
from nightlegs.intake._text import NormalisedText
from nightlegs.intake._who import mentions_other_person
from nightlegs.knowledge import Finding, FindingCategory, KnowledgeBase, knowledge_index
from nightlegs.knowledge.foreign import load_foreign_lexicons

__all__ = [
    "FOREIGN_FINDINGS_TO_RANK",
    "MAX_TEXT_CHARS",
    "ExtractedFinding",
    "IntakeResult",
    "extract",
]

#: The longest description nightlegs reads, in characters: the one limit of the library, the
#: API models and the web forms. 5,000 (about 800 words) rather than 20,000: a description of
#: night-time leg symptoms fits with room to spare, the web form and the API already promised
#: it, and reading time grows with the length of the text.
MAX_TEXT_CHARS = 5_000
#: In a text nightlegs cannot read, this many recognised findings are enough to show possible
#: causes (still marked as not understood); fewer rank nothing.
FOREIGN_FINDINGS_TO_RANK = 2
#: Which side is a place too: a verb's negation does not deny it.
_LATERALITY = frozenset({"unilateral", "bilateral"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class IntakeResult:
    """What was understood from a description."""

    findings: list[ExtractedFinding]
    population: PopulationFacts
    claims: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: ISO 639-1 code of the language the text seems to be in.
    language: str = "en"
    #: False when the text could not be read: another language, or nothing recognised.
    understood: bool = True

    def as_evidence(self) -> dict[str, bool]:
        """Finding id -> present, for the inference engine."""
        return {f.id: f.present for f in self.findings}


def _check_text(text: str) -> list[str]:
    if not isinstance(text, str):
        raise InputError(f"text: expected a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("text: the description is empty; describe what your legs feel like")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"text: the description is {len(text)} characters long; the limit is "
            f"{MAX_TEXT_CHARS} (about 800 words)"
        )
    if "\ufffd" in text or len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError("text: this looks like binary data, not a written description")
    if not re.search(r"[^\W\d_]", text):
        raise InputError("text: the description has no words; describe what your legs feel like")
    return []


def _resolve(
    text: NormalisedText,
    hits: list[PhraseHit],
    patient: str | None,
    patient_sex: str | None = None,
    kb: KnowledgeBase | None = None,
) -> tuple[dict[str, ExtractedFinding], list[str]]:
    tables = knowledge_index(kb)
    by_id, danger = tables.findings, tables.rule_findings
    positives: dict[str, ExtractedFinding] = {}
    negatives: dict[str, ExtractedFinding] = {}
    weak: dict[str, ExtractedFinding] = {}
    votes: dict[str, int] = {}
    claims: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    # A negation word that is part of a phrase ("can't keep still") negates nothing else; one
    # that merely sits in a phrase's gap ("pressed it, no dent") still does.
    consumed = frozenset(
        index
        for hit in hits
        if hit.kind == "positive"
        for index in range(hit.first, hit.last + 1)
        if text.tokens[index].text in NEGATION_WORDS
        and text.tokens[index].text in _phrase_words(hit.phrase)
    )
    # A negative phrase that shares words with a positive match reads them better ("can't
    # stand the duvet" is not "can't stand"; "wee was dark yellow" is not dark urine): that
    # positive match is dropped.
    # A negative phrase with a negation in its own gap ("spots that do not fade" read by "spots
    # ~3 fade") says the opposite of what it was written for: it is void.
    # The same holds when a negation stands right before it ("do not | fade when pressed").
    # Where another finding's words start right after a negation in a gap, the negation is
    # theirs: "fine in the morning, no limp, nothing" denies the limp, not the good morning.
    starts = {(h.first, h.last, h.record_id) for h in hits if h.kind != "claim"}
    hits = [
        h
        for h in hits
        if h.kind != "negative"
        or not (_gap_negated(text, h, starts) or negation(text, h.first, h.last) == "negated")
    ]
    denied_spans = [
        (h.record_id, h.first, h.last)
        for h in hits
        if h.kind == "negative" and not negation_undone(text, h.first, h.last)
    ]
    hits = [
        h
        for h in hits
        if h.kind != "positive"
        or not any(
            rid == h.record_id and first <= h.last and h.first <= last
            for rid, first, last in denied_spans
        )
    ]
    for hit in hits:
        words = text.source_span(hit.first, hit.last)
        if hit.kind == "claim":
            if hit.record_id not in claims:
                claims.append(hit.record_id)
            continue
        finding = by_id[hit.record_id]
        about_relative = mentions_other_person(
            text, hit.first, hit.last, patient or "", patient_sex
        )
        # Family history and household exposures (others at home ill the same way) are about
        # other people on purpose.
        if about_relative and not finding.id.startswith(("family_history", "household_")):
            continue
        if hit.kind == "negative":
            if negation_undone(text, hit.first, hit.last):
                # "it's not that it isn't warm", "not massively swollen": there, a little.
                positives.setdefault(
                    hit.record_id,
                    ExtractedFinding(hit.record_id, True, words, certainty="possible"),
                )
                votes[hit.record_id] = votes.get(hit.record_id, 0) + 1
                continue
            negatives.setdefault(hit.record_id, ExtractedFinding(hit.record_id, False, words))
            votes[hit.record_id] = votes.get(hit.record_id, 0) - 1
            continue
        # A negation inside the matched words that is not part of the phrase itself
        # ("my wee is normal colour, not dark") negates the match too.
        inner = _gap_negated(text, hit, starts)
        if finding.category is FindingCategory.SITE or finding.id in _LATERALITY:
            state = "negated" if place_negated(text, hit.first) else None
        else:
            state = "negated" if inner else negation(text, hit.first, hit.last, consumed)
        negated = state == "negated"
        is_danger = finding.red_flag or finding.id in danger
        if not negated and not is_danger and is_uncertain(text, hit.first, hit.last):
            continue
        possible = state == "double" or (
            is_danger and not negated and is_hedged(text, hit.first, hit.last)
        )
        bucket = weak if hit.kind == "weak" else (negatives if negated else positives)
        if hit.kind != "weak":
            votes[hit.record_id] = votes.get(hit.record_id, 0) + (-1 if negated else 1)
        found = ExtractedFinding(
            hit.record_id, not negated, words, certainty="possible" if possible else "reported"
        )
        if hit.record_id in bucket and bucket[hit.record_id].certainty == "possible":
            bucket[hit.record_id] = found if not possible else bucket[hit.record_id]
        else:
            bucket.setdefault(hit.record_id, found)
        if not negated:
            spans.setdefault(hit.record_id, []).append((hit.first, hit.last))

    result: dict[str, ExtractedFinding] = {}
    for fid in {*positives, *negatives}:
        # A danger sign said anywhere counts even if denied elsewhere; otherwise the more
        # frequent reading wins, a tie going to the denial.
        if fid in positives and (
            fid not in negatives or by_id[fid].red_flag or fid in danger or votes.get(fid, 0) > 0
        ):
            result[fid] = positives[fid]
        else:
            result[fid] = negatives[fid]
    _drop_yielding(result, spans, tables.findings)
    for fid, found in weak.items():
        if fid not in result and not any(y in result for y in by_id[fid].yields_to):
            result[fid] = found
    for fid, found in list(result.items()):
        for target, value in by_id[fid].implies.items():
            if found.present and target not in result:
                result[target] = ExtractedFinding(
                    target, value, found.text, implied_by=fid, certainty=found.certainty
                )
    return result, claims


@functools.lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> frozenset[str]:
    """The words a phrase is written with (its alternatives' words, gaps left out)."""
    return frozenset(phrase.replace("|", " ").split())


def _gap_negated(text: NormalisedText, hit: PhraseHit, starts: set[tuple[int, int, str]]) -> bool:
    """A negation inside the matched words that is not part of the phrase and not the start
    of another finding's words ("no limp") negates the match.

    Another finding whose words end where the match ends ("knee does not look swollen": the
    swelling is the knee's) shares the negation instead of taking it away.
    """
    if hit.first == hit.last or NEGATION_WORDS.isdisjoint(
        _words(text)[hit.first + 1 : hit.last + 1]
    ):
        return False  # the usual case, told without building anything
    phrase_words = _phrase_words(hit.phrase)
    return any(
        text.tokens[i].text in NEGATION_WORDS
        and text.tokens[i].text not in phrase_words
        and not any(
            first in (i + 1, i + 2) and last < hit.last and record != hit.record_id
            for first, last, record in starts
        )
        for i in range(hit.first + 1, hit.last + 1)
    )


def _drop_yielding(
    result: dict[str, ExtractedFinding],
    spans: dict[str, list[tuple[int, int]]],
    by_id: Mapping[str, Finding],
) -> None:
    """Drop a finding read from the same words as one it yields to.

    "It hurts like hell when the nurse moves my toes" is pain on passive stretch, not relief
    from stretching: ``relieved_by_stretching`` yields to ``pain_passive_stretch`` where their
    words overlap.
    """
    for fid in list(result):
        for stronger in by_id[fid].yields_to:
            if stronger not in spans or fid not in spans:
                continue
            overlaps = all(
                any(a <= d and c <= b for c, d in spans[stronger]) for a, b in spans[fid]
            )
            if overlaps and result.get(stronger) is not None and result[stronger].present:
                del result[fid]
                break


_CORD = "red_cord_vein"
_CORD_LONG = "cord_long"
#: A measured length ("20cm", "8 cm", "3 inches"); at least 5 cm (2 inches) is a long cord
#: (ESVS 2021: superficial vein thrombosis of 5 cm or more).
_LENGTH = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|inch(?:es)?)\b",
    re.I,
)
#: Lengths said without a number: a hand's width or span, or a run from the ankle, shin, calf
#: or foot to the knee, thigh or groin (or back down).
_LONG_WORDS = re.compile(
    r"\bhand'?s?\s+(?:width|span|breadth)\b"
    r"|\bfrom\b[^.!?;]{0,40}?\b(?:ankle|shin|calf|foot)\b[^.!?;]{0,50}?\b(?:knee|thigh|groin)"
    r"|\bfrom\b[^.!?;]{0,40}?\b(?:knee|thigh|groin)\b[^.!?;]{0,50}?\b(?:ankle|shin|calf|foot)",
    re.I,
)


def _long_cord(text: str) -> str | None:
    """Words giving a hard vein's length as 5 cm (2 inches) or more, if the text has them.

    Read only when a red, hard vein has been recognised, so other lengths are not taken for it.

    >>> _long_cord("a red hard line, maybe 20cm long")
    '20cm'
    >>> _long_cord("it runs from just above the ankle almost to the knee")
    'from just above the ankle almost to the knee'
    >>> _long_cord("a sore vein about 2 cm long") is None
    True
    """
    for match in _LENGTH.finditer(text):
        size, unit = float(match.group(1)), match.group(2).lower()
        centimetres = (
            size / 10 if unit.startswith("m") else size * 2.54 if unit.startswith("i") else size
        )
        if 5 <= centimetres <= 120:
            return match.group(0)
    words = _LONG_WORDS.search(text)
    return words.group(0) if words else None


def extract(text: str, *, kb: KnowledgeBase | None = None) -> IntakeResult:
    """Understand a free-text description of night-time leg symptoms.

    Parameters
    ----------
    text : str
        The description in English, as the person (or a parent or partner) wrote it.
    kb : KnowledgeBase, optional
        Whose phrases and findings read it (default: the packaged knowledge base).

    Returns
    -------
    IntakeResult
        Findings with the words each came from, population facts, mentioned claims
        (e.g. "glycine") and warnings.

    Raises
    ------
    InputError
        For empty text, text over :data:`MAX_TEXT_CHARS` characters, or binary data.

    Examples
    --------
    >>> result = extract("My calf cramps at night but there is no swelling.")
    >>> wanted = {"muscle_cramp", "leg_swelling"}
    >>> sorted((f.id, f.present) for f in result.findings if f.id in wanted)
    [('leg_swelling', False), ('muscle_cramp', True)]
    """
    warnings = _check_text(text)
    index = phrase_index(kb)
    language = detect_language(text, index.known)
    if language != "en":
        # Russian typed in Latin letters reads as Czech or Polish to the detector; a Polish
        # or Czech text can look like it too, so the detector's language is read as well.
        detected, language = language, transliterated_language(text) or language
        also = detected if detected != language else None
        english = _english_danger_signs(text, kb)
        return _foreign_intake(text, language, warnings, english, also=also, kb=kb)
    normalised = index.normalise(text)
    population = extract_population(text, normalised)
    found, claims = _resolve(
        normalised, index.find(normalised), population.subject, population.sex, kb
    )
    for fid, words in read_measurements(text).items():
        found.setdefault(fid, ExtractedFinding(fid, True, words))
    if _CORD in found and found[_CORD].present and _CORD_LONG not in found:
        length = _long_cord(text)
        if length:
            found[_CORD_LONG] = ExtractedFinding(_CORD_LONG, True, length)
    understood = any(f.present for f in found.values())
    if not understood:
        foreign = _read_as_another_language(text, warnings, kb)
        if foreign is not None:
            return foreign
        warnings.append(
            "nightlegs could not recognise any symptom in this description, so it ranks no "
            "causes; try saying where it hurts, when, and what it feels like."
        )
    order = knowledge_index(kb).finding_order
    findings = sorted(found.values(), key=lambda f: order[f.id])
    return IntakeResult(
        findings=findings,
        population=population,
        claims=claims,
        warnings=warnings,
        language=language,
        understood=understood,
    )


def _english_danger_signs(text: str, kb: KnowledgeBase | None) -> list[ExtractedFinding]:
    """Danger signs said in English inside a text read as another language (a mixed message).

    The English reader runs on the whole text with its own negation, which applies to its own
    words; only present findings marked ``red_flag`` are kept, and medicines: their names are
    the same in most languages ("Lasix", "Eliquis"), and several rules turn on them (a blood
    thinner with bleeding, a water tablet with weakness).
    """
    index = phrase_index(kb)
    normalised = index.normalise(text)
    population = extract_population(text, normalised)
    found, _ = _resolve(normalised, index.find(normalised), population.subject, kb=kb)
    tables = knowledge_index(kb)
    return [
        f
        for f in found.values()
        if f.present
        and (
            f.id in tables.red_flag_findings
            or tables.findings[f.id].category is FindingCategory.MEDICINE
        )
    ]


def _read_as_another_language(
    text: str, warnings: list[str], kb: KnowledgeBase | None
) -> IntakeResult | None:
    """The danger-sign reading of a text that read as English but in which nothing was
    recognised, in the identifier's likeliest other language, if that finds something."""
    language = likeliest_other_language(text)
    if language is None or language not in load_foreign_lexicons():
        return None
    result = _foreign_intake(text, language, list(warnings), kb=kb)
    return result if any(f.present for f in result.findings) else None


def _foreign_intake(
    text: str,
    language: str,
    warnings: list[str],
    english: list[ExtractedFinding] | None = None,
    also: str | None = None,
    kb: KnowledgeBase | None = None,
) -> IntakeResult:
    """Read only the danger signs of a text in another language (nightlegs reads English).

    Danger signs said in English in the same text (``english``) and not read by the foreign
    reader are kept as present: a danger sign said anywhere counts. So are those read by the
    lexicon of ``also``, a second language the text may be in (present findings only: a word
    of one language may deny nothing in another).
    """
    reading = find_foreign_findings(text, language)
    second = (
        find_foreign_findings(text, also)
        if also is not None and also in load_foreign_lexicons()
        else None
    )
    population = PopulationFacts()
    if reading.pregnant or (second is not None and second.pregnant):
        population.pregnant, population.sex = True, "female"
    if reading.child or (second is not None and second.child):
        population.reporter = "parent"
    if reading.age is not None:
        population.age = float(reading.age)
    elif second is not None and second.age is not None:
        population.age = float(second.age)
    order = knowledge_index(kb).finding_order
    merged = {f.id: f for f in reading.findings}
    for found in second.findings if second is not None else ():
        if found.present and not (found.id in merged and merged[found.id].present):
            merged[found.id] = found
    for sign in english or ():
        # The foreign reader's own reading of a finding (with its negation) wins: the same
        # words may look English ("temperatury net"), and only its negation is understood.
        merged.setdefault(sign.id, sign)
    for fid, words in read_measurements(text).items():
        merged.setdefault(fid, ExtractedFinding(fid, True, words))
    findings = sorted(merged.values(), key=lambda f: order[f.id])
    read = sum(f.present for f in findings)
    if read >= FOREIGN_FINDINGS_TO_RANK:
        what = (
            "It looked only for danger signs and a few common symptoms; the possible causes "
            "shown come from those few words alone."
        )
    elif read:
        what = "It looked only for danger signs and a few common symptoms, and ranks no causes."
    else:
        what = "It looked only for danger signs and common symptoms, and found none it knows."
    warnings.append(
        f"This description seems to be in another language ({language}); nightlegs reads "
        f"English, so it could not understand it. {what}"
    )
    return IntakeResult(
        findings=findings,
        population=population,
        warnings=warnings,
        language=language,
        understood=False,
    )
