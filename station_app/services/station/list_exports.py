"""The coordinator's lists as files: PDF to print, CSV and XLSX to open in Excel.

``export_list(the_list, path, printed_by)`` picks the format from the file's suffix. Each list has one set of
columns (``_FIELDS``): the PDF shows those with a width, the CSV and XLSX every one with typed values (dates
as dates in XLSX). The CSV is UTF-8 with a byte-order mark, which is what makes Excel read Vietnamese
letters correctly. Files are written next to the target and renamed into place, so a full USB stick leaves
no half-written list behind.
"""
from __future__ import annotations

import csv
import datetime as dt
import errno
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station_app.core.checkup_book import Urgency
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import SEX_TEXT, TARGET_GROUP_LABELS, VISIT_STATUS_LABELS, TargetGroup
from station_app.core.text import cell_text, number
from station_app.services.station.lists import (DUPLICATE_REASON_LABELS, HARD_REASON_LABELS, DailyList, DuplicateList,
                                        ListScope, PendingList, PendingRow, ReferralList)
from station_app.services.common.report_pdf import Column, Report, ReportHeader
from station_app.services.station.national_states import national_text

log = logging.getLogger(__name__)
AnyList = DailyList | PendingList | ReferralList | DuplicateList
FORMATS = (".pdf", ".csv", ".xlsx")

STATUS_TEXT = VISIT_STATUS_LABELS  # the words the pages show
URGENCY_TEXT = {Urgency.ROUTINE: QT_TRANSLATE_NOOP("ListTableModel", "Thường quy"),
                Urgency.SOON: QT_TRANSLATE_NOOP("ListTableModel", "Sớm (1 tuần)"),
                Urgency.URGENT: QT_TRANSLATE_NOOP("ListTableModel", "Khẩn cấp")}
# the totals per village and per destination: a hundred lines at most, on paper and in the screen's tooltip
VILLAGE_TOTALS = QT_TRANSLATE_NOOP("ListTableModel", "Thôn/bản")
DESTINATION_TOTALS = QT_TRANSLATE_NOOP("ListTableModel", "Nơi chuyển đến")


class ListFileError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không ghi được tệp {path}: {reason}. Hãy chọn nơi lưu khác (ví dụ một ổ USB còn trống) "
                  "rồi thử lại.")


class ListFormatError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chỉ lưu được danh sách dạng .pdf, .csv hoặc .xlsx (tệp đã chọn: {path}). Hãy đổi đuôi tên tệp.")


_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("errors", "ổ đĩa đã đầy"),
    errno.EACCES: QT_TRANSLATE_NOOP("errors", "không có quyền ghi vào thư mục này"),
    errno.EPERM: QT_TRANSLATE_NOOP("errors", "không có quyền ghi vào thư mục này"),
    errno.EROFS: QT_TRANSLATE_NOOP("errors", "ổ đĩa chỉ cho đọc"),
    errno.ENOENT: QT_TRANSLATE_NOOP("errors", "thư mục không tồn tại"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("errors", "thư mục không tồn tại"),
    errno.EISDIR: QT_TRANSLATE_NOOP("errors", "đó là một thư mục, không phải tên tệp"),
}
_OTHER_REASON = QT_TRANSLATE_NOOP("errors", "lỗi khi ghi tệp")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    pages: int | None  # PDF only


@dataclass(frozen=True)
class Field:
    """One column: its heading, a PDF width in mm (0: data files only), the typed value of a row."""

    title: str
    width_mm: float
    value: Callable[[Any], Any]
    align: str = "LEFT"
    data: bool = True  # False: printed only (the signature column)
    words: str | None = None  # the translation context of its words (a state, a sex): the screen translates them


def export_list(the_list: AnyList, path: str | Path, *, printed_by: str) -> ExportResult:
    """Write ``the_list`` to ``path`` (.pdf, .csv or .xlsx). Raises ListFormatError, ListFileError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ListFormatError(path=str(path))
    fields = _fields(the_list)
    pages: list[int] = []
    with _replacing(path) as temporary:
        if suffix == ".pdf":
            pages.append(_write_pdf(the_list, fields, temporary, printed_by))
        elif suffix == ".csv":
            _write_csv(the_list, fields, temporary)
        else:
            _write_xlsx(the_list, fields, temporary)
    log.info("list %s written: %d rows, format %s", type(the_list).__name__, len(the_list.rows), suffix)
    return ExportResult(path, len(the_list.rows), pages[0] if pages else None)


class _replacing:  # noqa: N801 - used as a context manager
    """A temporary file beside ``path``, renamed onto it when the block succeeds, removed otherwise."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __enter__(self) -> Path:
        try:
            handle, name = tempfile.mkstemp(prefix=".tmp-", suffix=self._path.suffix, dir=self._path.parent)
        except OSError as exc:
            raise _file_error(self._path, exc) from exc
        os.close(handle)
        self._temporary = Path(name)
        return self._temporary

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        if exc is None:
            try:
                os.replace(self._temporary, self._path)
                return
            except OSError as error:
                exc = error
        self._temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _file_error(self._path, exc) from exc


