"""The coordinator's lists page on a small station whose every resident and visit is known (support/lists.py).

Only the modal dialogs are faked: the "save as" dialog (it answers a path), the print preview (it prints to a
PDF file, as choosing a PDF printer would) and the follow-up note."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pypdfium2
import pytest
from support.gui import preview_prints_to, printer_prints_to, type_text
from support.lists import DAY, DISTRICT, HUA_PHAT, NA_PHAT, build
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from station_app.core.model import TargetGroup
from station_app.services.station.lists import ListFilter, ListKind
from station_app.ui import printing
from station_app.ui.pages.lists import actions as lists_actions
from station_app.ui.pages.lists import ListsPage
from station_app.ui.tasks import TaskRunner


pytestmark = pytest.mark.usefixtures("no_unexpected_errors")  # an error dialog fails the test


@pytest.fixture
def page(qtbot, app, ctx, admin, coordinator, tasks):
    build(ctx, admin.id)
    page = ListsPage(ctx, tasks, ctx.station.info().site_id, coordinator)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.choice.village.count() == 3 and not page.loading, timeout=10_000)
    return page


def wait_loaded(qtbot, page: ListsPage) -> None:
    qtbot.waitUntil(lambda: not page.loading and not page._reload.isActive() and page.model.the_list is not None,
                    timeout=10_000)


def column(page: ListsPage, title: str) -> list[str]:
    col = page.model.column_of(title)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def show(qtbot, page: ListsPage, kind: ListKind, day: dt.date | None = None) -> None:
    page.choose(kind)
    if day is not None:
        page.choice.date_from.setDate(QDate(day.year, day.month, day.day))
        page.choice.date_to.setDate(QDate(day.year, day.month, day.day))
    wait_loaded(qtbot, page)


def test_the_daily_list_shows_the_days_visits_in_queue_order_with_results_and_totals(qtbot, page):
    show(qtbot, page, ListKind.DAILY, DAY)
    assert column(page, "Họ và tên") == ["Lường Văn Đức", "Phạm Thị Hương", "Lò Văn Ạnh", "Hà Văn Ơn"]
    assert column(page, "Huyết áp")[0] == "145/93" and column(page, "BMI")[1] == "22,0"
    assert column(page, "Chuyển tuyến")[0] == DISTRICT
    assert "Đã đăng ký: 4" in page.preview.totals.text() and "Đã khám xong: 3" in page.preview.totals.text()
    assert "Chuyển tuyến: 1" in page.preview.totals.text()
    assert not page.preview.table.isColumnHidden(page.model.column_of("Thôn/bản"))


def test_clicking_a_header_sorts_the_rows_and_again_reverses_them(qtbot, page):
    show(qtbot, page, ListKind.DAILY, DAY)
    header = page.preview.table.horizontalHeader()
    name = page.model.column_of("Họ và tên")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, name))
    # Vietnamese order by the whole name: "Đ" comes after "D" and "L", tones are ignored
    assert column(page, "Họ và tên") == ["Hà Văn Ơn", "Lò Văn Ạnh", "Lường Văn Đức", "Phạm Thị Hương"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, name))
    assert column(page, "Họ và tên") == ["Phạm Thị Hương", "Lường Văn Đức", "Lò Văn Ạnh", "Hà Văn Ơn"]


def _section_centre(header, section: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_filters_narrow_the_rows(qtbot, page):
    show(qtbot, page, ListKind.DAILY, DAY)
    page.choice.village.setCurrentIndex(page.choice.village.findData(HUA_PHAT))
    wait_loaded(qtbot, page)
    assert column(page, "Họ và tên") == ["Phạm Thị Hương", "Lò Văn Ạnh"]
    page.choice.village.setCurrentIndex(0)
    page.choice.group.setCurrentIndex(page.choice.group.findData(TargetGroup.POLICY))
    wait_loaded(qtbot, page)
    assert column(page, "Họ và tên") == ["Hà Văn Ơn"]
    show(qtbot, page, ListKind.DAILY, DAY + dt.timedelta(days=1))
    assert page.model.rowCount() == 0


def test_the_pending_list_is_grouped_by_village_and_the_hardest_cases_toggle(qtbot, page, ctx):
    show(qtbot, page, ListKind.PENDING)
    assert page.choice.hardest.isVisible() and not page.choice.date_from.isVisible()
    expected = ctx.lists.pending(None, ListFilter())
    assert column(page, "Họ và tên") == [r.full_name for r in expected.rows]  # the service's walking order
    assert "Tòng Thị Én" in column(page, "Họ và tên") and "Lường Văn Đức" not in column(page, "Họ và tên")
    villages = column(page, "Thôn/bản")
    assert villages == sorted(villages, key=[HUA_PHAT, NA_PHAT].index)  # one village after the other
    assert column(page, "Ưu tiên").count("★") == expected.totals.priority > 0
    assert f"Chưa khám: {len(expected.rows)}" in page.preview.totals.text()
    assert f"Thuộc nhóm ưu tiên: {expected.totals.priority}" in page.preview.totals.text()
    page.choice.hardest.setChecked(True)
    wait_loaded(qtbot, page)
    hardest = ctx.lists.pending(None, ListFilter(), hardest_only=True)
    assert 0 < page.model.rowCount() == len(hardest.rows) < len(expected.rows)
    assert f"Khó tiếp cận: {len(hardest.rows)}" in page.preview.totals.text()


def test_the_duplicates_list_shows_each_group(qtbot, page):
    show(qtbot, page, ListKind.DUPLICATES)
    assert "Số nhóm có thể trùng: 3" in page.preview.totals.text()
    assert column(page, "Họ và tên").count("Nguyễn Thị Diễm") == 2


def test_marking_a_referral_followed_up_updates_its_row_and_the_totals(qtbot, page, monkeypatch):
    show(qtbot, page, ListKind.REFERRALS)
    assert page.actions.follow_up_button.isVisible() and not page.actions.follow_up_button.isEnabled()
    assert column(page, "Họ và tên") == ["Lường Văn Đức"] and "Chưa theo dõi: 1" in page.preview.totals.text()
    page.preview.table.selectRow(0)
    asked = []
    monkeypatch.setattr(lists_actions, "ask_follow_up_note",
                        lambda parent, name: asked.append(name) or "Đã gọi điện, đã đi khám")
    qtbot.mouseClick(page.actions.follow_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã theo dõi: 1" in page.preview.totals.text(), timeout=10_000)
    assert asked == ["Lường Văn Đức"]
    assert column(page, "Đã theo dõi")[0].endswith("Lò Văn Thắng")
    assert column(page, "Ghi chú theo dõi") == ["Đã gọi điện, đã đi khám"]
    page.choice.status.setCurrentIndex(page.choice.status.findData("open"))
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 0


def save_as(monkeypatch, target):
    asked = []
    monkeypatch.setattr(printing, "ask_save_path",
                        lambda parent, title, name, kinds: asked.append((name, kinds)) or target)
    return asked


def test_saving_pdf_excel_and_csv_writes_files_that_read_back(qtbot, page, monkeypatch, tmp_path):
    show(qtbot, page, ListKind.PENDING)
    for button, name in ((page.actions.pdf_button, "chưa khám.pdf"), (page.actions.xlsx_button, "chưa khám.xlsx"),
                         (page.actions.csv_button, "chưa khám.csv")):
        asked = save_as(monkeypatch, tmp_path / name)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=name: (tmp_path / n).exists() and page.message.isVisible(), timeout=20_000)
        assert asked[0][0].startswith("danh-sach-chua-kham-")
        assert f"Đã lưu {page.model.rowCount()} dòng" in page.message.text()
    pdf = pypdfium2.PdfDocument(str(tmp_path / "chưa khám.pdf"))
    text = "".join(p.get_textpage().get_text_range() for p in pdf)
    pdf.close()
    assert "Tòng Thị Én" in text and "Đỗ Thị Ưng" in text
    sheet = load_workbook(tmp_path / "chưa khám.xlsx").active
    assert "Nguyễn Thị Diễm" in [c.value for row in sheet.iter_rows() for c in row]
    with open(tmp_path / "chưa khám.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert "Họ và tên" in rows[0] and any("Tòng Thị Én" in r for r in rows)


def test_a_folder_that_cannot_be_written_is_explained_in_vietnamese(qtbot, page, monkeypatch, tmp_path):
    show(qtbot, page, ListKind.PENDING)
    save_as(monkeypatch, tmp_path / "không có thư mục này" / "ds.csv")
    qtbot.mouseClick(page.actions.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.message.isVisible, timeout=10_000)
    assert "thư mục không tồn tại" in page.message.text() and "chọn nơi lưu khác" in page.message.text()


def printed_page_sizes(qtbot, page: ListsPage, printed) -> list[tuple[float, float]]:
    """Print from the page and wait for its word that the printer has it: the printout's page sizes."""
    qtbot.mouseClick(page.actions.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=20_000)
    assert "máy in" in page.message.text()
    document = pypdfium2.PdfDocument(str(printed))
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def test_printing_goes_through_the_preview_to_the_printer(qtbot, page, monkeypatch, tmp_path):
    show(qtbot, page, ListKind.DAILY, DAY)
    printed = tmp_path / "máy in.pdf"
    preview_prints_to(monkeypatch, printed)
    sizes = printed_page_sizes(qtbot, page, printed)
    width, height = sizes[0]
    assert len(sizes) == 1 and width > height  # the daily list is wide: landscape A4, as made
    assert page.actions.last_pdf.exists() and page.actions.last_pdf.parent.name == "lists"


