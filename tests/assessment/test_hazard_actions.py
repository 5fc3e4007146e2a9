"""Tests asked for by the clinical hazard log (docs/safety/hazard-log.md, section 5)."""

from __future__ import annotations

import numpy as np
import pytest

import nightlegs
from nightlegs.assessment import Population
from nightlegs.assessment.inference import model, rank
from nightlegs.assessment.triage import EMERGENCY_DOUBT_PROBABILITY, _scenario_level
from nightlegs.intake import extract, extract_population
from nightlegs.knowledge import Triage, load_knowledge_base


def _row(**probabilities: float) -> np.ndarray:
    ids = list(model().condition_ids)
    row = np.zeros(len(ids))
    for cid, p in probabilities.items():
        row[ids.index(cid)] = p
    return row


def _level(row: np.ndarray, present: set[str], age: float = 40) -> int:
    usual = np.array([c.usual_triage.rank for c in model().kb.conditions])
    level, _ = _scenario_level(row, usual, present, Population(age=age), load_knowledge_base())
    return level


# SELF_CARE_MIN_FINDINGS and EMERGENCY_DOUBT_PROBABILITY either side.
def test_self_care_needs_two_findings_that_are_not_red_flags() -> None:
    confident = _row(nocturnal_leg_cramps=0.9, restless_legs_syndrome=0.1)
    assert _level(confident, {"muscle_cramp", "site_calf"}) == Triage.SELF_CARE.rank
    assert _level(confident, {"muscle_cramp"}) == Triage.DOCTOR.rank


@pytest.mark.parametrize(("offset", "expected"), [(-0.01, Triage.DOCTOR), (0.01, Triage.URGENT)])
def test_an_emergency_cause_that_cannot_be_ruled_out_is_urgent(
    offset: float, expected: Triage
) -> None:
    p = EMERGENCY_DOUBT_PROBABILITY + offset
    row = _row(restless_legs_syndrome=1 - p, acute_limb_ischaemia=p)
    assert _level(row, {"urge_to_move", "site_calf"}) == expected.rank


# each condition guard at the triage level.
@pytest.mark.parametrize(
    ("condition", "finding"),
    [
        ("sever_disease", "night_pain_wakes"),
        ("osgood_schlatter", "fever"),
        ("old_injury_pain", "progressive"),
        ("nocturnal_leg_cramps", "med_statin"),
        ("overuse_muscle_pain", "tight_tense_limb"),
        ("plantar_fasciitis", "numbness"),
        ("achilles_bursitis", "leg_warm"),
        ("haglund_deformity", "red_skin"),
        ("flat_feet", "unilateral"),
    ],
)
def test_each_guard_keeps_its_condition_from_self_care(condition: str, finding: str) -> None:
    row = _row(**{condition: 0.95, "restless_legs_syndrome": 0.05})
    present = {"aching_pain", "site_foot"}
    age = 12 if condition in ("sever_disease", "osgood_schlatter") else 40
    assert _level(row, present, age) == Triage.SELF_CARE.rank
    assert _level(row, present | {finding}, age) >= Triage.DOCTOR.rank


# pregnancy and the person.
def test_pregnancy_words_with_sex_male_are_ignored_with_a_warning() -> None:
    result = nightlegs.assess("I'm pregnant and my calf is swollen", sex="male")
    assert result.population["pregnant"] is None
    assert any("pregnancy ignored" in w for w in result.warnings)


def test_a_comparison_is_not_a_pregnancy() -> None:
    assert extract_population("my belly is swollen up like I'm pregnant").pregnant is None


def test_postpartum_is_read_from_a_recent_birth() -> None:
    result = nightlegs.assess("I gave birth 10 days ago and my left calf is swollen and sore")
    assert result.population["postpartum"] is True
    assert result.triage.rank >= Triage.URGENT.rank


# safety-net rules reached from words.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "on sertraline and started tramadol, now jerky twitching legs, agitated, fever",
            "emergency",
        ),
        ("mum slid off the commode and her leg looks shorter and turned out", "urgent"),
        ("toddler has a fever and is floppy and won't walk", "emergency"),
        ("I'm on dialysis, missed a session, legs weak and my heart keeps fluttering", "emergency"),
        ("had the runs last week and now both my legs are getting weaker", "emergency"),
        (
            "weakness creeping up both legs, and my hands tingle, getting weaker by the day",
            "urgent",
        ),
        ("our 8 year old limps and says his shin hurts at night", "urgent"),
        (
            "scratched my shin on a bramble, it hurts far more than it looks and I'm feverish",
            "emergency",
        ),
        (
            "legs ache, and there's a squeezing in the centre of my chest and I'm clammy",
            "emergency",
        ),
        (
            "his leg is in plaster, the cast is digging in and he is crying from the pain",
            "emergency",
        ),
    ],
)
def test_safety_net_rules_from_words(text: str, expected: str) -> None:
    assert nightlegs.assess(text).triage.rank >= Triage(expected).rank


