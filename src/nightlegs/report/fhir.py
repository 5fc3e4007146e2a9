"""FHIR R4 export of the diary, the stored assessments and the recording analyses.

Follows the "FHIR R4 conventions for export" of CLINICAL-REFERENCE.md: Questionnaire and
QuestionnaireResponse for the answers, Observation (category survey) for instrument scores with
``derivedFrom`` the response, Observations for the diary (sleep quality, episode intensity,
movements per hour in UCUM ``/h`` under a local CodeSystem since no LOINC code exists) and for
recordings' PLMS index, and Condition with verificationStatus ``provisional`` (the most likely
cause) or ``differential`` (the others), never ``confirmed``.

Each resource is validated by building it with the ``fhir.resources.R4B`` models (R4B is wire
compatible with R4; the package's default is R5). Ids are UUID 5 of the record they come from,
so the same diary always exports the same Bundle.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from nightlegs.diary.schemas import AssessmentRecord, Night, Person, Profile, RecordingRecord
from nightlegs.diary.store import DiaryStore
from nightlegs.report.data import is_child, recording_grade

__all__ = ["LOCAL_SYSTEM", "MAX_CONDITIONS", "build_fhir_bundle"]

#: The local CodeSystem for what has no LOINC or SNOMED code (movements per hour, PLM index).
LOCAL_SYSTEM = "https://nightlegs.example/fhir/CodeSystem/nightlegs"
_BASE = "https://nightlegs.example/fhir"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, _BASE)
_UCUM = "http://unitsofmeasure.org"
_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
_ICD10 = "http://hl7.org/fhir/sid/icd-10"
_SNOMED = "http://snomed.info/sct"
#: Conditions of the latest assessment exported (the first provisional, the others differential).
MAX_CONDITIONS = 5
_MIN_PROBABILITY = 0.01

_Entry = tuple[str, dict[str, Any]]  # (fullUrl, resource JSON)


def _urn(*key: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '/'.join(map(str, key)))}"


def _ref(urn: str) -> dict[str, str]:
    return {"reference": urn}


def _local(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": LOCAL_SYSTEM, "code": code, "display": display}], "text": display}


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": _CATEGORY, "code": code}]}]


def _per_hour(value: float) -> dict[str, Any]:
    return {"value": round(value, 2), "unit": "/h", "system": _UCUM, "code": "/h"}


def _instant(value: dt.datetime) -> str:
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()


def _entry(model: Any, urn: str, resource: dict[str, Any]) -> _Entry:
    """Validate ``resource`` with its R4B model and return it as JSON with its fullUrl."""
    resource["id"] = urn.removeprefix("urn:uuid:")
    return urn, model.model_validate(resource).model_dump(mode="json")


def _patient(person: Person, profile: Profile | None, patient: str) -> _Entry:
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "active": True,
        # The diary's person id, never their name: the export may leave the device.
        "identifier": [{"system": f"{_BASE}/person", "value": str(person.id)}],
    }
    if profile is not None and profile.birth_year is not None:
        resource["birthDate"] = str(profile.birth_year)
    if profile is not None and profile.sex:
        resource["gender"] = profile.sex
    if profile is not None and profile.age is not None:
        resource["extension"] = [
            {
                "url": f"{_BASE}/StructureDefinition/age",
                "valueAge": {
                    "value": profile.age,
                    "unit": "years",
                    "system": _UCUM,
                    "code": "a",
                },
            }
        ]
    return _entry(Patient, patient, resource)


def _observation(
    urn: str,
    patient: str,
    code: dict[str, Any],
    category: str,
    effective: str,
    **fields: Any,
) -> _Entry:
    resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category(category),
        "code": code,
        "subject": _ref(patient),
        "effectiveDateTime": effective,
        **fields,
    }
    return _entry(Observation, urn, resource)


def _night_entries(night: Night, patient: str) -> Iterable[_Entry]:
    day = night.date.isoformat()
    if night.sleep_quality is not None:
        yield _observation(
            _urn("night", night.id, "sleep-quality"),
            patient,
            _local("sleep-quality", "Sleep quality (0-10, self-rated)"),
            "survey",
            day,
            valueInteger=night.sleep_quality,
        )
    if night.movements_per_hour is not None:
        from_recording = night.movements_source == "recording"
        yield _observation(
            _urn("night", night.id, "movements-per-hour"),
            patient,
            _local("movements-per-hour", "Leg movements per hour"),
            "procedure" if from_recording else "survey",
            day,
            valueQuantity=_per_hour(night.movements_per_hour),
            method={
                "text": (
                    f"measured: PLMS (or PLM) index of analysed recording {night.recording_id}"
                    if from_recording
                    else "typed in by the person"
                )
            },
        )
    for e in night.episodes:
        components = [
            {"code": _local("episode-kind", "Kind of episode"), "valueString": e.kind},
            {"code": _local("episode-side", "Side"), "valueString": e.side},
        ]
        if e.time:  # local clock time without a zone: FHIR dateTime needs one, so a component
            components.append(
                {
                    "code": _local("episode-time", "Clock time (local)"),
                    "valueTime": e.time.isoformat(timespec="seconds"),
                }
            )
        if e.helped:
            components.append(
                {"code": _local("what-helped", "What helped"), "valueString": e.helped}
            )
        yield _observation(
            _urn("night", night.id, "episode", e.id),
            patient,
            _local("episode-intensity", "Intensity of a night-time leg episode (0-10)"),
            "survey",
            day,
            valueInteger=e.intensity,
            bodySite={"text": e.body_site},
            component=components,
        )


def _assessment_entries(record: AssessmentRecord, patient: str) -> Iterable[_Entry]:
    result = record.result
    authored = _instant(record.created_at)
    unique = {f.id: f for f in result.findings}
    findings = list(unique.values())  # linkIds are unique; the last mention wins
    questionnaire = _urn("assessment", record.id, "questionnaire")
    canonical = f"{_BASE}/Questionnaire/assessment-{record.id}"
    yield _entry(
        Questionnaire,
        questionnaire,
        {
            "resourceType": "Questionnaire",
            "url": canonical,
            "version": record.kb_version,
            "name": f"NightlegsAssessment{record.id}",
            "title": "Night-time leg symptoms: findings of an assessment",
            "status": "active",
            "subjectType": ["Patient"],
            "item": [{"linkId": f.id, "text": f.label, "type": "boolean"} for f in findings],
        },
    )
    response = _urn("assessment", record.id, "response")
    yield _entry(
        QuestionnaireResponse,
        response,
        {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": canonical,
            "status": "completed",
            "subject": _ref(patient),
            "source": _ref(patient),
            "authored": authored,
            "item": [
                {"linkId": f.id, "text": f.label, "answer": [{"valueBoolean": f.present}]}
                for f in findings
            ],
        },
    )
    for inst in result.instruments:
        score = inst.score
        value: dict[str, Any]
        if score is None:
            value = {"valueString": inst.reading}
        elif inst.id == "movement_severity":
            value = {"valueQuantity": _per_hour(float(score))}
        else:
            value = {"valueQuantity": {"value": score}}
        components = [{"code": {"text": c.name}, "valueString": c.status} for c in inst.criteria]
        yield _observation(
            _urn("assessment", record.id, "instrument", inst.id),
            patient,
            _local(inst.id, inst.name or inst.id),
            "survey",
            authored,
            derivedFrom=[_ref(response)],
            note=[{"text": inst.reading}] if score is not None else None,
            component=components or None,
            **value,
        )


def _condition_entries(record: AssessmentRecord, patient: str) -> Iterable[_Entry]:
    response = _urn("assessment", record.id, "response")
    conditions = [c for c in record.result.conditions if c.probability >= _MIN_PROBABILITY][
        :MAX_CONDITIONS
    ]
    for rank, c in enumerate(conditions):
        status = "provisional" if rank == 0 else "differential"
        codings = [{"system": LOCAL_SYSTEM, "code": c.id, "display": c.name}]
        codings += [{"system": _ICD10, "code": code} for code in c.icd10]
        codings += [{"system": _SNOMED, "code": code} for code in c.snomed]
        yield _entry(
            Condition,
            _urn("assessment", record.id, "condition", c.id),
            {
                "resourceType": "Condition",
                "verificationStatus": {
                    "coding": [{"system": _VER_STATUS, "code": status}],
                    "text": status,
                },
                "code": {"coding": codings, "text": c.name},
                "subject": _ref(patient),
                "recordedDate": _instant(record.created_at),
                "evidence": [{"detail": [_ref(response)]}],
                "note": [
                    {
                        "text": f"Estimated probability {c.probability:.0%} from "
                        "self-reported findings (nightlegs, knowledge base "
                        f"{record.kb_version}): information, not a diagnosis."
                    }
                ],
            },
        )


def _recording_entries(record: RecordingRecord, patient: str, *, child: bool) -> Iterable[_Entry]:
    s = record.summary or {}
    plms, plm = s.get("plms_index"), s.get("plm_index")
    basis = plms if plms is not None else plm
    if basis is None:
        return
    main = float(basis)
    if plms is not None:
        code, name = "plms-index", "Periodic limb movements in sleep per hour of sleep (PLMS index)"
    else:
        code, name = "plm-index", "Periodic limb movements per hour of recording (PLM index)"
    components: list[dict[str, Any]] = [
        {"code": _local(key.replace("_", "-"), label), "valueQuantity": _per_hour(float(v))}
        for key, label in (
            ("plm_index", "PLM index"),
            ("lm_index", "Leg movement index"),
            ("plmw_index", "PLMW index"),
        )
        if (v := s.get(key)) is not None and key != code.replace("-", "_")
    ]
    grade = recording_grade(s, child=child)
    fields: dict[str, Any] = {}
    if grade is not None:
        components.append(
            {
                "code": _local("severity-article", "Article band (not a validated scale)"),
                "valueString": grade.article,
            }
        )
    if grade is not None and grade.clinical != "not available":
        fields["interpretation"] = [
            {
                "coding": [
                    {"system": _INTERPRETATION, "code": "N" if grade.clinical == "normal" else "A"}
                ],
                "text": f"{grade.clinical}, {grade.clinical_band}",
            }
        ]
    yield _observation(
        _urn("recording", record.id, code),
        patient,
        _local(code, name),
        "procedure",
        _instant(record.created_at),
        valueQuantity=_per_hour(main),
        component=components or None,
        device={"display": record.filename},
        **fields,
    )


def build_fhir_bundle(store: DiaryStore, *, person: int | None = None) -> dict[str, Any]:
    """Export one person's diary as a FHIR R4 Bundle of type ``collection``.

    Parameters
    ----------
    store : DiaryStore
        The diary: people, nights with episodes, stored assessments and recordings.
    person : int, optional
        Whose diary (the default person when ``None``): the Bundle has one Patient, them.

    Returns
    -------
    dict
        The Bundle as JSON: a Patient (birth year, sex, age; no name); per night Observations
        of sleep quality, movements per hour (UCUM ``/h``) and episode intensity; per
        assessment a Questionnaire, its QuestionnaireResponse and survey Observations of the
        instruments; Conditions of the latest assessment (provisional or differential); the
        recordings' PLMS index. fullUrls are ``urn:uuid:`` UUID 5 values, stable across exports.

    Examples
    --------
    >>> from nightlegs.diary.storage import open_store
    >>> bundle = build_fhir_bundle(open_store("sqlite://"))
    >>> bundle["resourceType"], bundle["type"]
    ('Bundle', 'collection')
    """
    who = store.get_person(person)
    profile = store.get_profile(person=who.id)
    patient = _urn("patient", who.id)
    entries = [_patient(who, profile, patient)]
    stamps = [profile.updated_at] if profile else []
    child = is_child(profile, dt.datetime.now(dt.UTC).date())
    nights = store.list_nights(person=who.id, limit=100_000)
    for night in sorted(nights, key=lambda n: (n.date, n.id)):
        entries += _night_entries(night, patient)
        stamps.append(night.updated_at)
    assessments = sorted(
        store.list_assessments(person=who.id, limit=100_000), key=lambda a: (a.created_at, a.id)
    )
    for record in assessments:
        entries += _assessment_entries(record, patient)
        stamps.append(record.created_at)
    latest = store.latest_assessment(person=who.id)
    if latest is not None:
        entries += _condition_entries(latest, patient)
    for rec in sorted(store.list_recordings(person=who.id), key=lambda r: r.id):
        if rec.status == "done":
            entries += _recording_entries(rec, patient, child=child)
            stamps.append(rec.created_at)
    body = [{"fullUrl": url, "resource": resource} for url, resource in entries]
    digest = json.dumps(body, sort_keys=True, separators=(",", ":"))
    bundle: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_NAMESPACE, digest)),
        "type": "collection",
        "entry": body,
    }
    if stamps:
        bundle["timestamp"] = _instant(max(_instant_dt(s) for s in stamps))
    result: dict[str, Any] = Bundle.model_validate(bundle).model_dump(mode="json")
    return result


def _instant_dt(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
