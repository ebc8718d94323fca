"""The slips of the visits opened at the desk: made and printed (or saved) as this laptop's settings say, and
each one printed or saved recorded in the audit log by its visit id."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from station_app.ui.pages.reception import operations as ops
from station_app.ui.printing import SlipPrinter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from station_app.core.settings import Settings
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import VisitInfo
    from station_app.ui.context import StationContext
    from station_app.ui.tasks import TaskRunner


class SlipDesk(QObject):
    """Signal: ``done(text, ok)`` once a slip is through (printed, saved, cancelled or failed): the sentence for
    the nurse; the desk is then ready for the next person. ``printer.last_pdf`` is the last slip made."""

    done = Signal(str, bool)

    def __init__(self, page: QWidget, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None) -> None:
        super().__init__(page)
        self._page, self._ctx, self._tasks, self._user = page, ctx, tasks, user
        self._printing: dict[str, VisitInfo] = {}  # slips being made or printed, by visit id
        self.printer = SlipPrinter(tasks, ctx.data_dir, page)
        self.printer.printed.connect(self._printed)
        self.printer.saved.connect(lambda visit_id, text: self._through(visit_id, text, {"document": "slip",
                                                                                        "to": "pdf"}))
        self.printer.cancelled.connect(self._cancelled)
        self.printer.failed.connect(lambda text: self.done.emit(text, False))

    def print(self, visit: VisitInfo, site_code: str, settings: Settings, *, ask: bool = False) -> None:
        """As ``settings`` say (at once, the print dialog, or a PDF); ``ask``: the print dialog (a reprint)."""
        self._printing[visit.id] = visit  # the slip's visit, whatever the queue and the card show meanwhile
        self.printer.print_visit(visit, site_code, settings.slip_size, settings.printer_name,
                                 mode=settings.slip_printing, ask=ask)

    def _printed(self, visit_id: str, _path: str) -> None:
        visit = self._printing.get(visit_id)
        number = visit.queue_number if visit else ""
        self._through(visit_id, self.tr("Đã gửi phiếu số {number} đến máy in. Mời người tiếp theo.").format(
            number=number), {"document": "slip"})

    def _through(self, visit_id: str, text: str, details: dict[str, Any]) -> None:
        self._printing.pop(visit_id, None)
        if self._user is not None:
            self._tasks.run(ops.record_print(self._ctx, user_id=self._user.id, visit_id=visit_id, details=details),
                            parent=self._page)
        self.done.emit(text, True)

    def _cancelled(self, visit_id: str) -> None:
        self._printing.pop(visit_id, None)
        self.done.emit(self.tr("Chưa in phiếu. Khi máy in sẵn sàng, chọn người trong hàng đợi hôm nay rồi bấm "
                               "Ctrl+P."), False)
