"""Qt's own dialogs (file open/save, print, print preview, the overwrite question) speak Vietnamese when the interface
does: Qt ships no Vietnamese, so the app brings resources/translations/qtbase_vi.ts. The dialogs are Qt's own widget
dialogs, as the app gets them on Linux (no native dialog there); each is made, looked at, and closed unshown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

from station_app.ui import i18n

OVERWRITE = "%1 already exists.\nDo you want to replace it?"


def texts(dialog, kind) -> set[str]:
    return {w.text().replace("&", "") for w in dialog.findChildren(kind) if w.text()}


@pytest.fixture
def vietnamese(app):
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


def test_the_save_dialog_and_its_overwrite_question_are_vietnamese(qtbot, vietnamese):
    dialog = QFileDialog(None, "Lưu danh sách")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    buttons = texts(dialog, QPushButton)
    assert {"Lưu", "Huỷ"} <= buttons and not {"Save", "Cancel"} & buttons
    assert {"Tên tệp:", "Loại tệp:", "Tìm trong:"} <= texts(dialog, QLabel)
    question = QCoreApplication.translate("QFileDialog", OVERWRITE).replace("%1", "ds.pdf")
    assert question.startswith("ds.pdf đã có.") and "ghi đè" in question
    box = QMessageBox(QMessageBox.Icon.Warning, "", question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {"Có", "Không"} <= texts(box, QPushButton)


def test_the_open_dialog_is_vietnamese(qtbot, vietnamese):
    dialog = QFileDialog(None, "Chọn ảnh")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert {"Mở", "Huỷ"} <= texts(dialog, QPushButton)


def test_the_print_preview_and_print_dialogs_are_vietnamese(qtbot, vietnamese):
    printer = QPrinter()
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    actions = {a.text() for a in preview.findChildren(QAction) if a.text()}
    assert {"Phóng to", "Thu nhỏ", "Trang sau", "Trang trước", "In", "Thiết lập trang"} <= actions
    assert not {"Zoom in", "Next page", "Print", "Page setup"} & actions
    assert preview.windowTitle() == "Xem trước khi in"
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    assert "In" in {b.text().replace("&", "") for b in dialog.findChildren(QDialogButtonBox)[0].buttons()}


def test_english_keeps_qts_english(qtbot, app):
    i18n.set_language("en")
    try:
        assert QCoreApplication.translate("QPrintPreviewDialog", "Zoom in") == "Zoom in"
        assert QCoreApplication.translate("QFileDialog", OVERWRITE) == OVERWRITE
    finally:
        i18n.set_language("vi")