# signs with their own finding and rule (missed dialysis, a bleeding leg with varicose
# veins, one-sided collateral veins or sock marks, a child who gave up sport, jaw or arm pain
# with sweating), and unrelieved pain on moving the toes.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "on haemodialysis, skipped Wednesday's session, now being sick and my legs are weak",
            "emergency",
        ),
        ("missed my dialysis yesterday because of the snow, legs ache a bit", "urgent"),
        ("my jaw aches and my left arm feels heavy, and I'm clammy and grey", "emergency"),
        (
            "I've got varicose veins on my shin and woke to find my sock soaked with blood",
            "emergency",
        ),
        (
            "my left calf aches and the veins on that leg stand out more than on the right, "
            "flew back from Dubai yesterday",
            "urgent",
        ),
        (
            "my sock left a deeper dent on my right ankle than on the left, calf sore, had a knee "
            "operation last week",
            "urgent",
        ),
        (
            "our 9 year old has pain in her left shin that wakes her at night, and she has given "
            "up netball",
            "urgent",
        ),
        (
            "kicked in the calf at rugby today, painkillers haven't touched it and he yells when "
            "I bend his toes back",
            "emergency",
        ),
        (
            "my grandad is 84, had a wee tumble on the path and is no able tae stand on his leg",
            "emergency",
        ),
    ],
)
def test_new_signs_reach_their_rules(text: str, expected: str) -> None:
    assert nightlegs.assess(text).triage.rank >= Triage(expected).rank


def test_jaw_ache_without_heart_attack_signs_is_not_an_emergency() -> None:
    result = nightlegs.assess("my jaw aches after the dentist and my calves cramp at night")
    assert result.triage.rank < Triage.EMERGENCY.rank


# a danger sign read in a text that could not otherwise be read is seen today.
def test_a_lone_foreign_danger_sign_is_urgent() -> None:
    result = nightlegs.assess("Ich habe Fieber.")
    assert result.understood is False
    assert result.triage.rank >= Triage.URGENT.rank


# the default medicine message when no medicine is involved.
def test_default_medicine_message_without_a_medicine() -> None:
    result = nightlegs.assess("my calves ache in the evening when I sit, and walking helps")
    assert "Do not start, stop or change a prescribed medicine without your doctor." in (
        result.next_steps
    )
    assert not any("another dose" in s for s in result.next_steps)


# benign stories with strong words, and denials after an activity.
@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("running and jumping all day, no limp at all", "limp"),
        ("I can't stand the duvet touching my toes", "refuses_weight"),
        ("can't straighten my arms, pee is dark brown", None),
        ("I fell asleep on the sofa", "recent_fall"),
        ("the rash fades when I press a glass on it", "purpura"),
        ("my thighs are so stiff after the gym I can't walk down stairs", "refuses_weight"),
        ("took a kick to the thigh at rugby, proper dead leg", "numbness"),
        ("my feet are always cold, they have been for years", "cold_foot"),
        ("my daughter has gone pale and tired", "sudden_onset"),
    ],
)
def test_false_alarms(text: str, finding: str | None) -> None:
    found = {f.id: f.present for f in extract(text).findings}
    if finding is None:
        assert found.get("dark_urine") is True
    else:
        assert found.get(finding) is not True


# a pregnancy told as history is not a pregnancy now; one that goes on still is.
@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("my veins have bulged since my second pregnancy", False),
        ("I got varicose veins in a pregnancy 15 years ago", False),
        ("I'm 61 and my legs swelled like in pregnancy", False),
        ("since my pregnancy started my calves cramp", True),
        ("I'm pregnant with my third and my calf is sore", True),
    ],
)
def test_pregnancy_history_is_not_a_pregnancy(text: str, pregnant: bool) -> None:
    assert bool(extract_population(text).pregnant) is pregnant


# episodic night pain in a child who is well by day is not "unexplained severe pain".
def test_a_child_who_screams_at_night_and_is_well_next_day_is_not_urgent() -> None:
    text = (
        "our 6 year old screams with pains in both shins some nights, a couple of times a "
        "month, and is running about normally next morning, no limp at all"
    )
    assert nightlegs.assess(text).triage.rank <= Triage.DOCTOR.rank


# Red-team batch 12: danger signs in new words reach their rules (muscle breakdown after
# exertion, Guillain-Barre after a "stomach flu", a bowel accident with back pain, an exertional
# compartment syndrome with "crazy" pain).
@pytest.mark.parametrize(
    "text",
    [
        "did a twelve-hour hike, my thighs are swollen and agony, I've barely weed today and "
        "what came out was dark brown",
        "since a stomach flu last week my feet tingle and both legs are weak",
        "my back went lifting a sofa, my legs ache at night and this morning there was an "
        "accident with my bowels",
        "went for a hard run after a long break, my shin is hard as a rock, the pain's crazy and "
        "nothing I take helps",
    ],
)
def test_batch12_danger_wording_is_an_emergency(text: str) -> None:
    assert nightlegs.assess(text).triage is Triage.EMERGENCY


# Red-team batch 12: "en la cama" is where the night pain is, not being bed-bound; a week in
# bed still is.
def test_spanish_in_bed_at_night_is_not_immobilisation() -> None:
    result = nightlegs.assess("Me duele el pie derecho por la noche en la cama")
    assert not any(f.id == "immobilised" and f.present for f in result.findings)
    assert result.triage.rank <= Triage.DOCTOR.rank


def test_spanish_a_week_in_bed_is_immobilisation() -> None:
    result = nightlegs.assess("Llevo una semana en cama y la pantorrilla derecha está hinchada")
    assert any(f.id == "immobilised" and f.present for f in result.findings)
    assert result.triage.rank >= Triage.URGENT.rank


