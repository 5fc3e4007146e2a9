"""Danger signs in descriptions written in German: the findings of the newer emergency and
urgent rules in de.yaml."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mein mann nimmt sertralin, der zahnarzt hat ihm tramadol gegeben, jetzt ist er "
            "total unruhig und hat zuckungen",
            {"med_serotonergic": True, "muscle_twitching": True},
        ),
        ("mein bruder bekommt haldol als depotspritze", {"med_antipsychotic": True}),
        (
            "papa nimmt marcumar und hat heute schwarzen stuhl",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("mutti hat blut erbrochen, sie nimmt eliquis", {"gi_bleeding": True}),
        ("meine frau ist in der chemo, dritter zyklus", {"on_chemotherapy": True}),
        ("er nimmt wassertabletten und digitoxin", {"med_diuretic": True, "med_digoxin": True}),
        ("puls 38 und er ist umgekippt", {"slow_pulse": True, "fainting": True}),
        (
            "reißende schmerzen im rücken zwischen den schulterblättern",
            {"tearing_chest_back_pain": True},
        ),
        ("mein sohn hat starke hodenschmerzen", {"testicular_pain": True}),
        ("letzte woche eine zecke am bein entfernt", {"tick_bite": True}),
        ("beim wandern von einer kreuzotter gebissen", {"venomous_bite": True}),
        ("er ist zuckerkrank und spritzt insulin", {"diabetes": True}),
        ("blutzucker 450, atem riecht nach aceton", {"high_blood_sugar": True}),
        ("hat gestern abend das insulin vergessen", {"missed_insulin": True}),
        ("bein ist im gips, zehen blau und taub", {"leg_in_cast": True}),
        ("die schmerzen sind viel stärker als die verletzung", {"pain_out_of_proportion": True}),
        ("die haut um die wunde wird schwarz", {"skin_necrosis_signs": True}),
        ("er hat seit gestern abend nicht gepinkelt", {"little_or_no_urine": True}),
        ("kann plötzlich die beine nicht mehr bewegen", {"legs_cannot_move": True}),
        ("vor zwei wochen magen darm, jetzt schwache beine", {"recent_gut_infection": True}),
        ("im liegen kriegt er keine luft, schläft im sitzen", {"orthopnoea": True}),
        ("die linke wade ist dicker als die rechte", {"calf_bigger_than_other": True}),
        ("druck auf der brust beim treppen steigen", {"exertional_chest_symptoms": True}),
        ("er hat ein bauchaortenaneurysma", {"known_aneurysm": True}),
        ("nach der schilddrüsen op kribbeln um den mund", {"perioral_tingling": True}),
        (
            "die alte gastherme ist kaputt, die ganze familie hat kopfschmerzen",
            {"household_co_exposure": True},
        ),
        ("schmerzen im kiefer und im linken arm", {"jaw_arm_pain": True}),
        (
            "er hat die dialyse gestern ausgelassen",
            {"missed_dialysis": True, "kidney_disease": True},
        ),
        ("sie hat nasenbluten und zahnfleischbluten", {"mucosal_bleeding": True}),
        ("die augen sind gelb geworden", {"jaundice": True}),
        ("nach dem ersten training im fitnessstudio", {"after_unusual_exercise": True}),
        ("hat das cortison vor einer woche abgesetzt", {"adrenal_risk": True}),
        ("gürtelrose am bauch", {"rash_in_a_band": True}),
        ("wacht nachts vor schmerzen auf", {"night_pain_wakes": True}),
        ("schmerzen beim gehen, muss nach 100 metern stehen bleiben", {"pain_on_walking": True}),
    ],
)
def test_german_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "de", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Keine Blutverdünner, nur Vitamine.", "med_anticoagulant"),
        ("Keine Chemo mehr seit zwei Jahren.", "on_chemotherapy"),
        ("Kein Diabetes bekannt.", "diabetes"),
        ("Keine Zecke gefunden.", "tick_bite"),
        ("Ohne Gips, nur ein Verband.", "leg_in_cast"),
    ],
)
def test_german_negation_denies_the_new_findings(text: str, finding: str) -> None:
    assert found(text, "de").get(finding) is False


def test_a_floor_is_not_a_walking_stick() -> None:
    assert "new_walking_difficulty" not in found("Wir wohnen im dritten Stock.", "de")


# --- End to end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # serotonin syndrome
        "Mein Mann nimmt Sertralin und hat gestern Tramadol bekommen, jetzt zittert er, hat "
        "Muskelzuckungen, schwitzt und ist total unruhig, Fieber 38,6",
        # Guillain-Barre after a stomach bug
        "Vor zwei Wochen hatte ich Magen-Darm, jetzt kribbeln beide Füße und die Beine werden "
        "immer schwächer, kann kaum Treppen steigen",
        # bleeding on a blood thinner
        "Meine Mutter nimmt Xarelto, heute schwarzer Stuhl und sie ist kurz ohnmächtig geworden",
        # fever during chemotherapy
        "Mein Vater bekommt Chemo, letzte Gabe vor einer Woche, jetzt 38,5 Fieber, Schüttelfrost",
        # diabetes with confusion
        "Oma ist Diabetikerin, heute ist sie ganz verwirrt und erkennt uns nicht",
        # aortic dissection
        "Plötzlich reißende Schmerzen in der Brust bis in den Rücken, er ist kaltschweißig",
        # cast with severe pain and numb toes
        "Das Bein ist seit gestern im Gips, starke Schmerzen und die Zehen sind taub und kalt",
        # testicular torsion
        "Mein Sohn (14) hat seit einer Stunde starke Hodenschmerzen",
    ],
)
def test_german_new_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Nachts Wadenkrämpfe, Dehnen hilft, morgens alles gut.",
        "Unsere Tochter (6) hat abends Beinschmerzen, Massage hilft, morgens tobt sie herum.",
        "Nach dem Training Muskelkater in den Oberschenkeln, wird jeden Tag besser.",
    ],
)
def test_german_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) in ("self_care", "doctor")
