"""Knowledge that used to live in code: strength tables, triage words, spelling help.

Each conflict is made in a copy of the knowledge base; the message must name the file, the
field and what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _kb_copy import edit

from nightlegs.assessment.inference import Model
from nightlegs.assessment.population import Population
from nightlegs.assessment.triage import default_action, triage
from nightlegs.errors import KnowledgeBaseError
from nightlegs.intake._matcher import PhraseIndex
from nightlegs.knowledge import (
    Strength,
    Triage,
    check_knowledge_base,
    check_version,
    load_knowledge_base,
    reset_knowledge_caches,
    stamp_version,
)
from nightlegs.report.data import triage_line
from nightlegs.web.pages import triage_words

STRENGTHS = "likelihood/strengths.yaml"
SPELLING = "lexicon/spelling.yaml"


def _strong_link() -> tuple[str, str]:
    """A condition and a finding linked "strong" for, with no probability of its own."""
    for condition in load_knowledge_base().conditions:
        for link in condition.findings_for:
            if link.strength is Strength.STRONG and link.p is None:
                return condition.id, link.id
    raise AssertionError("no strong link without its own p")


def test_the_strength_table_sets_the_model(kb_copy: Path) -> None:
    condition_id, finding_id = _strong_link()

    def p_present(kb: Any) -> float:
        m = Model(kb)
        row = m.condition_ids.index(condition_id)
        return float(m.p_present[row, m.finding_index[finding_id]])

    prevalence = next(f.prevalence for f in load_knowledge_base().findings if f.id == finding_id)
    assert p_present(load_knowledge_base()) == pytest.approx(prevalence + (1 - prevalence) * 0.75)
    edit(kb_copy / STRENGTHS, lambda d: d["for_gain"].update(strong=0.8))
    reset_knowledge_caches()
    assert p_present(load_knowledge_base()) == pytest.approx(prevalence + (1 - prevalence) * 0.8)


@pytest.mark.parametrize(
    ("field", "change", "want"),
    [
        ("for_gain", {"moderate": 0.8}, "increasing"),
        ("against_factor", {"very_strong": 0.5}, "decreasing"),
    ],
)
def test_a_table_out_of_order_in_strength_is_found(
    kb_copy: Path, field: str, change: dict[str, float], want: str
) -> None:
    edit(kb_copy / STRENGTHS, lambda d: d[field].update(change))
    problems = check_knowledge_base(load_knowledge_base())
    assert len(problems) == 1
    assert problems[0].startswith(f"{STRENGTHS}: field '{field}': not strictly {want}")
    assert f"expected the values {want} from weak < moderate < strong < very_strong" in problems[0]


def test_a_strength_without_a_value_names_file_and_field(kb_copy: Path) -> None:
    edit(kb_copy / STRENGTHS, lambda d: d["against_factor"].pop("very_strong"))
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base()
    message = str(caught.value)
    assert message.startswith(f"{STRENGTHS}: field 'against_factor'")
    assert "expected a value for every strength" in message and "very_strong" in message


def test_a_probability_outside_zero_and_one_is_refused(kb_copy: Path) -> None:
    edit(kb_copy / STRENGTHS, lambda d: d["for_gain"].update(weak=1.2))
    with pytest.raises(KnowledgeBaseError, match=rf"{STRENGTHS}: field 'for_gain'.*between 0"):
        load_knowledge_base()


def test_changing_a_likelihood_table_demands_a_version_bump(kb_copy: Path) -> None:
    assert check_version() == []
    edit(kb_copy / STRENGTHS, lambda d: d["for_gain"].update(very_strong=0.95))
    problems = check_version()
    assert len(problems) == 1
    assert problems[0].startswith(
        "manifest.yaml: field 'content_digest': the knowledge base changed since version "
    )
    assert "expected '" in problems[0] and "nightlegs kb stamp" in problems[0]
    with pytest.raises(KnowledgeBaseError, match="already the version; expected a new one"):
        stamp_version(load_knowledge_base().version)
    stamp_version("2099.1.1")
    assert check_version() == []
    reset_knowledge_caches()
    assert load_knowledge_base().version == "2099.1.1"
    assert "# Knowledge-base version" in (kb_copy / "manifest.yaml").read_text()  # comments kept


def test_kb_check_and_stamp_on_the_command_line(
    kb_copy: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(kb_copy / STRENGTHS, lambda d: d["against_factor"].update(weak=0.6))
    code, _, err = run_cli("kb", "check")
    assert code == 1 and "field 'content_digest'" in err
    code, out, _ = run_cli("kb", "stamp", "2099.1.2")
    assert code == 0 and out.startswith("knowledge base 2099.1.2: content digest ")
    code, _, err = run_cli("kb", "stamp", "not a version")
    assert code != 0 and "expected letters, digits" in err and "Traceback" not in err
    reset_knowledge_caches()  # "kb check" loaded them from the copy


def _spelling_problems(kb_copy: Path, change: Any) -> list[str]:
    edit(kb_copy / SPELLING, change)
    return check_knowledge_base(load_knowledge_base())


def test_a_word_both_corrected_and_protected_is_found(kb_copy: Path) -> None:
    problems = _spelling_problems(kb_copy, lambda d: d["common_words"].append("swolen"))
    assert problems == [
        f"{SPELLING}: field 'common_words': 'swolen' is also a key of 'misspellings' (corrected "
        "to 'swollen' before the protection applies); expected each word in one of the two only"
    ]


def test_a_misspelling_mapped_to_itself_is_found(kb_copy: Path) -> None:
    problems = _spelling_problems(kb_copy, lambda d: d["misspellings"].update(nite="nite"))
    assert problems == [
        f"{SPELLING}: field 'misspellings.nite': maps 'nite' to itself; expected the word it means"
    ]


def test_a_protected_word_listed_twice_is_found(kb_copy: Path) -> None:
    problems = _spelling_problems(kb_copy, lambda d: d["common_words"].append("about"))
    assert problems == [
        f"{SPELLING}: field 'common_words': 'about' is listed twice; expected each word once"
    ]


def test_the_intake_corrects_with_the_spelling_data(kb_copy: Path) -> None:
    assert PhraseIndex(load_knowledge_base()).correct("swolen") == "swollen"
    edit(kb_copy / SPELLING, lambda d: d["misspellings"].update(swolen="swelling"))
    reset_knowledge_caches()
    assert PhraseIndex(load_knowledge_base()).correct("swolen") == "swelling"


def test_a_screening_question_naming_an_unknown_finding_is_found(kb_copy: Path) -> None:
    where: list[int] = []

    def typo(data: dict[str, list[dict[str, Any]]]) -> None:
        where.append(next(i for i, q in enumerate(data["questions"]) if q.get("id") == "medicines"))
        data["questions"][where[0]]["options"][1]["id"] = "med_statins"

    edit(kb_copy / "interview" / "plan.yaml", typo)
    problems = check_knowledge_base(load_knowledge_base())
    assert problems == [
        f"interview/plan.yaml: field 'questions.{where[0]}.options': question 'medicines' names "
        "unknown finding 'med_statins'; expected a finding id from findings/"
    ]


def test_every_surface_shows_the_knowledge_base_triage_words() -> None:
    wording = load_knowledge_base().triage_wording
    for level in Triage:
        words = wording[level]
        assert default_action(level) == words.action
        assert triage_words()[level.value] == (words.title, words.meaning or words.action)
        assert triage_line(level.value) == words.report
    # A condition's reason ends with what its level usually needs.
    decision = triage({"urge_to_move": True, "relieved_by_movement": True}, Population(age=50))
    ending = f"; it usually needs: {wording[decision.level].usually_needs}"
    assert any(reason.endswith(ending) for reason in decision.reasons), decision.reasons


def test_changed_triage_words_reach_every_surface(kb_copy: Path) -> None:
    def reword(data: dict[str, list[dict[str, str]]]) -> None:
        doctor = next(w for w in data["levels"] if w["level"] == "doctor")
        doctor.update(title="Make a GP appointment", report="GP: within days to weeks")
        doctor.update(action="Ring the GP surgery for an appointment this week.")

    edit(kb_copy / "triage" / "levels.yaml", reword)
    assert triage_words()["doctor"][0] == "Make a GP appointment"
    assert triage_line("doctor") == "GP: within days to weeks"
    assert default_action(Triage.DOCTOR) == "Ring the GP surgery for an appointment this week."


def test_a_triage_level_without_words_names_file_and_field(kb_copy: Path) -> None:
    edit(kb_copy / "triage" / "levels.yaml", lambda d: d["levels"].pop())
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base()
    assert str(caught.value).startswith("triage/levels.yaml: field 'levels'")
    assert "expected each level once (self_care, doctor, urgent, emergency)" in str(caught.value)


def test_a_missing_file_is_named(kb_copy: Path) -> None:
    (kb_copy / "triage" / "levels.yaml").unlink()
    with pytest.raises(KnowledgeBaseError, match=r"^triage/levels\.yaml: the file is missing$"):
        load_knowledge_base()


def test_the_strength_tables_are_monotonic_as_shipped() -> None:
    tables = load_knowledge_base().likelihoods
    order = list(Strength)
    assert np.all(np.diff([tables.for_gain[s] for s in order]) > 0)
    assert np.all(np.diff([tables.against_factor[s] for s in order]) < 0)