def test_a_nurse_reads_the_lists_but_has_no_print_or_save_buttons(qtbot, app, ctx, admin, nurse):
    build(ctx, admin.id)
    page = ListsPage(ctx, TaskRunner(), ctx.station.info().site_id, nurse)
    qtbot.addWidget(page)
    page.show()
    page.choose(ListKind.REFERRALS)
    assert not page.actions.print_button.isVisible() and not page.actions.pdf_button.isVisible()
    assert not page.actions.follow_up_button.isVisible() and page.import_button is None


def test_a_long_list_skips_the_preview_and_is_painted_in_the_background(qtbot, page, monkeypatch, tmp_path):
    show(qtbot, page, ListKind.PENDING)
    monkeypatch.setattr(printing, "PREVIEW_MAX_PAGES", 0)  # as a list of a thousand pages would
    monkeypatch.setattr(printing, "ask_preview", lambda *args: pytest.fail("no preview for a long list"))
    printed = tmp_path / "máy in.pdf"
    printer_prints_to(monkeypatch, printed)
    assert len(printed_page_sizes(qtbot, page, printed)) >= 1


def test_the_table_model_holds_a_50000_row_pending_list_and_sorts_it(app):
    """Cells are made when asked for: 50,000 rows are one list of rows, sorted by one Python sort."""
    from station_app.core.model import Sex
    from station_app.services.station.lists import ListScope, PendingList, PendingRow, PendingTotals
    from station_app.ui.table_models import ListTableModel

    rows = tuple(PendingRow(str(n), f"Lò Văn {n:05d}", 1940 + n % 80, Sex.MALE, "03637", f"Bản {n // 700:03d}",
                            f"H{n // 4}", None, None, (), n % 3 == 0, ()) for n in range(50_000))
    the_list = PendingList(ListScope("Trạm", "Xã", "Đợt", ListFilter(), dt.datetime(2026, 11, 23)), rows,
                           PendingTotals(len(rows), 0, {}, {}, 0, {}), False)
    model = ListTableModel()
    model.set_list(the_list)
    assert model.rowCount() == 50_000
    year = model.column_of("Năm sinh")
    model.sort(year, Qt.SortOrder.DescendingOrder)
    assert model.index(0, year).data() == "2019" and model.index(49_999, year).data() == "1940"
    assert model.index(0, model.column_of("Thôn/bản")).data().startswith("Bản ")


