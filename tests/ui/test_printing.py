"""Printing a visit slip for real: only the printer hardware is faked (the installed printers, and the print dialog
answering "print to file", as a nurse choosing a PDF printer would); the slip is rendered by PDFium and painted by
Qt onto the printer's pages, or saved as a real PDF when there is no printer."""
from __future__ import annotations

import datetime as dt
import subprocess

import pypdfium2
import pytest
from support.gui import FakePrinters, show_page
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from station_app.core.cards import SlipIdentity
from station_app.core.model import FundingSource, Sex, VisitStatus
from station_app.core.qr_payloads import encode_slip, parse_payload
from station_app.core.settings import Settings
from station_app.services.common.decoding import decode_image
from station_app.services.common.slip_pdf import render_slip
from station_app.services.station.registry import ResidentInput, VisitInfo
from station_app.ui import printing
from station_app.ui.dialogs.open_visit import OpenVisitDialog
from station_app.ui.pages.reception import ReceptionPage
from station_app.ui.printing import slip_payload
from station_app.ui.tasks import TaskRunner

VISIT = VisitInfo(id="0193a5c2-7d1e-7c4a-9b2e-5f1d2c3b4a59", resident_id="r1", resident_name="Giàng Thị Mỷ",
                  birth_year=1990, sex=Sex.FEMALE, national_id="012190000123", site_id="s1",
                  site_name="Trạm Y tế xã Mường Kim", campaign_id="c1", visit_date=dt.date(2026, 11, 23),
                  queue_number=17, status=VisitStatus.REGISTERED, funding_source=FundingSource.STATE_BUDGET,
                  registered_at=dt.datetime(2026, 11, 23, 7, 30))


def _slip(tmp_path, size: str):
    payload = encode_slip(SlipIdentity(visit_id="0193a5c2-7d1e-7c4a-9b2e-5f1d2c3b4a59", national_id="012190000123",
                                       full_name="Giàng Thị Mỷ", birth_year=1990, sex=Sex.FEMALE, queue_number=17,
                                       visit_date=dt.date(2026, 11, 23), site_code="TYT-03637"))
    pdf = render_slip(tmp_path / f"slip-{size}.pdf", payload=payload, queue_number=17, full_name="Giàng Thị Mỷ",
                      birth_year=1990, sex_label="Nữ", site_name="Trạm Y tế xã Mường Kim",
                      visit_date=dt.date(2026, 11, 23), size=size)
    return payload, pdf


def _print_to_file(monkeypatch, target):
    asked = []

    def choose_pdf_printer(printer: QPrinter, parent) -> bool:  # noqa: ANN001
        asked.append(printer.pageLayout().pageSize().size(printer.pageLayout().pageSize().Unit.Millimeter))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(printing, "ask_printer", choose_pdf_printer)
    return asked


def test_a_printed_label_slip_is_label_sized_and_its_qr_reads_back(qapp, tmp_path, monkeypatch):
    payload, pdf = _slip(tmp_path, "label_62x100")
    printed = tmp_path / "printed.pdf"
    asked = _print_to_file(monkeypatch, printed)
    assert printing.print_pdf(pdf, None) is True
    paper = asked[0]
    assert round(paper.width()) == 62 and round(paper.height()) == 100  # the dialog offers the label's size
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(printed), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    assert decode_image(pages[0]) == [payload]


def test_cancelling_the_print_dialog_prints_nothing(qapp, tmp_path, monkeypatch):
    _payload, pdf = _slip(tmp_path, "a6")
    monkeypatch.setattr(printing, "ask_printer", lambda printer, parent: False)
    assert printing.print_pdf(pdf, None) is False


# -- the slip of a visit just opened, as the setting "Cài đặt máy này › In phiếu khám" says --------------------------

@pytest.fixture
def slip_printer(qtbot, tmp_path):
    """A SlipPrinter on a data folder, and what it said: ``(printer, events)``."""
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = TaskRunner()
    printer = printing.SlipPrinter(tasks, tmp_path / "data", parent)
    events: list[tuple[str, ...]] = []
    for name in ("printed", "saved", "cancelled", "failed"):
        getattr(printer, name).connect(lambda *args, name=name: events.append((name, *args)))
    yield printer, events
    tasks.wait()


def print_slip(qtbot, slip_printer, mode: str, ask: bool = False, printer_name: str | None = None) -> tuple:
    printer, events = slip_printer
    count = len(events)
    printer.print_visit(VISIT, "TYT-03637", "a6", printer_name, mode=mode, ask=ask)
    qtbot.waitUntil(lambda: len(events) > count, timeout=10000)
    return events[-1]


