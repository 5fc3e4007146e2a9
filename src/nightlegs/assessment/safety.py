"""The words every answer carries: disclaimer and when to seek care."""

from __future__ import annotations

__all__ = ["DISCLAIMER", "WHEN_TO_SEEK_CARE"]

DISCLAIMER = (
    "nightlegs gives information, not a diagnosis. It cannot examine you and can be wrong. "
    "If you are worried, or the symptoms are severe, new, or getting worse, see a doctor."
)

WHEN_TO_SEEK_CARE = (
    "Get emergency help at once for: a leg that is suddenly cold, pale, numb or weak; a swollen, "
    "painful calf with chest pain or breathlessness; numbness around the bottom or genitals or "
    "new trouble passing urine; a child with fever who will not stand on a painful leg; dark "
    "(cola-coloured) urine with muscle pain. See a doctor the same day for a red, hot, swollen "
    "leg, a swollen tender calf, or night bone pain in a child that is getting worse."
)
