"""Tokenising and normalising free text, keeping offsets into the original."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = [
    "NormalisedText",
    "RewriteTable",
    "Token",
    "build_rewrite_table",
    "normalise",
]

# A decimal number ("39.5", a temperature) is one token; any other full stop ends a sentence.
_TOKEN = re.compile(r"\d+\.\d+|[a-z0-9]+(?:['’\-][a-z0-9]+)*|[.,;:!?()/]")
_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "can't": ("can", "not"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "wont": ("will", "not"),
    "shan't": ("shall", "not"),
    "don't": ("do", "not"),
    "dont": ("do", "not"),
    "doesn't": ("does", "not"),
    "doesnt": ("does", "not"),
    "didn't": ("did", "not"),
    "didnt": ("did", "not"),
    "isn't": ("is", "not"),
    "isnt": ("is", "not"),
    "aren't": ("are", "not"),
    "wasn't": ("was", "not"),
    "wasnt": ("was", "not"),
    "weren't": ("were", "not"),
    "haven't": ("have", "not"),
    "havent": ("have", "not"),
    "hasn't": ("has", "not"),
    "hasnt": ("has", "not"),
    "hadn't": ("had", "not"),
    "couldn't": ("could", "not"),
    "couldnt": ("could", "not"),
    "wouldn't": ("would", "not"),
    "shouldn't": ("should", "not"),
    "ain't": ("is", "not"),
    "i'm": ("i", "am"),
    "im": ("i", "am"),
    "it's": ("it", "is"),
    "i've": ("i", "have"),
    "ive": ("i", "have"),
    "i'd": ("i", "would"),
    "i'll": ("i", "will"),
    "he's": ("he", "is"),
    "she's": ("she", "is"),
    "that's": ("that", "is"),
    "there's": ("there", "is"),
    "they're": ("they", "are"),
    "we're": ("we", "are"),
    "you're": ("you", "are"),
    "what's": ("what", "is"),
    "let's": ("let", "us"),
}


class Token(NamedTuple):
    """One normalised token and the span of the original text it came from.

    A named tuple: a text of a few hundred words makes hundreds of them per assessment.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NormalisedText:
    """Normalised text: tokens joined by single spaces, each followed by a space.

    ``offsets[i]`` is where token ``i`` starts in ``string``.
    """

    original: str
    tokens: tuple[Token, ...]
    string: str
    offsets: tuple[int, ...]
    #: Tokens that a dropped hedge ("sort of", "kind of") stood in front of.
    hedged: frozenset[int] = frozenset()
    #: Derived per-text data (clause and sentence spans), computed once by the context rules.
    cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def token_at(self, char_index: int) -> int:
        """Index of the token that covers ``char_index`` of :attr:`string`."""
        return bisect_right(self.offsets, char_index) - 1

    def source_span(self, first: int, last: int) -> str:
        """The original words for tokens ``first`` to ``last`` inclusive."""
        return self.original[self.tokens[first].start : self.tokens[last].end]


def _unchanged(word: str) -> str:
    return word


def _parts(word: str, spelling: Callable[[str], str]) -> tuple[str, ...]:
    """The normalised words one written word stands for ("can't" -> "can", "not")."""
    word = word.replace("’", "'")
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    if word.endswith("n't"):
        return (word[:-3], "not")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        word = word.replace("'", "")
    return tuple(spelling(word).split())


_PARTS_CACHE: dict[Callable[[str], str], dict[str, tuple[str, ...]]] = {}


# "hot"/"warm" describing a bath, a drink or the weather says nothing about the leg.
_TEMPERATURE_WORDS = frozenset({"hot", "warm", "cold", "icy"})
_NOT_ABOUT_THE_LEG = frozenset(
    {
        "bath",
        "baths",
        "water",
        "shower",
        "showers",
        "weather",
        "room",
        "drink",
        "drinks",
        "tea",
        "milk",
        "flush",
        "flushes",
        "flashes",
        "bottle",
        "pack",
        "packs",
        "compress",
        "day",
        "days",
        "night",
        "nights",
        "spell",
        "climate",
        "house",
        "bed",
        "blanket",
        "blankets",
        "soak",
        "floor",
        "floors",
        "tiles",
        "kitchen",
        "ground",
        "air",
        "wind",
        "sheets",
        "pillow",
        "side",
        "tap",
        "towel",
        "flannel",
    }
)


def _drop_temperature_of_things(tokens: list[Token]) -> list[Token]:
    return [
        token
        for index, token in enumerate(tokens)
        if not (
            token.text in _TEMPERATURE_WORDS
            and index + 1 < len(tokens)
            and tokens[index + 1].text in _NOT_ABOUT_THE_LEG
        )
    ]


#: Multi-word rewrites keyed by their first word: (source words, target words), longest first.
RewriteTable = Mapping[str, Sequence[tuple[tuple[str, ...], tuple[str, ...]]]]