def _file_error(path: Path, exc: OSError) -> ListFileError:
    return ListFileError(path=str(path), reason=_REASONS.get(exc.errno or 0, _OTHER_REASON))


# -- the columns of each list ----------------------------------------------------------------------------------

def _groups_text(groups: Iterable[TargetGroup]) -> str:
    return ", ".join(TARGET_GROUP_LABELS[g] for g in groups)


def _bp(row: Any) -> str | None:
    return f"{row.systolic:.0f}/{row.diastolic:.0f}" if row.systolic is not None else None


def _followed(row: Any) -> str | None:
    if row.followed_up_at is None:
        return None
    local = row.followed_up_at + dt.timedelta(hours=7)  # stored in UTC; the station is in Vietnam
    return f"{local:%d/%m/%Y}, {row.followed_up_by or ''}".rstrip(", ")


DAILY_FIELDS = (
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ngày khám"), 0, lambda r: r.visit_date),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "STT"), 10, lambda r: r.queue_number, "RIGHT"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Họ và tên"), 42, lambda r: r.full_name),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Năm sinh"), 13, lambda r: r.birth_year, "RIGHT"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Giới"), 10, lambda r: SEX_TEXT[r.sex], words="labels"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Thôn/bản"), 30, lambda r: r.village),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Đối tượng"), 40, lambda r: _groups_text(r.target_groups)),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Trạng thái"), 0, lambda r: STATUS_TEXT[r.status], words="labels"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Huyết áp"), 16, _bp, "CENTER"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "HA tâm thu"), 0, lambda r: r.systolic),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "HA tâm trương"), 0, lambda r: r.diastolic),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "BMI"), 11, lambda r: r.bmi, "RIGHT"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Phân loại"), 14, lambda r: r.health_class.value if r.health_class else None, "CENTER"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Chuyển tuyến"), 38, lambda r: r.referral_to),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Liên thông"), 0, lambda r: national_text(r.national) or None),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Điểm khám"), 0, lambda r: r.site_name),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ký tên"), 30, lambda r: None, data=False),
)
PENDING_FIELDS = (
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ưu tiên"), 11, lambda r: "★" if r.priority else None, "CENTER"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Họ và tên"), 42, lambda r: r.full_name),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Năm sinh"), 13, lambda r: r.birth_year, "RIGHT"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Giới"), 10, lambda r: SEX_TEXT[r.sex], words="labels"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Mã xã"), 0, lambda r: r.commune_code),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Thôn/bản"), 0, lambda r: r.village),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Mã hộ"), 25, lambda r: r.household_code),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Địa chỉ"), 50, lambda r: r.address),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Điện thoại"), 22, lambda r: r.phone),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Đối tượng"), 45, lambda r: _groups_text(r.target_groups)),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Khó tiếp cận"), 40, lambda r: ", ".join(HARD_REASON_LABELS[h] for h in r.hard_reasons) or None),
)
REFERRAL_FIELDS = (
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ngày khám"), 17, lambda r: r.visit_date),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "STT"), 0, lambda r: r.queue_number),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Họ và tên"), 38, lambda r: r.full_name),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Năm sinh"), 13, lambda r: r.birth_year, "RIGHT"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Giới"), 0, lambda r: SEX_TEXT[r.sex], words="labels"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Thôn/bản"), 27, lambda r: r.village),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Điện thoại"), 21, lambda r: r.phone),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Phân loại"), 0, lambda r: r.health_class.value if r.health_class else None),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Chuyển đến"), 40, lambda r: r.referral_to),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Lý do"), 55, lambda r: r.reason),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Mức độ"), 18, lambda r: URGENCY_TEXT[r.urgency],
          words="ListTableModel"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Đã theo dõi"), 30, _followed),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ghi chú theo dõi"), 0, lambda r: r.follow_up_note),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Điểm khám"), 0, lambda r: r.site_name),
)
DUPLICATE_FIELDS = (
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Nhóm"), 11, lambda r: r.group, "RIGHT"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Lý do"), 30, lambda r: DUPLICATE_REASON_LABELS[r.reason],
          words="lists"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Họ và tên"), 40, lambda r: r.full_name),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ngày/năm sinh"), 19, lambda r: r.birth_date or r.birth_year),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Giới"), 10, lambda r: SEX_TEXT[r.sex], words="labels"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Thôn/bản"), 28, lambda r: r.village),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Mã hộ"), 25, lambda r: r.household_code),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "CCCD (4 số cuối)"), 16, lambda r: r.national_id_tail, "CENTER"),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Mã thẻ BHYT"), 32, lambda r: r.insurance_number),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Ngày khám"), 17, lambda r: r.visit_date),
    Field(QT_TRANSLATE_NOOP("ListTableModel", "Điểm khám"), 30, lambda r: r.site_name),
)


