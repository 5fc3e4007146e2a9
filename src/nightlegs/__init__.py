"""nightlegs: why do my legs hurt, cramp or twitch at night? Information, not a diagnosis.

>>> import nightlegs
>>> result = nightlegs.assess("my calves cramp every night", age=70, sex="female")
>>> result.triage.value in {"self_care", "doctor", "urgent", "emergency"}
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nightlegs.errors import InputError, KnowledgeBaseError, NightlegsError, RecordingError

if TYPE_CHECKING:
    from nightlegs.assessment import Assessment, assess

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "InputError",
    "KnowledgeBaseError",
    "NightlegsError",
    "RecordingError",
    "__version__",
    "assess",
]

#: Public names imported on first use: the assessment engine loads the knowledge base and
#: pydantic, which ``nightlegs --help`` and ``nightlegs analyze`` do not need (PEP 562).
_LAZY = {"Assessment": "nightlegs.assessment", "assess": "nightlegs.assessment"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'nightlegs' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
