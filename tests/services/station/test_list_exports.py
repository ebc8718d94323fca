"""The lists as files, read back as a user's tools would: PDF text and pages (pdfium), CSV, XLSX."""
from __future__ import annotations

import csv
import datetime as dt
import errno
import re

import openpyxl
import pypdfium2 as pdfium
import pytest
from support.lists import DAY, build, flat, pages_text

from station_app.core.model import Sex, TargetGroup
from station_app.services.station import list_exports
from station_app.services.station.list_exports import ListFileError, ListFormatError, export_list
from station_app.services.station.lists import ListFilter, ListScope, PendingList, PendingRow, PendingTotals

PRINTER = "Lò Văn Thắng"


@pytest.fixture
def station(ctx, admin):
    return build(ctx, admin.id)


def test_the_daily_pdf_has_the_exact_names_the_key_results_the_totals_and_the_header(ctx, station, tmp_path):
    result = export_list(ctx.lists.daily(None, ListFilter.day(DAY)), tmp_path / "ngày.pdf", printed_by=PRINTER)
    (page,) = pages_text(result.path)
    text = flat(page)
    for name in ("Lường Văn Đức", "Phạm Thị Hương", "Lò Văn Ạnh", "Hà Văn Ơn"):
        assert name in text
    assert "Đỗ Thị Ưng" not in text  # her visit was cancelled
    assert "145/93" in text and "22,0" in text and "Ký tên" in text
    assert "Trạm Y tế xã Mường Kim" in text and "Khám sức khỏe định kỳ 2026" in text and "Ngày 10/06/2026" in text
    assert f"In bởi: {PRINTER}" in text and "Trang 1/1" in text
    assert re.search(r"Đã đăng ký 4 Đã khám xong 3 Chuyển tuyến 1", text)
    assert result.pages == 1


def test_the_font_is_embedded_and_no_standard_font_is_named(ctx, station, tmp_path):
    path = export_list(ctx.lists.referrals(None, ListFilter()), tmp_path / "chuyển tuyến.pdf", printed_by=PRINTER).path
    raw = path.read_bytes()
    assert re.findall(rb"/BaseFont /[A-Z]{6}\+(DejaVuSans[-A-Za-z]*)", raw) and raw.count(b"/FontFile2") >= 1
    assert b"Helvetica" not in raw


def _pending(rows: int) -> PendingList:
    made = [PendingRow(f"r{i}", f"Nguyễn Thị Diễm Hương {i:04d}", 1950 + i % 50, Sex.FEMALE, "03637",
                       "Bản Nà Phát", f"H{i // 4:04d}", "Bản Nà Phát, Xã Mường Kim", None,
                       (TargetGroup.ELDERLY,), True, ()) for i in range(rows)]
    scope = ListScope("Trạm Y tế xã Mường Kim", "Xã Mường Kim", "Khám sức khỏe định kỳ 2026", ListFilter(),
                      dt.datetime(2026, 11, 23, 9, 30))
    totals = PendingTotals(rows, rows, {"Bản Nà Phát": rows}, {TargetGroup.ELDERLY: rows}, 0, {})
    return PendingList(scope, tuple(made), totals, False)


@pytest.mark.parametrize("rows", [1, 400])
def test_every_row_is_printed_once_with_the_header_on_every_page_and_pages_counted(tmp_path, rows):
    result = export_list(_pending(rows), tmp_path / "chưa khám.pdf", printed_by=PRINTER)
    texts = pages_text(result.path)
    assert len(texts) == result.pages
    for number, text in enumerate(texts, 1):
        assert f"Trang {number}/{len(texts)}" in text
        assert "Họ và tên" in text or "Hương" not in text  # the header row on every page with rows
    printed = [int(n) for n in re.findall(r"Nguyễn Thị Diễm Hương (\d{4})", "".join(texts))]
    assert printed == list(range(rows))
    per_page = [n for n in (len(re.findall(r"Hương \d{4}", t)) for t in texts) if n]
    first, middle = per_page[0], per_page[1:-1]
    assert len(set(middle)) <= 1  # one line per row: every page between the first and the last holds as many
    if middle:  # the first page also holds the title; the rest of the rows fill pages of ``middle[0]``
        assert len(per_page) == 1 + -(-(rows - first) // middle[0])


def test_a_page_renders_to_an_image_with_ink_on_it(ctx, station, tmp_path):
    path = export_list(ctx.lists.pending(None, ListFilter()), tmp_path / "chưa khám.pdf", printed_by=PRINTER).path
    pdf = pdfium.PdfDocument(path)
    image = pdf[0].render(scale=1).to_pil().convert("L")
    pdf.close()
    image.save(tmp_path / "trang1.png")
    assert image.width > image.height  # a wide table goes landscape
    assert image.getextrema()[0] < 80  # some dark text, not a blank page


def test_the_csv_has_a_bom_and_the_vietnamese_names_intact(ctx, station, tmp_path):
    path = export_list(ctx.lists.daily(None, ListFilter.day(DAY)), tmp_path / "ngày.csv", printed_by=PRINTER).path
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Họ và tên"] for r in rows] == ["Lường Văn Đức", "Phạm Thị Hương", "Lò Văn Ạnh", "Hà Văn Ơn"]
    assert rows[0]["Ngày khám"] == "10/06/2026" and rows[0]["HA tâm thu"] == "145"
    assert "Ký tên" not in rows[0]  # the signature column is for paper only


def test_the_xlsx_has_a_bold_frozen_header_and_real_dates(ctx, station, tmp_path):
    path = export_list(ctx.lists.referrals(None, ListFilter()), tmp_path / "chuyển tuyến.xlsx", printed_by=PRINTER).path
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Ngày khám", "STT", "Họ và tên"] and sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet["C2"].value == "Lường Văn Đức"
    assert sheet["A2"].value.date() == DAY and sheet["A2"].number_format == "DD/MM/YYYY"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width


def test_a_full_disk_leaves_no_half_written_file_and_says_so(ctx, station, tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(list_exports, "_write_csv", full)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(ListFileError, match="ổ đĩa đã đầy"):
        export_list(ctx.lists.daily(None, ListFilter.day(DAY)), usb / "ngày.csv", printed_by=PRINTER)
    assert list(usb.iterdir()) == []


def test_a_missing_folder_and_an_unknown_format_are_refused(ctx, station, tmp_path):
    daily = ctx.lists.daily(None, ListFilter.day(DAY))
    with pytest.raises(ListFileError, match="thư mục không tồn tại"):
        export_list(daily, tmp_path / "không có" / "ngày.pdf", printed_by=PRINTER)
    with pytest.raises(ListFormatError):
        export_list(daily, tmp_path / "ngày.docx", printed_by=PRINTER)
