"""The red-team corpus: lay, hedged, misspelt, third-person and foreign descriptions.

``tests/data/redteam/`` holds cases written for this project by clinician-writers who did not see
the code: tuning batches (the code was changed while looking at them) and two held-out batches
that nobody working on the code reads. The tuning batches and the public vignettes must keep
zero under-triage and little over-triage; the held-out batch is only measured here, never
tuned to, and its figures are reported in the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nightlegs.assessment.evaluation import EvaluationReport, evaluate, load_vignettes
from nightlegs.knowledge import Triage

DATA = Path(__file__).resolve().parents[1] / "data" / "redteam"
TUNING = sorted(DATA.glob("tuning*.json"))
HELD_OUT = sorted(DATA.glob("holdout*.json"))
PUBLIC = Path(__file__).resolve().parents[3] / "shared" / "vignettes" / "public.json"


def _report(path: Path) -> EvaluationReport:
    return evaluate(load_vignettes(path))


@pytest.mark.parametrize("path", TUNING, ids=[p.stem for p in TUNING])
def test_tuning_batches_have_no_under_triage(path: Path) -> None:
    report = _report(path)
    assert [o.id for o in report.under_triaged()] == []
    assert report.over_triage <= 0.15


def test_public_vignettes_keep_their_targets() -> None:
    assert PUBLIC.exists(), f"{PUBLIC}: the shared vignettes must sit beside the checkout, as in CI"
    report = _report(PUBLIC)
    assert [o.id for o in report.under_triaged()] == []
    assert report.over_triage <= 0.10
    assert report.top3 >= 0.95


@pytest.mark.parametrize("path", HELD_OUT, ids=[p.stem for p in HELD_OUT])
def test_held_out_batch_is_measured_and_never_answers_self_care_to_danger(path: Path) -> None:
    # Only aggregate properties are checked: the cases themselves are not looked at.
    report = _report(path)
    assert len(report.outcomes) >= 80
    dangerous = [o for o in report.outcomes if min(t.rank for t in o.triage_acceptable) >= 2]
    assert all(o.triage is not Triage.SELF_CARE for o in dangerous)


def test_every_corpus_file_is_well_formed() -> None:
    files = [*TUNING, *HELD_OUT]
    cases = [case for path in files for case in load_vignettes(path)]
    assert len(cases) >= 200
    assert len({c.id for c in cases}) == len(cases)
    assert all(c.triage in c.triage_acceptable for c in cases)
