"""Shared helpers for the movement benchmarks: write synthetic nights as EDF+, match events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from nightlegs.movement.export import write_recording_edf
from nightlegs.movement.synthetic import synthesize_night

__all__ = ["event_onsets", "f1", "write_night"]


def write_night(
    path: Path, hours: float, *, fs: float = 256, noise_uv: float = 1.5, seed: int = 0
) -> Any:
    """Synthesize a night, write its legs and hypnogram as EDF+, return the synthetic night."""
    night = synthesize_night(hours, fs, noise_uv, seed=seed)
    write_recording_edf(night.recording, path)
    return night


def event_onsets(events: Any, periodic_only: bool = False) -> np.ndarray:
    """Onsets (s) from a DataFrame or a list of dicts/objects with ``onset_s``."""
    if hasattr(events, "to_dict") and hasattr(events, "columns"):
        events = events.to_dict("records")
    out = []
    for e in events:
        get = e.get if isinstance(e, dict) else (lambda k, d=None, e=e: getattr(e, k, d))
        if periodic_only and not (get("periodic") or get("is_plm")):
            continue
        out.append(float(get("onset_s")))
    return np.sort(np.asarray(out, dtype=float))


def f1(pred: np.ndarray, truth: np.ndarray, tol_s: float = 1.0) -> float:
    """Event F1 with one-to-one matching of onsets within ``tol_s``."""
    if pred.size == 0 and truth.size == 0:
        return 1.0
    used = np.zeros(truth.size, dtype=bool)
    tp = 0
    for p in pred:
        j = np.searchsorted(truth, p)
        for k in (j - 1, j):
            if 0 <= k < truth.size and not used[k] and abs(truth[k] - p) <= tol_s:
                used[k] = True
                tp += 1
                break
    return 2 * tp / (pred.size + truth.size)
