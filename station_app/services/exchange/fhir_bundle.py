"""The FHIR R4 payload of an export batch: a ``Bundle`` of type ``collection`` (mapping in docs/batch-format.md).

Resources are plain JSON dicts built from the station's rows; the tests validate every one with the R4B models of
``fhir.resources``. Ids are the station's UUIDv7 ids, so the office merges by them; a resource made from the same
row as another (the ServiceRequest of a conclusion, the Communication of a visit's counselling) gets a UUIDv5
derived from it, stable from batch to batch. Every ``fullUrl`` is ``urn:uuid:<id>`` and references use it.

A batch carrying one part of a visit (vital signs, findings …) carries that part's whole current set, with the
visit's Encounter and the resident's Patient; the office replaces the visit's earlier set of that part. The visit's
PL01 answers (QĐ 1551) are such a part: one Observation per answer, coded in LOINC where the field's ``fhir`` column
names a LOINC code and always in the local PL01 code system; a laboratory row is one Observation with a component
per field of the row.
"""
from __future__ import annotations

import base64

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from station_app.core import vitals as rules
from station_app.core.checkup_book import HISTORY_ITEMS, SPECIALTY_LABELS, TOPIC_LABELS
from station_app.core.model import MeasureCode, Specialty, TARGET_GROUP_LABELS, TargetGroup
from station_app.core.pl01 import LOCAL_SYSTEM as SYS_PL01
from station_app.core.pl01 import completed_months, school_grade
from station_app.core.pl01_reception import target_group_code

NS = "urn:station-app"  # the project's own systems, until the Ministry publishes national ones
SYS_CCCD = f"{NS}:id:cccd"  # số định danh cá nhân (12 digits, on the CCCD card)
SYS_CMND = f"{NS}:id:cmnd"  # the old 9-digit ID card number
SYS_BHYT = f"{NS}:id:bhyt"  # mã thẻ bảo hiểm y tế (15 characters)
SYS_USER = f"{NS}:id:user"  # a station user's id (UUIDv7)
SYS_SITE = f"{NS}:id:site"
SYS_STATION = f"{NS}:id:station"  # the station code
SYS_COMMUNE = f"{NS}:code:commune"  # mã đơn vị hành chính cấp xã (5 digits)
SYS_ETHNIC = f"{NS}:code:ethnic-group"  # danh mục 54 dân tộc (2 digits)
SYS_TARGET_GROUP = f"{NS}:code:target-group"
SYS_FUNDING = f"{NS}:code:funding-source"
SYS_LOCAL_OBS = f"{NS}:code:observation"  # vision, health classes, conclusion, history items
SYS_HEALTH_CLASS = f"{NS}:code:health-class"  # phân loại sức khỏe I–V
SYS_FLAG = f"{NS}:code:flag"  # the station's clinical flags, e.g. bp_grade.grade_2
SYS_TOPIC = f"{NS}:code:counselling-topic"
SYS_CONSENT_PURPOSE = f"{NS}:code:consent-purpose"
EXT_ETHNIC = f"{NS}:fhir:ethnic-group"
EXT_TARGET_GROUP = f"{NS}:fhir:target-group"
EXT_FUNDING = f"{NS}:fhir:funding-source"
EXT_COMMUNE = f"{NS}:fhir:commune-code"
EXT_AMENDMENT = f"{NS}:fhir:amendment-reason"
EXT_CAMPAIGN = f"{NS}:fhir:campaign"
# QĐ 1551 PL01 (docs/batch-format.md, "PL01 answers"): the field codes are SYS_PL01 (urn:station-app:code:pl01),
# the code list of field CODE is f"{SYS_PL01}:{CODE}"; a laboratory row is SYS_LOCAL_OBS "pl01-laboratory-row"
EXT_PL01_FORM = f"{NS}:fhir:pl01-form"  # Encounter: the visit's form number 1–17 (valuePositiveInt)
EXT_PL01_FORM_REASON = f"{NS}:fhir:pl01-form-reason"  # Encounter: why the doctor changed the form (valueString)
EXT_BEFORE_1551 = f"{NS}:fhir:before-1551"  # Encounter: recorded before the station knew QĐ 1551 (valueBoolean)
SYS_DOI_TUONG = f"{SYS_PL01}:DOI_TUONG"  # Encounter: EXT_TARGET_GROUP with the visit's one PL01 target-group code
LAB_ROW = "pl01-laboratory-row"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
_DERIVED = uuid.UUID("5f0c7a8e-2d7b-4f43-9a59-6b1f0e0c2026")  # namespace of the ids derived from a row's id

