"""Whose symptoms the words are about: the writer's (or the patient's), or a relative's."""

from __future__ import annotations

from nightlegs.intake._context import _sentence_bounds, _words, clause_bounds
from nightlegs.intake._text import NormalisedText

__all__ = ["RELATIVES", "mentions_other_person"]

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

_FIRST_PERSON = frozenset({"i", "my", "me", "mine", "myself"})

_PRONOUNS = {
    "male": frozenset({"he", "him", "his", "himself"}),
    "female": frozenset({"she", "her", "hers", "herself"}),
}


def mentions_other_person(
    text: NormalisedText, first: int, last: int, patient: str, patient_sex: str | None = None
) -> bool:
    """Whether the words are about a relative other than the patient (family history).

    The sentence must name a relative, and the clause holding the words must not speak of the
    writer: in "my friend told me my calf is swollen" the calf is the writer's, while in "my
    mum had restless legs too" the only "my" belongs to the relative. When someone writes about
    a ``patient`` of known sex, words whose nearest person before them in the clause is the
    patient's pronoun are about the patient: in "grandad ... he is not making sense, keeps asking
    for grandma", the confusion is grandad's.

    Examples
    --------
    >>> from nightlegs.intake._text import normalise
    >>> t = normalise("my mum had restless legs too")
    >>> mentions_other_person(t, 3, 4, "")
    True
    >>> t = normalise("my friend told me my calf is swollen")
    >>> mentions_other_person(t, 7, 7, "")
    False
    >>> t = normalise("grandad is unwell, he is confused and keeps asking for grandma")
    >>> mentions_other_person(t, 6, 6, "grandad", "male")
    False
    >>> t = normalise("grandad is unwell, grandma had restless legs too")
    >>> mentions_other_person(t, 6, 7, "grandad", "male")
    True
    """
    words = _words(text)
    relatives: list[int] | None = text.cache.get("relatives")  # type: ignore[assignment]
    if relatives is None:
        relatives = text.cache["relatives"] = [i for i, w in enumerate(words) if w in RELATIVES]
    if not relatives:  # most descriptions name no relative at all
        return False
    start, end = _sentence_bounds(text, first, last)
    if not any(start <= i <= end and words[i] != patient for i in relatives):
        return False
    clause_start, clause_end = clause_bounds(text, first, last)
    pronouns = _PRONOUNS.get(patient_sex or "", frozenset()) if patient else frozenset()
    for i in range(first - 1, clause_start - 1, -1):  # the nearest person named before
        if words[i] in pronouns or words[i] == patient:
            return False
        if words[i] in RELATIVES or words[i] in _FIRST_PERSON:
            break
    for i in range(clause_start, clause_end + 1):
        if words[i] in _FIRST_PERSON:
            following = words[i + 1] if i + 1 < len(words) else ""
            if words[i] == "my" and (following in RELATIVES or following == patient):
                continue
            return False
    return True
