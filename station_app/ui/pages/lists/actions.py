"""The buttons under the list: print it (its PDF made in the background, then the print preview), save it as PDF,
Excel or CSV (a USB stick first), and mark the selected referral followed up."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from station_app.services.station.lists import ListKind, ReferralRow
from station_app.ui import printing
from station_app.ui.errors import report
from station_app.ui.labels import number
from station_app.ui.pages.lists import operations as ops
from station_app.ui.pages.lists.state import LIST_FOLDER, Allowed, ListChoice
from station_app.ui.table_models import ListTableModel
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, show_message

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.list_exports import ExportResult
    from station_app.ui.context import StationContext


class ListsHost(Protocol):
    """The lists page as its buttons see it: the list shown, what is chosen, and where to say what happened."""

    message: QLabel
    hint: QLabel
    model: ListTableModel

    def chosen(self) -> ListChoice: ...

    def selected_row(self) -> Any: ...

    def enable(self) -> None: ...

    def reload(self) -> None: ...


def ask_follow_up_note(parent: QWidget, name: str) -> str | None:
    """The note typed when a referral is marked followed up; None when cancelled (tests replace this)."""
    text, ok = QInputDialog.getMultiLineText(
        parent, QCoreApplication.translate("ListsPage", "Đã theo dõi chuyển tuyến"),
        QCoreApplication.translate("ListsPage", "{name}: ghi chú theo dõi (đã đến khám ở đâu, kết quả, hẹn lại…)").format(name=name))
    return text if ok else None


class ListActionsPanel(Retranslating):
    """Print, save and follow-up buttons; the saving and printing run on the CPU pool."""

    def __init__(self, host: ListsHost, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None,
                 allowed: Allowed) -> None:
        super().__init__()
        self._host, self._ctx, self._tasks, self._user, self._allowed = host, ctx, tasks, user, allowed
        self.last_pdf: Path | None = None
        self.printer = printing.DocumentPrinter(tasks, self, on_printed=self._printed, on_failed=self._print_failed)
        self.print_button, self.pdf_button, self.xlsx_button, self.csv_button = (QPushButton() for _ in range(4))
        self.follow_up_button = QPushButton()
        self.print_button.setObjectName("primary")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.save_buttons:
            button.setVisible(allowed.print)  # nurses and doctors read the lists; the coordinator prints them
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.follow_up_button)
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button.clicked.connect(lambda: self.save_list(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_list(".xlsx"))
        self.csv_button.clicked.connect(lambda: self.save_list(".csv"))
        self.follow_up_button.clicked.connect(self.mark_followed_up)
        self.retranslate()

    @property
    def save_buttons(self) -> tuple[QPushButton, ...]:
        return self.print_button, self.pdf_button, self.xlsx_button, self.csv_button

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("In…"))
        self.pdf_button.setText(self.tr("Lưu PDF…"))
        self.xlsx_button.setText(self.tr("Lưu Excel…"))
        self.csv_button.setText(self.tr("Lưu CSV…"))
        self.follow_up_button.setText(self.tr("Đã theo dõi…"))
        self.follow_up_button.setToolTip(self.tr("Ghi nhận đã theo dõi người được chuyển tuyến đang chọn"))

    def enable(self, ready: bool, row_selected: bool) -> None:
        for button in self.save_buttons:
            button.setEnabled(ready)
        self.follow_up_button.setEnabled(ready and row_selected)

    def show_kind(self, kind: ListKind) -> None:
        self.follow_up_button.setVisible(self._allowed.follow_up_shown(kind))

    # -- printing and saving ----------------------------------------------------------------------------
    def _printed_by(self) -> str:
        return self._user.full_name if self._user else ""

    def save_list(self, suffix: str) -> None:
        """Ask where (a USB stick first), then write the list shown as PDF, XLSX or CSV in the background."""
        the_list = self._host.model.the_list
        if the_list is None:
            return
        kinds = {".pdf": self.tr("Tệp PDF (*.pdf)"), ".xlsx": self.tr("Bảng tính Excel (*.xlsx)"),
                 ".csv": self.tr("Tệp CSV (*.csv)")}
        name = self._host.chosen().file_name(suffix, dt.date.today())
        path = printing.ask_save_path(self, self.tr("Lưu danh sách"), name, kinds[suffix])
        if path is None:
            return
        self._host.hint.setText(self.tr("Đang lưu…"))
        self._tasks.run(ops.save_list(the_list=the_list, path=path, printed_by=self._printed_by()), parent=self,
                        on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: ExportResult) -> None:
        self._host.hint.setText("")
        show_message(self._host.message, self.tr("Đã lưu {n} dòng vào {path}").format(n=number(result.rows),
                                                                                      path=result.path), ok=True)

    def _save_failed(self, exc: BaseException) -> None:
        self._host.hint.setText("")
        report(self, self._host.message, exc)

    def print_list(self) -> None:
        """Make the list's PDF in the background, then show it in the print preview."""
        the_list = self._host.model.the_list
        if the_list is None:
            return
        folder = Path(self._ctx.data_dir) / LIST_FOLDER
        path = folder / self._host.chosen().print_name(dt.datetime.now())
        self._host.hint.setText(self.tr("Đang chuẩn bị bản in…"))
        self.print_button.setEnabled(False)
        operation = ops.print_copy(folder=folder, the_list=the_list, path=path, printed_by=self._printed_by())
        self._tasks.run(operation, parent=self, on_done=self._print_ready, on_error=self._save_failed)

    def _print_ready(self, result: ExportResult) -> None:
        self._host.hint.setText("")
        self._host.enable()
        self.last_pdf = result.path
        self.printer.print_file(result.path, result.pages)

    def _printed(self) -> None:
        show_message(self._host.message, self.tr("Đã gửi danh sách đến máy in."), ok=True)

    def _print_failed(self) -> None:
        show_message(self._host.message, self.tr("Không in được. Hãy kiểm tra máy in đã bật và có giấy, hoặc bấm "
                                                 "\"Lưu PDF…\" để in ở máy khác."))

    # -- referrals --------------------------------------------------------------------------------------
    def mark_followed_up(self) -> None:
        """Ask for a note, then record that the selected referral was followed up (audited by the service)."""
        row = self._host.selected_row()
        if not isinstance(row, ReferralRow):
            return
        note = ask_follow_up_note(self, row.full_name)
        if note is None:
            return
        self.follow_up_button.setEnabled(False)
        self._tasks.run(ops.mark_followed_up(self._ctx, user=self._user, visit_id=row.visit_id, note=note),
                        parent=self, on_done=self._followed_up, on_error=self._save_failed)

    def _followed_up(self, row: ReferralRow) -> None:
        model = self._host.model
        index = next((i for i, r in enumerate(model.rows) if getattr(r, "visit_id", None) == row.visit_id), -1)
        if index >= 0:
            model.replace_row(index, row)
        show_message(self._host.message, self.tr("Đã ghi nhận theo dõi chuyển tuyến của {name}.").format(
            name=row.full_name), ok=True)
        self._host.reload()  # the totals (followed up / open) and an "open only" filter change with it
