"""The self-test in the window ("Kiểm tra máy" on the admin page), and the Qt listing of cameras and serial ports
that the self-test (window and command line) is given.

The checks run on the database lane (they open a copy of the database); the devices are listed on the GUI thread
first, where QtMultimedia and QtSerialPort live, and handed to the job as plain tuples.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from station_app.services.self_test import CONTEXT, CheckResult, CheckStatus, Devices

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QLabel

    from station_app.ui.tasks import TaskRunner

_core_app = None  # the command line has no application object: QtMultimedia needs one to list cameras


def list_devices() -> Devices:
    """The cameras (QMediaDevices) and serial ports (QSerialPortInfo) present now. Call on the GUI thread."""
    global _core_app
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.core.qobject.connect=false")
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:
        _core_app = QCoreApplication([])
    from station_app.ui.scanning import serial_scanner
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget

    return Devices(tuple(CameraScannerWidget.cameras()), tuple(serial_scanner.available_ports()))


MARKS = {CheckStatus.OK: ("✔", "#1b7f3b"), CheckStatus.WARN: ("⚠", "#a15c00"), CheckStatus.FAIL: ("✖", "#b3261e")}


def translated_line(result: CheckResult) -> tuple[str, str]:
    """The check's name and sentence in the interface language."""
    from PySide6.QtCore import QCoreApplication

    return (QCoreApplication.translate(CONTEXT, result.name),
            QCoreApplication.translate(CONTEXT, result.template).format(**result.values))


def run_in_background(tasks: TaskRunner, data_dir: Path, parent, on_done, on_error) -> None:  # noqa: ANN001
    """List the devices here (GUI thread), then run every check on the database lane."""
    from station_app.services.self_test import run_self_test

    try:
        devices = list_devices()
        listed = lambda: devices  # noqa: E731 - a plain tuple crosses to the worker, no Qt object
    except Exception:  # noqa: BLE001 - no multimedia back-end: the report says the devices were not listed
        listed = None
    tasks.submit(run_self_test, data_dir, listed, parent=parent, on_done=on_done, on_error=on_error)


def show_results(label: QLabel, results: list[CheckResult]) -> None:
    """One line per check with its mark (✔ OK, ⚠ to look at, ✖ to fix), as rich text in ``label``."""
    from html import escape

    rows = []
    for result in results:
        mark, colour = MARKS[result.status]
        name, line = translated_line(result)
        rows.append(f'<tr><td style="color:{colour}; font-weight:bold; padding-right:6px">{mark}</td>'
                    f'<td><b>{escape(name)}</b>: {escape(line)}</td></tr>')
    label.setText("<table cellspacing=3>" + "".join(rows) + "</table>")
