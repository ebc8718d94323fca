"""Examiners sign their parts of a visit, and the concluding doctor the whole record (QĐ 1551).

A part is signed when a stored signature has the content digest of the part as it is now: amending a signed part
makes it "not yet signed" again without any hook (the digest no longer matches). A station without tokens still
works: a part stays "chưa ký", is listed by ``unsigned``, and the conclusion can be signed while parts are unsigned
(the office does not push a record with unsigned parts). Signing happens outside any transaction (a token may take
a second); the certificate is checked at that moment and must be the one registered on the signer's account.

Keys: a token's key never leaves it (the PIN opens it once per session: ``open_signer``); a ``.p12`` file
registered on an account is kept as a copy in ``<data folder>/keys/users/<user id>.p12`` (mode 0600, still
protected by its passphrase), so the passphrase alone opens it for the session.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from station_app.core.errors import StationError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01_signing import (CONCLUSION_PART, CONCLUSION_SIGNATURE_ID, PART_LABELS,
                                           PART_SIGNATURE_ID, cchn_of, conclusion_document, part_document,
                                           parts_of)
from station_app.core.model import AuditAction
from station_app.core.roles import Permission, can, require
from station_app.persistence.database import Database
from station_app.persistence.signatures import StoredSignature
from station_app.persistence.tables import SignatureRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from cryptography.hazmat.primitives.serialization import Encoding

from station_app.services.common.accounts import (AccountService, RegisteredCertificate, SignedInUser,
                                                  registered_certificate)
from station_app.services.common.signing import xmldsig
from station_app.services.common.signing.certificates import check_for_signing, fingerprint
from station_app.services.common.signing.signers import Signer, load_pkcs12, open_token, read_p12
from station_app.services.station.pl01_answers import desk_permission
from station_app.services.station.pl01_exports import as_xml
from station_app.services.station.pl01_values import DONE, Pl01Values, VisitRecord

log = logging.getLogger(__name__)
SIGNED, UNSIGNED, STALE = "signed", "unsigned", "stale"
PKCS11_SETTING = "signing.pkcs11_module"


class NoCertificateError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Tài khoản này chưa đăng ký chứng thư số: phần khám được lưu ở trạng thái chưa ký. Nhờ quản trị "
                  "viên đăng ký chứng thư số (tệp .p12 hoặc USB ký số) cho tài khoản rồi ký sau.")


class CertificateMismatchError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng thư số đang dùng không phải chứng thư số đã đăng ký cho tài khoản này. Cắm đúng USB ký số "
                  "(hoặc chọn đúng tệp .p12) của chính bạn rồi ký lại.")


class TokenModuleNotSetError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Máy này chưa được cài đặt trình điều khiển USB ký số. Nhờ quản trị viên đặt đường dẫn thư viện "
                  "PKCS#11 của nhà cung cấp chữ ký số (mục signing.pkcs11_module) rồi thử lại.")


class KeyFileMissingError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không thấy tệp khoá ký số (.p12) của tài khoản này trên máy. Nhờ quản trị viên đăng ký lại tệp "
                  ".p12; phần khám vẫn được lưu, ở trạng thái chưa ký.")


@dataclass(frozen=True)
class PartState:
    """One part of a visit and its signature: signed (with when and by whom), unsigned, or stale (amended since
    it was signed)."""

    visit_id: str
    part: str
    label: str
    state: str
    signed_at: dt.datetime | None = None
    signer_name: str | None = None
    recorded_by: str | None = None


@dataclass(frozen=True)
class VisitSignatures:
    visit_id: str
    parts: tuple[PartState, ...]
    conclusion: PartState | None  # None: never signed


@dataclass(frozen=True)
class Signed:
    visit_id: str
    part: str
    signature_id: str  # the stored row's id
    signed_at: dt.datetime
    unsigned_parts: tuple[str, ...] = ()  # a conclusion signed while these parts were not


@dataclass(frozen=True)
class SignedNow:
    visit_id: str
    parts: tuple[str, ...]  # signed now
    conclusion: bool  # the conclusion signed now
    left: tuple[str, ...]  # parts still not signed (others' parts)


@dataclass(frozen=True)
class UnsignedPart:
    visit_id: str
    visit_date: dt.date
    resident_name: str
    part: str
    label: str
    state: str  # unsigned or stale


class KeyFiles:
    """Copies of users' ``.p12`` files in the data folder (passphrase-protected as they came, mode 0600)."""

    def __init__(self, data_dir: Path) -> None:
        self._folder = data_dir / "keys" / "users"

    def path(self, user_id: str) -> Path:
        return self._folder / f"{user_id}.p12"

    def store(self, user_id: str, data: bytes) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        target = self.path(user_id)
        temp = target.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temp, target)

    def load(self, user_id: str, passphrase: str) -> Signer:
        if not self.path(user_id).exists():
            raise KeyFileMissingError()
        return load_pkcs12(self.path(user_id), passphrase)