# Red-team batch 12: breathlessness or chest pain with a sore calf points to a clot that has
# travelled (DVT ranked), while a red, swollen leg with new confusion and fast breathing is
# still ranked as a spreading infection (sepsis), not a clot.
def test_a_sore_calf_with_breathlessness_ranks_a_clot_first() -> None:
    evidence = {"site_calf": True, "aching_pain": True, "breathless": True, "chest_pain": True}
    assert rank(evidence, Population(age=45))[0].id == "deep_vein_thrombosis"


def test_a_red_swollen_leg_with_confusion_ranks_cellulitis_first() -> None:
    evidence = {"red_skin": True, "leg_swelling": True, "confusion": True, "breathless": True}
    assert rank(evidence, Population(age=85))[0].id == "cellulitis"


# Red-team batch 13: emergencies that first show in a leg, told in new words (a tearing pain
# in the chest or back, a sickle cell crisis with fever, slurred speech in German, a compartment
# syndrome after a gym class, a deep infection with pain far worse than the skin, a foot gone
# numb in atrial fibrillation with toes that barely move, a feverish child in voice-typed words).
@pytest.mark.parametrize(
    "text",
    [
        "Out of nowhere a ripping pain went through my chest to my back and my left leg feels odd",
        "I have sickle cell disease, my thighs ache and I've got a temperature of 38.5",
        "Meine Oma kann seit zwei Stunden das linke Bein kaum bewegen und spricht undeutlich",
        "After a spin class yesterday my shins are rock hard, the pain is way beyond normal "
        "soreness and curling my toes makes me scream",
        "Grazed my ankle on a rose bush, the pain is terrible but the skin looks almost normal, "
        "and I feel hot and shivery",
        "She can't really wiggle her toes, her foot went numb two hours ago and she has AF",
        "my sun is five, he has a temprature and wont stand on his leg",
    ],
)
def test_batch13_danger_wording_is_an_emergency(text: str) -> None:
    assert nightlegs.assess(text).triage is Triage.EMERGENCY


# Red-team batch 13: same-day problems without a swollen leg (calf pain with a clot risk, in
# pregnancy too; an infected wound on a diabetic foot that does not hurt; slower walking after
# a fall in an older person, in English or with Spanish words).
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Since my hip operation three weeks ago my right calf aches, it isn't swollen",
            "dvt_calf_pain_with_risk",
        ),
        (
            "My left calf has been sore for two days, I'm 31 weeks pregnant",
            "dvt_pregnancy_calf_pain",
        ),
        (
            "Type 1 diabetic, I didn't notice a cut under my big toe until I saw pus on my sock, "
            "and now the toe is red and warm",
            "diabetic_foot_wound_infection",
        ),
        (
            "Nan is 86 and slipped in the garden yesterday. Her knee aches and she can only walk "
            "holding onto the furniture.",
            "older_fall_walking_harder",
        ),
        (
            "My abuelo is 85, se cayó last night, now his cadera hurts and he walks very slow",
            "older_fall_walking_harder",
        ),
    ],
)
def test_batch13_same_day_rules(text: str, rule: str) -> None:
    result = nightlegs.assess(text)
    assert rule in result.red_flags
    assert result.triage.rank >= Triage.URGENT.rank


# ... and where they step aside: both calves after a flight, night cramps in pregnancy, a grazed
# knee in an older person who walks as normal, sickle cell with a mild ache (a doctor, not an
# emergency), and severe sciatica without nerve or bladder signs (a doctor, not the same day).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After a long flight home both my calves ache a bit", Triage.DOCTOR),
        (
            "Dad (79) tripped on the step, grazed his knee, walking as normal, no hip pain",
            Triage.DOCTOR,
        ),
        ("I have sickle cell disease and my knees ache a little at night", Triage.DOCTOR),
        (
            "Severe pain shooting from my lower back down my right leg since I lifted a box on "
            "Monday, no numbness, bladder fine, legs strong",
            Triage.DOCTOR,
        ),
    ],
)
def test_batch13_rules_step_aside(text: str, expected: Triage) -> None:
    assert nightlegs.assess(text).triage is expected


def test_night_cramps_in_pregnancy_are_not_a_clot_rule() -> None:
    result = nightlegs.assess("I'm 31 weeks pregnant and get cramps in my left calf at night")
    assert "dvt_pregnancy_calf_pain" not in result.red_flags


def test_night_cramps_eased_by_stretching_on_hrt_are_not_a_clot_rule() -> None:
    result = nightlegs.assess(
        "I am on HRT and get cramps in my left calf at night, stretching my foot up eases them"
    )
    assert "dvt_calf_pain_with_risk" not in result.red_flags


