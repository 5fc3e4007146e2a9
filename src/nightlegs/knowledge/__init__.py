"""The knowledge base: conditions, findings, red flags, self-care and the article audit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nightlegs.knowledge._caches import (
        knowledge_cache,
        reset_knowledge_caches,
    )
    from nightlegs.knowledge.catalogue import CATALOGUE_CONDITION_IDS
    from nightlegs.knowledge.check import (
        canonical_yaml,
        check_files,
        check_foreign_lexicons,
        check_knowledge_base,
        format_files,
    )
    from nightlegs.knowledge.index import (
        KnowledgeIndex,
        knowledge_index,
    )
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
        LikelihoodTables,
        PlannedQuestion,
        Priors,
        RedFlagRule,
        SelfCareAdvice,
        SelfCareGuard,
        Source,
        Spelling,
        Strength,
        Triage,
        TriageLevelWords,
        TriageWording,
    )
    from nightlegs.knowledge.movement_grading import (
        MovementGrade,
        grade_movements,
    )
    from nightlegs.knowledge.versioning import (
        check_version,
        content_digest,
        stamp_version,
    )

#: Public names imported on first use (PEP 562). The models, checks and loader pull in pydantic
#: and yaml; ``nightlegs analyze`` only needs the movement grading, a plain dataclass module,
#: and should not pay for the rest at start-up.
_LAZY = {
    "knowledge_cache": "nightlegs.knowledge._caches",
    "reset_knowledge_caches": "nightlegs.knowledge._caches",
    "CATALOGUE_CONDITION_IDS": "nightlegs.knowledge.catalogue",
    "canonical_yaml": "nightlegs.knowledge.check",
    "check_files": "nightlegs.knowledge.check",
    "check_foreign_lexicons": "nightlegs.knowledge.check",
    "check_knowledge_base": "nightlegs.knowledge.check",
    "format_files": "nightlegs.knowledge.check",
    "KnowledgeIndex": "nightlegs.knowledge.index",
    "knowledge_index": "nightlegs.knowledge.index",
    "load_knowledge_base": "nightlegs.knowledge.loader",
    "AgeBand": "nightlegs.knowledge.models",
    "ArticleStatement": "nightlegs.knowledge.models",
    "Claim": "nightlegs.knowledge.models",
    "Condition": "nightlegs.knowledge.models",
    "ConditionFinding": "nightlegs.knowledge.models",
    "Evidence": "nightlegs.knowledge.models",
    "Finding": "nightlegs.knowledge.models",
    "FindingCategory": "nightlegs.knowledge.models",
    "InterviewOption": "nightlegs.knowledge.models",
    "InterviewPlan": "nightlegs.knowledge.models",
    "KnowledgeBase": "nightlegs.knowledge.models",
    "LikelihoodTables": "nightlegs.knowledge.models",
    "PlannedQuestion": "nightlegs.knowledge.models",
    "Priors": "nightlegs.knowledge.models",
    "RedFlagRule": "nightlegs.knowledge.models",
    "SelfCareAdvice": "nightlegs.knowledge.models",
    "SelfCareGuard": "nightlegs.knowledge.models",
    "Source": "nightlegs.knowledge.models",
    "Spelling": "nightlegs.knowledge.models",
    "Strength": "nightlegs.knowledge.models",
    "Triage": "nightlegs.knowledge.models",
    "TriageLevelWords": "nightlegs.knowledge.models",
    "TriageWording": "nightlegs.knowledge.models",
    "MovementGrade": "nightlegs.knowledge.movement_grading",
    "grade_movements": "nightlegs.knowledge.movement_grading",
    "check_version": "nightlegs.knowledge.versioning",
    "content_digest": "nightlegs.knowledge.versioning",
    "stamp_version": "nightlegs.knowledge.versioning",
}

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
    "LikelihoodTables",
    "MovementGrade",
    "PlannedQuestion",
    "Priors",
    "RedFlagRule",
    "SelfCareAdvice",
    "SelfCareGuard",
    "Source",
    "Spelling",
    "Strength",
    "Triage",
    "TriageLevelWords",
    "TriageWording",
    "canonical_yaml",
    "check_files",
    "check_foreign_lexicons",
    "check_knowledge_base",
    "check_version",
    "content_digest",
    "format_files",
    "grade_movements",
    "knowledge_cache",
    "knowledge_index",
    "load_knowledge_base",
    "reset_knowledge_caches",
    "stamp_version",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nightlegs.knowledge' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
