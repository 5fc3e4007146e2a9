"""Where assessments run: worker processes when the database can be shared, else in-process.

An assessment is CPU-bound pure Python (about two milliseconds); in the server process it would
hold the interpreter lock while the event loop parses other requests. With ``processes > 0``
and a database that other processes can open (a SQLite file or PostgreSQL), each worker process
opens its own store, assesses, stores the result in one transaction and returns the JSON text,
so the server process only speaks HTTP. ``nightlegs serve`` uses one worker per core but one;
tests and in-memory stores run in the server's thread pool. A worker exits by itself when the
server process ends, however it ends (``kill -9`` included).

Each worker has a pipe of its own to the server: the request goes as JSON bytes, the reply
comes back as the JSON text of the result, and the event loop reads it with a file descriptor
reader. ``concurrent.futures.ProcessPoolExecutor`` did this through a management thread, a
feeder thread and pickling in the server process, about 0.2 ms of the server's CPU per request,
a fifth of what the whole HTTP exchange of a trivial request costs.

A worker is given its next request before it has answered the current one (up to
:data:`PIPELINE_DEPTH` at a time), so that it never waits for the server between two
assessments: it answers in the order it was asked, and each reply resolves the oldest
request still waiting on that worker. Under load, a worker that was handed requests one at a
time sat idle 7% of the time.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import gc
import json
import multiprocessing
import multiprocessing.connection
import os
import pickle
import sys
import threading
from typing import Any

from starlette.concurrency import run_in_threadpool

from nightlegs.diary.store import DiaryStore

__all__ = ["PIPELINE_DEPTH", "AssessmentWorkers", "assess_and_store"]

_worker_store: DiaryStore | None = None


def assess_and_store(store: DiaryStore, request: dict[str, Any]) -> str:
    """Assess ``request`` (the body of ``POST /api/assess``), return the JSON text.

    The assessment is kept in the diary of ``request["person"]`` (the default person when
    absent) only when ``request["save"]`` is true; the JSON then has its ``assessment_id``.

    Examples
    --------
    >>> import json
    >>> from nightlegs.diary import open_store
    >>> with open_store("sqlite://") as store:
    ...     text = assess_and_store(store, {"text": "my calves cramp at night", "save": True})
    >>> json.loads(text)["triage"] in {"self_care", "doctor", "urgent", "emergency"}
    True
    >>> json.loads(text)["assessment_id"]
    1
    """
    from nightlegs.assessment import assess

    result = assess(
        request.get("text"),
        age=request.get("age"),
        sex=request.get("sex"),
        pregnant=request.get("pregnant"),
        findings=request.get("findings"),
        movements_per_hour=request.get("movements_per_hour"),
        irls_total=request.get("irls_total"),
    )
    # pydantic writes the JSON in Rust: a third of the time of a dict through ``json.dumps``
    # (0.03 against 0.11 ms for a typical result), on the path every request takes.
    text = result.model_dump_json()
    if not request.get("save"):
        return text
    asked = {k: v for k, v in request.items() if k not in ("save", "person")}
    record = store.add_assessment(asked, result, result.kb_version, person=request.get("person"))
    # The reply is the result object with its ``assessment_id`` as the last key.
    return f'{text[:-1]},"assessment_id":{int(record.id)}}}'


def _exit_with_parent() -> None:
    """Exit this worker process as soon as the server process is gone, even after ``kill -9``.

    A worker blocked on its task queue never notices on its own, and would keep its database
    connection (and the resource tracker) alive forever. ``parent_process().sentinel`` becomes
    ready when the parent ends, however it ends.
    """
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - always set in a spawned worker
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)  # no clean-up to run: the store's connection goes with the process

    threading.Thread(target=watch, name="nightlegs-parent-watch", daemon=True).start()


def _start_worker(database_url: str) -> None:
    global _worker_store
    from nightlegs.assessment import assess
    from nightlegs.diary.storage import open_store

    _exit_with_parent()
    _worker_store = open_store(database_url)
    assess("warm up")  # load the knowledge base and compile phrases before the first request
    # What is loaded now lives as long as the worker: out of the collector's reach, so a full
    # collection does not walk the knowledge base again and again.
    gc.collect()
    gc.freeze()


def _work(request: dict[str, Any]) -> str:
    if _worker_store is None:  # pragma: no cover - the start always opens the store first
        raise RuntimeError("assessment worker started without a store")
    return assess_and_store(_worker_store, request)


#: Requests a worker is given at a time: the one it is assessing and the next, ready in its pipe.
PIPELINE_DEPTH = 2
#: Windows' event loop has no file descriptor readers: there, a thread waits for each reply.
_NO_READERS = sys.platform == "win32"
#: First byte of a worker's message: a result, an exception, or "started and warmed up".
_RESULT, _ERROR, _READY = b"r", b"e", b"w"
#: Seconds a new worker has to open its store and warm up.
_START_TIMEOUT_S = 120.0


def _pickled_error(exc: BaseException) -> bytes:
    """``exc`` as the server should raise it (its own type when it pickles)."""
    try:
        return _ERROR + pickle.dumps(exc)
    except Exception:  # an exception carrying something unpicklable
        return _ERROR + pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))


def _serve(conn: multiprocessing.connection.Connection, database_url: str) -> None:
    """A worker process: answer the requests that come down ``conn`` until it closes."""
    try:
        _start_worker(database_url)
    except Exception as exc:
        conn.send_bytes(_pickled_error(exc))
        return
    conn.send_bytes(_READY)
    while True:
        try:
            request = conn.recv_bytes()
        except (EOFError, OSError):
            return  # the server is gone
        if not request:
            return  # the server's stop message
        try:
            reply = _RESULT + _work(json.loads(request)).encode()
        except Exception as exc:
            reply = _pickled_error(exc)
        conn.send_bytes(reply)


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, database_url: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_serve, args=(child, database_url), name="nightlegs-assess", daemon=True
        )
        self.process.start()
        child.close()
        #: Requests sent and not yet answered, oldest first: the worker answers in order.
        self.waiting: collections.deque[asyncio.Future[bytes]] = collections.deque()
        #: The event loop whose reader receives this worker's replies, once one listens.
        self.loop: asyncio.AbstractEventLoop | None = None
        #: The worker that took this one's place after it died.
        self.successor: _Worker | None = None
        self._blocking = threading.Lock()

    def ask_blocking(self, payload: bytes) -> bytes:  # pragma: no cover - Windows only
        """Send ``payload`` and wait for the reply, one request at a time (from a thread)."""
        with self._blocking:
            self.conn.send_bytes(payload)
            return self.conn.recv_bytes()

    def ask(self, payload: bytes) -> asyncio.Future[bytes]:
        """Send ``payload``; the future gets the reply (or the error that ended the worker).

        Must be called on the event loop's thread.
        """
        loop = asyncio.get_running_loop()
        if self.loop is None:
            loop.add_reader(self.conn.fileno(), self._receive)
            self.loop = loop
        reply = loop.create_future()
        self.conn.send_bytes(payload)  # a broken pipe raises here, before anything waits
        self.waiting.append(reply)
        return reply

    def _receive(self) -> None:
        """The reader: one reply, for the oldest request waiting (called again while more
        are ready)."""
        try:
            reply = self.conn.recv_bytes()
        except (EOFError, OSError) as exc:
            self.stop_listening()
            while self.waiting:
                waiter = self.waiting.popleft()
                if not waiter.done():
                    waiter.set_exception(EOFError(str(exc) or "the worker's pipe closed"))
            return
        if self.waiting:
            waiter = self.waiting.popleft()
            if not waiter.done():
                waiter.set_result(reply)

    def stop_listening(self) -> None:
        """Stop reading this worker's pipe (on the event loop's thread)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.remove_reader(self.conn.fileno())
        self.loop = None

    def wait_started(self) -> None:
        """Block until the worker has warmed up; raise what stopped it if it could not."""
        if not self.conn.poll(_START_TIMEOUT_S):
            self.stop()
            raise RuntimeError(f"an assessment worker did not start in {_START_TIMEOUT_S:.0f} s")
        try:
            message = self.conn.recv_bytes()
        except (EOFError, OSError):
            self.stop()
            raise RuntimeError("an assessment worker stopped while starting") from None
        if message != _READY:
            self.stop()
            raise pickle.loads(message[1:])

    def stop(self) -> None:
        """Ask the worker to stop, then make sure it has."""
        with contextlib.suppress(OSError):  # already gone
            self.conn.send_bytes(b"")
        self.process.join(timeout=5)
        if self.process.is_alive():  # pragma: no cover - busy past the grace time
            self.process.terminate()
            self.process.join(timeout=5)
        self.conn.close()


