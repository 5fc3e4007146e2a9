"""Danger-sign lexicons for descriptions written in other languages than English.

The intake reads English only. For a text in another language it says so, but it still looks for
the few danger signs in that language, so that "нога распухла, горячая и красная" or "Bein
plötzlich kalt und weiß" escalates. Each language has one file, ``data/foreign/<code>.yaml``,
validated into :class:`ForeignLexicon`; any problem becomes a
:class:`~nightlegs.errors.KnowledgeBaseError` naming the file and the field.

Phrase grammar
--------------
A phrase is one or more words separated by spaces; a word ending in ``*`` is a prefix (for
inflection: "опух*" matches "опухла", "опухоль"). In a text, the words must appear in order, with
at most 3 other words between consecutive ones (``~N`` between two words of a finding, pregnancy
or child phrase allows up to N: "tossi* ~8 sangue*" reads "ho tossito e c'era un po' di sangue"),
in one clause: like the English phrase grammar
(:mod:`nightlegs.knowledge.phrases`), a gap never crosses punctuation or a word for "but", so
"Des bleus sur les jambes, je suis très pâle" does not read as "jambe ... pâle". Words are
compared after :func:`fold`: case-insensitively, with Cyrillic "ё" read as "е" and Latin and
Greek accents stripped, so the data may be written with accents ("fièvre", "weiß", "πρησμένος")
and still match "fievre", "weiss" or "πρησμενος". A phrase that holds a negation word ("не могу
наступить", "kein Puls") states the negative itself; nearby negation words do not turn it around.

An age phrase ("сын* # лет", "fils de # ans") is matched word by word without gaps; its word
``#`` stands for a whole number of years, which is the age it reads.

People also type Russian in Latin letters ("noga holodnaya", "nogi boljat"), each in their own
spelling. A lexicon with ``latin_markers`` can read such text: its words and the written words are
both compared as a :func:`latin_skeleton`, which writes Cyrillic in Latin letters and merges the
usual spellings of one sound ("kh"/"h"/"x", "ya"/"ja"/"ia", "ts"/"c", a soft sign or none).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from importlib.resources.abc import Traversable
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from nightlegs.errors import KnowledgeBaseError
from nightlegs.knowledge import loader
from nightlegs.knowledge._base import Source, _Strict
from nightlegs.knowledge._caches import knowledge_cache
from nightlegs.knowledge.index import knowledge_index
from nightlegs.knowledge.loader import _read_yaml, _validate, _yaml_files

__all__ = ["ForeignLexicon", "fold", "latin_skeleton", "load_foreign_lexicons"]

#: Vowel signs and other marks that belong to a word of a Brahmic or Arabic script (Python's
#: ``\w`` does not count them as letters).
MARKS = "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u064b-\u065f\u0670"
#: Letters and digits (with their marks), with an optional final ``*``.
_WORD = re.compile(rf"^[^\W_](?:[^\W_]|[{MARKS}])*\*?$")
#: Letters whose accent-free form is not their canonical decomposition.
_SPECIAL = {"ё": "е", "œ": "oe", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
#: Arabic letters people write interchangeably (hamza seats, alif maqsura, ta marbuta), the
#: tatweel and the short-vowel marks, which most people leave out; the Devanagari nukta.
_SCRIPT_FOLDS: dict[int, str | None] = {
    **{ord(c): "ا" for c in "أإآٱ"},
    **{ord("ى"): "ي", ord("ئ"): "ي", ord("ؤ"): "و", ord("ة"): "ه", ord("ـ"): None},
    **dict.fromkeys(range(0x64B, 0x660)),
    ord("\u0670"): None,
    ord("\u093c"): None,
}


@functools.cache
def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _SPECIAL.items()}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B
        parts = unicodedata.normalize("NFD", chr(code))
        base = "".join(c for c in parts if not unicodedata.combining(c))
        if base != chr(code) and base.isascii() and base.isalpha():
            table.setdefault(code, base)
    # Greek letters with the tonos, dialytika or polytonic marks: the bare letter.
    for code in (*range(0x386, 0x3D0), *range(0x1F00, 0x2000)):
        parts = unicodedata.normalize("NFD", chr(code))
        base = "".join(c for c in parts if not unicodedata.combining(c))
        if base != chr(code) and len(base) == 1 and "\u0391" <= base <= "\u03c9":
            table.setdefault(code, base.lower())
    # Marks NFC could not compose with their letter.
    table.update(dict.fromkeys(range(0x300, 0x370)))
    table.update(_SCRIPT_FOLDS)
    return table


def fold(text: str) -> str:
    """Fold ``text`` the way lexicon words and text words are compared.

    Lower case (Unicode case folding, which reads Greek final "ς" as "σ"), Cyrillic "ё" read as
    "е", Latin and Greek accents stripped; other Cyrillic letters (such as "й") are kept.

    Examples
    --------
    >>> fold("Weiß, PÁLIDA, gonflée, Œdème, Отёк, мой")
    'weiss, palida, gonflee, oedeme, отек, мой'
    """
    return unicodedata.normalize("NFC", text.casefold()).translate(_fold_table())


#: Cyrillic letters (Russian and Ukrainian) in the most common Latin spelling; the soft and hard
#: signs are dropped, as most people typing in Latin letters drop them.
_CYRILLIC_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхцыэ", "abvgdeziyklmnoprstufhcye", strict=True)),
        **{"ж": "zh", "ч": "ch", "ш": "sh", "щ": "sh", "ю": "yu", "я": "ya", "ь": "", "ъ": ""},
        **{"і": "i", "ї": "yi", "є": "ye", "ґ": "g"},
    }
)
#: Scholarly transliteration (ISO 9 / Czech-style hačeks) before accents are stripped.
_HACEK = str.maketrans({"š": "sh", "ž": "zh", "č": "ch", "ŝ": "sh"})
#: Spellings of one Russian sound, merged in this order (each replaces what the ones before left).
_LATIN_MERGES = (
    (re.compile(r"['’`ʼʹ]"), ""),  # soft sign written as an apostrophe
    (re.compile(r"s?shch|sch"), "sh"),  # щ
    (re.compile(r"kh|x"), "h"),  # х
    (re.compile(r"t[szc]"), "c"),  # ц
    (re.compile(r"j"), "y"),  # й and the j of ja, ju, jo, je
    (re.compile(r"(?<=[aeiou])y|y(?=[aeiou])"), "i"),  # й, and iotated я ю ё е: ya = ia
    (re.compile(r"i+"), "i"),  # ия = iya = ia
    (re.compile(r"i[eo]"), "e"),  # е and ё after a vowel or a soft sign: ye = e, yo = e
    (re.compile(r"y+"), "y"),  # ый = yj = y
    (re.compile(r"([bcdfghklmnprstvz])\1"), r"\1"),  # doubled consonants
)


#: Spellings of one Hindi sound in Hindi typed in Latin letters ("Hinglish"): long vowels
#: written doubled or not ("dard", "bukhaar"), "w" or "v", "z" or "j" ("zyada", "jyada"),
#: "ph" or "f", "q" or "k", a final "y" for "i" ("thandy"), doubled consonants.
_HINDI_MERGES = (
    (re.compile(r"['’`ʼ]"), ""),
    (re.compile(r"aa+"), "a"),
    (re.compile(r"ee+|ii+"), "i"),
    (re.compile(r"oo+|uu+"), "u"),
    (re.compile(r"w"), "v"),
    (re.compile(r"z"), "j"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(?<=[^aeiou])y$"), "i"),
    (re.compile(r"([bcdfghjklmnprstvx])\1"), r"\1"),
)
#: Arabic typed in Latin letters ("Arabizi"): the digits that stand for letters Latin lacks
#: (only inside a word: "3am", "7arara"; a number stays a number), and the spellings of one
#: sound merged: "kh"/"5"/"7'", "gh"/"3'", "sh"/"ch", "ou"/"oo"/"u"/"o", "ee"/"i"/"e", doubled
#: letters, a hamza before a letter ("2", an apostrophe) dropped. A final "2" stays: "la2" (no)
#: is not "la" (to).
_ARABIC_MERGES = (
    (re.compile(r"7'|5|x|kh"), "x"),
    (re.compile(r"3'|gh"), "g"),
    (re.compile(r"2(?=[a-z])|['’`ʼ]"), ""),
    (re.compile(r"7"), "h"),
    (re.compile(r"9"), "s"),
    (re.compile(r"6"), "t"),
    (re.compile(r"8"), "q"),
    (re.compile(r"ch"), "sh"),
    (re.compile(r"ou|o"), "u"),
    (re.compile(r"ei|ey|ai(?=[^aeiou]|$)"), "e"),
    (re.compile(r"e"), "i"),
    (re.compile(r"(?<=[^aeiu])y$"), "i"),
    (re.compile(r"([a-z3])\1+"), r"\1"),
)
#: Greek (folded: no accents, final sigma as sigma) in the Latin letters Greeks type it in
#: ("Greeklish"), two-letter vowels and consonants first; the merges below then fold it the way
#: they fold what people type.
_GREEK_PAIRS = re.compile("ου|αι|ει|οι|υι|αυ|ευ|ηυ|μπ|ντ|γκ|γγ")
_GREEK_LATIN = {
    **dict(
        zip(
            ["ου", "αι", "ει", "οι", "υι", "αυ", "ευ", "ηυ", "μπ", "ντ", "γκ", "γγ"],
            ["ou", "ai", "ei", "oi", "yi", "au", "eu", "iu", "mp", "nt", "gk", "gg"],
            strict=True,
        )
    ),
    **dict(zip("αβγδεζηικλμνοπρστυφω", "avgdeziiklmnoprstyfo", strict=True)),
    **{"θ": "th", "ξ": "ks", "χ": "ch", "ψ": "ps"},
}
_GREEK_LETTER = re.compile("[α-ω]")
#: Spellings of one Greek sound in Greeklish, merged in this order: "8" or "th" for θ; "x",
#: "h", "ch" or "kh" for χ and "x" or "ks" for ξ (one letter here: people use "x" for both);
#: "h" between consonants or at the end of a word is the look of η ("prhsmeno"); "i", "h",
#: "y", "ei", "oi" for the sound i; "e" or "ai"; "o" or "w"; "ou" or "u"; "mp" or "b"; "nt" or
#: "d"; "gk", "gg" or "g"; "au"/"af"/"av" and "eu"/"ef"/"ev"; doubled letters.
_GREEK_MERGES = (
    (re.compile(r"['’`ʼ]"), ""),
    (re.compile(r"8"), "th"),
    (re.compile(r"w"), "o"),
    (re.compile(r"(?<=[bdfglmnrvz])h(?=[^aeiouy]|$)|^h$"), "i"),
    (re.compile(r"th"), "q"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ch|kh|ks|h"), "x"),
    (re.compile(r"ou"), "U"),
    (re.compile(r"a[uyf]"), "av"),
    (re.compile(r"e[uyf]"), "ev"),
    (re.compile(r"ai"), "e"),
    (re.compile(r"[eo]i"), "i"),
    (re.compile(r"mp"), "b"),
    (re.compile(r"nt"), "d"),
    (re.compile(r"g[kg]"), "g"),
    (re.compile(r"[yu]"), "i"),
    (re.compile(r"U"), "u"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)
_SPELLING_MERGES = {"hindi": _HINDI_MERGES, "arabic": _ARABIC_MERGES, "greek": _GREEK_MERGES}
#: The spellings of words typed in Latin letters that :func:`latin_skeleton` knows.
LATIN_SPELLINGS = ("russian", "hindi", "arabic", "greek")


def latin_skeleton(word: str, spelling: str = "russian") -> str:
    """Fold ``word`` (Cyrillic, or a language typed in Latin letters) to a Latin skeleton.

    The skeleton merges the spellings people use for one sound, so that a lexicon word is
    compared with the same word typed in any of them. ``spelling`` names the language's habits:
    ``"russian"`` (Cyrillic written in Latin letters), ``"hindi"`` (Hinglish), ``"arabic"``
    (Arabizi, with digits for letters) or ``"greek"`` (Greeklish: Greek script is written in
    Latin letters first).

    Examples
    --------
    >>> [latin_skeleton(w) for w in ("холодная", "holodnaya", "kholodnaja", "xolodnaia")]
    ['holodnaia', 'holodnaia', 'holodnaia', 'holodnaia']
    >>> [latin_skeleton(w) for w in ("отёк", "otyok", "otek", "пальцы", "pal'cy", "paltsy")]
    ['otek', 'otek', 'otek', 'palcy', 'palcy', 'palcy']
    >>> [latin_skeleton(w, "hindi") for w in ("bukhaar", "bukhar", "zyada", "jyaada")]
    ['bukhar', 'bukhar', 'jyada', 'jyada']
    >>> [latin_skeleton(w, "arabic") for w in ("7arara", "harara", "5afif", "khafeef", "38")]
    ['harara', 'harara', 'xafif', 'xafif', '38']
    >>> [latin_skeleton(w, "greek") for w in ("πρησμένο", "prismeno", "prhsmeno", "πρησμενο")]
    ['prismeno', 'prismeno', 'prismeno', 'prismeno']
    >>> [latin_skeleton(w, "greek") for w in ("έχει", "exei", "ehi", "θερμοκρασία", "8ermokrasia")]
    ['exi', 'exi', 'exi', 'qermokrasia', 'qermokrasia']
    """
    if spelling in _SPELLING_MERGES:
        word = fold(word)
        if word.isdigit():
            return word  # a number: "5" is five, not a letter
        if spelling == "greek":
            word = _GREEK_PAIRS.sub(lambda m: _GREEK_LATIN[m.group()], word)
            word = _GREEK_LETTER.sub(lambda m: _GREEK_LATIN.get(m.group(), m.group()), word)
        for pattern, replacement in _SPELLING_MERGES[spelling]:
            word = pattern.sub(replacement, word)
        return word
    word = fold(word.casefold().translate(_HACEK)).translate(_CYRILLIC_LATIN)
    for pattern, replacement in _LATIN_MERGES:
        word = pattern.sub(replacement, word)
    return word


def _well_formed(phrase: str) -> str:
    words = phrase.split(" ")
    for word in words:
        if not _WORD.match(word):
            raise ValueError(
                f"word {word!r} of phrase {phrase!r}: expected letters or digits, separated by "
                "single spaces, with '*' only at the end of a word"
            )
    return phrase


_GAP = re.compile(r"^~(?:[1-9]|1[0-2])$")


_WORD_BODY = rf"[^\W_](?:[^\W_]|[{MARKS}])*\*?"
#: A whole well-formed gapped phrase, checked in one match: the lexicons hold tens of thousands
#: of phrases, and word-by-word checks made loading them the slow part of a foreign text's start.
_GAPPED_PHRASE = re.compile(rf"{_WORD_BODY}(?: (?:~(?:[1-9]|1[0-2]) )?{_WORD_BODY})*")


def _gapped(phrase: str) -> str:
    """A finding phrase: words, and between two of them optionally ``~N``, a wider gap.

    >>> _gapped("gamba ~3 gonfia*")
    'gamba ~3 gonfia*'
    >>> _gapped("gamba ~3")
    Traceback (most recent call last):
    ValueError: phrase 'gamba ~3': a gap '~N' must stand between two words
    """
    if _GAPPED_PHRASE.fullmatch(phrase):
        return phrase
    words = phrase.split(" ")
    if _GAP.match(words[0]) or _GAP.match(words[-1]):
        raise ValueError(f"phrase {phrase!r}: a gap '~N' must stand between two words")
    for before, word in zip(["", *words], words, strict=False):
        if _GAP.match(word):
            if _GAP.match(before):
                raise ValueError(f"phrase {phrase!r}: two gaps in a row")
            continue
        if not _WORD.match(word):
            raise ValueError(
                f"word {word!r} of phrase {phrase!r}: expected letters or digits, separated by "
                "single spaces, with '*' only at the end of a word, or a gap '~N' (N from 1 to "
                "12) between two words"
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


def _plain_word(word: str) -> str:
    if not _WORD.match(word) or word.endswith("*"):
        raise ValueError(f"{word!r}: expected one word of letters or digits, without '*'")
    return word


def _unique(phrases: tuple[str, ...]) -> tuple[str, ...]:
    # One fold of all the phrases at once (folding never touches the line breaks).
    folded = fold("\n".join(phrases)).split("\n") if phrases else []
    repeated = sorted(p for p, n in Counter(folded).items() if n > 1)
    if repeated:
        raise ValueError(f"phrases listed twice (after folding): {repeated}")
    return phrases


Phrase = Annotated[str, AfterValidator(_well_formed)]
Word = Annotated[Phrase, AfterValidator(_one_word)]
Phrases = Annotated[tuple[Phrase, ...], AfterValidator(_unique)]
GappedPhrases = Annotated[
    tuple[Annotated[str, AfterValidator(_gapped)], ...], AfterValidator(_unique)
]
AgePhrases = Annotated[
    tuple[Annotated[str, AfterValidator(_age_phrase)], ...], AfterValidator(_unique)
]
Words = Annotated[tuple[Word, ...], AfterValidator(_unique)]
FindingId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
PlainWord = Annotated[str, AfterValidator(_plain_word)]
Digraph = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
Letter = Annotated[str, Field(pattern=r"^[a-z]$")]


class ForeignLexicon(_Strict):
    """How people say the danger signs (and a few benign complaints) in one language.

    Attributes
    ----------
    language : str
        ISO 639-1 code; the file is named ``<language>.yaml``.
    also_reads : tuple of str
        Codes of close languages that have no lexicon of their own and are read with this one
        (Russian for Ukrainian: people mix the two, and the lexicon lists Ukrainian spellings
        among its variants), rather than not at all.
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
    digraphs : dict
        Letters typed for a letter the keyboard lacks, as folded text: German "ae" -> "a" (for
        "ä", which folds to "a"). Lexicon and text words are both read with them replaced, so
        "ploetzlich", "plötzlich" and "plotzlich" are one word.
    variants : dict
        Regional, dialect or colloquial spelling of a word -> the word the phrases use (Swiss
        "nöd" -> "nicht", Austrian "Haxn" -> "Bein", Ukrainian "болить" -> "болит"): a written
        word is read as its standard word before it is matched, so phrases need not repeat it.
    latin_markers : tuple of str
        Common words of the language that other languages written in Latin letters lack ("что",
        "очень"; "nahi", "bahut"); several of them in a Latin-letter text mark it as this
        language typed in Latin letters, which is then read through :func:`latin_skeleton`.
        Empty for languages written in Latin letters.
    latin_spelling : str
        The habits of people typing the language in Latin letters that :func:`latin_skeleton`
        merges: ``"russian"`` (the default; the phrases are in Cyrillic), ``"hindi"`` or
        ``"arabic"`` (the phrases are mostly written in Latin letters as people type them, and
        may add phrases in the language's own script), ``"greek"`` (the phrases are in Greek
        script). Any but ``"russian"`` is told by its marker words alone.
    findings : dict
        Finding id of the knowledge base -> phrases that say it.
    """

    language: str = Field(pattern=r"^[a-z]{2}$")
    also_reads: tuple[Annotated[str, Field(pattern=r"^[a-z]{2}$")], ...] = ()
    name: str = Field(min_length=2)
    reviewed: bool
    sources: tuple[Source, ...] = Field(min_length=1)
    negations: Words = Field(min_length=1)
    pseudo_negations: Phrases = ()
    post_negations: Phrases = ()
    clause_breaks: Words = ()
    pregnancy: GappedPhrases = Field(min_length=1)
    child: GappedPhrases = Field(min_length=1)
    ages: AgePhrases = ()
    ago: Words = ()
    digraphs: dict[Digraph, Letter] = Field(default_factory=dict)
    variants: dict[PlainWord, PlainWord] = Field(default_factory=dict)
    latin_markers: Words = ()
    latin_spelling: Literal["russian", "hindi", "arabic", "greek"] = "russian"
    findings: dict[FindingId, Annotated[GappedPhrases, Field(min_length=1)]] = Field(min_length=1)


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


@knowledge_cache
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
    ['ar', 'cs', 'de', 'el', 'es', 'fr', 'hi', 'it', 'nl', 'pl', 'pt', 'ro', 'ru', 'sv', 'tr']
    >>> "kein*" in lexicons["de"].negations
    True
    """
    # Looked up on the loader module at each call, so that a test's copy of the data is seen.
    lexicons = [_load_file(entry) for entry in _yaml_files(loader._data_root() / "foreign")]
    return {lexicon.language: lexicon for lexicon in lexicons}
