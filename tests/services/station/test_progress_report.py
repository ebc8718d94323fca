"""The weekly progress report read back: Vietnamese names and totals in the text, fonts embedded, pages render."""
from __future__ import annotations

import datetime as dt

import pypdfium2 as pdfium
import pytest

from station_app.services.station.progress import ProgressFilter
from station_app.services.station.progress_report import render_weekly_report
from support.lists import flat, pages_text
from support.progress import MUONG_KIM, NA_KHUONG, SCHOOL, TODAY, build_station

PRINTED_AT = dt.datetime(2026, 11, 23, 16, 30)


@pytest.fixture
def report(ctx, tmp_path):
    service, _ = build_station(ctx)
    snap = service.snapshot(ProgressFilter(date_from=dt.date(2026, 5, 4), date_to=dt.date(2026, 5, 12)))
    info = ctx.station.info()
    path = tmp_path / "báo cáo tuần.pdf"
    pages = render_weekly_report(path, snap, station_name=info.name, commune=info.commune_name, printed_by="Lò Văn Thắng", printed_at=PRINTED_AT)
    return path, pages


def test_the_report_names_the_villages_groups_and_totals(report):
    path, pages = report
    text = flat(" ".join(pages_text(path)))
    assert pages == len(pages_text(path)) >= 2
    for expected in ("BÁO CÁO TIẾN ĐỘ KHÁM SỨC KHỎE", MUONG_KIM, NA_KHUONG, "Xã Mường Kim", "Người cao tuổi",
                     "Đối tượng chính sách", "Trẻ em dưới 6 tuổi", SCHOOL, "3A", "(Chưa ghi thôn/bản)",
                     "Từ 04/05/2026 đến 12/05/2026", "In bởi: Lò Văn Thắng lúc 16:30 23/11/2026", f"Trang 1/{pages}"):
        assert expected in text, expected
    assert "Người dân trong danh sách 8" in text
    assert "Đã khám xong (từ đầu đợt) 4 (50,0 %)" in text
    assert "Tỷ lệ chuyển tuyến (/ khám xong) 33,3 % (2)" in text
    assert "Tổng cộng 8 4 50,0 %" in text  # the village table's total row
    assert "11/05/2026 3 1 0 1 1 4 50,0 %" in text  # a day: registered, completed, referred, cancelled, new


def test_the_fonts_are_embedded(report):
    data = report[0].read_bytes()
    assert data.count(b"/FontFile2") >= 2 and b"Helvetica" not in data


def test_a_page_renders(report, tmp_path):
    pdf = pdfium.PdfDocument(str(report[0]))
    try:
        image = pdf[0].render(scale=60 / 72).to_pil()
    finally:
        pdf.close()
    image.save(tmp_path / "trang-1.png")
    darkest, lightest = image.convert("L").getextrema()
    assert image.width > 400 and darkest < 80 and lightest > 200  # text and charts on a white page


def test_an_empty_station_still_gives_a_report(ctx, tmp_path):
    snap = ctx.progress.snapshot(today=TODAY)
    path = tmp_path / "trống.pdf"
    assert render_weekly_report(path, snap, station_name="Trạm Y tế xã Mường Kim", commune="Xã Mường Kim", printed_by="Lò Văn Thắng",
                                printed_at=PRINTED_AT) >= 1
    text = flat(" ".join(pages_text(path)))
    assert "Chưa có số liệu." in text and "Không có lượt khám nào trong kỳ." in text
