"""The office's national receipts: each station told, signed, where its visits stand with the national system
(docs/batch-format.md, section 8). Written to a folder (``office national receipts``, and beside the batch receipts
when the office imports a stick), and answered over the network to the station that proves who it is."""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from station_app.core.bounded_json import cleaned
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.persistence.office.national_reads import NationalRecordFact
from station_app.persistence.office.reads import READ_ERRORS
from station_app.persistence.office.tables import utcnow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.exchange.keys import load_public_pem
from station_app.services.exchange.national_receipts import (CODE_CHARS, MAX_RECORDS, RES_MSG_CHARS, STATES,
                                                             TXN_CHARS, NationalRecord, national_name, proof_holds,
                                                             sign_national)
from station_app.services.exchange.receipts import envelope_bytes
from station_app.services.office.service import OfficeService, _station_keys

log = logging.getLogger(__name__)
_VISIT = re.compile(r"[A-Za-z0-9-]{1,64}")
HELD_TEXT = "chữ ký số không hợp lệ, đơn vị nhận chưa gửi lên hệ thống quốc gia"


class NationalStationUnknownError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận chưa đăng ký trạm {code}. Hãy xem danh sách trạm ('station-app office stations "
                  "list') và gõ đúng mã trạm.")


class NationalReceiptsFolderError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không ghi được biên nhận liên thông vào {path}. Hãy chọn thư mục khác (ví dụ một ổ USB còn "
                  "trống, có quyền ghi) rồi chạy lại.")


class NationalProofError(StationError):
    """The answer to a request for a national receipt that no registered station's current key signed."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Không xác minh được trạm đang hỏi (chữ ký của trạm sai, khoá cũ, hoặc đồng hồ máy trạm lệch quá "
                  "10 phút). Hãy chỉnh giờ máy trạm; nếu trạm vừa đổi khoá, gửi khoá công khai mới cho đơn vị nhận.")


def national_envelope(service: OfficeService, code: str, *, now: dt.datetime | None = None) -> dict:
    """The signed national receipt of one station: every national record the office holds for it (the most
    recently changed first, at most ``MAX_RECORDS``)."""
    with OfficeUnitOfWork(service.db) as uow:
        if uow.store.station(code) is None:
            raise NationalStationUnknownError(code=code[:40])
        facts = uow.national_reads.for_station(code, MAX_RECORDS)
    made_at = now or utcnow()
    records = [r for r in (_record(f, made_at) for f in facts) if r is not None]
    return sign_national(code, records, service._receipt_key(), made_at=made_at)  # noqa: SLF001 - one office key


def _record(fact: NationalRecordFact, made_at: dt.datetime) -> NationalRecord | None:
    """A fact as the receipt carries it: bounded, printable; a visit id the format cannot carry is left out. A
    record the office holds back (a signature that did not verify) reads as refused with the office's reason:
    the station must correct and sign again all the same."""
    state, code, message = fact.state, fact.res_code, fact.res_msg
    if state == "held":
        state, code, message = "refused", "held", fact.problem or HELD_TEXT
    if not _VISIT.fullmatch(fact.visit_uid or "") or state not in STATES or not 1 <= fact.version <= 1_000_000:
        return None
    return NationalRecord(fact.visit_uid, fact.version, state, fact.at or made_at, cleaned(fact.txn_id, TXN_CHARS),
                          cleaned(code, CODE_CHARS), cleaned(message, RES_MSG_CHARS))


def write_national(service: OfficeService, code: str, folder: Path, *, now: dt.datetime | None = None) -> Path:
    """``<code>.national.json`` in ``folder``, replacing the one before (written aside, then renamed)."""
    envelope = national_envelope(service, code, now=now)
    target = folder / national_name(code)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f".{target.name}.tmp"
        temp.write_bytes(envelope_bytes(envelope))
        os.replace(temp, target)
    except OSError as exc:
        raise NationalReceiptsFolderError(path=str(folder)) from exc
    log.info("national receipt written: %d records", len(envelope["receipt"]["records"]))
    return target


def write_beside(service: OfficeService, codes: set[str], folder: Path) -> list[Path]:
    """After an import onto a stick: each station's national receipt beside its batch receipts, when the office
    holds national records for it. Never stops the import: a database without national records yet (or a
    read-only stick) leaves the batch receipts as they are."""
    written = []
    for code in sorted(codes):
        try:
            if has_records(service, code):
                written.append(write_national(service, code, folder))
        except (*READ_ERRORS, StationError):
            log.warning("national receipt not written beside the batch receipts")
    return written


def has_records(service: OfficeService, code: str) -> bool:
    """Whether the office holds national records for the station (False before the office has their table)."""
    try:
        with OfficeUnitOfWork(service.db) as uow:
            return bool(uow.national_reads.for_station(code, 1))
    except READ_ERRORS:
        return False


def answer_station(service: OfficeService, code: str, proof: str | None, *,
                   now: dt.datetime | None = None) -> dict | None:
    """The national receipt for the station that asks, or None when the proof is not that station's (an unknown
    station gets the same None: the answer says nothing of who is registered)."""
    now = now or utcnow()
    if not _proven(service, code, proof, now):
        log.info("national receipt refused: no valid proof")
        return None
    return national_envelope(service, code, now=now)


def _proven(service: OfficeService, code: str, proof: str | None, now: dt.datetime) -> bool:
    with OfficeUnitOfWork(service.db) as uow:
        station = uow.store.station(code)
        if station is None:
            return False
        newest = _station_keys(uow.store, station)[-1].public_key_pem  # an old key proves nothing any more
    key = load_public_pem(newest)
    return isinstance(key, Ed25519PublicKey) and proof_holds(proof, code, [key], now)
