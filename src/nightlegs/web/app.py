"""The FastAPI application: ``create_app(settings)`` builds it; nothing happens at import.

The store is opened in the lifespan from ``settings.database_url`` (the default SQLite file when
``None``) and closed on shutdown, unless the caller passed its own ``store``, which it then owns.
Recordings are analysed on a one-thread worker pool that lives as long as the app, at most
``Settings.upload_queue`` at a time (waiting or running), from this server's upload folder.

Examples
--------
>>> from fastapi.testclient import TestClient
>>> from nightlegs.web import Settings, create_app
>>> app = create_app(Settings(database_url="sqlite://"))
>>> with TestClient(app, base_url="http://127.0.0.1:8000") as client:
...     client.get("/api/health").json()
{'status': 'ok'}
"""

from __future__ import annotations

import gc
import importlib.resources
import threading
import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

import nightlegs
from nightlegs.diary.store import DiaryStore
from nightlegs.web.auth import GuessThrottle, SessionStore
from nightlegs.web.docs import install_docs
from nightlegs.web.errors import install_error_handlers
from nightlegs.web.hosts import allowed_names
from nightlegs.web.login import router as login_router
from nightlegs.web.security import SecurityMiddleware, new_secret, verify_csrf
from nightlegs.web.settings import Settings
from nightlegs.web.spool import UploadSpool, default_upload_dir
from nightlegs.web.uploads import LeaseKeeper, fail_interrupted
from nightlegs.web.workers import AssessmentWorkers

__all__ = ["create_app", "open_settings_store"]

_DESCRIPTION = (
    "Night-time leg pain, cramps and restless legs: assessment, interview, knowledge base, "
    "night diary, recording analysis, report for the doctor and FHIR export. Information, not "
    "a diagnosis. When a token is configured every `/api` call needs "
    "`Authorization: Bearer <token>`; writes from a browser need the CSRF token."
)


def open_settings_store(settings: Settings) -> DiaryStore:
    """Open the store that ``settings`` names (the default SQLite file when it names none)."""
    from nightlegs.diary.storage import default_database_url, open_store

    return open_store(settings.database_url or default_database_url())


def _default_url() -> str:
    from nightlegs.diary.storage import default_database_url

    return default_database_url()


def _static_dir() -> Path | None:
    folder = importlib.resources.files("nightlegs.web") / "static"
    return Path(str(folder)) if folder.is_dir() else None


def _preload_report() -> None:
    """Load the report and chart modules (matplotlib among them) before the first request."""
    import nightlegs.report  # noqa: F401 - loaded for what it brings in, not used here


def create_app(
    settings: Settings | None = None, *, store: DiaryStore | None = None, preload: bool = False
) -> FastAPI:
    """Build the web app.

    Parameters
    ----------
    settings : Settings, optional
        ``Settings.from_env()`` when not given.
    store : DiaryStore, optional
        An open store to use (and leave open); by default one is opened from
        ``settings.database_url`` when the app starts and closed when it stops.
    preload : bool
        For a long-running server (``nightlegs serve``): load the report modules while the
        app starts, then move every object alive at that point out of the garbage
        collector's reach (:func:`gc.freeze`) until the app stops. A full collection
        otherwise walks the ~280,000 objects of the loaded libraries and knowledge base,
        which doubled the time of every other all-nights report (250 instead of 95 ms to
        read three years of nights).

    Returns
    -------
    FastAPI
        The pages at ``/``, the API under ``/api``, ``/openapi.json`` and an offline ``/docs``.
    """
    # Imported when an app is built, not at the top: the routers load the assessment engine,
    # which `import nightlegs.web` (for its Settings) does not need.
    from nightlegs.web.api import router as api_router
    from nightlegs.web.pages import router as pages_router

    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        # Loaded beside the workers' start-up, which is mostly spent waiting for them.
        preloading = threading.Thread(target=_preload_report, daemon=True) if preload else None
        if preloading is not None:
            preloading.start()
        opened = store
        if opened is None:
            opened = await run_in_threadpool(open_settings_store, settings)
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nightlegs-analysis")
        url = (settings.database_url or _default_url()) if settings.assess_processes else None
        workers = await run_in_threadpool(AssessmentWorkers, opened, url, settings.assess_processes)
        server_id = uuid.uuid4().hex
        spool = UploadSpool(settings.upload_dir or default_upload_dir(), server_id)
        app.state.store = opened
        app.state.executor = executor
        app.state.assessment_workers = workers
        app.state.spool = spool
        app.state.server_id = server_id
        app.state.analysis_slots = threading.BoundedSemaphore(settings.upload_queue)
        keeper = LeaseKeeper(opened, app.state.server_id)
        # Frozen only if nothing else in the process froze objects, and unfrozen on stop: the
        # process's collector is left as it was found.
        froze = preloading is not None and gc.get_freeze_count() == 0
        try:
            await run_in_threadpool(fail_interrupted, opened, spool.stopped_servers)
            if preloading is not None:
                await run_in_threadpool(preloading.join)
            if froze:
                gc.collect()
                gc.freeze()
            yield
        finally:
            if froze:
                gc.unfreeze()
            keeper.close()
            workers.stop_listening()  # on this thread, the event loop's
            await run_in_threadpool(workers.close)
            await run_in_threadpool(executor.shutdown, wait=True, cancel_futures=True)
            spool.close()
            if own:
                opened.close()

    app = FastAPI(
        title="nightlegs",
        version=nightlegs.__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    allowed_hosts = allowed_names(settings.host, settings.allowed_hosts)
    app.state.settings = settings
    app.state.csrf_secret = new_secret()
    app.state.allowed_hosts = allowed_hosts
    app.state.sessions = SessionStore(lifetime_s=settings.session_seconds)
    app.state.guess_throttle = GuessThrottle()
    app.add_middleware(
        SecurityMiddleware,  # type: ignore[arg-type]
        token=settings.token,
        max_upload_bytes=settings.max_upload_bytes,
        allowed_hosts=allowed_hosts,
        sessions=app.state.sessions,
        throttle=app.state.guess_throttle,
    )
    install_error_handlers(app)
    app.include_router(api_router, dependencies=[Depends(verify_csrf)])
    app.include_router(login_router)
    app.include_router(pages_router, dependencies=[Depends(verify_csrf)])
    static = _static_dir()
    if static is not None:
        app.mount("/static", StaticFiles(directory=static), name="static")
    install_docs(app)
    return app