# LOINC code, display, UCUM unit, FHIR category
VITALS: dict[str, tuple[str, str, str, str]] = {
    MeasureCode.HEIGHT_CM: ("8302-2", "Body height", "cm", "vital-signs"),
    MeasureCode.WEIGHT_KG: ("29463-7", "Body weight", "kg", "vital-signs"),
    MeasureCode.BMI: ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "vital-signs"),
    MeasureCode.WAIST_CM: ("8280-0", "Waist Circumference at umbilicus by Tape measure", "cm", "vital-signs"),
    MeasureCode.PULSE: ("8867-4", "Heart rate", "/min", "vital-signs"),
    MeasureCode.TEMPERATURE_C: ("8310-5", "Body temperature", "Cel", "vital-signs"),
    MeasureCode.SPO2: ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "vital-signs"),
    MeasureCode.RESP_RATE: ("9279-1", "Respiratory rate", "/min", "vital-signs"),
    MeasureCode.GLUCOSE_MMOL: ("14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer", "mmol/L",
                               "laboratory"),
}
BP_PANEL = ("85354-9", "Blood pressure panel with all children optional")
SYSTOLIC = ("8480-6", "Systolic blood pressure")
DIASTOLIC = ("8462-4", "Diastolic blood pressure")
VISION = {MeasureCode.VISION_LEFT, MeasureCode.VISION_RIGHT, MeasureCode.VISION_LEFT_GLASSES,
          MeasureCode.VISION_RIGHT_GLASSES}
_LOW = {"underweight", "low"}
_NORMAL = {"normal", "optimal", "no"}
_PRIORITY = {"routine": "routine", "soon": "urgent", "urgent": "asap"}
_ROLES = {"ADM": "admitter", "SPRF": "secondary performer", "PPRF": "primary performer", "PART": "Participation"}
_ENCOUNTER_STATUS = {"registered": "planned", "in_progress": "in-progress", "completed": "finished",
                     "referred": "finished", "cancelled": "cancelled"}


@dataclass
class BundleSource:
    """What one batch carries, read in one transaction (rows of persistence.tables, used read-only)."""

    station_code: str
    station_name: str
    residents: Mapping[str, Any]
    target_groups: Mapping[str, list[str]]
    visits: Mapping[str, Any]  # visit id → persistence.outbox.VisitParts
    parts: Mapping[str, set[str]]  # visit id → the kinds of part to carry ("vitals", "findings" …)
    resident_only: Iterable[str]  # residents changed whose visits carry nothing this time
    sites: Mapping[str, Any]
    campaigns: Mapping[str, Any]
    users: Mapping[str, str]
    reasons: Mapping[tuple[str, str, int], str] = field(default_factory=dict)
    ethnic_names: Mapping[str, str] = field(default_factory=dict)
    forms: Mapping[str, Any] = field(default_factory=dict)  # visit id → its core.pl01.FormDefinition


def derived_id(kind: str, row_id: str) -> str:
    """A stable id for a second resource made from one row."""
    return str(uuid.uuid5(_DERIVED, f"{kind}/{row_id}"))


def build_bundle(src: BundleSource, bundle_id: str, *, timestamp: str) -> tuple[dict, dict[str, int]]:
    """The Bundle (JSON-ready dict) and the manifest's counts of what it holds."""
    resources: list[dict] = []
    patients = set(src.resident_only)
    for parts in src.visits.values():
        patients.add(parts.visit.resident_id)
    resources.extend(patient(src, src.residents[rid]) for rid in sorted(patients) if rid in src.residents)
    for visit_id in sorted(src.visits):
        resources.extend(visit_resources(src, src.visits[visit_id], kinds=src.parts.get(visit_id, set())))
    counts = resource_counts(resources)
    entries = [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources]
    return {"resourceType": "Bundle", "id": bundle_id, "type": "collection", "timestamp": timestamp,
            "entry": entries}, counts


def resource_counts(resources: list[dict]) -> dict[str, int]:
    by_type = Counter(r["resourceType"] for r in resources)
    return {"residents": by_type["Patient"], "visits": by_type["Encounter"], "observations": by_type["Observation"],
            "conditions": by_type["Condition"], "referrals": by_type["ServiceRequest"],
            "consents": by_type["Consent"], "notes": by_type["Communication"], "signatures": by_type["Provenance"],
            "resources": len(resources)}


# -- Patient ---------------------------------------------------------------------------------------------------

def patient(src: BundleSource, row: Any) -> dict:
    res: dict = {"resourceType": "Patient", "id": row.id, "meta": _meta(row.version, row.updated_at),
                 "identifier": _identifiers(row), "name": [_name(row.full_name)],
                 "gender": row.sex if row.sex in ("male", "female") else "unknown",
                 "birthDate": row.birth_date.isoformat() if row.birth_date else str(row.birth_year)}
    address = _address(row)
    if address:
        res["address"] = [address]
    if row.phone:
        res["telecom"] = [{"system": "phone", "value": row.phone, "use": "mobile"}]
    extensions = _patient_extensions(src, row)
    if extensions:
        res["extension"] = extensions
    if row.merged_into_id:
        res["active"] = False
        res["link"] = [{"other": _ref("Patient", row.merged_into_id), "type": "replaced-by"}]
    return res


