"""Free-text intake: findings, negation, context, population and bad input."""

from __future__ import annotations

import pytest

from nightlegs import assess
from nightlegs.errors import InputError
from nightlegs.intake import extract
from nightlegs.knowledge import knowledge_index


def found(text: str) -> dict[str, bool]:
    return {f.id: f.present for f in extract(text).findings}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("My calf hurts but there is no swelling", "leg_swelling"),
        ("The skin isn't red at all", "red_skin"),
        ("Aching legs at night without fever", "fever"),
        ("I don't snore, my wife would tell me", "snoring_apnoea"),
        ("It never goes into a hard knot", "muscle_hardens"),
    ],
)
def test_negated_findings_are_absent(text: str, finding: str) -> None:
    assert found(text).get(finding) is False


def test_nothing_helps_denies_every_kind_of_relief() -> None:
    findings = found("My legs ache every night and nothing helps")
    assert findings["nothing_relieves"] is True
    assert findings["relieved_by_movement"] is False
    assert findings["relieved_by_stretching"] is False


def test_negation_stops_at_but() -> None:
    findings = found("No fever, but my calf is swollen and hot")
    assert findings["fever"] is False
    assert findings["leg_swelling"] is True
    assert findings["leg_warm"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I keep getting a charley horse in bed", "muscle_cramp"),
        ("pins and needles in my feet every night", "tingling"),
        ("a creepy crawly feeling in my legs when I sit down", "crawling_sensation"),
        ("he's wet himself and can't feel when he needs a wee", "bladder_problem"),
        ("the muscle goes rock hard and my toes curl", "muscle_hardens"),
        ("I have to get up and walk about, then it eases", "relieved_by_movement"),
        ("the pain is under my heel with the first steps in the morning", "first_steps_pain"),
        ("propping my legs up on a pillow helps", "relieved_by_elevation"),
        ("it only eases if I hang my leg over the side of the bed", "relieved_by_dangling"),
        ("I have to bend forward over the shopping trolley", "relieved_by_sitting_forward"),
    ],
)
def test_colloquial_language(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my calfs cramp evry nite", "site_calf"),
        ("my leg is swolen", "leg_swelling"),
        ("numbnes in my toes", "numbness"),
        ("tinglling down my leg", "tingling"),
        ("varicous veins on both legs", "varicose_veins"),
    ],
)
def test_misspellings(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


def test_sites_laterality_and_timing() -> None:
    findings = found(
        "Only my left calf hurts. It starts after walking about 200 yards and eases when I "
        "stand still for a couple of minutes."
    )
    assert findings["site_calf"] and findings["unilateral"]
    assert "bilateral" not in findings
    assert findings["pain_on_walking"] and findings["relieved_by_standing_still"]


def test_words_of_each_finding_are_returned() -> None:
    result = extract("I get pins and needles in my feet.")
    tingling = next(f for f in result.findings if f.id == "tingling")
    assert tingling.text.lower() == "pins and needles"


def test_family_history_is_not_the_patients_symptom() -> None:
    findings = found("My legs feel restless in the evening. My mum had swollen legs for years.")
    assert "leg_swelling" not in findings
    assert findings["urge_to_move"] is True


def test_medicines_and_history() -> None:
    findings = found(
        "I started atorvastatin last month, I take furosemide, use a salbutamol inhaler, "
        "have type 2 diabetes, smoke 20 a day and I'm on dialysis."
    )
    for fid in (
        "med_statin",
        "med_new_or_dose_change",
        "med_diuretic",
        "med_beta_agonist_inhaler",
        "diabetes",
        "smoker",
        "kidney_disease",
    ):
        assert findings.get(fid) is True, fid


def test_population_from_a_parent() -> None:
    result = extract("My 6 year old son wakes up crying with sore legs, he is fine in the morning")
    population = result.population
    assert (population.age, population.sex, population.reporter) == (6.0, "male", "parent")


def test_population_pregnancy_and_week() -> None:
    population = extract("I'm 31 weeks pregnant and my calves cramp at night").population
    assert population.pregnant is True
    assert population.pregnancy_week == 31
    assert population.sex == "female"


def test_postpartum() -> None:
    assert extract("Since I had my baby 2 weeks ago my left calf aches").population.postpartum


def test_rambling_text_with_irrelevant_detail() -> None:
    text = (
        "So I'm not sure where to start, we moved house in March and the cat hates the new "
        "place. Anyway, most nights, usually around 11, my legs go all fizzy and I can't keep "
        "them still. My sister thinks it's the new mattress. I walk round the kitchen and it "
        "settles. I also have a lot of coffee at work which probably doesn't help."
    )
    findings = found(text)
    assert findings["crawling_sensation"] and findings["urge_to_move"]
    assert findings["relieved_by_movement"]
    assert findings["caffeine"]


def test_claims_are_recognised() -> None:
    assert "glycine_cure" in extract("I take glycine at night for my legs").claims


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "\x00\x01\x02\x03\x04\x05 binary \x06\x07\x08\x0b\x0c", "x" * 20_001],
)
def test_bad_text_raises_clear_error(text: str) -> None:
    with pytest.raises(InputError, match="text:"):
        extract(text)


def test_non_english_text_is_not_understood_and_named() -> None:
    result = extract("Мои ноги болят по ночам, особенно икры, и я не могу уснуть")
    assert result.language == "ru"
    assert result.understood is False
    assert result.warnings and "another language (ru)" in result.warnings[0]
    assert not any(f.present and knowledge_index().findings[f.id].red_flag for f in result.findings)


