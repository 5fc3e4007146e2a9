"""Report data from a diary: summary numbers, both gradings, latest assessment, recordings."""

from __future__ import annotations

import datetime as dt
from statistics import fmean

import pytest
from report_fakes import NOW, MemoryStore, fill_diary

from nightlegs.errors import InputError
from nightlegs.knowledge import grade_movements, load_knowledge_base
from nightlegs.report import build_report_data
from nightlegs.report.data import CLINICIAN_DISCLAIMER


def test_summary_numbers(diary: MemoryStore) -> None:
    data = build_report_data(diary, days=30, now=NOW)
    recent = [n for n in diary.nights.values() if n.date >= NOW.date() - dt.timedelta(days=29)]
    s = data.summary
    assert s.count == len(recent) == 11  # 14 days minus 3 gaps; the old night is left out
    assert [n.date for n in data.nights] == sorted(n.date for n in recent)
    assert s.mean_sleep_quality == round(fmean(n.sleep_quality or 0 for n in recent), 1)
    assert s.nights_with_cramps == sum(any(e.kind == "cramp" for e in n.episodes) for n in recent)
    assert s.nights_with_urge_to_move == s.count - s.nights_with_cramps
    moves = [n.movements_per_hour for n in recent if n.movements_per_hour is not None]
    assert s.nights_with_movements == len(moves)
    assert s.mean_movements_per_hour is not None and s.max_movements_per_hour is not None
    assert s.mean_movements_per_hour.per_hour == round(fmean(moves), 1)
    assert s.max_movements_per_hour.per_hour == 64.0
    assert s.max_movements_per_hour.article_band == "heavy (> 60/h)"
    assert s.max_movements_per_hour.clinical == "abnormal (> 15/h), severe"


def test_days_window(diary: MemoryStore) -> None:
    assert build_report_data(diary, days=365, now=NOW).summary.count == 12
    assert build_report_data(diary, days=1, now=NOW).summary.count == 1
    every = build_report_data(diary, days=0, now=NOW)
    assert every.summary.count == len(diary.nights) and every.period_days == 0
    assert every.period_start == min(n.date for n in diary.nights.values())
    with pytest.raises(InputError, match="days"):
        build_report_data(diary, days=-1)


def test_latest_assessment_and_recordings(diary: MemoryStore) -> None:
    data = build_report_data(diary, now=NOW)
    a = data.assessment
    assert a is not None and a.id == 2
    assert a.triage in {"emergency", "urgent", "doctor", "self_care"}
    assert a.triage_reasons and a.conditions[0].id == "restless_legs_syndrome"
    assert a.conditions[0].evidence_for and "32914008" in a.conditions[0].snomed
    assert any(i.id == "irlssg" and i.criteria for i in a.instruments)
    assert "an urge to move the legs" in a.findings_present
    [rec] = data.recordings  # the failed one is left out
    assert rec.plms_index == 28.0 and rec.plm_index == 27.5
    assert rec.severity_article == "average" and rec.severity_clinical == "abnormal, moderate"
    assert rec.grading is not None and rec.grading.article_band == "average (20-60/h)"
    assert data.kb_version == load_knowledge_base().version
    assert data.disclaimer == CLINICIAN_DISCLAIMER
    assert data.generated_at == NOW


def test_empty_diary(empty_store: MemoryStore) -> None:
    data = build_report_data(empty_store)
    assert data.profile is None and data.assessment is None and not data.recordings
    assert data.summary.count == 0 and data.summary.mean_movements_per_hour is None


def test_child_cut_off() -> None:
    assert grade_movements(10, child=True).clinical_words.startswith("abnormal (> 5/h)")
    assert grade_movements(10).clinical_words == "normal (<= 15/h)"


def test_period_in_words_and_an_empty_period_says_what_the_diary_holds(
    diary: MemoryStore,
) -> None:
    from nightlegs.report import describe_period

    assert [describe_period(n) for n in (30, 90, 365, 0)] == [
        "last 30 days",
        "last 90 days",
        "last year",
        "every night in the diary",
    ]
    latest = max(n.date for n in diary.nights.values())
    later = build_report_data(diary, days=30, now=NOW + dt.timedelta(days=400))
    assert later.summary.count == 0 and later.period == "last 30 days"
    assert later.diary_nights == len(diary.nights) and later.diary_latest == latest
    assert later.no_nights == (
        f"No nights in the last 30 days; the diary has {len(diary.nights)} nights, the latest "
        f"on {latest.isoformat()}: choose a longer period."
    )
    assert build_report_data(MemoryStore(), days=90, now=NOW).no_nights.startswith(
        "No nights in the diary yet: "
    )


def test_a_birth_year_under_18_gets_the_child_cut_off() -> None:
    from nightlegs.diary.schemas import ProfileIn

    diary = fill_diary(MemoryStore())  # its own: the shared one must not change
    diary.put_profile(ProfileIn(birth_year=NOW.year - 9))  # no age typed in: the web form's way
    child = build_report_data(diary, days=30, now=NOW).summary.max_movements_per_hour
    assert child is not None and child.clinical.startswith("abnormal (> 5/h)")
    diary.put_profile(ProfileIn(birth_year=NOW.year - 40))
    adult = build_report_data(diary, days=30, now=NOW).summary.max_movements_per_hour
    assert adult is not None and adult.clinical.startswith("abnormal (> 15/h)")
