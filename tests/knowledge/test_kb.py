"""The whole knowledge base: schema, references, sources, catalogue, canonical form."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from _kb_copy import edit as _edit

from nightlegs.errors import KnowledgeBaseError
from nightlegs.knowledge import (
    CATALOGUE_CONDITION_IDS,
    check_files,
    check_knowledge_base,
    load_knowledge_base,
    reset_knowledge_caches,
)


def test_packaged_knowledge_base_is_sound() -> None:
    assert check_knowledge_base(load_knowledge_base()) == []


def test_files_are_in_canonical_form() -> None:
    assert check_files() == []


def test_every_catalogue_condition_is_defined() -> None:
    ids = {c.id for c in load_knowledge_base().conditions}
    assert set(CATALOGUE_CONDITION_IDS) <= ids


def test_every_record_has_provenance() -> None:
    kb = load_knowledge_base()
    for record in (*kb.conditions, *kb.red_flags, *kb.self_care, *kb.findings):
        assert record.sources, record.id
    for claim in kb.claims:
        kinds = {s.kind for s in claim.sources}
        assert "article" in kinds and kinds - {"article"}, claim.id


def test_article_medicines_and_claims_are_covered() -> None:
    kb = load_knowledge_base()
    claimed = " ".join(c.article_claim.lower() for c in kb.claims)
    for word in ("glycine", "valerian", "novo-passit", "magnesium", "osteoporosis", "cottage"):
        assert word in claimed, word
    assert any(c.verdict == "rejected" for c in kb.claims)


def test_emergency_conditions_have_an_emergency_rule() -> None:
    kb = load_knowledge_base()
    suspected = {
        s for rule in kb.red_flags if rule.triage.value == "emergency" for s in rule.suspect
    }
    for condition in kb.conditions:
        if condition.usual_triage.value == "emergency":
            assert condition.id in suspected, condition.id


def test_unknown_key_is_rejected_naming_file_and_field(kb_copy: Path) -> None:
    _edit(kb_copy / "conditions" / "growing_pains.yaml", lambda d: d.update(colour="blue"))
    with pytest.raises(KnowledgeBaseError, match=r"conditions/growing_pains\.yaml: field 'colour'"):
        load_knowledge_base()


def test_missing_field_is_reported(kb_copy: Path) -> None:
    _edit(kb_copy / "conditions" / "growing_pains.yaml", lambda d: d.pop("sources"))
    with pytest.raises(KnowledgeBaseError, match="field 'sources'"):
        load_knowledge_base()


def test_finding_without_sources_names_file_and_finding(kb_copy: Path) -> None:
    path = kb_copy / "findings" / "signs.yaml"
    first = yaml.safe_load(path.read_text())["findings"][0]["id"]
    _edit(path, lambda d: d["findings"][0].pop("sources"))
    with pytest.raises(
        KnowledgeBaseError,
        match=rf"findings/signs\.yaml\[0\] \(id '{first}'\): field 'sources': Field required",
    ):
        load_knowledge_base()


def test_finding_with_an_empty_source_list_is_rejected(kb_copy: Path) -> None:
    _edit(kb_copy / "findings" / "symptoms.yaml", lambda d: d["findings"][1].update(sources=[]))
    with pytest.raises(
        KnowledgeBaseError, match=r"findings/symptoms\.yaml\[1\] \(id '[a-z_]+'\): field 'sources'"
    ):
        load_knowledge_base()


def test_finding_source_of_unknown_kind_names_the_field(kb_copy: Path) -> None:
    def blog(data: dict[str, list[dict[str, list[dict[str, str]]]]]) -> None:
        data["findings"][0]["sources"][0]["kind"] = "blog"

    _edit(kb_copy / "findings" / "sites.yaml", blog)
    with pytest.raises(KnowledgeBaseError, match=r"sites\.yaml\[0\].*field 'sources\.0\.kind'"):
        load_knowledge_base()


def test_bad_yaml_is_reported(kb_copy: Path) -> None:
    (kb_copy / "conditions" / "growing_pains.yaml").write_text("id: [unclosed\n")
    with pytest.raises(KnowledgeBaseError, match="not valid YAML"):
        load_knowledge_base()


def test_file_name_must_match_id(kb_copy: Path) -> None:
    (kb_copy / "conditions" / "growing_pains.yaml").rename(kb_copy / "conditions" / "other.yaml")
    with pytest.raises(KnowledgeBaseError, match=r"file name must be 'growing_pains\.yaml'"):
        load_knowledge_base()


def test_dangling_reference_is_found(kb_copy: Path) -> None:
    def add_link(data: dict[str, list[dict[str, str]]]) -> None:
        data["findings_for"].append({"id": "no_such_finding", "strength": "weak"})

    _edit(kb_copy / "conditions" / "growing_pains.yaml", add_link)
    problems = check_knowledge_base(load_knowledge_base())
    assert any("unknown finding 'no_such_finding'" in p for p in problems)


def test_missing_catalogue_condition_is_found(kb_copy: Path) -> None:
    (kb_copy / "conditions" / "sever_disease.yaml").unlink()
    problems = check_knowledge_base(load_knowledge_base())
    assert "catalogue condition 'sever_disease' (CONDITIONS.md) is missing" in problems


def test_load_is_cached() -> None:
    assert load_knowledge_base() is load_knowledge_base()


def test_bad_lexicon_rewrite_names_file_and_field(kb_copy: Path) -> None:
    def shout(data: dict[str, list[dict[str, str]]]) -> None:
        data["rewrites"][0]["source"] = "SOB!"

    _edit(kb_copy / "lexicon" / "shorthand.yaml", shout)
    with pytest.raises(
        KnowledgeBaseError, match=r"lexicon/shorthand\.yaml: field 'rewrites\.0\.source'"
    ):
        load_knowledge_base()


def test_unquoted_yaml_no_in_a_rewrite_is_caught(kb_copy: Path) -> None:
    path = kb_copy / "lexicon" / "shorthand.yaml"
    path.write_text(path.read_text() + "- source: nope\n  target: no\n")
    with pytest.raises(KnowledgeBaseError, match=r"shorthand\.yaml: field 'rewrites\.\d+\.target'"):
        load_knowledge_base()


def test_safety_net_rule_cannot_be_switched_off_by_a_danger_sign(kb_copy: Path) -> None:
    def add_none_of(data: dict[str, list[dict[str, object]]]) -> None:
        data["red_flags"][0]["none_of"] = ["fever"]

    _edit(kb_copy / "red_flags" / "safety_net.yaml", add_none_of)
    problems = check_knowledge_base(load_knowledge_base())
    assert any("none_of holds red-flag finding 'fever'" in p for p in problems)


def test_an_interview_question_with_both_kinds_names_file_and_field(kb_copy: Path) -> None:
    def both(data: dict[str, list[dict[str, object]]]) -> None:
        data["questions"][0]["finding"] = "leg_swelling"  # "where" is a choice question

    _edit(kb_copy / "interview" / "plan.yaml", both)
    with pytest.raises(KnowledgeBaseError, match=r"interview/plan\.yaml.*either 'id'"):
        load_knowledge_base()


def test_an_interview_option_that_is_not_a_finding_is_found(kb_copy: Path) -> None:
    def typo(data: dict[str, list[dict[str, list[dict[str, str]]]]]) -> None:
        data["questions"][0]["options"][0]["id"] = "site_calff"

    _edit(kb_copy / "interview" / "plan.yaml", typo)
    problems = check_knowledge_base(load_knowledge_base())
    assert (
        "interview/plan.yaml: field 'questions.0.options': question 'where' names unknown "
        "finding 'site_calff'; expected a finding id from findings/"
    ) in problems


def test_kb_check_reports_a_foreign_lexicon_that_cannot_load(kb_copy: Path) -> None:
    from nightlegs.knowledge import check_foreign_lexicons

    assert check_foreign_lexicons() == []

    def invent_finding(data: dict[str, dict[str, list[str]]]) -> None:
        data["findings"]["no_such_finding"] = ["irgendwas"]

    _edit(kb_copy / "foreign" / "de.yaml", invent_finding)
    try:
        problems = check_foreign_lexicons()
        assert len(problems) == 1
        assert "foreign/de.yaml" in problems[0] and "no_such_finding" in problems[0]
    finally:
        reset_knowledge_caches()
