"""Printing a visit slip for real: only the print dialog is faked (it answers "print to file", as a nurse
choosing a PDF printer would); the slip is rendered by PDFium and painted by Qt onto the printer's pages."""
from __future__ import annotations

import datetime as dt
import subprocess

from PySide6.QtPrintSupport import QPrinter

from station_app.core.cards import SlipIdentity
from station_app.core.model import Sex
from station_app.core.qr_payloads import encode_slip
from station_app.services.decoding import decode_image
from station_app.services.slip_pdf import render_slip
from station_app.ui import printing


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