class AssessmentWorkers:
    """Runs :func:`assess_and_store` in worker processes or in this process.

    Parameters
    ----------
    store : DiaryStore
        The app's store, used when no worker processes run.
    database_url : str or None
        The URL the workers open; ``None`` or an in-memory SQLite URL keeps work in-process.
    processes : int
        Number of worker processes (0: none).
    """

    def __init__(self, store: DiaryStore, database_url: str | None, processes: int) -> None:
        self._store = store
        shared = database_url is not None and database_url not in ("sqlite://", "sqlite:///")
        self._database_url = database_url or ""
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._replacing = asyncio.Lock()
        if processes > 0 and database_url and shared and ":memory:" not in database_url:
            # Started together, then waited for: they warm up side by side.
            self._workers = [_Worker(database_url) for _ in range(processes)]
            try:
                for worker in self._workers:
                    worker.wait_started()
            except BaseException:
                self.close()
                raise
            for _ in range(PIPELINE_DEPTH):
                for worker in self._workers:
                    self._idle.put_nowait(worker)

    @property
    def in_processes(self) -> bool:
        """Whether assessments run in worker processes."""
        return bool(self._workers)

    async def run(self, request: dict[str, Any]) -> str:
        """Assess and store ``request``; return the result as JSON text."""
        if not self._workers:
            return await run_in_threadpool(assess_and_store, self._store, request)
        payload = json.dumps(request).encode()
        # Shielded: a request whose client went away still reads its worker's reply, so the
        # reply cannot be taken for the answer to the next request sent to that worker.
        reply = await asyncio.shield(self._exchange(payload))
        if reply[:1] == _ERROR:
            raise pickle.loads(reply[1:])
        return reply[1:].decode()

    async def _exchange(self, payload: bytes) -> bytes:
        # One slot of a worker (each has PIPELINE_DEPTH in the queue).
        worker = await self._idle.get()
        while worker.successor is not None:  # a slot of a worker that died and was replaced
            worker = worker.successor
        try:
            if _NO_READERS:  # pragma: no cover - an event loop without readers (Windows)
                return await run_in_threadpool(worker.ask_blocking, payload)
            return await worker.ask(payload)
        except (EOFError, OSError):
            # The worker died (killed, out of memory): a new one takes its place, once for
            # all the requests that were waiting on it.
            worker = await self._replaced(worker)
            raise RuntimeError("the assessment worker stopped; it has been restarted") from None
        finally:
            self._idle.put_nowait(worker)

    async def _replaced(self, dead: _Worker) -> _Worker:
        async with self._replacing:
            if dead.successor is None:
                dead.stop_listening()
                dead.successor = await run_in_threadpool(self._replace, dead)
        return dead.successor

    def _replace(self, dead: _Worker) -> _Worker:
        dead.stop()
        fresh = _Worker(self._database_url)
        fresh.wait_started()
        self._workers[self._workers.index(dead)] = fresh
        return fresh

    def stop_listening(self) -> None:
        """Stop reading the workers' pipes; call on the event loop's thread before
        :meth:`close` runs elsewhere."""
        for worker in self._workers:
            worker.stop_listening()

    def close(self) -> None:
        """Stop the worker processes."""
        for worker in self._workers:
            if worker.loop is not None and worker.loop.is_closed():
                worker.loop = None  # its readers went with it
            worker.stop()
        self._workers = []
