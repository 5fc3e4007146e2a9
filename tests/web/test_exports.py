"""Report (HTML, PDF), FHIR and CSV exports, and lossless import round trips through the API."""

from __future__ import annotations

from typing import Any

from _webtest import LOCAL, NIGHT
from fastapi.testclient import TestClient

from nightlegs.web import Settings, create_app


def _fill(client: TestClient) -> None:
    client.put("/api/profile", json={"age": 66, "sex": "male", "medicines": ["furosemide"]})
    client.post("/api/nights", json=NIGHT)
    client.post("/api/nights", json={**NIGHT, "date": "2025-03-02", "notes": 'a "quoted", note'})
    client.post("/api/nights", json={"date": "2025-03-03", "sleep_quality": 9})
    assert (
        client.post(
            "/api/assess", json={"text": "my calves cramp at night", "save": True}
        ).status_code
        == 200
    )


def _nights(client: TestClient) -> list[dict[str, Any]]:
    drop = {"id", "created_at", "updated_at"}
    return sorted(
        (
            {
                **{k: v for k, v in n.items() if k not in drop},
                "episodes": [{k: v for k, v in e.items() if k != "id"} for e in n["episodes"]],
            }
            for n in client.get("/api/nights").json()
        ),
        key=lambda n: n["date"],
    )


def test_report_html_and_pdf(client: TestClient) -> None:
    _fill(client)
    html = client.get("/api/report?format=html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "script-src" not in html.headers["content-security-policy"]
    assert "<html" in html.text.lower() and "furosemide" in html.text
    pdf = client.get("/api/report", params={"format": "pdf", "days": 90})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "attachment" in pdf.headers["content-disposition"]
    assert client.get("/api/report?format=docx").status_code == 422


def test_report_of_an_empty_diary(client: TestClient) -> None:
    assert client.get("/api/report").status_code == 200
    assert client.get("/api/report?format=pdf").content.startswith(b"%PDF")


def test_fhir_bundle(client: TestClient) -> None:
    _fill(client)
    response = client.get("/api/export/fhir")
    assert response.status_code == 200, response.text
    bundle = response.json()
    assert bundle["resourceType"] == "Bundle"
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Observation", "QuestionnaireResponse"} <= kinds
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)


def test_json_round_trip(client: TestClient) -> None:
    _fill(client)
    before = client.get("/api/export/json").json()
    nights = _nights(client)
    response = client.post("/api/import?replace=true", json=before)
    assert response.status_code == 200 and response.json() == {"imported": 3}
    assert client.get("/api/export/json").json() == before
    assert _nights(client) == nights
    again = client.post("/api/import", json=before)  # without replace: added to the diary
    assert again.json() == {"imported": 3} and len(client.get("/api/nights").json()) == 6


def test_csv_round_trip(client: TestClient) -> None:
    _fill(client)
    nights = _nights(client)
    csv = client.get("/api/export/csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("night,date,")
    response = client.post(
        "/api/import?replace=true", content=csv.content, headers={"Content-Type": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"imported": 3}
    assert _nights(client) == nights
    assert client.get("/api/export/csv").text == csv.text


def test_import_errors(client: TestClient) -> None:
    bad_json = client.post("/api/import", json={"format": "nightlegs-diary", "nights": [{}]})
    assert bad_json.status_code == 422
    assert ["body", "nights", 0, "date"] in [e["loc"] for e in bad_json.json()["detail"]]
    not_json = client.post(
        "/api/import", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 422
    bad_csv = client.post(
        "/api/import",
        content=b"date,kind\nnot-a-date,cramp\n",
        headers={"Content-Type": "text/csv"},
    )
    assert bad_csv.status_code == 400 and "line 2" in bad_csv.json()["detail"]
    xml = client.post("/api/import", content=b"<a/>", headers={"Content-Type": "application/xml"})
    assert xml.status_code == 415
    assert client.get("/api/nights").json() == []


def test_import_over_the_row_limit_gets_413_naming_the_limit(sqlite_url: str) -> None:
    app = create_app(Settings(database_url=sqlite_url, import_max_rows=3))
    csv = "date,kind,side,body_site,intensity\r\n" + "".join(
        f"2024-05-0{day},cramp,left,calf,5\r\n" for day in (1, 2)
    )  # two nights with one episode each: 4 rows
    with TestClient(app, base_url=LOCAL) as client:
        response = client.post("/api/import", content=csv, headers={"Content-Type": "text/csv"})
        assert response.status_code == 413
        detail = response.json()["detail"]
        assert "holds 4 rows" in detail and "limit of 3" in detail, detail
        nights = [{"date": "2024-05-01"}, {"date": "2024-05-02"}, {"date": "2024-05-03"}]
        over = client.post("/api/import", json={"format": "nightlegs-diary", "nights": nights * 2})
        assert over.status_code == 413 and "holds 6 rows" in over.json()["detail"]
        assert client.get("/api/nights").json() == []
        ok = client.post("/api/import", json={"format": "nightlegs-diary", "nights": nights})
        assert ok.json() == {"imported": 3}
