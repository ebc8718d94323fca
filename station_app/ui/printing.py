"""Visit slips: the PDF is made on the CPU pool in the data folder's ``slips/``, then sent to a printer.

``print_pdf`` sets the paper to the slip's size and paints the PDF's pages, rendered by PDFium, onto the default
printer at once or onto the one chosen in Qt's print dialog. The printer hardware is three small functions that
tests replace: ``installed_printers`` (QPrinterInfo), ``open_printer`` (a QPrinter on a named printer) and
``ask_printer`` (QPrintDialog). Without any printer a slip is saved as a PDF in ``<data>/phieu-kham/<date>/``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from station_app.core.cards import SlipIdentity
from station_app.core.model import SEX_TEXT, Sex
from station_app.core.qr_payloads import clean_slip_text, encode_slip
from station_app.ui import operations as ops
from station_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from station_app.services.station.registry import VisitInfo

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
    from station_app.services.common.slip_pdf import LAYOUTS, render_slip  # reportlab loads on the first slip

    folder.mkdir(parents=True, exist_ok=True)
    return render_slip(folder / f"phieu-{visit.visit_date:%Y%m%d}-{visit.queue_number:03d}-{visit.id[:8]}.pdf",
                       payload=slip_payload(visit, site_code), queue_number=visit.queue_number,
                       full_name=clean_slip_text(visit.resident_name), birth_year=visit.birth_year,
                       sex_label=sex_text, site_name=visit.site_name, visit_date=visit.visit_date,
                       size=size if size in LAYOUTS else "a6")  # type: ignore[arg-type]


@dataclass(frozen=True)
class InstalledPrinters:
    """The printers the system knows, by name, and its default one (None when none is marked default)."""

    names: tuple[str, ...] = ()
    default: str | None = None

    def chosen(self, name: str | None) -> str | None:
        """``name`` when that printer is installed, else the default."""
        return name if name in self.names else self.default


def installed_printers() -> InstalledPrinters:
    """The printers installed now (QPrinterInfo). Call on the GUI thread."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return InstalledPrinters(tuple(QPrinterInfo.availablePrinterNames()), QPrinterInfo.defaultPrinterName() or None)


def open_printer(name: str | None) -> QPrinter:
    """A printer set to ``name`` (the system's default when None)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    return printer


def print_pdf(path: Path, parent: QWidget | None, printer_name: str | None = None, ask: bool = True) -> bool:
    """Print ``path`` on ``printer_name``, at once, or (``ask``) on the printer chosen in Qt's print dialog;
    False when the nurse cancelled the dialog."""
    printer = open_printer(printer_name)
    fit_page_to_pdf(printer, path)
    if ask and not ask_printer(printer, parent):
        return False
    paint_pdf(path, printer)
    return True


PREVIEW_MAX_PAGES = 30  # the preview paints every page on the GUI thread: longer documents skip it
LIST_DPI = 300


def preview_and_print(path: Path, parent: QWidget | None) -> bool:
    """Show ``path`` (a list or report PDF) in Qt's print preview, whose Print button prints it; False when
    the user closed the preview without printing. The paper is the PDF's own (A4, landscape or not)."""
    printer = document_printer(path)
    return ask_preview(printer, lambda target: paint_pdf(path, target, LIST_DPI), parent)


def document_printer(path: Path) -> QPrinter:
    """A printer set to ``path``'s paper size, for the print dialog or the preview."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    fit_page_to_pdf(printer, path)
    return printer


def page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def ask_preview(printer: QPrinter, paint: Callable[[QPrinter], None], parent: QWidget | None) -> bool:
    """The modal print preview; ``paint`` draws the document on the preview's pages and on the printer.
    On its own so that tests replace only it and still print for real."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(paint)
    dialog.resize(1000, 760)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


def ask_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """The modal print dialog, on its own so that tests replace only it and still print for real."""
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


def fit_page_to_pdf(printer: QPrinter, path: Path) -> None:
    """The printer's paper is the slip's own size (A6 or a label), without margins: the PDF has its own."""
    import pypdfium2

    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize

    document = pypdfium2.PdfDocument(str(path))
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    printer.setPageLayout(QPageLayout(QPageSize(QSizeF(width, height), QPageSize.Unit.Point),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))


