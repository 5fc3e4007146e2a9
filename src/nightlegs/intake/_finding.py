"""A finding read from a description, in English or in another language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ExtractedFinding"]


@dataclass(frozen=True)
class ExtractedFinding:
    """A finding understood from the text.

    Attributes
    ----------
    id : str
        Finding id from the knowledge base.
    present : bool
        ``False`` when the text denies it ("no swelling").
    text : str
        The words of the description it came from.
    implied_by : str or None
        The finding whose meaning implies this one, when it was not said directly.
    certainty : {"reported", "possible"}
        ``"possible"`` when the words were hedged ("I think it's a bit warm?"), a double
        negative, or a negated intensifier ("not massively swollen"). Triage treats a possible
        danger sign as present; the answer says it was read as possible.
    """

    id: str
    present: bool
    text: str
    implied_by: str | None = None
    certainty: Literal["reported", "possible"] = "reported"
