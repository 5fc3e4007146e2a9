"""The /docs page: the API reference with its markup rendered and links that resolve."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

_HREF = re.compile(r"""(?:href|src)=["']([^"']+)["']""")


def test_the_web_docs_page_links_within_itself(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.text
    ids = set(re.findall(r'id="([^"]+)"', html))
    for target in _HREF.findall(html):
        if target.startswith("#"):
            assert target[1:] in ids, target
        else:
            assert target == "/openapi.json", target
    prose = re.sub(r"<pre>.*?</pre>", "", html, flags=re.DOTALL)
    for raw in ("``", ":class:`", ":func:`", ":meth:`", "**", "CONTRACT"):
        assert raw not in prose, raw
