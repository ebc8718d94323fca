"""A verified batch's FHIR resources into the office tables (inside the caller's one transaction).

Patients by their id (their CCCD number kept for the double-payment list), visits by the Encounter id (parts
made on several laptops of a site carry the same visit id and merge), every other resource by its id under its
visit and part. A resource held with a lower ``meta.versionId`` is replaced and copied to history; an equal
version is refreshed in place by a newer batch; an older one is left alone (a late batch filling a gap). A part
carried by the batch replaces the visit's earlier set of that part (what the station removed is removed, kept in
history). The Consent names no Encounter: it belongs to the Encounter before it in the Bundle, as the station
writes them. An Observation coded in the PL01 system (a QĐ 1551 answer) or a PL01 laboratory row belongs to the
part ``answers`` and is filed under its PL01 code; the Encounter's form number, DOI_TUONG code and ``before-1551``
mark are kept on the visit for the report.

Before anything is written, every row is checked: a record held by a station other than the batch's own (or a
laptop registered for its site) refuses the whole batch (``foreign_record``), so does a ``versionId`` that is not a
number from 1 up to ``VERSION_STEP`` beyond the one held (``version_out_of_range``: it would put the record out of
its owner's reach), and a value its column cannot hold (``malformed_resource``). Owners are the signed manifest's
station at a record's first import, never a field of the payload.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict

from station_app.core.batch_format import Manifest
from station_app.core.pl01 import LOCAL_SYSTEM as PL01_SYSTEM
from station_app.persistence.office.store import KINDS, OfficeStore, unfit
from station_app.services.exchange import fhir_bundle as fhir

log = logging.getLogger(__name__)
_PARTS = {"Consent": "consent", "Communication": "counselling", "Condition": "findings", "ServiceRequest": "conclusion"}
VERSION_STEP = 1000  # far more amendments of one record than any two batches carry; a jump beyond is refused
FOREIGN = "foreign_record"
VERSION = "version_out_of_range"
MALFORMED = "malformed_resource"


class RecordRefused(Exception):
    """The batch cannot be imported: ``reason`` is FOREIGN, VERSION or MALFORMED. Nothing was written."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def apply_resources(store: OfficeStore, resources: list[dict], *, batch_id: int, manifest: Manifest,
                    now: dt.datetime, writers: set[str] | None = None) -> None:
    """``writers``: the stations whose records this batch may change (its own and its site's laptops)."""
    try:
        rows = _rows(resources, batch_id, manifest)
    except (TypeError, AttributeError, ValueError, KeyError, IndexError) as exc:
        raise RecordRefused(MALFORMED) from exc  # a field of an unexpected type or shape
    held = {kind: store.existing(kind, (r["id"] for r in rows[kind])) for kind in KINDS}
    _check(store, rows, held, writers or {manifest.station.code})
    for kind in ("patient", "visit", "resource"):
        _upsert(store, kind, rows[kind], held[kind], batch_id, manifest.station.code)
    _replace_parts(store, rows["resource"], batch_id, manifest.created_at)
    store.mark_finished_imported([r["id"] for r in rows["visit"]], now)
    _receive_signatures(store, resources, batch_id, manifest, now, writers or {manifest.station.code})


def _receive_signatures(store: OfficeStore, resources: list[dict], batch_id: int,
                        manifest: Manifest, now: dt.datetime, writers: set[str]) -> None:
    """The batch's signatures (Provenance) checked and kept, each conclusion making its national record
    (services/office/national_service.py); a signature about a visit its writers do not hold refuses the batch."""
    from station_app.services.office.national_service import receive_signatures

    provenances = [r for r in resources if r["resourceType"] == "Provenance"]
    if not provenances:
        return
    targets = {_target(p) for p in provenances} - {None}
    owners = store.existing("visit", targets)
    if any(t not in owners or owners[t][2] not in writers for t in targets):
        raise RecordRefused(FOREIGN)
    host = store.station(manifest.station.code)
    facility = (host.site or host.code) if host is not None else manifest.station.code
    counts = receive_signatures(store.national, provenances, station_code=facility, batch_id=batch_id,
                                now=now)
    log.info("batch %s/%d: signatures %d valid, %d invalid, %d unreadable; %d national records",
             manifest.station.code, manifest.sequence, counts["valid"], counts["invalid"], counts["unreadable"],
             counts["records"])


