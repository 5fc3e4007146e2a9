"""ConText-style rules: negation scope and who the words are about.

Negation follows NegEx (Chapman et al., J Biomed Inform 2001) and ConText (Harkema et al.,
J Biomed Inform 2009): a trigger negates what follows it in the same clause, within a window of
words, unless it is a pseudo-trigger ("not only", "no longer"); a few triggers negate what comes
before them ("swelling: none"). Clauses end at sentence punctuation and at conjunctions such as
"but" or "however".
"""

from __future__ import annotations

from nightlegs.intake._text import NormalisedText

__all__ = [
    "NEGATION_WORDS",
    "clause_bounds",
    "is_negated",
    "is_uncertain",
    "mentions_other_person",
]

_PRE_NEGATION = frozenset(
    {
        "no",
        "not",
        "never",
        "without",
        "nothing",
        "none",
        "neither",
        "nor",
        "denies",
        "deny",
        "denied",
        "nope",
        "hardly",
        "barely",
        "free",
    }
)
NEGATION_WORDS = _PRE_NEGATION
_PSEUDO_NEGATION = (
    ("not", "only"),
    ("not", "just"),
    ("no", "longer"),
    ("not", "sure"),
    ("no", "idea"),
    ("not", "certain"),
    ("not", "bad"),
    ("no", "doubt"),
    ("nothing", "else"),
    ("not", "able"),
    ("no", "matter"),
    ("not", "until"),
    ("without", "fail"),
    ("not", "always"),
)
_POST_NEGATION = frozenset({"none", "absent", "negative", "free"})
_UNCERTAIN = frozenset(
    {
        "maybe",
        "perhaps",
        "possibly",
        "might",
        "wonder",
        "wondering",
        "worried",
        "worry",
        "afraid",
        "scared",
        "whether",
        "unsure",
        "suspect",
    }
)
_SENTENCE_END = frozenset({".", "!", "?", ";", "(", ")"})
_CLAUSE_WORDS = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "yet",
        "except",
        "whereas",
        "which",
        "while",
        "apart",
        "because",
        "cause",
        "so",
        "then",
        "now",
        "whilst",
        "says",
        "said",
        "tells",
        "told",
    }
)
_CLAUSE_AFTER_COMMA = frozenset(
    {
        "i",
        "it",
        "my",
        "she",
        "he",
        "we",
        "they",
        "his",
        "her",
        "and",
        "the",
        "its",
        "this",
        "there",
        "when",
        "if",
        "as",
        "last",
        "about",
        "since",
        "also",
    }
)
_NEGATION_WINDOW = 6
RELATIVES = frozenset(
    {
        "mum",
        "mother",
        "mom",
        "mam",
        "dad",
        "father",
        "sister",
        "brother",
        "gran",
        "grandma",
        "grandmother",
        "granny",
        "nan",
        "nana",
        "grandad",
        "granddad",
        "grandfather",
        "grandpa",
        "aunt",
        "auntie",
        "uncle",
        "cousin",
        "family",
        "parents",
        "siblings",
        "relatives",
        "niece",
        "nephew",
        "friend",
        "colleague",
        "neighbour",
        "neighbor",
    }
)


def _is_boundary(text: NormalisedText, index: int) -> bool:
    word = text.tokens[index].text
    if word in _SENTENCE_END or word in _CLAUSE_WORDS:
        return True
    if word in {",", ":", "/"} and index + 1 < len(text.tokens):
        return text.tokens[index + 1].text in _CLAUSE_AFTER_COMMA
    return False


def _spans(text: NormalisedText, key: str, boundary: object) -> tuple[list[int], list[int]]:
    """Start and end token of the span (clause or sentence) around every token, computed once."""
    cached = text.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    count = len(text.tokens)
    is_edge = [boundary(text, i) for i in range(count)]  # type: ignore[operator]
    starts, ends = [0] * count, [0] * count
    start = 0
    for i in range(count):
        if i > 0 and is_edge[i - 1]:
            start = i
        starts[i] = start
    end = count - 1
    for i in range(count - 1, -1, -1):
        if i < count - 1 and is_edge[i + 1]:
            end = i
        ends[i] = end
    text.cache[key] = (starts, ends)
    return starts, ends


def _is_sentence_end(text: NormalisedText, index: int) -> bool:
    return text.tokens[index].text in _SENTENCE_END


def clause_bounds(text: NormalisedText, first: int, last: int) -> tuple[int, int]:
    """First and last token index of the clause holding tokens ``first``..``last``."""
    starts, ends = _spans(text, "clause", _is_boundary)
    return starts[first], ends[last]


def _sentence_bounds(text: NormalisedText, first: int, last: int) -> tuple[int, int]:
    starts, ends = _spans(text, "sentence", _is_sentence_end)
    return starts[first], ends[last]


def _words(text: NormalisedText) -> list[str]:
    words = text.cache.get("words")
    if words is None:
        words = text.cache["words"] = [t.text for t in text.tokens]
    return words  # type: ignore[return-value]


def is_negated(
    text: NormalisedText, first: int, last: int, consumed: frozenset[int] = frozenset()
) -> bool:
    """Whether the words ``first``..``last`` are negated by a trigger around them.

    ``consumed`` holds token positions of negation words that belong to another phrase
    ("can't keep still", "won't put weight on"), which therefore negate nothing else.

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> t = normalise("there is no swelling")
    >>> is_negated(t, 3, 3)
    True
    """
    words = _words(text)
    clause_start, clause_end = clause_bounds(text, first, last)
    window_start = max(clause_start, first - _NEGATION_WINDOW)
    for index in range(first - 1, window_start - 1, -1):
        word = words[index]
        if word in _PRE_NEGATION and index not in consumed:
            following = words[index + 1] if index + 1 < len(words) else ""
            if (word, following) in _PSEUDO_NEGATION:
                continue
            return True
    for index in range(last + 1, min(clause_end, last + 3) + 1):
        if words[index] in _POST_NEGATION:
            return True
    return False


def is_uncertain(text: NormalisedText, first: int, last: int) -> bool:
    """Whether the clause hedges ("I'm worried it might be a clot") rather than reports."""
    clause_start, _ = clause_bounds(text, first, last)
    return any(
        text.tokens[i].text in _UNCERTAIN for i in range(max(clause_start, first - 5), first)
    )


def mentions_other_person(text: NormalisedText, first: int, last: int, patient: str) -> bool:
    """Whether the sentence is about a relative other than the patient (family history)."""
    start, end = _sentence_bounds(text, first, last)
    return any(
        text.tokens[i].text in RELATIVES and text.tokens[i].text != patient
        for i in range(start, end + 1)
    )
