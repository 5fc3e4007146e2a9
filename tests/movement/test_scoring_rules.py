"""Rules 3-10 of WASM 2016 (and the AASM options) on plain event lists: boundary cases."""

from __future__ import annotations

import numpy as np
import pytest

from nightlegs.errors import InputError
from nightlegs.movement._types import Hypnogram, Interval
from nightlegs.movement.scoring.params import ScoringParams
from nightlegs.movement.scoring.rules import (
    apply_rules,
    arousal_associated,
    is_clm_duration,
    merge_bilateral,
    plm_series,
    respiratory_related,
    stage_at,
)

WASM = ScoringParams.wasm2016()
AASM = ScoringParams.aasm()


def _train(intervals: list[float], start: float = 100.0, dur: float = 2.0) -> tuple:
    on = start + np.concatenate(([0.0], np.cumsum(intervals)))
    return on, on + dur, ["left"] * on.size


# --- rule 3: durations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("duration", "is_lm", "is_clm"),
    [(0.49, False, False), (0.5, True, True), (10.0, True, True), (10.01, True, False)],
)
def test_duration_boundaries(duration: float, is_lm: bool, is_clm: bool) -> None:
    # Offsets built as onset + duration at a non-zero onset so float rounding is exercised.
    on = np.array([1234.3])
    m = merge_bilateral(on, on + duration, ["left"], WASM)
    assert (m.onset_s.size == 1) is is_lm
    if is_lm:
        assert bool(m.clm[0]) is is_clm
    assert bool(is_clm_duration([duration], WASM)[0]) is is_clm


def test_long_lm_breaks_series() -> None:
    on, off, side = _train([20.0] * 7)
    off = off.copy()
    off[3] = on[3] + 10.01  # the 4th movement is an LM but not a CLM
    ev = apply_rules(on, off, side, WASM)
    assert ev.clm.tolist() == [True, True, True, False, True, True, True, True]
    # 3 before it (too few), 4 after it (a series)
    assert ev.periodic.tolist() == [False, False, False, False, True, True, True, True]


# --- rules 5-6: intervals and series length ----------------------------------------------------


@pytest.mark.parametrize(
    ("interval", "periodic"), [(9.9, False), (10.0, True), (90.0, True), (90.1, False)]
)
def test_interval_boundaries(interval: float, periodic: bool) -> None:
    on, off, side = _train([interval] * 3, start=0.3)
    assert apply_rules(on, off, side, WASM).periodic.all() is np.bool_(periodic)


def test_aasm_lower_interval_bound_is_5_s() -> None:
    on, off, side = _train([6.0] * 3)
    assert not apply_rules(on, off, side, WASM).periodic.any()
    assert apply_rules(on, off, side, AASM.with_(bilateral_rule="gap")).periodic.all()
    assert not apply_rules(*_train([4.9] * 3), AASM).periodic.any()


@pytest.mark.parametrize(("n", "expected"), [(3, 0), (4, 4), (5, 5)])
def test_three_vs_four_movements(n: int, expected: int) -> None:
    on, off, side = _train([20.0] * (n - 1))
    assert int(apply_rules(on, off, side, WASM).periodic.sum()) == expected


def test_series_broken_by_bad_interval_counts_each_part() -> None:
    # 4 at 20 s, then 95 s, then 3 at 30 s: only the first four are periodic.
    on = _train([20, 20, 20, 95, 30, 30])[0]
    assert plm_series(on, np.ones(on.size, bool), WASM).tolist() == [True] * 4 + [False] * 3
    # A short interval splits a series too.
    on = _train([20, 20, 20, 5, 20, 20, 20])[0]
    assert plm_series(on, np.ones(on.size, bool), WASM).tolist() == [True] * 8


def test_short_interval_inside_series_breaks_it() -> None:
    on, off, side = _train([20, 20, 5, 20, 20])
    ev = apply_rules(on, off, side, WASM)
    assert not ev.periodic.any()
    assert ev.short_interval.tolist() == [False, False, False, True, False, False]
    assert ev.isolated.tolist() == [True, True, True, False, True, True]
    assert sorted(ev.imi_s.tolist()) == [5.0, 20.0, 20.0, 20.0, 20.0]


# --- rule 4: bilateral ------------------------------------------------------------------------


def test_bilateral_overlap_and_gap() -> None:
    on = [100.0, 101.0, 200.0, 202.49, 300.0, 302.5]
    off = [102.0, 103.0, 202.0, 203.0, 302.0, 303.0]
    side = ["left", "right", "left", "right", "left", "right"]
    m = merge_bilateral(on, off, side, WASM)
    # overlap -> one; 0.49 s apart -> one; 0.5 s apart -> two
    assert m.side.tolist() == ["both", "both", "left", "right"]
    assert m.onset_s.tolist() == [100.0, 200.0, 300.0, 302.5]
    assert m.offset_s.tolist() == [103.0, 203.0, 302.0, 303.0]
    assert m.n_components.tolist() == [2, 2, 1, 1]


@pytest.mark.parametrize(("union", "clm"), [(15.0, True), (15.01, False)])
def test_bilateral_15_s_limit(union: float, clm: bool) -> None:
    # Two 9-s components, each a CLM, chained into a bilateral LM of `union` seconds.
    on = [50.0, 50.0 + union - 9.0]
    off = [59.0, 50.0 + union]
    m = merge_bilateral(on, off, ["left", "right"], WASM)
    assert m.onset_s.size == 1
    assert m.side[0] == "both"
    assert bool(m.clm[0]) is clm


