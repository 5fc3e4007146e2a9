"""Browser-test fixtures: the real app on a loopback port, Debian's Chromium through Playwright.

The app runs with uvicorn in a thread of the test process, on a temporary SQLite database.
Chromium is the system one (``NIGHTLEGS_CHROMIUM``, default ``/usr/bin/chromium``); Playwright's
own browser downloads are never used.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

CHROMIUM = os.environ.get("NIGHTLEGS_CHROMIUM", "/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the running app (``http://127.0.0.1:PORT``)."""
    import uvicorn

    from nightlegs.web.app import create_app
    from nightlegs.web.settings import Settings

    db = tmp_path_factory.mktemp("browser-db") / "nightlegs.sqlite"
    app = create_app(Settings(database_url=f"sqlite:///{db}"))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, name="nightlegs-test-server", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    else:
        pytest.fail("the app did not start within 20 s")
    yield base
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium (skips when it or the Playwright package is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: run scripts/services.sh (Debian's chromium) or set "
            "NIGHTLEGS_CHROMIUM"
        )
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page; fails the test if it requested any host but the app's loopback address,
    or logged a JavaScript error or a Content-Security-Policy violation."""
    context = browser.new_context(base_url=server, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    foreign: list[str] = []
    errors: list[str] = []

    def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            foreign.append(request.url)

    def on_console(message: Any) -> None:
        # A test that sends invalid input on purpose sets ``page.nightlegs_allow_4xx``: the
        # browser then logs the refused request, which is not a fault of the page.
        refused = re.search(r"status of 4\d\d", message.text) is not None
        if message.type == "error" and not (refused and getattr(pg, "nightlegs_allow_4xx", 0)):
            errors.append(message.text)

    pg.on("request", on_request)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", on_console)
    yield pg
    context.close()
    assert not foreign, f"requests to non-loopback hosts: {foreign}"
    assert not errors, f"errors in the page: {errors}"
