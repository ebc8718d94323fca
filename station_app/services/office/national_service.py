"""Delivery of each check-up to the national database (QĐ 1551), the office's side (docs/NATIONAL.md).

- Settings: each facility's ``sender_id``, ``MA_CSKCB``, GLN, hub address, integration account and signing key
  (``office national setup``). Secrets are age-encrypted to the office's own key and decrypted only to push.
- Import: every signature a batch carries is checked against the CAs the office trusts (``trust add``) and kept; a
  valid conclusion makes a record version to push (a new version when its content changed), an invalid one holds
  the record back with the reason. The rest of the batch imports either way.
- Push: the facility countersigns the concluding doctor's XML, the ``HOSO`` JSON is read from that signed XML (never
  from anything unsigned) and the hub link (``national.client``) sends it under the version's ``msg_id``, made once
  and reused on every retry. Retries back off 1, 2, 4 … minutes up to an hour; a refusal waits for a correction; a
  refused account stops that facility until its settings are set again.
- Status and report figures: counts by state, the oldest waiting, records past 20 h and 24 h since completion.

Logs name stations, internal ids and counts only: never a payload, a secret, a name or a CCHN.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import re
import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01_record import LAB_GROUP
from station_app.persistence.office.national import NationalStore, RecordFact
from station_app.persistence.office.tables import (OfficeNationalFacilityRow, OfficeNationalRecordRow,
                                                   OfficeNationalTrustRow, OfficeSignatureRow, utcnow)
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.common.signing import certificates, xmldsig
from station_app.services.common.signing.signers import RSA_SHA256, Signer, load_pkcs12, open_token

log = logging.getLogger(__name__)

AMBER_HOURS, RED_HOURS = 20, 24
MAX_CA_BYTES = 64 * 1024
FACILITY_SIGNATURE, CONCLUSION_SIGNATURE = "cks-benh-vien", "cks-nguoi-ket-luan"
NOT_CONFIGURED = QT_TRANSLATE_NOOP("national", "chưa thiết lập liên thông cho trạm này ('station-app office national "
                                               "setup')")
PARTS_UNSIGNED = QT_TRANSLATE_NOOP("national", "còn phần khám chưa ký số: người khám ký ở trạm, rồi bác sĩ kết luận "
                                               "ký lại")
OTHER_FACILITY = QT_TRANSLATE_NOOP("national", "MA_CSKCB của hồ sơ ({record}) khác MA_CSKCB đã thiết lập cho trạm "
                                               "({settings}): sửa mã cơ sở ở trạm, hoặc đặt lại bằng 'office national "
                                               "setup --ma-cskcb'")
NO_TRUSTED_CA = QT_TRANSLATE_NOOP("national", "chưa có tổ chức chứng thực nào được tin cậy để kiểm tra chứng thư "
                                              "của y bác sĩ: thêm bằng 'station-app office national trust add "
                                              "CA.pem', rồi trạm gửi lại lô")
ACCOUNT_STOPPED = QT_TRANSLATE_NOOP("national", "Cổng liên thông từ chối tài khoản ({code}). Hãy kiểm tra tên đăng "
                                                "nhập và mật khẩu liên thông rồi đặt lại bằng 'station-app office "
                                                "national setup'; việc gửi của trạm này tạm dừng đến khi đó.")

# What to correct after a refusal, by the hub's code (the codes are those protocol.RES_CODES knows)
REFUSAL_HINTS = {
    "PS_DATA_INVALID": QT_TRANSLATE_NOOP("national", "Sửa các mục cổng nêu ở trạm, bác sĩ kết luận ký lại; bản mới "
                                                     "được gửi tự động."),
    "PS_SIGNATURE_INVALID": QT_TRANSLATE_NOOP("national", "Khoá ký của cơ sở không khớp khoá công khai đã đăng ký với "
                                                          "cổng: đăng ký lại khoá công khai hoặc đặt lại khoá bằng "
                                                          "'office national setup'."),
    "PS_HEADER_INVALID": QT_TRANSLATE_NOOP("national", "Kiểm tra mã cơ sở (sender_id) và receiver_id trong "
                                                       "'office national setup'."),
    "PS_DUPLICATE_MSG_ID": QT_TRANSLATE_NOOP("national", "Cổng đã nhận một hồ sơ khác với cùng mã thông điệp; hãy "
                                                         "báo cho bộ phận kỹ thuật."),
}
DEFAULT_HINT = QT_TRANSLATE_NOOP("national", "Xem thông báo của cổng; sửa ở trạm, bác sĩ kết luận ký lại.")


# -- errors ----------------------------------------------------------------------------------------------------

class NationalFieldError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Giá trị của {field} không hợp lệ: {expected}. Hãy sửa rồi chạy lại lệnh.")


class NationalStationUnknownError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Trạm {code} chưa được đăng ký với đơn vị nhận. Hãy đăng ký trạm trước "
                                           "('station-app office stations add') rồi thiết lập liên thông.")


class NationalKeyError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Khoá ký của cơ sở không dùng được: {reason} Không có gì thay đổi.")


class NationalTrustFileError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Không đọc được chứng thư của tổ chức chứng thực trong tệp {path}. Cần tệp "
                                           "PEM hoặc DER của chứng thư gốc (CA) do tổ chức đó công bố.")


class NationalTrustUnknownError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Không có tổ chức chứng thực nào có dấu vân tay bắt đầu bằng '{prefix}' "
                                           "(hoặc có nhiều hơn một). Xem danh sách bằng 'office national trust list'.")


# -- settings ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FacilityInput:
    """What ``office national setup`` (or the window's form) gives; either a PKCS#12 file or a token."""

    station: str
    sender_id: str
    ma_cskcb: str
    gln: str
    url: str
    username: str
    password: str
    receiver_id: str | None = None
    p12: bytes | None = None
    passphrase: str | None = None
    pkcs11_module: str | None = None
    pin: str | None = None
    token_label: str | None = None


@dataclass(frozen=True)
class FacilityView:
    """A facility's national settings as shown: never a secret."""

    station: str
    sender_id: str
    ma_cskcb: str
    gln: str
    url: str
    receiver_id: str | None
    username: str
    key_kind: str
    certificate_fingerprint: str
    account_problem: str | None
    updated_at: dt.datetime


_SENDER = re.compile(r"[0-9]{13}")
_CSKCB = re.compile(r"[0-9A-Za-z]{5}")
_PRINTABLE = re.compile(r"[\x21-\x7e]{1,40}")


def check_input(given: FacilityInput) -> None:
    """Each field, with a message naming the field and what it must be."""
    _expect(_SENDER.fullmatch(given.sender_id or ""), "--sender-id", "đúng 13 chữ số do đơn vị vận hành cổng cấp")
    _expect(_CSKCB.fullmatch(given.ma_cskcb or ""), "--ma-cskcb", "đúng 5 chữ hoặc số (mã cơ sở khám chữa bệnh)")
    _expect(gln_valid(given.gln or ""), "--gln", "mã GLN 13 chữ số với số kiểm tra đúng")
    _expect(url_usable(given.url or ""), "--url", "địa chỉ https://… (http:// chỉ với chính máy này)")
    _expect(given.receiver_id is None or _PRINTABLE.fullmatch(given.receiver_id), "--receiver-id",
            "tối đa 40 ký tự, không dấu cách")
    _expect(0 < len(given.username or "") <= 100, "--username", "tên đăng nhập liên thông, tối đa 100 ký tự")
    _expect(bool(given.password), "mật khẩu liên thông", "không được để trống")
    _expect((given.p12 is None) != (given.pkcs11_module is None), "khoá ký",
            "chọn một: --p12 TỆP hoặc --pkcs11-module ĐƯỜNG_DẪN")


def _expect(ok: object, name: str, expected: str) -> None:
    if not ok:
        raise NationalFieldError(field=name, expected=expected)


def gln_valid(text: str) -> bool:
    """A GS1 Global Location Number: 13 digits whose last is the check digit."""
    if not re.fullmatch(r"[0-9]{13}", text):
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(text[:12]))
    return (10 - total % 10) % 10 == int(text[12])


