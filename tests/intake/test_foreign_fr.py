"""Danger signs in descriptions written in French: the findings of the newer emergency and
urgent rules in fr.yaml."""

from __future__ import annotations

import pytest
from _foreign_helpers import found, says, triage

# --- Findings of the newer rules, as a relative writes them on a forum ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mon mari prend du deroxat, le dentiste lui a donné du tramadol, il est tres agité "
            "et a de la fievre",
            {"med_serotonergic": True, "agitation": True, "fever": True},
        ),
        ("mon frere a une injection retard pour sa schizophrenie", {"med_antipsychotic": True}),
        (
            "papa est sous previscan et ce matin ses selles sont noires",
            {"med_anticoagulant": True, "gi_bleeding": True},
        ),
        ("maman a vomi du sang, elle prend de l'eliquis", {"gi_bleeding": True}),
        ("ma femme est sous chimio, troisième cure", {"on_chemotherapy": True}),
        ("il prend du lasilix et de la digoxine", {"med_diuretic": True, "med_digoxin": True}),
        ("pouls à 38 et il a fait un malaise", {"slow_pulse": True}),
        ("douleur déchirante dans le dos entre les omoplates", {"tearing_chest_back_pain": True}),
        ("mon fils a super mal au testicule", {"testicular_pain": True}),
        ("on lui a enlevé une tique la semaine derniere", {"tick_bite": True}),
        ("mordu par une vipère en randonnée", {"venomous_bite": True}),
        ("il est diabétique sous insuline", {"diabetes": True}),
        ("glycémie à 4 g ce matin, haleine qui sent l'acétone", {"high_blood_sugar": True}),
        ("il a oublié son insuline hier soir", {"missed_insulin": True}),
        ("jambe dans le plâtre, orteils bleus et engourdis", {"leg_in_cast": True}),
        ("la douleur est bien pire que la blessure", {"pain_out_of_proportion": True}),
        ("la peau autour de la plaie devient noire", {"skin_necrosis_signs": True}),
        ("il n'a pas fait pipi depuis hier soir", {"little_or_no_urine": True}),
        ("d'un coup elle n'arrive plus à bouger les jambes", {"legs_cannot_move": True}),
        (
            "il y a deux semaines une gastro, maintenant les jambes lâchent",
            {"recent_gut_infection": True},
        ),
        ("allongé il étouffe, il dort assis pour respirer", {"orthopnoea": True}),
        ("le mollet gauche est plus gros que le droit", {"calf_bigger_than_other": True}),
        (
            "serrement dans la poitrine quand il monte les escaliers",
            {"exertional_chest_symptoms": True},
        ),
        ("il a un anévrisme de l'aorte", {"known_aneurysm": True}),
        (
            "depuis l'ablation de la thyroïde, fourmillements autour de la bouche",
            {"perioral_tingling": True},
        ),
        (
            "la vieille chaudière fuit, toute la famille a mal de tête",
            {"household_co_exposure": True},
        ),
        ("douleur dans la mâchoire et le bras gauche", {"jaw_arm_pain": True}),
        ("il a sauté sa dialyse hier", {"missed_dialysis": True, "kidney_disease": True}),
        ("elle saigne du nez et des gencives", {"mucosal_bleeding": True}),
        ("il a les yeux jaunes", {"jaundice": True}),
        ("après mon premier entraînement de crossfit", {"after_unusual_exercise": True}),
        ("elle a arrêté la cortisone d'un coup", {"adrenal_risk": True}),
        ("un zona sur le flanc", {"rash_in_a_band": True}),
        ("il a de la fibrillation auriculaire", {"atrial_fibrillation": True}),
    ],
)
def test_french_findings_of_newer_rules(text: str, expected: dict[str, bool]) -> None:
    says(text, "fr", **expected)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Pas d'anticoagulant, juste des vitamines.", "med_anticoagulant"),
        ("Pas de chimio depuis deux ans.", "on_chemotherapy"),
        ("Il n'est pas diabétique.", "diabetes"),
        ("Aucune tique retrouvée.", "tick_bite"),
        ("Sans plâtre, juste une bande.", "leg_in_cast"),
    ],
)
def test_french_negation_denies_the_new_findings(text: str, finding: str) -> None:
    assert found(text, "fr").get(finding) is False


def test_a_trapped_nerve_is_not_a_crush_injury() -> None:
    assert "crush_injury" not in found("Il a un nerf coincé entre deux vertèbres.", "fr")


# --- End to end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # serotonin syndrome
        "Mon mari prend du Deroxat et on lui a ajouté du tramadol, il tremble, il a des "
        "secousses dans les jambes, il transpire, il est très agité, 38,6 de fièvre",
        # Guillain-Barre after a stomach bug
        "Il y a deux semaines j'ai eu une gastro, maintenant des fourmillements dans les deux "
        "pieds et les jambes de plus en plus faibles, j'ai du mal à monter les escaliers",
        # bleeding on a blood thinner
        "Ma mère est sous Xarelto, aujourd'hui selles noires et elle a fait un malaise",
        # fever during chemotherapy
        "Mon père est sous chimio, dernière cure il y a 8 jours, maintenant 38,5 et frissons",
        # diabetes with confusion
        "Ma grand-mère est diabétique, ce matin elle est confuse et ne nous reconnaît pas",
        # aortic dissection
        "D'un coup une douleur déchirante dans la poitrine qui passe dans le dos, il est en sueur",
        # cast with severe pain and numb toes
        "Plâtré hier pour une fracture, douleur atroce cette nuit et orteils engourdis et froids",
        # testicular torsion
        "Mon fils de 14 ans a une douleur brutale au testicule depuis une heure",
    ],
)
def test_french_new_emergency_patterns(text: str) -> None:
    assert triage(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "La nuit des crampes au mollet, ça passe quand j'étire la jambe.",
        "Ma fille de 6 ans a mal aux jambes le soir, un massage et elle dort, le matin elle court.",
        "Après le sport des courbatures aux cuisses, ça va mieux chaque jour.",
    ],
)
def test_french_benign_stays_below_urgent(text: str) -> None:
    assert triage(text) in ("self_care", "doctor")
