"""ConText-style rules: negation scope, hedges and who the words are about.

Negation follows NegEx (Chapman et al., J Biomed Inform 2001) and ConText (Harkema et al.,
J Biomed Inform 2009): a trigger negates what follows it in the same clause, within a window of
words, unless it is a pseudo-trigger ("not only", "no longer"); a few triggers negate what comes
before them ("swelling: none"). Clauses end at sentence punctuation and at conjunctions such as
"but" or "however". On top of NegEx, as medSpaCy's ConText rules do with TERMINATE modifiers:

* a list carries the negation to every item ("no rash, cough, headache or vomiting"): commas
  and "or"/"nor"/"and" do not count towards the window;
* scope ends at a terminator ("no redness, only the twitching") and at a new verb after a comma
  or "and" ("no fever and my leg is swollen");
* a double negative affirms ("it's not that it isn't warm", "can't lie flat without getting
  breathless"), reported as a hedge;
* diminishers ("hardly", "barely", "scarcely") are not negations: "I can hardly move my toes"
  says the toes are weak (the lexicon rewrites "can hardly" to "can not");
* a negated intensifier ("not massively swollen") describes a small amount, not none.
"""

from __future__ import annotations

from collections.abc import Callable

from nightlegs.intake._text import NormalisedText

__all__ = [
    "NEGATION_WORDS",
    "clause_bounds",
    "is_hedged",
    "is_negated",
    "is_uncertain",
    "negation",
    "negation_undone",
    "place_negated",
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
    ("never", "used"),
    ("not", "used"),
    ("never", "had"),
    ("no", "way"),
    ("not", "long"),
)
#: "I didn't notice the blister until I saw blood": a verb of noticing, negated, with "until"
#: later in the sentence says the thing was there all along (unnoticed), not that it is absent.
_NOTICING_VERBS = frozenset(
    {
        "notice",
        "noticed",
        "realise",
        "realised",
        "realize",
        "realized",
        "see",
        "spot",
        "spotted",
        "know",
        "knew",
    }
)
_UNTIL = frozenset({"until", "till", "til", "untill"})
#: "like nothing on earth", "unlike anything": a comparison, so "nothing" after them denies nothing.
_SIMILE_WORDS = frozenset({"like", "unlike"})
_SUPERLATIVE_NEXT = frozenset({"i", "else", "on", "ever", "you", "before", "we", "he", "she"})
#: "not that", "would not say": an outer negation that, with a second one, affirms.
_DOUBLE_NEGATION_LINKS = frozenset({"that", "say", "saying", "like", "mean", "deny", "denying"})
#: "not massively swollen": a negated intensifier leaves a small amount, which for a danger
#: sign still counts (as a hedge).
_INTENSIFIERS = frozenset(
    {
        "very",
        "that",
        "massively",
        "hugely",
        "too",
        "super",
        "really",
        "terribly",
        "overly",
        "majorly",
        "much",
        "madly",
        "particularly",
        "extremely",
        "properly",
    }
)
#: Words that end a negation's scope ("no redness, only the twitching").
_SCOPE_TERMINATORS = frozenset(
    {
        "only",
        "just",
        "except",
        "apart",
        "besides",
        "still",
        "instead",
        "rather",
        "mainly",
        "mostly",
        "definitely",
        "actually",
        "though",
        "now",
        "also",
        "plus",
        "which",
        "who",
    }
)
#: A subject pronoun after "and" starts a new statement that the negation does not reach.
_NEW_SUBJECTS = frozenset({"he", "she", "i", "we", "they"})
#: A verb after a comma or "and" starts a new statement that the negation does not reach.
_NEW_STATEMENT_VERBS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "am",
        "has",
        "have",
        "had",
        "feels",
        "felt",
        "looks",
        "looked",
        "look",
        "seem",
        "seemed",
        "went",
        "goes",
        "got",
        "gets",
        "turned",
        "became",
        "seems",
        "keeps",
        "kept",
        "started",
        "hurts",
        "aches",
        "swelled",
        "swells",
        "came",
        "comes",
        "began",
        "begins",
        "woke",
        "wakes",
        "happened",
        "developed",
        "appeared",
        "noticed",
        "feel",
        "get",
        "hurt",
        "ache",
        "turns",
        "can",
        "could",
        "cannot",
        # Third-person verbs of a parent's report ("no temperature, plays fine all day").
        "plays",
        "runs",
        "eats",
        "sleeps",
        "walks",
    }
)
_LIST_WORDS = frozenset({",", "or", "nor", "and", "/"})
#: After "not", these verbs take a list of things: "I have not got fever, cough or chills".
_LIST_VERBS = frozenset(
    {"have", "has", "had", "got", "get", "gets", "notice", "noticed", "see", "seen", "any"}
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
#: Wider than :data:`_UNCERTAIN`: words that make a report tentative ("I think it's warm").
#: A tentative danger sign is kept, labelled as possible; other findings are not dropped.
_HEDGES = _UNCERTAIN | frozenset(
    {
        "think",
        "guess",
        "suppose",
        "probably",
        "prob",
        "seems",
        "seem",
        "maybes",
        "dunno",
        "idk",
        "could",
        "may",
        "kinda",
        "sorta",
        "kind",
        "sort",
        "bit",
        "slightly",
        "little",
        "tad",
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


def _clause_edges(words: list[str]) -> list[bool]:
    """Whether each token ends a clause: a sentence end, a clause word, or a comma, colon or
    slash before a word that starts a new clause."""
    last = len(words) - 1
    return [
        word in _SENTENCE_END
        or word in _CLAUSE_WORDS
        or (
            word in _CLAUSE_PUNCTUATION and index < last and words[index + 1] in _CLAUSE_AFTER_COMMA
        )
        for index, word in enumerate(words)
    ]


def _sentence_edges(words: list[str]) -> list[bool]:
    """Whether each token ends a sentence."""
    return [word in _SENTENCE_END for word in words]


_CLAUSE_PUNCTUATION = frozenset({",", ":", "/"})


def _spans(
    text: NormalisedText, key: str, edges: Callable[[list[str]], list[bool]]
) -> tuple[list[int], list[int]]:
    """Start and end token of the span (clause or sentence) around every token, computed once."""
    cached = text.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    is_edge = edges(_words(text))
    count = len(is_edge)
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


def clause_bounds(text: NormalisedText, first: int, last: int) -> tuple[int, int]:
    """First and last token index of the clause holding tokens ``first``..``last``."""
    starts, ends = _spans(text, "clause", _clause_edges)
    return starts[first], ends[last]


def _sentence_bounds(text: NormalisedText, first: int, last: int) -> tuple[int, int]:
    starts, ends = _spans(text, "sentence", _sentence_edges)
    return starts[first], ends[last]


def _words(text: NormalisedText) -> list[str]:
    words = text.cache.get("words")
    if words is None:
        words = text.cache["words"] = [t.text for t in text.tokens]
    return words  # type: ignore[return-value]


def negation(
    text: NormalisedText, first: int, last: int, consumed: frozenset[int] = frozenset()
) -> str | None:
    """How the words ``first``..``last`` are qualified by a negation around them.

    Returns ``"negated"``, ``"double"`` (a double negative or a negated intensifier: the
    thing is there, at least a little) or ``None``. ``consumed`` holds positions of negation
    words that belong to another phrase ("can't keep still"), which negate nothing else.

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> negation(normalise("there is no swelling"), 3, 3)
    'negated'
    >>> t = normalise("no rash, cough, headache or vomiting")
    >>> negation(t, 6, 6)
    'negated'
    >>> t = normalise("no redness, only the twitching")
    >>> negation(t, 5, 5) is None
    True
    >>> t = normalise("it's not that it isn't warm")
    >>> negation(t, 7, 7)
    'double'
    """
    words = _words(text)
    clause_start, clause_end = clause_bounds(text, first, last)
    if words[first] in _SCOPE_TERMINATORS and first > clause_start:
        # "no swelling, just the bruise": words that start with "just" or "only" are out of
        # reach of the negation before them.
        return None
    distance = 0
    # A comma or "and" with a verb after it (up to and including the words themselves) starts
    # a new statement: "no injury, came on this evening", "can't stand without help and his
    # wee has gone dark" (the verb may sit inside the matched words).
    verb_after = not _NEW_STATEMENT_VERBS.isdisjoint(words[first : last + 1])
    crossed_comma = False
    for index in range(first - 1, clause_start - 1, -1):
        word = words[index]
        if word in _LIST_WORDS:
            if verb_after and word in (",", "and"):
                return None
            if word == "and" and index + 1 < first and words[index + 1] in _NEW_SUBJECTS:
                # "he could not get up without help and he tripped twice": a new subject
                # after "and" starts a statement of its own.
                return None
            crossed_comma = crossed_comma or word == ","
            continue
        if word in _PRE_NEGATION and index not in consumed:
            following = words[index + 1] if index + 1 < len(words) else ""
            if (word, following) in _PSEUDO_NEGATION and not (
                (word, following) == ("never", "had") and not _told_as_new(words, index, clause_end)
            ):
                continue
            if (
                word == "nothing"
                and index > 0
                and words[index - 1] in _SIMILE_WORDS
                and following in _SUPERLATIVE_NEXT
            ):
                # "hurts like nothing I've ever felt": a superlative, not a denial.
                continue
            if following in _NOTICING_VERBS and _until_after(text, last):
                continue
            first_item = next(
                (k - index - 1 for k in range(index + 1, first) if words[k] == ","), 0
            )
            if crossed_comma and word == "not" and (following not in _LIST_VERBS or first_item > 3):
                # "can't straighten my arms, pee is dark": a verb's negation ends at the comma;
                # only "no X, Y or Z" and "not have/get X, Y or Z" (a short first item, not
                # "can't get my rings off, splitting headache") carry on through a list.
                return None
            # "not massively swollen": the intensifier sits right before the words.
            if following in _INTENSIFIERS and index + 2 == first:
                return "double"
            # "it's not not swollen": two negations in a row.
            if index > 0 and words[index - 1] in _PRE_NEGATION:
                return "double"
            return "double" if _outer_negation(words, index, clause_start) else "negated"
        if word in _SCOPE_TERMINATORS:
            return None
        verb_after = verb_after or word in _NEW_STATEMENT_VERBS
        distance += 1
        if distance >= _NEGATION_WINDOW:
            break
    for index in range(last + 1, min(clause_end, last + 3) + 1):
        if words[index] in _POST_NEGATION:
            return "negated"
    return None


#: "never had it this bad", "never had pain like this before": "never had" tells something new,
#: not an absence, when one of these follows in its clause.
_NEW_MARKERS = frozenset({"before", "until", "till", "ever", "bad", "worse", "severe"})
_LIKE_THIS = frozenset({"this", "that", "it"})


def _told_as_new(words: list[str], never: int, clause_end: int) -> bool:
    """Whether "never had" at ``never`` says that something is new ("never had it this bad")
    rather than denying it ("never had any urge to move them").

    >>> _told_as_new("i have never had it this bad".split(), 2, 6)
    True
    >>> _told_as_new("he has never had any urge to move them".split(), 2, 8)
    False
    """
    after = words[never + 2 : clause_end + 1]
    return any(
        word in _NEW_MARKERS
        or (word == "like" and i + 1 < len(after) and after[i + 1] in _LIKE_THIS)
        for i, word in enumerate(after)
    )


def _until_after(text: NormalisedText, last: int) -> bool:
    """Whether "until" follows token ``last`` in its sentence ("didn't notice it until...")."""
    words = _words(text)
    _, sentence_end = _sentence_bounds(text, last, last)
    return not _UNTIL.isdisjoint(words[last + 1 : sentence_end + 1])


#: "can't lie flat without getting breathless", "never a night without cramps": a verb's
#: negation a few words before "without" makes the thing come every time, not never.
_NEGATED_BEFORE_WITHOUT = frozenset({"not", "never", "no"})
_WITHOUT_REACH = 5


def _outer_negation(words: list[str], inner: int, clause_start: int) -> bool:
    """Whether the negation at ``inner`` is itself negated ("not that it isn't")."""
    if words[inner] == "without":
        for index in range(inner - 1, max(clause_start, inner - _WITHOUT_REACH) - 1, -1):
            if words[index] in _LIST_WORDS:
                break  # "the leg is not swollen and I walk without pain"
            if words[index] in _NEGATED_BEFORE_WITHOUT:
                following = words[index + 1] if index + 1 < len(words) else ""
                # "not able to walk without a limp" limps, like "can't walk without".
                return (words[index], following) not in _PSEUDO_NEGATION or following == "able"
    for index in range(inner - 1, max(clause_start, inner - 6) - 1, -1):
        if words[index] in _PRE_NEGATION and words[index + 1] in _DOUBLE_NEGATION_LINKS:
            return True
    return False


def negation_undone(text: NormalisedText, first: int, last: int) -> bool:
    """Whether the denial in words ``first``..``last`` is undone by the words around it.

    For negative phrases ("not warm", "not swollen"): a double negative ("it's not that it
    isn't warm") or a negated intensifier ("not massively swollen") says the thing is there.

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> negation_undone(normalise("it's not that it isn't warm"), 6, 7)
    True
    >>> negation_undone(normalise("it is not warm"), 2, 3)
    False
    """
    words = _words(text)
    clause_start, clause_end = clause_bounds(text, first, last)
    for index in range(max(clause_start, first - 3), last + 1):
        if words[index] not in _PRE_NEGATION:
            continue
        if words[index : index + 2] == ["never", "had"] and _told_as_new(words, index, clause_end):
            return True  # "never had cramps until this year": there now, and new
        following = words[index + 1] if index + 1 < len(words) else ""
        if following in _PRE_NEGATION:  # "not not swollen"
            return True
        if (
            following in _INTENSIFIERS
            and index + 2 <= last
            and words[index + 2] not in _PRE_NEGATION
        ):
            return True
        return _outer_negation(words, index, clause_start)
    return False


def is_negated(
    text: NormalisedText, first: int, last: int, consumed: frozenset[int] = frozenset()
) -> bool:
    """Whether the words ``first``..``last`` are negated by a trigger around them.

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> t = normalise("there is no swelling")
    >>> is_negated(t, 3, 3)
    True
    """
    return negation(text, first, last, consumed) == "negated"


_HEDGE_PAIRS = frozenset({("not", "sure"), ("hard", "to"), ("no", "idea"), ("not", "certain")})


def is_uncertain(text: NormalisedText, first: int, last: int) -> bool:
    """Whether the clause wonders ("I'm worried it might be a clot") rather than reports."""
    clause_start, _ = clause_bounds(text, first, last)
    return not _UNCERTAIN.isdisjoint(_words(text)[max(clause_start, first - 5) : first])


def is_hedged(text: NormalisedText, first: int, last: int) -> bool:
    """Whether the report is tentative ("I think it's a bit warm?", "might be a little puffy").

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> t = normalise("it might be a little puffy?")
    >>> is_hedged(t, 5, 5)
    True
    >>> is_hedged(normalise("my calf is swollen"), 3, 3)
    False
    """
    words = _words(text)
    clause_start, clause_end = clause_bounds(text, first, last)
    start = max(clause_start, first - 5)
    # Set tests over slices: this runs for every danger sign read, with every assessment.
    if not _HEDGES.isdisjoint(words[start:first]):
        return True
    if text.hedged and not text.hedged.isdisjoint(range(start, last + 1)):
        return True
    if first - 1 > start and not _HEDGE_PAIRS.isdisjoint(
        zip(words[start : first - 1], words[start + 1 : first], strict=True)
    ):
        return True
    after = min(clause_end + 1, len(words) - 1)
    # "it's warm?" and "hot ish": a question mark or "-ish" right after the words.
    return words[after] == "?" or (last + 1 < len(words) and words[last + 1] == "ish")


_PLACE_WORDS = frozenset(
    {"in", "on", "at", "my", "the", "his", "her", "their", "both", "either", "just", "only"}
    # "no hip or groin pain": a list of places shares the denial.
    | {"or", "and", "nor", ",", "hip", "hips", "knee", "knees", "calf", "calves", "thigh"}
    | {"thighs", "ankle", "ankles", "foot", "feet", "leg", "legs", "back", "heel", "shin"}
)


def place_negated(text: NormalisedText, first: int) -> bool:
    """Whether a place ("left leg", "calf") is itself denied ("not in my calf").

    A verb's negation does not deny the place it acts on: in "I cannot put weight on my left
    leg" the left leg is still the one that hurts.

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> place_negated(normalise("it is not in my calf"), 5)
    True
    >>> place_negated(normalise("I cannot put weight on my left leg"), 7)
    False
    """
    words = _words(text)
    index = first - 1
    while index >= 0 and words[index] in _PLACE_WORDS:
        index -= 1
    return index >= 0 and words[index] in _PRE_NEGATION and first - index <= 4
