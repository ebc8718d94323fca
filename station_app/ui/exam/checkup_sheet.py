"""The resident's check-up sheet (QĐ 1551) printed at the exam page: the button "In phiếu KSK (Ctrl+P)" (its tooltip
says "phiếu khám sức khỏe (QĐ 1551)"; "phiếu khám" alone is the visit slip).

Enabled once the visit on screen is completed (or referred). The record is read on the database lane
(``ctx.pl01_records.for_sheet``: the permission, the visit's state, the audit event), the PDF made on the CPU pool
in the data folder's ``sheets/`` (named by visit id, never by name), then printed through the print dialog
(``ui/printing.print_pdf``: the printer and the copies chosen there). A laptop without any printer asks where to
save the PDF instead (a USB stick first). A record with problems (a field missing or not valid for the national
database) is printed all the same, and the message says how many and names the first few.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from station_app.core.model import VisitStatus
from station_app.core.roles import can
from station_app.ui import printing
from station_app.ui.errors import report
from station_app.ui.exam import operations as ops
from station_app.ui.widgets import show_message

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.pl01_values import VisitRecord
    from station_app.services.station.registry import VisitInfo
    from station_app.ui.context import StationContext
    from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
SHEET_FOLDER = "sheets"  # in the data folder: the sheets made for printing
DONE = frozenset({VisitStatus.COMPLETED.value, VisitStatus.REFERRED.value})
SHOWN_LABELS = 3  # the problems named in the message; the rest are counted


def sheet_file_name(found: VisitRecord) -> str:
    return f"phieu-ksk-{found.visit_date:%Y%m%d}-{found.visit_id}.pdf"  # the whole id: a UUIDv7 prefix repeats


def may_print(user: SignedInUser | None) -> bool:
    from station_app.services.station.pl01_values import SHEET_PRINTERS

    return user is not None and any(can(user.role, p) for p in SHEET_PRINTERS)


def problem_labels(found: VisitRecord) -> list[str]:
    """The labels of the fields the record's validation names, each once, in the form's order."""
    codes = list(dict.fromkeys(p.code for p in found.problems))
    labels = {f.code: f.label for f in found.definition.fields}
    return [labels.get(code, code) for code in codes]


class CheckupSheetButton(QPushButton):
    """The button (and the work behind Ctrl+P): ``show_visit(visit)`` when a visit is opened, ``visit_changed(id)``
    when a desk changed one (its completion enables the button). What happened is said in ``message``."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None, message: QLabel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._user, self._message = ctx, tasks, user, message
        self.setObjectName("checkup_sheet")
        self.setAutoDefault(False)
        self.visit: VisitInfo | None = None
        self.busy = False
        self.last_pdf: Path | None = None
        if not may_print(user):  # (never show() it before it has a parent: it would open as a window of its own)
            self.hide()
        self.clicked.connect(self.print_sheet)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.setText(self.tr("In phiếu KSK (Ctrl+P)"))
        self.setToolTip(self.tr("In phiếu khám sức khỏe (QĐ 1551) cho người dân mang về; chỉ in được khi "
                                "lượt khám đã hoàn thành."))

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the visit on screen ---------------------------------------------------------------------------------

    def show_visit(self, visit: VisitInfo | None) -> None:
        self.visit = visit
        self._enable()

    def visit_changed(self, visit_id: str) -> None:
        """A desk saved or completed the visit: read its state again (the doctor's completion enables printing)."""
        if self.visit is not None and visit_id == self.visit.id:
            self._tasks.run(ops.visit_status(self._ctx, visit_id=visit_id), parent=self, on_done=self._reloaded)

    def _reloaded(self, visit: VisitInfo) -> None:
        if self.visit is not None and visit.id == self.visit.id:
            self.show_visit(visit)

    def ready(self) -> bool:
        return self.visit is not None and str(getattr(self.visit.status, "value", self.visit.status)) in DONE

    def _enable(self) -> None:
        self.setEnabled(self.ready() and not self.busy and may_print(self._user))

    # -- printing --------------------------------------------------------------------------------------------

    def print_sheet(self) -> None:
        """Ctrl+P or the button: read the record, make the PDF, print it (or save it: no printer)."""
        if not self.isEnabled() or not self.isVisible() or self.visit is None or self._user is None:
            return
        self.busy = True
        self._enable()
        show_message(self._message, self.tr("Đang chuẩn bị phiếu khám sức khỏe…"), ok=True)
        self._tasks.run(ops.sheet_record(self._ctx, user=self._user, visit_id=self.visit.id), parent=self,
                        on_done=self._record_read, on_error=self._failed)

    def _record_read(self, found: VisitRecord) -> None:
        path = Path(self._ctx.data_dir) / SHEET_FOLDER / sheet_file_name(found)
        self._tasks.run(ops.render_sheet(found=found, path=path, printed_by=self._user.full_name if self._user else ""),
                        parent=self, on_done=lambda pdf: self._rendered(found, pdf), on_error=self._failed)

    def _rendered(self, found: VisitRecord, pdf: Path) -> None:
        self.last_pdf = pdf
        log.info("PL01 sheet of visit %s rendered", found.visit_id)
        try:
            printers = printing.installed_printers()
            if not printers.names:
                self._save(found, pdf)
                return
            done = printing.print_pdf(pdf, self.window(), printers.default, ask=True)
        except Exception:  # noqa: BLE001 - a printer driver failing must leave the saved PDF usable
            log.exception("PL01 sheet of visit %s could not be printed", found.visit_id)
            self._finish(self.tr("Không in được phiếu. Hãy kiểm tra máy in đã bật và có giấy rồi bấm Ctrl+P lại. "
                                 "Tệp phiếu đã lưu tại: {path}").format(path=pdf), found, ok=False)
            return
        if done:
            log.info("PL01 sheet of visit %s sent to the printer", found.visit_id)
            self._finish(self.tr("Đã gửi phiếu khám sức khỏe của {name} đến máy in.").format(name=found.full_name),
                         found)
        else:
            self._finish(self.tr("Đã huỷ in phiếu khám sức khỏe."), found)

    def _save(self, found: VisitRecord, pdf: Path) -> None:
        target = printing.ask_save_path(self.window(), self.tr("Máy này chưa cài máy in: lưu phiếu khám sức khỏe"),
                                        pdf.name, self.tr("Tệp PDF (*.pdf)"))
        if target is None:
            self._finish(self.tr("Máy này chưa cài máy in; chưa lưu phiếu. Tệp phiếu vẫn ở: {path}").format(path=pdf),
                         found)
            return
        self._tasks.run(ops.copy_file(source=pdf, target=target), parent=self,
                        on_done=lambda saved: self._finish(
                            self.tr("Máy này chưa cài máy in nên phiếu khám sức khỏe được lưu thành tệp PDF: "
                                    "{path}").format(path=saved), found),
                        on_error=self._failed)

    def _finish(self, text: str, found: VisitRecord, ok: bool = True) -> None:
        labels = problem_labels(found)
        if labels:
            named = "; ".join(labels[:SHOWN_LABELS]) + ("…" if len(labels) > SHOWN_LABELS else "")
            text += " " + self.tr("Lưu ý: hồ sơ theo QĐ 1551 còn {n} mục thiếu hoặc chưa hợp lệ ({labels}); "
                                  "phiếu vẫn được in.").format(n=len(labels), labels=named)
            ok = False
        self.busy = False
        self._enable()
        show_message(self._message, text, ok=ok)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._enable()
        report(self, self._message, exc)