def _identifiers(row: Any) -> list[dict]:
    found = []
    for value, system, code, text in ((row.national_id, SYS_CCCD, "NI", "Số định danh cá nhân (CCCD)"),
                                      (row.old_id_number, SYS_CMND, "NI", "Số CMND cũ"),
                                      (row.insurance_number, SYS_BHYT, "SB", "Mã thẻ BHYT")):
        if value:
            found.append({"use": "official", "system": system, "value": value,
                          "type": {"coding": [{"system": V2_0203, "code": code}], "text": text}})
    return found


def _name(full_name: str) -> dict:
    """Vietnamese names put the family name first: Tòng Thị Hoa → family Tòng, given Thị Hoa."""
    words = full_name.split()
    name: dict = {"use": "official", "text": " ".join(words)}
    if len(words) > 1:
        name.update(family=words[0], given=[" ".join(words[1:])])
    return name


def _address(row: Any) -> dict | None:
    if not (row.address or row.village or row.commune_code):
        return None
    address: dict = {"use": "home", "country": "VN"}
    if row.address:
        address["text"] = row.address
    if row.village:
        address["line"] = [row.village]
    if row.commune_code:
        address["extension"] = [{"url": EXT_COMMUNE, "valueCoding": {"system": SYS_COMMUNE, "code": row.commune_code}}]
    return address


def _patient_extensions(src: BundleSource, row: Any) -> list[dict]:
    found = []
    if row.ethnic_code:
        coding = {"system": SYS_ETHNIC, "code": row.ethnic_code}
        if row.ethnic_code in src.ethnic_names:
            coding["display"] = src.ethnic_names[row.ethnic_code]
        found.append({"url": EXT_ETHNIC, "valueCoding": coding})
    for group in sorted(src.target_groups.get(row.id, [])):
        label = TARGET_GROUP_LABELS.get(TargetGroup(group)) if group in TargetGroup.__members__.values() else None
        found.append({"url": EXT_TARGET_GROUP, "valueCoding": _coding(SYS_TARGET_GROUP, group, label)})
    return found


# -- Encounter and the parts of a visit ------------------------------------------------------------------------

def visit_resources(src: BundleSource, parts: Any, *, kinds: set[str]) -> list[dict]:
    visit = parts.visit
    found = [encounter(src, parts)]
    if "consent" in kinds:
        found.extend(consent(visit, row) for row in parts.consents)
    if "vitals" in kinds:
        found.extend(vital_observations(src, visit, rows=parts.measurements))
    if "history" in kinds:
        found.extend(history_observation(src, visit, row=row) for row in parts.history)
    if "findings" in kinds:
        for row in parts.findings:
            found.append(health_class_observation(src, visit, row=row))
            found.extend(condition(src, visit, finding=row, diagnosis=d) for d in row.diagnoses)
    if "conclusion" in kinds and parts.conclusion is not None:
        found.append(conclusion_observation(src, visit, row=parts.conclusion))
        if parts.conclusion.referral_to:
            found.append(service_request(src, visit, row=parts.conclusion))
    if "counselling" in kinds and parts.counselling:
        found.append(communication(src, visit, rows=parts.counselling))
    if "answers" in kinds:
        found.extend(answer_observations(src, visit, rows=parts.answers))
    if "signatures" in kinds:
        found.extend(provenance(src, visit, row=row) for row in getattr(parts, "signatures", ()))
    return found


def encounter(src: BundleSource, parts: Any) -> dict:
    visit = parts.visit
    site = src.sites.get(visit.site_id)
    start = visit.started_at or visit.registered_at
    period = {"start": _instant(start)}
    end = visit.completed_at or visit.cancelled_at
    if end is not None:
        period["end"] = _instant(end)
    res: dict = {"resourceType": "Encounter", "id": visit.id, "meta": {"lastUpdated": _instant(visit.updated_at)},
                 "status": _ENCOUNTER_STATUS.get(visit.status, "unknown"),
                 "class": {"system": ACT_CODE, "code": "FLD" if site is not None and site.kind == "mobile" else "AMB",
                           "display": "field" if site is not None and site.kind == "mobile" else "ambulatory"},
                 "type": [{"coding": [{"system": SNOMED, "code": "171387006",
                                       "display": "Periodic health examination"}]}],
                 "subject": _ref("Patient", visit.resident_id), "period": period,
                 "identifier": [{"system": f"{NS}:id:queue:{visit.site_id}:{visit.visit_date.isoformat()}",
                                 "value": str(visit.queue_number)}],
                 "serviceProvider": {"identifier": {"system": SYS_STATION, "value": src.station_code},
                                     "display": src.station_name},
                 "extension": _encounter_extensions(src, parts)}
    participants = _participants(src, parts)
    if participants:
        res["participant"] = participants
    if site is not None:
        res["location"] = [{"location": {"identifier": {"system": SYS_SITE, "value": site.id},
                                         "display": site.name}, "status": "completed"}]
    if visit.cancel_reason:
        res["reasonCode"] = [{"text": visit.cancel_reason}]
    return res


