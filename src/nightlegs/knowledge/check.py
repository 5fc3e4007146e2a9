"""Whole-knowledge-base consistency checks (``nightlegs kb check``).

Schema validation happens at load; this adds the cross-record rules: unique ids, no dangling
references, every catalogue condition present, phrases that compile, a source on every record.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from importlib.resources.abc import Traversable

import yaml

from nightlegs.knowledge.catalogue import CATALOGUE_CONDITION_IDS
from nightlegs.knowledge.models import KnowledgeBase, Strength, Triage
from nightlegs.knowledge.phrases import FILLER_WORDS

__all__ = [
    "canonical_yaml",
    "check_files",
    "check_knowledge_base",
    "format_files",
]


def _duplicates(ids: Iterable[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def check_knowledge_base(kb: KnowledgeBase) -> list[str]:
    """Return every consistency problem found in ``kb`` (an empty list when it is sound).

    Parameters
    ----------
    kb : KnowledgeBase
        A knowledge base that already passed schema validation.

    Returns
    -------
    list of str
        One plain-words problem per entry, naming the record and the field.

    Examples
    --------
    >>> from nightlegs.knowledge import load_knowledge_base
    >>> check_knowledge_base(load_knowledge_base())
    []
    """
    from nightlegs.knowledge.phrases import PhraseError, compile_phrase

    problems: list[str] = []
    finding_ids = {f.id for f in kb.findings}
    red_flag_findings = {f.id for f in kb.findings if f.red_flag}
    condition_ids = {c.id for c in kb.conditions}
    advice_ids = {a.id for a in kb.self_care}
    claim_ids = {c.id for c in kb.claims}
    red_flag_ids = {r.id for r in kb.red_flags}

    for kind, ids in (
        ("finding", [f.id for f in kb.findings]),
        ("condition", [c.id for c in kb.conditions]),
        ("self-care advice", [a.id for a in kb.self_care]),
        ("claim", [c.id for c in kb.claims]),
        ("red-flag rule", [r.id for r in kb.red_flags]),
    ):
        problems += [f"duplicate {kind} id '{d}'" for d in _duplicates(ids)]

    problems += [
        f"catalogue condition '{cid}' (CONDITIONS.md) is missing"
        for cid in CATALOGUE_CONDITION_IDS
        if cid not in condition_ids
    ]

    for finding in kb.findings:
        for target in (*finding.implies, *finding.yields_to):
            if target not in finding_ids:
                problems.append(f"finding '{finding.id}': implies unknown finding '{target}'")
        for phrase in (*finding.phrases, *finding.negative_phrases, *finding.weak_phrases):
            try:
                _ = compile_phrase(phrase).regex
            except PhraseError as exc:
                problems.append(f"finding '{finding.id}': phrase {phrase!r}: {exc}")

    for condition in kb.conditions:
        where = f"condition '{condition.id}'"
        for link in (*condition.findings_for, *condition.findings_against):
            if link.id not in finding_ids:
                problems.append(f"{where}: unknown finding '{link.id}'")
        problems += [
            f"{where}: unknown self-care advice '{a}'"
            for a in condition.self_care
            if a not in advice_ids
        ]
        problems += [
            f"{where}: unknown claim '{c}'" for c in condition.claims if c not in claim_ids
        ]

    for condition in kb.conditions:
        guard = condition.self_care_only_when
        if guard is None:
            continue
        if condition.usual_triage is not Triage.SELF_CARE:
            problems.append(
                f"condition '{condition.id}': self_care_only_when needs usual_triage self_care"
            )
        problems += [
            f"condition '{condition.id}': self_care_only_when names unknown finding '{fid}'"
            for fid in guard.none_of
            if fid not in finding_ids
        ]

    for rule in kb.red_flags:
        for fid in (*rule.findings, *rule.none_of):
            if fid not in finding_ids:
                problems.append(f"red-flag rule '{rule.id}': unknown finding '{fid}'")
        problems += [
            f"red-flag rule '{rule.id}': none_of holds red-flag finding '{fid}' (a danger sign "
            "must never switch a rule off)"
            for fid in rule.none_of
            if fid in red_flag_findings
        ]
        if rule.kind == "red_flag" and not rule.suspect:
            problems.append(f"red-flag rule '{rule.id}': names no suspect condition")
        if rule.think_of and rule.kind != "safety_net":
            problems.append(f"red-flag rule '{rule.id}': think_of is for safety_net rules")
        problems += [
            f"red-flag rule '{rule.id}': unknown condition '{c}'"
            for c in rule.suspect
            if c not in condition_ids
        ]
        if rule.any_of and rule.min_any > len(rule.any_of):
            problems.append(f"red-flag rule '{rule.id}': min_any exceeds any_of")

    for advice in kb.self_care:
        problems += [
            f"self-care advice '{advice.id}': not_when names unknown finding '{fid}'"
            for fid in advice.not_when
            if fid not in finding_ids
        ]

    used_in_rules = {fid for rule in kb.red_flags for fid in rule.findings}
    problems += [
        f"finding '{f.id}' is marked red_flag but no red-flag rule uses it"
        for f in kb.findings
        if f.red_flag and f.id not in used_in_rules
    ]
    for finding in kb.findings:
        phrases = [*finding.phrases, *finding.negative_phrases, *finding.weak_phrases]
        problems += [
            f"finding '{finding.id}': phrase {p!r} needs the intensifier {w!r}, which the intake "
            "skips (it can only follow a negation there)"
            for p in phrases
            for w in sorted(FILLER_WORDS & set(p.replace("|", " ").split()))
            if not any(
                f"{neg} {w}" in p.replace("|", " | ") for neg in ("not", "no", "never", "nor")
            )
        ]
        problems += [
            f"finding '{finding.id}': phrase {p!r} is listed twice" for p in _duplicates(phrases)
        ]

    rewrite_sources = [r.source for lexicon in kb.lexicon for r in lexicon.rewrites]
    problems += [f"lexicon: rewrite of {d!r} is listed twice" for d in _duplicates(rewrite_sources)]
    problems += [
        f"lexicon: rewrite of {r.source!r} does not change it"
        for lexicon in kb.lexicon
        for r in lexicon.rewrites
        if r.source == r.target
    ]

    problems += _check_interview(kb, finding_ids)
    problems += _check_spelling(kb)
    problems += _check_likelihoods(kb)

    known = finding_ids | condition_ids | advice_ids | claim_ids | red_flag_ids
    for index, statement in enumerate(kb.article):
        problems += [
            f"article statement {index} ({statement.locator!r}): unknown record '{rid}'"
            for rid in statement.represented_by
            if rid not in known
        ]
    return problems


def _check_interview(kb: KnowledgeBase, finding_ids: set[str]) -> list[str]:
    where = "interview/plan.yaml"
    if kb.interview is None:
        return [f"{where} is missing"]
    problems: list[str] = []
    choice_ids = [q.id for q in kb.interview.questions if q.id is not None]
    problems += [
        f"{where}: field 'questions': choice question '{d}' is listed twice; expected each id once"
        for d in _duplicates(choice_ids)
    ]
    for index, question in enumerate(kb.interview.questions):
        name = question.id or question.finding
        used = [
            *(("options", o.id) for o in question.options),
            *(("when_any", fid) for fid in question.when_any),
            *([("finding", question.finding)] if question.finding else []),
        ]
        problems += [
            f"{where}: field 'questions.{index}.{field}': question '{name}' names unknown "
            f"finding '{fid}'; expected a finding id from findings/"
            for field, fid in used
            if fid not in finding_ids
        ]
        problems += [
            f"{where}: field 'questions.{index}.options': question '{name}' lists option '{d}' "
            "twice; expected each option once"
            for d in _duplicates([o.id for o in question.options])
        ]
    return problems


def _check_spelling(kb: KnowledgeBase) -> list[str]:
    """Conflicts in the intake's spelling help: a word corrected and protected at once, a
    correction that changes nothing, a protected word listed twice."""
    where = "lexicon/spelling.yaml"
    spelling = kb.spelling
    problems = [
        f"{where}: field 'common_words': {word!r} is also a key of 'misspellings' (corrected to "
        f"{spelling.misspellings[word]!r} before the protection applies); expected each word "
        "in one of the two only"
        for word in sorted(set(spelling.common_words) & spelling.misspellings.keys())
    ]
    problems += [
        f"{where}: field 'misspellings.{wrong}': maps {wrong!r} to itself; expected the word "
        "it means"
        for wrong, right in spelling.misspellings.items()
        if wrong == right
    ]
    problems += [
        f"{where}: field 'common_words': {word!r} is listed twice; expected each word once"
        for word in _duplicates(spelling.common_words)
    ]
    return problems


def _check_likelihoods(kb: KnowledgeBase) -> list[str]:
    """A stronger link must move the probability further: the gain of a finding *for* a
    condition grows with strength, the factor of one *against* it shrinks."""
    where = "likelihood/strengths.yaml"
    order = list(Strength)
    expected = " < ".join(s.value for s in order)
    problems: list[str] = []
    for field, table, sign in (
        ("for_gain", kb.likelihoods.for_gain, 1.0),
        ("against_factor", kb.likelihoods.against_factor, -1.0),
    ):
        values = [table[s] for s in order]
        if all(sign * (b - a) > 0 for a, b in itertools.pairwise(values)):
            continue
        shown = ", ".join(f"{s.value} {table[s]:g}" for s in order)
        want = "increasing" if sign > 0 else "decreasing"
        problems.append(
            f"{where}: field '{field}': not strictly {want} in strength ({shown}); expected "
            f"the values {want} from {expected}"
        )
    return problems


def canonical_yaml(data: object) -> str:
    """The canonical text of a knowledge-base document (what ``nightlegs kb format`` writes)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _documents() -> list[tuple[str, Traversable]]:
    from nightlegs.knowledge.loader import _data_root

    root = _data_root()
    found = []
    for folder in sorted(root.iterdir(), key=lambda e: e.name):
        if folder.is_dir():
            found += [
                (f"{folder.name}/{entry.name}", entry)
                for entry in sorted(folder.iterdir(), key=lambda e: e.name)
                if entry.name.endswith(".yaml")
            ]
    return found


