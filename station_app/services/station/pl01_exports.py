"""A visit's PL01 record written out: JSON and XML for the national database (PL01 codes as keys and elements, the
form number carried), and the resident's check-up sheet as a PDF in Vietnamese (every field with its label, under
its section, marks written out: "từ chối", "không làm: lý do", "không ghi nhận (trước QĐ 1551)").

JSON: ``{"mau_bieu": 2, "HO_TEN": "…", …, "DICH_VU_CLS": [{"MA_CHI_SO": "…", …}], "danh_dau": {"NHOM_MAU":
{"trang_thai": "refused"}}}`` — the lower-case keys are ours (a PL01 code is upper case). XML: ``<PL01
MAU_BIEU="2">`` with an element per code in the form's order, a ``DICH_VU_CLS`` element per laboratory row, and a
mark as attributes (``trang_thai``, ``ly_do``) of an empty element."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from station_app.core.pl01_record import LAB_GROUP, Pl01Record
from station_app.services.common.report_pdf import Column, Report, ReportHeader
from station_app.services.station.pl01_values import VisitRecord

FORMATS = ("json", "xml", "pdf")
_REMARK = re.compile(r"\s*\((sub-)?heading not in (the )?transcription[^)]*\)")


def as_json(rec: Pl01Record) -> bytes:
    data: dict[str, object] = {"mau_bieu": rec.form, **rec.as_dict()}
    marks = rec.marks()
    if marks:
        data["danh_dau"] = marks
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def as_xml(rec: Pl01Record) -> bytes:
    root = ET.Element("PL01", {"MAU_BIEU": str(rec.form)})
    for e in rec.entries:
        element = ET.SubElement(root, e.code)
        if e.value is not None:
            element.text = e.value
        elif e.mark is not None:
            element.set("trang_thai", str(e.status))
            if e.reason:
                element.set("ly_do", e.reason)
    for row in rec.lab_rows:
        group = ET.SubElement(root, LAB_GROUP)
        for f in rec.lab_fields:
            ET.SubElement(group, f.code).text = row.get(f.code) or None
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write(found: VisitRecord, path: Path, kind: str | None = None, *, printed_by: str = "") -> Path:
    """The record in ``kind`` (json, xml, pdf; by default the file's suffix) at ``path``."""
    kind = (kind or path.suffix.lstrip(".")).lower()
    if kind == "pdf":
        sheet(found, path, printed_by)
    elif kind == "json":
        path.write_bytes(as_json(found.record))
    elif kind == "xml":
        path.write_bytes(as_xml(found.record))
    else:
        raise ValueError(f"unknown format {kind!r}")
    return path


def sheet(found: VisitRecord, path: Path, printed_by: str = "") -> int:
    """The resident's check-up sheet: the form's fields under their sections; returns the number of pages."""
    rec = found.record
    header = ReportHeader(title="PHIẾU KHÁM SỨC KHỎE ĐỊNH KỲ", site=found.full_name, commune=f"Mẫu {rec.form}",
                          campaign=rec.title, period=f"Ngày khám {found.visit_date:%d/%m/%Y}",
                          printed_by=printed_by or "station-app", subtitle=f"{rec.title} (QĐ 1551/QĐ-BYT)")
    report = Report(header, landscape=False)
    columns = [Column("Mục", 90), Column("Kết quả", 90)]
    lab_at = rec.lab_fields[0].tt if rec.lab_rows else None  # the laboratory table goes where its rows are
    section, rows = None, []
    for e in rec.entries:
        if lab_at is not None and e.field.tt > lab_at:
            _flush(report, columns, rows)
            _lab_table(report, rec)
            lab_at, section = None, None
        text = e.value if e.value is not None else e.mark
        if text is None:
            continue
        if e.field.section != section:
            _flush(report, columns, rows)
            section = e.field.section
            report.heading(_heading(section))
        rows.append([e.field.label, _label(e.field, text)])
    _flush(report, columns, rows)
    if lab_at is not None:
        _lab_table(report, rec)
    return report.write(path)


def _flush(report: Report, columns: list[Column], rows: list[list[str]]) -> None:
    if rows:
        report.table(columns, list(rows))
        rows.clear()


def _lab_table(report: Report, rec: Pl01Record) -> None:
    report.heading(_heading(rec.lab_fields[0].section))
    report.table([Column(f.label, 30) for f in rec.lab_fields],
                 [[row.get(f.code, "") for f in rec.lab_fields] for row in rec.lab_rows])


def _label(f, text: str) -> str:  # noqa: ANN001 - FieldDefinition
    """A code shown with its meaning ("2 — Nữ"), a PL01 date as the resident reads it (23/11/2026 08:30); any
    other value as recorded."""
    meaning = f.codes.label(text) if f.codes is not None else None
    if meaning:
        return f"{text} — {meaning}"
    if (f.input == "date" or f.code.startswith("NGAY_")) and re.fullmatch(r"\d{8}|\d{12}", text):
        if text[4:8] == "0000":
            return text[:4]
        day = f"{text[6:8]}/{text[4:6]}/{text[:4]}"
        return f"{day} {text[8:10]}:{text[10:12]}" if len(text) == 12 and text[8:] != "0000" else day
    return text


def _heading(section: str) -> str:
    """The section as the transcription names it, without our remarks on headings it lacks."""
    text = _REMARK.sub("", section or "").strip().rstrip(">").strip()
    return "I. Thông tin hành chính" if text in ("", "I") else text
