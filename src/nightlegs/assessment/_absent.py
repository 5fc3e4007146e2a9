"""A finding's label turned round for when the person said it is not the case.

The catalogue's labels are statements ("the leg is swollen", "an urge to move the legs", "in
the calf"); an evidence line about an absent finding needs the opposite ("the leg is not
swollen", "no urge to move the legs", "not in the calf"). A few common shapes are turned round
by rule; any other label is shown as ``no: <label>``, which is always grammatical.
"""

from __future__ import annotations

import re

__all__ = ["absent_label"]

#: "<up to five words> is|are|was|has ... " -> insert "not" after the verb.
_VERB = re.compile(
    r"^((?:(?!that |when |which |walking )[\w'-]+,? ){0,5}?)"
    r"(is|are|was|were|has|have|does|do|can) (?!not\b)"
)
#: Labels that start with a place or a circumstance read "not in the calf", "not worse ...".
_NOT_FIRST = (
    "in ",
    "at ",
    "on ",
    "under ",
    "behind ",
    "below ",
    "deep ",
    "after ",
    "worse ",
    "unusually ",
    "breathless ",
    "immobile ",
    "overweight",
    "very active ",
    "completely ",
    "unaware ",
    "newly ",
    "sitting ",
    "drinking ",
    "working ",
    "tired ",
    "feeling ",
    "a lot of ",
)
#: First words after which neither "no" nor "not" reads well: the fallback is used.
_AS_IS_FIRST = frozenset(
    [
        "the",
        "one",
        "walks",
        "walking",
        "gently",
        "rest",
        "ankles",
        "pressing",
        "lifting",
        "tapping",
        "even",
        "drank",
        "gave",
        "insulin",
        "muscles",
        "early-morning",
        "it",
        "builds",
        "nothing",
        "cannot",
        "several",
        "passing",
        "blood",
        "pale",
    ]
)


def absent_label(label: str) -> str:
    """``label`` for a finding the person does not have.

    Examples
    --------
    >>> absent_label("the leg or calf is swollen")
    'the leg or calf is not swollen'
    >>> absent_label("an urge to move the legs"), absent_label("numbness")
    ('no urge to move the legs', 'no numbness')
    >>> absent_label("in the calf"), absent_label("worse when walking uphill or hurrying")
    ('not in the calf', 'not worse when walking uphill or hurrying')
    >>> absent_label("no pulse can be felt in the foot")
    'a pulse can be felt in the foot'
    >>> absent_label("redness that is spreading")
    'no redness that is spreading'
    >>> absent_label("the whole leg")
    'no: the whole leg'
    """
    if label.startswith(_NOT_FIRST):
        return "not " + label
    if label.startswith("another "):
        return "no other " + label.removeprefix("another ")
    if label.startswith(("a ", "an ")):
        return "no " + label.split(" ", 1)[1]
    if label.startswith("no "):
        return "a " + label[3:]
    verb = _VERB.match(label)
    if verb:
        return label[: verb.end()] + "not " + label[verb.end() :]
    if label.split(" ", 1)[0] in _AS_IS_FIRST:
        return "no: " + label
    return "no " + label
