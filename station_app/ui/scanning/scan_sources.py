"""The camera, image-file and clipboard inputs of a page, with their buttons, the camera panel and the chooser.

Reception and the exam desks both offer them: ``ScanSources(page, tasks)`` makes the three buttons and the
(hidden) camera panel for the page to lay out, registers F4, Ctrl+O and Ctrl+V on the page, and emits
``scanned(payload, source)`` for every code read ("camera", "image" or "choice" after the nurse picked one of
several codes in view). QtMultimedia loads when the camera is first switched on, the decoders when a picture is
first opened: neither is needed to show the page.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QGroupBox, QPushButton, QVBoxLayout, QWidget

from station_app.core.cards import ScanKind, ScanResult
from station_app.core.qr_payloads import parse_payload
from station_app.core.settings import Settings
from station_app.ui.widgets import while_alive

if TYPE_CHECKING:
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget
    from station_app.ui.scanning.image_input import ImageInput
    from station_app.ui.tasks import TaskRunner


class ScanSources(QObject):
    """The picture inputs of ``page``: ``camera_button``, ``image_button``, ``paste_button`` and ``camera_panel``
    are the page's to lay out; ``camera`` is None until the camera is first switched on.

    Signals: ``scanned(str, str)`` with the payload and its source; ``failed(str)`` with a sentence saying what to
    do (no code in the picture, empty clipboard); ``camera_toggled(bool)``. ``open_dialog`` shows the chooser (the
    page's own dialog handling; by default window-modal and non-blocking); ``busy`` says a dialog of the page is
    open, so no picture is read meanwhile.
    """

    scanned = Signal(str, str)
    failed = Signal(str)
    camera_toggled = Signal(bool)

    def __init__(self, page: QWidget, tasks: TaskRunner, *, open_dialog: Callable[[QDialog], None] | None = None,
                 busy: Callable[[], bool] | None = None) -> None:
        super().__init__(page)
        self._page, self._tasks = page, tasks
        self.dialog: QDialog | None = None  # the chooser, when this object opened it itself
        self._busy = busy or (lambda: self.dialog is not None)
        self._open_dialog = open_dialog or self._open_window_modal
        self.settings = Settings()
        self.camera: CameraScannerWidget | None = None
        self._images: ImageInput | None = None
        self.camera_button = QPushButton()
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self.set_camera_on)
        self.image_button, self.paste_button = QPushButton(), QPushButton()
        self.image_button.clicked.connect(self.open_image)
        self.paste_button.clicked.connect(self.paste_image)
        self.camera_panel = QGroupBox()
        QVBoxLayout(self.camera_panel)
        self.camera_panel.hide()
        self._shortcuts = [self._shortcut(QKeySequence(key), slot) for key, slot in (
            ("F4", self.camera_button.toggle), ("Ctrl+O", self.open_image),
            (QKeySequence.StandardKey.Paste, self.paste_image))]
        self.retranslate()

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(keys, self._page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def retranslate(self) -> None:
        self.camera_button.setText(self.tr("Tắt camera (F4)") if self.camera_button.isChecked()
                                   else self.tr("Bật camera (F4)"))
        self.image_button.setText(self.tr("Mở ảnh… (Ctrl+O)"))
        self.paste_button.setText(self.tr("Dán ảnh (Ctrl+V)"))
        self.camera_panel.setTitle(self.tr("Camera"))

    @property
    def camera_on(self) -> bool:
        return self.camera_button.isChecked()

    def apply_settings(self, settings: Settings) -> None:
        """The camera chosen in the settings; "camera" as the scanner mode switches it on."""
        self.settings = settings
        if self.camera is not None:
            self.camera.set_camera(settings.camera_id)
        if settings.scanner_mode == "camera" and not self.camera_button.isChecked():
            self.camera_button.setChecked(True)

    # -- pictures --------------------------------------------------------------------------------------------

    @property
    def images(self) -> ImageInput:
        """The image-file and clipboard reader, made on first use (it loads the decoders)."""
        if self._images is None:
            from station_app.ui.scanning.image_input import ImageInput

            self._images = ImageInput(self._tasks, self)
            self._images.scanned.connect(lambda text: self.scanned.emit(text, "image"))
            self._images.several_found.connect(self.choose_code)
            self._images.failed.connect(self.failed)
        return self._images

    def open_image(self) -> None:
        if not self._busy():
            self.images.open_file(self._page)

    def paste_image(self) -> None:
        if not self._busy():
            self.images.paste_from_clipboard()

    def watch_paste(self, edit: QWidget) -> None:
        """Ctrl+V in ``edit`` (a text field, which takes the key itself) reads a picture on the clipboard; text is
        still pasted as text."""
        edit.installEventFilter(self)

    @staticmethod
    def clipboard_has_picture() -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and (mime.hasImage() or any(u.isLocalFile() for u in mime.urls()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._page:
            if event.type() == QEvent.Type.Show:
                self._page.removeEventFilter(self)
                self._start_camera()
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.matches(QKeySequence.StandardKey.Paste) and self.clipboard_has_picture():
            self.paste_image()
            return True
        return False

    # -- the camera ------------------------------------------------------------------------------------------

    def set_camera_on(self, on: bool) -> None:
        if on and self.camera is None:
            from station_app.ui.scanning.camera_scanner import CameraScannerWidget  # QtMultimedia: on first use

            self.camera = CameraScannerWidget(self.camera_panel)
            self.camera.scanned.connect(lambda text: self.scanned.emit(text, "camera"))
            self.camera.several_found.connect(self.choose_code)
            self.camera_panel.layout().addWidget(self.camera)
        self.camera_panel.setVisible(on)
        if on and not self._page.isVisible():  # a page not on screen yet: the camera opens when it is shown
            self._page.installEventFilter(self)  # only until then: a Python filter sees every event of the page
        elif on:
            self._start_camera()
        elif self.camera is not None:
            self.camera.stop()
        self.retranslate()
        self.camera_toggled.emit(on)

    def _start_camera(self) -> None:
        if self.camera is not None and self.camera_button.isChecked():
            self.camera.set_camera(self.settings.camera_id)
            self.camera.start()

    def stop(self) -> None:
        """Close the camera (the page is going away)."""
        if self.camera is not None:
            self.camera.stop()

    # -- several codes ---------------------------------------------------------------------------------------

    def choose_code(self, payloads: list[str]) -> None:
        """Several codes in one picture or frame: the nurse chooses one; none is taken silently."""
        from station_app.ui.dialogs.choose import ChooseDialog

        if self._busy():
            return
        today = dt.date.today()
        items = [self.describe_code(parse_payload(p, today)) for p in payloads]
        dialog = ChooseDialog(self._page, self.tr("Có nhiều mã trong hình"),
                              self.tr("Camera hoặc ảnh có {count} mã QR cùng lúc. Hãy chọn mã của người đang ở "
                                      "bàn của bạn.").format(count=len(payloads)), items)
        dialog.chosen.connect(lambda row: QTimer.singleShot(0, while_alive(
            self, lambda: self.scanned.emit(payloads[row], "choice"))))
        dialog.rejected.connect(lambda: self.camera.decoder.forget() if self.camera is not None else None)
        self._open_dialog(dialog)

    def describe_code(self, result: ScanResult) -> str:
        kinds = {ScanKind.CCCD: self.tr("Thẻ CCCD"), ScanKind.BHYT: self.tr("Thẻ BHYT"),
                 ScanKind.SLIP: self.tr("Phiếu khám"), ScanKind.UNKNOWN: self.tr("Mã không phải thẻ")}
        if not result.usable or not result.full_name:
            return kinds[result.kind]
        return self.tr("{kind}: {name}, sinh {birth}").format(kind=kinds[result.kind], name=result.full_name,
                                                              birth=result.birth_year or "?")

    def _open_window_modal(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(while_alive(self, lambda _result: self._dialog_closed(dialog)))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self._page.activateWindow()  # the page's keys (F4, the scan field) work at once, whatever the platform does
