"""``POST /api/assess`` and ``POST /api/interview``: thin wrappers over the assessment API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from nightlegs.assessment.engine import merge_population
from nightlegs.assessment.interview import Question, next_step
from nightlegs.errors import InputError
from nightlegs.intake import IntakeResult, extract
from nightlegs.knowledge import load_knowledge_base
from nightlegs.web.api.models import AssessIn, AssessmentOut, InterviewIn, InterviewOut
from nightlegs.web.deps import StoreDep, WorkersDep

__all__ = ["router"]

router = APIRouter(tags=["assessment"])


@router.post("/assess", response_model=AssessmentOut)
async def assess(body: AssessIn, workers: WorkersDep, store: StoreDep) -> Response:
    """Assess a description and/or structured findings.

    Returns the object of docs/json-contract.md section 1. Example body:
    ``{"text": "my calves cramp every night", "age": 70, "sex": "female"}``. Nothing is
    stored unless the body says ``"save": true``; then the assessment goes to the diary of
    ``person`` (the default person when left out) and the reply has its ``assessment_id``
    (see ``GET /api/assessments``). An unknown person is a 404 before anything is assessed.
    """
    if body.save or body.person is not None:
        await run_in_threadpool(store.get_person, body.person)
    # The engine already builds the documented shape; the JSON text goes out as it is.
    text = await workers.run(body.model_dump(mode="json"))
    return Response(content=text, media_type="application/json")


def _read(text: str) -> IntakeResult:
    """The intake of ``text``; text it refuses (empty, binary, no words) is a 422 on ``text``."""
    try:
        return extract(text)
    except InputError as exc:
        message = str(exc).removeprefix("text: ")
        error = {"type": "value_error", "loc": ("body", "text"), "msg": message, "input": text}
        raise RequestValidationError([error]) from exc


def _question(question: Question | None) -> dict[str, Any] | None:
    if question is None:
        return None
    return {
        "id": question.id,
        "text": question.text,
        "why": question.why,
        "kind": question.kind,
        "options": [{"id": o.id, "text": o.text} for o in question.options],
        "multiple": question.multiple,
    }


@router.post("/interview", response_model=InterviewOut)
def interview(body: InterviewIn) -> dict[str, Any]:
    """One step of the adaptive interview (the same step function as ``nightlegs assess``).

    Send every answer so far; the reply holds the next question with why it is asked (``null``
    when the interview is done), how many questions at most are still to come, the stage, the
    current ranking and the triage. An emergency ends the interview at once (``done`` with
    triage ``emergency``). Nothing is stored.

    **Yes/no questions** (``kind: "yes_no"``): the question's ``id`` is a finding id; answer
    with one item ``{"id": ..., "present": true|false|null}`` (``null``: don't know).

    **Choice questions** (``kind: "choice"``): answer with one item per option, ``true`` for
    the chosen options and ``false`` for the others ("None of these" is all ``false``; all
    ``null`` for "don't know"). ``multiple: true`` means "choose all that apply"; otherwise
    one option is chosen.

    **A description** (``text``, optional) is read with the same intake as
    ``POST /api/assess``: the findings it gives are used without counting as questions (a text
    that says "my calf" is not asked where it hurts), and an age, sex or pregnancy it mentions
    fills what the body leaves out. The reply then has ``understood`` and ``from_text`` (the
    ids read); send the text again on every step, or send those ids back as evidence with
    ``from_text: true``. Evidence items override what the text said.

    Example body (the text already says where and what it feels like; then "Both legs" was
    chosen and "None of these" answered to the danger checklist)::

        {"age": 70, "sex": "female", "text": "my calf cramps at night",
         "evidence": [{"id": "unilateral", "present": false},
                      {"id": "bilateral", "present": true},
                      {"id": "pale_or_blue_foot", "present": false},
                      {"id": "leg_swelling", "present": false},
                      {"id": "leg_weakness", "present": false},
                      {"id": "fever", "present": false}]}

    Errors: 422 for a body that does not validate (an unknown finding id, text over 5,000
    characters or that is not a description, an age that is not a number from 0 to 120), 400
    for a contradiction (pregnant with sex ``male``).
    """
    intake = _read(body.text) if body.text is not None else None
    population = merge_population(intake, body.age, body.sex, body.pregnant, [])
    evidence: dict[str, bool | None] = {}
    preset: set[str] = set()
    for finding in intake.findings if intake else ():
        evidence[finding.id] = finding.present
        preset.add(finding.id)
    for item in body.evidence:
        evidence[item.id] = item.present
        if item.from_text:
            preset.add(item.id)
        else:
            preset.discard(item.id)
    step = next_step(evidence, population, preset=preset)
    names = {c.id: c.name for c in load_knowledge_base().conditions}
    return {
        "question": _question(step.question),
        "conditions": [
            {"id": s.id, "name": names[s.id], "probability": s.probability} for s in step.ranking
        ],
        "triage": step.triage.level.value,
        "triage_reasons": list(step.triage.reasons),
        "actions": list(step.triage.actions),
        "red_flags": list(step.triage.red_flags),
        "done": step.done,
        "asked": step.asked,
        "remaining": step.remaining,
        "expected_remaining": step.expected_remaining,
        "stage": step.stage,
        "understood": intake.understood if intake else None,
        "from_text": [f.id for f in intake.findings] if intake else None,
    }
