"""nightlegs: why do my legs hurt, cramp or twitch at night? Information, not a diagnosis.

>>> import nightlegs
>>> result = nightlegs.assess("my calves cramp every night", age=70, sex="female")
>>> result.triage.value in {"self_care", "doctor", "urgent", "emergency"}
True
"""

from nightlegs.assessment import Assessment, assess
from nightlegs.errors import InputError, KnowledgeBaseError, NightlegsError, RecordingError

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
