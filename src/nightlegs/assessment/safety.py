"""The words every answer carries: disclaimer and when to seek care."""

from __future__ import annotations

__all__ = [
    "DANGER_SIGNS",
    "DANGER_SIGNS_INTRO",
    "DISCLAIMER",
    "MEDICINE_EMERGENCY",
    "MEDICINE_MAY_BE_THE_CAUSE",
    "SAME_DAY_INTRO",
    "SAME_DAY_SIGNS",
    "WHEN_TO_SEEK_CARE",
]

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

#: What a person should look for when nightlegs could not read the description or is unsure:
#: the out-of-catalogue emergencies and the catalogue's red flags, in plain words.
DANGER_SIGNS_INTRO = "Call 999 / 112 / 911 now if any of these is true:"
DANGER_SIGNS = (
    "a leg or foot that is suddenly cold, pale, white, blue or mottled, numb or weak",
    "a swollen or painful leg together with breathlessness, chest pain, coughing blood or fainting",
    "sudden weakness or numbness of one side of the body, a drooping face or slurred speech",
    "numbness around the bottom or genitals, new trouble passing urine or controlling the bowel, "
    "or sudden weakness of both legs",
    "a rash that does not fade under a glass, with fever or feeling very unwell",
    "dark (cola-coloured) urine with muscle pain or weakness",
    "severe pain after an injury or in a plaster cast, a tight swollen leg, or pain when the toes "
    "are moved",
    "in pregnancy or just after birth: swelling with a bad headache, blurred vision or pain "
    "below the ribs",
    "a child with a fever who will not stand on or use a leg",
    "an older person who cannot stand after a fall",
)
SAME_DAY_INTRO = "See a doctor today if:"
SAME_DAY_SIGNS = (
    "one calf or leg is swollen, warm or tender",
    "a leg is red, hot and swollen, or a red line spreads",
    "a child has bone pain with paleness, bruising or tiredness",
    "the pain is severe, getting worse fast, or nothing eases it",
)

#: When a medicine may be the cause: one message, the same everywhere.
MEDICINE_MAY_BE_THE_CAUSE = (
    "A medicine you take may be causing this: talk to the doctor or pharmacist who prescribed "
    "it (today if your muscles are weak). Do not stop a prescribed medicine on your own."
)
MEDICINE_EMERGENCY = (
    "Take all your medicines (or a list of them) with you. Do not take another dose of the "
    "medicine that may be causing this until a doctor has seen you."
)
