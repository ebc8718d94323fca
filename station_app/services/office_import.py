"""A verified batch's FHIR resources into the office tables (inside the caller's one transaction).

Patients by their id (their CCCD number kept for the double-payment list), visits by the Encounter id (parts
made on several laptops of a site carry the same visit id and merge), every other resource by its id under its
visit and part. A resource held with a lower ``meta.versionId`` is replaced and copied to history; an equal
version is refreshed in place by a newer batch; an older one is left alone (a late batch filling a gap). A part
carried by the batch replaces the visit's earlier set of that part (what the station removed is removed, kept in
history). The Consent names no Encounter: it belongs to the Encounter before it in the Bundle, as the station
writes them.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from station_app.core.batch_format import Manifest
from station_app.persistence.office_db import OfficeStore
from station_app.services import fhir_bundle as fhir

_PARTS = {"Consent": "consent", "Communication": "counselling", "Condition": "findings", "ServiceRequest": "conclusion"}


def apply_resources(store: OfficeStore, resources: list[dict], batch_id: int, manifest: Manifest,
                    now: dt.datetime) -> None:
    rows = _rows(resources, batch_id, manifest)
    for kind in ("patient", "visit", "resource"):
        _upsert(store, kind, rows[kind], batch_id)
    _replace_parts(store, rows["resource"], batch_id, manifest.created_at)
    store.mark_finished_imported([r["id"] for r in rows["visit"]], now)


def _rows(resources: list[dict], batch_id: int, manifest: Manifest) -> dict[str, list[dict]]:
    rows: dict[str, dict[str, dict]] = {"patient": {}, "visit": {}, "resource": {}}
    visit_id = None
    for res in resources:
        kind = res["resourceType"]
        base = {"id": res["id"], "version": _version(res), "batch_id": batch_id, "resource": res,
                "stamp": f"{res.get('meta', {}).get('lastUpdated') or ''}|{manifest.created_at}"}
        if kind == "Patient":
            rows["patient"][res["id"]] = {**base, **_patient(res), "station_code": manifest.station.code}
        elif kind == "Encounter":
            visit_id = res["id"]
            rows["visit"][visit_id] = {**base, **_encounter(res, manifest)}
        else:
            owner = _ref_id(res.get("encounter")) or visit_id
            if owner is not None:
                rows["resource"][res["id"]] = {**base, "resource_type": kind, "visit_id": owner,
                                               "part": _part(res), "code": _code(res)}
    return {k: list(v.values()) for k, v in rows.items()}


def _upsert(store: OfficeStore, kind: str, rows: list[dict], batch_id: int) -> None:
    held = store.existing(kind, (r["id"] for r in rows))
    store.insert(kind, [r for r in rows if r["id"] not in held])
    newer = [r for r in rows if r["id"] in held and (r["version"], r["stamp"]) > held[r["id"]]]
    store.replace(kind, [r for r in newer if r["version"] > held[r["id"]][0]], batch_id)
    store.refresh(kind, [r for r in newer if r["version"] == held[r["id"]][0]])


def _replace_parts(store: OfficeStore, rows: list[dict], batch_id: int, created_at: str) -> None:
    """Each (visit, part) the batch carries: held members it no longer lists go, unless a newer batch set them."""
    carried: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        carried[(r["visit_id"], r["part"])].add(r["id"])
    gone = [rid for rid, visit, part, stamp in store.part_members({v for v, _ in carried})
            if (visit, part) in carried and rid not in carried[(visit, part)]
            and stamp.rsplit("|", 1)[-1] <= created_at]
    store.remove_resources(gone, batch_id)


# -- fields the office searches by -----------------------------------------------------------------------------

def _patient(res: dict) -> dict:
    national = next((i.get("value") for i in res.get("identifier", []) if i.get("system") == fhir.SYS_CCCD), None)
    commune = next((e["valueCoding"].get("code") for a in res.get("address", [])
                    for e in a.get("extension", []) if e.get("url") == fhir.EXT_COMMUNE), None)
    groups = [e["valueCoding"].get("code") for e in res.get("extension", []) if e.get("url") == fhir.EXT_TARGET_GROUP]
    return {"national_id": national, "commune_code": commune, "target_groups": groups}


def _encounter(res: dict, manifest: Manifest) -> dict:
    ext = {e.get("url"): e for e in res.get("extension", [])}
    provider = res.get("serviceProvider", {}).get("identifier", {}).get("value") or manifest.station.code
    location = (res.get("location") or [{}])[0].get("location", {}).get("identifier", {}).get("value")
    status = res.get("status", "unknown")
    return {"patient_id": _ref_id(res.get("subject")) or "", "station_code": provider, "site_id": location,
            "campaign": ext.get(fhir.EXT_CAMPAIGN, {}).get("valueString"),
            "funding_source": ext.get(fhir.EXT_FUNDING, {}).get("valueCoding", {}).get("code"), "status": status,
            "completed_at": res.get("period", {}).get("end") if status == "finished" else None}


def _part(res: dict) -> str:
    kind = res["resourceType"]
    if kind in _PARTS:
        return _PARTS[kind]
    code = _code(res) or ""
    if code == "conclusion":
        return "conclusion"
    if code.startswith("health-class."):
        return "findings"
    return "history" if code.startswith("history.") else "vitals"


def _code(res: dict) -> str | None:
    codings = (res.get("code") or {}).get("coding") or [{}]
    return codings[0].get("code")


def _version(res: dict) -> int:
    try:
        return int(res.get("meta", {}).get("versionId") or 1)
    except (TypeError, ValueError):
        return 1


def _ref_id(ref: dict | None) -> str | None:
    value = (ref or {}).get("reference") or ""
    return value.removeprefix("urn:uuid:") or None