def _check(store: OfficeStore, rows: dict[str, list[dict]], held: dict[str, dict], writers: set[str]) -> None:
    for kind, found in rows.items():
        if unfit(kind, found) is not None:
            raise RecordRefused(MALFORMED)
        if any(held[kind][r["id"]][2] not in writers for r in found if r["id"] in held[kind]):
            raise RecordRefused(FOREIGN)
        if any(not 1 <= r["version"] <= held[kind].get(r["id"], (0,))[0] + VERSION_STEP for r in found):
            raise RecordRefused(VERSION)
    # a part filed under a visit: the visit is this batch's (carried) or one its writers hold
    carried = {r["id"] for r in rows["visit"]}
    others = {r["visit_id"] for r in rows["resource"]} - carried
    owners = store.existing("visit", others)
    if any(v not in owners or owners[v][2] not in writers for v in others):
        raise RecordRefused(FOREIGN)


def _rows(resources: list[dict], batch_id: int, manifest: Manifest) -> dict[str, list[dict]]:
    rows: dict[str, dict[str, dict]] = {"patient": {}, "visit": {}, "resource": {}}
    visit_id = None
    for res in resources:
        kind = res["resourceType"]
        if kind == "Provenance":
            continue  # a signature: checked and kept by _receive_signatures, never a part of the visit
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


def _upsert(store: OfficeStore, kind: str, rows: list[dict], held: dict, batch_id: int, owner: str) -> None:
    store.insert(kind, [{**r, "owner": owner} for r in rows if r["id"] not in held])  # the owner: set once
    newer = [r for r in rows if r["id"] in held and (r["version"], r["stamp"]) > held[r["id"]][:2]]
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
            "completed_at": res.get("period", {}).get("end") if status == "finished" else None,
            "pl01_form": _form_number(ext.get(fhir.EXT_PL01_FORM, {}).get("valuePositiveInt")),
            "before_1551": ext.get(fhir.EXT_BEFORE_1551, {}).get("valueBoolean") is True,
            "doi_tuong": _target_code(res)}


def _target_code(res: dict) -> str | None:
    """The visit's one PL01 DOI_TUONG code (an Encounter ``target-group`` extension in the PL01 list's system)."""
    for e in res.get("extension", []):
        coding = e.get("valueCoding") or {}
        if e.get("url") == fhir.EXT_TARGET_GROUP and coding.get("system") == fhir.SYS_DOI_TUONG:
            return _a_code(coding.get("code"), 10)
    return None


_CODE = re.compile(r"[A-Za-z0-9._\-]+")


def _a_code(value: object, size: int) -> str | None:
    """``value`` when it is a code (letters, digits, . _ -; at most ``size`` characters), else nothing: a hostile
    station's object or megabyte string is never filed as a code (nor breaks a column's size)."""
    return value if isinstance(value, str) and len(value) <= size and _CODE.fullmatch(value) else None


def _form_number(value: object) -> int | None:
    """A form number 1–99 as sent, else nothing (a batch of a station from before QĐ 1551 sends none)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100 else None


def _part(res: dict) -> str:
    kind = res["resourceType"]
    if kind in _PARTS:
        return _PARTS[kind]
    if _pl01_code(res) is not None:
        return "answers"
    code = _code(res) or ""
    if code == "conclusion":
        return "conclusion"
    if code.startswith("health-class."):
        return "findings"
    return "history" if code.startswith("history.") else "vitals"


def _code(res: dict) -> str | None:
    """The code the office files a resource under: a PL01 answer's PL01 code, else the first coding's code."""
    pl01 = _pl01_code(res)
    if pl01 is not None:
        return pl01
    codings = (res.get("code") or {}).get("coding") or [{}]
    return _a_code(codings[0].get("code") if isinstance(codings[0], dict) else None, 80)


def _pl01_code(res: dict) -> str | None:
    """The PL01 code of a QĐ 1551 answer (``pl01-laboratory-row`` for a row of the laboratory table), else None."""
    if res["resourceType"] != "Observation":
        return None
    for coding in (res.get("code") or {}).get("coding") or []:
        if coding.get("system") == PL01_SYSTEM or (coding.get("system") == fhir.SYS_LOCAL_OBS
                                                   and coding.get("code") == fhir.LAB_ROW):
            return _a_code(coding.get("code"), 80)
    return None


def _version(res: dict) -> int:
    """``meta.versionId`` as a number (1 when absent: an Encounter has none); 0 when it is not a number."""
    value = (res.get("meta") or {}).get("versionId")
    if value is None:
        return 1
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**9 else 0


def _target(provenance: dict) -> str | None:
    """The visit a Provenance is about (its first target), None when it names none."""
    target = provenance.get("target")
    first = target[0] if isinstance(target, list) and target and isinstance(target[0], dict) else {}
    ref = first.get("reference")
    return ref.removeprefix("urn:uuid:").removeprefix("Encounter/") or None if isinstance(ref, str) else None


def _ref_id(ref: dict | None) -> str | None:
    value = (ref or {}).get("reference") or ""
    return value.removeprefix("urn:uuid:") or None