def url_usable(text: str) -> bool:
    """https://, or http:// to this machine (a stand-in hub)."""
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    loopback = parts.hostname in ("localhost", "127.0.0.1", "::1")
    return bool(parts.hostname) and (parts.scheme == "https" or (parts.scheme == "http" and loopback))


def setup_facility(office, given: FacilityInput) -> FacilityView:  # noqa: ANN001 - OfficeService
    """Checks every field and the signing key (it must open and sign now), then keeps the settings with the
    secrets encrypted; an event records the change (which station, which key), never a secret."""
    check_input(given)
    with OfficeUnitOfWork(office.db) as uow:
        if uow.store.station(given.station) is None:
            raise NationalStationUnknownError(code=given.station)
    signer = _open_signer(_secrets_of(given), "token" if given.pkcs11_module else "file")
    try:
        public = signer.certificate.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
        fingerprint = certificates.fingerprint(signer.certificate)
    finally:
        _close(signer)
    sealed = _encrypt(office, json.dumps(_secrets_of(given)).encode("utf-8"))
    with OfficeUnitOfWork(office.db) as uow:
        row = uow.national.facility(given.station) or uow.national.add(
            OfficeNationalFacilityRow(station_code=given.station, secrets=b"", key_kind="", public_key_pem="",
                                      certificate_fingerprint="", sender_id="", ma_cskcb="", gln="", base_url="",
                                      username=""))
        row.sender_id, row.ma_cskcb, row.gln, row.base_url = given.sender_id, given.ma_cskcb, given.gln, given.url
        row.receiver_id, row.username, row.secrets = given.receiver_id, given.username, sealed
        row.key_kind, row.public_key_pem = ("token" if given.pkcs11_module else "file"), public
        row.certificate_fingerprint, row.account_problem, row.updated_at = fingerprint, None, utcnow()
        uow.national.note("national_setup", given.station, key_kind=row.key_kind, certificate=fingerprint[:16])
        view = _view(row)
    log.info("national settings of station %s set (%s key)", given.station, view.key_kind)
    return view


