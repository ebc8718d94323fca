"""The office's report (``station-app office report --out FILE``): XLSX, PDF or CSV.

Progress by commune, target group and funding source; batches, gaps and quarantined files per station; hours
from a visit's completion to the import of the batch that brought it finished (the 24-hour rule); residents with
one CCCD number examined at two stations in one campaign (a possible double payment, CV 1129); visits per PL01 form
and per PL01 target-group code (DOI_TUONG) of QĐ 1551.
"""
from __future__ import annotations

import csv
import re
import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_app.core.model import TARGET_GROUP_LABELS, TargetGroup
from station_app.services.common.pl01_forms import form

FUNDING_LABELS = {"state_budget": "Ngân sách nhà nước (miễn phí)", "health_insurance": "Bảo hiểm y tế",
                  "employer": "Cơ quan, doanh nghiệp chi trả", "self_paid": "Tự chi trả", "other": "Nguồn khác"}
RULE_HOURS = 24


@dataclass(frozen=True)
class Section:
    """One table of the report: a title, column headings and rows."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    widths: tuple[float, ...] = ()


@dataclass
class OfficeReport:
    office: str
    made_at: dt.datetime
    sections: list[Section] = field(default_factory=list)

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)


def build_report(office: str, facts: list, *, stations: list, quarantined: list,
                 dropped: dict | None = None, national: list | None = None) -> OfficeReport:
    """``national``: the records on their way to the national database (persistence/office/national.RecordFact)."""
    report = OfficeReport(office, dt.datetime.now())
    visits = [f for f in facts if f.status != "cancelled"]
    report.sections.append(_progress("Tiến độ theo xã/phường", "Mã xã", visits, lambda f: [f.commune_code or "—"]))
    report.sections.append(_progress("Tiến độ theo nhóm đối tượng", "Nhóm đối tượng", visits,
                                     lambda f: [_group_label(g) for g in f.target_groups or []] or ["—"]))
    report.sections.append(_progress("Tiến độ theo nguồn kinh phí", "Nguồn kinh phí", visits,
                                     lambda f: [FUNDING_LABELS.get(f.funding_source or "", f.funding_source or "—")]))
    report.sections.append(_stations(stations, quarantined, dropped or {}))
    report.sections.append(_timeliness(visits))
    report.sections.append(_double_payments(visits))
    report.sections.append(_per_form(visits))
    report.sections.append(_per_target_code(visits))
    report.sections.append(_national(visits, national or []))
    return report


NATIONAL_TITLE = "Liên thông lên cơ sở dữ liệu quốc gia (QĐ 1551): theo trạm và ngày khám xong"


def _national(visits: list, records: list) -> Section:
    """The 24-hour rule measured at the national database: per station and day of completion, visits completed,
    records signed, pushed, accepted, refused, and the hours from completion to acceptance."""
    from station_app.services.office.national_service import day_figures

    completed: Counter = Counter()
    for f in visits:
        day = _utc(f.completed_at) if f.status == "finished" and f.completed_at else None
        if day is not None:
            completed[(f.station_code, day.date())] += 1
    rows = [(d.station, d.day.strftime("%d/%m/%Y"), d.completed, d.signed, d.pushed, d.accepted, d.refused,
             "—" if d.median_hours is None else f"{d.median_hours:.1f}",
             "—" if d.within_24h is None else f"{100 * d.within_24h:.0f}%") for d in day_figures(records, completed)]
    return Section(NATIONAL_TITLE, ("Mã trạm", "Ngày", "Khám xong", "Đã ký", "Đã gửi", "Được nhận", "Bị từ chối",
                                    "Trung vị đến khi được nhận (giờ)", "Được nhận trong 24 giờ"), rows,
                   (24, 20, 16, 14, 14, 16, 16, 32, 28))


def _utc(text: str) -> dt.datetime | None:
    """An ISO time as naive UTC (the office tables' times); None when unreadable."""
    try:
        found = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return found.astimezone(dt.timezone.utc).replace(tzinfo=None) if found.tzinfo else found


FORM_TITLE = "Lượt khám theo mẫu khám sức khỏe (QĐ 1551, phụ lục PL01)"
TARGET_CODE_TITLE = "Lượt khám theo mã đối tượng (DOI_TUONG, QĐ 1551)"
NO_FORM = "Chưa có mẫu (lô gửi trước QĐ 1551)"
NOT_RECORDED = "Không có mã đối tượng (lô gửi trước QĐ 1551)"


def _per_form(facts: list) -> Section:
    """Visits per PL01 form (the number the Encounter carried), with those recorded before QĐ 1551 apart."""
    registered, finished, before = Counter(), Counter(), Counter()
    for f in facts:
        registered[f.pl01_form] += 1
        finished[f.pl01_form] += f.status == "finished"
        before[f.pl01_form] += bool(f.before_1551)
    rows = [(_form_label(n), registered[n], finished[n], before[n])
            for n in sorted(registered, key=lambda n: (n is None, n or 0))]
    return Section(FORM_TITLE, ("Mẫu", "Lượt khám nhận được", "Đã khám xong", "Ghi trước QĐ 1551"), rows,
                   (90, 35, 30, 30))


def _per_target_code(facts: list) -> Section:
    """Visits per DOI_TUONG code (as the Encounter carried it), in the list's order; visits without one last."""
    labels = _target_code_labels()
    registered, finished = Counter(), Counter()
    for f in facts:
        registered[f.doi_tuong] += 1
        finished[f.doi_tuong] += f.status == "finished"
    order = list(labels)
    rows = [(_target_code_label(code, labels), registered[code], finished[code],
             _percent(finished[code], registered[code]))
            for code in sorted(registered, key=lambda c: (c is None, order.index(c) if c in order else len(order),
                                                          c or ""))]
    return Section(TARGET_CODE_TITLE, ("Mã đối tượng", "Lượt khám nhận được", "Đã khám xong", "Tỉ lệ xong"), rows,
                   (90, 35, 30, 25))


def _form_label(number: int | None) -> str:
    if number is None:
        return NO_FORM
    try:
        return f"Mẫu {number}: {form(number).applies_to.split(' (')[0]}"
    except (KeyError, ValueError, OSError):
        return f"Mẫu {number}"


def _target_code_labels() -> dict[str, str]:
    """DOI_TUONG's code list, as the forms give it (the same on every campaign form)."""
    codes = form(2).field("DOI_TUONG").codes
    return {c.code: c.label for c in codes} if codes is not None else {}


def _target_code_label(code: str | None, labels: dict[str, str]) -> str:
    if code is None:
        return NOT_RECORDED
    return f"{code} – {labels[code]}" if code in labels else code


def _progress(title: str, heading: str, facts: list, keys) -> Section:  # noqa: ANN001 - a function of a fact
    registered, finished = Counter(), Counter()
    for f in facts:
        for key in keys(f):
            registered[key] += 1
            finished[key] += f.status == "finished"
    rows = [(k, registered[k], finished[k], _percent(finished[k], registered[k])) for k in sorted(registered)]
    return Section(title, (heading, "Lượt khám nhận được", "Đã khám xong", "Tỉ lệ xong"), rows, (60, 35, 30, 25))


def _stations(stations: list, quarantined: list, dropped: dict) -> Section:
    """``dropped``: station code → the quarantined batches dropped to keep the quarantine's limits
    (services/office/quarantine.py), ``""`` for every code not registered."""
    refused = Counter(q.station_code for q in quarantined)
    gone = {code: d.files for code, d in dropped.items()}
    rows = [(s.code, s.name or "", s.batches, s.last_sequence or "—", ", ".join(map(str, s.gaps)) or "không",
             refused[s.code], gone.get(s.code, 0)) for s in stations]
    if refused[None]:
        rows.append(("(không rõ trạm)", "", 0, "—", "", refused[None], 0))
    if gone.get(""):
        rows.append(("(trạm chưa đăng ký hoặc không rõ)", "", 0, "—", "", "", gone[""]))
    return Section("Lô dữ liệu theo trạm", ("Mã trạm", "Tên trạm", "Số lô đã nhận", "Lô mới nhất", "Lô còn thiếu",
                                           "Lô bị cách ly", "Lô cách ly cũ đã xoá (giới hạn)"), rows,
                   (30, 55, 25, 22, 35, 22, 30))


def _timeliness(facts: list) -> Section:
    hours: dict[str, list[float]] = defaultdict(list)
    for f in facts:
        if f.status == "finished" and f.completed_at and f.finished_imported_at:
            hours[f.station_code].append(_hours(f.completed_at, f.finished_imported_at))
    rows = []
    for code in sorted(hours):
        values = hours[code]
        within = sum(h <= RULE_HOURS for h in values)
        rows.append((code, len(values), within, _percent(within, len(values)),
                     f"{statistics.median(values):.1f}", f"{max(values):.1f}"))
    return Section("Thời gian từ khám xong đến khi nhận (quy định 24 giờ)",
                   ("Mã trạm", "Lượt khám xong", "Nhận trong 24 giờ", "Tỉ lệ", "Trung vị (giờ)", "Lâu nhất (giờ)"),
                   rows, (30, 30, 30, 20, 28, 28))


def _double_payments(facts: list) -> Section:
    """One CCCD number, visits at two or more stations in one campaign: the office checks before paying twice."""
    seen: dict[tuple[str, str], dict[str, int]] = defaultdict(Counter)
    for f in facts:
        if f.national_id:
            seen[(f.national_id, f.campaign or "")][f.station_code] += 1
    rows = [(nid, campaign, ", ".join(sorted(by_station)), sum(by_station.values()))
            for (nid, campaign), by_station in sorted(seen.items()) if len(by_station) > 1]
    return Section("Có thể thanh toán trùng (CV 1129): một số CCCD khám ở hai trạm",
                   ("Số CCCD", "Đợt khám", "Các trạm", "Số lượt khám"), rows, (32, 70, 50, 25))


def _hours(completed: str, imported: dt.datetime) -> float:
    done = dt.datetime.fromisoformat(completed.replace("Z", "+00:00")).astimezone(dt.UTC).replace(tzinfo=None)
    return max(0.0, (imported - done).total_seconds() / 3600)


def _group_label(code: str) -> str:
    try:
        return TARGET_GROUP_LABELS[TargetGroup(code)]
    except (ValueError, KeyError):
        return code


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "—"


# -- files -----------------------------------------------------------------------------------------------------

def write_report(report: OfficeReport, path: Path) -> Path:
    """The report in the format the file name's suffix says (.xlsx, .pdf or .csv)."""
    path = Path(path)
    writers = {".xlsx": _write_xlsx, ".pdf": _write_pdf, ".csv": _write_csv}
    writers[path.suffix.lower()](report, path)
    return path


def _write_csv(report: OfficeReport, path: Path) -> None:
    """One file: each section's title on its own line, then its header and rows, then an empty line."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM lets Excel read Vietnamese letters
        out = csv.writer(fh)
        for s in report.sections:
            out.writerow([s.title])
            out.writerow(s.columns)
            out.writerows(s.rows)
            out.writerow([])


def _write_xlsx(report: OfficeReport, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for number, s in enumerate(report.sections, 1):
        sheet = book.create_sheet(re.sub(r"[\[\]:*?/\\]", "-", f"{number}. {s.title}")[:31])
        sheet.append([s.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(s.columns))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in s.rows:
            sheet.append(list(row))
        for letter, width in zip("ABCDEFGH", s.widths or (20,) * len(s.columns)):
            sheet.column_dimensions[letter].width = width * 0.6
    book.save(path)


def _write_pdf(report: OfficeReport, path: Path) -> None:
    from station_app.services.common.report_pdf import Column, Report, ReportHeader

    header = ReportHeader(title="Báo cáo tiếp nhận dữ liệu khám sức khỏe", site=report.office, commune="",
                          campaign="", period=f"Đến {report.made_at:%d/%m/%Y %H:%M}", printed_by=report.office,
                          printed_at=report.made_at)
    document = Report(header, landscape=True)
    for s in report.sections:
        document.heading(s.title)
        aligns = ["RIGHT" if s.rows and all(_figure(r[i]) for r in s.rows) else "LEFT" for i in range(len(s.columns))]
        document.table([Column(t, w, a) for t, w, a in zip(s.columns, s.widths, aligns)], s.rows)
        document.spacer()
    document.write(path)


def _figure(value: Any) -> bool:
    """A count, a percentage or hours: right-aligned in the PDF."""
    return isinstance(value, int) or (isinstance(value, str) and re.fullmatch(r"[\d.]+( %)?|—", value) is not None)
