"""Scoring parameters for leg movements (WASM 2016 by default, AASM as an option).

References
----------
.. [1] Ferri R. et al. World Association of Sleep Medicine (WASM) 2016 standards for recording
   and scoring leg movements in polysomnograms. Sleep Med. 2016;26:86-95. PMID 27890390,
   doi:10.1016/j.sleep.2016.10.010.
.. [2] American Academy of Sleep Medicine. The AASM Manual for the Scoring of Sleep and
   Associated Events, movement rules (periodic limb movements in sleep).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

from nightlegs.errors import InputError

__all__ = ["BilateralRule", "Mode", "RespAnchor", "ScoringParams"]

Mode = Literal["wasm2016", "aasm"]
#: ``"gap"``: WASM 2016 rule 4 (overlap or < 0.5 s offset-to-onset); ``"onset"``: AASM
#: (onsets on the two legs < 5 s apart).
BilateralRule = Literal["gap", "onset"]
#: ``"end"``: window around the end of the respiratory event (WASM 2016);
#: ``"event"``: window around the whole event (AASM).
RespAnchor = Literal["end", "event"]


@dataclass(frozen=True)
class ScoringParams:
    """All thresholds used by :func:`nightlegs.movement.scoring.score`.

    Times in seconds, amplitudes in microvolts (EMG) or g (accelerometer), frequencies in Hz.
    Defaults follow the WASM 2016 standard [1]_; :meth:`aasm` gives the AASM variant [2]_.

    Attributes
    ----------
    mode : {"wasm2016", "aasm"}
        Label of the rule set, reported with the results.
    onset_uv : float
        Rule 1: the envelope rises this far above the resting baseline (8 uV).
    offset_uv, offset_min_s : float
        Rule 2: the offset starts a period of at least ``offset_min_s`` (0.5 s) in which the
        envelope stays within ``offset_uv`` (2 uV) of the baseline.
    lm_min_s, clm_max_s : float
        Rule 3: an LM lasts at least 0.5 s; a candidate LM (CLM) at most 10 s.
    bilateral_rule : {"gap", "onset"}
        Rule 4 variant; ``bilateral_gap_s`` (0.5 s) for ``"gap"``, ``bilateral_onset_s`` (5 s)
        for ``"onset"``.
    bilateral_max_s, bilateral_max_components : float, int
        A bilateral CLM lasts at most 15 s and has at most 4 one-leg components.
    plm_min_interval_s, plm_max_interval_s : float
        Rule 5: onset-to-onset interval bounds of a PLM series, inclusive (10-90 s; AASM 5-90 s).
    plm_min_series : int
        Rule 5: at least 4 consecutive CLMs.
    resp_before_s, resp_after_s, resp_anchor
        Rule 8: a CLM overlapping ``[end - 2.0, end + 10.25]`` of an apnea or hypopnea is
        respiratory-related (AASM: 0.5 s around the whole event).
    arousal_gap_s : float
        Rule 9: an LM and an arousal overlapping or less than 0.5 s apart are associated.
    band_low_hz, band_high_hz, filter_order : float, float, int
        EMG band-pass; the upper edge is capped at 0.45 * fs.
    envelope_s, envelope_method : float, {"rms", "median"}
        Smoothing of the rectified EMG to which the amplitude rules apply.
    envelope_step_s : float
        Time resolution of the envelope (the rules run on this decimated series).
    baseline_window_s, baseline_percentile : float
        Local resting baseline: this percentile of the envelope in a rolling window.
    saturation_fraction : float
        A channel with more than this fraction of samples at its extreme values is saturated.
    accel_band_hz, accel_threshold_g, accel_envelope_s
        Leg-worn accelerometer detection: band-pass of the magnitude (removes gravity), the
        threshold on its smoothed RMS, and the smoothing window.
    short_interval_s : float
        Rule 10: a CLM less than this after the previous CLM is a short-interval CLM.
    imi_bin_s, imi_max_s : float
        Rule 10: bins of the inter-movement interval histogram.
    """

    mode: Mode = "wasm2016"
    onset_uv: float = 8.0
    offset_uv: float = 2.0
    offset_min_s: float = 0.5
    lm_min_s: float = 0.5
    clm_max_s: float = 10.0
    bilateral_rule: BilateralRule = "gap"
    bilateral_gap_s: float = 0.5
    bilateral_onset_s: float = 5.0
    bilateral_max_s: float = 15.0
    bilateral_max_components: int = 4
    plm_min_interval_s: float = 10.0
    plm_max_interval_s: float = 90.0
    plm_min_series: int = 4
    resp_before_s: float = 2.0
    resp_after_s: float = 10.25
    resp_anchor: RespAnchor = "end"
    arousal_gap_s: float = 0.5
    band_low_hz: float = 10.0
    band_high_hz: float = 100.0
    filter_order: int = 2
    envelope_s: float = 0.1
    envelope_method: Literal["rms", "median"] = "rms"
    envelope_step_s: float = 0.025
    baseline_window_s: float = 60.0
    baseline_percentile: float = 10.0
    saturation_fraction: float = 0.05
    accel_band_hz: tuple[float, float] = (0.5, 10.0)
    accel_threshold_g: float = 0.02
    accel_envelope_s: float = 0.25
    short_interval_s: float = 10.0
    imi_bin_s: float = 2.0
    imi_max_s: float = 90.0

    def __post_init__(self) -> None:
        _check_choice("mode", self.mode, ("wasm2016", "aasm"))
        _check_choice("bilateral_rule", self.bilateral_rule, ("gap", "onset"))
        _check_choice("resp_anchor", self.resp_anchor, ("end", "event"))
        _check_choice("envelope_method", self.envelope_method, ("rms", "median"))
        for f in fields(self):
            value = getattr(self, f.name)
            is_number = isinstance(value, float | int) and not isinstance(value, bool)
            if is_number and (not math.isfinite(value) or value < 0):
                raise InputError(
                    f"ScoringParams.{f.name} must be a finite number >= 0, got {value!r}"
                )
        if self.offset_uv >= self.onset_uv:
            raise InputError(
                f"ScoringParams.offset_uv ({self.offset_uv}) must be below onset_uv "
                f"({self.onset_uv})"
            )
        if not self.plm_min_interval_s < self.plm_max_interval_s:
            raise InputError(
                "ScoringParams.plm_min_interval_s must be below plm_max_interval_s, got "
                f"{self.plm_min_interval_s} and {self.plm_max_interval_s}"
            )
        if not 0 < self.band_low_hz < self.band_high_hz:
            raise InputError(
                "ScoringParams band edges must satisfy 0 < band_low_hz < band_high_hz, got "
                f"{self.band_low_hz} and {self.band_high_hz}"
            )
        if not 0 <= self.baseline_percentile <= 100:
            raise InputError(
                f"ScoringParams.baseline_percentile must be in [0, 100], got "
                f"{self.baseline_percentile}"
            )
        if self.plm_min_series < 2 or self.bilateral_max_components < 1:
            raise InputError(
                "ScoringParams.plm_min_series must be >= 2 and bilateral_max_components >= 1"
            )
        order = self.filter_order
        if isinstance(order, bool) or not (isinstance(order, int) and 1 <= order <= 10):
            raise InputError(
                f"ScoringParams.filter_order must be an integer from 1 to 10, got "
                f"{self.filter_order!r}"
            )
        lo, hi = self.accel_band_hz
        if not 0 < lo < hi:
            raise InputError(f"ScoringParams.accel_band_hz must be (low, high), got {lo, hi}")

    @classmethod
    def wasm2016(cls, **overrides: Any) -> ScoringParams:
        """WASM 2016 rules [1]_ (the default).

        Examples
        --------
        >>> ScoringParams.wasm2016().plm_min_interval_s
        10.0
        """
        return cls(**overrides)

    @classmethod
    def aasm(cls, *, onset_bilateral: bool = True, **overrides: Any) -> ScoringParams:
        """AASM rules [2]_: PLM intervals 5-90 s, respiratory window 0.5 s around the event.

        Parameters
        ----------
        onset_bilateral : bool
            Use the AASM bilateral rule (onsets on the two legs < 5 s apart count as one LM);
            ``False`` keeps the WASM offset-to-onset rule.

        Examples
        --------
        >>> p = ScoringParams.aasm()
        >>> (p.plm_min_interval_s, p.bilateral_rule)
        (5.0, 'onset')
        """
        base: dict[str, Any] = {
            "mode": "aasm",
            "plm_min_interval_s": 5.0,
            "short_interval_s": 5.0,
            "bilateral_rule": "onset" if onset_bilateral else "gap",
            "resp_before_s": 0.5,
            "resp_after_s": 0.5,
            "resp_anchor": "event",
        }
        base.update(overrides)
        return cls(**base)

    def with_(self, **changes: Any) -> ScoringParams:
        """Return a copy with some fields changed (validated again)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary of every parameter."""
        out = asdict(self)
        out["accel_band_hz"] = list(self.accel_band_hz)
        return out


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InputError(f"ScoringParams.{name} must be one of {allowed}, got {value!r}")