def _encounter_extensions(src: BundleSource, parts: Any) -> list[dict]:
    visit = parts.visit
    found = [{"url": EXT_FUNDING, "valueCoding": {"system": SYS_FUNDING, "code": visit.funding_source}}]
    campaign = src.campaigns.get(visit.campaign_id)
    if campaign is not None:
        found.append({"url": EXT_CAMPAIGN, "valueString": campaign.name})
    definition = src.forms.get(visit.id)
    if definition is not None:
        found.append({"url": EXT_PL01_FORM, "valuePositiveInt": definition.number})
    if getattr(visit, "pl01_form_reason", None):
        found.append({"url": EXT_PL01_FORM_REASON, "valueString": visit.pl01_form_reason})
    if getattr(visit, "before_1551", False):
        found.append({"url": EXT_BEFORE_1551, "valueBoolean": True})
    target = _target_code(src, parts, definition)
    if target is not None:
        found.append({"url": EXT_TARGET_GROUP, "valueCoding": _coding(SYS_DOI_TUONG, *target)})
    return found


def _target_code(src: BundleSource, parts: Any, definition: Any) -> tuple[str, str | None] | None:
    """The visit's DOI_TUONG (code, label): reception's answer, else the documented default from the resident's
    target groups, age and school grade (core.pl01_reception, as reception offers it and the PL01 record reads it)."""
    f = _fields_of(definition).get("DOI_TUONG")
    if f is None:
        return None
    code = next((a.value for a in parts.answers
                 if a.code == "DOI_TUONG" and a.status == "recorded" and a.value), None)
    resident = src.residents.get(parts.visit.resident_id)
    if code is None and resident is not None:
        groups = [g for g in src.target_groups.get(resident.id, []) if g in TargetGroup.__members__.values()]
        code = target_group_code(groups, age_years=_age_years(resident, parts.visit.visit_date),
                                 school_grade=school_grade(resident.school_class))
    if code is None:
        return None
    return code, f.codes.label(code) if f.codes is not None else None


def _age_years(resident: Any, on: dt.date) -> int | None:
    if resident.birth_date is not None:
        return completed_months(resident.birth_date, on) // 12 if on >= resident.birth_date else None
    return on.year - resident.birth_year if resident.birth_year else None


def _participants(src: BundleSource, parts: Any) -> list[dict]:
    """Who did what: concluded (PPRF), registered (ADM), measured (SPRF); anyone else who recorded a part (PART)."""
    visit, conclusion = parts.visit, parts.conclusion
    doctor = (conclusion.concluded_by if conclusion is not None else None) or visit.completed_by
    pairs: dict[tuple[str, str], None] = {}
    for code, user_ids in (("PPRF", [doctor]), ("ADM", [visit.registered_by]),
                           ("SPRF", [visit.started_by] + [r.recorded_by for r in parts.measurements]),
                           ("PART", [r.recorded_by for r in parts.findings + parts.history + parts.counselling])):
        for user_id in user_ids:
            listed = {u for u, _ in pairs}
            if user_id and not (code == "PART" and user_id in listed):
                pairs.setdefault((user_id, code))
    return [{"type": [{"coding": [{"system": PARTICIPATION, "code": code, "display": _ROLES[code]}]}],
             "individual": _user(src, user_id)} for user_id, code in pairs]


def consent(visit: Any, row: Any) -> dict:
    res: dict = {"resourceType": "Consent", "id": row.id, "meta": {"versionId": "1"},
                 "status": "active" if row.granted else "rejected",
                 "scope": {"coding": [{"system": CONSENT_SCOPE, "code": "patient-privacy"}]},
                 "category": [{"coding": [{"system": LOINC, "code": "59284-0", "display": "Patient Consent"}]}],
                 "patient": _ref("Patient", visit.resident_id), "dateTime": _instant(row.recorded_at),
                 "policy": [{"uri": f"{NS}:consent-text:{row.text_version}:sha256:{row.text_sha256}"}],
                 "provision": {"type": "permit" if row.granted else "deny",
                               "purpose": [{"system": SYS_CONSENT_PURPOSE, "code": str(p)} for p in row.purposes or []]}}
    if row.given_by == "guardian":
        res["performer"] = [{"display": row.guardian_name or "", "type": "RelatedPerson"}]
        if row.guardian_relation:
            res["performer"][0]["display"] = f"{row.guardian_name or ''} ({row.guardian_relation})".strip()
    else:
        res["performer"] = [_ref("Patient", visit.resident_id)]
    if not res["provision"]["purpose"]:
        del res["provision"]["purpose"]
    return res


