"""Where assessments run: worker processes when the database can be shared, else in-process.

An assessment is CPU-bound pure Python (about a millisecond); in the server process it would
hold the interpreter lock while the event loop parses other requests. With ``processes > 0``
and a database that other processes can open (a SQLite file or PostgreSQL), each worker process
opens its own store, assesses, stores the result in one transaction and returns the JSON text,
so the server process only speaks HTTP. ``nightlegs serve`` uses one worker per core; tests and
in-memory stores run in the server's thread pool. A worker exits by itself when the server
process ends, however it ends (``kill -9`` included).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from starlette.concurrency import run_in_threadpool

from nightlegs.diary.store import DiaryStore

__all__ = ["AssessmentWorkers", "assess_and_store"]

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


def _work(request: dict[str, Any]) -> str:
    if _worker_store is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("assessment worker started without a store")
    return assess_and_store(_worker_store, request)


def _ready() -> bool:
    return _worker_store is not None


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
        self._pool: Executor | None = None
        if processes > 0 and database_url and shared and ":memory:" not in database_url:
            self._pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(database_url,),
            )
            # Start every worker now rather than on the first requests.
            for future in [self._pool.submit(_ready) for _ in range(processes)]:
                future.result()

    @property
    def in_processes(self) -> bool:
        """Whether assessments run in worker processes."""
        return self._pool is not None

    async def run(self, request: dict[str, Any]) -> str:
        """Assess and store ``request``; return the result as JSON text."""
        if self._pool is None:
            return await run_in_threadpool(assess_and_store, self._store, request)
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(self._pool, _work, request)

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