# Red-team batches 14 and 15: patterns outside the catalogue or told sideways reach their rules
# (a slipped hip growth plate told as knee pain, the warning ache of an atypical thigh-bone
# fracture on a bone medicine, low calcium after neck surgery or as tetany, cancer in the spine).
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "My 11 year old has a sore thigh and limps a bit, and his foot turns out",
            "sufe_out_toeing_with_pain",
        ),
        (
            "My daughter is 14. Her knee has ached for a fortnight and now she limps",
            "sufe_limp_with_knee_or_hip_pain",
        ),
        (
            "I've taken risedronate for seven years and for a month my left thigh has ached "
            "when I walk, now I limp a bit",
            "atypical_femoral_fracture_prodrome",
        ),
        (
            "Had my parathyroid glands operated on four days ago, my fingers are tingling and my "
            "calves keep cramping",
            "hypocalcaemia_after_neck_surgery",
        ),
        (
            "Since this afternoon my hands and feet keep going into spasm and my lips tingle",
            "hypocalcaemia_tetany",
        ),
        (
            "I had lung cancer treated two years ago, now my mid back aches at night and it wakes "
            "me",
            "mscc_cancer_spinal_pain",
        ),
    ],
)
def test_batch14_same_day_rules(text: str, rule: str) -> None:
    result = nightlegs.assess(text)
    assert rule in result.red_flags
    assert result.triage.rank >= Triage.URGENT.rank


@pytest.mark.parametrize(
    "text",
    [
        # Cancer with back pain and legs that are heavy and wobbly: cord compression.
        "Prostate cancer last year. My back has ached for weeks and this week my legs feel "
        "heavy and a bit wobbly on the stairs",
        # A splinted sprain with pain worse than the injury and purplish toes.
        "Went over on my ankle at football today and it's in a splint. Tonight the pain is way "
        "worse than the original injury and my toes are going purple-ish",
        # An infected scratch whose pain is out of proportion, with a fever.
        "Scratched my shin on a rose bush, it's red and hot and the pain is unbearable, way more "
        "than it looks, and I've got a fever",
    ],
)
def test_batch14_danger_wording_is_an_emergency(text: str) -> None:
    assert nightlegs.assess(text).triage is Triage.EMERGENCY


def test_a_bone_medicine_with_a_thigh_ache_needs_a_doctor() -> None:
    result = nightlegs.assess("I take Fosamax and both my thighs have ached a little lately")
    assert "thigh_ache_on_bone_medicine" in result.red_flags
    assert result.triage.rank >= Triage.DOCTOR.rank


def test_an_italian_fall_with_a_limp_in_an_older_person_is_urgent() -> None:
    result = nightlegs.assess(
        "Mio nonno ha 88 anni, è scivolato in bagno ieri e adesso zoppica, gli fa male l'anca."
    )
    assert (result.understood, result.language) == (False, "it")
    assert result.triage.rank >= Triage.URGENT.rank


# ... and where they step aside.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "I take alendronic acid and get cramps in my calves at night",
            "atypical_femoral_fracture_prodrome",
        ),
        (
            "For years I've had night cramps in my calves and my lips sometimes tingle",
            "hypocalcaemia_tetany",
        ),
        (
            "My son is 15 and his knee hurts after basketball, there's a bump below the kneecap, "
            "no limp",
            "sufe_limp_with_knee_or_hip_pain",
        ),
        (
            "I had breast cancer ten years ago and get calf cramps at night",
            "mscc_cancer_spinal_pain",
        ),
        (
            "I banged my shin on the coffee table, the bruise has turned yellow-green and is "
            "shrinking",
            "jaundice_with_leg_symptoms",
        ),
        (
            "I have MS and at night both legs shoot straight in a spasm, no new weakness",
            "cauda_equina_bilateral_sciatica",
        ),
        (
            "Strained my calf at squash yesterday, felt a twang, there's a bruise by the ankle now",
            "calf_swelling_with_ankle_bruise",
        ),
    ],
)
def test_batch14_rules_step_aside(text: str, rule: str) -> None:
    assert rule not in nightlegs.assess(text).red_flags


def test_an_infected_bite_with_grey_skin_and_a_fever_is_an_emergency() -> None:
    result = nightlegs.assess(
        "red swollen calf after a dog bite on Sunday, now big blisters and grey skin, shivering"
    )
    assert "infection_with_skin_necrosis_signs" in result.red_flags
    assert result.triage is Triage.EMERGENCY


def test_blisters_from_new_shoes_are_not_a_necrotising_infection() -> None:
    result = nightlegs.assess("new shoes gave me blisters on my heels, red and sore")
    assert "infection_with_skin_necrosis_signs" not in result.red_flags


# Batch 16: one feature lifts an urgent story to an emergency; the rule that combines them.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Ankle broken last week and in plaster; tonight my toes are all pins and needles and "
            "the pain is through the roof, nothing helps",
            "compartment_cast_warning_signs",
        ),
        (
            "Got kicked in the shin at rugby on Saturday, it's swollen tight as a drum and my "
            "foot has gone numb",
            "compartment_after_injury_nerve_signs",
        ),
        (
            "A pallet fell on my husband's leg at work today, the hospital said nothing broken "
            "but now his calf is solid and his foot tingles",
            "crush_injury_danger_signs",
        ),
        (
            "Infected graze on my shin, red and spreading, started antibiotics Tuesday, I've "
            "barely peed since yesterday",
            "sepsis_no_urine_with_leg_infection",
        ),
        (
            "Did my first spin class in years on Saturday, my thighs are agony and swollen, "
            "I have hardly weed all day",
            "rhabdomyolysis_little_urine",
        ),
    ],
)
def test_batch16_emergency_combinations(text: str, rule: str) -> None:
    result = nightlegs.assess(text)
    assert rule in result.red_flags, (result.red_flags, [f.id for f in result.findings])
    assert result.triage is Triage.EMERGENCY


