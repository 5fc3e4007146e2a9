"""The report for the doctor, the FHIR R4 export, and the diary's CSV/JSON export and import."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from nightlegs.diary.schemas import DiaryExport
from nightlegs.web.api.models import ImportResult
from nightlegs.web.deps import PersonQuery, SettingsDep, StoreDep

__all__ = ["router"]

router = APIRouter(tags=["report and export"])

#: The report may carry its own inline styles and images, never scripts.
_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_ATTACHMENT = "attachment; filename={}"


@router.get(
    "/report",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
)
def report(
    store: StoreDep,
    person: PersonQuery = None,
    format: Annotated[Literal["html", "pdf"], Query()] = "html",
    days: Annotated[
        int, Query(ge=0, le=3660, description="The last n days; 0 for all nights.")
    ] = 30,
) -> Response:
    """A person's report for the doctor, as HTML (to view) or PDF (a download), of the last
    ``days`` (``days=0``: every night)."""
    from nightlegs.report import build_report_data, render_report_html, render_report_pdf

    data = build_report_data(store, days=days, person=person)
    headers = {"Content-Security-Policy": _REPORT_CSP, "Cache-Control": "no-store"}
    if format == "pdf":
        headers["Content-Disposition"] = _ATTACHMENT.format("nightlegs-report.pdf")
        return Response(render_report_pdf(data), media_type="application/pdf", headers=headers)
    return Response(render_report_html(data), media_type="text/html", headers=headers)


@router.get("/export/fhir", response_class=JSONResponse)
def export_fhir(store: StoreDep, person: PersonQuery = None) -> JSONResponse:
    """A FHIR R4 Bundle of a person's diary, assessments and recording analyses."""
    from nightlegs.report import build_fhir_bundle

    return JSONResponse(
        build_fhir_bundle(store, person=person),
        media_type="application/fhir+json",
        headers={"Content-Disposition": _ATTACHMENT.format("nightlegs-fhir.json")},
    )


@router.get("/export/csv", response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def export_csv(store: StoreDep, person: PersonQuery = None) -> Response:
    """A person's nights as CSV (one row per episode; nights without episodes have one row)."""
    from nightlegs.diary.csv_io import export_csv as to_csv

    return Response(
        to_csv(store, person=person),
        media_type="text/csv",
        headers={"Content-Disposition": _ATTACHMENT.format("nightlegs-diary.csv")},
    )


@router.get("/export/json", response_model=DiaryExport)
def export_json(store: StoreDep, person: PersonQuery = None) -> DiaryExport:
    """A person's profile and nights as JSON, for ``POST /api/import``."""
    return store.export_diary(person=person)


@router.post(
    "/import",
    response_model=ImportResult,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/DiaryExport"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    },
)
async def import_diary(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    person: PersonQuery = None,
    replace: Annotated[
        bool, Query(description="Delete the person's nights and profile first.")
    ] = False,
) -> dict[str, Any]:
    """Import into a person's diary: JSON from ``GET /api/export/json`` or CSV from
    ``GET /api/export/csv``.

    The content type says which. With ``replace=true`` the person's nights (and, for JSON, the
    profile) are replaced; other people are never touched. All or
    nothing; other writes go on while it is staged. More than ``NIGHTLEGS_IMPORT_MAX_ROWS``
    nights plus episodes (200,000) gets 413.
    """
    max_rows = settings.import_max_rows
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media_type == "text/csv":
        from nightlegs.diary.csv_io import import_csv

        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise HTTPException(400, "CSV: expected UTF-8 text") from None
        count = await run_in_threadpool(
            import_csv, store, text, person=person, replace=replace, max_rows=max_rows
        )
        return {"imported": count}
    if media_type != "application/json":
        raise HTTPException(415, "expected application/json or text/csv")
    try:
        data = DiaryExport.model_validate_json(body)
    except ValidationError as exc:
        errors = [
            {"type": e["type"], "loc": ("body", *e["loc"]), "msg": e["msg"]}
            for e in exc.errors(include_url=False, include_input=False, include_context=False)
        ]
        raise RequestValidationError(errors) from None
    count = await run_in_threadpool(
        store.import_diary, data, person=person, replace=replace, max_rows=max_rows
    )
    return {"imported": count}
