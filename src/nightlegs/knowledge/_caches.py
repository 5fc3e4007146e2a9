"""One reset for every cache of knowledge-base data in the process.

Tables built from a knowledge base live with it (:meth:`KnowledgeBase.derived`); what is cached
by function (the packaged knowledge base, the foreign lexicons and their matchers) is made with
:func:`knowledge_cache`, so that :func:`reset_knowledge_caches` forgets all of it at once, e.g.
after a test or ``nightlegs kb check`` has pointed the loader at other files.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["knowledge_cache", "reset_knowledge_caches"]

_F = TypeVar("_F", bound=Callable[..., Any])
_CLEARS: list[Callable[[], None]] = []


def knowledge_cache(function: _F) -> _F:
    """``functools.cache`` for knowledge-base data, cleared by :func:`reset_knowledge_caches`.

    Examples
    --------
    >>> calls = []
    >>> @knowledge_cache
    ... def table():
    ...     calls.append(1)
    ...     return {"a": 1}
    >>> table() is table(), len(calls)
    (True, 1)
    >>> reset_knowledge_caches(); _ = table(); len(calls)
    2
    """
    cached = functools.cache(function)
    _CLEARS.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def reset_knowledge_caches() -> None:
    """Forget every cached knowledge base, lexicon and table built from them.

    Examples
    --------
    >>> from nightlegs.knowledge import load_knowledge_base
    >>> before = load_knowledge_base()
    >>> reset_knowledge_caches()
    >>> load_knowledge_base() is before
    False
    """
    for clear in _CLEARS:
        clear()
