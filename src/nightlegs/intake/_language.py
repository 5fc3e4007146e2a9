"""Which language a description is in, offline.

Most descriptions are plainly English, and telling so costs a set look-up per word. Only a text
that does not read as English loads py3langid (an offline naive-Bayes language identifier with
its model inside the package, about 0.6 s to load), so the usual cold start does not pay for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

__all__ = ["detect_language", "likeliest_other_language"]

_WORD = re.compile(r"[^\W\d_]+")
#: Short function words that are English and nothing else among the languages people near us
#: write (German "in", "was" and French "a" are English words too, so they are left out).
_ENGLISH_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "we",
        "our",
        "they",
        "them",
        "their",
        "the",
        "and",
        "but",
        "or",
        "of",
        "to",
        "with",
        "at",
        "on",
        "for",
        "from",
        "by",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "am",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "can",
        "could",
        "will",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "just",
        "very",
        "so",
        "too",
        "also",
        "then",
        "than",
        "when",
        "where",
        "what",
        "which",
        "who",
        "why",
        "how",
        "if",
        "because",
        "about",
        "after",
        "before",
        "up",
        "down",
        "out",
        "over",
        "under",
        "again",
        "still",
        "only",
        "even",
        "ever",
        "never",
        "always",
        "often",
        "sometimes",
        "really",
        "quite",
        "bit",
        "lot",
        "night",
        "nights",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "leg",
        "legs",
        "calf",
        "calves",
        "foot",
        "feet",
        "knee",
        "knees",
        "thigh",
        "heel",
        "toes",
        "pain",
        "painful",
        "hurt",
        "hurts",
        "hurting",
        "ache",
        "aches",
        "aching",
        "sore",
        "cramp",
        "cramps",
        "swollen",
        "swelling",
        "numb",
        "tingling",
        "weak",
        "walk",
        "walking",
        "sleep",
        "bed",
        "morning",
        "evening",
        "tonight",
        "today",
        "yesterday",
        "get",
        "got",
        "gets",
        "getting",
        "feel",
        "feels",
        "felt",
        "like",
        "go",
        "goes",
        "went",
        "make",
        "makes",
        "keep",
        "keeps",
    ]
)
#: The languages the identifier chooses among: English and those people near us write in.
_CANDIDATES = ["en", "de", "fr", "es", "ru", "uk", "it", "pt", "nl", "pl", "tr", "ro", "cs", "sv"]
_ENGLISH_SHARE = 0.35
_MIN_ROMANISED_MARKERS = 3
#: Share of English words above which a text with Hinglish or Arabizi words in it is English.
_MIXED_SHARE = 0.5
#: Scripts of one language among those with a lexicon: letters of the script -> its language.
_SCRIPTS = {
    "hi": re.compile(r"[\u0900-\u097f]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "el": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
}
_LETTER = re.compile(r"[^\W\d_]")


def _own_script(text: str) -> str | None:
    """The language whose own script most letters of ``text`` are in (Devanagari, Arabic, Greek).

    Devanagari is read as Hindi and the Arabic script as Arabic (Urdu and Persian, written in
    it too, have no lexicon; the Arabic one reads the words they share).
    """
    if text.isascii():
        return None  # no letter of those scripts; most descriptions are told in a moment
    letters = len(_LETTER.findall(text))
    for language, pattern in _SCRIPTS.items():
        if letters and len(pattern.findall(text)) * 2 > letters:
            return language
    return None


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_CANDIDATES)
    return identifier


def detect_language(text: str, known: Callable[[str], bool] | None = None) -> str:
    """The ISO 639-1 code of the language ``text`` seems to be in.

    Parameters
    ----------
    text : str
        The description.
    known : callable, optional
        Whether a lower-case word is one the intake knows (its phrase vocabulary); such words
        count as English too, so slang-heavy English ("legs r dead rn tbh") stays English.

    Returns
    -------
    str
        ``"en"`` for English; ``"hi"`` or ``"ar"`` for Hindi or Arabic, in their own script or
        typed in Latin letters (Hinglish, Arabizi: told by their common words); ``"el"`` for
        Greek in the Greek script; otherwise the
        identifier's best guess among common European languages (``"de"``, ``"ru"``, ...).

    Examples
    --------
    >>> detect_language("My calves cramp every night and stretching helps.")
    'en'
    >>> detect_language("Mein Bein ist plötzlich kalt und weiß geworden.")
    'de'
    """
    script = _own_script(text)
    if script:
        return script
    words = _WORD.findall(text.lower())
    if not words:
        return "en"
    ascii_words = [w for w in words if w.isascii()]
    is_english = [w in _ENGLISH_WORDS or (known is not None and known(w)) for w in ascii_words]
    english = sum(is_english)
    others = {w for w, e in zip(ascii_words, is_english, strict=True) if not e}
    if len(others) >= _MIN_ROMANISED_MARKERS and english < _MIXED_SHARE * len(words):
        # Hinglish and Arabizi mix in English words, or read as English or Indonesian to the
        # identifier; their lexicons' common words tell them (imported here: the lexicons are
        # loaded only for a text with a few words that are not English). A text mostly in
        # English with a few such words (a quoted saying) stays English.
        from nightlegs.intake._foreign import transliterated_language

        romanised = transliterated_language(text, romanised_only=True)
        if romanised:
            return romanised
    # One-letter words say little about which language a text is in ("a", "i", "o", and the
    # clitics of Romanian "s-a", "l-a"): the English share leaves them out.
    informative = [
        (w, e) for w, e in zip(ascii_words, is_english, strict=True) if len(w) > 1
    ] or list(zip(ascii_words, is_english, strict=True))
    share = sum(e for _, e in informative) / len(informative) if informative else 0.0
    if len(ascii_words) == len(words) and share >= _ENGLISH_SHARE:
        return "en"
    if len(words) <= 2 and len(ascii_words) == len(words) and english:
        return "en"
    language, _ = _identifier().classify(text)
    return str(language)


def likeliest_other_language(text: str) -> str | None:
    """The identifier's likeliest language for ``text`` other than English, if it is confident.

    For a text read as English in which nothing could be recognised: a short message in another
    language that shares a few words with English ("Hij is door een adder gebeten") can pass the
    English-share test.

    Examples
    --------
    >>> likeliest_other_language("Hij is door een adder gebeten en zijn been is dik en blauw")
    'nl'
    >>> likeliest_other_language("my legs are restless at night") is None
    True
    """
    ranked = _identifier().rank(text)
    best = next(((code, p) for code, p in ranked if code != "en"), None)
    if best is None or best[1] < _OTHER_LANGUAGE_CONFIDENCE:
        return None
    return str(best[0])


#: How sure the identifier must be of a language other than English to read the text in it.
_OTHER_LANGUAGE_CONFIDENCE = 0.5
