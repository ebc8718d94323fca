"""Where the station's visits stand with the national system, learnt from the office's national receipts
(docs/batch-format.md, section 8): a file on a USB stick (beside the batch receipts) or the office's answer over
the network after an upload. The format and its signature are ``services.exchange.national_receipts``.

A receipt is applied record by record: a version of a visit is changed only by news newer than what the station
knows (a later time, or at the same time a further state), so an old receipt brought in late never undoes a newer
state, and applying one receipt twice changes nothing the second time.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from station_app.core.bounded_json import cleaned
from station_app.core.errors import NotInitialisedError, StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction
from station_app.persistence.database import Database
from station_app.persistence.tables import NationalStateRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.files import files_named
from station_app.services.exchange.national_receipts import (NATIONAL_LIMITS, NATIONAL_SUFFIX, NationalReceipt,
                                                             NationalReceiptInvalid, NationalRecord, verify_national)
from station_app.services.station.receipts import receipt_public_key

log = logging.getLogger(__name__)
SHOWN_MSG_CHARS = 300  # the national system's message, as kept and shown
# a further state wins a tie of times: the hub's answer comes after the push that asked it
_RANK = {"waiting": 0, "pushed": 1, "refused": 2, "accepted": 3}

REFUSALS = {
    "unreadable": QT_TRANSLATE_NOOP("receipts", "không phải tệp biên nhận liên thông (JSON office-national/1)"),
    "too_large": QT_TRANSLATE_NOOP("receipts", "tệp quá lớn, không phải biên nhận liên thông"),
    "bad_signature": QT_TRANSLATE_NOOP(
        "receipts", "chữ ký không hợp lệ: biên nhận liên thông bị sửa hoặc không do đơn vị nhận ký"),
    "other_station": QT_TRANSLATE_NOOP("receipts", "biên nhận liên thông của trạm khác"),
}

# what the lists and the visit history say; the window translates them (context "national")
ACCEPTED_TEXT = QT_TRANSLATE_NOOP("national", "Đã liên thông {at}")
REFUSED_TEXT = QT_TRANSLATE_NOOP("national", "Bị từ chối: {reason} — cần sửa rồi ký lại")
WAITING_TEXT = QT_TRANSLATE_NOOP("national", "Đang chờ liên thông")
FILTERS = ("accepted", "refused", "waiting", "none")  # the lists' filter: "none" = the office said nothing yet


class NationalReceiptRefusedError(StationError):
    """A national receipt the station will not take; ``reason`` is a key of ``REFUSALS``."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Không nhận biên nhận liên thông {file}: {reason_text}. Không có gì thay đổi; hãy xin đơn vị "
                  "nhận biên nhận mới (lệnh 'station-app office national receipts') hoặc gửi dữ liệu qua mạng lại.")

    def __init__(self, file: str, reason: str) -> None:
        self.reason = reason
        super().__init__(file=file, reason_text=REFUSALS[reason])


@dataclass(frozen=True)
class NationalApplied:
    """What one receipt did: records it held, versions changed, visits this station does not hold, and records
    older than what the station already knew (kept as they were)."""

    records: int
    changed: int
    not_here: int
    older: int
    made_at: dt.datetime


@dataclass(frozen=True)
class NationalStatus:
    """A visit's national state as shown: the newest version's."""

    state: str  # waiting, pushed, accepted, refused
    at: dt.datetime  # UTC
    version: int
    res_code: str = ""
    res_msg: str = ""

    @property
    def accepted(self) -> bool:
        return self.state == "accepted"

    @property
    def refused(self) -> bool:
        return self.state == "refused"

    @property
    def filter_key(self) -> str:
        return self.state if self.state in ("accepted", "refused") else "waiting"


def local_time(moment: dt.datetime) -> dt.datetime:
    """Stored in UTC; the station is in Vietnam (UTC+7, no daylight saving)."""
    return moment + dt.timedelta(hours=7)


def national_text(status: NationalStatus | None, translate=lambda text: text) -> str:  # noqa: ANN001
    """The words for a visit's state ("" when the office said nothing yet); ``translate`` is the window's."""
    if status is None:
        return ""
    if status.accepted:
        return translate(ACCEPTED_TEXT).format(at=f"{local_time(status.at):%d/%m/%Y %H:%M}")
    if status.refused:
        reason = status.res_msg or status.res_code or "—"
        return translate(REFUSED_TEXT).format(reason=reason)
    return translate(WAITING_TEXT)


