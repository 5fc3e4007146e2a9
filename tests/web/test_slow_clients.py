"""Slow clients against a live ``nightlegs serve``: a request head sent byte by byte is cut off.

uvicorn alone waits for a request line and headers forever (its keep-alive timer is cancelled by
the first byte), so these tests would hang there without ``nightlegs.web.head_deadline``.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from _webtest import serve

from _stores import sqlite_url
from nightlegs.errors import InputError
from nightlegs.web import Settings

pytestmark = pytest.mark.slow

DEADLINE_S = 1.5
# What the deadline may overrun by on a busy 2-core machine, and still count as a cut-off.
SLACK_S = 3.0


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("slow")
    env = {"NIGHTLEGS_HEADER_TIMEOUT": str(DEADLINE_S)}
    with serve(sqlite_url(folder), folder / "serve.log", "--assess-processes", "0", env=env) as url:
        yield url


def _head(base: str) -> bytes:
    host = base.removeprefix("http://")
    return f"GET /api/health HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()


def _address(base: str) -> tuple[str, int]:
    host, port = base.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _read_response(sock: socket.socket) -> bytes:
    """One response with a Content-Length body (what the server sends here)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        assert chunk, f"closed before a response: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        body += sock.recv(4096)
    return head


def _drip(
    base: str, head: bytes, interval: float, *, first: bytes = b""
) -> tuple[bytes, float, int]:
    """Send ``first`` at once (and read its answer), then ``head`` a byte every ``interval``.

    Returns what the server sent after ``first``'s answer, the seconds from that point until the
    server closed the connection, and how many bytes of ``head`` were sent by then.
    """
    with socket.create_connection(_address(base), timeout=30) as sock:
        if first:
            sock.sendall(first)
            assert _read_response(sock).startswith(b"HTTP/1.1 200")
        start = time.monotonic()
        sent = 0
        for byte in head:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            sent += 1
            readable, _, _ = select.select([sock], [], [], interval)
            if readable:
                break  # the server answered or closed: the head was not finished in time
        received = b""
        try:
            while chunk := sock.recv(4096):
                received += chunk
        except ConnectionResetError:
            pass
        return received, time.monotonic() - start, sent


def test_a_head_sent_byte_by_byte_is_cut_off(base: str) -> None:
    head = _head(base)
    assert len(head) * 0.25 > DEADLINE_S + SLACK_S  # a full drip would outlast the deadline
    with ThreadPoolExecutor(2) as pool:
        # A new connection, and a kept-alive one after a first request.
        fresh = pool.submit(_drip, base, head, 0.25)
        kept = pool.submit(_drip, base, head, 0.25, first=head)
        for future in (fresh, kept):
            received, seconds, sent = future.result()
            assert received.startswith(b"HTTP/1.1 408"), received
            assert b"connection: close" in received.lower()
            assert DEADLINE_S - 0.3 < seconds < DEADLINE_S + SLACK_S
            assert sent < len(head)
        # An idle connection is just closed (a 408 there could pass for the next answer).
        with socket.create_connection(_address(base), timeout=30) as sock:
            start = time.monotonic()
            assert sock.recv(4096) == b""
            assert DEADLINE_S - 0.3 < time.monotonic() - start < DEADLINE_S + SLACK_S
    # The server is none the worse for it.
    assert httpx.get(f"{base}/api/health", timeout=10).status_code == 200


def test_normal_clients_are_unaffected(base: str) -> None:
    head = _head(base)
    # A head in a few pieces, well within the deadline, is answered.
    with socket.create_connection(_address(base), timeout=30) as sock:
        for piece in (head[:10], head[10:30], head[30:]):
            sock.sendall(piece)
            time.sleep(0.1)
        assert _read_response(sock).startswith(b"HTTP/1.1 200")
    # A kept-alive client pausing between requests (less than the keep-alive timeout), and a
    # request whose body takes longer than the head deadline (the body has its own timeout).
    with httpx.Client(base_url=base, timeout=10) as client:
        assert client.get("/api/health").status_code == 200
        time.sleep(DEADLINE_S / 2)
        assert client.get("/api/health").status_code == 200

        def slow_body() -> Iterator[bytes]:
            yield b'{"text": "my legs '
            time.sleep(DEADLINE_S + 0.5)
            yield b'twitch at night"}'

        answer = client.post(
            "/api/assess", content=slow_body(), headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 200, answer.text


def test_the_deadline_is_a_typed_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().header_timeout == 10.0
    monkeypatch.setenv("NIGHTLEGS_HEADER_TIMEOUT", "2.5")
    assert Settings.from_env().header_timeout == 2.5
    for value in ("0", "-1", "ten", "1e9"):
        monkeypatch.setenv("NIGHTLEGS_HEADER_TIMEOUT", value)
        with pytest.raises(InputError, match=r"^NIGHTLEGS_HEADER_TIMEOUT: "):
            Settings.from_env()
