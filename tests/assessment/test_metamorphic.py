"""Metamorphic safety tests: harmless changes to a dangerous description never lower triage.

The seeds are written for these tests (not taken from any evaluation set); each holds a danger
sign. Hypothesis then adds filler words, a hedge, a typo in a word that carries no finding,
a reporting phrase in front, or an unrelated sentence, alone or together.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import nightlegs
from nightlegs.intake import extract, extract_population
from nightlegs.knowledge import Triage

SEEDS = (
    "My left calf has been swollen, warm and sore since I got off a long flight two days ago.",
    "An hour ago my right foot suddenly went cold and white and I cannot feel my toes.",
    "I have sciatica down both legs, numbness around my bottom and I cannot pee since this "
    "morning.",
    "My leg is red, hot and swollen and the redness is spreading, I have a fever and shivers.",
    "I started a statin last month, my thighs ache badly and my urine is dark brown like cola.",
    "Since my cast went on yesterday the pain in my shin is unbearable and it hurts badly when "
    "the nurse moves my toes.",
    "My right leg is weak, my right hand keeps dropping things and my speech is slurred.",
    "My calf is swollen after my operation and now I am short of breath with chest pain.",
    "My knee and ankle are swollen and I have a bad headache and blurred vision at 34 weeks "
    "pregnant.",
    "I fell in the kitchen yesterday, I am 84, and I cannot put any weight on my left leg.",
    "I have cancer and new back pain, and my legs are getting weak.",
    "There is a purple rash on my shins that does not fade under a glass and I have a fever.",
)
_FILLERS = ("really", "sort of", "kind of", "honestly", "like", "quite", "just")
_HEDGES = ("I think ", "Maybe ", "Not sure but ", "I guess ", "Probably nothing but ")
_REPORTERS = ("My dad says ", "My wife thinks ", "The nurse said ", "My friend told me ")
_UNRELATED = (
    " The weather has been awful all week.",
    " I work in an office and like gardening.",
    " Our dog is fine, by the way.",
    " I had a cup of tea before bed.",
)
_WORD = re.compile(r"[A-Za-z]+")


def _level(text: str) -> Triage:
    return nightlegs.assess(text).triage


def _key_spans(text: str) -> list[str]:
    """The words that carry a finding or a fact about the person (age, pregnancy)."""
    facts = extract_population(text).evidence.values()
    return [f.text for f in extract(text).findings] + [v for v in facts if v]


def _protected(text: str) -> set[str]:
    """Key words: a typo there may fairly change the reading."""
    return {w.lower() for span in _key_spans(text) for w in _WORD.findall(span)}


_SKIPPED = frozenset({"really", "quite", "sort of", "kind of"})


def _with_filler(text: str, position: int, filler: str) -> str:
    """Insert ``filler`` between two words; words the intake does not skip ("honestly") go
    only between findings, not inside one ("back honestly pain" is not how people write)."""
    spans = [
        (m.start(), m.end())
        for span in _key_spans(text)
        for m in re.finditer(re.escape(span), text, re.IGNORECASE)
    ]
    starts = [m.start() for m in re.finditer(r"(?<= )\S", text)]
    if filler not in _SKIPPED:
        starts = [i for i in starts if not any(a < i < b for a, b in spans)] or starts
    index = starts[position % len(starts)]
    return text[:index] + filler + " " + text[index:]


def _with_typo(text: str, position: int) -> str:
    protected = _protected(text)
    candidates = [
        m
        for m in _WORD.finditer(text)
        if len(m.group()) >= 4 and m.group().lower() not in protected
    ]
    if not candidates:
        return text
    match = candidates[position % len(candidates)]
    word = match.group()
    swapped = word[0] + word[2] + word[1] + word[3:]  # a transposition, the commonest typo
    return text[: match.start()] + swapped + text[match.end() :]


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if not text.startswith("I ") else text


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.integers(min_value=0, max_value=200),
    st.sampled_from(_FILLERS),
)
def test_filler_words_never_lower_triage(seed: str, position: int, filler: str) -> None:
    assert _level(_with_filler(seed, position, filler)).rank >= _level(seed).rank


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEEDS), st.sampled_from(_HEDGES))
def test_a_hedge_never_lowers_triage(seed: str, hedge: str) -> None:
    assert _level(hedge + _lower_first(seed)).rank >= _level(seed).rank


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=200))
def test_a_typo_in_a_non_key_word_never_lowers_triage(seed: str, position: int) -> None:
    assert _level(_with_typo(seed, position)).rank >= _level(seed).rank


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEEDS), st.sampled_from(_REPORTERS))
def test_a_reporting_phrase_in_front_never_lowers_triage(seed: str, reporter: str) -> None:
    assert _level(reporter + _lower_first(seed)).rank >= _level(seed).rank


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEEDS), st.sampled_from(_UNRELATED), st.booleans())
def test_an_unrelated_sentence_never_lowers_triage(seed: str, extra: str, before: bool) -> None:
    text = extra.strip() + " " + seed if before else seed + extra
    assert _level(text).rank >= _level(seed).rank


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.integers(min_value=0, max_value=200),
    st.sampled_from(_FILLERS),
    st.sampled_from(_HEDGES),
    st.sampled_from(_UNRELATED),
)
def test_changes_together_never_lower_triage(
    seed: str, position: int, filler: str, hedge: str, extra: str
) -> None:
    changed = hedge + _lower_first(_with_typo(_with_filler(seed, position, filler), position))
    assert _level(changed + extra).rank >= _level(seed).rank


def test_every_seed_is_dangerous() -> None:
    # The properties above only mean something if each seed starts at urgent or emergency.
    for seed in SEEDS:
        assert _level(seed).rank >= Triage.URGENT.rank, seed
