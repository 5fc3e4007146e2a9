"""The parsed-file cache: same knowledge as parsing the YAML, never stale, never in the way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nightlegs.knowledge import load_knowledge_base, reset_knowledge_caches
from nightlegs.knowledge._parse_cache import CACHE_ENV, cached_parse


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


class _CountingParser:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> Any:
        self.calls += 1
        return yaml.safe_load(text)


TEXT = "id: calf_pain\nlast_reviewed: 2026-11-01\nphrases: [calf hurts, sore calf]\n"


def test_a_second_read_of_the_same_text_is_served_from_the_cache(cache: Path) -> None:
    parser = _CountingParser()
    first = cached_parse(TEXT, parser)
    second = cached_parse(TEXT, parser)
    assert parser.calls == 1
    assert second == {**first, "last_reviewed": "2026-11-01"}
    assert len(list(cache.glob("*.json"))) == 1


def test_an_edited_file_is_parsed_again(cache: Path) -> None:
    parser = _CountingParser()
    cached_parse(TEXT, parser)
    edited = cached_parse(TEXT.replace("sore calf", "aching calf"), parser)
    assert parser.calls == 2
    assert edited["phrases"] == ["calf hurts", "aching calf"]


def test_a_damaged_entry_is_parsed_again_and_repaired(cache: Path) -> None:
    parser = _CountingParser()
    cached_parse(TEXT, parser)
    (entry,) = cache.glob("*.json")
    entry.write_text('{"id": "calf_p')
    assert cached_parse(TEXT, parser)["id"] == "calf_pain"
    assert parser.calls == 2
    assert cached_parse(TEXT, parser)["id"] == "calf_pain"
    assert parser.calls == 2


def test_a_folder_that_cannot_be_written_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert cached_parse(TEXT, yaml.safe_load)["id"] == "calf_pain"


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, "")
    monkeypatch.chdir(tmp_path)
    parser = _CountingParser()
    cached_parse(TEXT, parser)
    cached_parse(TEXT, parser)
    assert parser.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_a_document_json_would_change_is_not_stored(cache: Path) -> None:
    # A number used as a key would come back as text from JSON.
    parser = _CountingParser()
    assert cached_parse("{1: one}", parser) == {1: "one"}
    assert cached_parse("{1: one}", parser) == {1: "one"}
    assert parser.calls == 2


def test_the_knowledge_base_read_from_the_cache_equals_the_one_read_from_yaml(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, "")
    reset_knowledge_caches()
    from_yaml = load_knowledge_base()
    monkeypatch.setenv(CACHE_ENV, str(cache))
    reset_knowledge_caches()
    load_knowledge_base()  # fills the cache
    reset_knowledge_caches()
    try:
        from_cache = load_knowledge_base()
        assert list(cache.glob("*.json"))
        assert from_cache == from_yaml
    finally:
        reset_knowledge_caches()
