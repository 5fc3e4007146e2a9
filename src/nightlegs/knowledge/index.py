"""Look-up tables over a knowledge base, built once per knowledge base."""

from __future__ import annotations

from dataclasses import dataclass

from nightlegs.knowledge.loader import load_knowledge_base
from nightlegs.knowledge.models import (
    Claim,
    Condition,
    Finding,
    KnowledgeBase,
    SelfCareAdvice,
    Wording,
)

__all__ = ["KnowledgeIndex", "knowledge_index"]


@dataclass(frozen=True)
class KnowledgeIndex:
    """Records of the packaged knowledge base by id, and derived sets."""

    findings: dict[str, Finding]
    conditions: dict[str, Condition]
    self_care: dict[str, SelfCareAdvice]
    claims: dict[str, Claim]
    finding_order: dict[str, int]
    red_flag_findings: frozenset[str]
    #: Every finding a red-flag or safety-net rule needs present: the danger signs that the
    #: intake keeps even when hedged or denied elsewhere.
    rule_findings: frozenset[str]
    #: Each condition's wording for someone pregnant or just after birth (True) or not
    #: (False): :meth:`Condition.wording`, built once.
    wordings: dict[tuple[str, bool], Wording]


def knowledge_index(kb: KnowledgeBase | None = None) -> KnowledgeIndex:
    """The look-up tables of ``kb`` (default: the packaged knowledge base), built once per
    knowledge base.

    Examples
    --------
    >>> knowledge_index().conditions["growing_pains"].usual_triage.value
    'self_care'
    """
    return (kb or load_knowledge_base()).derived(_build_index)


def _build_index(kb: KnowledgeBase) -> KnowledgeIndex:
    return KnowledgeIndex(
        findings={f.id: f for f in kb.findings},
        conditions={c.id: c for c in kb.conditions},
        self_care={a.id: a for a in kb.self_care},
        claims={c.id: c for c in kb.claims},
        finding_order={f.id: i for i, f in enumerate(kb.findings)},
        red_flag_findings=frozenset(f.id for f in kb.findings if f.red_flag),
        rule_findings=frozenset(fid for rule in kb.red_flags for fid in rule.findings),
        wordings={(c.id, p): c.wording(p) for c in kb.conditions for p in (False, True)},
    )