def vital_observations(src: BundleSource, visit: Any, *, rows: list[Any]) -> list[dict]:
    """One Observation per value; each blood-pressure reading is one panel of systolic and diastolic."""
    diastolic = {r.reading: r for r in rows if r.code == MeasureCode.DIASTOLIC}
    found = []
    for row in rows:
        if row.code == MeasureCode.DIASTOLIC:
            continue
        if row.code == MeasureCode.SYSTOLIC:
            found.append(_bp_observation(src, visit, row, diastolic.get(row.reading)))
        else:
            found.append(_value_observation(src, visit, row))
    return found


def _observation(src: BundleSource, visit: Any, row: Any, category: str, code: dict) -> dict:
    res: dict = {"resourceType": "Observation", "id": row.id, "meta": _meta(row.version, None),
                 "status": "amended" if row.version > 1 else "final",
                 "category": [{"coding": [{"system": OBS_CATEGORY, "code": category}]}], "code": code,
                 "subject": _ref("Patient", visit.resident_id), "encounter": _ref("Encounter", visit.id),
                 "effectiveDateTime": _instant(row.recorded_at)}
    if row.recorded_by:
        res["performer"] = [_user(src, row.recorded_by)]
    _amended(src, res, "vitals", visit.id, row.version)
    return res


def _value_observation(src: BundleSource, visit: Any, row: Any) -> dict:
    if row.code in VISION:
        code = _concept(SYS_LOCAL_OBS, row.code, rules.MEASURE_LABELS.get(MeasureCode(row.code)))
        res = _observation(src, visit, row, "exam", code)
        res["valueQuantity"] = {"value": row.value, "unit": "decimal", "system": UCUM, "code": "1"}
    else:
        loinc, display, unit, category = VITALS[row.code]
        res = _observation(src, visit, row, category, _concept(LOINC, loinc, display))
        res["valueQuantity"] = {"value": row.value, "unit": unit, "system": UCUM, "code": unit}
    _interpret(res, row.flags)
    context = row.context or {}
    if "fasting" in context:
        res["note"] = [{"text": "lúc đói" if context["fasting"] else "không nhịn đói"}]
    return res


def _bp_observation(src: BundleSource, visit: Any, systolic: Any, diastolic: Any | None) -> dict:
    res = _observation(src, visit, systolic, "vital-signs", _concept(LOINC, *BP_PANEL))
    res["component"] = [{"code": _concept(LOINC, *SYSTOLIC),
                         "valueQuantity": {"value": systolic.value, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}}]
    if diastolic is not None:
        res["component"].append({"code": _concept(LOINC, *DIASTOLIC), "valueQuantity": {
            "value": diastolic.value, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}})
    _interpret(res, {**(diastolic.flags if diastolic is not None else {}), **(systolic.flags or {})})
    res["note"] = [{"text": f"lần đo {systolic.reading}"}]
    return res


def _interpret(res: dict, flags: Mapping[str, Any] | None) -> None:
    """H, L or A for a flag off the normal class (N when every flag is normal), then the station's flag codes."""
    flags = {k: v for k, v in (flags or {}).items() if isinstance(v, str)}
    if not flags:
        return
    codes = [{"system": SYS_FLAG, "code": f"{kind}.{value}", "display": rules.FLAG_LABELS[f"{kind}.{value}"]}
             if f"{kind}.{value}" in rules.FLAG_LABELS else {"system": SYS_FLAG, "code": f"{kind}.{value}"}
             for kind, value in sorted(flags.items())]
    res["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": _v3_interpretation(flags.values())}]},
                             {"coding": codes}]


def _v3_interpretation(values: Iterable[str]) -> str:
    off = [v for v in values if v not in _NORMAL]
    if not off:
        return "N"
    if all(v in _LOW for v in off):
        return "L"
    return "H" if all(v not in _LOW and v != "yes" for v in off) and not any("vision" in v for v in off) else "A"


def history_observation(src: BundleSource, visit: Any, *, row: Any) -> dict:
    label = next((i.label for i in HISTORY_ITEMS if i.code == row.item), None)
    res = _observation(src, visit, row, "social-history", _concept(SYS_LOCAL_OBS, f"history.{row.item}", label))
    res["valueBoolean"] = bool(row.answer)
    if row.detail:
        res["note"] = [{"text": row.detail}]
    _amended(src, res, "history_items", row.id, row.version)
    return res


