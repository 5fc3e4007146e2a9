"""One exception hierarchy for nightlegs.

The CLI turns these into exit code 2 and a one-line message; the web layer turns them into
HTTP errors. Library code raises them and never prints.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "KnowledgeBaseError",
    "MissingExtraError",
    "NightlegsError",
    "NotFoundError",
    "RecordingError",
    "TooLargeError",
]


class NightlegsError(Exception):
    """Base class of every error nightlegs raises on purpose."""


class InputError(NightlegsError, ValueError):
    """The caller gave input that cannot be used (bad text, age out of range, ...)."""


class TooLargeError(InputError):
    """The input is well formed but larger than a configured limit (the message names both)."""


class KnowledgeBaseError(NightlegsError):
    """A knowledge-base file is missing, malformed or inconsistent."""


class RecordingError(NightlegsError):
    """A recording, hypnogram or accelerometer file cannot be read or scored.

    The message names the file, the field and what was expected.
    """


class MissingExtraError(NightlegsError, ImportError):
    """A feature needs an optional part of nightlegs that is not installed.

    The message names the feature, the missing module and the ``pip install`` that adds it.
    """


class NotFoundError(NightlegsError, LookupError):
    """A stored record (night, recording, assessment) does not exist."""
