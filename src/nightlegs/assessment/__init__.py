"""Assessment: probabilistic ranking, triage, instruments and the result object."""

from nightlegs.assessment.engine import assess, build_assessment
from nightlegs.assessment.inference import ConditionScore, rank
from nightlegs.assessment.instruments import InstrumentResult, compute_instruments
from nightlegs.assessment.population import Population, make_population
from nightlegs.assessment.result import Assessment, ConditionResult, FindingResult
from nightlegs.assessment.triage import TriageDecision, fired_red_flags, triage

__all__ = [
    "Assessment",
    "ConditionResult",
    "ConditionScore",
    "FindingResult",
    "InstrumentResult",
    "Population",
    "TriageDecision",
    "assess",
    "build_assessment",
    "compute_instruments",
    "fired_red_flags",
    "make_population",
    "rank",
    "triage",
]