# -- where lists are saved, and the village typed into the filter ---------------------------------------------------

@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    """A new Linux account: a home folder without "Documents", and no USB stick plugged in."""
    from PySide6.QtCore import QStorageInfo

    home = tmp_path / "nhà"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(QStorageInfo, "mountedVolumes", staticmethod(lambda: []))
    return home


def save_dialog_opens_at(monkeypatch) -> list[Path]:
    """Qt's own "save as" dialog, cancelled: the path it was opened at (folder and prefilled name)."""
    opened: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, start, kinds: opened.append(Path(start)) or ("", "")))
    return opened


def choose_village(qtbot, page: ListsPage, typed: str) -> None:
    """Click into the field, type part of the village's name without marks, pick the first suggestion."""
    field = page.choice.village.lineEdit()
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field.selectedText() == field.text() != "")  # what is typed replaces what was there
    type_text(field, typed)
    popup = page.choice.village.completer().popup()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def test_the_village_filter_is_typed_into_without_marks(qtbot, page):
    show(qtbot, page, ListKind.DAILY, DAY)
    choose_village(qtbot, page, "hua phat")
    assert page.choice.village.currentText() == HUA_PHAT and page.choice.village.currentData() == HUA_PHAT
    wait_loaded(qtbot, page)
    assert column(page, "Họ và tên") == ["Phạm Thị Hương", "Lò Văn Ạnh"]


def test_a_village_that_is_not_there_leaves_the_filter_as_it_was(qtbot, page):
    show(qtbot, page, ListKind.DAILY, DAY)
    type_text(page.choice.village.lineEdit(), "ban khong co")
    page.choice.village.lineEdit().editingFinished.emit()
    assert page.choice.village.currentIndex() == 0 and page.choice.village.currentText() == "Tất cả thôn/bản"


def test_each_villages_list_is_saved_under_its_own_name_in_the_documents_folder(qtbot, page, fresh_home,
                                                                              monkeypatch):
    opened = save_dialog_opens_at(monkeypatch)
    show(qtbot, page, ListKind.PENDING)
    qtbot.mouseClick(page.actions.pdf_button, Qt.MouseButton.LeftButton)
    today = f"{dt.date.today():%Y-%m-%d}"
    # no Documents folder yet: the home folder, never a folder that is not there (Qt would take it as a file name)
    assert opened[-1] == fresh_home / f"danh-sach-chua-kham-{today}.pdf"
    (fresh_home / "Documents").mkdir()
    for village, part in ((HUA_PHAT, "ban-hua-phat"), (NA_PHAT, "ban-na-phat")):
        page.choice.village.setCurrentIndex(page.choice.village.findData(village))
        wait_loaded(qtbot, page)
        qtbot.mouseClick(page.actions.xlsx_button, Qt.MouseButton.LeftButton)
        assert opened[-1] == fresh_home / "Documents" / f"danh-sach-chua-kham-{part}-{today}.xlsx"