def check_foreign_lexicons() -> list[str]:
    """Problems that stop the danger-sign lexicons of other languages from loading.

    They are loaded only for a text that does not read as English, so without this check a
    broken lexicon would first show itself to a person writing in that language.
    """
    from nightlegs.errors import KnowledgeBaseError
    from nightlegs.knowledge._caches import reset_knowledge_caches
    from nightlegs.knowledge.foreign import load_foreign_lexicons

    reset_knowledge_caches()  # read the files as they are now, matchers included
    try:
        load_foreign_lexicons()
    except KnowledgeBaseError as exc:
        return [str(exc)]
    return []


def check_files() -> list[str]:
    """Files of the packaged knowledge base that are not in canonical form.

    Canonical form is what :func:`canonical_yaml` produces from the parsed document, so a file
    can be reformatted (``nightlegs kb format``) without any change of content.
    """
    return [
        f"{name}: not in canonical form (run 'nightlegs kb format')"
        for name, entry in _documents()
        if (text := entry.read_text(encoding="utf-8")) != canonical_yaml(yaml.safe_load(text))
    ]


def format_files() -> list[str]:
    """Rewrite every knowledge-base file in canonical form; return the names changed."""
    from pathlib import Path

    changed = []
    for name, entry in _documents():
        text = entry.read_text(encoding="utf-8")
        canonical = canonical_yaml(yaml.safe_load(text))
        if text != canonical:
            Path(str(entry)).write_text(canonical, encoding="utf-8")
            changed.append(name)
    return changed
