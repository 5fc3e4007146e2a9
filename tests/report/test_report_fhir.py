"""FHIR R4 export: a valid R4B Bundle, UCUM /h, provisional/differential only, stable ids."""

from __future__ import annotations

import json
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from report_fakes import MemoryStore

from nightlegs.report import build_fhir_bundle
from nightlegs.report.fhir import LOCAL_SYSTEM


def _of(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _coded(resource: dict[str, Any], code: str) -> bool:
    return any(c.get("code") == code for c in resource["code"].get("coding", []))


def test_whole_bundle_validates(diary: MemoryStore) -> None:
    bundle = build_fhir_bundle(diary)
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert bundle["resourceType"] == "Bundle" and bundle["entry"]
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert all(u.startswith("urn:uuid:") for u in urls) and len(set(urls)) == len(urls)
    for e in bundle["entry"]:
        assert e["fullUrl"] == f"urn:uuid:{e['resource']['id']}"
    # every reference points at an entry of the bundle
    text = json.dumps(bundle)
    refs = {part.split('"')[0] for part in text.split('"reference": "')[1:]}
    assert refs <= set(urls)


def test_patient(diary: MemoryStore) -> None:
    [patient] = _of(build_fhir_bundle(diary), "Patient")
    assert patient["gender"] == "female" and "name" not in patient
    assert patient["extension"][0]["valueAge"]["value"] == 70


def test_movements_per_hour_in_ucum(diary: MemoryStore) -> None:
    observations = _of(build_fhir_bundle(diary), "Observation")
    moves = [o for o in observations if _coded(o, "movements-per-hour")]
    entered = [n for n in diary.nights.values() if n.movements_per_hour is not None]
    assert len(moves) == len(entered) > 0
    for o in moves:
        q = o["valueQuantity"]
        assert (q["unit"], q["system"], q["code"]) == ("/h", "http://unitsofmeasure.org", "/h")
        assert o["code"]["coding"][0]["system"] == LOCAL_SYSTEM
    [plms] = [o for o in observations if _coded(o, "plms-index")]
    assert plms["valueQuantity"]["value"] == 28.0 and plms["valueQuantity"]["code"] == "/h"
    assert plms["interpretation"][0]["coding"][0]["code"] == "A"
    assert any(_coded(o, "sleep-quality") for o in observations)
    intensities = [o for o in observations if _coded(o, "episode-intensity")]
    assert len(intensities) == sum(len(n.episodes) for n in diary.nights.values())


def test_questionnaire_response_and_scores(diary: MemoryStore) -> None:
    bundle = build_fhir_bundle(diary)
    questionnaires = _of(bundle, "Questionnaire")
    responses = _of(bundle, "QuestionnaireResponse")
    assert len(questionnaires) == len(responses) == len(diary.assessments)
    latest = diary.assessments[-1]
    response = next(r for r in responses if r["questionnaire"].endswith(f"-{latest.id}"))
    answers = {i["linkId"]: i["answer"][0]["valueBoolean"] for i in response["item"]}
    assert answers["urge_to_move"] is True
    scores = [o for o in _of(bundle, "Observation") if _coded(o, "irlssg")]
    assert scores and scores[-1]["category"][0]["coding"][0]["code"] == "survey"
    response_urls = {
        e["fullUrl"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
    }
    assert all(s["derivedFrom"][0]["reference"] in response_urls for s in scores)


def test_conditions_never_confirmed(diary: MemoryStore) -> None:
    bundle = build_fhir_bundle(diary)
    conditions = _of(bundle, "Condition")
    statuses = [c["verificationStatus"]["coding"][0]["code"] for c in conditions]
    assert statuses[0] == "provisional" and set(statuses[1:]) <= {"differential"}
    assert "confirmed" not in json.dumps(bundle)
    top = conditions[0]["code"]["coding"]
    systems = {c["system"]: c["code"] for c in top}
    assert systems["http://snomed.info/sct"] == "32914008"
    assert systems["http://hl7.org/fhir/sid/icd-10"] == "G25.8"


def test_deterministic(diary: MemoryStore) -> None:
    assert build_fhir_bundle(diary) == build_fhir_bundle(diary)


def test_empty_diary(empty_store: MemoryStore) -> None:
    bundle = build_fhir_bundle(empty_store)
    Bundle.model_validate(bundle)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]