@pytest.mark.parametrize(
    ("text", "kwargs"),
    [
        # a clot-risk leg with a faint, a speck of blood, or pleuritic pain: a clot in the lung
        (
            "Two weeks after my hip op the leg is still puffy and I had a funny turn at the sink",
            {"age": 71},
        ),
        (
            "calf sore and tight on one side since the flight, and a speck of blood when I "
            "coughed this morning, probably nothing",
            {"age": 35},
        ),
        (
            "on the pill, right calf swollen, and it catches in my ribs every time I take a deep "
            "breath",
            {"age": 26, "sex": "female"},
        ),
        # back pain with a new bladder change: cauda equina
        (
            "hurt my back at the gym, sciatica down the left leg, and today it takes ages for my "
            "wee to start",
            {"age": 38},
        ),
        # an older person after a fall who cannot get up: hip fracture
        (
            "Dad (86) slipped in the garden yesterday, since then he hasn't been able to stand "
            "and we've had to lift him onto the toilet",
            {},
        ),
    ],
)
def test_batch16_deciding_sign_makes_an_emergency(text: str, kwargs: dict) -> None:
    result = nightlegs.assess(text, **kwargs)
    assert result.triage is Triage.EMERGENCY, (result.red_flags, [f.id for f in result.findings])


def test_a_diabetic_foot_sore_with_pus_and_redness_is_seen_today() -> None:
    result = nightlegs.assess(
        "diabetic for years, numb feet, I found a sore under my big toe and there's green stuff "
        "on the dressing, the toe is red and swollen",
        age=66,
    )
    assert "diabetic_foot_wound_infection" in result.red_flags
    assert result.triage.rank >= Triage.URGENT.rank


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I had a cast on my wrist years ago, now my calves cramp at night", "cast_warning_sign"),
        (
            "my heart failure legs are swollen and I'm not weeing much",
            "sepsis_no_urine_with_leg_infection",
        ),
        ("I felt crushed by the news and my legs ache at night", "crush_injury_same_day"),
        (
            "a rash of purple dots that don't fade on my child's legs, ankles puffy, no fever, "
            "playing happily",
            "sepsis_signs_with_leg_infection",
        ),
    ],
)
def test_batch16_rules_step_aside(text: str, rule: str) -> None:
    assert rule not in nightlegs.assess(text).red_flags


def test_stable_claudication_with_warm_pink_feet_is_not_urgent() -> None:
    result = nightlegs.assess(
        "My grandad (79) gets a cramp in his left calf after walking 300 yards, stops for a "
        "minute and it goes. Same for two years. Feet warm and pink, no pain at night."
    )
    assert result.triage is Triage.DOCTOR, (result.red_flags, [f.id for f in result.findings])


# Batch 17: retold case reports, emergencies inside and outside the catalogue.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Mum has AF and stopped her warfarin; ten minutes ago both legs went cold and mottled "
            "from the knees down and she can't feel me touching them",
            "ali_cold_pale_numb_weak",
        ),
        (
            "tiny nick on my ankle from gardening, now the pain is like nothing on earth, much "
            "worse than the cut looks, and I'm shivery",
            "infection_with_pain_out_of_proportion",
        ),
        (
            "Back pain for a week, temperature 38.9 last night, and today my left leg is weak and "
            "I keep tripping",
            "spinal_infection_fever_back_nerve_signs",
        ),
        (
            "I came off my prednisolone a week ago after months on it, now vomiting, nearly "
            "fainted in the kitchen, and my legs cramp",
            "adrenal_crisis",
        ),
        (
            "Since the cold snap the whole family has headaches and feels sick, the boiler "
            "flame is orange, and my legs ache",
            "carbon_monoxide_symptoms",
        ),
        (
            "woke up this morning and could not move my legs at all, had a big curry and beers "
            "last night",
            "sudden_paralysis_of_legs",
        ),
    ],
)
def test_batch17_emergencies(text: str, rule: str) -> None:
    result = nightlegs.assess(text)
    assert rule in result.red_flags, (result.red_flags, [f.id for f in result.findings])
    assert result.triage is Triage.EMERGENCY


@pytest.mark.parametrize(
    ("text", "kwargs"),
    [
        (
            "on ciprofloxacin, stepping off the kerb it felt like someone kicked the back of my "
            "ankle, now I can't go up on tiptoe on that side",
            {"age": 68},
        ),
        (
            "my daughter had flu last week, today her calves hurt and she does not want to walk at "
            "all",
            {"age": 7},
        ),
    ],
)
def test_batch17_same_day(text: str, kwargs: dict) -> None:
    result = nightlegs.assess(text, **kwargs)
    assert result.triage.rank >= Triage.URGENT.rank, (
        result.red_flags,
        [f.id for f in result.findings],
    )


def test_claudication_that_rest_relieves_for_months_is_not_an_emergency() -> None:
    result = nightlegs.assess(
        "For six months my right calf cramps after ten minutes of running and the foot goes pale "
        "and numb; I stop for two minutes and it is fine again. Nothing at rest."
    )
    assert result.triage is not Triage.EMERGENCY, (result.red_flags, result.conditions[:3])


