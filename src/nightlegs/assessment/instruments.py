"""Validated instruments computed from the findings a person gave.

Each criterion is ``met``, ``not met`` or ``unknown`` (or "needs a clinician" for exam items).
Logic is encoded from the published criteria; their wording is paraphrased.

References
----------
IRLSSG: Allen RP et al. Sleep Med 2014;15:860-873. doi:10.1016/j.sleep.2014.03.025
Wells DVT (two-level, NICE NG158): Wells PS et al. NEJM 2003;349:1227.
Growing pains: Peterson H. Pediatr Clin North Am 1986;33:1365.
Edinburgh Claudication Questionnaire: Leng GC, Fowkes FG. J Clin Epidemiol 1992;45:1101.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from nightlegs._words import plural
from nightlegs.knowledge.movement_grading import grade_movements

__all__ = [
    "Criterion",
    "InstrumentResult",
    "compute_instruments",
    "edinburgh_claudication",
    "growing_pains_criteria",
    "irls_severity",
    "irlssg_criteria",
    "rls_severity_from_movements",
    "wells_dvt",
]

Status = Literal["met", "not met", "unknown", "needs a clinician"]


class Criterion(BaseModel):
    """One item of an instrument and its status."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: str
    status: Status


class InstrumentResult(BaseModel):
    """An instrument's items and its overall reading in plain words (fields in JSON order)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    name: str
    reading: str
    score: int | float | None = None
    criteria: tuple[Criterion, ...] = ()


# Positional builders for the instrument functions below. They validate: pydantic-core does
# it faster than ``model_construct`` would skip it (1.2 against 2.9 us for a criterion).
def _criterion(name: str, status: Status) -> Criterion:
    return Criterion(name=name, status=status)


def _instrument(
    id: str,
    name: str,
    criteria: Sequence[Criterion],
    reading: str,
    score: float | None = None,
) -> InstrumentResult:
    return InstrumentResult(id=id, name=name, reading=reading, score=score, criteria=criteria)


def _status(evidence: Mapping[str, bool], *ids: str, absent: bool = False) -> Status:
    values = [evidence[i] for i in ids if i in evidence]
    if not values:
        return "unknown"
    return "met" if any(values) != absent else "not met"


def _any_present(evidence: Mapping[str, bool], ids: tuple[str, ...]) -> bool:
    return any(evidence.get(i) for i in ids)


#: The mimics IRLSSG criterion 5 asks to consider, each with the findings that show it.
_RLS_MIMICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("leg cramps", ("muscle_hardens", "muscle_cramp", "relieved_by_stretching")),
    ("positional discomfort", ("relieved_by_position_change",)),
    ("venous disease", ("varicose_veins", "relieved_by_elevation", "skin_changes_lower_leg")),
    ("neuropathy", ("numbness", "stocking_distribution", "burning_pain")),
    ("arthritis", ("joint_swelling", "hot_joint", "arthritis_known", "site_joint")),
    ("leg oedema", ("leg_swelling", "ankle_swelling")),
)


def _mimic_status(evidence: Mapping[str, bool]) -> tuple[Status, list[str]]:
    """Criterion 5: met only when every common mimic was asked about and is absent."""
    present = [name for name, ids in _RLS_MIMICS if _any_present(evidence, ids)]
    if present:
        return "needs a clinician", present
    considered = all(any(i in evidence for i in ids) for _, ids in _RLS_MIMICS)
    return ("met" if considered else "unknown"), []


def irlssg_criteria(evidence: Mapping[str, bool]) -> InstrumentResult:
    """IRLSSG 2014 essential criteria for restless legs syndrome (all five needed).

    Criterion 5 (not solely explained by another condition) is met only when each common mimic
    (cramps, positional discomfort, venous disease, neuropathy, arthritis, leg oedema) has been
    considered and is absent; a present mimic leaves it to a clinician.

    Examples
    --------
    >>> core = {"urge_to_move": True, "worse_at_rest": True,
    ...         "relieved_by_movement": True, "evening_night_worse": True}
    >>> irlssg_criteria({**core, "muscle_hardens": False}).criteria[4].status
    'unknown'
    >>> no_mimics = {"muscle_hardens": False, "relieved_by_position_change": False,
    ...              "varicose_veins": False, "numbness": False, "joint_swelling": False,
    ...              "leg_swelling": False}
    >>> irlssg_criteria({**core, **no_mimics}).reading.startswith("All five")
    True
    >>> irlssg_criteria({"urge_to_move": True}).reading[:48]
    'Not known, so the IRLSSG criteria cannot be comp'
    """
    fifth, mimics = _mimic_status(evidence)
    criteria = (
        _criterion(
            "An urge to move the legs, usually with unpleasant feelings",
            _status(evidence, "urge_to_move"),
        ),
        _criterion("Begins or worsens at rest", _status(evidence, "worse_at_rest")),
        _criterion(
            "Relieved by movement while it lasts", _status(evidence, "relieved_by_movement")
        ),
        _criterion(
            "Only or worse in the evening or night", _status(evidence, "evening_night_worse")
        ),
        _criterion(
            "Not solely explained by a mimic (cramps, positional discomfort, venous disease, "
            "neuropathy, arthritis, leg swelling)",
            fifth,
        ),
    )
    statuses = [c.status for c in criteria]
    if all(s == "met" for s in statuses):
        reading = "All five IRLSSG criteria are met: consistent with restless legs syndrome."
    elif "not met" in statuses:
        reading = "Not all IRLSSG criteria are met: restless legs syndrome is less likely."
    elif mimics and all(s == "met" for s in statuses[:4]):
        reading = (
            "The first four IRLSSG criteria are met, but "
            + ", ".join(mimics)
            + " can feel the same: a doctor must decide whether that explains it."
        )
    else:
        unknown = [c.name[0].lower() + c.name[1:] for c in criteria if c.status == "unknown"]
        reading = (
            "Not known, so the IRLSSG criteria cannot be completed: "
            + "; ".join(unknown)
            + ". A doctor can ask about these."
        )
    return _instrument("irlssg", "IRLSSG 2014 diagnostic criteria for RLS", criteria, reading)


_WELLS_ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Active cancer (treated within 6 months)", ("active_cancer",)),
    (
        "Bedridden 3 days or more, or major surgery within 12 weeks",
        ("bedridden_3_days", "recent_surgery"),
    ),
    ("Entire leg swollen", ("whole_leg_swollen",)),
    ("Calf swelling 3 cm or more compared with the other leg", ("calf_bigger_than_other",)),
    ("Pitting oedema in the symptomatic leg", ("pitting_oedema",)),
    ("Previously documented DVT", ("previous_clot",)),
)


def _cast_or_paralysis(evidence: Mapping[str, bool]) -> Status:
    # ``immobilised`` also follows from being bed-bound, which Wells scores as its own item:
    # a bed-bound person scores that item, not this one.
    if evidence.get("bedridden_3_days"):
        return "unknown" if evidence.get("immobilised") else "not met"
    return _status(evidence, "immobilised")


def wells_dvt(evidence: Mapping[str, bool], *, pregnant: bool = False) -> InstrumentResult:
    """Two-level Wells score for DVT from the items a person can answer.

    Tenderness along the deep veins, collateral superficial veins and "another diagnosis at
    least as likely" need an examination: they are marked "needs a clinician". The score is
    not validated in pregnancy or after birth, where a suspected clot goes straight to an
    ultrasound scan (RCOG Green-top Guideline 37a): then no score is given.

    Examples
    --------
    >>> wells_dvt({"bedridden_3_days": True, "immobilised": True, "previous_clot": True}).score
    2.0
    >>> wells_dvt({"leg_swelling": True}, pregnant=True).score is None
    True
    """
    if pregnant:
        return _instrument(
            "wells_dvt",
            "Wells score for DVT (patient items)",
            (),
            "The Wells score and the D-dimer test are not used in pregnancy or in the weeks "
            "after birth: a suspected clot needs a leg ultrasound scan straight away (RCOG).",
        )
    criteria = [_criterion(name, _status(evidence, *ids)) for name, ids in _WELLS_ITEMS]
    criteria.insert(
        1,
        _criterion(
            "Paralysis, paresis or recent plaster cast of the leg", _cast_or_paralysis(evidence)
        ),
    )
    criteria += [
        _criterion("Localised tenderness along the deep veins", "needs a clinician"),
        _criterion("Collateral superficial (non-varicose) veins", "needs a clinician"),
        _criterion("Another diagnosis at least as likely (-2)", "needs a clinician"),
    ]
    score = float(sum(c.status == "met" for c in criteria))
    known = sum(c.status in ("met", "not met") for c in criteria)
    answered = f"from the {plural(known, 'item')} answered" if known else "(no item answered)"
    if score >= 2:
        reading = (
            f"Partial Wells score {score:g} {answered}: DVT 'likely' (NICE: ultrasound within "
            "4 hours)."
        )
    else:
        reading = (
            f"Partial Wells score {score:g} {answered}; a clinician must add the examination "
            "items before DVT can be called unlikely."
        )
    return _instrument(
        "wells_dvt", "Wells score for DVT (patient items)", tuple(criteria), reading, score
    )


_GP_INCLUDE = (
    ("Pain comes and goes, with pain-free days", "pain_free_intervals", False),
    ("Both legs", "bilateral", False),
    ("Late in the day or at night", "evening_night_worse", False),
    ("Well the next morning", "morning_well", False),
)
_GP_EXCLUDE = (
    ("Pain on one side only", "unilateral"),
    ("Pain in a joint", "site_joint"),
    ("Swelling or redness", "joint_swelling"),
    ("Limp", "limp"),
    ("Fever", "fever"),
    ("Persistent or increasing pain", "progressive"),
    ("Tender spot on a bone", "bone_tender_spot"),
)


#: Peterson's criteria were made for children of these ages.
GROWING_PAINS_AGES = (3.0, 12.0)


def growing_pains_criteria(
    evidence: Mapping[str, bool], *, age: float | None = None
) -> InstrumentResult:
    """Peterson's inclusion and exclusion criteria for growing pains (ages 3-12).

    Examples
    --------
    >>> growing_pains_criteria({"bilateral": True}, age=15).reading.startswith("Growing pains")
    True
    """
    low, high = GROWING_PAINS_AGES
    if age is not None and not low <= age <= high:
        return _instrument(
            "growing_pains",
            "Growing pains criteria (Peterson)",
            (),
            f"Growing pains are a diagnosis for children aged {low:g}-{high:g}; at {age:g} "
            "these criteria do not apply, so leg pain at night needs a doctor to find its cause.",
        )
    criteria = [_criterion(name, _status(evidence, fid)) for name, fid, _ in _GP_INCLUDE]
    criteria += [
        _criterion(f"Absent: {name.lower()}", _status(evidence, fid, absent=True))
        for name, fid in _GP_EXCLUDE
    ]
    statuses = [c.status for c in criteria]
    if any(evidence.get(fid) for _, fid in _GP_EXCLUDE):
        reading = "An exclusion sign is present: these are not typical growing pains; see a doctor."
    elif all(s == "met" for s in statuses):
        reading = "Fits the criteria for growing pains."
    else:
        reading = "Partly fits growing pains; unknown items remain."
    return _instrument(
        "growing_pains", "Growing pains criteria (Peterson)", tuple(criteria), reading
    )


def edinburgh_claudication(evidence: Mapping[str, bool]) -> InstrumentResult:
    """Edinburgh Claudication Questionnaire logic from the findings."""
    criteria = (
        _criterion("Pain on walking", _status(evidence, "pain_on_walking")),
        _criterion("Never starts at rest", _status(evidence, "rest_pain", absent=True)),
        _criterion(
            "Worse walking uphill or hurrying", _status(evidence, "worse_uphill_or_hurrying")
        ),
        _criterion(
            "Goes within 10 minutes of standing still",
            _status(evidence, "relieved_by_standing_still"),
        ),
        _criterion("Felt in the calf", _status(evidence, "site_calf")),
    )
    statuses = [c.status for c in criteria[:4]]
    if all(s == "met" for s in statuses):
        definite = criteria[4].status == "met"
        reading = (
            "Positive: "
            + ("definite" if definite else "atypical")
            + " intermittent claudication (ask about an ankle-brachial index)."
        )
    elif "not met" in statuses:
        reading = "Negative for intermittent claudication."
    else:
        reading = (
            "Unknown: answer whether walking brings it on, uphill or hurrying makes it worse, "
            "and standing still eases it."
        )
    return _instrument("edinburgh", "Edinburgh Claudication Questionnaire", criteria, reading)


def rls_severity_from_movements(per_hour: float, *, child: bool = False) -> InstrumentResult:
    """Read leg movements per hour on the article's bands, next to the clinical cut-off.

    The reading is :attr:`nightlegs.knowledge.movement_grading.MovementGrade.reading` of
    :func:`~nightlegs.knowledge.movement_grading.grade_movements` (the boundary rule is stated
    there); the article's bands are not a validated scale.

    Examples
    --------
    >>> rls_severity_from_movements(32).reading.split(";")[0]
    'Article band: average (20-60/h)'
    """
    grading = grade_movements(per_hour, child=child)
    return _instrument("movement_severity", "Leg movements per hour", (), grading.reading, per_hour)


def irls_severity(total: int) -> InstrumentResult:
    """Band of an IRLS (International RLS Study Group rating scale) total given by a clinician.

    The scale's ten items are proprietary: only the total (0-40) is accepted, stored and shown,
    never the items.

    Examples
    --------
    >>> irls_severity(24).reading.split(" (")[0]
    'IRLS total 24 of 40: severe'
    """
    if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= 40:
        from nightlegs.errors import InputError

        raise InputError(f"irls_total: expected a whole number from 0 to 40, got {total!r}")
    if total == 0:
        band = "none"
    elif total <= 10:
        band = "mild"
    elif total <= 20:
        band = "moderate"
    elif total <= 30:
        band = "severe"
    else:
        band = "very severe"
    reading = (
        f"IRLS total {total} of 40: {band} (bands 1-10 mild, 11-20 moderate, 21-30 severe, "
        "31-40 very severe)."
    )
    return _instrument("irls", "IRLS severity (total from a clinician)", (), reading, total)


def compute_instruments(
    evidence: Mapping[str, bool],
    *,
    movements_per_hour: float | None = None,
    child: bool = False,
    irls_total: int | None = None,
    age: float | None = None,
    pregnant: bool = False,
    dvt_considered: bool = True,
) -> list[InstrumentResult]:
    """Every instrument whose inputs are at least partly known.

    ``pregnant`` (pregnancy or the weeks after birth) replaces the Wells score by the advice to
    scan; ``age`` keeps the growing-pains criteria to the ages they were made for;
    ``dvt_considered`` is False when DVT is neither among the likeliest causes nor flagged by
    a rule, and then no (partial) Wells score is given: a clot risk factor alone, such as a
    long journey, does not make one worth showing.

    Examples
    --------
    >>> risk = {"previous_clot": True}
    >>> [i.id for i in compute_instruments(risk)], compute_instruments(risk, dvt_considered=False)
    (['wells_dvt'], [])
    """
    results: list[InstrumentResult] = []
    if {"urge_to_move", "relieved_by_movement", "worse_at_rest"} & evidence.keys():
        results.append(irlssg_criteria(evidence))
    if {
        "leg_swelling",
        "whole_leg_swollen",
        "calf_bigger_than_other",
        "previous_clot",
        "recent_surgery",
        "immobilised",
        "active_cancer",
        "bedridden_3_days",
    } & evidence.keys() and dvt_considered:
        results.append(wells_dvt(evidence, pregnant=pregnant))
    young = age is None or age < 18
    if child or (young and {"morning_well", "pain_free_intervals"} & evidence.keys()):
        results.append(growing_pains_criteria(evidence, age=age))
    if {"pain_on_walking", "relieved_by_standing_still"} & evidence.keys():
        results.append(edinburgh_claudication(evidence))
    if movements_per_hour is not None:
        results.append(rls_severity_from_movements(movements_per_hour, child=child))
    if irls_total is not None:
        results.append(irls_severity(irls_total))
    return results