def facilities(office) -> list[FacilityView]:  # noqa: ANN001 - OfficeService
    with OfficeUnitOfWork(office.db) as uow:
        return [_view(row) for row in uow.national.facilities()]


def facility_public_key(office, station: str) -> str | None:  # noqa: ANN001 - OfficeService
    """The PEM to register with the hub (the facility's public key), or None when not set up."""
    with OfficeUnitOfWork(office.db) as uow:
        row = uow.national.facility(station)
        return row.public_key_pem if row else None


def _view(row: OfficeNationalFacilityRow) -> FacilityView:
    return FacilityView(row.station_code, row.sender_id, row.ma_cskcb, row.gln, row.base_url, row.receiver_id,
                        row.username, row.key_kind, row.certificate_fingerprint, row.account_problem, row.updated_at)


def _secrets_of(given: FacilityInput) -> dict:
    if given.pkcs11_module:
        return {"password": given.password, "module": given.pkcs11_module, "pin": given.pin or "",
                "label": given.token_label}
    return {"password": given.password, "p12": base64.b64encode(given.p12 or b"").decode("ascii"),
            "passphrase": given.passphrase or ""}


def _open_signer(secrets: dict, kind: str) -> Signer:
    """The facility's signer; it must hold an RSA key (the hub's message signature is RSA) allowed to sign now."""
    if kind == "token":
        signer: Signer = open_token(secrets["module"], secrets["pin"], token_label=secrets.get("label"))
    else:
        signer = load_pkcs12(base64.b64decode(secrets["p12"]), secrets["passphrase"])
    try:
        if signer.algorithm != RSA_SHA256 or not isinstance(signer.certificate.public_key(), rsa.RSAPublicKey):
            raise NationalKeyError(reason=QT_TRANSLATE_NOOP("national", "cổng liên thông cần khoá RSA."))
        certificates.check_for_signing(signer.certificate)
    except StationError:
        _close(signer)
        raise
    return signer


def _close(signer: Signer) -> None:
    closing = getattr(signer, "close", None)
    if closing is not None:
        closing()


def _identity(office):  # noqa: ANN001, ANN202 - OfficeService, pyrage Identity
    from pyrage import x25519

    from station_app.services.office.service import AGE_KEY_FILE

    text = (office.folder / AGE_KEY_FILE).read_text(encoding="ascii")
    return x25519.Identity.from_str(next(line for line in text.splitlines() if line.startswith("AGE-SECRET")))


def _encrypt(office, data: bytes) -> bytes:  # noqa: ANN001 - OfficeService
    import pyrage

    return pyrage.encrypt(data, [_identity(office).to_public()])


def _decrypt(office, sealed: bytes) -> dict:  # noqa: ANN001 - OfficeService
    import pyrage

    return json.loads(pyrage.decrypt(sealed, [_identity(office)]))


# -- trusted CAs -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TrustedCA:
    fingerprint: str
    subject: str
    not_after: dt.datetime
    released: int = 0  # held records whose signatures this CA now vouches for (on ``trust_add``)


