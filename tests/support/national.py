"""Records on their way to the national database, for the office's tests: a concluding doctor's signed PL01 XML
whose values pass the stand-in hub's checks, the FHIR Provenance a station's batch carries it in, a batch rebuilt
with such Provenances, and a facility's settings (a training CA's RSA key in a PKCS#12 file)."""
from __future__ import annotations

import base64
import datetime as dt
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from devkit.pl01 import plausible

from station_app.core.pl01_record import LAB_DESK, check_value, written
from station_app.services.common import pl01_forms
from station_app.services.common.signing import xmldsig
from station_app.services.common.signing.training_ca import TrainingCA, pkcs12_bytes
from station_app.services.office.national_service import FacilityInput

AUTHOR, VERIFICATION = "1.2.840.10065.1.12.1.1", "1.2.840.10065.1.12.1.5"
PART_URL = "https://station-app.invalid/fhir/StructureDefinition/pl01-part"
SENDER_ID, MA_CSKCB, GLN = "0123456789012", "01234", "8934567000017"
USERNAME, PASSWORD, PASSPHRASE = "tram.muongkim", "mat-khau-lien-thong-26", "cum-tu-bi-mat"
_FALLBACKS = ("1", "0", "10", "12", "20260101", "202601010800", "Z00.0", "Bình thường")


def _valid_value(f) -> str:  # noqa: ANN001 - FieldDefinition
    for candidate in (written(f, plausible(f)), *([f.codes.codes[0].code] if f.codes else []), *_FALLBACKS):
        if candidate is not None and not check_value(f, candidate):
            return candidate
    raise AssertionError(f"no valid value for {f.code}")


@cache
def _values(form: int) -> tuple[tuple[str, str | None], ...]:
    fields = {f.code: f for f in pl01_forms.form(form).fields if f.desk != LAB_DESK}
    return tuple((code, None if code.startswith("CKS_") else _valid_value(f)) for code, f in fields.items())


def conclusion_xml(visit_uid: str, signer, *, form: int = 2, version: int = 1, changes: dict | None = None,  # noqa: ANN001
                   signed_at: dt.datetime | None = None) -> bytes:
    """The whole record as the concluding doctor signs it (design section 1), values valid for the form."""
    root = ET.Element("PL01", {"MAU_BIEU": str(form), "MA_LUOT_KHAM": visit_uid, "MA_CSKCB": MA_CSKCB,
                               "PHIEN_BAN": str(version)})
    for code, value in _values(form):
        ET.SubElement(root, code).text = (changes or {}).get(code, value)
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xmldsig.sign_enveloped(xml, signer, signature_id="cks-nguoi-ket-luan", signed_at=signed_at)


def provenance(visit_uid: str, xml: bytes, *, kind: str = "conclusion", part: str = "ket_luan",
               number: int = 1) -> dict:
    """The FHIR Provenance a station's batch carries a signature in (design section 1)."""
    return {"resourceType": "Provenance", "id": f"{visit_uid[:24]}-sig-{number:04d}"[:64],
            "target": [{"reference": f"urn:uuid:{visit_uid}"}], "recorded": "2026-12-07T08:00:00Z",
            "agent": [{"who": {"reference": "urn:uuid:practitioner"}}],
            "extension": [{"url": PART_URL, "valueString": part}],
            "signature": [{"type": [{"system": "urn:iso-astm:E1762-95:2013",
                                     "code": VERIFICATION if kind == "conclusion" else AUTHOR}],
                           "when": "2026-12-07T08:00:00Z", "who": {"reference": "urn:uuid:practitioner"},
                           "sigFormat": "application/signature+xml",
                           "data": base64.b64encode(xml).decode("ascii")}]}


def with_provenances(batch: Path, station_dir: Path, office, provenances: list[dict], target: Path) -> Path:  # noqa: ANN001
    """The station's batch rebuilt carrying these Provenances (counted in the signed manifest)."""
    from support.office import rebuild

    def change(bundle: dict) -> None:
        bundle["entry"].extend({"fullUrl": f"urn:uuid:{p['id']}", "resource": p} for p in provenances)

    import json

    from station_app.services.exchange.batch_verify import read_batch

    counts = dict(json.loads(read_batch(batch).manifest_bytes)["counts"])
    counts["resources"] = counts.get("resources", 0) + len(provenances)
    return rebuild(batch, station_dir, office, change, target, counts=counts)


def facility_input(ca: TrainingCA, *, station: str = "TYT-MK", url: str = "https://hub.invalid", **changes: object
                   ) -> FacilityInput:
    """Settings of a facility whose key is a PKCS#12 file the training CA issued."""
    key = facility_key(ca)
    fields = dict(station=station, sender_id=SENDER_ID, ma_cskcb=MA_CSKCB, gln=GLN, url=url, username=USERNAME,
                  password=PASSWORD, p12=pkcs12_bytes(key, PASSPHRASE), passphrase=PASSPHRASE)
    return FacilityInput(**{**fields, **changes})


_KEYS: dict[int, object] = {}


def facility_key(ca: TrainingCA):  # noqa: ANN201 - SoftwareSigner
    """The facility's signer (one per CA: RSA keys take a while to make)."""
    if id(ca) not in _KEYS:
        _KEYS[id(ca)] = ca.issue("Trạm Y tế xã Mường Kim")
    return _KEYS[id(ca)]
