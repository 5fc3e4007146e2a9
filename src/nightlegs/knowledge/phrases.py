"""The small phrase grammar used by findings to describe how people say things.

Phrases are matched against normalised text (lower case, contractions expanded, punctuation
split off). A phrase is a list of *segments* separated by gaps; a segment lists alternatives
separated by ``|``; an alternative is one or more words; a word ending in ``*`` matches any word
that starts with it.

``pins and needles``            the words in order
``charley horse*|cramp*``       either alternative (alternatives may have several words)
``calf|calves ~ swollen|swell*``  a gap of up to 3 words between two segments (``~N``: up to N);
                                a gap never crosses punctuation

Examples: ``"urge|need ~2 move*"``, ``"back of ~2 lower leg|lower legs"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "FILLER_WORDS",
    "CompiledPhrase",
    "PhraseError",
    "compile_phrase",
    "later_words",
    "lazy_phrase",
    "second_words",
]

#: Intensifiers people put between the words of a phrase ("turned really quite white"). The
#: intake skips them (except right after a negation), so a phrase never needs one.
FILLER_WORDS = frozenset(
    {
        "really",
        "quite",
        "very",
        "pretty",
        "super",
        "totally",
        "completely",
        "fairly",
        "extremely",
        "incredibly",
        "fucking",
        "freaking",
        "flipping",
        "damn",
        "massively",
        "majorly",
        "seriously",
        "literally",
        "absolutely",
        "absolute",
        "utter",
        "awfully",
        "terribly",
        "insanely",
        "crazy",
    }
)

_WORD = re.compile(r"^(?:[a-z0-9'\-]+|\d+\.)\*?$|^\d+\.\d+$")
_GAP = re.compile(r"^~(\d*)$")
_DEFAULT_GAP = 3
# A gap skips words (and commas) but never a clause boundary such as "but" or a full stop.
_GAP_WORD = r"(?:(?!(?:but|however|although|though|except|whereas|whilst) )[a-z0-9'\-,]+ )"


class PhraseError(ValueError):
    """A phrase does not follow the grammar."""


@dataclass(frozen=True)
class CompiledPhrase:
    """A phrase with the words it starts with; its regular expression is built on first need.

    Building the patterns of all of the knowledge base's phrases would cost much of a cold
    start; a text only ever needs the few whose anchor words it contains.

    Attributes
    ----------
    source : str
        The phrase as written in the knowledge base.
    anchors : tuple[str, ...]
        Literal words (or prefixes, ending in ``*``) of which the text must contain at least one
        for the phrase to have a chance; used to skip phrases quickly.
    """

    source: str
    anchors: tuple[str, ...]

    @property
    def pattern(self) -> str:
        """The regular expression that matches the phrase in normalised text."""
        pattern: str | None = self.__dict__.get("_pattern")
        if pattern is None:
            pattern = _pattern(self.source)
            object.__setattr__(self, "_pattern", pattern)  # a cache, not state
        return pattern

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use, then kept)."""
        compiled: re.Pattern[str] | None = self.__dict__.get("_regex")
        if compiled is None:
            compiled = re.compile(self.pattern)
            object.__setattr__(self, "_regex", compiled)  # a cache, not state
        return compiled


