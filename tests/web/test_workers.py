"""Assessment worker processes: replies, errors, cancelled requests, a killed worker, shutdown.

``nightlegs serve`` assesses in worker processes that talk to the server over a pipe each. A
reply must always reach the request it answers, an error must arrive as its own type, and a
worker that dies must be replaced rather than leave the server without one.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing.resource_tracker
import os
import signal
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from nightlegs.diary import open_store
from nightlegs.diary.store import DiaryStore
from nightlegs.errors import NightlegsError
from nightlegs.web.workers import AssessmentWorkers

CRAMPS = {"text": "my calves cramp every night and go rock hard", "age": 68, "sex": "female"}
DVT = {"text": "my left calf is swollen, red and hot since the flight yesterday", "age": 55}


T = TypeVar("T")


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` on a thread of its own: other tests (the browser's) may leave an event
    loop running on this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module", autouse=True)
def _stop_resource_tracker() -> Iterator[None]:
    # Starting a "spawn" process starts multiprocessing's resource tracker, which lives as
    # long as the process that started it: here, the whole test run. Stopped after these tests
    # so the run leaves no process behind (the server's ends with the server).
    yield
    stop = getattr(multiprocessing.resource_tracker._resource_tracker, "_stop", None)
    if stop is not None:
        stop()


@pytest.fixture
def diary(tmp_path: Path) -> Iterator[tuple[DiaryStore, str]]:
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    store = open_store(url)
    try:
        yield store, url
    finally:
        store.close()


def test_replies_errors_and_cancelled_requests(diary: tuple[DiaryStore, str]) -> None:
    store, url = diary
    workers = AssessmentWorkers(store, url, processes=1)
    try:
        assert workers.in_processes

        async def scenario() -> tuple[dict, dict, dict, BaseException | None]:
            cramps = json.loads(await workers.run(dict(CRAMPS)))
            # A request abandoned while its worker is busy: its reply must not become the
            # answer to the next request that worker takes.
            abandoned = asyncio.create_task(workers.run(dict(CRAMPS)))
            await asyncio.sleep(0)
            abandoned.cancel()
            dvt = json.loads(await workers.run(dict(DVT)))
            saved = json.loads(await workers.run({**CRAMPS, "save": True}))
            error: BaseException | None = None
            try:
                await workers.run({**CRAMPS, "save": True, "person": 99})
            except BaseException as exc:  # the type is what is checked
                error = exc
            return cramps, dvt, saved, error

        cramps, dvt, saved, error = _run(scenario())
    finally:
        workers.close()
    assert cramps["triage"] in {"self_care", "doctor"}
    assert dvt["triage"] in {"urgent", "emergency"}, "the DVT request got another reply"
    assert saved["assessment_id"] == store.list_assessments()[0].id
    assert isinstance(error, NightlegsError) and "99" in str(error), repr(error)


def test_a_killed_worker_is_replaced_and_close_stops_all(diary: tuple[DiaryStore, str]) -> None:
    store, url = diary
    workers = AssessmentWorkers(store, url, processes=1)
    processes = [worker.process for worker in workers._workers]
    try:
        os.kill(processes[0].pid or 0, signal.SIGKILL)
        processes[0].join(timeout=10)

        async def scenario() -> tuple[BaseException | None, dict]:
            failed: BaseException | None = None
            try:
                await workers.run(dict(CRAMPS))
            except RuntimeError as exc:
                failed = exc
            return failed, json.loads(await workers.run(dict(CRAMPS)))

        failed, after = _run(scenario())
        processes += [worker.process for worker in workers._workers]
    finally:
        workers.close()
    assert failed is not None and "restarted" in str(failed)
    assert after["triage"] in {"self_care", "doctor"}
    assert len({p.pid for p in processes}) == 2  # the dead one and its replacement
    assert not any(p.is_alive() for p in processes)


def test_in_memory_store_assesses_in_this_process() -> None:
    with open_store("sqlite://") as store:
        workers = AssessmentWorkers(store, "sqlite://", processes=2)
        assert not workers.in_processes
        reply = json.loads(_run(workers.run(dict(CRAMPS))))
        workers.close()
    assert reply["triage"] in {"self_care", "doctor"}


def test_pipelined_requests_each_get_their_own_reply(diary: tuple[DiaryStore, str]) -> None:
    """A worker holds up to PIPELINE_DEPTH requests; many at once, told apart by their
    texts, must each get the reply the assessment gives them alone."""
    from nightlegs.assessment import assess

    store, url = diary
    requests = [dict(CRAMPS), dict(DVT), {"text": "my 7 year old's shins ache at night"}] * 4
    workers = AssessmentWorkers(store, url, processes=1)
    try:

        async def scenario() -> list[dict[str, Any]]:
            replies = await asyncio.gather(*(workers.run(dict(r)) for r in requests))
            return [json.loads(reply) for reply in replies]

        replies = _run(scenario())
    finally:
        workers.close()
    for request, reply in zip(requests, replies, strict=True):
        alone = assess(request["text"], age=request.get("age"), sex=request.get("sex"))
        assert reply["triage"] == alone.triage.value, request["text"]
        assert reply["conditions"][0]["id"] == alone.conditions[0].id, request["text"]


def test_requests_waiting_on_a_killed_worker_fail_and_one_replacement_answers(
    diary: tuple[DiaryStore, str],
) -> None:
    store, url = diary
    workers = AssessmentWorkers(store, url, processes=1)
    first = workers._workers[0].process
    try:

        async def scenario() -> tuple[list[BaseException | str], dict[str, Any]]:
            waiting = [asyncio.create_task(workers.run(dict(CRAMPS))) for _ in range(2)]
            for _ in range(100):  # until both are sent: one being assessed, one in the pipe
                if len(workers._workers[0].waiting) == 2:
                    break
                await asyncio.sleep(0)
            assert len(workers._workers[0].waiting) == 2
            os.kill(first.pid or 0, signal.SIGKILL)
            outcomes = await asyncio.gather(*waiting, return_exceptions=True)
            return list(outcomes), json.loads(await workers.run(dict(DVT)))

        outcomes, after = _run(scenario())
        replacements = [worker.process for worker in workers._workers]
    finally:
        workers.close()
    # Killed while busy with one and holding the next: both fail with a clear message, and
    # one replacement (not one per request) answers what comes after.
    assert all(isinstance(o, RuntimeError) and "restarted" in str(o) for o in outcomes), outcomes
    assert after["triage"] in {"urgent", "emergency"}
    assert len(replacements) == 1 and replacements[0].pid != first.pid
    assert not first.is_alive() and not replacements[0].is_alive()
