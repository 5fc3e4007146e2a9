"""The adaptive interview step function."""

from __future__ import annotations

from nightlegs.assessment import Population
from nightlegs.assessment.interview import MAX_QUESTIONS, SCREENING, next_step


def test_screening_questions_come_first() -> None:
    evidence: dict[str, bool | None] = {}
    asked = []
    for _ in SCREENING:
        step = next_step(evidence, Population(age=50))
        assert step.question is not None
        asked.append(step.question.id)
        assert "safety" in step.question.why
        evidence[step.question.id] = False
    assert asked == list(SCREENING)


def test_emergency_answer_ends_the_interview() -> None:
    step = next_step(
        {"pale_or_blue_foot": True, "cold_foot": True, "sudden_onset": True, "severe_pain": True},
        Population(age=75),
    )
    assert step.done and step.triage.level.value == "emergency"


def test_next_question_is_informative_and_explained() -> None:
    evidence: dict[str, bool | None] = {fid: False for fid in SCREENING}
    evidence["urge_to_move"] = True
    step = next_step(evidence, Population(age=50))
    assert step.question is not None
    assert step.question.id not in evidence
    assert step.question.why


def test_interview_is_bounded_and_dont_know_is_accepted() -> None:
    evidence: dict[str, bool | None] = {}
    for _ in range(MAX_QUESTIONS + 5):
        step = next_step(evidence, Population(age=40))
        if step.done:
            break
        assert step.question is not None
        evidence[step.question.id] = None
    assert step.done
    assert len(evidence) <= MAX_QUESTIONS


def test_interview_reaches_a_confident_answer_for_a_classic_story() -> None:
    truth = {
        "urge_to_move": True,
        "relieved_by_movement": True,
        "worse_at_rest": True,
        "evening_night_worse": True,
        "crawling_sensation": True,
        "bilateral": True,
    }
    evidence: dict[str, bool | None] = {}
    for _ in range(MAX_QUESTIONS):
        step = next_step(evidence, Population(age=55, sex="female"))
        if step.done or step.question is None:
            break
        evidence[step.question.id] = truth.get(step.question.id, False)
    assert step.ranking[0].id == "restless_legs_syndrome"


def test_text_findings_do_not_use_up_the_question_budget() -> None:
    from nightlegs.knowledge import load_knowledge_base

    said = [f.id for f in load_knowledge_base().findings if f.id not in SCREENING][:14]

    def run(preset: set[str]) -> int:
        evidence: dict[str, bool | None] = dict.fromkeys(said, False)
        asked = 0
        for _ in range(MAX_QUESTIONS + 5):
            step = next_step(evidence, Population(age=50), preset=preset)
            if step.done or step.question is None:
                break
            evidence[step.question.id] = False
            asked += 1
        return asked

    assert run(set()) <= 1
    assert run(set(said)) >= len(SCREENING)


def test_confidence_alone_does_not_end_before_follow_up_questions() -> None:
    evidence: dict[str, bool | None] = {fid: False for fid in SCREENING}
    evidence.update({"urge_to_move": True, "relieved_by_movement": True})
    step = next_step(evidence, Population(age=50), preset={"urge_to_move", "relieved_by_movement"})
    assert not step.done and step.question is not None
