"""What the office window reads and does beside ``OfficeService``: opening an office with errors that say what
to do, each station's state (last batch, gaps, time since it last sent), every batch received with its state,
importing with progress, saving the report.

The window calls these on its background lane; they return plain dataclasses and raise typed errors.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from pathlib import Path

from station_app.core.batch_format import parse_batch_file_name
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.persistence.office.reads import READ_ERRORS
from station_app.persistence.office.tables import utcnow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.office.service import (REASON_TEXT, BatchOutcome, ImportReport, OfficeDatabaseOpenError,
                                         OfficeReportFileError, OfficeService, StationInfo, batch_files)
from station_app.services.office.report import RULE_HOURS, OfficeReport, write_report

log = logging.getLogger(__name__)
IMPORTED, DUPLICATE, QUARANTINED = "imported", "duplicate", "quarantined"
REPORT_SUFFIXES = (".pdf", ".xlsx", ".csv")
_STATION_CODE = r"[A-Z0-9-]{3,32}"  # as in a batch file's name (core.batch_format)


class OfficeFolderUnreadableError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không đọc được tệp {file} trong thư mục đơn vị nhận {path}. Kiểm tra quyền truy cập thư mục, "
                  "hoặc chép lại tệp này từ bản sao lưu của thư mục.")


class StationCodeInvalidError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Mã trạm \"{code}\" không dùng được. Hãy nhập đúng mã trạm như trong tên tệp lô của trạm "
                  "(3 đến 32 chữ in hoa, chữ số hoặc dấu gạch ngang, ví dụ TYT-MK).")


class BatchPathMissingError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không thấy {path}. USB có thể đã bị rút ra: hãy cắm lại rồi chọn lại tệp hoặc thư mục.")


class NoBatchFilesError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không thấy tệp lô (.batch) nào trong những gì đã chọn. Tệp lô do trạm xuất ra có tên dạng "
                  "TYT-MK-000001.batch: hãy chọn đúng thư mục trên USB của trạm.")


class OfficeDatabaseLostError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không đọc hoặc ghi được cơ sở dữ liệu của đơn vị nhận (mất kết nối tới máy chủ, hoặc tệp "
                  "cơ sở dữ liệu bị hỏng). Kiểm tra mạng và máy chủ PostgreSQL rồi thử lại; nếu dùng SQLite, "
                  "mở lại cửa sổ. Lô đang nhập dở không bị ghi nửa chừng.")


_BROKEN_DATABASE = QT_TRANSLATE_NOOP("errors", "tệp không phải cơ sở dữ liệu hoặc đã bị hỏng")
_F = TypeVar("_F", bound=Callable[..., Any])


def _database_errors_said(fn: _F) -> _F:
    """The database failing under a read or an import (a server gone, a damaged file) becomes a sentence."""
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except READ_ERRORS as exc:
            log.warning("office database failed: %s", type(exc).__name__)
            raise OfficeDatabaseLostError() from exc
    return call  # type: ignore[return-value]


# -- opening ---------------------------------------------------------------------------------------------------

def open_office(folder: Path, db_url: str | None = None) -> OfficeService:
    """The office's service on ``folder``; every way of failing is a ``StationError`` that says what to do."""
    try:
        return OfficeService(folder, db_url)
    except READ_ERRORS as exc:  # a file that is not a database: SQLite says so only when first read
        raise OfficeDatabaseOpenError(reason=_BROKEN_DATABASE) from exc
    except (OSError, ValueError) as exc:  # office.json missing, unreadable or not JSON
        raise OfficeFolderUnreadableError(file="office.json", path=str(folder)) from exc


# -- stations --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StationStatus:
    """A registered station as the stations page shows it."""

    code: str
    name: str | None
    key_id: str
    batches: int
    last_sequence: int | None
    gaps: tuple[int, ...]
    last_received: dt.datetime | None  # naive UTC: the import of its newest-arrived batch
    quarantined: int

    @property
    def short_key_id(self) -> str:
        """The key id's first 16 digits in groups of four, to read back to the station over the phone."""
        return short_key_id(self.key_id)

    def hours_since(self, now: dt.datetime | None = None) -> float | None:
        if self.last_received is None:
            return None
        return max(0.0, ((now or utcnow()) - self.last_received).total_seconds() / 3600)

    def late(self, now: dt.datetime | None = None) -> bool:
        """Nothing received for more than the 24 hours the rule allows (a station that never sent is not late
        yet: it is new)."""
        hours = self.hours_since(now)
        return hours is not None and hours > RULE_HOURS