def pdf_text(path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()


def qr_of(tmp_path, pdf) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "out")], check=True)
    [page] = sorted(tmp_path.glob("out*.png"))
    page.rename(tmp_path / "read.png")
    return decode_image(tmp_path / "read.png")


def test_with_a_default_printer_the_slip_prints_at_once_without_a_dialog(qtbot, slip_printer, tmp_path,
                                                                         monkeypatch):
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Brother QL-800", "Canon LBP"), "Canon LBP")
    assert print_slip(qtbot, slip_printer, "direct")[0] == "printed"
    assert hardware.dialogs == 0 and hardware.opened == ["Canon LBP"]  # no key: the default printer, at once
    payload = slip_payload(VISIT, "TYT-03637")
    assert qr_of(tmp_path, hardware.printed[0]) == [payload]

    assert print_slip(qtbot, slip_printer, "direct", printer_name="Brother QL-800")[0] == "printed"
    assert hardware.opened[-1] == "Brother QL-800" and hardware.dialogs == 0  # this laptop's own choice


def test_a_reprint_and_ask_every_time_open_the_print_dialog(qtbot, slip_printer, tmp_path, monkeypatch):
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Canon LBP",), "Canon LBP", dialog_answer=False)
    assert print_slip(qtbot, slip_printer, "direct", ask=True)[0] == "cancelled"  # Ctrl+P
    assert print_slip(qtbot, slip_printer, "dialog")[0] == "cancelled"
    assert print_slip(qtbot, slip_printer, "pdf", ask=True)[0] == "cancelled"
    assert hardware.dialogs == 3 and hardware.printed == []


def test_printers_but_none_marked_default_ask_which_one(qtbot, slip_printer, tmp_path, monkeypatch):
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Canon LBP",), None)
    assert print_slip(qtbot, slip_printer, "direct")[0] == "printed"
    assert hardware.dialogs == 1


def test_without_a_printer_the_slip_is_saved_as_a_pdf_by_date_and_number_and_said_once(qtbot, slip_printer,
                                                                                       tmp_path, monkeypatch):
    hardware = FakePrinters(monkeypatch, tmp_path / "out")  # no printer installed at all
    folder = tmp_path / "data" / "phieu-kham" / "2026-11-23"
    kind, visit_id, first = print_slip(qtbot, slip_printer, "direct")
    assert (kind, visit_id) == ("saved", VISIT.id)
    saved = folder / "phieu-kham-2026-11-23-so-017.pdf"
    assert "chưa cài máy in" in first and str(saved) in first
    text = pdf_text(saved)
    assert "17" in text and "Giàng Thị Mỷ" in text
    assert qr_of(tmp_path, saved) == [slip_payload(VISIT, "TYT-03637")]

    _kind, _id, second = print_slip(qtbot, slip_printer, "direct", ask=True)  # Ctrl+P: no dialog in English
    again = folder / "phieu-kham-2026-11-23-so-017-2.pdf"
    assert second == f"Đã lưu phiếu khám số 17 thành tệp PDF: {again}"  # the missing printer is said once
    assert "Giàng Thị Mỷ" in pdf_text(saved)  # the first file is never overwritten
    assert hardware.dialogs == 0 and hardware.opened == []


def test_only_save_saves_the_pdf_even_with_a_printer(qtbot, slip_printer, tmp_path, monkeypatch):
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Canon LBP",), "Canon LBP")
    kind, _id, text = print_slip(qtbot, slip_printer, "pdf")
    assert kind == "saved" and "chưa cài máy in" not in text
    assert (tmp_path / "data" / "phieu-kham" / "2026-11-23" / "phieu-kham-2026-11-23-so-017.pdf").is_file()
    assert hardware.opened == [] and hardware.dialogs == 0


# -- at the reception desk: from the scan to the slip --------------------------------------------------------------

CARDS = ("011085001234||Lò Văn Đức|02041985|Nam|Bản Nà Khương, xã Mường Kim, Lai Châu|11072022",
         "012190004321||Vàng Thị Mai|12121990|Nữ|Bản Phiêng, xã Mường Kim, Lai Châu|05052021")


@pytest.fixture
def desk(app, qtbot, ctx, nurse):
    """The reception page of a nurse, with this laptop's settings (the default: print at once)."""
    for card in CARDS:  # people of the roster: the scan finds them
        national_id, _old, name, born, sex, address, _issued = card.split("|")
        ctx.registry.register_new(nurse, ResidentInput(
            full_name=name, sex=Sex.MALE if sex == "Nam" else Sex.FEMALE, national_id=national_id, address=address,
            birth_date=dt.datetime.strptime(born, "%d%m%Y").date()))
    tasks = TaskRunner()
    station = ctx.station.info()
    page = show_page(qtbot, ReceptionPage(ctx, tasks, station.site_id, nurse, Settings(), station), 1180, 760)
    yield page
    if page.dialog is not None:
        page.dialog.reject()
    page.serial.close()
    tasks.wait()
    qtbot.wait(20)


