"""Sending batches to the office over the network, on the export page: where to, the button, progress, retries
(the sending itself is ``upload_runner.UploadRunner``'s)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from station_app.ui.pages.export import operations as ops
from station_app.ui.pages.export.common import card
from station_app.ui.pages.export.state import SendingSummary
from station_app.ui.pages.export.upload_runner import PREPARING, SENDING, STOPPING, WAITING, UploadRunner
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, confirm_row, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.upload import Backoff, UploadTarget
    from station_app.ui.context import StationContext


class UploadAddressDialog(QDialog):
    """The office's address and certificate fingerprint, when the bundle has none or the office moved."""

    def __init__(self, parent: QWidget, target: UploadTarget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Địa chỉ gửi lô qua mạng"))
        typed = target is not None and not target.from_bundle  # the bundle's own address is not repeated here
        self.url = QLineEdit(target.url if typed else "")
        self.url.setPlaceholderText(self.tr("ví dụ https://192.168.1.10:8443"))
        self.pin = QLineEdit((target.tls_sha256 or "") if typed else "")
        self.pin.setPlaceholderText(self.tr("64 chữ số hex, chỉ khi dùng https"))
        for field in (self.url, self.pin):
            field.setMinimumWidth(560)  # a whole pin (64 hex digits) in sight
        hint = QLabel(self.tr("Thường không cần nhập: địa chỉ và dấu vân tay có sẵn trong gói khoá của đơn vị nhận. "
                              "Chỉ nhập khi đơn vị nhận báo địa chỉ mới. Để trống để dùng lại địa chỉ trong gói "
                              "khoá."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Địa chỉ"), self.url)
        form.addRow(self.tr("Dấu vân tay chứng chỉ"), self.pin)
        self.save_button, self.cancel_button, row = confirm_row(self, self.tr("Lưu"), self.tr("Huỷ"))
        self.save_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(row)


# -- the panel ----------------------------------------------------------------------------------------------------

class UploadPanel(Retranslating):
    """The card on the export page: where batches go, the send button, the progress and the retries."""

    batches_changed = Signal()

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None,
                 backoff: Backoff | None = None, runner: UploadRunner | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.target: UploadTarget | None = None
        self.waiting = 0
        self.has_bundle = True  # the page says otherwise once it has read its state
        self.address_dialog: UploadAddressDialog | None = None
        self.runner = runner or UploadRunner(ctx, tasks, user, self, backoff)  # the session's, or its own
        self.runner.changed.connect(self.show_progress)
        self.runner.batch_done.connect(self.batches_changed)
        self.runner.finished.connect(self._finished)
        self.runner.national_done.connect(self.show_progress)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        grid = card(self, padding=10)
        self.title = heading(2)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_button = QPushButton()
        self.address_button.clicked.connect(self.edit_address)
        self.send_button = QPushButton()
        self.send_button.setObjectName("primary")
        self.send_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.send_button.clicked.connect(self.send)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.message = message_label()
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.address_button, 0, 1, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.address_label, 1, 0, 1, 3)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(0)  # the button keeps its size when the progress bar is hidden
        grid.addLayout(row, 2, 0, 1, 3)
        grid.addWidget(self.status, 3, 0, 1, 3)
        grid.addWidget(self.message, 4, 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Gửi qua mạng"))
        self.address_button.setText(self.tr("Địa chỉ gửi…"))
        self.send_button.setText(self.tr("Gửi lên đơn vị nhận"))
        self.cancel_button.setText(self.tr("Huỷ"))
        self.show_target(self.target, self.waiting)

    # -- what the page read --------------------------------------------------------------------------------------
    def show_target(self, target: UploadTarget | None, waiting: int, has_bundle: bool | None = None) -> None:
        """The address in use (from the page's state), how many batches wait, and whether the office's bundle is
        there at all (without it nothing can be encrypted for the office nor its receipts checked)."""
        self.target, self.waiting = target, waiting
        if has_bundle is not None:
            self.has_bundle = has_bundle
        if not self.has_bundle:
            self.address_label.setText(self.tr("Chưa nhập gói khoá của đơn vị nhận nên chưa gửi qua mạng được. "
                                               "Hãy bấm \"Nhập gói khoá của cơ quan y tế…\" ở ô Khoá trước."))
        elif target is None:
            self.address_label.setText(self.tr("Chưa có địa chỉ gửi qua mạng: gói khoá của đơn vị nhận không ghi "
                                               "địa chỉ. Nếu có mạng, bấm \"Địa chỉ gửi…\"; nếu không, xuất ra USB."))
        else:
            where = self.tr("theo gói khoá") if target.from_bundle else self.tr("nhập tay")
            text = self.tr("Đến {url} ({where}).").format(url=target.url, where=where)
            if target.short_pin:
                text += " " + self.tr("Dấu vân tay chứng chỉ: {pin}…").format(pin=target.short_pin)
            self.address_label.setText(text)
        self.show_progress()

    def show_progress(self) -> None:
        runner = self.runner
        self.send_button.setVisible(self.target is not None)
        self.send_button.setEnabled(not runner.running)
        self.address_button.setEnabled(not runner.running)
        self.progress.setVisible(runner.running)
        self.cancel_button.setVisible(runner.running)
        self.cancel_button.setEnabled(runner.state != STOPPING)
        self.progress.setRange(0, max(runner.total, 1))
        self.progress.setValue(runner.done if runner.total else 0)
        self.progress.setFormat(self.tr("{done}/{total} lô").format(done=runner.done, total=runner.total))
        self.status.setText(self.status_text())

    def status_text(self) -> str:
        runner = self.runner
        if runner.state == PREPARING:
            return self.tr("Đang chuẩn bị gửi…")
        if runner.state == SENDING:
            return self.tr("Đang gửi lô số {seq} ({n}/{total})…").format(
                seq=runner.current, n=runner.done + 1, total=runner.total)
        if runner.state == WAITING:
            return self.waiting_text()
        if runner.state == STOPPING:
            return self.tr("Đang dừng: chờ lô đang gửi xong…")
        return self.summary_text()

    def waiting_text(self) -> str:
        from station_app.services.exchange.office_client import OfficeBusyError

        seconds = self.runner.seconds_left
        if isinstance(self.runner.error, OfficeBusyError):
            return self.tr("Đơn vị nhận đang bận, thử lại sau {n} giây (lô số {seq}).").format(
                n=seconds, seq=self.runner.current)
        return self.tr("Mất mạng, thử lại sau {n} giây (lô số {seq}).").format(n=seconds, seq=self.runner.current)

    def summary_text(self) -> str:
        """After a sending, what became of it; before any, how many batches wait."""
        runner = self.runner
        if not runner.total and not runner.outcomes:
            if self.target is None or not self.waiting:
                return "" if self.target is None else self.tr("Không có lô nào chờ gửi.")
            return self.tr("{n} lô chờ gửi.").format(n=self.waiting)
        summary = SendingSummary.of(runner.outcomes)
        parts = [self.tr("Đơn vị nhận đã nhận {n} lô.").format(n=summary.received)] if summary.received else []
        if summary.rejected:
            parts.append(self.tr("{n} lô bị từ chối (xem lý do trong bảng dưới).").format(n=summary.rejected))
        if summary.not_received:
            parts.append(self.tr("{n} lô chưa được nhận: {reason}.").format(
                n=summary.not_received, reason=translated(summary.first_reason)))
        if runner.cancelled and runner.queue:
            parts.append(self.tr("Đã dừng gửi; {n} lô vẫn chờ gửi.").format(n=len(runner.queue)))
        parts.extend(self._national_text())
        return " ".join(parts)

    def _national_text(self) -> list[str]:
        """What the office's national receipt changed, or why it was not taken when someone must act (a network
        cut or a busy office only waits for the next sending)."""
        from station_app.core.errors import StationError
        from station_app.services.station.upload import is_transient
        from station_app.ui.errors import describe

        if self.runner.national is not None and self.runner.national.changed:
            return [self.tr("Trạng thái liên thông quốc gia: {n} lượt khám được cập nhật.").format(
                n=self.runner.national.changed)]
        error = self.runner.national_error
        if isinstance(error, StationError) and not is_transient(error):
            return [self.tr("Chưa cập nhật được trạng thái liên thông quốc gia: {reason}").format(
                reason=describe(error))]
        return []

    # -- actions ---------------------------------------------------------------------------------------------------
    def send(self) -> None:
        """Make a batch of what changed since the last one, then send every batch the office has not acknowledged."""
        show_message(self.message, "")
        self.runner.start(make_new=True)

    def _finished(self) -> None:
        if self.runner.error is not None:
            from station_app.ui.errors import report

            report(self, self.message, self.runner.error)
        self.batches_changed.emit()

    def edit_address(self) -> None:
        dialog = self.address_dialog = UploadAddressDialog(self, self.target)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._address_entered(dialog.url.text(), dialog.pin.text()))
        dialog.finished.connect(self._address_dialog_closed)
        dialog.open()

    def _address_entered(self, url: str, pin: str) -> None:
        show_message(self.message, "")
        self._tasks.run(ops.save_address(self._ctx, user=self._user, url=url, pin=pin), parent=self,
                        on_done=self._address_saved, on_error=self._address_refused)

    def _address_dialog_closed(self) -> None:
        self.address_dialog = None

    def _address_saved(self, target: UploadTarget | None) -> None:
        self.show_target(target, self.waiting)
        self.batches_changed.emit()

    def _address_refused(self, exc: BaseException) -> None:
        from station_app.ui.errors import report

        report(self, self.message, exc)


def translated(reason: str) -> str:
    """A reason of services.station.upload or services.station.receipts in the interface language."""
    from PySide6.QtCore import QCoreApplication

    for context in ("upload", "receipts"):
        text = QCoreApplication.translate(context, reason)
        if text != reason:
            return text
    return reason
