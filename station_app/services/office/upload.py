"""Batches arriving over the network (docs/OFFICE.md, "The office service").

A batch is written into ``inbox/<upload id>/`` under a temporary name while it arrives, bounded in size; only once
it is whole is it flushed to disk (fsync) and renamed to its own name, and only then checked and imported by
``OfficeService.import_paths``: the same checks, the same quarantine, the same receipt as ``office import``. An
upload cut half-way leaves a temporary file that is removed, and nothing in the database.

Imports are serialised in this process: one at a time on SQLite (one writer), one at a time per station on
PostgreSQL, so two uploads of the same batch give one import and the same receipt, and two batches of one
station are chain-checked against each other; different stations import side by side.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from station_app.core.batch_format import parse_batch_file_name
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.office.service import REASON_TEXT, UNREGISTERED, OfficeService, StationInfo, missing_sequences

log = logging.getLogger(__name__)
INBOX = "inbox"
RECEIPTS = "receipts"
PART = ".part"
DEFAULT_MAX_MIB = 64
_STRIPES = 64  # per-station locks on PostgreSQL: a fixed set, so unknown names cannot grow it


class BatchNameInvalidError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Tên tệp lô '{name}' không đúng dạng MÃTRẠM-000001.batch. Hãy gửi đúng tệp lô do trạm xuất ra.")


class UploadTooLargeError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Lô lớn hơn giới hạn {mib} MiB của đơn vị nhận. Hãy mang lô đến bằng USB, hoặc nhờ đơn vị nhận "
                  "nâng giới hạn (--max-mib).")


class UploadStationUnregisteredError(StationError):
    """The station named by the upload is not registered: refused before its body is read, nothing of it kept but
    a line in the quarantine list (station, file name, when)."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Trạm {code} chưa được đăng ký với đơn vị nhận. Hãy gửi khoá công khai của trạm cho đơn vị nhận "
                  "('station-app office stations add').")
    reason = UNREGISTERED


class InboxUnwritableError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận không ghi được lô vào thư mục {path} (đầy ổ đĩa hoặc thiếu quyền ghi). "
                  "Hãy thử gửi lại sau; cán bộ CNTT của đơn vị nhận cần kiểm tra ổ đĩa.")


class UploadTimedOutError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Lô đến quá chậm (quá {seconds} giây) nên đơn vị nhận đã dừng nhận; không giữ gì của lần gửi này. "
                  "Hãy gửi lại khi mạng tốt hơn.")


class OfficeBusyNowError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận chưa nhận được lô lúc này (cơ sở dữ liệu bận hoặc không kết nối được). "
                  "Hãy gửi lại sau ít phút; không có gì của lô được ghi.")


@dataclass(frozen=True)
class UploadOutcome:
    """What became of one uploaded batch: ``status`` imported, duplicate or quarantined (``reason`` then)."""

    status: str
    station: str
    sequence: int
    reason: str | None
    receipt: dict | None  # the signed envelope, as the office wrote it
    gaps: tuple[int, ...]
    notice: dict | None = None  # a refused batch: the office's signed notice of why (status "rejected")

    @property
    def reason_text(self) -> str:
        return REASON_TEXT.get(self.reason or "", self.reason or "")


