"""The self-test in the window ("Kiểm tra máy" on the admin page), and the Qt listing of cameras, serial ports and
printers that the self-test (window and command line) is given.

The checks run on the database lane (they open a copy of the database); the devices are listed on the GUI thread
first, where QtMultimedia and QtSerialPort live, and handed to the job as plain tuples.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout

from station_app.services.station.self_test import CONTEXT, CheckResult, CheckStatus, Devices, failed
from station_app.ui import operations as ops
from station_app.ui.errors import show_error
from station_app.ui.widgets import RetranslatedMixin, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.ui.tasks import TaskRunner

_core_app = None  # the command line has no application object: QtMultimedia needs one to list cameras


def list_devices() -> Devices:
    """The cameras (QMediaDevices), serial ports (QSerialPortInfo) and printers (QPrinterInfo) present now. Call on
    the GUI thread."""
    global _core_app
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.core.qobject.connect=false")
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:
        _core_app = QCoreApplication([])
    from station_app.ui.printing import installed_printers
    from station_app.ui.scanning import serial_scanner
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget

    printers = installed_printers()
    return Devices(tuple(CameraScannerWidget.cameras()), tuple(serial_scanner.available_ports()),
                   camera_backend=CameraScannerWidget.backend_loaded(), printers=printers.names,
                   default_printer=printers.default)


MARKS = {CheckStatus.OK: ("✔", "#1b7f3b"), CheckStatus.WARN: ("⚠", "#a15c00"), CheckStatus.FAIL: ("✖", "#b3261e")}


def translated_line(result: CheckResult) -> tuple[str, str]:
    """The check's name and sentence in the interface language."""
    from PySide6.QtCore import QCoreApplication

    return (QCoreApplication.translate(CONTEXT, result.name),
            QCoreApplication.translate(CONTEXT, result.template).format(**result.values))


def listed_devices() -> Callable[[], Devices] | None:
    """The devices listed here (GUI thread), as the checks on the database lane take them; None without a
    multimedia back-end."""
    try:
        devices = list_devices()
    except Exception:  # noqa: BLE001 - no multimedia back-end: the report says the devices were not listed
        return None
    return lambda: devices  # a plain tuple crosses to the worker, no Qt object


class SelfTestBox(RetranslatedMixin, QGroupBox):
    """"Kiểm tra máy" on the admin page: runs every check in the background and shows one marked line each."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner) -> None:
        super().__init__()
        self._ctx, self._tasks = ctx, tasks
        self.results: list[CheckResult] | None = None
        self.explained = QLabel()
        self.explained.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        self.show_button = QPushButton()
        self.show_button.clicked.connect(lambda: self.dialog.show_again())
        self.show_button.hide()
        self.summary = message_label()
        self.dialog = SelfTestDialog(self)  # the lines need more room than the admin page's column has
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explained)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Kiểm tra máy"))
        self.explained.setText(self.tr("Kiểm tra máy này trước khi mang lên điểm khám: cơ sở dữ liệu, phông chữ, đọc "
                                       "mã QR, in, chữ ký số, mã hoá, camera, cổng COM, máy in, ổ đĩa, ngày giờ, đợt "
                                       "khám, các khoá, danh sách người dân và nhật ký kiểm tra."))
        self.run_button.setText(self.tr("Kiểm tra máy"))
        self.show_button.setText(self.tr("Xem kết quả"))
        if self.results is not None:
            self._show_summary(self.results)

    def run(self) -> None:
        self.run_button.setEnabled(False)
        show_message(self.summary, self.tr("Đang kiểm tra…"), ok=True)
        self._tasks.run(ops.self_test(data_dir=self._ctx.data_dir, devices=listed_devices()), parent=self,
                        on_done=self._show, on_error=self._failed)

    def _show(self, results: list[CheckResult]) -> None:
        self.results = results
        self.run_button.setEnabled(True)
        self.show_button.show()
        self._show_summary(results)
        self.dialog.show_results(results, self.summary.text(), ok=not failed(results))

    def _show_summary(self, results: list[CheckResult]) -> None:
        fails = sum(r.status is CheckStatus.FAIL for r in results)
        warns = sum(r.status is CheckStatus.WARN for r in results)
        if fails:
            show_message(self.summary, self.tr("{fails} lỗi, {warns} chú ý: máy chưa sẵn sàng. Hãy làm theo các dòng "
                                               "có dấu ✖ rồi kiểm tra lại.").format(fails=fails, warns=warns))
        elif warns:
            show_message(self.summary, self.tr("Không có lỗi, {warns} chú ý (dấu ⚠): máy dùng được.").format(
                warns=warns), ok=True)
        else:
            show_message(self.summary, self.tr("Mọi mục đều đạt: máy sẵn sàng."), ok=True)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        show_message(self.summary, "")
        show_error(self, exc)


class SelfTestDialog(RetranslatedMixin, QDialog):
    """The self-test's lines, marked, in a window of their own that scrolls (not modal: the page stays usable)."""

    def __init__(self, box: SelfTestBox) -> None:
        super().__init__(box)
        self.summary = message_label()
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.lines)
        self.again_button, self.close_button = QPushButton(), QPushButton()
        self.again_button.clicked.connect(box.run)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(720, 560)
        self.results: list[CheckResult] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kết quả kiểm tra máy"))
        self.again_button.setText(self.tr("Kiểm tra lại"))
        self.close_button.setText(self.tr("Đóng"))
        show_results(self.lines, self.results)

    def show_results(self, results: list[CheckResult], summary: str, ok: bool) -> None:
        self.results = results
        show_message(self.summary, summary, ok=ok)
        show_results(self.lines, results)
        self.show_again()

    def show_again(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


def show_results(label: QLabel, results: list[CheckResult]) -> None:
    """One line per check with its mark (✔ OK, ⚠ to look at, ✖ to fix), as rich text in ``label``."""
    from html import escape

    rows = []
    for result in results:
        mark, colour = MARKS[result.status]
        name, line = translated_line(result)
        rows.append(f'<tr><td style="color:{colour}; font-weight:bold; padding-right:6px">{mark}</td>'
                    f'<td><b>{escape(name)}</b><br>{escape(line)}</td></tr>')
    label.setText("<table cellspacing=4>" + "".join(rows) + "</table>" if rows else "")
