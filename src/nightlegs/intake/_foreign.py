"""Find danger signs in a description written in a language the intake cannot read.

The phrases come from :func:`nightlegs.knowledge.foreign.load_foreign_lexicons` and follow its
grammar (words in order, at most 3 words between consecutive ones or N after a ``~N``, in one
clause; ``*`` marks a prefix). They are compiled once per language: each written word is
analysed once (folded, and looked up in an index of phrases by first word), so a word of the
text only tries the few phrases that can start there.

Negation is NegEx-like (Chapman et al., J Biomed Inform 2001): a negation word within the 3 words
before a phrase word, or between two of its words, in the same clause, denies it; a
post-negation ("температуры нет.") denies the phrase just before it when it ends the clause.
Clauses end at ``. , ; ! ? ( )``, dashes, line breaks and the language's words for "but". A
phrase that contains a negation word itself ("не могу наступить", "kein Puls") says the negative
already, so nearby negation words do not turn it around. A finding both affirmed and denied
counts as present: a danger sign said anywhere counts. A post-negation inside a
pseudo-negation ("rouge ou pas", "температура или нет") denies nothing.

Russian typed in Latin letters ("noga vdrug holodnaya") is read with the same lexicon: when a
text is mostly in Latin letters and the lexicon has ``latin_markers``, lexicon words and written
words are both compared as :func:`~nightlegs.knowledge.foreign.latin_skeleton`, and an apostrophe
inside a word (a soft sign, "pal'cy") belongs to the word. :func:`transliterated_language` tells
such a text from the Latin-letter languages by those common words.

Words are compared with the lexicon's ``digraphs`` replaced ("ae" typed for "ä").
A written word that the lexicon lists among its ``variants`` (a dialect or regional spelling:
Swiss "nöd", Austrian "Haxn") is read as the standard word it stands for ("nicht", "Bein").

Ages come from the lexicon's age phrases ("сыну 5 лет", "mi hija de 8 años"), matched without
gaps; a number followed by a word for "ago" ("мне 5 лет назад") is not an age. When a child is
mentioned, only an age said with the child word counts (a parent may give their own age too),
and a child word whose age is 18 or more (an adult son or daughter) does not make the person a
child.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from nightlegs.intake._finding import ExtractedFinding
from nightlegs.knowledge import knowledge_cache
from nightlegs.knowledge.foreign import (
    MARKS,
    ForeignLexicon,
    fold,
    latin_skeleton,
    load_foreign_lexicons,
)

__all__ = ["ForeignReading", "find_foreign_findings", "transliterated_language"]

_MAX_GAP = 3
_NEGATION_WINDOW = 4
_POST_NEGATION_GAP = 1
_PREFIX_KEY = 3
_NUMBER = "#"  # the word of an age phrase that stands for the number
_MAX_AGE = 120
_ADULT_AGE = 18
_TOKEN = re.compile(
    rf"(?P<word>[^\W_](?:[^\W_]|[\u0300-\u036f{MARKS}])*)"  # letters, digits, accents, marks
    r"|[.!?;,()\n\u2026\u2013\u2014\u060c\u061b\u061f\u0964]|\s-\s"  # ends a clause
)
#: In Latin-letter text, an apostrophe inside a word is a soft sign ("pal'cy") or a hamza.
_LATIN_TOKEN = re.compile(
    r"(?P<word>[^\W_](?:[^\W_]|[\u0300-\u036f]|['’`ʼ](?=[^\W_]))*)"
    r"|[.!?;,()\n\u2026\u2013\u2014]|\s-\s"
)
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
#: Distinct common words that mark a Latin-letter text as a transliterated language, or (with
#: at least one of them) distinct words of its danger-sign phrases.
_MIN_MARKERS = 3
_MIN_WORDS = 4
_MIN_VOCABULARY_STEM = 3
_MOSTLY = 0.6
_T = TypeVar("_T")
_Kind = Literal["finding", "pregnancy", "child"]
#: The finding of a recent birth, whose baby is not the person described; the baby may be
#: named up to this many words after the birth's words ("родила сына").
_BIRTH_FINDING = "recent_childbirth"
_BABY_AFTER_BIRTH = 2


@dataclass(frozen=True)
class ForeignReading:
    """What the danger-sign lexicon recognised in a foreign-language text.

    ``age`` is in years, from an age phrase (the child's, when a child is mentioned).
    """

    findings: tuple[ExtractedFinding, ...] = ()
    pregnant: bool = False
    child: bool = False
    age: int | None = None


@dataclass(frozen=True)
class _Word:
    stem: str
    prefix: bool
    gap: int = _MAX_GAP  # most words allowed between this word and the one before it

    def matches(self, word: str) -> bool:
        if self.stem == _NUMBER:
            return _is_number(word)
        return word.startswith(self.stem) if self.prefix else word == self.stem


def _is_number(word: str) -> bool:
    return word.isascii() and word.isdigit()


@dataclass(frozen=True)
class _Phrase:
    kind: _Kind
    finding_id: str
    words: tuple[_Word, ...]
    negative: bool  # contains a negation word: it says the negative itself


@dataclass(frozen=True)
class _Lexeme:
    """What the lexicon says about one folded word."""

    word: str
    negation: bool
    clause_break: bool
    phrases: tuple[_Phrase, ...]  # phrases that can start with this word
    pseudo: tuple[tuple[_Word, ...], ...]
    post: tuple[tuple[_Word, ...], ...]
    ages: tuple[tuple[_Word, ...], ...]  # age phrases that can start with this word
    ago: bool


@dataclass(frozen=True)
class _Token:
    word: str  # folded
    lexeme: _Lexeme
    start: int
    end: int
    clause: int


class _FirstWordIndex(Generic[_T]):
    """Items keyed by the first word of their phrase (an exact word or a prefix)."""

    def __init__(self) -> None:
        self._exact: dict[str, list[_T]] = defaultdict(list)
        self._prefix: dict[str, list[tuple[str, _T]]] = defaultdict(list)

    def add(self, first: _Word, item: _T) -> None:
        if first.prefix:
            self._prefix[first.stem[:_PREFIX_KEY]].append((first.stem, item))
        else:
            self._exact[first.stem].append(item)

    def lookup(self, word: str) -> Iterator[_T]:
        """The items whose first word matches ``word``."""
        yield from self._exact.get(word, ())
        if _is_number(word):
            yield from self._exact.get(_NUMBER, ())
        for size in range(1, _PREFIX_KEY + 1):
            for stem, item in self._prefix.get(word[:size], ()):
                if word.startswith(stem):
                    yield item

    def __contains__(self, word: str) -> bool:
        return next(self.lookup(word), None) is not None


def _compile_words(phrase: str, read: Callable[..., str]) -> tuple[_Word, ...]:
    """The words of a phrase; a whole word is read like a written one, a prefix only folded.

    A ``~N`` between two words widens the gap allowed before the second to N words.
    """
    words: list[_Word] = []
    gap = _MAX_GAP
    for written in phrase.split(" "):
        if written.startswith("~"):
            gap = int(written[1:])
            continue
        prefix = written.endswith("*")
        words.append(_Word(read(written.rstrip("*"), prefix=prefix), prefix, gap))
        gap = _MAX_GAP
    return tuple(words)


#: The Arabic article, with the conjunction or preposition written onto it ("والساق", "بالليل").
_ARABIC_ARTICLE = re.compile(r"^(?:[وفبك]?ال|لل)(?=...)")


def _without_article(word: str) -> str:
    """An Arabic-script word folded, without its article ("التنفس" -> "تنفس")."""
    return _ARABIC_ARTICLE.sub("", fold(word))


class _Matcher:
    """The compiled lexicon of one language (``latin``: for its words typed in Latin letters)."""

    def __init__(self, lexicon: ForeignLexicon, latin: bool = False) -> None:
        spelling = lexicon.latin_spelling
        self.norm: Callable[[str], str] = (
            functools.partial(latin_skeleton, spelling=spelling) if latin else fold
        )
        #: The lexicon is written in Latin letters itself (Hinglish, Arabizi).
        self.romanised = spelling != "russian"
        #: Its Latin-letter writers use digits for letters ("3am", "7arara").
        self.digit_letters = spelling == "arabic"
        if lexicon.digraphs and not latin:
            digraphs = dict(lexicon.digraphs)
            pattern = re.compile("|".join(sorted(digraphs, key=len, reverse=True)))
            self.norm = lambda word: pattern.sub(lambda m: digraphs[m.group()], fold(word))
        if spelling == "arabic" and not latin:
            self.norm = _without_article
        self._token = _LATIN_TOKEN if latin else _TOKEN
        self._variants = {self.norm(k): self.norm(v) for k, v in lexicon.variants.items()}
        self.markers = frozenset(self.norm(w) for w in lexicon.latin_markers)
        self._negations = self._sequences(lexicon.negations)
        self._breaks = self._sequences(lexicon.clause_breaks)
        self._pseudo = self._sequences(lexicon.pseudo_negations)
        self._post = self._sequences(lexicon.post_negations)
        self._ages = self._sequences(lexicon.ages)
        self._ago = {self._read(w) for w in lexicon.ago}
        self._lexicon = lexicon
        # Words repeat from text to text: analyse each written form once.
        self.lexeme = functools.lru_cache(maxsize=16384)(self._lexeme)

    @functools.cached_property
    def _index(self) -> tuple[_FirstWordIndex[_Phrase], _FirstWordIndex[bool]]:
        """The phrases by first word, and the words of the phrases (of 3 letters or more).

        Built on first need: telling a language by its common words needs neither, and a large
        lexicon takes a noticeable part of a second to compile.
        """
        phrases = _FirstWordIndex[_Phrase]()
        vocabulary = _FirstWordIndex[bool]()
        lexicon = self._lexicon
        sources: list[tuple[_Kind, str, Iterable[str]]] = [
            ("pregnancy", "", lexicon.pregnancy),
            ("child", "", lexicon.child),
        ]
        sources += [("finding", fid, phrases) for fid, phrases in lexicon.findings.items()]
        for kind, finding_id, written in sources:
            for phrase in written:
                words = _compile_words(phrase, self._read)
                for word in words:
                    if len(word.stem) >= _MIN_VOCABULARY_STEM:
                        vocabulary.add(word, True)
                negative = any(w.stem in self._negations for w in words)
                phrases.add(words[0], _Phrase(kind, finding_id, words, negative))
        return phrases, vocabulary

    @property
    def vocabulary(self) -> _FirstWordIndex[bool]:
        """Words of the finding phrases (of 3 letters or more), to tell the language's text."""
        return self._index[1]

    def written_words(self, text: str) -> set[str]:
        """The words of ``text`` as written (lower case), without reading them."""
        return {
            match.group().casefold()
            for match in self._token.finditer(text)
            if match.lastgroup == "word"
        }

    def _sequences(self, phrases: Iterable[str]) -> _FirstWordIndex[tuple[_Word, ...]]:
        index = _FirstWordIndex[tuple[_Word, ...]]()
        for phrase in phrases:
            words = _compile_words(phrase, self._read)
            index.add(words[0], words)
        return index

    def _read(self, written: str, prefix: bool = False) -> str:
        """A word as compared: folded, and a whole word read as the standard word it varies."""
        word = self.norm(written)
        return word if prefix else self._variants.get(word, word)

    def _lexeme(self, written: str) -> _Lexeme:
        word = self._read(written)
        return _Lexeme(
            word,
            negation=word in self._negations,
            clause_break=word in self._breaks,
            phrases=tuple(self._index[0].lookup(word)),
            pseudo=tuple(self._pseudo.lookup(word)),
            post=tuple(self._post.lookup(word)),
            ages=tuple(self._ages.lookup(word)),
            ago=word in self._ago,
        )

    def tokens(self, text: str) -> list[_Token]:
        """The words of ``text``, each with the number of its clause."""
        tokens: list[_Token] = []
        clause = 0
        for match in self._token.finditer(text):
            if match.lastgroup != "word":
                clause += 1
                continue
            lexeme = self.lexeme(match.group())
            clause += lexeme.clause_break
            tokens.append(_Token(lexeme.word, lexeme, match.start(), match.end(), clause))
        return tokens


def _pseudo_negated(tokens: list[_Token]) -> list[bool]:
    """Whether each token is part of a pseudo-negation ("nicht nur", "ou pas")."""
    inside = [False] * len(tokens)
    for start, token in enumerate(tokens):
        for words in token.lexeme.pseudo:
            end = _contiguous(words, tokens, start)
            if end is not None:
                inside[start : end + 1] = [True] * (end + 1 - start)
    return inside


def _post_negated(tokens: list[_Token], last: int, pseudo: list[bool]) -> bool:
    """Whether a post-negation that ends the clause closely follows token ``last``."""
    for start in range(last + 1, min(last + 2 + _POST_NEGATION_GAP, len(tokens))):
        if tokens[start].clause != tokens[last].clause:
            return False
        if pseudo[start]:
            continue
        for words in tokens[start].lexeme.post:
            end = _contiguous(words, tokens, start)
            if end is not None and (
                end + 1 == len(tokens) or tokens[end + 1].clause != tokens[end].clause
            ):
                return True
    return False


def _contiguous(words: tuple[_Word, ...], tokens: list[_Token], start: int) -> int | None:
    """Index of the last token when ``words`` match the tokens from ``start`` without gaps."""
    end = start + len(words) - 1
    if end >= len(tokens) or tokens[end].clause != tokens[start].clause:
        return None
    if all(w.matches(tokens[start + i].word) for i, w in enumerate(words)):
        return end
    return None


def _positions(words: tuple[_Word, ...], tokens: list[_Token], start: int) -> list[int] | None:
    """Token positions of ``words`` from ``start`` (which matches the first word), or ``None``.

    Consecutive words may have up to ``_MAX_GAP`` words between them (or the later word's ``gap``),
    never a clause boundary.
    """
    if len(words) == 1:
        return [start]
    clause = tokens[start].clause
    second = words[1]
    for nxt in range(start + 1, min(start + second.gap + 2, len(tokens))):
        token = tokens[nxt]
        if token.clause != clause:
            break
        word = token.word
        if word.startswith(second.stem) if second.prefix else word == second.stem:
            rest = _positions(words[1:], tokens, nxt)
            if rest is not None:
                return [start, *rest]
    return None


def _ages(tokens: list[_Token]) -> list[tuple[range, int]]:
    """The ages that age phrases give, each with the span of tokens it was read from."""
    ages: list[tuple[range, int]] = []
    for start, token in enumerate(tokens):
        for words in token.lexeme.ages:
            end = _contiguous(words, tokens, start)
            if end is None:
                continue
            after = end + 1
            if after < len(tokens) and tokens[after].lexeme.ago:
                continue  # "мне 5 лет назад": five years ago
            number = start + next(i for i, w in enumerate(words) if w.stem == _NUMBER)
            value = int(tokens[number].word)
            if value <= _MAX_AGE:
                ages.append((range(start, end + 1), value))
    return ages


def _child_age(
    ages: list[tuple[range, int]], children: list[list[int]], tokens: list[_Token]
) -> int | None:
    """The first age said with a child word: holding it or right next to it in its clause.

    "сыну 5 лет", "5-летний сын"; not the parent's "мне 40 лет" before ", сыну ...".
    """
    for span, value in ages:
        clause = tokens[span.start].clause
        for positions in children:
            if any(
                span.start - 1 <= p <= span.stop and tokens[p].clause == clause for p in positions
            ):
                return value
    return None


def _denied(positions: list[int], tokens: list[_Token], flags: list[bool]) -> bool:
    own = set(positions)
    for p in positions:
        for q in range(max(0, p - _NEGATION_WINDOW), p):
            if flags[q] and q not in own and tokens[q].clause == tokens[p].clause:
                return True
    return False


@knowledge_cache
def _matcher(language: str, latin: bool = False) -> _Matcher | None:
    lexicons = load_foreign_lexicons()
    lexicon = lexicons.get(language) or next(
        (lex for lex in lexicons.values() if language in lex.also_reads), None
    )
    if lexicon is None:
        return None
    if lexicon.language != language:
        return _matcher(lexicon.language, latin)
    if latin and not lexicon.latin_markers:
        return _matcher(language)  # a language written in Latin letters anyway
    return _Matcher(lexicon, latin=latin)


def _in_latin_letters(text: str) -> bool:
    return len(_LATIN_LETTER.findall(text)) > len(_CYRILLIC_LETTER.findall(text))


#: A word of Arabic typed in Latin letters that uses a digit for a letter ("3am", "2adir", "faj2a"):
#: a digit of those used so, followed by a letter.
_ARABIZI_DIGIT = re.compile(r"[235679](?=[a-z])")
#: Numbers with a unit or an ordinal ("2nd", "5mg", "3pm") and English text-speak ("2day").
_NUMBER_WITH_UNIT = re.compile(
    r"^\d+(?:st|nd|rd|th|am|pm|x|mg|mcg|ml|kg|g|cm|mm|km|h|hr|hrs|min|mins|s|sec|yo|y|yr|yrs|k|m|"
    r"d|w|wk|wks|days?|weeks?|months?|years?|lbs?|c|f)$|^2(?:day|nite|night|moro|morrow|mrw|gether|go)$"
)


def _arabizi_word(word: str) -> bool:
    """Whether ``word`` (lower case) writes an Arabic letter with a digit ("7arara", "ma3i")."""
    return bool(_ARABIZI_DIGIT.search(word)) and not _NUMBER_WITH_UNIT.match(word)


#: Letters of Latin-script languages (Czech, Polish, German, Nordic, Romance, Turkish...) that no
#: common way of typing Cyrillic in Latin letters uses: a text with them is not transliterated
#: Russian, even when its words look like it ("včera" is Czech as well as Russian "vchera").
_NOT_CYRILLIC_TYPED = re.compile("[ěůřąęłńśźżőűñßäöüåøæçãõğşıţțșŭ]")


def transliterated_language(text: str, romanised_only: bool = False) -> str | None:
    """The language whose common words a Latin-letter text is written in, if transliterated.

    A language detector trained on Cyrillic takes Russian typed in Latin letters for Czech or
    Polish; this check reads the text's words as the transliteration of each lexicon that has
    ``latin_markers`` and names the language when at least three different marker words occur,
    or one marker word with four different words of its danger-sign phrases, or when most of
    its words (four at least) are words of those phrases. A lexicon written in Latin letters
    itself (Hinglish, Arabizi: its phrases hold English loanwords and short words that other
    languages share) counts its marker words only: three different ones at least. When several
    languages qualify, the one with the most marker words wins. Arabic typed in Latin letters
    also counts its words that write a letter with a digit ("3am", "7arara", not "2nd" or
    "5mg"): three of them, or two with a marker word. ``romanised_only`` asks about
    those languages only (a detector may take mixed Hinglish for English).

    Examples
    --------
    >>> transliterated_language("zdravstvujte, u menya uzhe nedelyu ochen bolyat nogi nochyu")
    'ru'
    >>> transliterated_language("Bolí mě noha v noci, je oteklá a červená.") is None
    True
    >>> transliterated_language("Můj táta má od včera nohu oteklou a teplou.") is None
    True
    """
    if not _in_latin_letters(text):
        return None
    best: tuple[int, str] | None = None
    for language, lexicon in load_foreign_lexicons().items():
        if not lexicon.latin_markers:
            continue
        matcher = _matcher(language, latin=True)
        assert matcher is not None
        if not matcher.romanised and (romanised_only or _NOT_CYRILLIC_TYPED.search(text.lower())):
            continue
        # As written (no variant read in): "scho" must not turn into a Russian "что".
        tokens = matcher.written_words(text)
        words = {matcher.norm(t) for t in tokens}
        markers = len(words & matcher.markers)
        if matcher.romanised:
            qualifies = markers >= _MIN_MARKERS
            if matcher.digit_letters:
                digits = len({t for t in tokens if _arabizi_word(t)})
                qualifies = qualifies or digits >= _MIN_MARKERS or (markers > 0 and digits >= 2)
        elif markers >= _MIN_MARKERS:
            qualifies = True
        else:
            long_words = [w for w in words - matcher.markers if len(w) >= _MIN_VOCABULARY_STEM]
            known = sum(w in matcher.vocabulary for w in long_words)
            qualifies = (markers > 0 and known >= _MIN_WORDS) or (
                known >= _MIN_WORDS and known >= _MOSTLY * len(long_words)
            )
        if qualifies and (best is None or markers > best[0]):
            best = (markers, language)
    return best[1] if best else None


def find_foreign_findings(text: str, language: str) -> ForeignReading:
    """Recognise danger signs, pregnancy and a child in a text in another language.

    Parameters
    ----------
    text : str
        The description as the person wrote it.
    language : str
        ISO 639-1 code of the text's language (one with a lexicon, such as ``"ru"`` or ``"de"``,
        or a language a lexicon ``also_reads``, such as ``"uk"``; a region such as ``"de-AT"`` is
        ignored). Other languages give an empty reading.

    Returns
    -------
    ForeignReading
        Findings in order of first mention, each present unless every mention is denied; the
        age in years when an age phrase gives it.

    Examples
    --------
    >>> reading = find_foreign_findings("Нога распухла, горячая и красная. Температуры нет.", "ru")
    >>> [(f.id, f.present) for f in reading.findings]
    [('leg_swelling', True), ('leg_warm', True), ('red_skin', True), ('fever', False)]
    >>> reading = find_foreign_findings("Mi hija de 8 años cojea", "es")
    >>> reading.child, reading.age
    (True, 8)
    >>> find_foreign_findings("Jalka on turvonnut", "fi")
    ForeignReading(findings=(), pregnant=False, child=False, age=None)
    """
    code = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    matcher = _matcher(code, latin=_in_latin_letters(text))
    if matcher is None:
        return ForeignReading()
    tokens = matcher.tokens(text)
    pseudo = _pseudo_negated(tokens)
    flags = [t.lexeme.negation and not p for t, p in zip(tokens, pseudo, strict=True)]
    found: dict[str, ExtractedFinding] = {}
    # "жду ребёнка", "tuve a mi bebé", "родила сына": the child of a pregnancy or of a birth
    # (named in its words or just after them) is not the person described.
    baby_spans: list[range] = []
    child_hits: list[tuple[list[int], bool]] = []
    pregnant = False
    for start, token in enumerate(tokens):
        for phrase in token.lexeme.phrases:
            positions = _positions(phrase.words, tokens, start)
            if positions is None:
                continue
            denied = not phrase.negative and (
                _denied(positions, tokens, flags) or _post_negated(tokens, positions[-1], pseudo)
            )
            if phrase.kind == "child":
                child_hits.append((positions, denied))
                continue
            if phrase.kind == "pregnancy":
                baby_spans.append(range(positions[0], positions[-1] + 1))
                pregnant = pregnant or not denied
                continue
            if phrase.finding_id == _BIRTH_FINDING:
                baby_spans.append(range(positions[0], positions[-1] + 1 + _BABY_AFTER_BIRTH))
            if phrase.finding_id not in found or (
                not denied and not found[phrase.finding_id].present
            ):
                words = text[tokens[positions[0]].start : tokens[positions[-1]].end]
                found[phrase.finding_id] = ExtractedFinding(phrase.finding_id, not denied, words)
    children = [
        positions
        for positions, denied in child_hits
        if not denied and not any(p in span for p in positions for span in baby_spans)
    ]
    ages = _ages(tokens)
    # A parent may give their own age too: with a child, only the child's age counts.
    age = _child_age(ages, children, tokens) if children else next((v for _, v in ages), None)
    child = bool(children) and (age is None or age < _ADULT_AGE)
    return ForeignReading(tuple(found.values()), pregnant, child, age)