def trust_add(office, path: Path) -> TrustedCA:  # noqa: ANN001 - OfficeService
    """A CA whose certificates the office accepts for examiners' signatures."""
    try:
        data = Path(path).read_bytes()[:MAX_CA_BYTES + 1]
        if len(data) > MAX_CA_BYTES:
            raise ValueError("too large")
        cert = certificates.load_certificate(data)
    except (OSError, ValueError, StationError) as exc:
        raise NationalTrustFileError(path=str(path)) from exc
    pem = cert.public_bytes(serialization.Encoding.PEM)
    found = _trusted_of(cert)
    with OfficeUnitOfWork(office.db) as uow:
        if uow.national.trust_row(found.fingerprint) is None:
            uow.national.add(OfficeNationalTrustRow(fingerprint=found.fingerprint, subject=found.subject, pem=pem))
            uow.national.note("national_trust_added", None, fingerprint=found.fingerprint[:16])
    return replace(found, released=_recheck_held(office))


def _recheck_held(office) -> int:  # noqa: ANN001 - OfficeService
    """The held records' signatures checked again with the CAs trusted now: how many records are now waiting."""
    with OfficeUnitOfWork(office.db) as uow:
        held = sum(f.state == "held" for f in uow.national.facts())
        for code, batch_id, resource in uow.national.held_provenances():
            receive_signatures(uow.national, [resource], station_code=code, batch_id=batch_id, now=utcnow())
        return held - sum(f.state == "held" for f in uow.national.facts())


def trust_list(office) -> list[TrustedCA]:  # noqa: ANN001 - OfficeService
    with OfficeUnitOfWork(office.db) as uow:
        return [_trusted_of(certificates.load_certificate(row.pem)) for row in uow.national.trusted()]


def trust_remove(office, prefix: str) -> TrustedCA:  # noqa: ANN001 - OfficeService
    """Stop trusting the CA whose fingerprint starts with ``prefix`` (at least 8 hex digits, one match)."""
    with OfficeUnitOfWork(office.db) as uow:
        rows = [r for r in uow.national.trusted() if len(prefix) >= 8 and r.fingerprint.startswith(prefix.lower())]
        if len(rows) != 1:
            raise NationalTrustUnknownError(prefix=prefix)
        found = _trusted_of(certificates.load_certificate(rows[0].pem))
        uow.national.remove(rows[0])
        uow.national.note("national_trust_removed", None, fingerprint=found.fingerprint[:16])
    return found


def _trusted_of(cert: x509.Certificate) -> TrustedCA:
    return TrustedCA(certificates.fingerprint(cert), cert.subject.rfc4514_string(),
                     cert.not_valid_after_utc.replace(tzinfo=None))


# -- import ------------------------------------------------------------------------------------------------------

def receive_signatures(store: NationalStore, provenances: list[dict], *, station_code: str, batch_id: int,
                       now: dt.datetime) -> Counter:
    """Every signature of a batch checked and kept, inside the import's transaction (services/office/importing.py).
    Returns counts (valid, invalid, unreadable, records) for the log."""
    from station_app.services.office.signatures import verify_provenance

    trusted = [certificates.load_certificate(row.pem) for row in store.trusted()]
    counts: Counter = Counter()
    for resource in provenances:
        found = _trusted_only(verify_provenance(resource, trusted))
        if not found.visit_uid:
            counts["unreadable"] += 1  # names no visit: nothing to hold back
            continue
        counts["valid" if found.valid else "invalid"] += 1
        if _keep(store, found, _document_key(found, resource), station_code, batch_id) and found.kind == "conclusion":
            counts["records"] += _conclusion(store, found, station_code, now)
    return counts


def _trusted_only(found):  # noqa: ANN001, ANN202 - OfficeSignature
    """A signature whose chain was not checked (no CA trusted yet) is not one the facility may countersign."""
    if found.valid and not found.chain_checked:
        return replace(found, valid=False, problem=NO_TRUSTED_CA)
    return found


def _document_key(found, resource: dict) -> str:  # noqa: ANN001 - OfficeSignature
    """What a signature is kept once under: its document's SHA-256; without a readable document, its resource id."""
    if found.xml:
        return hashlib.sha256(found.xml).hexdigest()
    return hashlib.sha256(b"no-document:" + str(resource.get("id"))[:200].encode("utf-8")).hexdigest()


