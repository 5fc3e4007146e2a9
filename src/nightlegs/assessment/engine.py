"""One-shot assessment: text and/or structured findings in, :class:`Assessment` out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from nightlegs.assessment.inference import ConditionScore, rank
from nightlegs.assessment.instruments import compute_instruments
from nightlegs.assessment.population import Population, make_population, with_answers
from nightlegs.assessment.result import (
    Assessment,
    ClaimNote,
    ConditionResult,
    DangerSigns,
    FindingResult,
    SelfCareItem,
    headline_of,
)
from nightlegs.assessment.safety import (
    DANGER_SIGNS,
    DISCLAIMER,
    MEDICINE_EMERGENCY,
    MEDICINE_MAY_BE_THE_CAUSE,
    SAME_DAY_SIGNS,
    WHEN_TO_SEEK_CARE,
)
from nightlegs.assessment.triage import TriageDecision, default_action, triage
from nightlegs.errors import InputError
from nightlegs.intake import FOREIGN_FINDINGS_TO_RANK, IntakeResult, extract
from nightlegs.knowledge import (
    Condition,
    KnowledgeBase,
    Source,
    Triage,
    knowledge_index,
    load_knowledge_base,
)

__all__ = ["assess", "build_assessment", "merge_population"]

_MAX_CONDITIONS = 10
_MIN_PROBABILITY = 0.005
_SELF_CARE_PROBABILITY = 0.15
_MAX_SELF_CARE = 6
#: The same checklist on every answer.
_DANGER_SIGNS = DangerSigns(
    call_emergency_now_if=DANGER_SIGNS, see_a_doctor_today_if=SAME_DAY_SIGNS
)


def _source_text(source: Source) -> str:
    if source.kind == "article":
        return f"article: \u201c{source.locator}\u201d"
    return f"{source.ref}: {source.locator}"


_RANKED_CAUSE = re.compile(r"\(\d+%\)|cannot be ruled out from the description")
#: A ranking from words is never certain: probabilities are shown between these bounds.
_SHOWN_MIN, _SHOWN_MAX = 0.01, 0.99


def _pregnancy_related(population: Population) -> bool:
    return bool(population.pregnant or population.postpartum)


def _wording(
    kb: KnowledgeBase, condition: Condition, population: Population
) -> tuple[str, str, tuple[str, ...]]:
    """Name, specialist and tests of ``condition`` as they apply to this person."""
    words = knowledge_index(kb).wordings[condition.id, _pregnancy_related(population)]
    return words.name or condition.name, words.specialist or condition.specialist, words.tests or ()


def _condition_result(
    kb: KnowledgeBase, condition: Condition, score: ConditionScore, population: Population
) -> ConditionResult:
    name, specialist, tests = _wording(kb, condition, population)
    return ConditionResult(
        id=condition.id,
        name=name,
        probability=min(max(score.probability, _SHOWN_MIN), _SHOWN_MAX),
        evidence_for=tuple(w.describe(name) for w in score.evidence_for),
        evidence_against=tuple(w.describe(name) for w in score.evidence_against),
        absent_fits=tuple(w.describe(name) for w in score.absent_fits),
        specialist=specialist,
        usual_triage=condition.usual_triage,
        icd10=condition.icd10,
        snomed=condition.snomed,
        tests=tests,
        sources=tuple(_source_text(s) for s in condition.sources),
    )


def _specialist(
    kb: KnowledgeBase, decision: TriageDecision, top: Condition | None, population: Population
) -> str:
    if decision.level is Triage.EMERGENCY:
        return "emergency department"
    if decision.level is Triage.URGENT and decision.suspects:
        suspect = knowledge_index(kb).conditions.get(decision.suspects[0])
        if suspect is not None:
            return _wording(kb, suspect, population)[1]
    if top is None:
        return "general practitioner"
    return _wording(kb, top, population)[1]


def _self_care(
    kb: KnowledgeBase, ranking: list[ConditionScore], evidence: Mapping[str, bool], level: Triage
) -> tuple[SelfCareItem, ...]:
    if level.rank >= Triage.URGENT.rank:
        return ()
    tables = knowledge_index(kb)
    advice, conditions = tables.self_care, tables.conditions
    present = {fid for fid, value in evidence.items() if value}
    chosen: list[SelfCareItem] = []
    for index, score in enumerate(ranking):
        if index > 0 and score.probability < _SELF_CARE_PROBABILITY:
            break
        for advice_id in conditions[score.id].self_care:
            item = advice[advice_id]
            if present & set(item.not_when) or any(c.id == advice_id for c in chosen):
                continue
            chosen.append(SelfCareItem(id=item.id, text=item.text, evidence=item.evidence.value))
    return tuple(chosen[:_MAX_SELF_CARE])


def _claims(
    kb: KnowledgeBase, mentioned: list[str], top: Condition, top_probability: float
) -> tuple[ClaimNote, ...]:
    by_id = knowledge_index(kb).claims
    ids = list(mentioned)
    if top_probability >= 0.3:
        ids += [c for c in top.claims if c not in ids]
    return tuple(
        ClaimNote(
            id=c.id,
            article_claim=c.article_claim,
            verdict=c.verdict,
            evidence=" ".join(c.evidence.split()),
        )
        for c in (by_id[i] for i in ids if i in by_id)
    )


#: Rules whose medicine has guidance to withhold the next dose until a doctor has seen the
#: person (statin with rhabdomyolysis, antipsychotic with NMS, serotonergic drug with serotonin
#: syndrome): only then does the answer say so.
_WITHHOLD_DOSE_RULES = {
    "rhabdomyolysis_dark_urine": ("med_statin", "med_new_or_dose_change"),
    "nms_rigidity_fever": ("med_antipsychotic", "med_serotonergic"),
    "antipsychotic_fever_confusion": ("med_antipsychotic",),
    "serotonin_syndrome": ("med_serotonergic",),
}
_MEDICINE_CAUSE = "drug_induced_muscle_symptoms"


def _medicine_message(
    decision: TriageDecision, ranking: list[ConditionScore], evidence: Mapping[str, bool]
) -> str:
    """One message about medicines, consistent with the level (no dose advice)."""
    present = {fid for fid, value in evidence.items() if value}
    for rule_id in decision.red_flags:
        if present & set(_WITHHOLD_DOSE_RULES.get(rule_id, ())):
            return MEDICINE_EMERGENCY
    suspects = {score.id for score in ranking[:3] if score.probability >= 0.1}
    if _MEDICINE_CAUSE in suspects:
        return MEDICINE_MAY_BE_THE_CAUSE
    return "Do not start, stop or change a prescribed medicine without your doctor."


def _next_steps(
    kb: KnowledgeBase,
    decision: TriageDecision,
    ranking: list[ConditionScore],
    evidence: Mapping[str, bool],
    population: Population,
) -> tuple[str, ...]:
    steps = list(decision.actions)
    if decision.level is Triage.EMERGENCY:
        # What to do now, once; tests and reassurance belong to the hospital.
        steps.append(_medicine_message(decision, ranking, evidence))
        return tuple(dict.fromkeys(steps))
    conditions = knowledge_index(kb).conditions
    tests: list[str] = []
    for score in ranking[:2]:
        if score is ranking[0] or score.probability >= 0.2:
            tests += [
                t for t in _wording(kb, conditions[score.id], population)[2] if t not in tests
            ]
    if tests:
        steps.append("Ask the doctor about: " + "; ".join(tests[:6]) + ".")
    if decision.level.rank >= Triage.URGENT.rank:
        steps.append("Do not wait to see whether home remedies help.")
    steps.append(_medicine_message(decision, ranking, evidence))
    return tuple(dict.fromkeys(steps))


def build_assessment(
    evidence: Mapping[str, bool],
    population: Population,
    *,
    intake: IntakeResult | None = None,
    movements_per_hour: float | None = None,
    irls_total: int | None = None,
    warnings: list[str] | None = None,
    structured: Mapping[str, bool] | None = None,
    kb: KnowledgeBase | None = None,
) -> Assessment:
    """Assemble the full result from evidence and population (used by assess and interview),
    with ``kb`` (default: the packaged knowledge base).

    When the text could not be read (another language, or no symptom recognised) and no
    structured answer says anything present, no causes are ranked: the answer leads with
    what could not be read and the danger signs, at ``doctor`` level or higher.
    """
    kb = kb or load_knowledge_base()
    tables = knowledge_index(kb)
    understood = intake is None or intake.understood
    read_abroad = (
        intake is not None
        and intake.language != "en"
        and sum(f.present for f in intake.findings) >= FOREIGN_FINDINGS_TO_RANK
    )
    ranks = understood or read_abroad or any((structured or {}).values())
    ranking = rank(evidence, population, top=_MAX_CONDITIONS, kb=kb)
    decision = triage(evidence, population, kb=kb)
    if not ranks:
        # Nothing is ranked, so no reason may name a cause from the ranking.
        decision = replace(
            decision,
            reasons=tuple(r for r in decision.reasons if not _RANKED_CAUSE.search(r)),
        )
    # A text that was not understood is never answered below ``doctor``, even when a few
    # findings read from it are enough to rank causes.
    if (not ranks or not understood) and decision.level.rank < Triage.DOCTOR.rank:
        decision = _raised(
            decision,
            Triage.DOCTOR,
            "nightlegs could not read the description, so it cannot reassure you: have it "
            "checked by a doctor, and act at once on any danger sign below.",
        )
    red_flag_ids = tables.red_flag_findings
    if not understood and decision.level.rank < Triage.URGENT.rank:
        # A danger sign read from text we could not otherwise read: nothing around it can
        # explain it away, so it is seen today.
        signs = [fid for fid, value in evidence.items() if value and fid in red_flag_ids]
        if signs:
            labels = tables.findings
            decision = _raised(
                decision,
                Triage.URGENT,
                "Danger sign read in a description nightlegs could not otherwise understand: "
                + ", ".join(labels[f].label for f in signs[:3])
                + ". Nothing else could be read that would explain it, so see a doctor today.",
            )
    conditions = tables.conditions
    top = conditions[ranking[0].id] if ranks else None
    shown = [s for s in ranking[:_MAX_CONDITIONS] if s.probability >= _MIN_PROBABILITY]
    catalogue = tables.findings
    said = {f.id: f for f in intake.findings} if intake else {}
    findings = tuple(
        FindingResult(
            id=fid,
            present=present,
            label=catalogue[fid].label,
            text=said[fid].text if fid in said else None,
            certainty=said[fid].certainty if fid in said else "reported",
        )
        for fid, present in evidence.items()
    )
    child = population.age_band is not None and population.age_band.value == "child"
    ranked = (
        tuple(_condition_result(kb, conditions[s.id], s, population) for s in shown or ranking[:1])
        if ranks
        else ()
    )
    next_steps = _next_steps(kb, decision, ranking if ranks else [], evidence, population)
    # Built with the validating constructors, not ``model_construct``: with pydantic-core the
    # validation runs in Rust and is faster than ``model_construct``'s Python loop (measured:
    # 2.1 against 4.0 us for a finding, 6.6 against 9.1 us for the whole result), and it
    # checks the engine's own output for free.
    return Assessment(
        headline=headline_of(understood, ranked, next_steps, DISCLAIMER),
        triage=decision.level,
        triage_reasons=decision.reasons,
        conditions=ranked,
        findings=findings,
        specialist=_specialist(kb, decision, top, population),
        next_steps=next_steps,
        self_care=_self_care(kb, ranking, evidence, decision.level) if ranks else (),
        disclaimer=DISCLAIMER,
        when_to_seek_care=WHEN_TO_SEEK_CARE,
        red_flags=decision.red_flags,
        instruments=tuple(
            compute_instruments(
                evidence,
                movements_per_hour=movements_per_hour,
                child=child,
                irls_total=irls_total,
                age=population.age,
                pregnant=_pregnancy_related(population),
                dvt_considered=_considered(_DVT, ranking, decision),
            )
        )
        if ranks
        else (),
        claims=_claims(kb, intake.claims if intake else [], top, ranking[0].probability)
        if top is not None
        else (),
        population={
            "age": population.age,
            "sex": population.sex,
            "pregnant": population.pregnant,
            "postpartum": population.postpartum,
            "age_band": population.age_band.value if population.age_band else None,
        },
        warnings=tuple(warnings or ()),
        kb_version=kb.version,
        understood=understood,
        language=intake.language if intake else "en",
        think_of=decision.think_of,
        danger_signs=_DANGER_SIGNS,
    )


_DVT = "deep_vein_thrombosis"
#: The causes "being considered": the few likeliest, and any that a rule or the triage flags.
_CONSIDERED_TOP = 3


def _considered(condition_id: str, ranking: list[ConditionScore], decision: TriageDecision) -> bool:
    """Whether ``condition_id`` is among the likeliest causes or flagged by the triage."""
    top = [s.id for s in ranking[:_CONSIDERED_TOP] if s.probability >= _MIN_PROBABILITY]
    return condition_id in top or condition_id in decision.suspects


def _raised(decision: TriageDecision, level: Triage, reason: str) -> TriageDecision:
    """``decision`` at ``level``, with ``reason`` first and that level's usual action."""
    return replace(
        decision,
        level=level,
        reasons=(reason, *decision.reasons),
        actions=(default_action(level),),
    )


