"""The assessment result and its JSON form (docs/json-contract.md section 1)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from nightlegs.assessment.instruments import InstrumentResult
from nightlegs.knowledge import Triage

__all__ = [
    "Assessment",
    "ClaimNote",
    "ConditionResult",
    "FindingResult",
    "ResultSteps",
    "SelfCareItem",
    "split_steps",
]

_ASK = "Ask the doctor about: "


class ResultSteps(NamedTuple):
    """A result's next steps, each said once, in the order a result shows them."""

    now: str
    """The one action line: what to do now ("" when there are no steps)."""
    more: list[str]
    """Other steps that go with it (medicines, do not wait)."""
    ask: str
    """The tests to ask about, without the "Ask the doctor about:" lead ("" at emergency
    level, where the hospital decides)."""


def split_steps(next_steps: Iterable[str], triage: str) -> ResultSteps:
    """Split ``next_steps`` into the action now, what goes with it and what to ask.

    Parameters
    ----------
    next_steps : iterable of str
        The result's ``next_steps`` (the first is the action now).
    triage : str
        The result's triage level (``"emergency"`` drops the tests).

    Examples
    --------
    >>> steps = split_steps(["Book an appointment.", "Ask the doctor about: ferritin.",
    ...                      "Do not stop medicines."], "doctor")
    >>> steps.now, steps.more, steps.ask
    ('Book an appointment.', ['Do not stop medicines.'], 'ferritin.')
    >>> split_steps(["Call 999.", "Ask the doctor about: a scan."], "emergency").ask
    ''
    """
    listed = [str(s) for s in next_steps]
    now = listed[0] if listed else ""
    asks = [s.removeprefix(_ASK) for s in listed[1:] if s.startswith(_ASK)]
    more = [s for s in dict.fromkeys(listed[1:]) if not s.startswith(_ASK) and s != now]
    return ResultSteps(now=now, more=more, ask="" if triage == "emergency" else " ".join(asks))


@dataclass(frozen=True)
class ConditionResult:
    """One ranked condition with the evidence for and against it, in plain words."""

    id: str
    name: str
    probability: float
    evidence_for: tuple[str, ...]
    evidence_against: tuple[str, ...]
    specialist: str
    usual_triage: Triage
    icd10: tuple[str, ...]
    snomed: tuple[str, ...]
    tests: tuple[str, ...]
    sources: tuple[str, ...]
    #: What the person does not have that fits this condition (never in ``evidence_for``).
    absent_fits: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "probability": round(self.probability, 4),
            "evidence_for": list(self.evidence_for),
            "evidence_against": list(self.evidence_against),
            "absent_fits": list(self.absent_fits),
            "specialist": self.specialist,
            "usual_triage": self.usual_triage.value,
            "icd10": list(self.icd10),
            "snomed": list(self.snomed),
            "tests": list(self.tests),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class FindingResult:
    """A finding that was understood, with the words it came from."""

    id: str
    present: bool
    label: str
    text: str | None
    certainty: str = "reported"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "present": self.present,
            "label": self.label,
            "text": self.text,
            "certainty": self.certainty,
        }


@dataclass(frozen=True)
class SelfCareItem:
    """A piece of self-care advice with its evidence level."""

    id: str
    text: str
    evidence: str

    def render(self) -> str:
        return f"{self.text} (evidence: {self.evidence.replace('_', ' ')})"


@dataclass(frozen=True)
class ClaimNote:
    """What the evidence says about an article claim the person mentioned or that applies."""

    id: str
    article_claim: str
    verdict: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_claim": self.article_claim,
            "verdict": self.verdict,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Assessment:
    """The result of one assessment.

    Attributes mirror the JSON object of docs/json-contract.md section 1; :meth:`to_dict`
    produces it.
    """

    triage: Triage
    triage_reasons: tuple[str, ...]
    conditions: tuple[ConditionResult, ...]
    findings: tuple[FindingResult, ...]
    specialist: str
    next_steps: tuple[str, ...]
    self_care: tuple[SelfCareItem, ...]
    disclaimer: str
    when_to_seek_care: str
    red_flags: tuple[str, ...] = ()
    instruments: tuple[InstrumentResult, ...] = ()
    claims: tuple[ClaimNote, ...] = ()
    population: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    kb_version: str = ""
    understood: bool = True
    language: str = "en"
    think_of: tuple[str, ...] = ()
    danger_signs: tuple[str, ...] = ()
    same_day_signs: tuple[str, ...] = ()

    @property
    def headline(self) -> str:
        """The first line to show: what could not be read, or for an emergency, what to do now."""
        if not self.understood and self.conditions:
            return (
                "nightlegs could not understand this description; the possible causes below "
                "come only from the few words it could read. Check the danger signs first."
            )
        if not self.understood:
            return (
                "nightlegs could not understand this description, so it cannot say what is "
                "causing it. Check the danger signs below first."
            )
        return self.next_steps[0] if self.next_steps else self.disclaimer

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready object of docs/json-contract.md section 1 (plus extra keys).

        Examples
        --------
        >>> import nightlegs
        >>> sorted(nightlegs.assess("my calves cramp at night").to_dict())[:3]
        ['claims', 'conditions', 'danger_signs']
        >>> nightlegs.assess("my calves cramp every night", age=70).to_dict()["headline"][:8]
        'You can '
        """
        return {
            "headline": self.headline,
            "triage": self.triage.value,
            "triage_reasons": list(self.triage_reasons),
            "conditions": [c.to_dict() for c in self.conditions],
            "findings": [f.to_dict() for f in self.findings],
            "specialist": self.specialist,
            "next_steps": list(self.next_steps),
            "self_care": [item.render() for item in self.self_care],
            "disclaimer": self.disclaimer,
            "when_to_seek_care": self.when_to_seek_care,
            "red_flags": list(self.red_flags),
            "instruments": [i.to_dict() for i in self.instruments],
            "claims": [c.to_dict() for c in self.claims],
            "population": dict(self.population),
            "warnings": list(self.warnings),
            "kb_version": self.kb_version,
            "understood": self.understood,
            "language": self.language,
            "think_of": list(self.think_of),
            "danger_signs": {
                "call_emergency_now_if": list(self.danger_signs),
                "see_a_doctor_today_if": list(self.same_day_signs),
            },
        }