def _keep(store: NationalStore, found, digest: str, station_code: str, batch_id: int) -> bool:  # noqa: ANN001
    """The signature kept once (a batch may carry it again); True when it is new or its verdict changed (a CA
    trusted since), so that its record is made or updated."""
    row = store.signature(digest)
    if row is not None and (row.valid, row.problem) == (found.valid, found.problem):
        return False
    row = row or store.add(OfficeSignatureRow(station_code=station_code, visit_uid=found.visit_uid, part=found.part,
                                              kind=found.kind, xml_sha256=digest, xml=found.xml, valid=found.valid,
                                              batch_id=batch_id))
    row.certificate_fingerprint, row.cchn = found.fingerprint or None, found.cchn or None
    row.signed_at, row.content_digest = _naive(found.signed_at), found.content_digest or None
    row.valid, row.problem = found.valid, found.problem
    return True


def _naive(moment: dt.datetime | None) -> dt.datetime | None:
    """Naive UTC, as every time in the office tables."""
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment and moment.tzinfo else moment


def _conclusion(store: NationalStore, found, code: str, now: dt.datetime) -> int:  # noqa: ANN001 - OfficeSignature
    """A conclusion signature applied to the visit's record: 1 when a record version was made or changed."""
    latest = store.latest_record(code, found.visit_uid)
    if not found.valid:
        return _hold(store, latest, found, code)
    if latest is not None and latest.signed_at and _naive(found.signed_at) < latest.signed_at:
        return 0  # a late batch with an earlier conclusion: the newer one stands
    if latest is not None and latest.content_digest == found.content_digest and latest.state != "held":
        return 0  # the same content signed again: nothing new to send
    row = latest if latest is not None and latest.state in ("waiting", "held") and latest.msg_id is None else None
    if row is None:
        row = store.add(OfficeNationalRecordRow(
            station_code=code, visit_uid=found.visit_uid, version=(latest.version + 1) if latest else 1,
            state="waiting", attempts=0, content_digest=found.content_digest, conclusion_xml=found.xml,
            completed_at=_completed_at(store, found.visit_uid), created_at=now))
    row.state, row.content_digest, row.conclusion_xml = "waiting", found.content_digest, found.xml
    row.signed_at, row.form = _naive(found.signed_at), _form_of(found.xml)
    row.problem = None if _parts_signed(found.xml) else PARTS_UNSIGNED
    row.completed_at = row.completed_at or _completed_at(store, found.visit_uid)
    return 1


def _hold(store: NationalStore, latest: OfficeNationalRecordRow | None, found, code: str) -> int:  # noqa: ANN001
    """An invalid conclusion signature: the record is held back with the reason, never pushed."""
    if latest is not None and latest.state in ("waiting", "held") and latest.msg_id is None:
        latest.state, latest.problem = "held", found.problem
        return 1
    store.add(OfficeNationalRecordRow(
        station_code=code, visit_uid=found.visit_uid, version=(latest.version + 1) if latest else 1, state="held",
        problem=found.problem, attempts=0, content_digest=hashlib.sha256(found.xml).hexdigest(),
        conclusion_xml=found.xml, completed_at=_completed_at(store, found.visit_uid)))
    return 1


def _completed_at(store: NationalStore, visit_uid: str) -> dt.datetime | None:
    text = store.visit_completed_at(visit_uid)
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.timezone.utc).replace(
            tzinfo=None) if text else None
    except ValueError:
        return None


def _form_of(xml: bytes) -> int | None:
    value = xmldsig.parse(xml).get("MAU_BIEU") or ""
    return int(value) if value.isdigit() and len(value) <= 2 else None


def _facility_code(xml: bytes) -> str:
    """The MA_CSKCB the concluding doctor signed on the record."""
    return str(xmldsig.parse(xml).get("MA_CSKCB") or "")


def _parts_signed(xml: bytes) -> bool:
    """Every examiner's place in the concluded record holds their signature value."""
    return all((e.text or "").strip() for e in xmldsig.parse(xml).iter("CKS_NGUOI_KHAM"))


# -- the record sent ---------------------------------------------------------------------------------------------