def _word(word: str) -> str:
    if not _WORD.match(word):
        raise PhraseError(
            f"word {word!r}: expected letters a-z, digits, ' or - (and a final *), or a decimal "
            "number such as 38.5 or 38.*"
        )
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[a-z0-9'\-.]*"
    return re.escape(word)


def _segment(segment: list[str]) -> str:
    alternatives = [alt.split() for alt in " ".join(segment).split("|")]
    if any(not alt for alt in alternatives):
        raise PhraseError("empty alternative (two '|' in a row, or '|' at an end)")
    return "(?:" + "|".join(" ".join(_word(w) for w in alt) + " " for alt in alternatives) + ")"


def compile_phrase(phrase: str) -> CompiledPhrase:
    """Check one phrase of the grammar and compile it into a regular expression.

    Parameters
    ----------
    phrase : str
        A phrase such as ``"calf|calves ~ swell*"``.

    Returns
    -------
    CompiledPhrase

    Raises
    ------
    PhraseError
        When a word has characters outside ``a-z0-9'-``, an alternative is empty, or a gap
        starts or ends the phrase.

    Examples
    --------
    >>> compiled = compile_phrase("pins and needles|tingl*")
    >>> compiled.anchors
    ('pins', 'tingl*')
    >>> bool(compiled.regex.search("i get pins and needles at night "))
    True
    """
    compiled = lazy_phrase(phrase)
    _ = compiled.pattern  # checks the whole grammar now
    return compiled


def lazy_phrase(phrase: str) -> CompiledPhrase:
    """A phrase whose pattern is built (and checked) only when first needed.

    For phrases that ``nightlegs kb check`` has already checked: only the first words are read
    now.

    Examples
    --------
    >>> lazy_phrase("calf|lower leg ~ swell*").anchors
    ('calf', 'lower')
    """
    first_segment = phrase.split("~", 1)[0]
    anchors = tuple(alt.split()[0] for alt in first_segment.split("|") if alt.split())
    return CompiledPhrase(source=phrase, anchors=anchors)


def _word_matches(word: str, token: str) -> bool:
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


def second_words(phrase: str, first: str) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The words that must follow ``first`` for ``phrase`` to match there, or None if any may.

    A cheap test that spares most regular-expression calls: "no swelling" cannot start at the
    "no" of "no idea". Returned as whole words and prefixes (``token in words or
    token.startswith(prefixes)``). None when an alternative starting with ``first`` is a single
    word, since a gap or the next segment may follow it.

    Examples
    --------
    >>> words, prefixes = second_words("lower leg|lower legs|low swell* ~ calf", "lower")
    >>> sorted(words), prefixes
    (['leg', 'legs'], ())
    >>> second_words("calf|calf muscle ~ swell*", "calf") is None
    True
    """
    first_segment = phrase.split("~", 1)[0]
    alternatives = [alt.split() for alt in first_segment.split("|")]
    mine = [alt for alt in alternatives if alt and _word_matches(alt[0], first)]
    if not mine or any(len(alt) < 2 for alt in mine):
        return None
    words = {alt[1] for alt in mine}
    prefixes = tuple(sorted(word[:-1] for word in words if word.endswith("*")))
    return frozenset(word for word in words if not word.endswith("*")), prefixes


def later_words(phrase: str) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """For each segment after the first gap, the words one of which must be in the text.

    A match of ``phrase`` puts the first word of one alternative of every later segment on a
    whole token, so a text that has no such token for some segment cannot match, wherever the
    phrase starts: a set test that spares the regular expression ("calf ~ swollen" in a text
    without "swollen"). Each segment is given as whole words and prefixes, as
    :func:`second_words` gives them.

    Examples
    --------
    >>> later_words("calf|calves ~ swollen|swell* up ~2 red")
    ((frozenset({'swollen'}), ('swell',)), (frozenset({'red'}), ()))
    >>> later_words("pins and needles")
    ()
    """
    groups = []
    for segment in re.split(r"\s~\d*\s", f" {phrase} ")[1:]:
        firsts = {alt.split()[0] for alt in segment.split("|") if alt.split()}
        prefixes = tuple(sorted(word[:-1] for word in firsts if word.endswith("*")))
        groups.append((frozenset(w for w in firsts if not w.endswith("*")), prefixes))
    return tuple(groups)


def _pattern(phrase: str) -> str:
    """The regular expression for ``phrase`` (raises :class:`PhraseError` if it is malformed)."""
    tokens = phrase.replace("|", " | ").split()
    if not tokens:
        raise PhraseError("empty phrase")
    parts: list[str] = []
    segment: list[str] = []
    for token in [*tokens, "~0"]:
        gap = _GAP.match(token)
        if not gap:
            segment.append(token)
            continue
        if not segment:
            raise PhraseError("a gap cannot start a phrase or follow another gap")
        parts.append(_segment(segment))
        segment = []
        if token != "~0" or len(parts) == 0:
            size = int(gap.group(1) or _DEFAULT_GAP)
            parts.append(_GAP_WORD + f"{{0,{size}}}")
    if tokens[-1].startswith("~"):
        raise PhraseError("a gap cannot end a phrase")
    # Normalised text ends every token with one space, so each word pattern ends in " ".
    return r"(?<![a-z0-9'\-])" + "".join(parts)
