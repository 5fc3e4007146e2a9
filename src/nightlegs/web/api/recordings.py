"""``POST /api/recordings`` (multipart upload), ``GET /api/recordings[/{id}]``,
``GET /api/recordings/{id}/plot.png``, ``PUT /api/recordings/{id}/night`` and
``DELETE /api/recordings/{id}``."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Request, Response, UploadFile
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool

from nightlegs.diary.schemas import RecordingRecord
from nightlegs.diary.store import DiaryStore
from nightlegs.web.api.models import RecordingNightIn, RecordingPublic
from nightlegs.web.deps import ExecutorDep, PersonQuery, SettingsDep, StoreDep
from nightlegs.web.spool import UploadSpool
from nightlegs.web.uploads import LEASE_S, analyse_recording, save_upload

__all__ = ["plot_png", "public", "router"]

router = APIRouter(prefix="/recordings", tags=["recordings"])

RecordingId = Annotated[int, PathParam(ge=1, le=2_147_483_647)]


def public(record: RecordingRecord) -> dict[str, Any]:
    """The API view of a stored recording (analysis: docs/json-contract.md section 3)."""
    analysis = None
    if record.status == "done" and record.summary is not None:
        analysis = {**record.summary, "events": list(record.events or [])}
    return {
        "id": record.id,
        "person_id": record.person_id,
        "filename": record.filename,
        "size_bytes": record.size_bytes,
        "status": record.status,
        "created_at": record.created_at,
        "error": record.error,
        "analysis": analysis,
        "night": (
            None if record.night_id is None else {"id": record.night_id, "date": record.night_date}
        ),
    }


@router.post("", response_model=RecordingPublic, status_code=202)
async def upload_recording(
    request: Request,
    file: Annotated[UploadFile, File(description="EDF/EDF+, BDF, accelerometer CSV or .cwa")],
    store: StoreDep,
    settings: SettingsDep,
    executor: ExecutorDep,
    person: PersonQuery = None,
) -> dict[str, Any]:
    """Upload a recording; it is analysed in the background (poll ``GET /api/recordings/{id}``).

    Multipart form with the file in ``file``; needs the CSRF token (``X-CSRF-Token`` header or a
    ``csrf_token`` field) unless sent with the bearer token. 413 when too large, 415 when not an
    accepted type, 503 (with ``Retry-After``) while ``Settings.upload_queue`` recordings are
    already waiting or being analysed.
    """
    await run_in_threadpool(store.get_person, person)  # an unknown person is a 404 first
    slots: threading.BoundedSemaphore = request.app.state.analysis_slots
    if not slots.acquire(blocking=False):
        raise HTTPException(
            503,
            f"busy: {settings.upload_queue} recordings are waiting or being analysed; "
            "try again in a minute",
            headers={"Retry-After": "60"},
        )
    try:
        spool: UploadSpool = request.app.state.spool
        path, filename, size = await save_upload(file, settings.max_upload_bytes, spool)
        try:
            record = await run_in_threadpool(
                store.create_recording,
                filename,
                size,
                person=person,
                owner=request.app.state.server_id,
                lease_s=LEASE_S,
            )
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        executor.submit(_analyse_then_release, slots, store, record.id, path, filename)
    except BaseException:
        slots.release()
        raise
    return public(record)


def _analyse_then_release(
    slots: threading.BoundedSemaphore, store: DiaryStore, recording_id: int, path: Path, name: str
) -> None:
    try:
        analyse_recording(store, recording_id, path, name)
    finally:
        slots.release()


@router.get("", response_model=list[RecordingPublic])
def list_recordings(store: StoreDep, person: PersonQuery = None) -> list[dict[str, Any]]:
    """A person's uploaded recordings with their status (and analysis when done)."""
    return [public(r) for r in store.list_recordings(person=person)]


@router.get("/{recording_id}", response_model=RecordingPublic)
def get_recording(
    recording_id: RecordingId, store: StoreDep, person: PersonQuery = None
) -> dict[str, Any]:
    """A recording's status (``pending``, ``running``, ``done``, ``failed``), then its analysis."""
    return public(store.get_recording(recording_id, person=person))


_PNG: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/png": {}}, "description": "The plot as a PNG image."}
}


@router.get("/{recording_id}/plot.png", response_class=Response, responses=_PNG)
def recording_plot(
    recording_id: RecordingId, store: StoreDep, person: PersonQuery = None
) -> Response:
    """The analysis as a picture: each leg movement over the night and movements per hour with
    the article's bands shaded (PNG, drawn on this computer); 409 while not analysed."""
    record = store.get_recording(recording_id, person=person)
    if record.status != "done" or record.summary is None:
        raise HTTPException(409, f"recording {recording_id}: the analysis is not done yet")
    return Response(
        plot_png(record.summary, record.events or []),
        media_type="image/png",
        headers={"Cache-Control": "no-store"},
    )


def plot_png(summary: dict[str, Any], events: list[dict[str, Any]]) -> bytes:
    """The PNG of a stored analysis (:func:`nightlegs.movement.plot.plot_events`).

    Examples
    --------
    >>> plot_png({"recording_hours": 1.0}, [])[:4]
    b'\\x89PNG'
    """
    from nightlegs.movement.plot import plot_events

    index, of = summary.get("plms_index"), "sleep (PLMS index)"
    if summary.get("index_basis") != "sleep":
        index, of = summary.get("plm_index"), "recording"
    value = "not available" if index is None else f"{index:g}"
    title = (
        f"Periodic leg movements per hour of {of}: {value}. Clinical reading: "
        f"{summary.get('severity_clinical') or 'not available'}; "
        f"the article's band: {summary.get('severity_article') or 'not available'}"
    )
    figure = plot_events(events, float(summary.get("recording_hours") or 0.0), title)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=80)
    return out.getvalue()


@router.put("/{recording_id}/night", response_model=RecordingPublic)
def set_recording_night(
    recording_id: RecordingId, body: RecordingNightIn, store: StoreDep, person: PersonQuery = None
) -> dict[str, Any]:
    """Put an analysed recording on the night of ``date`` (made if missing).

    Its measured movements per hour leave the night they were on; 400 while the analysis is
    not done.
    """
    return public(store.set_recording_night(recording_id, body.date, person=person))


@router.delete("/{recording_id}", status_code=204, response_class=Response)
def delete_recording(
    recording_id: RecordingId, store: StoreDep, person: PersonQuery = None
) -> Response:
    """Delete a recording; the measured values it put on its night are cleared."""
    store.delete_recording(recording_id, person=person)
    return Response(status_code=204)
