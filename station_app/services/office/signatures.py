"""The office's check of a signature a station's batch carried (a FHIR ``Provenance``, docs/batch-format.md).

INTERIM (helper office-national): the contract of design section 1 written so the office's import can be built and
tested; the station-sign helper's version replaces this file. Every field of the resource is hostile: sizes bounded,
the XML parsed by ``xmldsig`` (no entities, no network), the signature verified, the certificate valid and allowed
to sign at the signing time and issued by a CA the office trusts, and the document about the visit it is filed
under.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass

from cryptography import x509

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.services.common.signing import certificates, xmldsig

PART_URL = "https://station-app.invalid/fhir/StructureDefinition/pl01-part"
AUTHOR, VERIFICATION = "1.2.840.10065.1.12.1.1", "1.2.840.10065.1.12.1.5"
SIGNATURE_IDS = {"part": "cks-nguoi-kham", "conclusion": "cks-nguoi-ket-luan"}
MAX_DATA_CHARS = (xmldsig.MAX_XML_BYTES * 4) // 3 + 4


@dataclass(frozen=True)
class OfficeSignature:
    visit_uid: str
    part: str
    kind: str  # part | conclusion
    xml: bytes
    valid: bool
    problem: str | None = None
    certificate_fingerprint: str | None = None
    cchn: str | None = None
    signed_at: dt.datetime | None = None  # naive UTC
    content_digest: str | None = None
    signature_value: str | None = None


class ProvenanceUnreadable(ValueError):
    """Not a signature the office can file (no visit, no document): nothing to keep."""


def verify_provenance(resource: dict, trusted: list[x509.Certificate]) -> OfficeSignature:
    """The signature of ``resource`` checked; ``ProvenanceUnreadable`` when it names no visit or no document."""
    visit, part, kind, xml = _read(resource)
    try:
        found = xmldsig.verify_enveloped(xml, signature_id=SIGNATURE_IDS[kind])
        _check_about(xml, visit)
        certificates.check_for_signing(found.certificate, at=found.signed_at)
        if not certificates.verify_chain(found.certificate, trusted, at=found.signed_at):
            raise UntrustedCertificateError()
    except StationError as exc:
        return OfficeSignature(visit, part, kind, xml, False, str(exc))
    info = certificates.info(found.certificate)
    return OfficeSignature(visit, part, kind, xml, True, None, info.fingerprint, info.cchn or None,
                           found.signed_at.astimezone(dt.timezone.utc).replace(tzinfo=None), found.content_digest,
                           found.signature_value)


class UntrustedCertificateError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng thư số của người ký không do tổ chức chứng thực mà đơn vị nhận tin cậy cấp. Nếu tổ chức này "
                  "đúng là nơi cấp chứng thư cho y bác sĩ, hãy thêm bằng 'station-app office national trust add'.")


def _read(resource: dict) -> tuple[str, str, str, bytes]:
    try:
        target = resource["target"][0]["reference"]
        visit = target.removeprefix("urn:uuid:").removeprefix("Encounter/")
        part = next(e["valueString"] for e in resource.get("extension", []) if e.get("url") == PART_URL)
        signature = resource["signature"][0]
        code = signature["type"][0]["code"]
        data = signature["data"]
    except (KeyError, IndexError, TypeError, AttributeError, StopIteration) as exc:
        raise ProvenanceUnreadable("shape") from exc
    if not all(isinstance(v, str) for v in (visit, part, code, data)) or not 0 < len(visit) <= 36 \
            or not 0 < len(part) <= 40 or len(data) > MAX_DATA_CHARS or code not in (AUTHOR, VERIFICATION):
        raise ProvenanceUnreadable("fields")
    try:
        xml = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProvenanceUnreadable("data") from exc
    return visit, part, "conclusion" if code == VERIFICATION else "part", xml


def _check_about(xml: bytes, visit: str) -> None:
    """The signed document is about the visit the Provenance files it under (else a valid signature of another
    visit could stand for this one)."""
    if xmldsig.parse(xml).get("MA_LUOT_KHAM") != visit:
        raise xmldsig.SignatureInvalidError(reason="hồ sơ đã ký thuộc lượt khám khác")