def hoso_from_xml(signed_xml: bytes) -> dict:
    """The ``HOSO`` JSON read from the facility-signed XML: each PL01 element's text under its code (a code met
    more than once, a list), marks under ``danh_dau`` as ``pl01_exports.as_json`` writes them, the laboratory rows
    as a list, and the CKS_* fields its form has the signature values. Nothing comes from outside the signed document."""
    root = xmldsig.parse(signed_xml)
    hoso: dict[str, object] = {}
    marks: dict[str, dict] = {}
    rows: list[dict] = []
    for child in root:
        if not isinstance(child.tag, str) or child.tag.startswith("{"):
            continue  # comments; the signatures (their values go below)
        if child.tag == LAB_GROUP:
            rows.append({c.tag: c.text for c in child if isinstance(c.tag, str) and c.text})
        elif child.get("trang_thai"):
            marks[child.tag] = {k: child.get(k) for k in ("trang_thai", "ly_do") if child.get(k)}
        elif (child.text or "").strip():
            _put(hoso, child.tag, child.text.strip())
    # forms 14-17 (school books) have no conclusion fields: their signatures travel in the signed XML only
    for code, signature_id in (("CKS_NGUOI_KET_LUAN", CONCLUSION_SIGNATURE), ("CKS_BENH_VIEN", FACILITY_SIGNATURE)):
        if root.find(code) is not None:
            hoso[code] = xmldsig.signature_value(signed_xml, signature_id)
    if rows:
        hoso[LAB_GROUP] = rows
    if marks:
        hoso["danh_dau"] = marks
    return hoso


def _put(hoso: dict, code: str, value: str) -> None:
    held = hoso.get(code)
    hoso[code] = value if held is None else [*held, value] if isinstance(held, list) else [held, value]


# -- push --------------------------------------------------------------------------------------------------------

@dataclass
class StationPush:
    """What one push run did for one station."""

    station: str
    accepted: int = 0
    refused: int = 0
    retry: int = 0
    skipped: int = 0  # waiting with a reason (parts unsigned, no settings)
    problem: str | None = None  # why this station's pushing stopped


@dataclass
class PushSummary:
    stations: list[StationPush] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(s, name) for s in self.stations)


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4 … minutes after each failed try, at most an hour: the protocol settings' ``retry_schedule``."""
    from station_app.services.office.national.protocol import NationalSettings
    return dt.timedelta(seconds=NationalSettings().retry_delay(attempts))


def push(office, *, station: str | None = None, older_than: dt.timedelta | None = None,  # noqa: ANN001
         now: dt.datetime | None = None) -> PushSummary:
    """Push every due record (of ``station``, or of every station); ``older_than``: only those completed at least
    that long ago. Runs on the caller's thread (the window runs it off the GUI thread)."""
    now = now or utcnow()
    summary = PushSummary()
    with OfficeUnitOfWork(office.db) as uow:
        codes = [station] if station else uow.national.stations_with_records()
    for code in codes:
        summary.stations.append(_push_station(office, code, now, now - older_than if older_than else None))
    log.info("national push: %d accepted, %d refused, %d to retry, %d waiting with a reason",
             *(summary.total(n) for n in ("accepted", "refused", "retry", "skipped")))
    return summary


def _push_station(office, code: str, now: dt.datetime, before: dt.datetime | None) -> StationPush:  # noqa: ANN001
    done = StationPush(code)
    with OfficeUnitOfWork(office.db) as uow:
        facility = uow.national.facility(code)
        due = uow.national.due(code, now, before)
        if facility is None:
            done.skipped = _mark_waiting(uow.national, due, NOT_CONFIGURED)
            done.problem = NOT_CONFIGURED if due else None
            return done
        if facility.account_problem:
            done.problem, done.skipped = facility.account_problem, len(due)
            return done
        settings = _settings(facility)
        secrets, kind = _decrypt(office, facility.secrets), facility.key_kind
    if due:
        _push_due(office, code, due, settings, secrets, kind, now, done)
    return done


def _mark_waiting(store: NationalStore, ids: list[int], reason: str) -> int:
    for record_id in ids:
        row = store.record(record_id)
        if row.state == "waiting":
            row.problem = reason
    return len(ids)


def _settings(facility: OfficeNationalFacilityRow) -> dict:
    return {"base_url": facility.base_url, "sender_id": facility.sender_id, "username": facility.username,
            "ma_cskcb": facility.ma_cskcb,
            **({"receiver_id": facility.receiver_id} if facility.receiver_id else {})}


def _push_due(office, code: str, due: list[int], settings: dict, secrets: dict, kind: str,  # noqa: ANN001
              now: dt.datetime, done: StationPush) -> None:
    from station_app.services.office.national import protocol
    from station_app.services.office.national.client import NationalClient

    try:
        signer = _open_signer(secrets, kind)
    except StationError as exc:
        done.problem, done.skipped = str(exc), len(due)
        log.warning("station %s: the facility's signing key did not open (%s)", code, type(exc).__name__)
        return
    chosen = protocol.NationalSettings(base_url=settings["base_url"],
                                       **({"receiver_id": settings["receiver_id"]} if "receiver_id" in settings else {}))
    try:
        with NationalClient(chosen, username=settings["username"], password=secrets["password"],
                            sender_id=settings["sender_id"], sign=signer.sign) as client:
            for record_id in due:
                if not _push_one(office, client, signer, record_id, settings, now, done):
                    break
    except StationError as exc:  # the address refused by the client (not https)
        done.problem = str(exc)
    finally:
        _close(signer)


