"""Small helpers for the words the app prints: counts with the right plural."""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` with the noun in the right number: ``"1 night"``, ``"2 nights"``, ``"0 nights"``.

    Parameters
    ----------
    count : int
        How many.
    singular : str
        The noun for one (``"night"``).
    many : str, optional
        The noun for any other count (default: ``singular`` + ``"s"``).

    Returns
    -------
    str
        The count, a space and the noun.

    Examples
    --------
    >>> plural(0, "night"), plural(1, "night"), plural(2, "night")
    ('0 nights', '1 night', '2 nights')
    >>> plural(1, "person", "people"), plural(3, "person", "people")
    ('1 person', '3 people')
    """
    return f"{count} {singular if count == 1 else (many or singular + 's')}"
