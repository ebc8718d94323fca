"""The progress page on a small station whose every resident and visit is known (support/lists.py): the figures,
the charts' bars and points, the tables, and the weekly report saved and printed. Only the modal "save as"
dialog and the print preview are faked."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pypdfium2
import pytest
from support.gui import preview_prints_to
from support.lists import DAY, HUA_PHAT, NA_PHAT, build
from PySide6.QtCore import QDate, Qt

from station_app.services.station.progress import ProgressFilter
from station_app.ui import printing
from station_app.ui.pages.progress import CAMPAIGN, CUSTOM, MONTH, WEEK, ProgressPage, period_of


pytestmark = pytest.mark.usefixtures("no_unexpected_errors")  # an error dialog fails the test


@pytest.fixture
def page(qtbot, app, ctx, admin, coordinator, tasks):
    build(ctx, admin.id)
    page = ProgressPage(ctx, tasks, coordinator)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    page.refresh()
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page: ProgressPage) -> None:
    qtbot.waitUntil(lambda: page.snapshot is not None and not page.loading and not page._reload.isActive()
                    and page.station is not None, timeout=15_000)


def choose_period(qtbot, page: ProgressPage, key: str) -> None:
    page.period.setCurrentIndex(page.period.findData(key))
    wait_loaded(qtbot, page)


def test_the_periods_are_this_week_this_month_and_the_whole_campaign():
    monday = dt.date(2026, 11, 23)
    assert period_of(WEEK, dt.date(2026, 11, 26)) == (monday, None)
    assert period_of(MONTH, dt.date(2026, 11, 26)) == (dt.date(2026, 11, 1), None)
    assert period_of(CAMPAIGN, dt.date(2026, 11, 26)) == (None, None)


def test_the_headline_figures_charts_and_tables_of_the_whole_campaign(qtbot, page, ctx):
    choose_period(qtbot, page, CAMPAIGN)
    s = ctx.progress.snapshot(ProgressFilter())
    o = s.overall
    assert o.examined == 3 and o.roster >= 8  # Đức, Hương and Ơn were examined; the rest of the roster was not
    assert page.figures[0].value.text() == f"{o.examined} / {o.roster}"
    assert page.figures[1].value.text() == f"{o.examined / o.roster * 100:.1f} %".replace(".", ",")
    v = s.visits
    assert page.figures[3].value.text() == f"{v.completed / v.registered * 100:.1f} %".replace(".", ",")
    assert page.figures[4].value.text() == f"{v.referred / v.completed * 100:.1f} %".replace(".", ",")
    charts = page.charts
    assert charts is not None
    assert charts.village_bars.count() == 2 and sorted(charts.village_names) == [HUA_PHAT, NA_PHAT]
    assert charts.group_bars.count() == len(s.groups) > 0
    assert charts.cumulative.count() == len(s.cumulative_to_date) > 1
    assert charts.cumulative.at(charts.cumulative.count() - 1).y() == o.examined
    assert len(charts.line_chart.series()) == 1  # the whole campaign: no period to shade
    assert page.village_table.rowCount() == len(s.villages) and page.group_table.rowCount() == len(s.groups)
    texts = [page.village_table.item(r, 0).text() for r in range(page.village_table.rowCount())]
    assert sorted(texts) == [HUA_PHAT, NA_PHAT]


def test_a_custom_period_counts_the_visits_of_those_days_only(qtbot, page):
    page.period.setCurrentIndex(page.period.findData(CUSTOM))
    assert page.date_from.isVisible()
    page.date_from.setDate(QDate(DAY.year, DAY.month, DAY.day))
    page.date_to.setDate(QDate(DAY.year, DAY.month, DAY.day))
    wait_loaded(qtbot, page)
    assert (page.snapshot.date_from, page.snapshot.date_to) == (DAY, DAY)
    assert "lượt đăng ký trong kỳ: 5" in page.figures[2].detail.text()  # the day's five, the cancelled one too
    assert page.charts.cumulative.count() == len(page.snapshot.cumulative_to_date)
    assert len(page.charts.line_chart.series()) == 2  # the period shaded behind the campaign's line


def test_the_weekly_report_is_saved_and_printed(qtbot, page, monkeypatch, tmp_path):
    choose_period(qtbot, page, CAMPAIGN)
    target = tmp_path / "báo cáo tuần.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name, kinds: target)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.message.isVisible, timeout=30_000)
    assert "Đã lưu báo cáo" in page.message.text()
    document = pypdfium2.PdfDocument(str(target))
    text = "".join(p.get_textpage().get_text_range() for p in document)
    document.close()
    assert "BÁO CÁO TIẾN ĐỘ" in text and HUA_PHAT in text and "Lò Văn Thắng" in text

    printed = tmp_path / "máy in.pdf"
    preview_prints_to(monkeypatch, printed)
    page.message.hide()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.message.isVisible, timeout=30_000)
    assert "máy in" in page.message.text()
    document = pypdfium2.PdfDocument(str(printed))
    assert len(document) >= 2
    document.close()


def test_an_unwritable_place_for_the_report_is_explained(qtbot, page, monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "ask_save_path",
                        lambda parent, title, name, kinds: tmp_path / "không có" / "báo cáo.pdf" / "x.pdf")
    (tmp_path / "không có").mkdir()
    (tmp_path / "không có" / "báo cáo.pdf").write_text("")  # a file where a folder should be
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.message.isVisible, timeout=30_000)
    assert "Hãy chọn nơi lưu khác" in page.message.text()


def test_qtcharts_and_reportlab_are_not_loaded_until_the_pages_need_them():
    code = ("import sys; import station_app.ui.main_window, station_app.ui.pages.progress, "
            "station_app.ui.pages.lists; print([m in sys.modules for m in ('PySide6.QtCharts', 'reportlab')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[False, False]"


def test_clicking_a_tables_header_sorts_by_the_figure_not_the_text(qtbot, page):
    choose_period(qtbot, page, CAMPAIGN)
    table = page.village_table
    roster = next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "Danh sách")
    table.sortByColumn(roster, Qt.SortOrder.DescendingOrder)
    figures = [int(table.item(r, roster).text().replace(".", "")) for r in range(table.rowCount())]
    assert figures == sorted(figures, reverse=True)