def _push_one(office, client, signer: Signer, record_id: int, settings: dict,  # noqa: ANN001
              now: dt.datetime, done: StationPush) -> bool:
    """One record: False when the station's pushing must stop (the account refused)."""
    prepared = _prepare(office, record_id, signer, settings, now)
    if prepared is None:
        done.skipped += 1
        return True
    data, msg_id = prepared
    outcome = client.push(data, msg_id)
    with OfficeUnitOfWork(office.db) as uow:
        row = uow.national.record(record_id)
        _apply(row, outcome, now)
        if outcome.kind == "account":
            uow.national.facility(row.station_code).account_problem = ACCOUNT_STOPPED.format(code=outcome.res_code)
            done.problem = ACCOUNT_STOPPED.format(code=outcome.res_code)
            return False
    setattr(done, outcome.kind, getattr(done, outcome.kind) + 1)
    return True


def _prepare(office, record_id: int, signer: Signer, settings: dict,  # noqa: ANN001
             now: dt.datetime) -> tuple[bytes, str] | None:
    """The envelope to send and its msg_id. The first time, the facility signs and the msg_id is made; both are
    kept (committed before anything is sent) so every retry sends the very same message."""
    from station_app.services.office.national import protocol

    sender_id = settings["sender_id"]
    with OfficeUnitOfWork(office.db) as uow:
        row = uow.national.record(record_id, lock=True)
        if row.problem == PARTS_UNSIGNED or row.state not in ("waiting", "pushed"):
            return None
        if row.record_xml is None and (found := _facility_code(row.conclusion_xml)) != settings["ma_cskcb"]:
            row.problem = OTHER_FACILITY.format(record=found or "—", settings=settings["ma_cskcb"])
            return None  # the facility never countersigns another facility's record
        if row.record_xml is None:
            row.record_xml = xmldsig.sign_enveloped(row.conclusion_xml, signer, signature_id=FACILITY_SIGNATURE,
                                                    into=CONCLUSION_SIGNATURE)
            row.msg_id = protocol.make_msg_id(sender_id, now.replace(tzinfo=dt.timezone.utc), uuid.uuid4())
        row.state, row.problem = "pushed", None
        row.pushed_at, row.attempts = row.pushed_at or now, row.attempts + 1
        data = protocol.data_envelope(hoso_from_xml(row.record_xml), row.form or 0, row.record_xml, sender_id)
        return data, row.msg_id


def _apply(row: OfficeNationalRecordRow, outcome, now: dt.datetime) -> None:  # noqa: ANN001 - PushOutcome
    row.res_code, row.res_msg = outcome.res_code[:80], outcome.res_msg
    if outcome.kind == "accepted":
        row.state, row.accepted_at, row.txn_id, row.next_attempt_at = "accepted", now, outcome.txn_id[:100], None
    elif outcome.kind == "refused":
        row.state, row.refused_at, row.next_attempt_at = "refused", now, None
    elif outcome.kind == "account":
        row.attempts -= 1  # the login was refused: this record was not sent this time
        row.state = "pushed" if row.attempts else "waiting"
    else:
        row.next_attempt_at = now + backoff(row.attempts)


# -- status ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StationStatus:
    station: str
    counts: dict[str, int]
    oldest_waiting: dt.datetime | None  # completion time of the oldest record not yet accepted nor refused
    amber: int  # not accepted, completed more than 20 h ago
    red: int  # not accepted, completed more than 24 h ago
    configured: bool
    problem: str | None


@dataclass(frozen=True)
class LateRecord:
    station: str
    visit_uid: str
    version: int
    state: str
    hours: float
    colour: str  # amber | red | ""
    problem: str | None


@dataclass(frozen=True)
class RefusedRecord:
    station: str
    visit_uid: str
    version: int
    res_code: str
    res_msg: str
    refused_at: dt.datetime | None
    hint: str


