"""Helpers of the browser tests: drive the interview through the accessibility tree, add
people and nights on the Diary page (a module of its own: test modules are not importable)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

__all__ = [
    "add_night",
    "add_person",
    "answer",
    "await_screen",
    "current_question",
    "current_screen",
    "dates_in_table",
    "decider",
    "interview",
    "pick",
    "wait_for",
]


def wait_for(page: Any, expression: str, *args: Any, timeout_s: float = 15.0) -> None:
    """Poll a JavaScript expression until it is truthy.

    ``page.wait_for_function`` evaluates with ``eval`` inside the page, which the app's
    Content-Security-Policy (rightly) refuses; ``page.evaluate`` goes through the debugger.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if page.evaluate(expression, *args):
                return
        except Exception:  # the page is navigating
            pass
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for: {expression}")


def current_screen(page: Any) -> str:
    """Where the interview is: ``question``, ``emergency``, ``result`` or ``""`` (busy)."""
    return _screen_and_progress(page)[0]


def _screen_and_progress(page: Any) -> tuple[str, str]:
    """The screen and, on a question, its progress line, read at one instant (the last
    answer submits the page away, so two reads could see two different pages)."""
    try:
        state: list[str] = page.evaluate(
            """() => location.pathname === '/result' ? ['result', '']
                 : !document.querySelector('#emergency-banner').hidden ? ['emergency', '']
                 : !document.querySelector('#interview-question').hidden
                   ? ['question', document.querySelector('#progress-label').innerText]
                 : ['', '']"""
        )
    except Exception:  # the page is navigating
        return "", ""
    return state[0], state[1]


def await_screen(page: Any, before: str = "") -> str:
    """Wait for the next question (its progress line differs from ``before``), the emergency
    banner or the result page; return which."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        screen, label = _screen_and_progress(page)
        if screen in ("emergency", "result") or (screen == "question" and label != before):
            return screen
        time.sleep(0.05)
    pytest.fail("the interview did not move on")


def current_question(page: Any) -> dict[str, Any]:
    """The question on screen, read through the accessibility tree: the group named by the
    question, its radio buttons or checkboxes (by label) or its Yes/No buttons."""
    title = page.locator("#question-text").inner_text()
    group = page.get_by_role("group", name=title)
    choices = group.get_by_role("radio").or_(group.get_by_role("checkbox"))
    labels = [c.evaluate("el => el.labels[0].textContent") for c in choices.all()]
    kind = "choice" if labels else "yes_no"
    if kind == "yes_no":
        assert group.get_by_role("button", name="Yes", exact=True).is_visible()
    return {
        "text": title,
        "kind": kind,
        "multiple": kind == "choice" and group.get_by_role("checkbox").count() > 0,
        "options": [o for o in labels if o not in ("None of these", "Don't know")],
        "why": page.locator("#question-why").inner_text(),
        "progress": page.locator("#progress-label").inner_text(),
    }


def answer(page: Any, question: dict[str, Any], answer: str | list[str]) -> None:
    """Answer a yes/no question with a button name, a choice question with option labels
    (or ``["None of these"]``, ``["Don't know"]``)."""
    group = page.get_by_role("group", name=question["text"])
    if question["kind"] == "yes_no":
        assert isinstance(answer, str)
        group.get_by_role("button", name=answer, exact=True).click()
        return
    assert isinstance(answer, list) and answer
    for label in answer:
        group.get_by_label(label, exact=True).check()
    group.get_by_role("button", name="Next").click()


def interview(page: Any, decide: Any, limit: int = 30) -> tuple[list[dict[str, Any]], str]:
    """Run the interview from the start button: ``decide(question)`` gives each answer.

    Returns the questions asked and where it ended (``emergency`` or ``result``).
    """
    page.get_by_role("button", name="Start the questions").click()
    screen = await_screen(page)
    asked: list[dict[str, Any]] = []
    for _ in range(limit):
        if screen != "question":
            return asked, screen
        question = current_question(page)
        asked.append(question)
        question["answer"] = decide(question)
        answer(page, question, question["answer"])
        screen = await_screen(page, before=question["progress"])
    pytest.fail(f"the interview did not end after {limit} answers: {asked}")


def pick(question: dict[str, Any], *patterns: str) -> list[str]:
    """The options whose label matches any of ``patterns`` (the first match per pattern)."""
    chosen = []
    for pattern in patterns:
        match = next((o for o in question["options"] if re.search(pattern, o, re.I)), None)
        assert match is not None, (pattern, question)
        chosen.append(match)
    return chosen


def add_person(page: Any, name: str, birth_year: str, sex: str = "female") -> None:
    """Add a person on the Diary page; wait for their diary."""
    page.goto("/diary")
    page.get_by_label("Name or nickname").fill(name)
    page.get_by_label("Birth year (optional)").fill(birth_year)
    page.get_by_label("Sex (optional)").select_option(sex)
    page.get_by_role("button", name="Add the person").click()
    page.get_by_role("heading", name=f"Diary of {name}", exact=True).wait_for()


def add_night(page: Any, date: str, quality: str) -> None:
    """Save a night with a sleep quality on the Diary page; wait for its row."""
    page.get_by_label("Date of the night").fill(date)
    page.get_by_label("Sleep quality (0 = very bad, 10 = very good)").fill(quality)
    page.get_by_role("button", name="Save night").click()
    page.locator("#nights-table tbody tr", has_text=date).wait_for()


def dates_in_table(page: Any) -> list[str]:
    """The dates of the nights the Diary page lists, sorted."""
    rows = page.locator("#nights-table tbody tr th")
    return sorted(str(t) for t in rows.all_text_contents())


def decider(choices: dict[str, tuple[str, ...]], yes: str) -> Any:
    """A ``decide(question)`` for :func:`interview`: a yes/no question is "Yes" when its text
    matches the pattern ``yes``; a choice question whose text contains a key of ``choices``
    gets the options matching that key's patterns (:func:`pick`); any other choice (the danger
    checklist, the medicines) gets "None of these"."""

    def decide(question: dict[str, Any]) -> str | list[str]:
        if question["kind"] == "yes_no":
            return "Yes" if re.search(yes, question["text"], re.I) else "No"
        for key, patterns in choices.items():
            if key.lower() in question["text"].lower():
                return pick(question, *patterns)
        return ["None of these"]

    return decide