class NationalStates:
    """National receipts and what they taught the station, for the window and the command line."""

    def __init__(self, db: Database, data_dir: Path) -> None:
        self._db, self._data_dir = db, Path(data_dir)

    def apply_bytes(self, data: bytes, *, name: str = "", via: str = "file",
                    now: dt.datetime | None = None) -> NationalApplied:
        """Verify a receipt with the office bundle's receipt key and apply it; ``NationalReceiptRefusedError``."""
        return apply_national(self._db, self._data_dir, data, name=name, via=via, now=now)

    def of_visits(self, visit_ids: list[str]) -> dict[str, NationalStatus]:
        return statuses(self._db, visit_ids)

    def of_visit(self, visit_id: str) -> NationalStatus | None:
        return statuses(self._db, [visit_id]).get(visit_id)


def apply_national(db: Database, data_dir: Path, data: bytes, *, name: str = "", via: str = "file",
                   now: dt.datetime | None = None) -> NationalApplied:
    """Verify ``data`` and apply its records (see the module's docstring); audited once when anything changed."""
    try:
        receipt = verify_national(data, receipt_public_key(data_dir))
    except NationalReceiptInvalid as exc:
        log.warning("national receipt refused: %s", exc.reason)
        raise NationalReceiptRefusedError(name, exc.reason) from exc
    return _apply(db, receipt, name, via)


def _apply(db: Database, receipt: NationalReceipt, name: str, via: str) -> NationalApplied:
    with UnitOfWork(db) as uow:
        station = uow.stations.current()
        if station is None:
            raise NotInitialisedError()
        if receipt.station != station.code:
            log.warning("national receipt refused: another station's")
            raise NationalReceiptRefusedError(name, "other_station")
        here = uow.national_states.known_visits(r.visit for r in receipt.records)
        changed = older = 0
        for record in receipt.records:
            if record.visit in here:
                outcome = _apply_one(uow, record)
                changed, older = changed + (outcome == "changed"), older + (outcome == "older")
        if changed:
            uow.audit(AuditAction.IMPORT, "national_states", None, None,
                      {"records": len(receipt.records), "changed": changed, "via": via})
            uow.commit()
    applied = NationalApplied(len(receipt.records), changed, len(receipt.records) - len(
        [r for r in receipt.records if r.visit in here]), older, receipt.made_at)
    log.info("national receipt (%s): %d records, %d changed, %d not here, %d older", via, applied.records,
             applied.changed, applied.not_here, applied.older)
    return applied


def _apply_one(uow: UnitOfWork, record: NationalRecord) -> str:
    """"changed", "same" or "older" (the station knew newer news of that version)."""
    row = uow.national_states.get(record.visit, record.version)
    if row is None:
        uow.national_states.add(NationalStateRow(visit_id=record.visit, version=record.version, state=record.state,
                                                 at=record.at, txn_id=record.txn_id or None,
                                                 res_code=record.res_code or None,
                                                 res_msg=cleaned(record.res_msg, SHOWN_MSG_CHARS) or None))
        return "changed"
    incoming, known = (record.at, _RANK[record.state]), (row.at, _RANK.get(row.state, 0))
    if incoming < known:
        return "older"
    if incoming == known:
        return "same"
    row.state, row.at, row.txn_id = record.state, record.at, record.txn_id or None
    row.res_code, row.res_msg = record.res_code or None, cleaned(record.res_msg, SHOWN_MSG_CHARS) or None
    return "changed"


def statuses(db: Database, visit_ids: list[str]) -> dict[str, NationalStatus]:
    """Each visit's newest known version, for the lists and the history."""
    with UnitOfWork(db, read_only=True) as uow:
        return {visit: status_of(row) for visit, row in uow.national_states.latest(visit_ids).items()}


def status_of(row: NationalStateRow) -> NationalStatus:
    return NationalStatus(row.state, row.at, row.version, row.res_code or "", row.res_msg or "")


def national_files(paths: list[Path]) -> list[Path]:
    """The national receipt files named, and those inside the folders named."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(files_named(path, NATIONAL_SUFFIX))
        elif path.name.endswith(NATIONAL_SUFFIX):
            found.append(path)
    return found


def read_capped(path: Path) -> bytes:
    """The file's bytes, up to one more than a national receipt may hold (b"" when it cannot be read)."""
    try:
        with path.open("rb") as fh:
            return fh.read(NATIONAL_LIMITS.max_bytes + 1)
    except OSError:
        return b""