def test_a_finished_short_steroid_course_is_not_an_adrenal_crisis() -> None:
    result = nightlegs.assess("I finished a five day course of prednisolone and feel a bit sick")
    assert "adrenal_crisis" not in result.red_flags


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "I am diabetic, on insulin for years, and tonight I feel all muddled and spaced out",
            "diabetes_confused_or_drowsy",
        ),
        (
            "type 2 and my sugars have been off the chart all week, now I keep vomiting",
            "hyperglycaemic_crisis",
        ),
        (
            "ran out of my lantus two days ago, now tummy ache and being sick",
            "hyperglycaemic_crisis",
        ),
        (
            "my dad has a triple a they are watching, now his back is killing him and he went pale",
            "known_aneurysm_with_pain_or_collapse",
        ),
        (
            "all of a sudden awful stomach pain through to my back and I nearly fainted",
            "sudden_abdominal_or_back_pain_with_collapse",
        ),
        (
            "she has atrial fibrillation and now severe belly pain, keeps vomiting",
            "abdominal_pain_with_af",
        ),
        (
            "my 15 year old says his left ball is suddenly really sore and he feels sick",
            "testicular_pain_torsion",
        ),
        (
            "trod on a nail last week, now my jaw is tight and my calves keep going into spasms",
            "lockjaw_with_spasms_or_wound",
        ),
        (
            "found a tick on my leg after the hike, now I have a high temperature and a splitting "
            "headache",
            "tick_bite_fever",
        ),
        (
            "mum takes digoxin and her heart rate is slow, about 40, and she's off her legs",
            "digoxin_toxicity_signs",
        ),
        (
            "did a long run in the sun and downed gallons of water, now I'm confused and vomiting",
            "confusion_after_endurance_or_heavy_drinking",
        ),
        (
            "he was working outside all day in the heat and now he is confused and not sweating",
            "heat_exposure_collapse",
        ),
        (
            "got bitten by a snake on the trail, now I feel sick and my nose keeps bleeding",
            "venomous_bite_with_symptoms",
        ),
        (
            "high fever for three days and now my gums are bleeding",
            "fever_with_unexplained_bleeding",
        ),
        (
            "purple spots that don't fade under a glass on his shins and his hands are ice cold",
            "purpura_with_circulation_signs",
        ),
    ],
)
def test_batch19_out_of_catalogue_emergencies(text: str, rule: str) -> None:
    result = nightlegs.assess(text)
    assert rule in result.red_flags, (result.red_flags, [f.id for f in result.findings])
    assert result.triage is Triage.EMERGENCY


def test_batch19_new_chest_tightness_on_hills_is_same_day() -> None:
    result = nightlegs.assess(
        "climbing the stairs at work I get a pressure across my chest and my calves ache, it "
        "eases after I rest for a bit",
        age=70,
    )
    assert "exertional_chest_symptoms" in result.red_flags, result.red_flags
    assert result.triage.rank >= Triage.URGENT.rank


@pytest.mark.parametrize(
    "text",
    [
        "balls of my feet ache at night after a long shift",
        "cramp in my calf like a golf ball, went rock hard, gone after a minute",
        "I'm diabetic and my feet tingle at night, sugars are well controlled",
        "got a tick off the dog this week, I feel fine",
        "my jaw clicks when I chew and my legs are restless at night",
    ],
)
def test_batch19_everyday_stories_stay_below_emergency(text: str) -> None:
    result = nightlegs.assess(text)
    assert result.triage is not Triage.EMERGENCY, (
        result.red_flags,
        [f.id for f in result.findings],
    )


# The diabetic-emergency rule needs a changed mental state, not the racing heart that the broad
# sepsis sign `confusion` also covers.
@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("I'm diabetic and my heart races at night, and my calves cramp", False),
        ("She has type 2 diabetes and tonight she is muddled and very hard to wake", True),
    ],
)
def test_a_diabetic_emergency_needs_a_changed_mental_state(text: str, emergency: bool) -> None:
    result = nightlegs.assess(text)
    assert ("diabetes_confused_or_drowsy" in result.red_flags) is emergency
    assert (result.triage is Triage.EMERGENCY) is emergency


def test_a_leg_infection_with_slang_confusion_is_sepsis() -> None:
    result = nightlegs.assess(
        "his foot's gone red n hot after he stood on a nail, hes got a temp and hes talkin "
        "utter rubbish, dunno what day it is"
    )
    assert result.triage is Triage.EMERGENCY
    assert {"sepsis_fever_confusion", "sepsis_signs_with_leg_infection"} & set(result.red_flags)


# Batches 20-22: heavy bleeding gives first aid.
@pytest.mark.parametrize(
    "text",
    [
        "Grandad caught his leg on the trolley and it's spurting blood everywhere",
        "My mum's varicose vein burst in the bath, the blood will not stop and the towel is soaked",
    ],
)
def test_heavy_bleeding_is_an_emergency_with_first_aid(text: str) -> None:
    result = nightlegs.assess(text)
    assert "heavy_bleeding_first_aid" in result.red_flags
    assert result.triage is Triage.EMERGENCY
    steps = " ".join(result.next_steps).lower()
    assert "press" in steps and "raise the leg" in steps, result.next_steps


def test_a_little_bleeding_is_not_heavy_bleeding() -> None:
    result = nightlegs.assess(
        "I nicked my shin shaving and it bled a bit, my calves cramp at night"
    )
    assert "heavy_bleeding_first_aid" not in result.red_flags
    assert result.triage is not Triage.EMERGENCY