def health_class_observation(src: BundleSource, visit: Any, *, row: Any) -> dict:
    label = SPECIALTY_LABELS.get(Specialty(row.specialty)) if row.specialty in Specialty.__members__.values() else None
    code = _concept(SYS_LOCAL_OBS, f"health-class.{row.specialty}",
                    f"Phân loại sức khỏe – {label}" if label else None)
    res = _observation(src, visit, row, "exam", code)
    if row.health_class:
        res["valueCodeableConcept"] = _concept(SYS_HEALTH_CLASS, row.health_class, f"Loại {row.health_class}")
    res["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": "N" if row.no_abnormality else "A"}]}]
    if row.text:
        res["note"] = [{"text": row.text}]
    _amended(src, res, "findings", row.id, row.version)
    return res


def condition(src: BundleSource, visit: Any, *, finding: Any, diagnosis: Any) -> dict:
    res: dict = {"resourceType": "Condition", "id": diagnosis.id, "meta": _meta(finding.version, None),
                 "clinicalStatus": _concept(CONDITION_CLINICAL, "active"),
                 "verificationStatus": _concept(CONDITION_VERIFICATION, "provisional"),
                 "category": [_concept(CONDITION_CATEGORY, "encounter-diagnosis")],
                 "code": _concept(ICD10, diagnosis.icd10, diagnosis.label),
                 "subject": _ref("Patient", visit.resident_id), "encounter": _ref("Encounter", visit.id),
                 "recordedDate": _instant(finding.recorded_at)}
    if finding.recorded_by:
        res["recorder"] = _user(src, finding.recorded_by)
    _amended(src, res, "findings", finding.id, finding.version)
    return res


def conclusion_observation(src: BundleSource, visit: Any, *, row: Any) -> dict:
    res = _observation(src, visit, _Concluded(row), "exam",
                       _concept(SYS_LOCAL_OBS, "conclusion", "Kết luận – phân loại sức khỏe chung"))
    res["valueCodeableConcept"] = _concept(SYS_HEALTH_CLASS, row.overall_class, f"Loại {row.overall_class}")
    notes = [text for text in (row.override_reason, row.advice) if text]
    if row.computed_class:
        res["component"] = [{"code": _concept(SYS_LOCAL_OBS, "computed-class", "Phân loại theo chuyên khoa nặng nhất"),
                             "valueCodeableConcept": _concept(SYS_HEALTH_CLASS, row.computed_class)}]
    if notes:
        res["note"] = [{"text": t} for t in notes]
    _amended(src, res, "conclusions", row.id, row.version)
    return res


def service_request(src: BundleSource, visit: Any, *, row: Any) -> dict:
    res: dict = {"resourceType": "ServiceRequest", "id": derived_id("ServiceRequest", row.id),
                 "meta": _meta(row.version, None),
                 "status": "completed" if row.referral_followed_up_at else "active", "intent": "order",
                 "priority": _PRIORITY.get(row.referral_urgency or "routine", "routine"),
                 "code": _concept(SNOMED, "3457005", "Patient referral"),
                 "subject": _ref("Patient", visit.resident_id), "encounter": _ref("Encounter", visit.id),
                 "authoredOn": _instant(row.concluded_at),
                 "performer": [{"display": row.referral_to}]}
    if row.concluded_by:
        res["requester"] = _user(src, row.concluded_by)
    if row.referral_reason:
        res["reasonCode"] = [{"text": row.referral_reason}]
    if row.referral_follow_up_note:
        res["note"] = [{"text": row.referral_follow_up_note}]
    _amended(src, res, "conclusions", row.id, row.version)
    return res


def communication(src: BundleSource, visit: Any, *, rows: list[Any]) -> dict:
    """The visit's counselling: topics as ``reasonCode`` (the station's topic codes), the note as the payload."""
    first = rows[0]
    topics = [r.topic for r in rows if r.topic]
    texts = [r.text for r in rows if not r.topic and r.text]
    res: dict = {"resourceType": "Communication", "id": derived_id("Communication", visit.id),
                 "meta": _meta(first.version, None), "status": "completed",
                 "category": [_concept(SNOMED, "409063005", "Counseling")],
                 "subject": _ref("Patient", visit.resident_id), "encounter": _ref("Encounter", visit.id),
                 "recipient": [_ref("Patient", visit.resident_id)], "sent": _instant(first.recorded_at)}
    if topics:
        res["reasonCode"] = [_concept(SYS_TOPIC, t, _topic_label(t)) for t in topics]
    if texts:
        res["payload"] = [{"contentString": t} for t in texts]
    if first.recorded_by:
        res["sender"] = _user(src, first.recorded_by)
    _amended(src, res, "counselling_notes", visit.id, first.version)
    return res


# -- PL01 answers (QĐ 1551) ------------------------------------------------------------------------------------

_CATEGORY = {"laboratory": "laboratory", "reception": "social-history", "vitals": "vital-signs"}  # else exam
_ABSENT = {"refused": ("asked-declined", "Asked But Declined"), "not_done": ("not-performed", "Not Performed"),
           "before_1551": ("not-asked", "Not Asked")}
