"""Find knowledge-base phrases in normalised text quickly.

Phrases are indexed by the words they must start with, so each text token only tries the few
phrases that can begin there (a full scan of every phrase would cost far more).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal, NamedTuple

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne

from nightlegs.intake._text import (
    NormalisedText,
    build_rewrite_table,
    normalise,
)
from nightlegs.knowledge import KnowledgeBase, load_knowledge_base
from nightlegs.knowledge.phrases import (
    FILLER_WORDS,
    CompiledPhrase,
    later_words,
    lazy_phrase,
    second_words,
)

__all__ = ["PhraseHit", "PhraseIndex", "phrase_index"]

Kind = Literal["positive", "negative", "weak", "claim"]
_PREFIX_KEY = 3
_NextWords = tuple[frozenset[str], tuple[str, ...]]
_Candidate = tuple["_Entry", re.Pattern[str], tuple[_NextWords, ...]]


class PhraseHit(NamedTuple):
    """One phrase found in the text: tokens ``first``..``last``.

    A named tuple, like :class:`~nightlegs.intake._text.Token`: a description makes a dozen or
    more, and a frozen dataclass costs several times as much to build.
    """

    record_id: str
    kind: Kind
    first: int
    last: int
    phrase: str


@dataclass(frozen=True)
class _Entry:
    record_id: str
    kind: Kind
    compiled: CompiledPhrase


class PhraseIndex:
    """All phrases of a knowledge base, indexed by their first word."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        self._prefix: dict[str, list[tuple[str, _Entry]]] = defaultdict(list)
        vocabulary: set[str] = set()
        prefixes: set[str] = set()
        sources: list[tuple[str, Kind, tuple[str, ...]]] = []
        for finding in kb.findings:
            sources.append((finding.id, "positive", finding.phrases))
            sources.append((finding.id, "negative", finding.negative_phrases))
            sources.append((finding.id, "weak", finding.weak_phrases))
        for claim in kb.claims:
            sources.append((claim.id, "claim", claim.phrases))
        for record_id, kind, phrases in sources:
            for phrase in phrases:
                entry = _Entry(record_id, kind, lazy_phrase(phrase))
                for anchor in entry.compiled.anchors:
                    if anchor.endswith("*"):
                        stem = anchor[:-1]
                        self._prefix[stem[:_PREFIX_KEY]].append((stem, entry))
                    else:
                        self._exact[anchor].append(entry)
                for word in phrase.replace("|", " ").split():
                    if word.startswith("~"):
                        continue
                    (prefixes if word.endswith("*") else vocabulary).add(word.rstrip("*"))
        self._rewrites = build_rewrite_table(
            (r.source, r.target) for lexicon in kb.lexicon for r in lexicon.rewrites
        )
        vocabulary |= {w for entries in self._rewrites.values() for e in entries for w in e[0]}
        # Spelling help is knowledge-base data (lexicon/spelling.yaml).
        self._misspellings = kb.spelling.misspellings
        self._common_words = frozenset(kb.spelling.common_words)
        self._vocabulary = frozenset(vocabulary)
        # Phrases never need an intensifier (kb check enforces it), so all are skipped.
        self._filler = FILLER_WORDS
        # A word starts with a known prefix when one of its own starts, of a prefix's length,
        # is that prefix: a set lookup per length instead of a scan of every prefix.
        self._prefixes = frozenset(prefixes)
        self._prefix_lengths = tuple(sorted({len(p) for p in prefixes}))
        self._targets = sorted(w for w in vocabulary | prefixes if len(w) >= 5 and w.isalpha())

    def known(self, word: str) -> bool:
        """Whether ``word`` is in the phrase vocabulary, a known prefix or a common word."""
        return (
            word in self._vocabulary
            or word in self._common_words
            or any(word[:size] in self._prefixes for size in self._prefix_lengths)
        )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one index per process, cached on purpose
    def correct(self, word: str) -> str:
        """The clinical word ``word`` is most likely a misspelling of, or ``word`` itself."""
        if word in self._misspellings:
            return self._misspellings[word]
        if len(word) < 6 or not word.isalpha() or self.known(word):
            return word
        # One edit, same first letter: enough for "swolen" or "numbnes", while ordinary words
        # ("mattress") are not pulled towards clinical ones ("waitress").
        best = extractOne(word, self._targets, scorer=Levenshtein.distance, score_cutoff=1)
        return str(best[0]) if best and best[0][0] == word[0] else word

    def normalise(self, text: str) -> NormalisedText:
        """Normalise ``text`` and correct misspelled clinical words."""
        return normalise(text, self.correct, self._rewrites, self._filler)

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one index per process, cached on purpose
    def _entries_for(self, word: str) -> tuple[tuple[_Entry, _NextWords | None], ...]:
        """The phrases that can start at ``word``, each with the words that must follow
        ``word`` (None: any)."""
        entries = list(self._exact.get(word, ()))
        for size in range(1, _PREFIX_KEY + 1):
            entries += [e for p, e in self._prefix.get(word[:size], ()) if word.startswith(p)]
        return tuple((entry, second_words(entry.compiled.source, word)) for entry in entries)

    @functools.lru_cache(maxsize=32768)  # noqa: B019 - one index per process, cached on purpose
    def _candidates(self, word: str, following: str) -> tuple[_Candidate, ...]:
        """The phrases that can start at ``word`` when ``following`` comes next: each with its
        regex and the words its later segments need (see
        :func:`~nightlegs.knowledge.phrases.later_words`).

        Word pairs repeat across texts, so the test of the second word runs once per pair."""
        return tuple(
            (entry, entry.compiled.regex, later_words(entry.compiled.source))
            for entry, second in self._entries_for(word)
            if second is None
            or following in second[0]
            or (second[1] and following.startswith(second[1]))
        )

    def find(self, text: NormalisedText) -> list[PhraseHit]:
        """Every phrase occurrence in ``text``, as token spans."""
        hits: list[PhraseHit] = []
        string = text.string
        tokens = text.tokens
        words = {token.text for token in tokens}
        starts: set[str] | None = None  # every start of every word, built when first needed
        last_index = len(tokens) - 1
        for index, token in enumerate(tokens):
            following = tokens[index + 1].text if index < last_index else ""
            candidates = self._candidates(token.text, following)
            if not candidates:
                continue
            start = text.offsets[index]
            for entry, regex, later in candidates:
                # A phrase is tried only if every later segment has one of its words (or
                # prefixes) among the text's words; most candidates stop here. Inlined: this
                # runs a few hundred times per description.
                for segment_words, prefixes in later:
                    if segment_words.isdisjoint(words):
                        if not prefixes:
                            break
                        if starts is None:
                            starts = {w[:size] for w in words for size in range(1, len(w) + 1)}
                        if starts.isdisjoint(prefixes):
                            break
                else:
                    match = regex.match(string, start)
                    if match:
                        last = text.token_at(match.end() - 2)
                        hits.append(
                            PhraseHit(
                                entry.record_id, entry.kind, index, last, entry.compiled.source
                            )
                        )
        return hits


def phrase_index(kb: KnowledgeBase | None = None) -> PhraseIndex:
    """The phrase index of ``kb`` (default: the packaged knowledge base), built once per
    knowledge base."""
    return (kb or load_knowledge_base()).derived(PhraseIndex)
