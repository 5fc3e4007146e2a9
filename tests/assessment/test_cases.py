"""Regression cases written for these tests (not the evaluation vignettes).

Each case states the expected cause and triage; the assessment must rank the cause in the top
three and must never give a lower triage level than expected (over-triage is tolerated here).
"""

from __future__ import annotations

import pytest

import nightlegs
from nightlegs.knowledge import Triage

CASES = [
    (
        "my leg went cold and white about an hour ago and it hurts like hell, I cant feel my toes",
        81,
        None,
        "acute_limb_ischaemia",
        "emergency",
    ),
    (
        "Hi, my son is 4 and he has a temperature and wont walk on his left leg, he screams if I touch his knee",
        None,
        None,
        "bone_infection",
        "emergency",
    ),
    (
        "so basically every nite when i lie down my legs feel all jumpy and wierd like theres insects under the skin and i gotta get up and walk about. its doin my head in",
        40,
        "female",
        "restless_legs_syndrome",
        "doctor",
    ),
    (
        "I get horrible cramps in my calf at night, my toes point and the muscle is rock hard. I stand on the floor and it goes.",
        66,
        "male",
        "nocturnal_leg_cramps",
        "self_care",
    ),
    (
        "Back flight from Australia 3 days ago and now my right calf is swollen, red-ish and sore when I walk. No chest pain.",
        45,
        "female",
        "deep_vein_thrombosis",
        "urgent",
    ),
    (
        "my calf is swollen and hurts, I've been getting short of breath on the stairs since yesterday and I'm on the pill",
        32,
        "female",
        "deep_vein_thrombosis",
        "emergency",
    ),
    (
        "My shin is really red and hot, it's spreading up my leg and I feel shivery and rubbish. I had a cut there last week.",
        60,
        "male",
        "cellulitis",
        "urgent",
    ),
    (
        "burning feet at night, like walking on hot sand, numb toes, I'm diabetic for 15 years",
        62,
        "male",
        "peripheral_neuropathy",
        "doctor",
    ),
    (
        "when i walk to the shops my calf cramps up and i have to stop, after a couple of minutes i can carry on. ex smoker",
        70,
        "male",
        "peripheral_arterial_disease",
        "doctor",
    ),
    (
        "My 7 yr old wakes up crying about sore legs, both legs, rubs them and goes back to sleep, fine in the morning and runs about all day",
        None,
        None,
        "growing_pains",
        "self_care",
    ),
    (
        "Pain in my lower back shooting down the back of my left leg to my foot, worse when I cough or sit",
        38,
        "male",
        "lumbar_radiculopathy",
        "doctor",
    ),
    (
        "My heel kills when I get out of bed in the morning, first few steps are agony then it eases",
        50,
        "female",
        "plantar_fasciitis",
        "self_care",
    ),
    (
        "since I started atorvastatin my thighs and calves ache all the time and feel weak",
        58,
        "male",
        "drug_induced_muscle_symptoms",
        "doctor",
    ),
    (
        "I ran my first half marathon on Sunday and now both my thighs and calves are really sore, worse going downstairs",
        35,
        "female",
        "overuse_muscle_pain",
        "self_care",
    ),
    (
        "varicose veins on both legs, they ache and feel heavy by the evening, better with my feet up",
        55,
        "female",
        "chronic_venous_disease",
        "doctor",
    ),
    (
        "Both knees ache at night and are stiff for 10 minutes in the morning, they crunch on the stairs",
        72,
        "female",
        "knee_osteoarthritis",
        "doctor",
    ),
    (
        "my legs jerk all night according to my wife, i dont feel anything but im exhausted in the day",
        50,
        "male",
        "periodic_limb_movement_disorder",
        "doctor",
    ),
    (
        "after my dialysis sessions my legs cramp at night and I itch all over",
        67,
        "male",
        "metabolic_intoxication",
        "urgent",
    ),
    (
        "My 14 year old daughter has had pain just above her right knee for a month, it wakes her at night and now she's limping and there's a lump",
        None,
        None,
        "bone_tumour",
        "urgent",
    ),
    (
        "I've got back pain and now I can't feel when I wipe and I've wet myself",
        45,
        "male",
        "cauda_equina_syndrome",
        "emergency",
    ),
    (
        "After I broke my tibia yesterday they put a cast on and now the pain is unbearable, painkillers aren't touching it and my toes are tingling",
        22,
        "male",
        "compartment_syndrome",
        "emergency",
    ),
    (
        "My 11 year old plays football 4 times a week and the back of both heels hurt after matches",
        None,
        None,
        "sever_disease",
        "self_care",
    ),
    (
        "I'm 30 weeks pregnant and get calf cramps most nights",
        28,
        "female",
        "nocturnal_leg_cramps",
        "self_care",
    ),
    (
        "my pee has gone dark brown like coke and my muscles are killing me since I started a new cholesterol tablet",
        64,
        "female",
        "drug_induced_muscle_symptoms",
        "emergency",
    ),
    (
        "hubby keeps kicking me all nite, he says he doesnt know hes doing it. he snores too",
        None,
        None,
        "periodic_limb_movement_disorder",
        "doctor",
    ),
    (
        "my mum is 82 and gets terrible cramps in her calfs at night, she's on water tablets",
        None,
        None,
        "drug_induced_muscle_symptoms",
        "doctor",
    ),
    (
        "legs r so restless at night cant settle, have to keep moving them, worse since im pregnant (24wks)",
        None,
        None,
        "restless_legs_syndrome",
        "doctor",
    ),
    (
        "i got a charley horse last nite, woke me up screaming, calf still sore today",
        30,
        "male",
        "nocturnal_leg_cramps",
        "self_care",
    ),
    (
        "Pins and needles and numbness in both feet, worse at night, I drink about 6 pints most nights",
        55,
        "male",
        "peripheral_neuropathy",
        "doctor",
    ),
    (
        "My knee is swollen, hot and red and I can barely bend it, I had gout before",
        58,
        "male",
        "inflammatory_arthritis",
        "doctor",
    ),
    (
        "I fell in the garden yesterday and now have pain in my groin and cant put weight on my leg. I have osteoporosis",
        79,
        "female",
        "osteoporosis",
        "urgent",
    ),
    (
        "there's a tender, hard red line along a vein on my inner calf, its been there 3 days, I have varicose veins",
        52,
        "female",
        "superficial_thrombophlebitis",
        "doctor",
    ),
    (
        "a vein on my leg burst and it's bleeding a lot",
        70,
        "female",
        "chronic_venous_disease",
        "emergency",
    ),
    (
        "Ive got a lump behind my knee and the calf suddenly got swollen and bruised around the ankle",
        63,
        "female",
        "bakers_cyst",
        "urgent",
    ),
    (
        "both my legs ache and get numb when I walk or stand for a while, I have to sit down or lean on the trolley to ease it",
        74,
        "male",
        "spinal_stenosis",
        "doctor",
    ),
    (
        "My feet and toes ache when its cold and the back of my heel has a bony bump that my shoes rub on",
        30,
        "female",
        "haglund_deformity",
        "self_care",
    ),
    (
        "purple spots on both shins that don't fade when I press a glass on them, and I've been running a temperature and lost weight",
        58,
        "male",
        "vasculitis",
        "urgent",
    ),
    (
        "My legs twitch and jump when I'm trying to get to sleep and I have to move them. Ferritin was low last year.",
        44,
        "female",
        "restless_legs_syndrome",
        "doctor",
    ),
    (
        "I have cramps in my legs at night and also have been vomiting and had diarrhoea for a few days",
        40,
        "female",
        "mineral_deficiency",
        "doctor",
    ),
    (
        "Burning tingling in the sole of one foot and the inside of my ankle, worse after standing all day",
        50,
        "female",
        "tarsal_tunnel_syndrome",
        "doctor",
    ),
    (
        "my 3 year old is limping and wont walk, he has a fever of 39 and is very grumpy",
        None,
        None,
        "bone_infection",
        "emergency",
    ),
    (
        "I'm 35, broke my ankle skiing 10 years ago and it aches at night when the weather changes",
        None,
        None,
        "old_injury_pain",
        "self_care",
    ),
]


@pytest.mark.parametrize(("text", "age", "sex", "gold", "triage"), CASES)
def test_case(text: str, age: float | None, sex: str | None, gold: str, triage: str) -> None:
    result = nightlegs.assess(text, age=age, sex=sex)
    assert gold in [c.id for c in result.conditions[:3]]
    assert result.triage.rank >= Triage(triage).rank
