"""Danger signs in descriptions written in Swedish: the Swedish lexicon (sv.yaml).

Norwegian and Danish writers are read with it too, through its variants ("bein", "ikke").

The case tables of the shapes every language shares are data in
``tests/data/foreign/sv.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Swedish needs.
"""

from __future__ import annotations

from _foreign_helpers import found, says

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them -----------------------------------------------


def test_swedish_prefixes_leave_everyday_words_alone() -> None:
    # "om" (if) is not "öm" (tender), "protest" is not a prosthesis, "nummer" is not numb,
    # a cold foot bath is not a cold foot.
    assert found("Om han protesterar, ring det här numret.", "sv") == {}
    assert "cold_foot" not in found("Ett kallt fotbad hjälper.", "sv")


# --- Negation ------------------------------------------------------------------------------


def test_a_phrase_holding_inte_is_affirmed() -> None:
    says("Pappa kan inte gå och känner inte benet.", "sv", refuses_weight=True, numbness=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_swedish_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Jag är gravid i vecka 34, har huvudvärk och flimmer för ögonen.", "sv"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Jag födde med kejsarsnitt för två veckor sedan.", "sv")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of a birth is not the person described.
    assert not find_foreign_findings(
        "Hon födde en son för en vecka sedan, vaden värker.", "sv"
    ).child
