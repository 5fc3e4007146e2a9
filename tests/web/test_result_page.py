"""The result page says each thing once, in order: what to do now, why, who to see, what to
ask, self-care; evidence for holds only what the person has."""

from __future__ import annotations

import re
from html import unescape

from _webtest import token_of
from fastapi import FastAPI
from fastapi.testclient import TestClient

EMERGENCY = (
    "Suddenly my left foot went cold, white and numb an hour ago. I have atrial fibrillation."
)
SELF_CARE = (
    "my calves cramp every night, the muscle goes rock hard and standing on the floor stops it"
)


def _page(client: TestClient, app: FastAPI, text: str, age: str = "70") -> str:
    response = client.post("/result", data={"text": text, "age": age, "csrf_token": token_of(app)})
    assert response.status_code == 200
    return response.text


def _visible(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_emergency_says_the_call_step_once_and_asks_no_tests(
    client: TestClient, app: FastAPI
) -> None:
    html = _page(client, app, EMERGENCY)
    text = _visible(html)
    assert len(re.findall(r"Call 999", text)) == 1  # the action line, nothing else
    assert "Call emergency services" not in text  # not the generic line as well
    assert text.count("Danger sign:") == 1  # three wordings of one blocked artery
    assert "h-ask" not in html and "Tests to ask about" not in text
    assert "h-self" not in html and "When to get help" not in text
    headings = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, flags=re.S)
    main = [_visible(h) for h in headings if not _visible(h).startswith(("Acute", "Evidence"))]
    assert len(main) == len(set(main)), main
    assert text.index("Call 999") < text.index("Why") < text.index("Who to see")


def test_self_care_order_now_why_who_ask_self_care(client: TestClient, app: FastAPI) -> None:
    html = _page(client, app, SELF_CARE)
    order = [html.index(f'id="{h}"') for h in ("h-triage", "h-why", "h-who", "h-ask", "h-self")]
    assert order == sorted(order)
    text = _visible(html)
    assert text.count("Who to see") == 1 and "right person" not in text
    assert text.count("What you can do yourself") == 1
    assert "Call 999 / 112 / 911 now if any" not in text  # the safety net is a paragraph here
    # the tests asked about at the top are not listed again under the top cause
    ask = re.search(r'id="h-ask">What to ask</h2>\s*<p>(.*?)</p>', html, flags=re.S)
    assert ask is not None
    first_test = unescape(ask.group(1)).removeprefix("Ask the doctor about: ").split(";")[0]
    assert text.count(first_test) == 1


def test_absent_finding_is_never_evidence_for(client: TestClient, app: FastAPI) -> None:
    html = _page(client, app, "my calf cramps at night, the leg is not swollen")
    for block in re.findall(r"<h4>Evidence for</h4>(.*?)</div>", html, flags=re.S):
        assert "not the case" not in block and "not swollen" not in block
    assert "not the case" not in html
