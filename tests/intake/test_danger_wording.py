"""Words that hide a danger sign: each general mechanism of the intake, with new sentences."""

from __future__ import annotations

import pytest

from nightlegs.intake import extract, extract_population


def reading(text: str) -> dict[str, tuple[bool, str]]:
    return {f.id: (f.present, f.certainty) for f in extract(text).findings}


def present(text: str, finding: str) -> bool:
    found = reading(text).get(finding)
    return found is not None and found[0]


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I can hardly move my toes", "leg_weakness"),
        ("she can barely feel her foot", "numbness"),
        ("I can scarcely put my foot down", "refuses_weight"),
        ("the calf is hardly swollen but it is", "leg_swelling"),
    ],
)
def test_diminishers_are_not_negations(text: str, finding: str) -> None:
    assert present(text, finding), reading(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my foot turned really quite white", "pale_or_blue_foot"),
        ("the leg is sort of swollen up", "leg_swelling"),
        ("my toes went totally freaking numb", "numbness"),
    ],
)
def test_filler_between_the_words_of_a_phrase(text: str, finding: str) -> None:
    assert present(text, finding), reading(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("it might be a little puffy?", "leg_swelling"),
        ("I think it's warm", "leg_warm"),
        ("my calf is kind of hot", "leg_warm"),
        ("maybe my foot is a bit cold", "cold_foot"),
    ],
)
def test_hedged_danger_signs_are_kept_as_possible(text: str, finding: str) -> None:
    assert reading(text)[finding] == (True, "possible")


def test_a_plain_report_is_not_marked_possible() -> None:
    assert reading("my calf is swollen and hot")["leg_swelling"] == (True, "reported")


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("it's not that it isn't warm", "leg_warm"),
        ("I wouldn't say it's not swollen", "leg_swelling"),
        ("it's not massively swollen, just a tad", "leg_swelling"),
    ],
)
def test_double_negatives_and_negated_intensifiers_affirm(text: str, finding: str) -> None:
    assert reading(text)[finding] == (True, "possible")


def test_a_list_carries_the_negation_to_every_item() -> None:
    found = reading("no fever, chest pain, breathlessness or coughing up blood")
    for finding in ("fever", "chest_pain", "breathless", "coughing_blood"):
        assert found[finding][0] is False, finding


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("no redness, only the twitching", "muscle_twitching"),
        ("no fever and my leg is swollen", "leg_swelling"),
        ("no injury, came on suddenly this evening", "sudden_onset"),
        ("no swelling, just numb toes", "numbness"),
    ],
)
def test_negation_scope_ends_at_terminators_and_new_statements(text: str, finding: str) -> None:
    assert present(text, finding), reading(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("calf swollen and now SOB", "breathless"),
        ("cant weight bear on it", "refuses_weight"),
        ("charley horse in my calf every night", "muscle_cramp"),
        ("pins n needles in my foot", "tingling"),
        ("leg swollen w/ a red patch", "red_skin"),
        ("my leg is as tight as a drum", "tight_tense_limb"),
        ("puffed out going up the stairs", "breathless"),
        ("did a 12 hour coach trip last week", "long_travel"),
    ],
)
def test_shorthand_and_slang(text: str, finding: str) -> None:
    assert present(text, finding), reading(text)


def test_without_is_not_with() -> None:
    assert reading("leg swollen w/o any redness")["red_skin"][0] is False


def test_passive_stretch_is_not_relief_by_stretching() -> None:
    found = reading("it hurts like hell when the nurse moves my toes")
    assert found["pain_passive_stretch"][0] is True
    assert "relieved_by_stretching" not in found


def test_a_verbs_negation_does_not_deny_the_place() -> None:
    found = reading("I cannot put any weight on my left leg")
    assert found["unilateral"] == (True, "reported")
    assert found["refuses_weight"][0] is True
    assert reading("the pain is not in my calf")["site_calf"][0] is False


def test_a_negative_phrase_wins_over_the_words_it_covers() -> None:
    assert not present("I can't stand the duvet on my feet", "refuses_weight")
    assert present("after the fall he can't stand.", "refuses_weight")


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("I don't think I'm pregnant", False),
        ("I'm not pregnant", False),
        ("I might be pregnant", None),
        ("36 weeks, feet swollen", True),
        ("I'm 34 wks and my calf hurts", True),
    ],
)
def test_pregnancy_is_read_with_the_same_negation_engine(text: str, pregnant: bool | None) -> None:
    assert extract_population(text).pregnant is pregnant


@pytest.mark.parametrize(
    "text",
    [
        "Mum slipped on the kitchen floor, now she can't put any weight on her leg",
        "Dad's on chemo. His right calf is swollen",
        "my brother's legs have gone stiff as boards and he is burning up",
    ],
)
def test_third_person_reports_are_about_the_relative(text: str) -> None:
    facts = extract_population(text)
    assert facts.reporter == "relative"
    assert any(f.present for f in extract(text).findings)


def test_what_a_friend_says_about_my_leg_is_about_me() -> None:
    assert present("My friend told me my left calf looks swollen", "leg_swelling")
    assert present("my mum had restless legs too", "family_history_rls")


def test_a_negation_that_starts_another_finding_belongs_to_it() -> None:
    # "no" denies the limp; it does not deny being well in the morning.
    found = reading("she's playing happily in the morning no limp nothing")
    assert found["limp"][0] is False
    assert found["morning_well"][0] is True
