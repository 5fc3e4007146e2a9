"""Danger signs in descriptions written in Italian: the findings of the newer emergency and
urgent rules in it.yaml."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mio marito prende la sertralina, il dentista gli ha dato il tramadolo, ora e "
            "agitatissimo e ha la febbre",
            {"med_serotonergic": True, "agitation": True, "fever": True},
        ),
        ("mia sorella fa il serenase per la schizofrenia", {"med_antipsychotic": True}),
        (
            "papa prende il coumadin e stamattina le feci erano nere come la pece",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        (
            "mamma con l'eliquis, ha vomitato sangue",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("mia moglie sta facendo la chemio, ieri il terzo ciclo", {"on_chemotherapy": True}),
        ("prende il lasix e la digossina", {"med_diuretic": True, "med_digoxin": True}),
        ("polso a 38, e quasi svenuto", {"slow_pulse": True}),
        (
            "dolore lacerante al petto che passa tra le scapole",
            {"tearing_chest_back_pain": True},
        ),
        ("mio figlio ha un dolore fortissimo al testicolo", {"testicular_pain": True}),
        ("settimana scorsa gli ho tolto una zecca dalla gamba", {"tick_bite": True}),
        ("e stato morso da una vipera sul sentiero", {"venomous_bite": True}),
        ("ha il diabete e fa l'insulina", {"diabetes": True}),
        ("glicemia 450 stamattina, alito che sa di acetone", {"high_blood_sugar": True}),
        ("ha saltato l'insulina ieri sera", {"missed_insulin": True}),
        ("ha la gamba ingessata, le dita sono gonfie e viola", {"leg_in_cast": True}),
        (
            "il dolore e molto piu forte di quanto dovrebbe per una botta",
            {"pain_out_of_proportion": True},
        ),
        ("la pelle intorno alla ferita e diventata nera", {"skin_necrosis_signs": True}),
        ("non fa pipi da ieri sera", {"little_or_no_urine": True}),
        ("all'improvviso non riesce piu a muovere le gambe", {"legs_cannot_move": True}),
        ("dopo una gastroenterite le gambe sono sempre piu deboli", {"recent_gut_infection": True}),
        (
            "da sdraiato gli manca l'aria, dorme seduto con tre cuscini per respirare",
            {"orthopnoea": True},
        ),
        ("il polpaccio sinistro e piu grosso dell'altro", {"calf_bigger_than_other": True}),
        ("mal di petto quando fa le scale", {"exertional_chest_symptoms": True}),
        ("ha un aneurisma dell'aorta", {"known_aneurysm": True}),
        (
            "le hanno tolto la tiroide, ora formicolio intorno alla bocca",
            {"perioral_tingling": True},
        ),
        (
            "la caldaia e vecchia, tutta la famiglia ha mal di testa",
            {"household_co_exposure": True},
        ),
        ("dolore alla mascella e al braccio sinistro", {"jaw_arm_pain": True}),
        ("ha saltato la dialisi di ieri", {"missed_dialysis": True, "kidney_disease": True}),
        ("le sanguinano le gengive e sangue dal naso", {"mucosal_bleeding": True}),
        ("occhi gialli da due giorni", {"jaundice": True}),
        ("dopo la prima lezione di crossfit", {"after_unusual_exercise": True}),
        ("ha smesso il deltacortene da una settimana", {"adrenal_risk": True}),
        ("fuoco di sant'antonio sul fianco", {"rash_in_a_band": True}),
    ],
)
def test_italian_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "it", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Non prende anticoagulanti.", "med_anticoagulant"),
        ("Niente chemio, solo controlli.", "on_chemotherapy"),
        ("Non ha il diabete.", "diabetes"),
        ("Nessuna zecca trovata.", "tick_bite"),
        ("Senza gesso, solo una fascia.", "leg_in_cast"),
    ],
)
def test_italian_negation_denies_the_new_findings(text: str, finding: str) -> None:
    assert found(text, "it").get(finding) is False


def test_a_strain_in_the_back_is_not_a_tearing_pain() -> None:
    assert "tearing_chest_back_pain" not in found("Ho uno strappo alla schiena da ieri.", "it")


# --- End to end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # serotonin syndrome
        "Mio marito prende la sertralina e ieri gli hanno dato il tramadolo, oggi ha "
        "tremori, scatti muscolari, suda ed e agitatissimo, febbre 38.5",
        # Guillain-Barre after a stomach bug
        "Due settimane fa ho avuto una gastroenterite, ora formicolio ai piedi che sale e "
        "le gambe sono deboli, faccio fatica a salire le scale",
        # bleeding on a blood thinner
        "Mia madre prende lo xarelto, oggi feci nere e ha avuto un mancamento",
        # fever during chemotherapy
        "Mio padre fa la chemio, ultimo ciclo 8 giorni fa, ora febbre 38.4 e brividi",
        # diabetes with confusion
        "Mia nonna ha il diabete, stamattina e confusa e non riconosce nessuno",
        # aortic dissection
        "All'improvviso dolore lacerante alla schiena tra le scapole, e sudato e pallido",
        # cast with severe pain and numb toes
        "Ha la gamba ingessata da ieri, dolore fortissimo e le dita sono intorpidite e fredde",
        # slow pulse with fainting on digoxin
        "Mia nonna prende la digossina, polso a 40 ed e svenuta",
    ],
)
def test_italian_new_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Di notte ho i crampi al polpaccio, passano se allungo il muscolo.",
        "Mia figlia di 6 anni la sera ha male alle gambe, un massaggio e dorme, la mattina corre.",
        "Dopo la palestra ho i muscoli delle cosce indolenziti, il giorno dopo va meglio.",
    ],
)
def test_italian_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) in ("self_care", "doctor")
