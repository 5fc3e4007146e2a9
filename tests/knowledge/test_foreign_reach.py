"""Every emergency and urgent rule can fire on a text in each language nightlegs has a
danger-sign lexicon for: each finding the rule needs is read by the lexicon, or is a number
that the readings find in any language (blood pressure, pulse, oxygen level, ketones)."""

from __future__ import annotations

import pytest

from nightlegs.intake._readings import READINGS
from nightlegs.knowledge import Triage, load_knowledge_base
from nightlegs.knowledge.foreign import ForeignLexicon, load_foreign_lexicons

LEXICONS = load_foreign_lexicons()


def unreachable(lexicon: ForeignLexicon) -> list[str]:
    """The urgent and emergency rules the lexicon cannot fire, with what each lacks."""
    read = set(lexicon.findings) | set(READINGS)
    missing = []
    for rule in load_knowledge_base().red_flags:
        if rule.triage.rank < Triage.URGENT.rank:
            continue
        lacks = [f for f in rule.all_of if f not in read]
        if rule.any_of and len(set(rule.any_of) & read) < rule.min_any:
            lacks.append(f"{rule.min_any} of {sorted(set(rule.any_of) - read)}")
        if rule.and_any_of and not set(rule.and_any_of) & read:
            lacks.append(f"one of {sorted(rule.and_any_of)}")
        if lacks:
            missing.append(f"{rule.id}: {', '.join(lacks)}")
    return missing


@pytest.mark.parametrize("code", sorted(LEXICONS))
def test_every_urgent_rule_can_fire_in_each_language(code: str) -> None:
    assert unreachable(LEXICONS[code]) == []


def test_a_lexicon_without_a_finding_is_caught() -> None:
    lexicon = LEXICONS["de"]
    findings = {k: v for k, v in lexicon.findings.items() if k != "fever"}
    narrowed = lexicon.model_copy(update={"findings": findings})
    assert any("fever" in line for line in unreachable(narrowed))
