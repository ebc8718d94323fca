"""Errors reach the user as one Vietnamese (or English) sentence; unexpected ones are logged first.

Expected errors are :class:`StationError` subclasses: their template and data are translated here. Anything
else is logged with its traceback (ids only, never personal data) and shown in one dialog naming the log file.
"""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from station_app.core.errors import DiskFullError, StationError, is_disk_full

log = logging.getLogger(__name__)
_log_file: Path | None = None


def set_log_file(path: Path) -> None:
    global _log_file
    _log_file = path


def describe(exc: StationError) -> str:
    """The error's sentence in the interface language."""
    data = {k: _translate_value(v) for k, v in exc.data.items()}
    return QCoreApplication.translate("errors", exc.template).format(**data)


def _translate_value(value: object) -> object:
    if not isinstance(value, str):
        return value
    for context in ("fields", "labels", "errors"):
        translated = QCoreApplication.translate(context, value)
        if translated != value:
            return translated
    return value


def unexpected_message() -> str:
    where = str(_log_file) if _log_file else QCoreApplication.translate("errors", "thư mục logs trong thư mục dữ liệu")
    return QCoreApplication.translate(
        "errors", "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại; nếu lỗi lặp lại, "
        "gửi tệp nhật ký cho cán bộ hỗ trợ:\n{log}").format(log=where)


def expected(exc: BaseException) -> BaseException:
    """A full disk is no fault of the program: it becomes the sentence that says what to do (no traceback)."""
    return DiskFullError() if not isinstance(exc, StationError) and is_disk_full(exc) else exc


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    exc = expected(exc)
    if isinstance(exc, StationError):
        log.info("expected error shown: %s", type(exc).__name__)
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "Không thực hiện được"), describe(exc))
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    QMessageBox.critical(parent, QCoreApplication.translate("errors", "Lỗi ngoài dự kiến"), unexpected_message())


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(expected(exc), StationError):
        show_error(QApplication.activeWindow(), exc)
        return
    log.error("unhandled error in the GUI thread:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    QMessageBox.critical(QApplication.activeWindow(), QCoreApplication.translate("errors", "Lỗi ngoài dự kiến"),
                         unexpected_message())


def install_excepthook() -> None:
    """Errors escaping a slot go to the log and one dialog, never to a silent crash or a traceback."""
    sys.excepthook = _excepthook


def report(widget: QWidget, label: QLabel, exc: BaseException) -> None:
    """Expected errors become the sentence in the widget's own message line; anything else goes to the one
    dialog that says where the log is."""
    from station_app.ui.widgets import show_message

    exc = expected(exc)
    if isinstance(exc, StationError):
        show_message(label, describe(exc))
    else:
        show_error(widget, exc)