@dataclass(frozen=True)
class NationalStatus:
    stations: list[StationStatus]
    late: list[LateRecord]
    refused: list[RefusedRecord]
    held: list[LateRecord]
    blocked: list[LateRecord] = field(default_factory=list)  # waiting with a reason (parts unsigned, no settings)

    def as_json(self) -> dict:
        def plain(value: object) -> object:
            return value.isoformat() + "Z" if isinstance(value, dt.datetime) else value
        return {name: [{k: plain(v) for k, v in vars(item).items()} for item in getattr(self, name)]
                for name in ("stations", "late", "refused", "held", "blocked")}


def status(office, *, station: str | None = None, older_than: dt.timedelta = dt.timedelta(hours=AMBER_HOURS),  # noqa: ANN001
           now: dt.datetime | None = None) -> NationalStatus:
    """Counts by state per station, the oldest waiting, records past 20 h and 24 h, refusals and what to correct."""
    now = now or utcnow()
    with OfficeUnitOfWork(office.db) as uow:
        facts = uow.national.facts(station)
        configured = {f.station_code: f.account_problem for f in uow.national.facilities()}
    codes = sorted({f.station_code for f in facts} | ({station} if station else set(configured)))
    late = [_late(f, now) for f in facts if _open(f) and _hours(f, now) >= older_than.total_seconds() / 3600]
    held = [_late(f, now) for f in facts if f.state == "held"]
    blocked = [_late(f, now) for f in facts if f.state == "waiting" and f.problem]
    refused = [RefusedRecord(f.station_code, f.visit_uid, f.version, f.res_code or "", f.res_msg or "",
                             f.refused_at, REFUSAL_HINTS.get(f.res_code or "", DEFAULT_HINT))
               for f in facts if f.state == "refused"]
    return NationalStatus([_station_status(c, [f for f in facts if f.station_code == c], configured, now)
                           for c in codes], late, refused, held, blocked)


def _open(fact: RecordFact) -> bool:
    return fact.state not in ("accepted",)


def _hours(fact: RecordFact, now: dt.datetime) -> float:
    return (now - fact.completed_at).total_seconds() / 3600 if fact.completed_at else 0.0


def _colour(hours: float) -> str:
    return "red" if hours >= RED_HOURS else "amber" if hours >= AMBER_HOURS else ""


def _late(fact: RecordFact, now: dt.datetime) -> LateRecord:
    hours = _hours(fact, now)
    return LateRecord(fact.station_code, fact.visit_uid, fact.version, fact.state, round(hours, 1),
                      _colour(hours) if _open(fact) else "", fact.problem)


def _station_status(code: str, facts: list[RecordFact], configured: dict, now: dt.datetime) -> StationStatus:
    waiting = [f.completed_at for f in facts if _open(f) and f.state != "refused" and f.completed_at]
    colours = Counter(_colour(_hours(f, now)) for f in facts if _open(f))
    return StationStatus(code, dict(Counter(f.state for f in facts)), min(waiting, default=None),
                         colours["amber"], colours["red"], code in configured,
                         configured.get(code) or (None if code in configured else NOT_CONFIGURED))


# -- report figures ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DayFigures:
    """One station's day (by completion, UTC date): the 24-hour rule measured."""

    station: str
    day: dt.date
    completed: int
    signed: int
    pushed: int
    accepted: int
    refused: int
    median_hours: float | None  # completion → national acceptance
    within_24h: float | None  # share of the accepted accepted within 24 h


def day_figures(facts: list[RecordFact], completed: dict[tuple[str, dt.date], int]) -> list[DayFigures]:
    """``completed``: visits completed per (station, day), from the office's visits."""
    by_day: dict[tuple[str, dt.date], list[RecordFact]] = {}
    for f in facts:
        if f.completed_at:
            by_day.setdefault((f.station_code, f.completed_at.date()), []).append(f)
    return [_figures(key, by_day.get(key, []), completed.get(key, 0)) for key in sorted(set(by_day) | set(completed))]


def _figures(key: tuple[str, dt.date], facts: list[RecordFact], completed: int) -> DayFigures:
    hours = [(f.accepted_at - f.completed_at).total_seconds() / 3600 for f in facts if f.accepted_at]
    signed = [f for f in facts if f.state != "held" and f.problem != PARTS_UNSIGNED]
    return DayFigures(key[0], key[1], completed, len(signed), sum(f.pushed_at is not None for f in facts),
                      sum(f.state == "accepted" for f in facts), sum(f.state == "refused" for f in facts),
                      round(statistics.median(hours), 1) if hours else None,
                      round(sum(h <= RED_HOURS for h in hours) / len(hours), 3) if hours else None)