_ABSENT_NOTE = {"refused": "Từ chối", "not_done": "Không làm", "before_1551": "Không ghi (khám trước QĐ 1551)"}
_UCUM = {"cm": "cm", "mm": "mm", "kg": "kg", "g": "g", "%": "%", "tuần": "wk", "ngày": "d", "tháng": "mo",
         "tuổi": "a", "lần/phút": "/min", "mmHg": "mm[Hg]", "mmol/L": "mmol/L", "m": "m"}


def answer_observations(src: BundleSource, visit: Any, *, rows: list[Any]) -> list[dict]:
    """One Observation per answer; the laboratory table's fields grouped, one Observation per row (item)."""
    definition = src.forms.get(visit.id)
    fields = _fields_of(definition)
    found, lab_rows = [], {}
    for row in rows:
        f = fields.get(row.code)
        if f is not None and f.desk == "laboratory":
            lab_rows.setdefault(row.item, []).append(row)
        else:
            found.append(_answer_observation(src, visit, row, f))
    found.extend(_lab_observation(src, visit, item, lab_rows[item], fields) for item in sorted(lab_rows))
    return found


_FIELDS: dict[int, dict[str, Any]] = {}  # form number → PL01 code → its first field (the forms never change)


def _fields_of(definition: Any) -> dict[str, Any]:
    """The form's fields by PL01 code, in the form's order (a code that repeats: its first field, as
    FormDefinition.field gives it); made once per form, not once per visit."""
    if definition is None:
        return {}
    if definition.number not in _FIELDS:
        fields: dict[str, Any] = {}
        for f in definition.fields:
            fields.setdefault(f.code, f)
        _FIELDS[definition.number] = fields
    return _FIELDS[definition.number]


def _answer_observation(src: BundleSource, visit: Any, row: Any, f: Any | None) -> dict:
    label = f.label if f is not None else None
    codings = [_coding(SYS_PL01, row.code, label)]
    if f is not None and f.fhir.startswith("loinc:"):
        codings.insert(0, _coding(LOINC, f.fhir.removeprefix("loinc:")))
    category = _CATEGORY.get(f.desk if f is not None else "", "exam")
    ident = _Seen(row, answer_id(visit.id, row.code, row.item), row.version)
    res = _observation(src, visit, ident, category, {"coding": codings})
    res.update(_answer_value(row, f))
    _absent_note(res, row)
    _amended(src, res, f"answers:{row.desk}", visit.id, row.version)
    return res


def _lab_observation(src: BundleSource, visit: Any, item: int, rows: list[Any], fields: Mapping[str, Any]) -> dict:
    """A row of the laboratory table (service, index, value, unit, description, conclusion): its fields as
    components in the form's order, the row's service and index as the code's text."""
    order = {code: n for n, code in enumerate(fields)}
    rows = sorted(rows, key=lambda r: order.get(r.code, len(order)))
    newest = max(rows, key=lambda r: (r.version, r.recorded_at))
    ident = _Seen(newest, derived_id("Observation", f"{visit.id}/laboratory/{item}"), max(r.version for r in rows))
    code = _concept(SYS_LOCAL_OBS, LAB_ROW, "Xét nghiệm (một dòng của bảng kết quả PL01)")
    named = " ".join(r.value for r in rows if r.code in ("MA_DICH_VU", "MA_CHI_SO") and r.value)
    if named:
        code["text"] = named
    res = _observation(src, visit, ident, "laboratory", code)
    res["component"] = []
    for row in rows:
        f = fields.get(row.code)
        component = {"code": _concept(SYS_PL01, row.code, f.label if f is not None else None)}
        component.update(_answer_value(row, f))
        res["component"].append(component)
    notes = [f"{r.code}: {_absent_text(r)}" for r in rows if r.status != "recorded"]
    if notes:
        res["note"] = [{"text": t} for t in notes]
    res["note"] = res.get("note", []) + [{"text": f"dòng {item + 1}"}]
    _amended(src, res, f"answers:{newest.desk}", visit.id, ident.version)
    return res


def _answer_value(row: Any, f: Any | None) -> dict:
    """value[x] by the field's input (dataAbsentReason for a refused, not done or pre-1551 answer)."""
    if row.status != "recorded" or row.value in (None, ""):
        code, display = _ABSENT.get(row.status, ("unknown", "Unknown"))
        return {"dataAbsentReason": _concept(DATA_ABSENT, code, display)}
    value, kind = row.value, f.input if f is not None else "text"
    if kind == "yesno" and value in ("0", "1"):
        return {"valueBoolean": value == "1"}
    if f is not None and f.codes is not None and value in f.codes:
        return {"valueCodeableConcept": _concept(f"{SYS_PL01}:{row.code}", value, f.codes.label(value))}
    if kind in ("number", "computed"):
        number = _number(value)
        if number is not None:
            unit = row.unit or (f.unit if f is not None else "")
            quantity: dict = {"value": number}
            if unit:
                quantity["unit"] = unit
                if unit in _UCUM:
                    quantity.update(system=UCUM, code=_UCUM[unit])
            return {"valueQuantity": quantity}
    if kind == "date" and _is_date(value):
        return {"valueDateTime": value}
    if kind == "icd10" and ";" not in value:
        return {"valueCodeableConcept": _concept(ICD10, value)}
    return {"valueString": value}  # free text, several ICD-10 codes joined with ";", or a value of unknown kind


