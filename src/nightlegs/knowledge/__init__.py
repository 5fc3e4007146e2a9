"""The knowledge base: conditions, findings, red flags, self-care and the article audit."""

from nightlegs.knowledge.catalogue import CATALOGUE_CONDITION_IDS
from nightlegs.knowledge.check import (
    canonical_yaml,
    check_files,
    check_foreign_lexicons,
    check_knowledge_base,
    format_files,
)
from nightlegs.knowledge.index import KnowledgeIndex, knowledge_index
from nightlegs.knowledge.loader import load_knowledge_base
from nightlegs.knowledge.models import (
    AgeBand,
    ArticleStatement,
    Claim,
    Condition,
    ConditionFinding,
    Evidence,
    Finding,
    FindingCategory,
    InterviewOption,
    InterviewPlan,
    KnowledgeBase,
    PlannedQuestion,
    Priors,
    RedFlagRule,
    SelfCareAdvice,
    SelfCareGuard,
    Source,
    Strength,
    Triage,
)
from nightlegs.knowledge.movement_grading import MovementGrade, grade_movements

__all__ = [
    "CATALOGUE_CONDITION_IDS",
    "AgeBand",
    "ArticleStatement",
    "Claim",
    "Condition",
    "ConditionFinding",
    "Evidence",
    "Finding",
    "FindingCategory",
    "InterviewOption",
    "InterviewPlan",
    "KnowledgeBase",
    "KnowledgeIndex",
    "MovementGrade",
    "PlannedQuestion",
    "Priors",
    "RedFlagRule",
    "SelfCareAdvice",
    "SelfCareGuard",
    "Source",
    "Strength",
    "Triage",
    "canonical_yaml",
    "check_files",
    "check_foreign_lexicons",
    "check_knowledge_base",
    "format_files",
    "grade_movements",
    "knowledge_index",
    "load_knowledge_base",
]
