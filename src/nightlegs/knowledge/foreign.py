"""Danger-sign lexicons for descriptions written in Russian, German, Spanish, French or Italian.

The intake reads English only. For a text in another language it says so, but it still looks for
the few danger signs in that language, so that "нога распухла, горячая и красная" or "Bein
plötzlich kalt und weiß" escalates. Each language has one file, ``data/foreign/<code>.yaml``,
validated into :class:`ForeignLexicon`; any problem becomes a
:class:`~nightlegs.errors.KnowledgeBaseError` naming the file and the field.

Phrase grammar
--------------
A phrase is one or more words separated by spaces; a word ending in ``*`` is a prefix (for
inflection: "опух*" matches "опухла", "опухоль"). In a text, the words must appear in order, with
at most 3 other words between consecutive ones, in one clause: like the English phrase grammar
(:mod:`nightlegs.knowledge.phrases`), a gap never crosses punctuation or a word for "but", so
"Des bleus sur les jambes, je suis très pâle" does not read as "jambe ... pâle". Words are
compared after :func:`fold`: case-insensitively, with Cyrillic "ё" read as "е" and Latin accents
stripped, so the data may be written with accents ("fièvre", "weiß") and still match "fievre" or
"weiss". A phrase that holds a negation word ("не могу наступить", "kein Puls") states the
negative itself; nearby negation words do not turn it around.

An age phrase ("сын* # лет", "fils de # ans") is matched word by word without gaps; its word
``#`` stands for a whole number of years, which is the age it reads.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from importlib.resources.abc import Traversable
from typing import Annotated

from pydantic import AfterValidator, Field

from nightlegs.errors import KnowledgeBaseError
from nightlegs.knowledge.index import knowledge_index
from nightlegs.knowledge.loader import _data_root, _read_yaml, _validate, _yaml_files
from nightlegs.knowledge.models import Source, _Strict

__all__ = ["ForeignLexicon", "fold", "load_foreign_lexicons"]

#: Letters and digits, with an optional final ``*``.
_WORD = re.compile(r"^[^\W_]+\*?$")
#: Letters whose accent-free form is not their canonical decomposition.
_SPECIAL = {"ё": "е", "œ": "oe", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}


@functools.cache
def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _SPECIAL.items()}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B
        parts = unicodedata.normalize("NFD", chr(code))
        base = "".join(c for c in parts if not unicodedata.combining(c))
        if base != chr(code) and base.isascii() and base.isalpha():
            table.setdefault(code, base)
    # Marks NFC could not compose with their letter.
    table.update(dict.fromkeys(range(0x300, 0x370)))
    return table


def fold(text: str) -> str:
    """Fold ``text`` the way lexicon words and text words are compared.

    Lower case (Unicode case folding), Cyrillic "ё" read as "е", Latin accents stripped; other
    Cyrillic letters (such as "й") are kept.

    Examples
    --------
    >>> fold("Weiß, PÁLIDA, gonflée, Œdème, Отёк, мой")
    'weiss, palida, gonflee, oedeme, отек, мой'
    """
    return unicodedata.normalize("NFC", text.casefold()).translate(_fold_table())


def _well_formed(phrase: str) -> str:
    words = phrase.split(" ")
    for word in words:
        if not _WORD.match(word):
            raise ValueError(
                f"word {word!r} of phrase {phrase!r}: expected letters or digits, separated by "
                "single spaces, with '*' only at the end of a word"
            )
    return phrase


def _age_phrase(phrase: str) -> str:
    words = phrase.split(" ")
    if words.count("#") != 1:
        raise ValueError(f"age phrase {phrase!r}: expected one '#' standing for the number")
    for word in words:
        if word != "#" and not _WORD.match(word):
            raise ValueError(
                f"word {word!r} of age phrase {phrase!r}: expected letters, digits or '#', "
                "separated by single spaces, with '*' only at the end of a word"
            )
    return phrase


def _one_word(phrase: str) -> str:
    if " " in phrase:
        raise ValueError(f"{phrase!r}: expected one word")
    return phrase


def _unique(phrases: tuple[str, ...]) -> tuple[str, ...]:
    repeated = sorted(p for p, n in Counter(fold(p) for p in phrases).items() if n > 1)
    if repeated:
        raise ValueError(f"phrases listed twice (after folding): {repeated}")
    return phrases


Phrase = Annotated[str, AfterValidator(_well_formed)]
Word = Annotated[Phrase, AfterValidator(_one_word)]
Phrases = Annotated[tuple[Phrase, ...], AfterValidator(_unique)]
AgePhrases = Annotated[
    tuple[Annotated[str, AfterValidator(_age_phrase)], ...], AfterValidator(_unique)
]
Words = Annotated[tuple[Word, ...], AfterValidator(_unique)]
FindingId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class ForeignLexicon(_Strict):
    """How people say the danger signs (and a few benign complaints) in one language.

    Attributes
    ----------
    language : str
        ISO 639-1 code; the file is named ``<language>.yaml``.
    reviewed : bool
        Whether a native speaker with clinical training has reviewed the wording.
    negations : tuple of str
        Words that deny what follows within 3 words in the same clause ("kein", "sin").
    pseudo_negations : tuple of str
        Phrases whose negation words deny nothing ("nicht nur", "не знаю"); matched word by word
        without gaps.
    post_negations : tuple of str
        Phrases that deny what comes just before them (at most one word between) when they end
        the clause ("температуры нет.", "Fieber: nein.").
    clause_breaks : tuple of str
        Words that start a new clause, besides punctuation ("aber", "pero").
    pregnancy, child : tuple of str
        Phrases saying that the person is pregnant, or is a child (a parent writing).
    ages : tuple of str
        Phrases giving someone's age in years, matched word by word without gaps; the word
        ``#`` stands for the number ("сын* # лет", "fils de # ans", "# jährig*").
    ago : tuple of str
        Words that, right after an age phrase, make its number a time ago rather than an age
        ("мне 5 лет назад" is "five years ago I").
    findings : dict
        Finding id of the knowledge base -> phrases that say it.
    """

    language: str = Field(pattern=r"^[a-z]{2}$")
    name: str = Field(min_length=2)
    reviewed: bool
    sources: tuple[Source, ...] = Field(min_length=1)
    negations: Words = Field(min_length=1)
    pseudo_negations: Phrases = ()
    post_negations: Phrases = ()
    clause_breaks: Words = ()
    pregnancy: Phrases = Field(min_length=1)
    child: Phrases = Field(min_length=1)
    ages: AgePhrases = ()
    ago: Words = ()
    findings: dict[FindingId, Annotated[Phrases, Field(min_length=1)]] = Field(min_length=1)


def _load_file(entry: Traversable) -> ForeignLexicon:
    """Read and check one lexicon file; errors name ``foreign/<file>`` and the field."""
    where = f"foreign/{entry.name}"
    lexicon = _validate(ForeignLexicon, _read_yaml(entry, where), where)
    if entry.name != f"{lexicon.language}.yaml":
        raise KnowledgeBaseError(
            f"{where}: field 'language': file name must be '{lexicon.language}.yaml'"
        )
    known = knowledge_index().findings
    unknown = [finding_id for finding_id in lexicon.findings if finding_id not in known]
    if unknown:
        raise KnowledgeBaseError(
            f"{where}: field 'findings.{unknown[0]}': no such finding in the knowledge base"
            + (f" (nor {', '.join(unknown[1:])})" if unknown[1:] else "")
        )
    return lexicon


@functools.cache
def load_foreign_lexicons() -> dict[str, ForeignLexicon]:
    """Load, validate and cache the packaged danger-sign lexicons.

    Returns
    -------
    dict of str to ForeignLexicon
        Lexicon by ISO 639-1 language code (cached: later calls return the same object).

    Raises
    ------
    KnowledgeBaseError
        When a file is not valid YAML, breaks the schema, has a malformed phrase or names a
        finding that the knowledge base does not define.

    Examples
    --------
    >>> lexicons = load_foreign_lexicons()
    >>> sorted(lexicons)
    ['de', 'es', 'fr', 'it', 'ru']
    >>> "kein*" in lexicons["de"].negations
    True
    """
    lexicons = [_load_file(entry) for entry in _yaml_files(_data_root() / "foreign")]
    return {lexicon.language: lexicon for lexicon in lexicons}
