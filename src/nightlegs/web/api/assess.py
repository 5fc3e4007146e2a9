"""``POST /api/assess`` and ``POST /api/interview``: thin wrappers over the assessment API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from nightlegs.assessment import make_population
from nightlegs.assessment.interview import next_step
from nightlegs.knowledge import load_knowledge_base
from nightlegs.web.api.models import AssessIn, AssessmentOut, InterviewIn, InterviewOut
from nightlegs.web.deps import WorkersDep

__all__ = ["router"]

router = APIRouter(tags=["assessment"])


@router.post("/assess", response_model=AssessmentOut)
async def assess(body: AssessIn, workers: WorkersDep) -> Response:
    """Assess a description and/or structured findings (kept in the diary with ``save``).

    Returns the object of CONTRACT section 1. Example body:
    ``{"text": "my calves cramp every night", "age": 70, "sex": "female"}``.
    """
    # The engine already builds the documented shape; the JSON text goes out as it is.
    text = await workers.run(body.model_dump(mode="json"))
    return Response(content=text, media_type="application/json")


@router.post("/interview", response_model=InterviewOut)
def interview(body: InterviewIn) -> dict[str, Any]:
    """One step of the adaptive interview (the same step function as ``nightlegs assess``).

    Send every answer so far; the reply holds the next question with why it is asked (``null``
    when the interview is done), the current ranking and the triage. Nothing is stored.
    """
    population = make_population(body.age, body.sex, body.pregnant)
    evidence = {item.id: item.present for item in body.evidence}
    preset = {item.id for item in body.evidence if item.from_text}
    step = next_step(evidence, population, preset=preset)
    names = {c.id: c.name for c in load_knowledge_base().conditions}
    question = step.question
    return {
        "question": None
        if question is None
        else {"id": question.id, "text": question.text, "why": question.why},
        "conditions": [
            {"id": s.id, "name": names[s.id], "probability": s.probability} for s in step.ranking
        ],
        "triage": step.triage.level.value,
        "triage_reasons": list(step.triage.reasons),
        "actions": list(step.triage.actions),
        "red_flags": list(step.triage.red_flags),
        "done": step.done,
        "asked": step.asked,
    }
