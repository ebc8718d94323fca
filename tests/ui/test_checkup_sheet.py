"""The resident's check-up sheet (QĐ 1551) printed at the exam page: Ctrl+P on a completed visit prints every
page of its sheet through the print dialog; a laptop without a printer saves the PDF where the user says; a visit
still being examined cannot be printed; a record the national database would refuse is printed all the same, with
the missing fields named. Only the printer hardware is faked (support.gui.FakePrinters)."""
from __future__ import annotations

import subprocess

import pypdfium2
import pytest
from PySide6.QtCore import Qt

from devkit.station import full_visit
from station_app.core.errors import SheetNotReadyError
from station_app.core.model import AuditAction, VisitStatus
from station_app.persistence.tables import AuditEventRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.ui import printing
from support.gui import FakePrinters
from support.pl01 import answer_everything, set_facility

pytestmark = pytest.mark.tools("pdftotext")


@pytest.fixture
def page(exam_page, doctor):
    return exam_page(doctor, 1366, 768)


def open_on_page(qtbot, ctx, page, visit_id):
    page.open_visit(ctx.registry.visit_by_id(visit_id))
    qtbot.waitUntil(lambda: page.visit_form is not None)


def ctrl_p(qtbot, page):
    qtbot.keyClick(page.who, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def pages_of(path) -> int:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def test_ctrl_p_on_a_completed_visit_prints_every_page_of_the_sheet(qtbot, page, ctx, nurse, doctor, tmp_path,
                                                                    monkeypatch):
    visit = full_visit(ctx, nurse, doctor)  # examined, concluded with a referral, the national form answered
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Canon LBP",), "Canon LBP")
    open_on_page(qtbot, ctx, page, visit.id)
    assert page.sheet_button.isEnabled() and page.sheet_button.text() == "In phiếu KSK (Ctrl+P)"
    ctrl_p(qtbot, page)
    qtbot.waitUntil(lambda: "máy in" in page.message.text(), timeout=15000)
    assert page.message.text() == "Đã gửi phiếu khám sức khỏe của Tòng Thị Hoa đến máy in."
    assert hardware.dialogs == 1 and hardware.opened == ["Canon LBP"]  # the dialog offers the default printer
    sheet = page.sheet_button.last_pdf
    assert sheet.parent == ctx.data_dir / "sheets" and "Hoa" not in sheet.name  # named by visit id, not by name
    assert pages_of(hardware.printed[0]) == pages_of(sheet) >= 1  # every page reached the printer
    text = pdf_text(sheet)
    assert "PHIẾU KHÁM SỨC KHỎE ĐỊNH KỲ" in text and "Tòng Thị Hoa" in text
    assert "Huyết áp" in text and "152/96" in text and "2 — Nữ" in text
    with UnitOfWork(ctx.db, read_only=True) as uow:  # audited: who printed which visit's sheet
        events = [(e.action, e.entity_id, e.user_id)
                  for e in uow.session.query(AuditEventRow).filter_by(entity="pl01_records")]
    assert events == [(AuditAction.PRINT.value, visit.id, doctor.id)]


def test_without_a_printer_the_sheet_is_saved_where_the_user_chooses(qtbot, page, ctx, nurse, doctor, tmp_path,
                                                                     monkeypatch):
    visit = full_visit(ctx, nurse, doctor)
    hardware = FakePrinters(monkeypatch, tmp_path / "out")  # no printer installed at all
    target = tmp_path / "usb" / "phieu-kham-Hoa.pdf"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name, kinds: asked.append(title) or target)
    open_on_page(qtbot, ctx, page, visit.id)
    page.sheet_button.click()
    qtbot.waitUntil(lambda: str(target) in page.message.text(), timeout=15000)
    assert "chưa cài máy in" in asked[0] and "chưa cài máy in" in page.message.text()
    assert "Tòng Thị Hoa" in pdf_text(target)
    assert hardware.opened == [] and hardware.dialogs == 0


def test_a_visit_not_completed_cannot_be_printed_until_the_doctor_completes_it(qtbot, page, ctx, nurse, doctor,
                                                                               tmp_path, monkeypatch):
    visit = full_visit(ctx, nurse, doctor, national=False)  # the national form's own fields not answered yet
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Canon LBP",), "Canon LBP")
    open_on_page(qtbot, ctx, page, visit.id)
    assert not page.sheet_button.isEnabled()
    ctrl_p(qtbot, page)
    qtbot.wait(50)
    assert hardware.dialogs == 0 and not (ctx.data_dir / "sheets").exists() and page.message.text() == ""
    with pytest.raises(SheetNotReadyError):  # the service refuses it again
        ctx.pl01_records.for_sheet(doctor, visit.id)

    answer_everything(ctx, doctor, visit.id)
    assert ctx.findings.complete(doctor, visit.id) == VisitStatus.REFERRED
    page.visits.changed.emit(visit.id)  # as the doctor's desk says once it completed the visit
    qtbot.waitUntil(page.sheet_button.isEnabled)


def test_a_record_with_gaps_is_printed_and_the_missing_fields_are_named(qtbot, page, ctx, nurse, doctor, tmp_path,
                                                                        monkeypatch):
    visit = full_visit(ctx, nurse, doctor)
    set_facility(ctx, None, None)  # the station's codes for the national database were cleared since
    hardware = FakePrinters(monkeypatch, tmp_path / "out", ("Canon LBP",), "Canon LBP")
    open_on_page(qtbot, ctx, page, visit.id)
    ctrl_p(qtbot, page)
    qtbot.waitUntil(lambda: "máy in" in page.message.text(), timeout=15000)
    text = page.message.text()
    assert "còn 2 mục thiếu hoặc chưa hợp lệ" in text and "Mã cơ sở khám bệnh, chữa bệnh" in text
    assert len(hardware.printed) == 1


def test_a_nurse_may_print_the_sheet_of_a_completed_visit(ctx, nurse, doctor):
    visit = full_visit(ctx, nurse, doctor)
    found = ctx.pl01_records.for_sheet(nurse, visit.id)
    assert found.full_name == "Tòng Thị Hoa" and found.valid