@pytest.mark.parametrize(("n_comp", "clm"), [(4, True), (5, False)])
def test_bilateral_component_limit(n_comp: int, clm: bool) -> None:
    # Alternating legs, 1 s each, 0.3 s apart: one chained bilateral LM of n_comp components.
    on = 10.0 + 1.3 * np.arange(n_comp)
    side = ["left" if i % 2 == 0 else "right" for i in range(n_comp)]
    m = merge_bilateral(on, on + 1.0, side, WASM)
    assert m.n_components.tolist() == [n_comp]
    assert bool(m.clm[0]) is clm


def test_bilateral_with_non_candidate_component_is_not_clm() -> None:
    m = merge_bilateral([10.0, 12.0], [12.5, 22.5], ["left", "right"], WASM)
    assert m.n_components.tolist() == [2]
    assert not m.clm[0]


def test_bilateral_counts_once_in_series() -> None:
    on, off, side = _train([20.0] * 3)
    on2 = np.concatenate((on, on + 0.5))
    off2 = np.concatenate((off, off + 0.5))
    ev = apply_rules(on2, off2, list(side) + ["right"] * 4, WASM)
    assert ev.onset_s.size == 4
    assert ev.periodic.all()
    assert set(ev.side.tolist()) == {"both"}


def test_aasm_onset_rule() -> None:
    on = [100.0, 104.9, 200.0, 205.0]
    off = [101.0, 106.0, 201.0, 206.0]
    side = ["left", "right", "left", "right"]
    m = merge_bilateral(on, off, side, AASM)
    # onsets 4.9 s apart -> one LM; 5.0 s apart -> two
    assert m.side.tolist() == ["both", "left", "right"]
    assert m.onset_s.tolist() == [100.0, 200.0, 205.0]
    # WASM: 3.9 s gap between them, so separate
    assert merge_bilateral(on, off, side, WASM).onset_s.size == 4


# --- rule 7: stage at onset --------------------------------------------------------------------


def test_stage_at_onset_and_indices_by_stage() -> None:
    hyp = Hypnogram(("W", "N2", "R", "N3"), epoch_s=30.0, start_s=10.0)
    assert stage_at([5.0, 10.0, 39.99, 40.0, 75.0, 109.0, 131.0], hyp).tolist() == [
        "?",
        "W",
        "W",
        "N2",
        "R",
        "N3",
        "?",
    ]


def test_series_found_across_wake_and_sleep() -> None:
    # Epochs of 30 s: W for the first 60 s, then N2. A 4-train spanning both is still a series.
    hyp = Hypnogram(("W", "W") + ("N2",) * 10)
    on, off, side = _train([20.0] * 3, start=15.0)
    ev = apply_rules(on, off, side, WASM, hypnogram=hyp)
    assert ev.periodic.all()
    assert ev.stage is not None
    assert ev.stage.tolist() == ["W", "W", "W", "N2"]


# --- rule 8: respiratory -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lm_on", "lm_off", "related"),
    [
        (96.0, 97.9, False),  # ends before end - 2.0 (window starts at 98)
        (96.0, 98.0, True),  # touches the window start
        (110.25, 112.0, True),  # starts at end + 10.25
        (110.3, 112.0, False),
    ],
)
def test_respiratory_window_around_event_end(lm_on: float, lm_off: float, related: bool) -> None:
    resp = [Interval(80.0, 20.0, "apnea")]  # ends at 100 s
    assert respiratory_related([lm_on], [lm_off], resp, WASM).tolist() == [related]


def test_aasm_respiratory_window_is_around_the_event() -> None:
    resp = [Interval(80.0, 20.0)]
    assert respiratory_related([79.0, 90.0, 100.51], [79.49, 91.0, 101.0], resp, AASM).tolist() == [
        False,
        True,
        False,
    ]


def test_respiratory_exclusion_with_and_without() -> None:
    on, off, side = _train([20.0] * 4)  # 5 CLMs, all periodic
    resp = [Interval(on[2] - 22.0, 20.0, "apnea")]  # ends 2 s before the third onset
    ev = apply_rules(on, off, side, WASM, respiratory_events=resp)
    assert ev.respiratory.tolist() == [False, False, True, False, False]
    assert not ev.periodic.any()  # the excluded CLM splits 5 into 2 + 2
    assert ev.periodic_all.all()
    assert not ev.candidate[2]


# --- rule 9: arousals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a_on", "associated"), [(12.49, True), (12.5, False), (7.0, False), (7.01, True), (8.0, True)]
)
def test_arousal_association(a_on: float, associated: bool) -> None:
    # LM 10-12 s; arousals 2.5 s long. 12.5 is exactly 0.5 s after the offset: not < 0.5 s.
    out = arousal_associated([10.0], [12.0], [Interval(a_on, 2.5)], WASM)
    assert out.tolist() == [associated]


def test_arousal_ending_before_lm() -> None:
    assert arousal_associated([10.0], [12.0], [Interval(5.0, 4.51)], WASM).tolist() == [True]
    assert arousal_associated([10.0], [12.0], [Interval(5.0, 4.5)], WASM).tolist() == [False]


# --- parameters --------------------------------------------------------------------------------


def test_params_reject_bad_values() -> None:
    with pytest.raises(InputError, match="mode"):
        ScoringParams(mode="nope")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="onset_uv"):
        ScoringParams(onset_uv=-1.0)
    with pytest.raises(InputError, match="plm_min_interval_s"):
        ScoringParams(plm_min_interval_s=95.0)
    assert ScoringParams.aasm().to_dict()["mode"] == "aasm"
    assert ScoringParams.aasm(onset_bilateral=False).bilateral_rule == "gap"
