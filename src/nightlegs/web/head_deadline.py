"""A deadline for the request line and headers, which uvicorn does not have (slow clients).

uvicorn's only read timeout is its keep-alive timer, started after a response and cancelled by
the first byte that arrives. A new connection therefore waits for its request head forever, and
a kept-alive one does too once it has sent a single byte: a client that sends its headers one
byte at a time ("slowloris") holds a connection, and with a few hundred of them every slot of
``limit_concurrency``, for as long as it likes. The request body is timed by the app itself
(:mod:`nightlegs.web.security`), so the head is the one part left untimed.

:class:`HeadDeadlineProtocol` is uvicorn's h11 protocol with one addition: whenever the
connection waits for a request head (once connected, and again after each response) a deadline
starts; it is not moved by the bytes that trickle in, only cancelled when h11 has the whole
request line and headers (a body the app answered early without reading it counts as waiting
too). On expiry a partly sent head gets ``408 Request Timeout`` and the
connection is closed; an idle connection that sent nothing is just closed, as the keep-alive
timer does, because a 408 there could be read as the answer to the next request it sends.

``nightlegs serve`` passes :func:`head_deadline_protocol` as uvicorn's ``http=``.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["HeadDeadlineProtocol", "head_deadline_protocol"]

_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"content-length: 36\r\n"
    b"connection: close\r\n"
    b"\r\n"
    b"Request headers not received in time"
)


class HeadDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's line and headers.

    Attributes
    ----------
    head_timeout : float
        Seconds a client has, from connecting or from the end of the previous response, to
        send a complete request line and headers. Set by :func:`head_deadline_protocol`.
    """

    head_timeout: ClassVar[float] = 10.0

    _head_deadline: asyncio.TimerHandle | None = None

    def connection_made(  # type: ignore[override]
        self, transport: asyncio.Transport
    ) -> None:
        """Start the deadline for the first request head."""
        super().connection_made(transport)
        self._track_head()

    def data_received(self, data: bytes) -> None:
        """Cancel the deadline once h11 has a whole head (or start it for a pipelined one)."""
        super().data_received(data)
        self._track_head()

    def on_response_complete(self) -> None:
        """Start the deadline for the next request head on a kept-alive connection."""
        super().on_response_complete()
        self._track_head()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the deadline with the connection."""
        self._cancel_head_deadline()
        super().connection_lost(exc)

    def _track_head(self) -> None:
        # h11 moves our side to SEND_RESPONSE only when it has parsed a whole request line and
        # headers; from then on the app owns the request (it times the body itself). In any
        # other state the connection waits for the client: for a head (IDLE) or, after an
        # early answer such as 413, for the rest of a body nobody reads any more (DONE).
        waiting = self.conn.our_state is not h11.SEND_RESPONSE
        if waiting and not self.transport.is_closing():
            if self._head_deadline is None:  # not restarted by bytes trickling in
                self._head_deadline = self.loop.call_later(self.head_timeout, self._head_expired)
        else:
            self._cancel_head_deadline()

    def _cancel_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_expired(self) -> None:
        self._head_deadline = None
        if self.transport.is_closing():
            return
        partial, _closed = self.conn.trailing_data
        if partial and self.conn.our_state is h11.IDLE:
            # Nothing of this request reached the app, so h11 has no request to answer; the
            # reply is written as it is, and the connection closes after it.
            self.logger.info(
                "Request head not complete in %g s: 408, connection closed.", self.head_timeout
            )
            self.transport.write(_TIMEOUT_RESPONSE)
        self.transport.close()


def head_deadline_protocol(head_timeout: float) -> type[HeadDeadlineProtocol]:
    """A :class:`HeadDeadlineProtocol` subclass with ``head_timeout`` seconds for each head.

    uvicorn makes one protocol object per connection from the class it is given, with no
    arguments of ours, so the deadline travels as a class attribute.

    Examples
    --------
    >>> head_deadline_protocol(2.5).head_timeout
    2.5
    """

    class _Protocol(HeadDeadlineProtocol):
        pass

    _Protocol.head_timeout = head_timeout
    return _Protocol