def paint_pdf(path: Path, printer: QPrinter, most_dpi: int = 600) -> None:
    """Render each page with PDFium at the printer's resolution (at most 600 dpi) and paint it on the page.

    PySide6's wheels have no QtPdf without WebEngine, so pypdfium2 renders; QR modules stay sharp at 300 dpi
    and up, and thermal label printers print at 203 or 300 dpi. Text-only lists print well at 300
    (``most_dpi``), a quarter of the pixels. Qt allows painting on a QPrinter from a worker thread, so long
    documents are painted on the CPU pool.
    """
    import pypdfium2

    from PySide6.QtGui import QImage, QPainter

    dpi = min(max(printer.resolution(), 203), most_dpi)
    document = pypdfium2.PdfDocument(str(path))
    painter = QPainter(printer)
    try:
        for number in range(len(document)):
            if number:
                printer.newPage()
            bitmap = document[number].render(scale=dpi / 72, grayscale=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_Grayscale8)
            painter.drawImage(painter.viewport(), image)
    finally:
        painter.end()
        document.close()


class SlipPrinter(QObject):
    """Makes a visit's slip in the background, then prints it as this laptop's setting says (``slip_printing``):
    at once on the default printer, through the print dialog, or only saved as a PDF, which is also what happens
    when no printer is installed (said once, in the message of the first slip saved).

    Signals: ``printed(str visit_id, str pdf_path)`` once sent to a printer; ``saved(str visit_id, str text)`` with a
    sentence saying where the PDF is; ``cancelled(str visit_id)``; ``failed(str)`` with a sentence saying what to do.
    """

    printed = Signal(str, str)
    saved = Signal(str, str)
    cancelled = Signal(str)
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, data_dir: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks, self._data_dir, self._parent = tasks, data_dir, parent
        self.last_pdf: Path | None = None
        self._told_no_printer = False

    def print_visit(self, visit: VisitInfo, site_code: str, size: str, printer_name: str | None, *,
                    mode: str = "direct", ask: bool = False) -> None:
        """``mode`` is the setting ("direct", "dialog" or "pdf"); ``ask`` (a reprint) opens the print dialog
        whatever it says, when there is a printer to choose."""
        sex_text = SEX_TEXT[Sex(visit.sex)]  # the paper is Vietnamese, like printed lists
        self._tasks.run(ops.render_slip(folder=self._data_dir / SLIPS_FOLDER, visit=visit, site_code=site_code,
                                        size=size, sex_text=sex_text),
                        parent=self._parent, on_done=lambda path: self._rendered(visit, path, printer_name, mode, ask),
                        on_error=self._render_failed)

    def _rendered(self, visit: VisitInfo, path: Path, printer_name: str | None, mode: str, ask: bool) -> None:
        self.last_pdf = path
        log.info("slip of visit %s rendered", visit.id)
        try:
            printers = installed_printers()
            if not printers.names or (mode == "pdf" and not ask):
                self._save(visit, path, no_printer=not printers.names)
                return
            name = printers.chosen(printer_name)
            done = print_pdf(path, self._parent, name, ask=ask or mode == "dialog" or name is None)
        except Exception:  # noqa: BLE001 - a printer driver failing must not lose the visit
            log.exception("slip of visit %s could not be printed", visit.id)
            self.failed.emit(self.tr("Không in được phiếu. Hãy kiểm tra máy in đã bật và có giấy, rồi bấm "
                                     "\"In lại phiếu\". Tệp phiếu đã lưu tại: {path}").format(path=path))
            return
        (self.printed.emit(visit.id, str(path)) if done else self.cancelled.emit(visit.id))

    def _save(self, visit: VisitInfo, path: Path, no_printer: bool) -> None:
        self._tasks.run(ops.save_slip_copy(pdf=path, data_dir=self._data_dir, visit_date=visit.visit_date,
                                           queue_number=visit.queue_number),
                        parent=self._parent, on_done=lambda saved: self._saved(visit, saved, no_printer),
                        on_error=self._save_failed)

    def _saved(self, visit: VisitInfo, path: Path, no_printer: bool) -> None:
        log.info("slip of visit %s saved as a PDF", visit.id)
        if no_printer and not self._told_no_printer:
            self._told_no_printer = True
            text = self.tr("Máy này chưa cài máy in nên phiếu khám số {number} được lưu thành tệp PDF: {path}. Các "
                           "phiếu sau cũng được lưu vào thư mục {folder} theo ngày, không hỏi lại.")
        else:
            text = self.tr("Đã lưu phiếu khám số {number} thành tệp PDF: {path}")
        self.saved.emit(visit.id, text.format(number=visit.queue_number, path=path, folder=path.parent.parent))

    def _save_failed(self, exc: BaseException) -> None:
        log.error("slip could not be saved", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(self.tr("Không lưu được phiếu thành tệp PDF (ổ đĩa đầy hoặc không ghi được). Lượt khám "
                                 "vẫn được lưu; hãy giải phóng ổ đĩa rồi bấm \"In lại phiếu\"."))

    def _render_failed(self, exc: BaseException) -> None:
        log.error("slip could not be rendered", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(self.tr("Không tạo được phiếu khám. Lượt khám vẫn được lưu; hãy bấm \"In lại phiếu\" "
                                 "trong danh sách hôm nay để thử lại."))


class DocumentPrinter(QObject):
    """Prints a list or report PDF: through the print preview when it is short, else through the print dialog
    with the pages painted on the CPU pool, so that a list of a thousand pages never freezes the window.

    Signals: ``printed()``, ``cancelled()``, ``failed()`` (the printer or its driver failed: the PDF is kept).
    """

    printed = Signal()
    cancelled = Signal()
    failed = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget, on_printed: Callable[[], None] | None = None,
                 on_failed: Callable[[], None] | None = None) -> None:
        """``on_printed`` and ``on_failed``, when given, are connected to ``printed`` and ``failed``."""
        super().__init__(parent)
        self._tasks, self._parent = tasks, parent
        self._printer: QPrinter | None = None  # kept alive while the pool paints on it
        for signal, slot in ((self.printed, on_printed), (self.failed, on_failed)):
            if slot is not None:
                signal.connect(slot)

    def print_file(self, path: Path, pages: int | None = None) -> None:
        try:
            pages = pages or page_count(path)
            if pages <= PREVIEW_MAX_PAGES:
                (self.printed if preview_and_print(path, self._parent) else self.cancelled).emit()
                return
            printer = document_printer(path)
            if not ask_printer(printer, self._parent):
                self.cancelled.emit()
                return
        except Exception:  # noqa: BLE001 - a printer driver failing must leave the saved PDF usable
            log.exception("document could not be printed")
            self.failed.emit()
            return
        self._printer = printer
        self._tasks.run(ops.paint_pages(path=path, printer=printer, most_dpi=LIST_DPI,
                                        progress_text=self.tr("Đang in {n} trang…").format(n=pages)),
                        parent=self._parent, on_done=lambda _none: self._painted(), on_error=self._paint_failed)

    def _painted(self) -> None:
        self._printer = None
        self.printed.emit()

    def _paint_failed(self, exc: BaseException) -> None:
        self._printer = None
        log.error("document could not be printed", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit()


# -- saving a list or report to a file: a USB stick first, for printing elsewhere ---------------------------------

_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/")
_USB_FILE_SYSTEMS = {"vfat", "fat", "fat32", "exfat", "msdos", "fuseblk"}


def default_save_folder() -> Path:
    """A mounted USB stick or memory card if there is one (a site without a printer carries the file away),
    else the user's Documents folder, else the home folder: always a folder that is there."""
    from PySide6.QtCore import QDir, QStandardPaths, QStorageInfo

    system_root = QStorageInfo(QDir.homePath()).rootPath()
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly() or root == system_root:
            continue
        kind = bytes(volume.fileSystemType()).decode(errors="replace").lower()
        if root.startswith(_REMOVABLE_ROOTS) or (len(root) <= 3 and kind in _USB_FILE_SYSTEMS):
            return Path(root)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A new account may have no Documents folder: Qt's dialogs would take its name for the file name
    return Path(documents) if documents and Path(documents).is_dir() else Path(QDir.homePath())


def ask_save_path(parent: QWidget | None, title: str, file_name: str, name_filter: str) -> Path | None:
    """The modal "save as" dialog, opened in ``default_save_folder()``; None when cancelled. On its own so that
    tests replace only it."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, str(default_save_folder() / file_name), name_filter)
    if not path:
        return None
    chosen = Path(path)
    suffix = Path(file_name).suffix
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
