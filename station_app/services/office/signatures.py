"""The office checks the examiners' signatures a batch carries (FHIR ``Provenance``, docs/batch-format.md).

``verify_provenance`` is pure verification, no database: the XML Signature of the document the Provenance carries
(with the signature id of its kind), that the document is the one the Provenance says (visit, part), that the
certificate was valid and allowed to sign when it signed, and its chain to a CA the office trusts (none given:
the chain is not checked, and says so). Everything in a batch is hostile: sizes are bounded and any malformed
piece makes the signature invalid with a Vietnamese reason, never an exception.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass

from cryptography import x509

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01_signing import (CONCLUSION_PART, CONCLUSION_SIGNATURE_ID, PART_ELEMENT,
                                           PART_SIGNATURE_ID)
from station_app.services.common.signing import xmldsig
from station_app.services.common.signing.certificates import check_for_signing, info, verify_chain
from station_app.services.exchange.fhir_bundle import EXT_PL01_PART, SIG_AUTHOR, SIG_FORMAT, SIG_VERIFICATION

MAX_DATA_CHARS = 2 * 1024 * 1024  # base64 of one signed record: a full PL01 record is a few tens of KB
_KINDS = {SIG_AUTHOR: "part", SIG_VERIFICATION: "conclusion"}
_UUID_REF = re.compile(r"^urn:uuid:([0-9a-fA-F-]{36})$")
_PART = re.compile(r"^[a-z_]{1,20}(:[a-z_]{1,18})?$")

BAD_SHAPE = QT_TRANSLATE_NOOP("office", "Bản ghi chữ ký (Provenance) sai cấu trúc")
TOO_BIG = QT_TRANSLATE_NOOP("office", "Tài liệu đã ký quá lớn")
NOT_BASE64 = QT_TRANSLATE_NOOP("office", "Tài liệu đã ký không phải base64 hợp lệ")
WRONG_DOCUMENT = QT_TRANSLATE_NOOP("office", "Tài liệu đã ký không khớp lượt khám hoặc phần khám của bản ghi")
WRONG_TIME = QT_TRANSLATE_NOOP("office", "Thời điểm ký trong tài liệu khác thời điểm ghi trong bản ghi")
UNTRUSTED = QT_TRANSLATE_NOOP("office", "Chứng thư số không do tổ chức chứng thực mà văn phòng tin cậy cấp")


@dataclass(frozen=True)
class OfficeSignature:
    """One signature as the office found it; ``valid`` False names the ``problem`` (Vietnamese)."""

    part: str
    kind: str  # "part" or "conclusion" ("" when unreadable)
    visit_uid: str
    fingerprint: str
    cchn: str
    signed_at: dt.datetime | None
    content_digest: str
    signature_value: str
    xml: bytes
    valid: bool
    problem: str | None
    chain_checked: bool = False


class _Invalid(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass
class _Claim:
    """What the Provenance says: whose visit, which part, what kind, when."""

    visit_uid: str
    part: str
    kind: str
    recorded: str
    data: str


def verify_provenance(resource: dict, trusted: list[x509.Certificate]) -> OfficeSignature:
    """Checks one Provenance of a batch (see the module's docstring)."""
    claim: _Claim | None = None
    xml = b""
    try:
        claim = _claim(resource)
        xml = _decoded(claim.data)
        return _verified(claim, xml, trusted)
    except _Invalid as bad:
        return _invalid(claim, xml, bad.problem)
    except StationError as exc:  # SignatureInvalidError and certificate errors carry their Vietnamese message
        return _invalid(claim, xml, exc.message())


def _claim(res: object) -> _Claim:
    if not isinstance(res, dict) or res.get("resourceType") != "Provenance":
        raise _Invalid(BAD_SHAPE)
    target, signature = _first(res.get("target")), _first(res.get("signature"))
    ref = target.get("reference") if isinstance(target, dict) else None
    found = _UUID_REF.match(ref) if isinstance(ref, str) else None
    part = next((e.get("valueString") for e in res.get("extension") or [] if isinstance(e, dict)
                 and e.get("url") == EXT_PL01_PART), None) if isinstance(res.get("extension"), list) else None
    if found is None or not isinstance(signature, dict) or not isinstance(part, str) or not _PART.match(part):
        raise _Invalid(BAD_SHAPE)
    coding = _first(signature.get("type"))
    kind = _KINDS.get(coding.get("code")) if isinstance(coding, dict) else None
    data, recorded = signature.get("data"), res.get("recorded")
    if kind is None or signature.get("sigFormat") != SIG_FORMAT or not isinstance(data, str) \
            or not isinstance(recorded, str) or len(recorded) > 40:
        raise _Invalid(BAD_SHAPE)
    if (kind == "conclusion") != (part == CONCLUSION_PART):
        raise _Invalid(WRONG_DOCUMENT)
    return _Claim(found.group(1).lower(), part, kind, recorded, data)


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else None


def _decoded(data: str) -> bytes:
    if len(data) > MAX_DATA_CHARS:
        raise _Invalid(TOO_BIG)
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _Invalid(NOT_BASE64) from exc


def _verified(claim: _Claim, xml: bytes, trusted: list[x509.Certificate]) -> OfficeSignature:
    signature_id = CONCLUSION_SIGNATURE_ID if claim.kind == "conclusion" else PART_SIGNATURE_ID
    verified = xmldsig.verify_enveloped(xml, signature_id=signature_id)
    root = xmldsig.parse(xml)
    _same_document(claim, root.tag, root.get("MA_LUOT_KHAM"), root.get("PHAN"))
    if _instant(claim.recorded) != verified.signed_at:
        raise _Invalid(WRONG_TIME)
    check_for_signing(verified.certificate, at=verified.signed_at)
    if trusted and not verify_chain(verified.certificate, trusted, at=verified.signed_at):
        raise _Invalid(UNTRUSTED)
    cert_info = info(verified.certificate)
    return OfficeSignature(claim.part, claim.kind, claim.visit_uid, cert_info.fingerprint,
                           cert_info.cchn or str(root.get("CCHN") or ""), verified.signed_at, verified.content_digest,
                           verified.signature_value, xml, True, None, chain_checked=bool(trusted))


def _same_document(claim: _Claim, tag: object, visit: object, part: object) -> None:
    """The signed document is of the visit and the part the Provenance names (a genuine signature of another
    visit's record, pasted in, is refused)."""
    if not isinstance(visit, str) or visit.lower() != claim.visit_uid:
        raise _Invalid(WRONG_DOCUMENT)
    if claim.kind == "part" and (tag != PART_ELEMENT or part != claim.part):
        raise _Invalid(WRONG_DOCUMENT)
    if claim.kind == "conclusion" and tag != "PL01":
        raise _Invalid(WRONG_DOCUMENT)


def _instant(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(dt.UTC) if moment.tzinfo else None


def _invalid(claim: _Claim | None, xml: bytes, problem: str) -> OfficeSignature:
    """An invalid signature with what the Provenance claimed (nothing of the document is trusted)."""
    return OfficeSignature(claim.part if claim else "", claim.kind if claim else "", claim.visit_uid if claim else "",
                           "", "", None, "", "", xml, False, problem)