def merge_population(
    intake: IntakeResult | None,
    age: float | None,
    sex: str | None,
    pregnant: bool | None,
    warnings: list[str],
) -> Population:
    """The person: what the caller gave, filled in from what the description says.

    Given values win; a pregnancy read from the text is ignored for a man (with a warning in
    ``warnings``) and for a child under 10.

    Examples
    --------
    >>> from nightlegs.intake import extract
    >>> merge_population(extract("my 7 year old son has sore legs"), None, None, None, []).age
    7.0
    """
    facts = intake.population if intake else None
    text_pregnant = facts.pregnant if facts else None
    if pregnant is None and text_pregnant and sex == "male":
        warnings.append("The text mentions pregnancy but sex was given as male; pregnancy ignored.")
        text_pregnant = None
    if age is None and facts and facts.age is not None and facts.pregnant and facts.age < 10:
        text_pregnant = None
    return make_population(
        age=age if age is not None else (facts.age if facts else None),
        sex=sex if sex is not None else (facts.sex if facts else None),
        pregnant=pregnant if pregnant is not None else text_pregnant,
        postpartum=bool(facts and facts.postpartum),
        child_reported=bool(facts and (facts.reporter == "parent" or facts.child_mentioned)),
        older_reported=bool(facts and facts.older_mentioned),
    )