def build_rewrite_table(
    pairs: Iterable[tuple[str, str]],
) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """Index ``(source, target)`` rewrites by the first word of ``source``, longest first.

    Examples
    --------
    >>> table = build_rewrite_table([("sob", "short of breath")])
    >>> table["sob"]
    [(('sob',), ('short', 'of', 'breath'))]
    """
    table: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for source, target in pairs:
        words = tuple(source.split())
        table.setdefault(words[0], []).append((words, tuple(target.split())))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def _rewrite(tokens: list[Token], table: RewriteTable) -> list[Token]:
    """Replace slang and shorthand by plain words; new tokens keep the original span."""
    words = [token.text for token in tokens]
    # Only where a rewrite can start is anything tried; the tokens between are copied as
    # runs. Left to right, and a rewritten span is not read again, as a scan would do.
    starts = [index for index, word in enumerate(words) if word in table]
    if not starts:
        return tokens
    count = len(tokens)
    out: list[Token] = []
    copied = 0  # tokens before this one are in ``out``
    for index in starts:
        if index < copied:
            continue  # inside a span already rewritten
        for source, target in table[words[index]]:
            end = index + len(source)
            # The second word turns most entries away before a slice is made.
            second_fits = end == index + 1 or (end <= count and words[index + 1] == source[1])
            if second_fits and tuple(words[index:end]) == source:
                out += tokens[copied:index]
                start, stop = tokens[index].start, tokens[end - 1].end
                out += [Token(word, start, stop) for word in target]
                copied = end
                break
    out += tokens[copied:]
    return out


_KEEP_AFTER = frozenset({"no", "not", "never", "nor", "without"})


_HEDGE_WORDS = frozenset({"kinda", "sorta"})
_HEDGE_PAIRS = frozenset({("sort", "of"), ("kind", "of")})
_HEDGE_PAIR_FIRST = frozenset(first for first, _ in _HEDGE_PAIRS)


def _drop_filler(tokens: list[Token], filler: frozenset[str]) -> tuple[list[Token], set[int]]:
    """Skip intensifiers and hedges between words; remember which tokens a hedge qualified.

    An intensifier right after a negation stays ("not very swollen" keeps its sense).
    """
    kept: list[Token] = []
    hedged: set[int] = set()
    pending = False
    count = len(tokens)
    index = 0
    while index < count:
        word = tokens[index].text
        pair = (
            (word, tokens[index + 1].text)
            if word in _HEDGE_PAIR_FIRST and index + 1 < count
            else None
        )
        if pair in _HEDGE_PAIRS or word in _HEDGE_WORDS:
            pending = True
            index += 2 if pair in _HEDGE_PAIRS else 1
            continue
        if word in filler and not (kept and kept[-1].text in _KEEP_AFTER):
            index += 1
            continue
        if pending:
            hedged.add(len(kept))
            pending = False
        kept.append(tokens[index])
        index += 1
    return kept, hedged


def _fold_letter(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() else char


def fold_accents(text: str) -> str:
    """Latin letters without their accents, one character for one ("cayó" -> "cayo").

    Offsets into the text stay valid. A word written with an accent ("café", or a Spanish word
    in an English sentence) would otherwise be cut at the accented letter.

    Examples
    --------
    >>> fold_accents("se cayó, née")
    'se cayo, nee'
    """
    if text.isascii():
        return text
    return "".join(char if char.isascii() else _fold_letter(char) for char in text)


def normalise(
    text: str,
    spelling: Callable[[str], str] | None = None,
    rewrites: RewriteTable | None = None,
    filler: frozenset[str] = frozenset(),
) -> NormalisedText:
    """Lower-case, tokenise, expand contractions, correct misspellings and rewrite slang.

    Parameters
    ----------
    text : str
        The description as the person wrote it.
    spelling : callable, optional
        Maps a word to its correction (which may hold several words), or to itself.
    rewrites : mapping, optional
        Multi-word rewrites from :func:`build_rewrite_table` ("sob" -> "short of breath").
    filler : frozenset of str, optional
        Intensifiers to skip so that "turned really quite white" reads as "turned white"
        (the caller leaves out any word its phrases use).

    Returns
    -------
    NormalisedText

    Examples
    --------
    >>> normalise("My calf isn't swollen.").string
    'my calf is not swollen . '
    """
    lowered = fold_accents(text.lower())
    table = spelling or _unchanged
    tokens: list[Token] = []
    # The words a written word stands for are cached per spelling function: the same words
    # come back in every description. Inlined: this loop runs for every word read.
    cache = _PARTS_CACHE.setdefault(table, {})
    for match in _TOKEN.finditer(lowered):
        word = match.group(0)
        parts = cache.get(word)
        if parts is None:
            parts = cache[word] = _parts(word, table)
            if len(cache) > 20_000:  # bounded: a long session must not grow without limit
                cache.clear()
        start, end = match.span()
        for part in parts:
            tokens.append(Token(part, start, end))
    if rewrites:
        tokens = _rewrite(tokens, rewrites)
    tokens = _drop_temperature_of_things(tokens)
    hedged: set[int] = set()
    if filler:
        tokens, hedged = _drop_filler(tokens, filler)
    offsets: list[int] = []
    position = 0
    for token in tokens:
        offsets.append(position)
        position += len(token.text) + 1
    string = "".join(t.text + " " for t in tokens)
    return NormalisedText(text, tuple(tokens), string, tuple(offsets), frozenset(hedged))
