"""What the national system said of each visit, once the office's national receipt is taken: the visit history
says it above the versions, the daily list has a column for it (a refusal in red) and filters by it. A real
station database, a real office signing the receipt; only the modal dialogs would be faked."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from support.lists import DAY, build
from support.national_receipts import record
from support.visits import open_visit

from station_app.services.office.national_receipts import write_national
from station_app.services.station.lists import ListKind
from station_app.services.station.receipts import import_receipts
from station_app.ui.exam.history_dialog import VisitHistoryDialog
from station_app.ui.pages.lists import ListsPage

pytestmark = pytest.mark.usefixtures("no_unexpected_errors")  # an error dialog fails the test
AT = dt.datetime(2026, 6, 10, 8, 5)  # UTC: 15:05 in Vietnam
REFUSAL = "Thiếu số CCCD của người khám"


def take_receipt(office, station, data_dir, tmp_path) -> None:
    """The office writes the station's national receipt on a stick; the station imports the stick."""
    write_national(office.service, "TYT-MK", tmp_path / "usb")
    assert import_receipts(station.db, data_dir, paths=[tmp_path / "usb"]).national


def open_history(qtbot, ctx, tasks, visit):
    dialog = VisitHistoryDialog(ctx, tasks, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.national_read)
    return dialog


def test_the_visit_history_says_accepted_with_the_date_or_refused_with_what_to_correct(
        app, qtbot, station, nurse, office, data_dir, tmp_path, tasks):
    accepted, refused, silent = (open_visit(station, nurse) for _ in range(3))
    record(office, accepted.id, at=AT)
    record(office, refused.id, state="refused", at=AT, res_msg=REFUSAL)
    take_receipt(office, station, data_dir, tmp_path)

    assert open_history(qtbot, station, tasks, accepted).national.text() == \
        "Liên thông quốc gia: Đã liên thông 10/06/2026 15:05"
    dialog = open_history(qtbot, station, tasks, refused)
    assert dialog.national.text() == f"Liên thông quốc gia: Bị từ chối: {REFUSAL} — cần sửa rồi ký lại"
    assert "b00020" in dialog.national.styleSheet()
    assert open_history(qtbot, station, tasks, silent).national.text() == ""


@pytest.fixture
def page(qtbot, app, station, admin, coordinator, tasks):
    ids = build(station, admin.id)
    page = ListsPage(station, tasks, station.station.info().site_id, coordinator)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.choice.village.count() == 3 and not page.loading, timeout=10_000)
    page.ids = ids
    return page


def wait_loaded(qtbot, page: ListsPage) -> None:
    qtbot.waitUntil(lambda: not page.loading and not page._reload.isActive() and page.model.the_list is not None,
                    timeout=10_000)


def cells(page: ListsPage, title: str) -> list[str]:
    col = page.model.column_of(title)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_the_daily_list_shows_and_filters_the_national_state(qtbot, page, station, office, data_dir, tmp_path):
    record(office, page.ids["visit:duc"], at=AT)
    record(office, page.ids["visit:huong"], state="refused", at=AT, res_msg=REFUSAL)
    record(office, page.ids["visit:on"], state="pushed", at=AT)
    take_receipt(office, station, data_dir, tmp_path)
    page.choose(ListKind.DAILY)
    page.choice.date_from.setDate(QDate(DAY.year, DAY.month, DAY.day))
    page.choice.date_to.setDate(QDate(DAY.year, DAY.month, DAY.day))
    wait_loaded(qtbot, page)

    assert cells(page, "Họ và tên") == ["Lường Văn Đức", "Phạm Thị Hương", "Lò Văn Ạnh", "Hà Văn Ơn"]
    assert cells(page, "Liên thông") == ["Đã liên thông 10/06/2026 15:05",
                                         f"Bị từ chối: {REFUSAL} — cần sửa rồi ký lại", "", "Đang chờ liên thông"]
    column = page.model.column_of("Liên thông")
    assert not page.preview.table.isColumnHidden(column)
    red = page.model.index(1, column).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.name() == "#b00020"
    assert page.model.index(0, column).data(Qt.ItemDataRole.ForegroundRole) is None

    shown = {}
    for key in ("refused", "accepted", "waiting", "none"):
        page.choice.national.setCurrentIndex(page.choice.national.findData(key))
        wait_loaded(qtbot, page)
        shown[key] = cells(page, "Họ và tên")
    assert shown == {"refused": ["Phạm Thị Hương"], "accepted": ["Lường Văn Đức"], "waiting": ["Hà Văn Ơn"],
                     "none": ["Lò Văn Ạnh"]}
    assert page.choice.national.currentText() == "Chưa có biên nhận"


def test_the_national_filter_is_offered_on_the_daily_list_only(qtbot, page):
    page.choose(ListKind.DAILY)
    wait_loaded(qtbot, page)
    assert page.choice.national.isVisible()
    page.choose(ListKind.REFERRALS)
    wait_loaded(qtbot, page)
    assert not page.choice.national.isVisible()


def test_sending_over_the_network_brings_the_national_states_back(app, qtbot, ctx, nurse, data_dir, tmp_path, tasks):
    from PySide6.QtCore import QObject
    from support.upload import connect

    from station_app.ui.pages.export.upload_runner import UploadRunner

    link = connect(ctx, data_dir, tmp_path)
    try:
        visit = open_visit(ctx, nurse)
        record(link.office, visit.id, state="refused", at=AT, res_msg=REFUSAL)
        owner = QObject()
        runner = UploadRunner(ctx, tasks, None, owner)
        with qtbot.waitSignal(runner.national_done, timeout=30_000):
            runner.start(make_new=True)
        assert runner.national is not None and runner.national.changed == 1 and runner.outcomes[0].ok
        dialog = open_history(qtbot, ctx, tasks, visit)
        assert dialog.national.text() == f"Liên thông quốc gia: Bị từ chối: {REFUSAL} — cần sửa rồi ký lại"
    finally:
        tasks.wait()
        link.close()