class SignatureService:
    """Signing parts and conclusions, and what is signed or not. ``pkcs11_module`` gives the token driver's path
    (the station setting ``signing.pkcs11_module``) when a token is opened."""

    def __init__(self, db: Database, data_dir: Path, *, pkcs11_module: Callable[[], str | None] = lambda: None,
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._db, self._values = db, Pl01Values(db)
        self.keys = KeyFiles(data_dir)
        self._module, self._now = pkcs11_module, clock  # naive UTC

    # -- keys ------------------------------------------------------------------------------------------------

    def certificate_of(self, user_id: str) -> RegisteredCertificate | None:
        with UnitOfWork(self._db, read_only=True) as uow:
            row = uow.signatures.user(user_id)
            return registered_certificate(row) if row is not None else None

    def register_certificate(self, accounts: AccountService, actor: SignedInUser | None, username: str, *,
                             secret: str, p12: Path | None = None, cchn: str | None = None) -> RegisteredCertificate:
        """Registers ``username``'s certificate read from the .p12 file ``p12`` (opened with the passphrase
        ``secret``; the station keeps a copy, still passphrase-protected, for signing) or, without a file, from the
        token (PIN ``secret``; the driver from the setting ``signing.pkcs11_module``)."""
        data = None
        if p12 is not None:
            data = read_p12(p12)
            signer: Signer = load_pkcs12(data, secret)
        else:
            module = self._module()
            if not module:
                raise TokenModuleNotSetError()
            token = open_token(module, secret)
            token.close()
            signer = token
        registered = accounts.set_certificate(actor, username, certificate_der=signer.certificate.public_bytes(
            Encoding.DER), source="file" if data is not None else "token", cchn=cchn)
        if data is not None:
            self.keys.store(registered.user_id, data)
        return registered

    def open_signer(self, user: SignedInUser, secret: str) -> Signer:
        """The signer of ``user``'s registered certificate: the token opened with the PIN ``secret``, or the
        station's copy of their .p12 opened with the passphrase ``secret``. Runs off the GUI thread."""
        registered = self.certificate_of(user.id)
        if registered is None:
            raise NoCertificateError()
        if registered.source == "token":
            module = self._module()
            if not module:
                raise TokenModuleNotSetError()
            return open_token(module, secret, cert_fingerprint=registered.info.fingerprint)
        signer = self.keys.load(user.id, secret)
        _same_certificate(signer, registered)
        return signer

    # -- what is signed ----------------------------------------------------------------------------------------

    def parts_of(self, user: SignedInUser | None, visit_id: str) -> VisitSignatures:
        """Each part of the visit with its state, and the conclusion's."""
        found = self._values.of_visit(user, visit_id)
        with UnitOfWork(self._db, read_only=True) as uow:
            facility = _facility(uow)
            rows = uow.signatures.of_visits([visit_id])
            authors = uow.signatures.desk_authors([visit_id])
            names = uow.signatures.names(r.signer_id for r in rows)
        return _visit_states(found, facility, rows, authors, names)

    def unsigned(self, user: SignedInUser | None, *, by_user: str | None = None, days: int = 60,
                 limit: int = 300) -> list[UnsignedPart]:
        """Parts not yet signed (never, or amended since) of recent visits: by ``by_user`` (who saved them last)
        when given, else everyone's; newest visits first."""
        since = self._now().date() - dt.timedelta(days=days)
        with UnitOfWork(self._db, read_only=True) as uow:
            ids = list(uow.signatures.recent_visits_answered(by_user, since, limit))
        records = self._values.of_visits(user, ids)
        with UnitOfWork(self._db, read_only=True) as uow:
            facility = _facility(uow)
            rows = uow.signatures.of_visits(ids)
            authors = uow.signatures.desk_authors(ids)
        out: list[UnsignedPart] = []
        for found in records:
            states = _visit_states(found, facility, [r for r in rows if r.visit_id == found.visit_id], authors, {})
            out.extend(UnsignedPart(found.visit_id, found.visit_date, found.full_name, s.part, s.label, s.state)
                       for s in states.parts
                       if s.state != SIGNED and (by_user is None or s.recorded_by == by_user))
        log.info("unsigned parts listed: %d in %d visits", len(out), len(records))
        return out

    # -- signing --------------------------------------------------------------------------------------------

    def sign_mine(self, user: SignedInUser, visit_id: str, signer: Signer, *, conclude: bool = False) -> SignedNow:
        """After a save at a desk: signs every part of the visit not yet signed that ``user`` may sign and saved
        last (or whose author the station does not know), and with ``conclude`` the conclusion of a finished visit
        not yet signed as it is. Returns what was signed and what is left."""
        states = self.parts_of(user, visit_id)
        parts = [s.part for s in states.parts if s.state != SIGNED and s.recorded_by in (user.id, None)
                 and can(user.role, desk_permission(s.part))]
        for part in parts:
            self.sign_part(user, visit_id, part, signer)
        concluded = False
        if conclude and can(user.role, Permission.CONCLUDE_VISIT) and self._finished(visit_id) \
                and (states.conclusion is None or states.conclusion.state != SIGNED):
            self.sign_conclusion(user, visit_id, signer)
            concluded = True
        left = tuple(s.part for s in states.parts if s.state != SIGNED and s.part not in parts)
        return SignedNow(visit_id, tuple(parts), concluded, left)

    def sign_visits(self, visit_ids: Iterable[str], signers: Mapping[str, Signer], *, concluder: str,
                    chunk: int = 200) -> int:
        """Signs many visits at once (the training station): each part by whoever saved it last when ``signers``
        holds their key (else by ``concluder``), then the conclusion by ``concluder``; one audit event per chunk.
        Returns the number of signatures made. Certificates are those registered on the accounts."""
        made = 0
        ids = list(visit_ids)
        with UnitOfWork(self._db, read_only=True) as uow:
            facility = _facility(uow)
            registered = {u: registered_certificate(uow.signatures.user(u)) for u in signers}
        for start in range(0, len(ids), chunk):
            part_ids = ids[start:start + chunk]
            records = self._values.of_visits(None, part_ids)
            with UnitOfWork(self._db, read_only=True) as uow:
                authors = uow.signatures.desk_authors(part_ids)
            rows = [row for found in records
                    for row in self._bulk_rows(found, facility, signers, registered, authors, concluder)]
            with UnitOfWork(self._db) as uow:
                for row in rows:
                    uow.signatures.add(row)
                uow.audit(AuditAction.CREATE, "signatures", None, concluder,
                          {"signatures": len(rows), "visits": len(records), "bulk": True})
                uow.commit()
            made += len(rows)
        log.info("bulk signing: %d signatures of %d visits", made, len(ids))
        return made

    def _bulk_rows(self, found: VisitRecord, facility: str, signers: Mapping[str, Signer],
                   registered: Mapping[str, RegisteredCertificate | None], authors: Mapping[tuple[str, str], str],
                   concluder: str) -> list[SignatureRow]:
        now = self._now().replace(microsecond=0)
        rows, values = [], {}
        for part in parts_of(found.record):
            author = authors.get((found.visit_id, part))
            user_id = author if author in signers else concluder
            cert = registered[user_id]
            document = part_document(found.record, part, visit_id=found.visit_id, facility_code=facility,
                                     cchn=cert.cchn if cert else "")
            rows.append(_signed_row(found.visit_id, part, "part", document, PART_SIGNATURE_ID, signers[user_id],
                                    user_id, cert, now))
            values[part] = rows[-1].signature_value
        document = conclusion_document(as_xml(found.record), found.definition, visit_id=found.visit_id,
                                       facility_code=facility, version=1, part_values=values)
        rows.append(_signed_row(found.visit_id, CONCLUSION_PART, "conclusion", document, CONCLUSION_SIGNATURE_ID,
                                signers[concluder], concluder, registered[concluder], now))
        return rows

    def _finished(self, visit_id: str) -> bool:
        with UnitOfWork(self._db, read_only=True) as uow:
            visit = uow.exports.visits([visit_id]).get(visit_id)
            return visit is not None and visit.status in DONE

    def sign_part(self, user: SignedInUser, visit_id: str, part: str, signer: Signer) -> Signed:
        """Signs the part ``part`` (a desk) of the visit as it is now with ``user``'s registered certificate."""
        require(user.role, desk_permission(part))
        found = self._values.of_visit(user, visit_id)
        if part not in parts_of(found.record):
            raise ValidationError(field=PART_LABELS.get(part, part),
                                  reason=QT_TRANSLATE_NOOP("errors", "phần khám này chưa có gì để ký"))
        registered, facility = self._ready(user, signer)
        document = part_document(found.record, part, visit_id=visit_id, facility_code=facility,
                                 cchn=registered.cchn)
        return self._store(user, visit_id, part, "part", document, PART_SIGNATURE_ID, signer, registered)

    def sign_conclusion(self, user: SignedInUser, visit_id: str, signer: Signer) -> Signed:
        """The concluding doctor signs the whole record (a new version each time it changed); parts not signed
        at that moment are named in the result and left for their examiners."""
        require(user.role, Permission.CONCLUDE_VISIT)
        found = self._values.of_visit(user, visit_id)
        registered, facility = self._ready(user, signer)
        with UnitOfWork(self._db, read_only=True) as uow:
            rows = uow.signatures.of_visits([visit_id])
            version = uow.signatures.conclusions(visit_id) + 1
        current = _current_part_rows(found, facility, rows)
        document = conclusion_document(as_xml(found.record), found.definition, visit_id=visit_id,
                                       facility_code=facility, version=version,
                                       part_values={p: r.signature_value for p, r in current.items() if r})
        signed = self._store(user, visit_id, CONCLUSION_PART, "conclusion", document, CONCLUSION_SIGNATURE_ID,
                             signer, registered)
        unsigned = tuple(p for p, r in current.items() if r is None)
        return Signed(signed.visit_id, signed.part, signed.signature_id, signed.signed_at, unsigned)

    def _ready(self, user: SignedInUser, signer: Signer) -> tuple[RegisteredCertificate, str]:
        registered = self.certificate_of(user.id)
        if registered is None:
            raise NoCertificateError()
        _same_certificate(signer, registered)
        check_for_signing(signer.certificate, at=self._now().replace(tzinfo=dt.UTC))
        with UnitOfWork(self._db, read_only=True) as uow:
            return registered, _facility(uow)

    def _store(self, user: SignedInUser, visit_id: str, part: str, kind: str, document: bytes, signature_id: str,
               signer: Signer, registered: RegisteredCertificate) -> Signed:
        digest = xmldsig.content_digest(document)
        with UnitOfWork(self._db, read_only=True) as uow:
            same = uow.signatures.same_content(visit_id, part, digest)
        if same is not None:  # signed already as it is: nothing new to sign
            return Signed(visit_id, part, same.id, same.signed_at)
        now = self._now()
        signed = xmldsig.sign_enveloped(document, signer, signature_id=signature_id,
                                        signed_at=now.replace(tzinfo=dt.UTC))
        row = SignatureRow(visit_id=visit_id, part=part, kind=kind, signer_id=user.id,
                           certificate_fingerprint=registered.info.fingerprint, content_digest=digest,
                           signed_at=now.replace(microsecond=0), xml=signed,
                           signature_value=xmldsig.signature_value(signed, signature_id))
        with UnitOfWork(self._db) as uow:
            kept = uow.signatures.add(row)
            uow.audit(AuditAction.CREATE, "signatures", kept.id, user.id,
                      {"visit": visit_id, "part": part, "kind": kind, "certificate": registered.info.fingerprint[:16]})
            uow.commit()
        log.info("visit %s: %s %s signed (signature %s)", visit_id, kind, part, kept.id)
        return Signed(visit_id, part, kept.id, kept.signed_at)


def _signed_row(visit_id: str, part: str, kind: str, document: bytes, signature_id: str, signer: Signer,
                user_id: str, registered: RegisteredCertificate | None, now: dt.datetime) -> SignatureRow:
    signed = xmldsig.sign_enveloped(document, signer, signature_id=signature_id, signed_at=now.replace(tzinfo=dt.UTC))
    return SignatureRow(visit_id=visit_id, part=part, kind=kind, signer_id=user_id,
                        certificate_fingerprint=registered.info.fingerprint if registered else fingerprint(
                            signer.certificate), content_digest=xmldsig.content_digest(document), signed_at=now,
                        xml=signed, signature_value=xmldsig.signature_value(signed, signature_id))


def _same_certificate(signer: Signer, registered: RegisteredCertificate) -> None:
    if fingerprint(signer.certificate) != registered.info.fingerprint:
        raise CertificateMismatchError()


def _facility(uow: UnitOfWork) -> str:
    station = uow.stations.current()
    return (station.facility_code or "") if station is not None else ""


def _current_part_rows(found: VisitRecord, facility: str,
                       rows: Iterable[StoredSignature]) -> dict[str, StoredSignature | None]:
    """Each part of the record → its signature matching the part as it is now (None: not signed or stale)."""
    by_part: dict[str, list[StoredSignature]] = {}
    for row in rows:
        if row.kind == "part":
            by_part.setdefault(row.part, []).append(row)
    out: dict[str, StoredSignature | None] = {}
    for part in parts_of(found.record):
        digests = {cchn: xmldsig.content_digest(part_document(found.record, part, visit_id=found.visit_id,
                                                              facility_code=facility, cchn=cchn))
                   for cchn in {cchn_of(r.xml) for r in by_part.get(part, [])}}
        out[part] = next((r for r in reversed(by_part.get(part, []))
                          if digests.get(cchn_of(r.xml)) == r.content_digest), None)
    return out


def _visit_states(found: VisitRecord, facility: str, rows: list[StoredSignature],
                  authors: dict[tuple[str, str], str], names: dict[str, str]) -> VisitSignatures:
    current = _current_part_rows(found, facility, rows)
    ever = {r.part for r in rows}
    parts = tuple(_state(found.visit_id, part, row, part in ever, authors.get((found.visit_id, part)), names)
                  for part, row in current.items())
    conclusions = [r for r in rows if r.kind == "conclusion"]
    conclusion = None
    if conclusions:
        last = conclusions[-1]
        fresh = _conclusion_current(found, facility, last, current)
        conclusion = PartState(found.visit_id, CONCLUSION_PART, PART_LABELS[CONCLUSION_PART],
                               SIGNED if fresh else STALE, last.signed_at, names.get(last.signer_id))
    return VisitSignatures(found.visit_id, parts, conclusion)


def _state(visit_id: str, part: str, row: StoredSignature | None, ever: bool, author: str | None,
           names: dict[str, str]) -> PartState:
    label = PART_LABELS.get(part, part)
    if row is None:
        return PartState(visit_id, part, label, STALE if ever else UNSIGNED, recorded_by=author)
    return PartState(visit_id, part, label, SIGNED, row.signed_at, names.get(row.signer_id), author)


def _conclusion_current(found: VisitRecord, facility: str, last: StoredSignature,
                        current: dict[str, StoredSignature | None]) -> bool:
    """Whether the newest conclusion signature still covers the record as it is now."""
    version = int(xmldsig.parse(last.xml).get("PHIEN_BAN") or 0)
    document = conclusion_document(as_xml(found.record), found.definition, visit_id=found.visit_id,
                                   facility_code=facility, version=version,
                                   part_values={p: r.signature_value for p, r in current.items() if r})
    return xmldsig.content_digest(document) == last.content_digest
