"""Two knowledge bases side by side in one process, and one reset for every cached table."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
from _kb_copy import edit

from nightlegs import assess
from nightlegs.assessment.inference import model
from nightlegs.assessment.interview import next_step
from nightlegs.assessment.population import Population
from nightlegs.assessment.triage import fired_red_flags
from nightlegs.errors import KnowledgeBaseError
from nightlegs.intake._foreign import find_foreign_findings
from nightlegs.intake._matcher import phrase_index
from nightlegs.knowledge import knowledge_index, load_knowledge_base, reset_knowledge_caches

STRENGTHS = "likelihood/strengths.yaml"
SPELLING = "lexicon/spelling.yaml"


@pytest.fixture
def other_root(tmp_path: Path) -> Path:
    """A second knowledge base in its own folder; the packaged one stays the default."""
    target = tmp_path / "other-kb"
    shutil.copytree(Path(str(resources.files("nightlegs.knowledge") / "data")), target)
    return target


def _p_strong(kb_model: object, condition_id: str, finding_id: str) -> float:
    m = kb_model
    row = m.condition_ids.index(condition_id)  # type: ignore[attr-defined]
    return float(m.p_present[row, m.finding_index[finding_id]])  # type: ignore[attr-defined]


def test_two_knowledge_bases_keep_their_own_tables(other_root: Path) -> None:
    edit(other_root / STRENGTHS, lambda d: d["for_gain"].update(strong=0.8))
    edit(other_root / SPELLING, lambda d: d["misspellings"].update(swolen="swelling"))
    default, other = load_knowledge_base(), load_knowledge_base(other_root)
    assert other is not default and load_knowledge_base(other_root) is other

    condition, link = next(
        (c, f)
        for c in default.conditions
        for f in c.findings_for
        if f.p is None and f.strength.value == "strong"
    )
    assert _p_strong(model(), condition.id, link.id) != _p_strong(
        model(other), condition.id, link.id
    )
    assert model(other).kb is other and model() is model(default)
    assert phrase_index().correct("swolen") == "swollen"
    assert phrase_index(other).correct("swolen") == "swelling"
    assert knowledge_index(other) is not knowledge_index()
    # A rule the other knowledge base does not have fires only with the default one.
    rule = next(r for r in default.red_flags if r.all_of and not (r.population or r.none_of))
    edit(other_root / "red_flags" / "rules.yaml", lambda d: _drop_rule(d, rule.id))
    edit(other_root / "red_flags" / "safety_net.yaml", lambda d: _drop_rule(d, rule.id))
    without = load_knowledge_base(other_root)  # the same folder, loaded once: reset to re-read
    assert without is other
    reset_knowledge_caches()
    without = load_knowledge_base(other_root)
    evidence = dict.fromkeys((*rule.all_of, *rule.any_of, *rule.and_any_of), True)
    assert rule.id in {r.id for r in fired_red_flags(evidence, Population())}
    assert rule.id not in {r.id for r in fired_red_flags(evidence, Population(), without)}


def _drop_rule(document: dict[str, list[dict[str, object]]], rule_id: str) -> None:
    document["red_flags"] = [r for r in document["red_flags"] if r["id"] != rule_id]


def test_one_reset_rebuilds_every_table_from_edited_files(kb_copy: Path) -> None:
    # Before the reset every cached table still reads the old files; after it, all of them
    # (knowledge base, look-ups, model, phrase index, foreign lexicons and their matchers)
    # read the edited ones: no cache is left holding a table of the old files.
    text = "Mein Bein macht blubberdiblub"
    assert find_foreign_findings(text, "de").findings == ()
    kb_before = load_knowledge_base()
    index_before, model_before = knowledge_index(), model()
    edit(
        kb_copy / "foreign" / "de.yaml",
        lambda d: d["findings"]["leg_swelling"].append("blubberdiblub"),
    )
    edit(kb_copy / "manifest.yaml", lambda d: d.update(calibration_temperature=0.5))
    assert find_foreign_findings(text, "de").findings == ()  # cached until the reset

    reset_knowledge_caches()
    assert load_knowledge_base() is not kb_before
    assert knowledge_index() is not index_before and model() is not model_before
    assert model().temperature == 0.5
    assert [f.id for f in find_foreign_findings(text, "de").findings] == ["leg_swelling"]


def test_a_folder_that_is_not_a_knowledge_base_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"nowhere: expected a knowledge-base folder"):
        load_knowledge_base(tmp_path / "nowhere")


@pytest.mark.parametrize("value", [0, -1.5, "warm", float("inf")])
def test_a_bad_calibration_temperature_names_the_field(other_root: Path, value: object) -> None:
    edit(other_root / "manifest.yaml", lambda d: d.update(calibration_temperature=value))
    with pytest.raises(
        KnowledgeBaseError,
        match=r"manifest\.yaml: field 'calibration_temperature': expected a positive number",
    ):
        load_knowledge_base(other_root)


def test_assess_with_a_second_knowledge_base_beside_the_default(other_root: Path) -> None:
    # The other knowledge base has no red-flag rules and its own version: an assessment made
    # with it uses only its tables, and the default's answers are the same before and after.
    text = "my leg suddenly went cold and white and I cannot move my foot"
    before = assess(text, age=70)
    for name in ("rules.yaml", "safety_net.yaml"):
        edit(other_root / "red_flags" / name, lambda d: d.update(red_flags=[]))
    edit(other_root / "manifest.yaml", lambda d: d.update(version="2099.1.1"))
    other = load_knowledge_base(other_root)

    with_other = assess(text, age=70, kb=other)
    assert with_other.kb_version == "2099.1.1" and with_other.red_flags == ()
    assert before.red_flags and before.triage.value == "emergency"
    assert assess(text, age=70) == before


def test_the_interview_asks_from_the_knowledge_base_it_is_given(other_root: Path) -> None:
    edit(
        other_root / "interview" / "plan.yaml",
        lambda d: d["questions"][0].update(text="Where on the leg is it? (reviewed wording)"),
    )
    other = load_knowledge_base(other_root)
    default_step = next_step({}, Population(age=40))
    other_step = next_step({}, Population(age=40), kb=other)
    assert default_step.question is not None and other_step.question is not None
    assert other_step.question.id == default_step.question.id == "where"
    assert other_step.question.text == "Where on the leg is it? (reviewed wording)"
    assert default_step.question.text != other_step.question.text