def open_visit_from_scan(qtbot, page, card: str) -> None:
    """Scan the card, then the nurse's two Enters (open the visit, confirm it): nothing else."""
    page.handle_scan(card, "test")
    qtbot.waitUntil(lambda: page.card.resident is not None and page.open_visit_button.isEnabled(), timeout=3000)
    qtbot.keyClick(page.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    dialog = page.dialog
    focused = QApplication.focusWidget() if QApplication.activeWindow() is dialog else dialog.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=3000)


def test_opening_a_visit_prints_its_slip_on_the_default_printer_with_no_key_and_ctrl_p_asks(qtbot, desk, printers,
                                                                                          tmp_path):
    open_visit_from_scan(qtbot, desk, CARDS[0])
    qtbot.waitUntil(lambda: len(printers.printed) == 1, timeout=10000)
    assert printers.dialogs == 0 and printers.opened == ["Máy in thử"]
    qtbot.waitUntil(lambda: "đến máy in" in desk.message.text(), timeout=3000)
    [payload] = qr_of(tmp_path, printers.printed[0])  # the slip itself reached the printer
    assert parse_payload(payload, dt.date.today()).slip.queue_number == 1

    desk._tasks.wait()
    qtbot.waitUntil(lambda: desk.queue_model.rowCount() == 1, timeout=3000)
    desk.queue.setFocus()
    desk.queue.selectRow(0)
    qtbot.keyClick(desk.queue, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # a reprint: which printer?
    qtbot.waitUntil(lambda: printers.dialogs == 1, timeout=10000)


def test_without_a_printer_the_desk_says_so_once_and_saves_each_slip_in_the_data_folder(qtbot, desk, ctx, tmp_path,
                                                                                        monkeypatch):
    hardware = FakePrinters(monkeypatch, tmp_path / "none")
    open_visit_from_scan(qtbot, desk, CARDS[0])
    qtbot.waitUntil(lambda: "PDF" in desk.message.text(), timeout=10000)
    folder = ctx.data_dir / "phieu-kham" / f"{dt.date.today():%Y-%m-%d}"
    first = folder / f"phieu-kham-{dt.date.today():%Y-%m-%d}-so-001.pdf"
    assert "chưa cài máy in" in desk.message.text() and str(first) in desk.message.text()
    assert "Lò Văn Đức" in pdf_text(first) and "1" in pdf_text(first).split()
    assert desk.dialog is None and hardware.dialogs == 0  # an inline message, no dialog

    desk._tasks.wait()
    open_visit_from_scan(qtbot, desk, CARDS[1])
    second = folder / f"phieu-kham-{dt.date.today():%Y-%m-%d}-so-002.pdf"
    qtbot.waitUntil(lambda: str(second) in desk.message.text(), timeout=10000)
    assert "chưa cài máy in" not in desk.message.text()
    assert "Vàng Thị Mai" in pdf_text(second)
    assert hardware.dialogs == 0 and hardware.opened == []


def test_the_slip_is_written_in_vietnamese_whatever_the_interface_language(qtbot, slip_printer, tmp_path,
                                                                          monkeypatch):
    from station_app.ui import i18n

    FakePrinters(monkeypatch, tmp_path / "out")
    i18n.set_language("en")
    try:
        print_slip(qtbot, slip_printer, "pdf")
    finally:
        i18n.set_language("vi")
    text = pdf_text(tmp_path / "data" / "phieu-kham" / "2026-11-23" / "phieu-kham-2026-11-23-so-017.pdf")
    assert "Nữ" in text and "Female" not in text  # the paper the resident carries, like the printed lists


def test_ctrl_p_after_a_visit_is_opened_reprints_that_persons_slip(qtbot, desk, printers):
    open_visit_from_scan(qtbot, desk, CARDS[0])
    qtbot.waitUntil(lambda: len(printers.printed) == 1, timeout=10000)
    desk._tasks.wait()
    qtbot.waitUntil(lambda: desk.queue_model.rowCount() == 1, timeout=3000)
    desk.queue.selectRow(0)  # the first person's row, chosen earlier in the day
    open_visit_from_scan(qtbot, desk, CARDS[1])
    qtbot.waitUntil(lambda: len(printers.printed) == 2, timeout=10000)
    desk._tasks.wait()
    qtbot.waitUntil(lambda: desk.queue_model.rowCount() == 2, timeout=3000)
    qtbot.waitUntil(lambda: desk.selected_visit() is not None
                    and desk.selected_visit().resident_name == "Vàng Thị Mai", timeout=3000)
