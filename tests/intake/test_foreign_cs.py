"""Danger signs in descriptions written in Czech: the Czech lexicon (cs.yaml).

The case tables of the shapes every language shares are data in
``tests/data/foreign/cs.yaml``, run by ``test_foreign_cases.py``; this file keeps what only
Czech needs.
"""

from __future__ import annotations

from _foreign_helpers import found, says

from nightlegs.intake._foreign import find_foreign_findings

# --- Danger signs, as a relative writes them -----------------------------------------------


def test_czech_prefixes_leave_everyday_words_alone() -> None:
    # "otec" (father) is not "oteč-" swelling, "moc" (very) is not urine, "křečové žíly"
    # (varicose veins) are not cramps, "pravidelně" (regularly) is not the right side.
    assert found("Otec je pravidelně u doktora.", "cs") == {}
    assert "dark_urine" not in found("Noha je tmavá a moc bolí.", "cs")
    assert "muscle_cramp" not in found("Krvácí z křečové žíly.", "cs")


# --- Negation ------------------------------------------------------------------------------


def test_a_phrase_holding_a_negation_is_affirmed() -> None:
    says("Táta nemůže chodit a necítí nohu.", "cs", refuses_weight=True, numbness=True)
    says("Nemá puls na noze.", "cs", absent_pulse=True)


# --- Pregnancy, birth, child and ages ------------------------------------------------------


def test_czech_pregnancy_and_recent_birth() -> None:
    pregnant = find_foreign_findings(
        "Jsem ve 34. týdnu těhotenství, bolí mě hlava a mám mžitky před očima.", "cs"
    )
    assert pregnant.pregnant and not pregnant.child
    assert {f.id for f in pregnant.findings} >= {"headache", "visual_disturbance"}
    birth = find_foreign_findings("Před dvěma týdny jsem rodila císařem.", "cs")
    assert {f.id for f in birth.findings} >= {"recent_childbirth", "recent_surgery"}
    # The baby of a birth is not the person described.
    assert not find_foreign_findings("Porodila syna před týdnem, lýtko bolí.", "cs").child