class IncomingBatch:
    """A batch arriving: a temporary file in its own inbox folder, refused past ``max_bytes``."""

    def __init__(self, folder: Path, file_name: str, max_bytes: int) -> None:
        self.folder, self.file_name, self.max_bytes = folder, file_name, max_bytes
        self.size = 0
        try:
            folder.mkdir(parents=True)
            self._file = open(folder / (file_name + PART), "xb")  # noqa: SIM115 - closed by finish or discard
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise InboxUnwritableError(path=str(folder.parent)) from exc

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            self.discard()
            raise UploadTooLargeError(mib=_mib(self.max_bytes))
        try:
            self._file.write(chunk)
        except OSError as exc:
            self.discard()
            raise InboxUnwritableError(path=str(self.folder.parent)) from exc

    def finish(self) -> Path:
        """The whole batch on disk under its own name (flushed, then renamed): ready to import."""
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            path = self.folder / self.file_name
            os.replace(self.folder / (self.file_name + PART), path)
            _fsync_folder(self.folder)
            return path
        except OSError as exc:
            self.discard()
            raise InboxUnwritableError(path=str(self.folder.parent)) from exc

    def discard(self) -> None:
        """An upload cut off, too large or refused: its file goes, nothing was imported."""
        self._file.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class OfficeUploads:
    """The office's network intake, on an open ``OfficeService``."""

    def __init__(self, service: OfficeService, max_bytes: int = DEFAULT_MAX_MIB * 2**20) -> None:
        self.service = service
        self.max_bytes = max_bytes
        self.inbox = service.folder / INBOX
        one_writer = service.db.url.startswith("sqlite")
        self._locks = [threading.Lock() for _ in range(1 if one_writer else _STRIPES)]

    @property
    def office_name(self) -> str:
        return self.service.name

    # -- receiving -----------------------------------------------------------------------------------------------

    def begin(self, file_name: str, declared_size: int | None = None) -> IncomingBatch:
        """Checks that need no body (name, declared size, a registered station), then a file to write into."""
        named = parse_batch_file_name(file_name or "")
        if named is None:
            raise BatchNameInvalidError(name=(file_name or "")[:80])
        if declared_size is not None and declared_size > self.max_bytes:
            raise UploadTooLargeError(mib=_mib(self.max_bytes))
        if self.station(named[0]) is None:
            log.warning("upload refused: station %s is not registered", named[0])
            # the body is never taken
            self.service.note_refused_upload(file_name, named[0], sequence=named[1], reason=UNREGISTERED)
            raise UploadStationUnregisteredError(code=named[0])
        return IncomingBatch(self.inbox / uuid.uuid4().hex, file_name, self.max_bytes)

    def accept(self, incoming: IncomingBatch) -> UploadOutcome:
        """The whole batch, checked and imported as ``office import`` does; its folder removed afterwards."""
        path = incoming.finish()
        try:
            return self._import(path)
        finally:
            shutil.rmtree(incoming.folder, ignore_errors=True)

    def receive(self, file_name: str, data: bytes) -> UploadOutcome:
        """One batch given whole (``begin``, ``write``, ``accept``)."""
        incoming = self.begin(file_name, len(data))
        incoming.write(data)
        return self.accept(incoming)

    def _import(self, path: Path) -> UploadOutcome:
        code, sequence = parse_batch_file_name(path.name) or ("", 0)
        with self._locks[zlib.crc32(code.encode()) % len(self._locks)]:
            report = self.service.import_paths([path], receipts_to=self.service.folder / RECEIPTS)
            [outcome] = report.outcomes
            refused = outcome.status == "quarantined"
            notice = _read_envelope(outcome.receipt) if refused else None  # before another upload replaces it
        receipt = None if refused else self._receipt(code, sequence)
        log.info("upload %s/%d: %s", code, sequence, outcome.status)
        return UploadOutcome(outcome.status, code, sequence, outcome.reason, receipt, report.gaps.get(code, ()),
                             notice)

    def _receipt(self, code: str, sequence: int) -> dict | None:
        with OfficeUnitOfWork(self.service.db) as uow:
            held = uow.store.batch(code, sequence)
            return dict(held.receipt) if held is not None and held.receipt else None

    # -- what the office holds -------------------------------------------------------------------------------------

    def station(self, code: str) -> StationInfo | None:
        """A registered station with its batches, last sequence and gaps; None if it is not registered."""
        with OfficeUnitOfWork(self.service.db) as uow:
            store = uow.store
            row = store.station(code)
            if row is None:
                return None
            held = store.sequences(code)
            return StationInfo(row.code, row.name, row.key_id, len(held), held[-1] if held else None, missing_sequences(held))

    def recover(self) -> list[UploadOutcome]:
        """After a stop: batches received whole but not imported are imported now; partial ones are removed."""
        outcomes = []
        for folder in sorted(p for p in self.inbox.glob("*") if p.is_dir()) if self.inbox.is_dir() else ():
            for path in sorted(folder.glob("*.batch")):
                outcomes.append(self._import(path))
            shutil.rmtree(folder, ignore_errors=True)
        if outcomes:
            log.info("inbox: %d batches received before a stop imported now", len(outcomes))
        return outcomes


def _read_envelope(path: Path | None) -> dict | None:
    try:
        return json.loads(path.read_bytes()) if path is not None else None
    except (OSError, ValueError):
        return None  # the notice is a courtesy: the refusal and its reason stand without it


def _mib(size: int) -> str:
    return f"{size / 2**20:g}"


def _fsync_folder(folder: Path) -> None:
    """The rename made durable too (POSIX); Windows cannot open a folder for that and does not need it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