def test_a_swollen_leg_after_a_section_is_a_same_day_clot_check() -> None:
    result = nightlegs.assess(
        "Had our little boy by emergency section a week ago. My left leg is much fatter than the "
        "right and it aches"
    )
    assert result.population["postpartum"] is True
    assert result.triage.rank >= Triage.URGENT.rank
    assert "deep_vein_thrombosis" in [c.id for c in result.conditions[:3]]


def test_swollen_legs_with_breathlessness_lying_flat_is_same_day() -> None:
    result = nightlegs.assess(
        "my ankles have been puffing up for a fortnight and I now need four pillows to breathe "
        "at night",
        age=81,
    )
    assert "heart_failure_swelling_lying_flat" in result.red_flags
    assert result.triage.rank >= Triage.URGENT.rank


def test_orthopnoea_alone_without_swelling_does_not_fire_the_heart_failure_rule() -> None:
    result = nightlegs.assess("I have to sleep sitting up because of my reflux and my calves cramp")
    assert "heart_failure_swelling_lying_flat" not in result.red_flags


def test_cancer_with_new_leg_weakness_is_an_emergency_even_without_back_pain() -> None:
    result = nightlegs.assess(
        "My wife has breast cancer in her bones and since this morning her legs keep giving way"
    )
    assert "mscc_cancer_leg_weakness" in result.red_flags
    assert result.triage is Triage.EMERGENCY


def test_a_birth_told_in_the_story_counts_as_clot_risk() -> None:
    result = nightlegs.assess(
        "three weeks since I had my little girl, now I blacked out on the stairs"
        " and can't catch my breath"
    )
    assert result.population["postpartum"]
    assert result.triage == "emergency"


def test_quinine_for_cramps_is_never_self_care() -> None:
    result = nightlegs.assess(
        "my grandad gets calf cramps most nights and has quinine from the doctor", age=84
    )
    assert "quinine_for_cramps_review" in result.red_flags
    assert result.triage in ("doctor", "urgent")


def test_vomiting_with_little_urine_is_seen_today() -> None:
    result = nightlegs.assess(
        "throwing up all day and hardly peeing at all, now my calves cramp",
        age=30,
        sex="female",
        pregnant=True,
    )
    assert "vomiting_with_little_urine" in result.red_flags
    assert result.triage in ("urgent", "emergency")


def test_a_severe_blood_pressure_reading_in_pregnancy_is_an_emergency() -> None:
    result = nightlegs.assess(
        "29 weeks pregnant, ankles puffy at night, home bp reading 165/104 but I feel ok", age=31
    )
    assert "severe_blood_pressure_in_pregnancy" in result.red_flags
    assert result.triage == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "My calves have cramped most nights ever since the GP put me on indapamide in March.",
        "Night cramps in my feet began soon after my doctor added furosemide for my ankles.",
        "Since starting atorvastatin six weeks ago I wake with thigh cramps.",
    ],
)
def test_cramps_after_a_new_cramp_causing_medicine_see_a_doctor(text: str) -> None:
    result = nightlegs.assess(text, age=70)
    assert "cramps_after_a_new_cramp_causing_medicine" in result.red_flags
    assert result.triage != "self_care"


def test_sciatica_with_lost_bladder_feeling_is_an_emergency_whatever_it_is_blamed_on() -> None:
    result = nightlegs.assess(
        "Sciatica down my right leg for ten days. Since yesterday I do not feel when I need "
        "to pee, I just go because it has been a while, and I leaked at work. Maybe it is "
        "the tramadol?",
        age=45,
    )
    assert result.triage == "emergency"


def test_a_feverish_child_keeping_weight_off_a_leg_is_an_emergency() -> None:
    result = nightlegs.assess(
        "My 3 year old has had a temperature of 39 since last night and today she is not "
        "putting any weight on her left leg, she screams when we change her nappy.",
        age=3,
    )
    assert result.triage == "emergency"


def test_a_varicose_vein_bleeding_a_lot_is_an_emergency() -> None:
    result = nightlegs.assess(
        "Mum is 91 and has big varicose veins. She scratched one in the night and it is "
        "bleeding a lot, it has soaked through the bandage twice.",
    )
    assert result.triage == "emergency"


def test_a_long_superficial_thrombophlebitis_is_seen_today() -> None:
    result = nightlegs.assess(
        "There is a sore red hard vein on my shin, about 15cm long, since last week.",
        age=60,
    )
    assert "thrombophlebitis_long" in result.red_flags
    assert result.triage in ("urgent", "emergency")


def test_weak_legs_with_heart_symptoms_on_a_water_tablet_is_an_emergency() -> None:
    result = nightlegs.assess(
        "My husband is 80 and on furosemide. Both legs have gone weak and wobbly since "
        "yesterday and his heart keeps fluttering, he nearly fainted on the stairs.",
    )
    assert "water_tablet_weakness_heart_symptoms" in result.red_flags
    assert result.triage == "emergency"


def test_weak_legs_with_an_odd_heartbeat_in_kidney_failure_is_an_emergency() -> None:
    result = nightlegs.assess(
        "I have stage 4 kidney disease. My legs have been weak for two days and tonight my "
        "heart is doing odd slow heavy thumps.",
        age=70,
    )
    assert result.triage == "emergency"


def test_palpitations_with_fainting_are_seen_today() -> None:
    result = nightlegs.assess(
        "My calves ache at night. Yesterday my heart was racing and I passed out in the kitchen.",
        age=50,
    )
    assert result.triage in ("urgent", "emergency")


