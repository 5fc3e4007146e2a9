"""Danger signs in descriptions written in Hindi: the Hindi lexicon (hi.yaml).

Most people type Hindi in Latin letters ("Hinglish"), each in their own spelling and with English
words mixed in; the lexicon is written that way and read through the Hindi ``latin_skeleton``
("bukhaar" = "bukhar", "zyada" = "jyada"). Hindi puts "nahi" after what it denies ("bukhar nahi
hai"), so "nahi" is a post-negation and not a word that denies what follows. A few phrases in
Devanagari are read too.

The case tables of the shapes every language shares are data in
``tests/data/foreign/hi.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Hindi needs.
"""

from __future__ import annotations

from _foreign_helpers import says, triage

from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.intake._language import detect_language
from nightlegs.knowledge.foreign import latin_skeleton

# --- Danger signs, as a relative writes them -----------------------------------------------


def test_hinglish_skeleton_merges_the_usual_spellings() -> None:
    for spellings in (
        ("bukhaar", "bukhar"),
        ("zyada", "jyada", "jyaada"),
        ("sooja", "suja"),
        ("peeth", "pith"),
        ("thandy", "thandi"),
    ):
        assert len({latin_skeleton(w, "hindi") for w in spellings}) == 1, spellings


# --- Negation ------------------------------------------------------------------------------


def test_hinglish_nahi_does_not_deny_what_follows_it() -> None:
    # Hindi denies what comes before "nahi"; the next clause's danger sign stands.
    says("bukhar nahi hai lekin pair achanak sooj gaya", "hi", fever=False, leg_swelling=True)
    says("bukhar nahi hai aur pair sooj gaya hai", "hi", fever=False, leg_swelling=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_hinglish_pregnancy_and_child() -> None:
    pregnant = find_foreign_findings("main 7 mahine pregnant hoon, pair sooj gaye", "hi")
    assert pregnant.pregnant and not pregnant.child
    # The baby of a pregnancy is not the person described.
    assert not find_foreign_findings("bachcha hone wala hai, pair sooj rahe", "hi").child
    child = find_foreign_findings("mera beta 6 saal ka hai, raat ko pair dukhte hain", "hi")
    assert (child.child, child.age) == (True, 6)


# --- Detection -----------------------------------------------------------------------------


def test_mostly_english_with_a_quoted_hindi_saying_stays_english() -> None:
    text = (
        "Every night when I go to sleep I get an irritating feeling in both legs, I have to "
        "keep moving them. My mother used to say pairon mein cheentiyan chal rahi hain."
    )
    assert detect_language(text) == "en"


# --- Findings the emergency and urgent rules need (medicines, conditions, signs) --------------


def test_hindi_benign_night_ache_stays_below_urgent() -> None:
    assert triage("raat ko pair mein thoda dard hota hai exercise ke baad, bas itna hi") not in {
        "emergency",
        "urgent",
    }
