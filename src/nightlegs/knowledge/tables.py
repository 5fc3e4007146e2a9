"""Knowledge-base tables that are not records: the intake's lexicons and spelling help, the
interview plan, the strength-to-likelihood table and the triage wording."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    Field,
    field_validator,
    model_validator,
)

from nightlegs.knowledge._base import (
    _ID_PATTERN,
    _TRIAGE_ORDER,
    AgeBand,
    Source,
    Strength,
    Triage,
    _Strict,
)

__all__ = [
    "InterviewOption",
    "InterviewPlan",
    "Lexicon",
    "LikelihoodTables",
    "PlannedQuestion",
    "Rewrite",
    "Spelling",
    "TriageLevelWords",
    "TriageWording",
]


class Rewrite(_Strict):
    """How people write something, and the plain words the phrase grammar understands.

    ``source`` is a run of lower-case tokens as they appear after tokenising ("sob",
    "pins n needles", "w / o", "10 / 10"; punctuation is its own token); ``target`` is what
    they mean ("short of breath").
    """

    source: str = Field(min_length=1, pattern=r"^[a-z0-9'\-/.]+( [a-z0-9'\-/.]+)*$")
    target: str = Field(min_length=1, pattern=r"^[a-z0-9'\-]+( [a-z0-9'\-]+)*$")
    note: str | None = None


class Lexicon(_Strict):
    """Abbreviations, texting shorthand and slang, rewritten before phrases are matched."""

    sources: tuple[Source, ...] = Field(min_length=1)
    rewrites: tuple[Rewrite, ...]
    last_reviewed: dt.date


class Spelling(_Strict):
    """Spelling help for the intake (``lexicon/spelling.yaml``).

    ``misspellings`` map a misspelt word, as people write it, to what it means ("swolen":
    "swollen"); ``common_words`` are frequent words that must never be "corrected" into a
    clinical word by edit distance ("mattress" is not "waitress"). A misspelling is corrected
    before the protection applies, so a word belongs in one list only (``kb check``).
    """

    misspellings: dict[
        Annotated[str, Field(pattern=r"^[a-z0-9'\-]+$")],
        Annotated[str, Field(pattern=r"^[a-z0-9'\-]+( [a-z0-9'\-]+)*$")],
    ]
    common_words: tuple[Annotated[str, Field(pattern=r"^[a-z'\-]+$")], ...]
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date


class InterviewOption(_Strict):
    """One answer to a choice question: choosing it says the finding ``id`` is present."""

    id: str = Field(pattern=_ID_PATTERN)
    text: str = Field(min_length=2)


class PlannedQuestion(_Strict):
    """A question the interview asks in its own order, before it chooses by value.

    Either a yes/no question about ``finding`` (its text is the finding's question unless
    ``text`` is given) or a choice question ``id`` whose ``options`` are findings.
    ``asked_of`` limits it to age groups; ``when_any`` to people for whom one of those findings
    is present.
    """

    id: str | None = Field(default=None, pattern=_ID_PATTERN)
    finding: str | None = Field(default=None, pattern=_ID_PATTERN)
    stage: Literal["complaint", "screen"]
    text: str | None = Field(default=None, min_length=8)
    parent_text: str | None = Field(default=None, min_length=8)
    why: str = Field(min_length=10)
    options: tuple[InterviewOption, ...] = ()
    multiple: bool = False
    asked_of: tuple[AgeBand, ...] = ()
    when_any: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> PlannedQuestion:
        if (self.id is None) == (self.finding is None):
            raise ValueError("give either 'id' (a choice question) or 'finding' (yes/no)")
        if self.id is not None and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if self.finding is not None and self.options:
            raise ValueError("a yes/no question about a finding has no options")
        return self


class InterviewPlan(_Strict):
    """The interview's opening questions and screens, in the order they are asked."""

    sources: tuple[Source, ...] = Field(min_length=1)
    questions: tuple[PlannedQuestion, ...]
    last_reviewed: dt.date


class LikelihoodTables(_Strict):
    """How a finding's strength for or against a condition becomes a probability.

    With ``prev`` the finding's prevalence among all night-time leg complaints, a finding
    *for* a condition is present with probability ``prev + (1 - prev) * for_gain[strength]``
    and one *against* it with ``prev * against_factor[strength]`` (a link's own ``p`` wins).
    Stronger links must move the probability further: ``kb check`` enforces the order.
    """

    for_gain: dict[Strength, float]
    against_factor: dict[Strength, float]
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date

    @field_validator("for_gain", "against_factor")
    @classmethod
    def _a_fraction(cls, value: dict[Strength, float]) -> dict[Strength, float]:
        missing = [s.value for s in Strength if s not in value]
        if missing:
            raise ValueError(
                f"expected a value for every strength ({', '.join(s.value for s in Strength)}); "
                f"missing {missing}"
            )
        outside = {k.value: v for k, v in value.items() if not 0.0 < v < 1.0}
        if outside:
            raise ValueError(f"expected numbers between 0 and 1 (exclusive), got {outside}")
        return value


class TriageLevelWords(_Strict):
    """What one triage level is called and asks of the person, on every surface.

    ``title`` heads the web result; ``meaning`` follows it (``action`` when not given);
    ``usually_needs`` ends a reason ("...; it usually needs: a doctor today"); ``action`` is
    what to do when no red-flag rule gives a more specific one; ``report`` is the line in the
    clinician's report and ``terminal`` the panel title of ``nightlegs assess``.
    """

    level: Triage
    title: str = Field(min_length=3)
    meaning: str | None = Field(default=None, min_length=10)
    usually_needs: str = Field(min_length=3)
    action: str = Field(min_length=10)
    report: str = Field(min_length=10)
    terminal: str = Field(min_length=3)

    @property
    def explanation(self) -> str:
        """What the level means in a sentence: ``meaning``, or ``action`` when not given."""
        return self.meaning or self.action


class TriageWording(_Strict):
    """The words of every triage level, one record per level (written once, shown everywhere)."""

    levels: tuple[TriageLevelWords, ...]
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date

    @field_validator("levels")
    @classmethod
    def _each_level_once(cls, value: tuple[TriageLevelWords, ...]) -> tuple[TriageLevelWords, ...]:
        given = [w.level for w in value]
        if sorted(given, key=lambda t: t.rank) != _TRIAGE_ORDER:
            raise ValueError(
                "expected each level once ("
                + ", ".join(t.value for t in _TRIAGE_ORDER)
                + f"), got {[t.value for t in given]}"
            )
        return value

    def __getitem__(self, level: Triage | str) -> TriageLevelWords:
        """The words of ``level`` (a :class:`Triage` or its value).

        Examples
        --------
        >>> from nightlegs.knowledge import load_knowledge_base
        >>> load_knowledge_base().triage_wording["urgent"].usually_needs
        'a doctor today'
        """
        wanted = Triage(level)
        return next(w for w in self.levels if w.level is wanted)