def test_an_infected_leg_with_a_pulse_over_130_is_an_emergency() -> None:
    result = nightlegs.assess(
        "Red hot swollen shin spreading up the leg since Monday, antibiotics from the GP, "
        "my pulse tonight is 138.",
        age=67,
    )
    assert result.triage == "emergency"


def test_an_older_persons_played_down_fall_with_groin_pain_is_seen_today() -> None:
    result = nightlegs.assess(
        "Gran is 84 and had a little fall in the garden yesterday. Now her groin hurts and "
        "she is limping, she says it is only a bruise.",
    )
    assert result.triage in ("urgent", "emergency")


@pytest.mark.parametrize(
    "text",
    [
        "I take apixaban for a clot last year. Since yesterday my poo is black like tar and "
        "my calf aches.",
        "Dad is on warfarin, his shin bruise keeps spreading, his gums bleed and he nearly "
        "passed out getting up.",
    ],
)
def test_major_bleeding_on_a_blood_thinner_is_an_emergency(text: str) -> None:
    result = nightlegs.assess(text, age=75)
    assert "bleeding_on_a_blood_thinner" in result.red_flags
    assert result.triage == "emergency"


def test_bruising_on_a_blood_thinner_is_seen_today_without_advice_to_stop_it() -> None:
    result = nightlegs.assess(
        "I'm on Xarelto and got a big bruise on my thigh for no reason, my leg aches at night.",
        age=70,
    )
    assert result.triage in ("urgent", "emergency")
    flagged = [step for step in result.next_steps if "blood thinner" in step]
    assert flagged and all("Do not stop or change" in a for a in flagged)


def test_a_temperature_during_chemotherapy_is_an_emergency() -> None:
    result = nightlegs.assess(
        "Had my second cycle of chemo a week ago and tonight I'm 38.2 and shivery, my legs "
        "ache all over.",
        age=58,
    )
    assert "fever_during_chemotherapy" in result.red_flags
    assert result.triage == "emergency"


def test_a_past_course_of_antibiotics_is_not_chemotherapy() -> None:
    result = nightlegs.assess(
        "Finished nitrofurantoin for a water infection and now my calves cramp at night.",
        age=40,
    )
    assert "fever_during_chemotherapy" not in result.red_flags


@pytest.mark.parametrize(
    ("text", "age"),
    [
        (
            "My boy woke in the night with really bad pain in his groin and has been sick twice.",
            12,
        ),
        (
            "My 15 year old daughter has sudden severe pain low in her right groin and keeps "
            "vomiting.",
            15,
        ),
    ],
)
def test_groin_pain_with_vomiting_in_a_young_person_is_an_emergency(text: str, age: int) -> None:
    result = nightlegs.assess(text, age=age)
    assert "groin_pain_with_vomiting_in_a_young_person" in result.red_flags
    assert result.triage == "emergency"


def test_groin_ache_after_football_without_vomiting_is_not_a_torsion_alarm() -> None:
    result = nightlegs.assess("My son's groin aches after football training.", age=14)
    assert "groin_pain_with_vomiting_in_a_young_person" not in result.red_flags


def test_a_band_of_blisters_is_seen_today() -> None:
    result = nightlegs.assess(
        "Burning pain down the side of my thigh for days and now a strip of blisters "
        "only on the left.",
        age=62,
    )
    assert "band_of_blisters" in result.red_flags
    assert result.triage == "urgent"


def test_medicine_names_in_a_foreign_text_are_kept() -> None:
    result = nightlegs.assess(
        "Prendo Eliquis da un anno. Da ieri le feci sono nere e mi gira la testa.", age=80
    )
    assert any(f.id == "med_anticoagulant" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "My 7 year old has aching legs at night and was sick this evening.",
        "My daughter is 6, her legs ache at night, both of them, and now her hip and groin hurt.",
    ],
)
def test_growing_pains_are_not_self_care_with_vomiting_or_hip_pain(text: str) -> None:
    assert nightlegs.assess(text).triage != "self_care"


def test_jerking_legs_with_shaking_and_sweating_on_two_serotonin_medicines_is_an_emergency() -> (
    None
):
    result = nightlegs.assess(
        "Started tramadol on top of my sertraline, now my legs jerk by themselves, I'm shaking "
        "all over, sweating buckets and have diarrhoea."
    )
    assert "serotonin_toxicity_jerks_with_body_signs" in result.red_flags
    assert result.triage == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "On sertraline for years, my legs twitch at night when I try to sleep.",
        "On citalopram, my calves twitch now and then and I have a slight tremor.",
    ],
)
def test_twitching_on_an_antidepressant_alone_is_not_serotonin_syndrome(text: str) -> None:
    result = nightlegs.assess(text)
    assert "serotonin_toxicity_jerks_with_body_signs" not in result.red_flags
    assert result.triage in {"self_care", "doctor"}


def test_serotonin_syndrome_told_in_spanish_is_an_emergency() -> None:
    text = (
        "Tomo sertralina y el lunes me dieron tramadol. Desde anoche las piernas me dan sacudidas "
        "solas, estoy temblando entera, sudando muchísimo y con diarrea, súper nerviosa."
    )
    assert nightlegs.assess(text).triage == "emergency"