def assess(
    text: str | None = None,
    *,
    age: float | None = None,
    sex: str | None = None,
    pregnant: bool | None = None,
    findings: Mapping[str, bool] | None = None,
    movements_per_hour: float | None = None,
    irls_total: int | None = None,
    kb: KnowledgeBase | None = None,
) -> Assessment:
    """Assess a night-time leg complaint.

    Parameters
    ----------
    text : str, optional
        The complaint in the person's own words (English).
    age : float, optional
        Age in years (0-120). Overrides an age found in the text.
    sex : {"female", "male"}, optional
    pregnant : bool, optional
    findings : mapping of str to bool, optional
        Structured answers: finding id -> present. Combined with the text; these win.
    movements_per_hour : float, optional
        Leg movements per hour from a recording or a sleep study, shown on the article's
        bands next to the clinical reading.
    irls_total : int, optional
        An IRLS severity total (0-40) that a clinician gave; shown with its band.
    kb : KnowledgeBase, optional
        The knowledge base to assess with (default: the packaged one): a reviewed copy or a
        language pack loaded with ``load_knowledge_base(folder)`` works beside the default,
        with its own tables, in the same process.

    Returns
    -------
    Assessment
        Ranked conditions with evidence, triage with reasons, specialist, next steps,
        self-care with evidence levels, instruments and the disclaimer.

    Raises
    ------
    InputError
        For empty, binary or over-long text, an unknown finding id, age outside 0-120, an
        unknown sex, or a pregnancy given with sex "male".

    Examples
    --------
    >>> import nightlegs
    >>> result = nightlegs.assess("my calves cramp every night", age=70, sex="female")
    >>> result.conditions[0].id
    'nocturnal_leg_cramps'
    """
    if text is None and not findings:
        raise InputError("text: give a description (text) or structured findings")
    if pregnant is not None and not isinstance(pregnant, bool):
        raise InputError(f"pregnant: expected true or false, got {pregnant!r}")
    make_population(age, sex, pregnant)  # validates the explicit arguments first
    warnings: list[str] = []
    kb = kb or load_knowledge_base()
    intake = extract(text, kb=kb) if text is not None else None
    if intake:
        warnings += intake.warnings
    evidence: dict[str, bool] = intake.as_evidence() if intake else {}
    kb_ids = knowledge_index(kb).findings
    for fid, value in (findings or {}).items():
        if fid not in kb_ids:
            raise InputError(f"findings: unknown finding id {fid!r}")
        if not isinstance(value, bool):
            raise InputError(f"findings.{fid}: expected true or false, got {value!r}")
        evidence[fid] = value
    population = merge_population(intake, age, sex, pregnant, warnings)
    if population.postpartum and "recent_childbirth" not in evidence:
        # A birth that the description tells ("two weeks after having my baby") is the
        # clot-risk fact the rules ask for, however it was worded.
        evidence["recent_childbirth"] = True
    population = with_answers(population, evidence)
    return build_assessment(
        evidence,
        population,
        intake=intake,
        movements_per_hour=movements_per_hour,
        irls_total=irls_total,
        warnings=warnings,
        structured=findings,
        kb=kb,
    )