def _absent_note(res: dict, row: Any) -> None:
    if row.status != "recorded":
        res["note"] = [{"text": _absent_text(row)}]


def _absent_text(row: Any) -> str:
    """Why there is no value, in Vietnamese: "Không làm: không có máy đo"."""
    said = _ABSENT_NOTE.get(row.status, row.status)
    return f"{said}: {row.reason}" if row.reason else said


def _number(text: str) -> int | float | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() and "." not in text and "," not in text else number


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def answer_id(visit_id: str, code: str, item: int) -> str:
    """An answer's Observation id: answers are keyed by (visit, code, item), so the id is stable across batches."""
    return derived_id("Observation", f"{visit_id}/{code}/{item}")


@dataclass
class _Seen:
    """An answer row (or the newest row of a laboratory row) seen as an observation row with its own id and
    version."""

    row: Any
    id: str
    version: int

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


# -- signatures (QĐ 1551) ---------------------------------------------------------------------------------------

EXT_PL01_PART = "https://station-app.invalid/fhir/StructureDefinition/pl01-part"
SIG_TYPE_SYSTEM = "urn:iso-astm:E1762-95:2013"
SIG_AUTHOR, SIG_VERIFICATION = "1.2.840.10065.1.12.1.1", "1.2.840.10065.1.12.1.5"
SIG_FORMAT = "application/signature+xml"


def provenance(src: BundleSource, visit: Any, *, row: Any) -> dict:
    """An examiner's signature of a part (author) or the concluding doctor's of the record (verification): the
    signed XML document travels whole, base64, so the office checks it as the station made it."""
    who = _user(src, row.signer_id)
    when = _instant(row.signed_at)
    code = SIG_VERIFICATION if row.kind == "conclusion" else SIG_AUTHOR
    return {"resourceType": "Provenance", "id": row.id, "meta": {"versionId": "1"},
            "target": [_ref("Encounter", visit.id)], "recorded": when,
            "agent": [{"who": who}],
            "extension": [{"url": EXT_PL01_PART, "valueString": row.part}],
            "signature": [{"type": [_coding(SIG_TYPE_SYSTEM, code)], "when": when, "who": who,
                           "sigFormat": SIG_FORMAT, "data": base64.b64encode(row.xml).decode("ascii")}]}


# -- small pieces ----------------------------------------------------------------------------------------------

@dataclass
class _Concluded:
    """A conclusion row seen as an observation row (its own names for when and by whom)."""

    row: Any

    def __getattr__(self, name: str) -> Any:
        alias = {"recorded_at": "concluded_at", "recorded_by": "concluded_by"}.get(name, name)
        return getattr(self.row, alias)


def _topic_label(code: str) -> str | None:
    return next((label for topic, label in TOPIC_LABELS.items() if topic.value == code), None)


def _meta(version: int | None, updated: dt.datetime | None) -> dict:
    meta: dict = {"versionId": str(version or 1)}
    if updated is not None:
        meta["lastUpdated"] = _instant(updated)
    return meta


def _amended(src: BundleSource, res: dict, entity: str, ref_id: str, version: int) -> None:
    """A record changed after completion says why (the reason given when version - 1 was replaced)."""
    reason = src.reasons.get((entity, ref_id, version - 1)) if version and version > 1 else None
    extensions = [e for e in res.get("extension", []) if e["url"] != EXT_AMENDMENT]
    if reason:
        extensions.append({"url": EXT_AMENDMENT, "valueString": reason})
    if extensions:
        res["extension"] = extensions


def _instant(moment: dt.datetime | None) -> str | None:
    """Stored times are naive UTC: written with their zone, as FHIR's instant and dateTime want."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _ref(kind: str, row_id: str) -> dict:
    return {"reference": f"urn:uuid:{row_id}", "type": kind}


def _user(src: BundleSource, user_id: str) -> dict:
    ref: dict = {"type": "Practitioner", "identifier": {"system": SYS_USER, "value": user_id}}
    if user_id in src.users:
        ref["display"] = src.users[user_id]
    return ref


def _coding(system: str, code: str, display: str | None = None) -> dict:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return coding


def _concept(system: str, code: str, display: str | None = None) -> dict:
    return {"coding": [_coding(system, code, display)]}
