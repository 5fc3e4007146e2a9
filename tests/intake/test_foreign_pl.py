"""Danger signs in descriptions written in Polish: the Polish lexicon (pl.yaml).

The case tables of the shapes every language shares are data in
``tests/data/foreign/pl.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Polish needs.
"""

from __future__ import annotations

from _foreign_helpers import says

from nightlegs.intake._foreign import find_foreign_findings

# --- Negation ------------------------------------------------------------------------------


def test_a_phrase_holding_nie_is_affirmed() -> None:
    says("Tata nie może chodzić i nie czuje nogi.", "pl", refuses_weight=True, numbness=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_polish_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Jestem w 34 tygodniu ciąży, boli mnie głowa, mam mroczki przed oczami.", "pl"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Dwa tygodnie temu urodziłam przez cesarkę.", "pl")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of a birth is not the person described.
    assert not find_foreign_findings("Urodziła syna tydzień temu, łydka boli.", "pl").child
