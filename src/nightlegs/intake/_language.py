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

__all__ = ["detect_language"]

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
        ``"en"`` for English; otherwise the identifier's best guess among common European
        languages (``"de"``, ``"ru"``, ...).

    Examples
    --------
    >>> detect_language("My calves cramp every night and stretching helps.")
    'en'
    >>> detect_language("Mein Bein ist plötzlich kalt und weiß geworden.")
    'de'
    """
    words = _WORD.findall(text.lower())
    if not words:
        return "en"
    ascii_words = [w for w in words if w.isascii()]
    english = sum(w in _ENGLISH_WORDS or (known is not None and known(w)) for w in ascii_words)
    if len(ascii_words) == len(words) and english / len(words) >= _ENGLISH_SHARE:
        return "en"
    if len(words) <= 2 and len(ascii_words) == len(words) and english:
        return "en"
    language, _ = _identifier().classify(text)
    return str(language)