def short_key_id(key_id: str) -> str:
    return " ".join(key_id[i:i + 4] for i in range(0, 16, 4))


@_database_errors_said
def station_statuses(service: OfficeService) -> list[StationStatus]:
    stations = service.stations()
    with OfficeUnitOfWork(service.db) as uow:
        received, refused = uow.reads.last_received(), uow.reads.quarantined_per_station()
    return [StationStatus(s.code, s.name, s.key_id, s.batches, s.last_sequence, s.gaps, received.get(s.code),
                          refused.get(s.code, 0)) for s in stations]


@_database_errors_said
def add_station(service: OfficeService, pem: Path, *, code: str, name: str | None) -> StationInfo:
    """Register a station from the PEM file it gave, as ``office stations add`` does."""
    import re

    code = code.strip().upper()
    if not re.fullmatch(_STATION_CODE, code):
        raise StationCodeInvalidError(code=code)
    return service.add_station(Path(pem), code, name=(name or "").strip() or None)


# -- batches ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchEntry:
    """A batch the office received: ``state`` imported, duplicate or quarantined; ``reason`` for the last."""

    file_name: str
    station_code: str | None
    sequence: int | None
    state: str
    received_at: dt.datetime | None
    visits: int | None = None
    reason: str | None = None
    stored_path: str | None = None

    @property
    def reason_text(self) -> str:
        """The Vietnamese sentence of the reason (translate it with the ``office`` or ``batch`` context)."""
        return REASON_TEXT.get(self.reason or "", self.reason or "")


@_database_errors_said
def batch_entries(service: OfficeService) -> list[BatchEntry]:
    """Every batch imported and every one quarantined, newest first."""
    with OfficeUnitOfWork(service.db) as uow:
        imported, refused = uow.reads.batch_facts(), uow.reads.quarantine_facts()
    entries = [BatchEntry(b.file_name, b.station_code, b.sequence, IMPORTED, b.imported_at,
                          int(b.counts.get("visits", 0))) for b in imported]
    entries += [BatchEntry(q.file_name, q.station_code, q.sequence, QUARANTINED, q.received_at, None, q.reason,
                           q.stored_path) for q in refused]
    return sorted(entries, key=lambda e: e.received_at or dt.datetime.min, reverse=True)


def duplicate_entry(outcome: BatchOutcome, when: dt.datetime | None = None) -> BatchEntry:
    """A batch brought again (nothing changed): the database keeps no row of it, the window shows it anyway."""
    return BatchEntry(outcome.file, outcome.station, outcome.sequence, DUPLICATE, when or utcnow(),
                      int(outcome.counts.get("visits", 0)) if outcome.counts else None)


# -- importing -------------------------------------------------------------------------------------------------

@_database_errors_said
def import_batches(service: OfficeService, paths: list[Path], *,
                   progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """``OfficeService.import_paths`` one file at a time, in the same order, so that progress can be told."""
    missing = [p for p in map(Path, paths) if not p.exists()]
    if missing:
        raise BatchPathMissingError(path=str(missing[0]))
    files = sorted(batch_files(list(map(Path, paths))), key=_batch_order)
    if not files:
        raise NoBatchFilesError()
    outcomes: list[BatchOutcome] = []
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        outcomes += service.import_paths([path]).outcomes
    if progress is not None:
        progress(len(files), len(files))
    return ImportReport(outcomes, service.gaps())


def _batch_order(path: Path) -> tuple[str, int, str]:
    """By station and sequence, as ``import_paths`` takes them: a batch before the one that names it."""
    named = parse_batch_file_name(path.name)
    return (named[0], named[1], path.name) if named else ("", 0, path.name)


# -- the report ------------------------------------------------------------------------------------------------

@_database_errors_said
def make_report(service: OfficeService) -> OfficeReport:
    return service.report()


def save_report(report: OfficeReport, path: Path) -> Path:
    """The report as PDF, XLSX or CSV (by the suffix); a folder that cannot be written says to choose another."""
    path = Path(path)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise OfficeReportFileError(path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_report(report, path)
    except OSError as exc:
        raise OfficeReportFileError(path=str(path)) from exc


def office_name(folder: Path) -> str:
    """The office's name from ``office.json``, or "" when the folder has none (yet)."""
    try:
        return json.loads((Path(folder) / "office.json").read_text(encoding="utf-8")).get("name", "")
    except (OSError, ValueError, AttributeError):
        return ""
