"""Interview questions reworded for a parent answering about their child."""

from __future__ import annotations

import re

__all__ = ["for_parent"]


#: The first "do you", "is your", ... of a question, and what it becomes when a parent answers.
_PARENT_OPENING = re.compile(
    r"\b(do|are|have|did|can|were|is|does|has) (you|your)\b", re.IGNORECASE
)
_PARENT_VERB = {"do": "does", "are": "is", "have": "has", "were": "was"}
_PRONOUN = re.compile(r"\b(yourself|your|you)\b", re.IGNORECASE)
#: "you" after these words, or before these verbs, is the subject ("they"); otherwise "them".
_BEFORE_SUBJECT = frozenset(
    [
        "when",
        "if",
        "that",
        "before",
        "after",
        "and",
        "or",
        "while",
        "where",
        "until",
        "since",
        "because",
        "are",
        "do",
        "have",
        "did",
        "can",
        "were",
        "will",
        "would",
        "could",
        "told",
    ]
)
_SUBJECT_VERBS = frozenset(
    [
        "have",
        "are",
        "were",
        "feel",
        "get",
        "walk",
        "wake",
        "sleep",
        "stand",
        "sit",
        "lie",
        "stop",
        "keep",
        "move",
        "try",
        "press",
        "tap",
        "go",
        "do",
        "can",
        "could",
        "would",
        "will",
        "need",
        "notice",
    ]
)


def for_parent(question: str) -> str:
    """Word a question to a person as a question to their parent.

    Examples
    --------
    >>> for_parent("Do you get tingling when you walk?")
    'Does your child get tingling when they walk?'
    >>> for_parent("Is your foot cold, and does it wake you?")
    "Is your child's foot cold, and does it wake them?"
    >>> for_parent("Does raising your legs help?")
    "Does raising your child's legs help?"
    >>> for_parent("Is it worse when you walk?")
    'About your child: is it worse when they walk?'
    >>> for_parent("Is the leg swollen?")
    'About your child: is the leg swollen?'
    """
    if re.search(r"\b(child|he or she)\b", question, re.IGNORECASE):
        return question
    child = "\0"  # stands for "your child" until the other pronouns are changed

    def opening(match: re.Match[str]) -> str:
        verb, pronoun = match.group(1), match.group(2).lower()
        new_verb = verb.lower() if pronoun == "your" else _PARENT_VERB.get(verb.lower(), verb)
        new_verb = new_verb.capitalize() if verb[0].isupper() else new_verb.lower()
        return f"{new_verb} {child}{chr(39) + 's' if pronoun == 'your' else ''}"

    first = _PARENT_OPENING.search(question)
    if first is not None and not _PRONOUN.search(question[: first.start()]):
        question = question[: first.start()] + opening(first) + question[first.end() :]
    text = question
    prefix = ""
    introduced = child in text

    def pronoun(match: re.Match[str]) -> str:
        nonlocal prefix, introduced
        word = match.group(1).lower()
        before = text[: match.start()].split()[-1:] or [""]
        after = text[match.end() :].split()[:1] or [""]
        subject = before[0].lower() in _BEFORE_SUBJECT or after[0].lower() in _SUBJECT_VERBS
        if not introduced:
            introduced = True
            if word == "your":
                return f"{child}'s"
            if word == "you" and not subject:
                return child
            prefix = "About your child: "
        if word == "yourself":
            return "themselves"
        if word == "your":
            return "their"
        return "they" if subject else "them"

    text = _PRONOUN.sub(pronoun, text)
    if not introduced:  # no "you" to turn into the child: say whom the question is about
        prefix = "About your child: "
    if prefix:
        text = prefix + text[0].lower() + text[1:]
    return text.replace(child, "your child")