def _fields(the_list: AnyList) -> Sequence[Field]:
    return {DailyList: DAILY_FIELDS, PendingList: PENDING_FIELDS, ReferralList: REFERRAL_FIELDS,
            DuplicateList: DUPLICATE_FIELDS}[type(the_list)]


# -- titles and totals ------------------------------------------------------------------------------------

def _period(scope: ListScope) -> str:
    f = scope.filters
    if f.date_from and f.date_to and f.date_from == f.date_to:
        return f"Ngày {f.date_from:%d/%m/%Y}"
    if f.date_from and f.date_to:
        return f"Từ {f.date_from:%d/%m/%Y} đến {f.date_to:%d/%m/%Y}"
    if f.date_from:
        return f"Từ {f.date_from:%d/%m/%Y}"
    if f.date_to:
        return f"Đến {f.date_to:%d/%m/%Y}"
    return f"Đến ngày {scope.made_at:%d/%m/%Y}"


def _title(the_list: AnyList) -> str:
    if isinstance(the_list, DailyList):
        return "DANH SÁCH NGƯỜI ĐẾN KHÁM — " + _period(the_list.scope).upper()
    if isinstance(the_list, PendingList):
        return "DANH SÁCH NGƯỜI CHƯA KHÁM" + (" — TRƯỜNG HỢP KHÓ TIẾP CẬN" if the_list.hardest_only else "")
    if isinstance(the_list, ReferralList):
        return "DANH SÁCH CHUYỂN TUYẾN"
    return "DANH SÁCH CÓ THỂ TRÙNG NGƯỜI"


def filters_text(scope: ListScope) -> str | None:
    """The filters applied, in words, for the line under the title."""
    f = scope.filters
    parts = []
    if f.village:
        parts.append(f"Thôn/bản: {f.village}")
    if f.target_group:
        parts.append(f"Đối tượng: {TARGET_GROUP_LABELS[f.target_group]}")
    if f.status:
        words = {**{s.value: t for s, t in STATUS_TEXT.items()}, "open": "Chưa theo dõi",
                 "followed_up": "Đã theo dõi"}
        parts.append(f"Trạng thái: {words.get(f.status, f.status)}")
    return " · ".join(parts) or None


def _as_is(_context: str, text: str) -> str:
    return text


def totals_of(the_list: AnyList, localise: Callable[[str, str], str] = _as_is,
              *, figure: Callable[[int], str] = number) -> list[tuple[str, str]]:
    """(label, figure) pairs printed at the end of the list, and shown under the table on screen, where ``localise``
    (``QCoreApplication.translate``) and ``figure`` put them in the interface's language."""
    t = the_list.totals

    def own(text: str) -> str:
        return localise("ListTableModel", text)

    def per(heading: str, value: str) -> str:
        return f"{own(heading)}: {value}"

    if isinstance(the_list, DailyList):
        pairs = [(own(QT_TRANSLATE_NOOP("ListTableModel", "Đã đăng ký")), t.registered),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Đã khám xong")), t.completed),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Chuyển tuyến")), t.referred),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Đang chờ / đang khám")), t.waiting)]
        pairs += [(per(QT_TRANSLATE_NOOP("ListTableModel", "Giới"), localise("labels", SEX_TEXT[s])), n)
                  for s, n in t.by_sex.items()]
        pairs += [(per(QT_TRANSLATE_NOOP("ListTableModel", "Đối tượng"), localise("labels", TARGET_GROUP_LABELS[g])), n)
                  for g, n in t.by_group.items()]
    elif isinstance(the_list, PendingList):
        pairs = [(own(QT_TRANSLATE_NOOP("ListTableModel", "Chưa khám")), t.residents),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Thuộc nhóm ưu tiên")), t.priority)]
        pairs += [(per(QT_TRANSLATE_NOOP("ListTableModel", "Đối tượng"), localise("labels", TARGET_GROUP_LABELS[g])), n)
                  for g, n in t.by_group.items()]
        pairs += [(own(QT_TRANSLATE_NOOP("ListTableModel", "Khó tiếp cận")), t.hard)]
        pairs += [(f"  {localise('lists', HARD_REASON_LABELS[h])}", n) for h, n in t.by_reason.items()]
        unknown = own(QT_TRANSLATE_NOOP("ListTableModel", "không rõ"))
        pairs += [(per(VILLAGE_TOTALS, v or unknown), n) for v, n in t.by_village.items()]
    elif isinstance(the_list, ReferralList):
        pairs = [(own(QT_TRANSLATE_NOOP("ListTableModel", "Chuyển tuyến")), t.referred),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Đã theo dõi")), t.followed_up),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Chưa theo dõi")), t.open)]
        pairs += [(per(QT_TRANSLATE_NOOP("ListTableModel", "Mức độ"), own(URGENCY_TEXT[u])), n)
                  for u, n in t.by_urgency.items()]
        pairs += [(per(DESTINATION_TOTALS, place), n) for place, n in t.by_destination.items()]
    else:
        pairs = [(own(QT_TRANSLATE_NOOP("ListTableModel", "Số nhóm có thể trùng")), t.groups),
                 (own(QT_TRANSLATE_NOOP("ListTableModel", "Số người dân liên quan")), t.residents)]
        pairs += [(localise("lists", DUPLICATE_REASON_LABELS[r]), n) for r, n in t.by_reason.items()]
    return [(label, figure(value)) for label, value in pairs]


