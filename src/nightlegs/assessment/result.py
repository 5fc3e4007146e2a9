"""The assessment result: one pydantic model family for every surface.

The engine builds it, ``POST /api/assess`` documents it as its response model, the diary
stores it (and validates stored rows back into it, older shapes included), and the report and
the FHIR export read its attributes. ``model_dump(mode="json")`` is the object of
docs/json-contract.md section 1, key for key and in that order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    model_serializer,
    model_validator,
)

from nightlegs.assessment.instruments import InstrumentResult
from nightlegs.knowledge import Triage

__all__ = [
    "Assessment",
    "ClaimNote",
    "ConditionResult",
    "DangerSigns",
    "FindingResult",
    "ResultSteps",
    "SelfCareItem",
    "headline_of",
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


class _Part(BaseModel):
    """Frozen; keys it does not know (a newer release's) are ignored when a stored row loads."""

    model_config = ConfigDict(frozen=True, extra="ignore")


#: How assessments saved before ``absent_fits`` existed worded an absent finding.
_OLD_ABSENT = "not the case: "


def _moved_absent(texts: Iterable[Any]) -> tuple[list[str], list[str]]:
    """``(kept, absent)``: an older row's "not the case: ..." items reworded as "no: ..."."""
    kept: list[str] = []
    absent: list[str] = []
    for text in texts:
        text = str(text)
        if text.startswith(_OLD_ABSENT):
            absent.append(text.replace(_OLD_ABSENT, "no: ", 1))
        else:
            kept.append(text)
    return kept, absent


class ConditionResult(_Part):
    """One ranked condition with the evidence for and against it, in plain words.

    A stored row from an older release loads too: an absent finding it listed as evidence
    ("not the case: ...") moves to :attr:`absent_fits`, and a missing name is the id.

    Examples
    --------
    >>> old = {"id": "rls", "evidence_for": ["not the case: fever (1.1x)", "at night (3x)"]}
    >>> c = ConditionResult.model_validate(old)
    >>> c.evidence_for, c.absent_fits, c.name
    (('at night (3x)',), ('no: fever (1.1x)',), 'rls')
    """

    model_config = ConfigDict(coerce_numbers_to_str=True)

    id: str = ""
    name: str = ""
    probability: float = Field(default=0.0, description="0-1, an estimate (rounded to 4 places).")
    evidence_for: tuple[str, ...] = ()
    evidence_against: tuple[str, ...] = ()
    absent_fits: tuple[str, ...] = Field(
        default=(),
        description="What the person does not have that fits this condition (never evidence for).",
    )
    specialist: str = ""
    usual_triage: Triage | None = None
    icd10: tuple[str, ...] = ()
    snomed: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _older_rows(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        given_for, absent_for = _moved_absent(data.get("evidence_for") or ())
        against, absent_against = _moved_absent(data.get("evidence_against") or ())
        if not (absent_for or absent_against) and "name" in data:
            return data
        return {
            **data,
            "name": data.get("name", data.get("id", "")),
            "evidence_for": given_for,
            "evidence_against": [*against, *absent_against],
            "absent_fits": [*(data.get("absent_fits") or ()), *absent_for],
        }

    @field_serializer("probability")
    def _rounded(self, value: float) -> float:
        return round(value, 4)


class FindingResult(_Part):
    """A finding that was understood, with the words it came from (a missing label is the id)."""

    id: str
    present: bool
    label: str = ""
    text: str | None = None
    certainty: Literal["reported", "possible"] = Field(
        default="reported",
        description="possible: the words were hedged or a double negative; triage still "
        "treats a possible danger sign as present.",
    )

    @model_validator(mode="before")
    @classmethod
    def _label(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("label"):
            return {**data, "label": data.get("id", "")}
        return data


_RENDERED = re.compile(r"(?s)(?P<text>.*) \(evidence: (?P<evidence>[^()]*)\)")


class SelfCareItem(_Part):
    """A piece of self-care advice with its evidence level; in JSON, its :meth:`render` text.

    Examples
    --------
    >>> item = SelfCareItem(id="stretch", text="Stretch the calf.", evidence="limited_evidence")
    >>> item.render()
    'Stretch the calf. (evidence: limited evidence)'
    >>> SelfCareItem.model_validate(item.render()).evidence
    'limited_evidence'
    """

    id: str = ""
    text: str
    evidence: str

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        """A stored row holds the rendered text: read the text and evidence back from it."""
        if not isinstance(data, str):
            return data
        found = _RENDERED.fullmatch(data)
        if found is None:
            return {"text": data, "evidence": ""}
        return {"text": found["text"], "evidence": found["evidence"].replace(" ", "_")}

    @model_serializer
    def render(self) -> str:
        """The advice with its evidence level in words (its JSON form)."""
        if not self.evidence:
            return self.text
        return f"{self.text} (evidence: {self.evidence.replace('_', ' ')})"


class ClaimNote(_Part):
    """What the evidence says about an article claim the person mentioned or that applies."""

    id: str
    article_claim: str
    verdict: str
    evidence: str


class DangerSigns(_Part):
    """The danger-sign checklist every answer carries."""

    call_emergency_now_if: tuple[str, ...] = ()
    see_a_doctor_today_if: tuple[str, ...] = ()


def headline_of(
    understood: bool,
    conditions: Iterable[ConditionResult],
    next_steps: Iterable[str],
    disclaimer: str,
) -> str:
    """The first line to show: what could not be read, or else the first step.

    Examples
    --------
    >>> headline_of(True, (), ["Book an appointment."], "Information only.")
    'Book an appointment.'
    >>> headline_of(False, (), [], "Information only.")[:36]
    'nightlegs could not understand this '
    """
    if not understood and any(True for _ in conditions):
        return (
            "nightlegs could not understand this description; the possible causes below "
            "come only from the few words it could read. Check the danger signs first."
        )
    if not understood:
        return (
            "nightlegs could not understand this description, so it cannot say what is "
            "causing it. Check the danger signs below first."
        )
    return next(iter(next_steps), disclaimer)


class Assessment(_Part):
    """The result of one assessment: docs/json-contract.md section 1, field for field.

    ``model_dump(mode="json")`` (or :meth:`to_dict`) is the JSON object, in the documented
    order. A saved row of an older release validates into it (:class:`ConditionResult`,
    :class:`FindingResult` and :class:`SelfCareItem` read the older shapes); a missing
    ``headline`` is worked out again.

    Examples
    --------
    >>> import nightlegs
    >>> result = nightlegs.assess("my calves cramp every night", age=70)
    >>> Assessment.model_validate(result.to_dict()).to_dict() == result.to_dict()
    True
    >>> list(result.to_dict())[:3]
    ['headline', 'triage', 'triage_reasons']
    """

    headline: str = Field(description="What to do, in one sentence.")
    triage: Triage = Field(description="How soon to get care.")
    triage_reasons: tuple[str, ...] = ()
    conditions: tuple[ConditionResult, ...] = ()
    findings: tuple[FindingResult, ...] = ()
    specialist: str = ""
    next_steps: tuple[str, ...] = ()
    self_care: tuple[SelfCareItem, ...] = ()
    disclaimer: str = ""
    when_to_seek_care: str = ""
    red_flags: tuple[str, ...] = ()
    instruments: tuple[InstrumentResult, ...] = ()
    claims: tuple[ClaimNote, ...] = ()
    population: dict[str, Any] = Field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    kb_version: str = ""
    understood: bool = Field(
        default=True,
        description="False when the text could not be read (another language, or nothing "
        "recognised): then no causes are ranked and the answer leads with the danger signs.",
    )
    language: str = Field(
        default="en", description="ISO 639-1 code of the language the text seems to be in."
    )
    think_of: tuple[str, ...] = Field(
        default=(),
        description="Emergencies outside the condition catalogue that a safety-net rule raised "
        "(e.g. stroke, pulmonary embolism).",
    )
    danger_signs: DangerSigns = Field(default_factory=DangerSigns)

    @model_validator(mode="before")
    @classmethod
    def _headline(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "headline" in data:
            return data
        steps = data.get("next_steps") or ()
        return {
            **data,
            "headline": headline_of(
                bool(data.get("understood", True)),
                data.get("conditions") or (),
                steps,
                str(data.get("disclaimer", "")),
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready object of docs/json-contract.md section 1 (``model_dump(mode="json")``).

        Examples
        --------
        >>> import nightlegs
        >>> sorted(nightlegs.assess("my calves cramp at night").to_dict())[:3]
        ['claims', 'conditions', 'danger_signs']
        >>> nightlegs.assess("my calves cramp every night", age=70).to_dict()["headline"][:8]
        'You can '
        """
        return self.model_dump(mode="json")
