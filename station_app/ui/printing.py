"""Visit slips: the PDF is made on the CPU pool in the data folder's ``slips/``, then sent to a printer.

``print_pdf`` is the one place that talks to the print dialog; tests replace it (``printing.print_pdf``) to
accept and capture the PDF. With QtPdf (PySide6-Addons) the pages are rendered onto the printer chosen in
Qt's print dialog; without it, the PDF opens in the system's viewer, which prints it.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from station_app.core.cards import SlipIdentity
from station_app.core.model import Sex
from station_app.core.qr_payloads import encode_slip
from station_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from station_app.services.registry import VisitInfo

log = logging.getLogger(__name__)
SLIPS_FOLDER = "slips"


def sex_label(sex: Sex) -> str:
    texts = {Sex.MALE: QCoreApplication.translate("labels", "Nam"),
             Sex.FEMALE: QCoreApplication.translate("labels", "Nữ")}
    return texts.get(Sex(sex), QCoreApplication.translate("labels", "Không rõ"))


def slip_payload(visit: VisitInfo, site_code: str) -> str:
    """The QR text of ``visit``'s slip: the same for every reprint."""
    return encode_slip(SlipIdentity(visit_id=visit.id, national_id=visit.national_id, full_name=visit.resident_name,
                                    birth_year=visit.birth_year, sex=visit.sex, queue_number=visit.queue_number,
                                    visit_date=visit.visit_date, site_code=site_code))


def render_visit_slip(folder: Path, visit: VisitInfo, site_code: str, size: str, sex_text: str) -> Path:
    """Write the slip PDF of ``visit`` (CPU lane: no widgets). The file is named by visit id, never by name."""
    from station_app.services.slip_pdf import LAYOUTS, render_slip  # reportlab loads on the first slip

    folder.mkdir(parents=True, exist_ok=True)
    return render_slip(folder / f"phieu-{visit.visit_date:%Y%m%d}-{visit.queue_number:03d}-{visit.id[:8]}.pdf",
                       payload=slip_payload(visit, site_code), queue_number=visit.queue_number,
                       full_name=visit.resident_name, birth_year=visit.birth_year, sex_label=sex_text,
                       site_name=visit.site_name, visit_date=visit.visit_date,
                       size=size if size in LAYOUTS else "a6")  # type: ignore[arg-type]


def print_pdf(path: Path, parent: QWidget | None, printer_name: str | None = None) -> bool:
    """Ask where to print ``path`` and print it; False when the nurse cancelled. Modal: tests replace it."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:  # PySide6 without QtPdf: the system's PDF viewer prints it
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    document = QPdfDocument()
    document.load(str(path))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    printer.setPageLayout(QPageLayout(QPageSize(document.pagePointSize(0), QPageSize.Unit.Point),
                                      QPageLayout.Orientation.Portrait, QPageLayout().margins()))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = painter.viewport()
            painter.drawImage(area, document.render(page, area.size()))
    finally:
        painter.end()
    return True


class SlipPrinter(QObject):
    """Makes a visit's slip in the background, then shows the print dialog.

    Signals: ``printed(str visit_id, str pdf_path)`` once the dialog was accepted; ``cancelled(str visit_id)``;
    ``failed(str)`` with a sentence saying what to do.
    """

    printed = Signal(str, str)
    cancelled = Signal(str)
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks, self._folder, self._parent = tasks, folder, parent
        self.last_pdf: Path | None = None

    def print_visit(self, visit: VisitInfo, site_code: str, size: str, printer_name: str | None) -> None:
        self._tasks.submit(render_visit_slip, self._folder, visit, site_code, size, sex_label(visit.sex), lane="cpu",
                           on_done=lambda path: self._rendered(visit, path, printer_name),
                           on_error=self._render_failed, parent=self._parent)

    def _rendered(self, visit: VisitInfo, path: Path, printer_name: str | None) -> None:
        self.last_pdf = path
        log.info("slip of visit %s rendered", visit.id)
        try:
            done = print_pdf(path, self._parent, printer_name)
        except Exception:  # noqa: BLE001 - a printer driver failing must not lose the visit
            log.exception("slip of visit %s could not be printed", visit.id)
            self.failed.emit(self.tr("Không in được phiếu. Hãy kiểm tra máy in đã bật và có giấy, rồi bấm "
                                     "\"In lại phiếu\". Tệp phiếu đã lưu tại: {path}").format(path=path))
            return
        (self.printed.emit(visit.id, str(path)) if done else self.cancelled.emit(visit.id))

    def _render_failed(self, exc: BaseException) -> None:
        log.error("slip could not be rendered", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(self.tr("Không tạo được phiếu khám. Lượt khám vẫn được lưu; hãy bấm \"In lại phiếu\" "
                                 "trong danh sách hôm nay để thử lại."))
