"""Score the same synthetic nights with nightlegs and psgscoring; agreement and speed.

psgscoring (``pip install psgscoring``, the ``bench`` extra) scores PLMs with
``psgscoring.plm.analyze_plm(leg_l, leg_r, sf, hypno, resp_events, leg_unit="uV")`` following
AASM (5-90 s intervals, wake movements dropped); nightlegs is shown in WASM 2016 and AASM modes.
Event F1 matches periodic-movement onsets one to one within 1 s of the generator's truth.

Run: ``python benchmarks/crosscheck_psgscoring.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _common import event_onsets, f1, write_night

from nightlegs.movement import analyze
from nightlegs.movement.readers import read_recording
from nightlegs.movement.scoring import ScoringParams


def _psg(path: Path) -> tuple[dict[str, Any], float]:
    from psgscoring.plm import analyze_plm

    t = time.perf_counter()
    rec = read_recording(path)
    legs = {leg.side: leg.emg_uv for leg in rec.legs}
    hyp = list(rec.hypnogram.stages) if rec.hypnogram else []
    resp = [{"onset_s": e.onset_s, "duration_s": e.duration_s} for e in rec.respiratory_events]
    out = analyze_plm(
        legs.get("left"),
        legs.get("right"),
        rec.legs[0].fs,
        hyp,
        resp,
        leg_unit="uV",
        event_list_cap=None,
    )
    return out, time.perf_counter() - t


def _truth(night: Any, key: str) -> Any:
    ti = night.true_indices
    return ti.get(key) if isinstance(ti, dict) else getattr(ti, key, None)


def main() -> None:
    rows = []
    speed = []
    with tempfile.TemporaryDirectory() as tmp:
        for noise in (0.5, 1.5, 3.0):
            path = Path(tmp) / f"n{noise}.edf"
            night = write_night(path, 8.0, noise_uv=noise, seed=7)
            truth = event_onsets(night.true_events, periodic_only=True)
            t = time.perf_counter()
            ours = analyze(path)
            t_ours = time.perf_counter() - t
            ours_aasm = analyze(path, params=ScoringParams.aasm())
            psg, t_psg = _psg(path)
            speed.append((t_ours, t_psg))
            d, da = ours.to_dict(), ours_aasm.to_dict()
            s = psg.get("summary", {})
            rows.append(
                (
                    noise,
                    "truth",
                    _truth(night, "lm_count"),
                    _truth(night, "plm_count"),
                    _truth(night, "plms_index"),
                    1.0,
                )
            )
            rows.append(
                (
                    noise,
                    "nightlegs WASM",
                    d["lm_count"],
                    d["plm_count"],
                    d["plms_index"],
                    f1(event_onsets(d["events"], True), truth),
                )
            )
            rows.append(
                (
                    noise,
                    "nightlegs AASM",
                    da["lm_count"],
                    da["plm_count"],
                    da["plms_index"],
                    f1(event_onsets(da["events"], True), truth),
                )
            )
            psg_ev = event_onsets(psg.get("events", []), True)
            rows.append(
                (
                    noise,
                    "psgscoring",
                    s.get("n_lm_total"),
                    s.get("n_plm"),
                    s.get("plm_index"),
                    f1(psg_ev, truth) if psg.get("success") else None,
                )
            )
            if not psg.get("success"):
                print(f"psgscoring failed at {noise} uV: {psg.get('error')}")
    print(f"{'noise uV':>8} {'tool':<16} {'LM':>6} {'PLM':>6} {'PLMS/h':>8} {'PLM F1':>7}")

    def fmt(v: Any, spec: str) -> str:
        return format(v, spec) if isinstance(v, (int, float)) else str(v)

    for noise, tool, lm, plm, plmsi, score_f1 in rows:
        print(
            f"{noise:>8} {tool:<16} {fmt(lm, '>6')} {fmt(plm, '>6')} {fmt(plmsi, '>8.1f')} "
            f"{fmt(score_f1, '>7.3f')}"
        )
    for (t_ours, t_psg), noise in zip(speed, (0.5, 1.5, 3.0), strict=True):
        print(
            f"speed at {noise} uV: nightlegs {t_ours:.2f} s, psgscoring {t_psg:.2f} s "
            f"(incl. the same read), ratio {t_psg / t_ours:.1f}x"
        )


if __name__ == "__main__":
    main()
