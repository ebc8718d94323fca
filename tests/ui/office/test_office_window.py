"""The office window driven as office staff use it, on real office folders and real batches: an empty office says
what to do first, a wrong folder or database says what to do, a station registered from its PEM file, batches
imported by the import page and by dropping a USB folder onto the window, the gap after batches 1 and 3, a
tampered batch quarantined with its reason, the report shown with charts and saved as PDF and XLSX."""
from __future__ import annotations

import datetime as dt
import functools
import shutil
import threading
from pathlib import Path

import openpyxl
import pypdfium2
import pytest
import shiboken6
from support.gui import type_text
from support.office import connect_station, flip, parts_of, rewrite
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from station_app.cli import main as cli_main
from station_app.persistence.office.tables import OfficeBatchRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.exchange.keys import StationKeys
from station_app.services.office.queries import DUPLICATE, IMPORTED, QUARANTINED
from station_app.services.office.service import REASON_TEXT
from station_app.ui import printing
from station_app.ui.office.window import OfficeWindow
from station_app.ui.tasks import Operation


def usb_with(folder: Path, *files: Path) -> Path:
    """A folder holding copies of these batch files, as a USB stick brought to the office."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, folder / path.name)
    return folder


def wait_idle(qtbot, window: OfficeWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def import_through_page(qtbot, window: OfficeWindow, *paths: Path):
    window.show_page("import")
    window.pages["import"].import_paths(list(paths))
    wait_idle(qtbot, window)
    return window.pages["import"]


def figures(page) -> dict[str, str]:
    return {key: value.text() for key, (value, _) in page.figures.items()}


def stations_rows(qtbot, window: OfficeWindow) -> list[list[str]]:
    window.show_page("stations")
    wait_idle(qtbot, window)
    return table_rows(window.pages["stations"].table)


# -- opening --------------------------------------------------------------------------------------------------

def test_an_empty_office_opens_and_says_what_to_do_first(qtbot, open_window, office):
    window = open_window(office.folder)
    wait_idle(qtbot, window)
    assert [window.nav.item(r).text() for r in range(window.nav.count())] == ["Trạm", "Lô dữ liệu", "Nhập lô",
                                                                               "Báo cáo", "Liên thông"]
    page = window.pages["stations"]
    assert window.current_page_key() == "stations" and page.empty.isVisible() and not page.table.isVisible()
    assert "Chưa có trạm nào được đăng ký" in page.empty.text()
    assert str(office.folder / "office-bundle.json") in page.empty.text()
    assert "TTKSBT tỉnh Lai Châu" in window.office_label.text()


def test_a_folder_that_is_not_an_office_says_how_to_make_one(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "thư mục khác", wait_open=False)
    qtbot.waitUntil(lambda: window.opening.message.isVisible(), timeout=15_000)
    text = window.opening.message.text()
    assert "chưa phải thư mục của đơn vị nhận" in text and "office init" in text
    assert window.service is None and window.opening.choose_button.isVisible()
    assert window.screens.currentWidget() is window.opening


def test_a_database_that_cannot_be_opened_says_what_to_check(qtbot, open_window, office, tmp_path):
    broken = tmp_path / "hỏng.sqlite"
    broken.write_bytes(b"this is not a database " * 400)
    window = open_window(office.folder, f"sqlite:///{broken}", wait_open=False)
    qtbot.waitUntil(lambda: window.opening.message.isVisible(), timeout=15_000)
    assert "Không mở được cơ sở dữ liệu của đơn vị nhận" in window.opening.message.text()
    assert window.service is None


# -- stations -------------------------------------------------------------------------------------------------

def register(qtbot, window: OfficeWindow, pem: Path, code: str):
    page = window.pages["stations"]
    page.ask_register()
    dialog = page.dialog
    type_text(dialog.pem, str(pem))
    type_text(dialog.code, code)
    type_text(dialog.name, "Trạm Y tế xã Mường Kim")
    dialog.confirm.click()
    wait_idle(qtbot, window)
    return dialog


def test_registering_a_station_from_its_pem_file_shows_the_key_digits_to_read_back(qtbot, open_window, office,
                                                                                   ctx, data_dir):
    connect_station(office, data_dir, register=False)
    pem = data_dir.parent / "TYT-MK.pub.pem"
    window = open_window(office.folder)
    register(qtbot, window, pem, "tyt-mk")
    page = window.pages["stations"]
    qtbot.waitUntil(lambda: page.notice.isVisible() and page.table.isVisible(), timeout=10_000)
    short = StationKeys(data_dir).public_key().short_id  # what the station shows on its export page
    assert page.key_digits.text() == short and len(short.replace(" ", "")) == 16
    [row] = table_rows(page.table)
    assert row[:3] == ["TYT-MK", "Trạm Y tế xã Mường Kim", short] and row[6] == "chưa gửi lô nào"

    again = register(qtbot, window, pem, "TYT-MK")
    assert again.isVisible() and "đã được đăng ký rồi" in again.message.text()
    again.reject()
    not_a_key = data_dir.parent / "ghi-chu.pem"
    not_a_key.write_text("không phải khoá", encoding="utf-8")
    wrong = register(qtbot, window, not_a_key, "TYT-NK")
    assert "Không đọc được khoá công khai của trạm" in wrong.message.text()
    wrong.reject()
    bad_code = register(qtbot, window, pem, "trạm 1")
    assert "Mã trạm" in bad_code.message.text() and "TYT-MK" in bad_code.message.text()


def test_the_stations_page_shows_the_gap_after_batches_1_and_3_and_reds_a_silent_station(qtbot, open_window,
                                                                                         office, batches):
    window = open_window(office.folder)
    import_through_page(qtbot, window, batches[0], batches[2])
    [row] = stations_rows(qtbot, window)
    assert row[0] == "TYT-MK" and row[3:5] == ["2", "3"] and row[7] == "2"
    assert "phút" in row[6]
    page = window.pages["stations"]
    assert page.table.item(0, 6).background().color().name() != "#fdecea"

    with OfficeUnitOfWork(office.service.db) as uow:  # the station last sent two days and three hours ago
        for batch in uow.session.query(OfficeBatchRow):
            batch.imported_at = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=2, hours=3,
                                                                                              minutes=1)
    window.show_page("batches")
    [row] = stations_rows(qtbot, window)
    assert row[6] == "2 ngày 3 giờ"
    assert page.table.item(0, 6).background().color().name() == "#fdecea"
    assert "1 trạm quá 24 giờ chưa gửi lô" in page.summary.text()


# -- importing ------------------------------------------------------------------------------------------------

def test_importing_a_folder_through_the_import_page_shows_the_summary(qtbot, open_window, office, batches,
                                                                      tmp_path):
    window = open_window(office.folder)
    usb = usb_with(tmp_path / "usb", *batches)
    page = import_through_page(qtbot, window, usb)
    assert figures(page) == {IMPORTED: "3", DUPLICATE: "0", QUARANTINED: "0"}
    assert [r[3] for r in table_rows(page.table)] == ["Đã nhập"] * 3
    assert page.gaps.text() == "Không trạm nào còn thiếu lô."
    assert str(usb) in page.receipts.text() and len(list(usb.glob("*.receipt.json"))) == 3

    page = import_through_page(qtbot, window, usb)  # the same stick again: nothing changes
    assert figures(page) == {IMPORTED: "0", DUPLICATE: "3", QUARANTINED: "0"}
    window.show_page("batches")
    wait_idle(qtbot, window)
    states = sorted(r[4] for r in table_rows(window.pages["batches"].table))
    assert states == ["Đã nhập"] * 3 + ["Đã nhập từ trước (không đổi gì)"] * 3


def drop(window: OfficeWindow, *paths: Path) -> QDropEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPointF(400, 300), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def test_dropping_a_usb_folder_onto_the_window_imports_its_batches(qtbot, open_window, office, batches, tmp_path):
    window = open_window(office.folder)
    usb = usb_with(tmp_path / "USB TRẠM", batches[0], batches[2])
    assert drop(window, usb).isAccepted()
    wait_idle(qtbot, window)
    page = window.pages["import"]
    assert window.current_page_key() == "import"
    assert figures(page) == {IMPORTED: "2", DUPLICATE: "0", QUARANTINED: "0"}
    assert page.gaps.text() == "Trạm TYT-MK còn thiếu lô số: 2. Hãy hỏi trạm gửi các lô này."
    drop(window, batches[1])  # the missing one, a single file dropped
    wait_idle(qtbot, window)
    assert figures(page)[IMPORTED] == "1" and page.gaps.text() == "Không trạm nào còn thiếu lô."


def test_a_tampered_batch_is_quarantined_with_its_reason_in_vietnamese(qtbot, open_window, office, batches,
                                                                       tmp_path):
    payload = parts_of(batches[0])["payload.age"]
    tampered = rewrite(batches[0], tmp_path / "usb" / batches[0].name, payload_age=flip(payload, len(payload) // 2))
    window = open_window(office.folder)
    page = import_through_page(qtbot, window, tampered, batches[1])
    assert figures(page) == {IMPORTED: "1", DUPLICATE: "0", QUARANTINED: "1"}
    reason = REASON_TEXT["payload_hash_mismatch"]
    assert [batches[0].name, "TYT-MK", "1", "Bị cách ly", "", reason] in table_rows(page.table)

    window.show_page("batches")
    wait_idle(qtbot, window)
    batches_page = window.pages["batches"]
    batches_page.state.setCurrentIndex(batches_page.state.findData(QUARANTINED))
    [row] = table_rows(batches_page.table)
    assert row[1:5] == ["TYT-MK", "1", batches[0].name, "Bị cách ly"] and row[6] == reason
    assert "quarantine" in batches_page.table.item(0, 6).toolTip()
    batches_page.state.setCurrentIndex(batches_page.state.findData(IMPORTED))
    assert [r[2] for r in table_rows(batches_page.table)] == ["2"]


def test_an_upload_from_an_unregistered_station_is_listed_with_what_to_do(qtbot, open_window, office):
    from station_app.services.office.upload import OfficeUploads, UploadStationUnregisteredError

    with pytest.raises(UploadStationUnregisteredError):  # what the service does before reading an upload's body
        OfficeUploads(office.service).begin("TYT-NK-000004.batch")
    window = open_window(office.folder)
    window.show_page("batches")
    wait_idle(qtbot, window)
    page = window.pages["batches"]
    [row] = table_rows(page.table)
    assert row[1:5] == ["TYT-NK", "4", "TYT-NK-000004.batch", "Bị cách ly"] and row[6] == REASON_TEXT[
        "unregistered_station"]
    assert "đăng ký trạm" in page.table.item(0, 6).toolTip()


def test_what_cannot_be_imported_is_said_not_thrown(qtbot, open_window, office, batches, tmp_path):
    window = open_window(office.folder)
    junk = tmp_path / "usb" / "TYT-MK-000009.batch"
    junk.parent.mkdir()
    junk.write_text("không phải tệp lô", encoding="utf-8")
    page = import_through_page(qtbot, window, junk)
    assert figures(page)[QUARANTINED] == "1" and REASON_TEXT["not_a_zip"] in table_rows(page.table)[0][5]

    empty = tmp_path / "usb trống"
    empty.mkdir()
    page = import_through_page(qtbot, window, empty)
    assert "Không thấy tệp lô (.batch) nào" in page.message.text()
    page = import_through_page(qtbot, window, tmp_path / "usb đã rút" / batches[0].name)
    assert "USB có thể đã bị rút ra" in page.message.text()


# -- the report -----------------------------------------------------------------------------------------------

def test_the_report_page_shows_tables_and_charts_and_saves_a_pdf_and_an_xlsx(qtbot, open_window, office, batches,
                                                                           tmp_path, monkeypatch):
    office.service.import_paths([batches[0], batches[2]])
    window = open_window(office.folder)
    window.show_page("report")
    wait_idle(qtbot, window)
    page = window.pages["report"]
    assert page.tabs.count() == 9 and page.charts is not None
    assert [page.tabs.tabText(i) for i in (6, 7, 8)] == ["Theo mẫu khám", "Theo mã đối tượng",
                                                         "Liên thông quốc gia"]  # QĐ 1551
    stations_table = page.tabs.widget(3).findChildren(type(window.pages["stations"].table))[0]
    assert table_rows(stations_table)[0][:5] == ["TYT-MK", "Trạm Y tế xã Mường Kim", "2", "3", "2"]
    assert page.charts.bars[0].count() == 1 and page.charts.bars[2].count() == 1  # one commune, one station

    for suffix in (".pdf", ".xlsx"):
        target = tmp_path / "báo cáo" / f"bao-cao{suffix}"
        target.parent.mkdir(exist_ok=True)
        monkeypatch.setattr(printing, "ask_save_path", lambda *a, t=target: t)
        page.save_buttons[suffix].click()
        wait_idle(qtbot, window)
        assert page.last_saved == target and "Đã lưu báo cáo" in page.message.text()
    pdf = pypdfium2.PdfDocument(str(tmp_path / "báo cáo" / "bao-cao.pdf"))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "TYT-MK" in text and "Lô dữ liệu theo trạm" in text
    book = openpyxl.load_workbook(tmp_path / "báo cáo" / "bao-cao.xlsx")
    stations_sheet = next(s for s in book.worksheets if "Lô dữ liệu theo trạm" in s.title)
    assert stations_sheet["A3"].value == "TYT-MK"


def test_a_report_that_cannot_be_written_says_to_choose_another_place(qtbot, open_window, office, tmp_path,
                                                                      monkeypatch):
    blocker = tmp_path / "tệp"
    blocker.write_text("x")
    window = open_window(office.folder)
    window.show_page("report")
    wait_idle(qtbot, window)
    page = window.pages["report"]
    monkeypatch.setattr(printing, "ask_save_path", lambda *a: blocker / "bao-cao.pdf")
    page.save_buttons[".pdf"].click()
    wait_idle(qtbot, window)
    assert "Không ghi được báo cáo" in page.message.text()


# -- the command line -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("extra", [[], ["--db", "sqlite:////tmp/khac.sqlite"]])
def test_station_app_office_without_a_subcommand_opens_the_window(tmp_path, monkeypatch, extra):
    import station_app.ui.office.main as office_main

    opened = []
    monkeypatch.setattr(office_main, "run", lambda folder, db: opened.append((folder, db)) or 0)
    assert cli_main(["office", "--dir", str(tmp_path / "vp"), *extra]) == 0
    assert opened == [((tmp_path / "vp").resolve(), extra[1] if extra else None)]


def test_the_language_chosen_is_kept_in_the_office_folder_for_the_next_start(qtbot, open_window, office):
    from station_app.ui.office.main import office_language

    window = open_window(office.folder)
    assert office_language(office.folder) == "vi"
    window.language_box.setCurrentIndex(window.language_box.findData("en"))
    wait_idle(qtbot, window)
    assert office_language(office.folder) == "en"
    assert window.nav.item(0).text()  # retranslated without a restart, nothing lost


def test_dir_given_before_a_subcommand_is_kept(office, ctx, data_dir, capsys, monkeypatch):
    """``office --dir D stations list`` now that ``office`` itself takes --dir: D, not the default folder."""
    monkeypatch.delenv("STATION_OFFICE_DIR", raising=False)
    connect_station(office, data_dir)
    assert cli_main(["office", "--dir", str(office.folder), "stations", "list"]) == 0
    assert "TYT-MK" in capsys.readouterr().out


def test_the_report_prints_through_the_print_preview(qtbot, open_window, office, batches, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    office.service.import_paths(batches)
    printed = tmp_path / "máy in.pdf"

    def print_to_file(printer: QPrinter, paint, parent) -> bool:  # noqa: ANN001 - the preview, not its printing
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        paint(printer)
        return True

    monkeypatch.setattr(printing, "ask_preview", print_to_file)
    window = open_window(office.folder)
    window.show_page("report")
    wait_idle(qtbot, window)
    page = window.pages["report"]
    page.print_button.click()
    qtbot.waitUntil(page.message.isVisible, timeout=30_000)
    assert "máy in" in page.message.text()
    assert page.last_printed.parent == office.folder / "reports"
    document = pypdfium2.PdfDocument(str(printed))
    assert len(document) >= 1
    document.close()


def test_qtcharts_and_reportlab_wait_until_the_report_is_shown():
    import subprocess
    import sys

    code = ("import sys; import station_app.ui.office.main, station_app.ui.office.report, "
            "station_app.ui.office.stations, station_app.ui.office.importing, station_app.ui.office.batches; "
            "print([m in sys.modules for m in ('PySide6.QtCharts', 'reportlab')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[False, False]"


@pytest.mark.parametrize("office", ["postgresql"], indirect=True)
def test_the_window_reads_a_postgresql_office_the_same(qtbot, open_window, office, batches):
    window = open_window(office.folder, office.service.db.url)
    import_through_page(qtbot, window, batches[0], batches[2])
    [row] = stations_rows(qtbot, window)
    assert row[0] == "TYT-MK" and row[3:5] == ["2", "3"] and row[7] == "2"
    window.show_page("batches")
    wait_idle(qtbot, window)
    assert sorted(r[2] for r in table_rows(window.pages["batches"].table)) == ["1", "3"]
    window.show_page("report")
    wait_idle(qtbot, window)
    assert window.pages["report"].tabs.count() == 9


def test_a_database_lost_while_the_window_is_open_is_said_not_thrown(qtbot, open_window, office, monkeypatch):
    """The PostgreSQL server going away mid-session (faked at the one read: stopping the shared server would
    take it from the other tests)."""
    from sqlalchemy.exc import OperationalError

    from station_app.persistence.office.reads import OfficeReads

    def server_gone(reads):  # noqa: ANN001
        raise OperationalError("SELECT …", {}, Exception("server closed the connection unexpectedly"))

    window = open_window(office.folder)
    monkeypatch.setattr(OfficeReads, "batch_facts", server_gone)
    window.show_page("batches")
    wait_idle(qtbot, window)
    assert "Không đọc hoặc ghi được cơ sở dữ liệu của đơn vị nhận" in window.pages["batches"].message.text()


def test_pages_closed_while_their_figures_are_read_show_nothing(qtbot, open_window, office):
    """Each page's read comes back after the page is gone: no message, no crash, and the runner is idle again."""
    window = open_window(office.folder)
    wait_idle(qtbot, window)
    gate = threading.Event()
    window.tasks.run(Operation(functools.partial(gate.wait, 10)), parent=None)  # the database lane is busy
    pages = [window.pages[key] for key in ("stations", "batches", "report")]
    for page in pages:
        page.refresh()
        page.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(page) for page in pages))
    gate.set()
    wait_idle(qtbot, window)
    qtbot.wait(50)