def test_english_with_no_symptom_is_not_understood() -> None:
    result = extract("hello, I would like some advice please about something")
    assert result.language == "en"
    assert result.understood is False
    assert "could not recognise" in result.warnings[-1]


def test_negation_inside_a_matched_phrase() -> None:
    assert found("my wee is normal colour not dark or brown").get("dark_urine") is False
    assert found("my wee is dark brown").get("dark_urine") is True


def test_hot_bath_is_not_a_warm_leg() -> None:
    assert "leg_warm" not in found("a hot bath before bed helps my legs")


def test_going_to_sleep_is_not_numbness() -> None:
    assert "numbness" not in found("when I go to sleep my legs ache")
    assert found("my foot goes to sleep at night")["numbness"] is True


@pytest.mark.parametrize(
    "text",
    [
        "pee this morning looked like flat coke",
        "my wee earlier was like Guinness after the spin class",
        "his urine in the bag looks a bit like cola",
    ],
)
def test_urine_likened_to_a_dark_drink_is_dark_urine(text: str) -> None:
    assert found(text).get("dark_urine") is True


@pytest.mark.parametrize(
    "text",
    [
        "I have to pee at night, like after drinking tea, and my calves cramp",
        "I get up to pee twice a night as I drink coke in the evening",
    ],
)
def test_a_drink_next_to_passing_urine_is_not_dark_urine(text: str) -> None:
    assert "dark_urine" not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "getting off the sofa is a real effort, had to push up with my arms",
        "she struggles getting up from the toilet, her thighs are so weak",
    ],
)
def test_trouble_rising_from_a_seat_is_weakness_of_the_big_muscles(text: str) -> None:
    assert found(text).get("generalised_muscle_pain") is True


def test_statin_with_thigh_weakness_and_cola_urine_is_an_emergency() -> None:
    text = (
        "on atorvastatin, then clarithromycin for a chest infection. both thighs ache, getting "
        "off the sofa is a real effort and my pee looked like flat coke this morning"
    )
    assert assess(text).triage.value == "emergency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("breathing fine, can lie flat no problem", False),
        ("she can lay flat ok and her breathing is normal", False),
        ("I cant lie flat, I get breathless", True),
        ("so breathless I cannot lie flat anymore", True),
    ],
)
def test_lying_flat_said_to_be_possible_or_impossible(text: str, expected: bool) -> None:
    assert found(text).get("orthopnoea") is expected


def test_the_heel_cord_is_a_tendon_not_a_vein() -> None:
    assert (
        found("the cord bit about four fingers above the heel is stiff").get("red_cord_vein")
        is False
    )
    assert found("a hard red cord in my calf").get("red_cord_vein") is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my dad cant walk round the supermarket anymore without his legs going heavy", False),
        ("he cant walk to the shops without stopping for his calves", False),
        ("she cannot walk on it at all", True),
        ("I cant walk round the house, the pain is too much", True),
    ],
)
def test_walking_only_a_distance_is_not_being_unable_to_walk(text: str, expected: bool) -> None:
    assert found(text).get("refuses_weight") is expected


def test_severs_disease_is_not_severe_pain() -> None:
    assert "severe_pain" not in found("the coach says its 'severs' and to rest him")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("night shift ICU nurse here, a bump on my heel where the clog rubs", False),
        ("I work in intensive care and my calves ache after shifts", False),
        ("she was in ICU for a week after the op and now her calf hurts", True),
        ("I was in hospital, the nurse said my calf looked fine", True),
    ],
)
def test_working_in_intensive_care_is_not_lying_in_it(text: str, expected: bool) -> None:
    assert found(text).get("immobilised") is expected


@pytest.mark.parametrize(
    ("text", "finding", "expected"),
    [
        ("he's never had any urge to move them", "urge_to_move", False),
        ("I never had numbness in my feet", "numbness", False),
        ("never had cramps until this year, now every night", "muscle_cramp", True),
        ("I have never had swelling like this before", "leg_swelling", True),
    ],
)
def test_never_had_denies_unless_it_tells_something_new(
    text: str, finding: str, expected: bool
) -> None:
    assert found(text).get(finding) is expected


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("temps on and off since the weekend", "fever"),
        (
            "his legs jerk every 20-30 seconds after he drops off, like a little kick",
            "jerks_in_sleep",
        ),
        ("my son is 4 and he wants carrying a lot more, which isn't like him", "refuses_weight"),
    ],
)
def test_everyday_words_for_fever_sleep_jerks_and_a_child_not_walking(
    text: str, finding: str
) -> None:
    assert found(text).get(finding) is True


def test_a_bigger_bed_is_not_a_swollen_leg() -> None:
    assert found("do we just buy a bigger bed lol").get("leg_swelling") is not True
    assert found("his legs are bigger and puffy").get("leg_swelling") is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my legs jerk by themselves and won't stop", "muscle_twitching"),
        ("I'm shaking all over", "tremor_slowness"),
        ("sweating buckets and dripping with sweat", "heavy_sweating"),
    ],
)
def test_everyday_words_for_jerks_shaking_and_sweating(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


def test_not_sweating_is_denied() -> None:
    assert found("I'm not sweating at all").get("heavy_sweating") is False
