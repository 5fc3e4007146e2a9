"""The adaptive interview step function: complaint first, danger at once, a budget that ends."""

from __future__ import annotations

import pytest

from nightlegs.assessment import Population
from nightlegs.assessment.interview import (
    MAX_QUESTIONS,
    RULE_FOLLOW_UPS,
    Question,
    answered_questions,
    next_step,
)
from nightlegs.knowledge import knowledge_index, load_knowledge_base

Evidence = dict[str, bool | None]


def answer_all(question: Question, chosen: set[str]) -> Evidence:
    """Answer a question the way a client does: one item per option of a choice question."""
    if question.options:
        return {o.id: o.id in chosen for o in question.options}
    return {question.id: question.id in chosen}


def play(truth: set[str], population: Population, **kwargs: object) -> tuple[list[str], object]:
    evidence: Evidence = {}
    asked: list[str] = []
    for _ in range(3 * MAX_QUESTIONS):
        step = next_step(evidence, population, **kwargs)  # type: ignore[arg-type]
        if step.done or step.question is None:
            return asked, step
        asked.append(step.question.id)
        evidence.update(answer_all(step.question, truth))
    raise AssertionError("the interview did not end")


def test_the_interview_opens_with_the_complaint_as_choices() -> None:
    step = next_step({}, Population(age=40))
    assert step.question is not None
    assert step.question.id == "where" and step.question.kind == "choice"
    assert all(o.id in knowledge_index().findings for o in step.question.options)
    assert step.stage == "complaint" and step.remaining >= 1


def test_a_description_that_says_where_skips_that_question() -> None:
    step = next_step({"site_calf": True}, Population(age=40), preset={"site_calf"})
    assert step.question is not None and step.question.id != "where"
    assert step.asked == 0


def test_emergency_answer_ends_the_interview() -> None:
    step = next_step({"pale_or_blue_foot": True, "sudden_onset": True}, Population(age=75))
    assert step.done and step.triage.level.value == "emergency"


def test_a_danger_yes_is_followed_up_at_once() -> None:
    evidence: Evidence = {"site_calf": True, "unilateral": True, "leg_swelling": True}
    step = next_step(evidence, Population(age=50), preset=set(evidence))
    assert step.question is not None
    assert step.stage == "safety" and "safety" in step.question.why


def test_follow_ups_of_one_rule_are_capped() -> None:
    rules = load_knowledge_base().red_flags
    pe = next(r for r in rules if r.id == "pe_leg_signs_with_breathing")
    evidence: Evidence = {"leg_swelling": True, "unilateral": True}
    for fid in pe.any_of[:RULE_FOLLOW_UPS]:
        evidence[fid] = False
    step = next_step(evidence, Population(age=50))
    assert step.question is None or pe.message.rstrip(".") not in step.question.why


@pytest.mark.parametrize("age", [7, 13])
def test_children_are_not_asked_adult_questions(age: int) -> None:
    asked, _ = play(
        {"site_shin", "bilateral", "aching_pain", "evening_night_worse"},
        Population(age=age, sex="male"),
    )
    adult_only = {"oestrogen", "recent_childbirth", "heavy_periods", "med_statin"}
    assert not adult_only & set(asked)


def test_a_child_is_asked_in_words_for_the_parent() -> None:
    evidence: Evidence = {}
    texts = []
    for _ in range(6):
        step = next_step(evidence, Population(age=7))
        assert step.question is not None
        texts.append(step.question.text)
        evidence.update(answer_all(step.question, set()))
    assert all("child" in t for t in texts)


def test_men_are_not_asked_about_the_pill_or_a_birth() -> None:
    asked, _ = play(
        {"site_calf", "unilateral", "leg_swelling", "aching_pain"}, Population(age=66, sex="male")
    )
    assert "oestrogen" not in asked and "recent_childbirth" not in asked


def test_interview_is_bounded_and_dont_know_is_accepted() -> None:
    evidence: Evidence = {}
    for _ in range(3 * MAX_QUESTIONS):
        step = next_step(evidence, Population(age=40))
        if step.done:
            break
        assert step.question is not None
        if step.question.options:
            evidence.update(dict.fromkeys((o.id for o in step.question.options), None))
        else:
            evidence[step.question.id] = None
    assert step.done
    assert answered_questions(evidence) <= MAX_QUESTIONS


def test_interview_reaches_a_confident_answer_for_a_classic_story() -> None:
    truth = {
        "urge_to_move",
        "relieved_by_movement",
        "worse_at_rest",
        "evening_night_worse",
        "crawling_sensation",
        "bilateral",
        "site_calf",
        "long_standing",
    }
    asked, step = play(truth, Population(age=55, sex="female"))
    assert step.ranking[0].id == "restless_legs_syndrome"  # type: ignore[attr-defined]
    assert len(asked) <= 12


def test_text_findings_do_not_use_up_the_question_budget() -> None:
    said: Evidence = {"site_calf": True, "bilateral": True, "muscle_cramp": True}
    with_text = next_step(said, Population(age=50), preset=set(said))
    as_answers = next_step(said, Population(age=50))
    assert with_text.asked == 0 and as_answers.asked == 3


def test_choice_questions_count_once() -> None:
    where = next_step({}, Population(age=40)).question
    assert where is not None
    assert answered_questions(answer_all(where, {"site_calf"})) == 1


def test_remaining_is_a_true_maximum_and_the_estimate_stays_under_it() -> None:
    evidence: Evidence = {}
    for _ in range(3 * MAX_QUESTIONS):
        step = next_step(evidence, Population(age=45))
        if step.done or step.question is None:
            break
        assert step.asked + step.remaining == MAX_QUESTIONS
        assert 1 <= step.expected_remaining <= step.remaining
        evidence.update(answer_all(step.question, {"site_knee", "aching_pain"}))
    assert step.remaining == 0 and step.expected_remaining == 0


def test_questions_for_a_parent_are_about_the_child() -> None:
    from nightlegs.assessment.interview import for_parent

    assert for_parent("Do you smoke?") == "Does your child smoke?"
    assert for_parent("Have you had an operation?") == "Has your child had an operation?"
    assert for_parent("Are your feet flat?") == "Are your child's feet flat?"
    assert for_parent("Does it wake you?") == "Does it wake your child?"
    assert for_parent("Is your child limping?") == "Is your child limping?"
    assert for_parent("Is the pain in the calf?") == "About your child: is the pain in the calf?"
