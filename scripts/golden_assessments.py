"""Write the full JSON of many assessments, to show that a speed-up changes no answer.

Every description found in the test data (``tests/data``, and the development vignettes when
``../shared/vignettes`` is there) is assessed twice, without and with an age and sex; each line
is a hash of the input and the result's JSON (or the error). The output is the same from run
to run, so two files written before and after a change that should keep behaviour must be
byte-identical (``cmp before.txt after.txt``).

Run: ``python scripts/golden_assessments.py OUT.txt`` (about 1.5 minutes).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml
from rich.progress import track

from nightlegs.assessment import assess
from nightlegs.errors import InputError
from nightlegs.intake import MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parents[1]
VARIANTS: tuple[dict[str, Any], ...] = ({}, {"age": 68, "sex": "female"})


def _strings(value: object, found: set[str]) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)
    elif isinstance(value, str) and len(value) > 15 and " " in value:
        found.add(value)


def descriptions() -> list[str]:
    """Every description-like string of the test data, sorted."""
    found: set[str] = set()
    files = [*sorted((ROOT / "tests" / "data").rglob("*.json"))]
    files += sorted((ROOT.parent / "shared" / "vignettes").glob("*.json"))
    for path in files:
        _strings(json.loads(path.read_text(encoding="utf-8")), found)
    for path in sorted((ROOT / "tests" / "data").rglob("*.yaml")):
        _strings(yaml.safe_load(path.read_text(encoding="utf-8")), found)
    return sorted(text for text in found if len(text) <= MAX_TEXT_CHARS)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/golden_assessments.py OUT.txt")
    texts = descriptions()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for text in track(texts, description=f"{len(texts)} descriptions"):
            for variant in VARIANTS:
                try:
                    result = assess(text, **variant).model_dump_json()
                except InputError as exc:
                    result = f"InputError: {exc}"
                key = hashlib.sha1((text + json.dumps(variant)).encode()).hexdigest()
                out.write(f"{key} {result}\n")


if __name__ == "__main__":
    main()
