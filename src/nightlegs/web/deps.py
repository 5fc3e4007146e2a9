"""Dependencies shared by the routes, as ``Annotated`` aliases (one place to change them).

Examples
--------
>>> from nightlegs.web.deps import StoreDep
>>> def list_nights(store: StoreDep) -> None: ...
"""

from __future__ import annotations

from concurrent.futures import Executor
from typing import Annotated, cast

from fastapi import Depends, Query, Request

from nightlegs.diary.store import DiaryStore
from nightlegs.web.settings import Settings
from nightlegs.web.workers import AssessmentWorkers

# The getters are ``async`` although they only read the app's state: FastAPI runs a plain
# function dependency in its thread pool, a thread hand-off per dependency per request that
# cost more server CPU than the rest of a request's routing.

__all__ = [
    "ExecutorDep",
    "PersonQuery",
    "SettingsDep",
    "StoreDep",
    "WorkersDep",
    "get_assessment_workers",
    "get_executor",
    "get_settings",
    "get_store",
]


async def get_store(request: Request) -> DiaryStore:
    """The diary store opened by the app's lifespan."""
    return cast(DiaryStore, request.app.state.store)


async def get_settings(request: Request) -> Settings:
    """The settings the app was made with."""
    return cast(Settings, request.app.state.settings)


async def get_executor(request: Request) -> Executor:
    """The worker pool that analyses uploaded recordings."""
    return cast(Executor, request.app.state.executor)


async def get_assessment_workers(request: Request) -> AssessmentWorkers:
    """Where assessments run (worker processes or this process)."""
    return cast(AssessmentWorkers, request.app.state.assessment_workers)


StoreDep = Annotated[DiaryStore, Depends(get_store)]
#: ``?person={id}`` on a diary route: whose data (the default person when left out).
PersonQuery = Annotated[
    int | None,
    Query(
        ge=1,
        le=2_147_483_647,
        description="Whose diary (an id from GET /api/people); the default person when left out.",
    ),
]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ExecutorDep = Annotated[Executor, Depends(get_executor)]
WorkersDep = Annotated[AssessmentWorkers, Depends(get_assessment_workers)]