# -- writers ----------------------------------------------------------------------------------------------

def _write_pdf(the_list: AnyList, fields: Sequence[Field], path: Path, printed_by: str) -> int:
    scope = the_list.scope
    report = Report(ReportHeader(title=_title(the_list), site=scope.site_name, commune=scope.commune_name,
                                 campaign=scope.campaign_name, period=_period(scope), printed_by=printed_by,
                                 printed_at=scope.made_at, subtitle=filters_text(scope)))
    shown = [f for f in fields if f.width_mm > 0]
    if isinstance(the_list, DailyList) and the_list.scope.filters.date_from != the_list.scope.filters.date_to:
        shown.insert(0, Field(QT_TRANSLATE_NOOP("ListTableModel", "Ngày"), 17, lambda r: r.visit_date))
    columns = [Column(f.title, f.width_mm, f.align) for f in shown]
    padding = 5.0 if isinstance(the_list, DailyList) else 2.0  # room to sign
    if isinstance(the_list, PendingList) and len(the_list.totals.by_village) > 1:
        _village_sections(report, the_list, shown, columns)
    else:
        report.table(columns, [[cell_text(f.value(r)) for f in shown] for r in the_list.rows], padding=padding)
    report.totals(totals_of(the_list))
    return report.write(path)


def _village_sections(report: Report, the_list: PendingList, shown: Sequence[Field],
                      columns: Sequence[Column]) -> None:
    """A village per section, each from a new page, so each village head gets their own sheets."""
    sections: dict[str, list[PendingRow]] = {}
    for row in the_list.rows:
        sections.setdefault(row.village or "", []).append(row)
    for index, (village, rows) in enumerate(sections.items()):
        if index:
            report.page_break()
        priority = sum(r.priority for r in rows)
        who = "trường hợp khó tiếp cận" if the_list.hardest_only else "người chưa khám"
        report.heading(f"Thôn/bản: {village or 'không rõ'} — {number(len(rows))} {who}, "
                       f"{number(priority)} thuộc nhóm ưu tiên")
        report.table(columns, [[cell_text(f.value(r)) for f in shown] for r in rows])


def _data_fields(fields: Sequence[Field]) -> list[Field]:
    return [f for f in fields if f.data]


def _write_csv(the_list: AnyList, fields: Sequence[Field], path: Path) -> None:
    data = _data_fields(fields)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM tells Excel it is UTF-8
        writer = csv.writer(handle)
        writer.writerow([f.title for f in data])
        for row in the_list.rows:
            writer.writerow([_csv_value(f.value(row)) for f in data])


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else value


def _write_xlsx(the_list: AnyList, fields: Sequence[Field], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    data = _data_fields(fields)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_title(the_list)[:31].replace("/", "-"))
    sheet.freeze_panes = "A2"
    for column, f in enumerate(data, 1):
        sheet.column_dimensions[get_column_letter(column)].width = max(8.0, (f.width_mm or 15) * 0.55)
    bold = Font(bold=True)
    header = []
    for f in data:
        cell = WriteOnlyCell(sheet, value=f.title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in the_list.rows:
        sheet.append([_xlsx_cell(sheet, f.value(row), WriteOnlyCell) for f in data])
    book.save(path)


def _xlsx_cell(sheet: Any, value: Any, cell_type: Any) -> Any:
    if isinstance(value, dt.date):
        cell = cell_type(sheet, value=value)
        cell.number_format = "DD/MM/YYYY"
        return cell
    return value
