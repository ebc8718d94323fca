"""Codes from a picture: an image file the nurse opens, or a screenshot or photo pasted from the clipboard."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from station_app.core.errors import StationError
from station_app.ui.scanning import operations as ops
from station_app.ui.scanning.frames import qimage_to_gray
from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ImageInput(QObject):
    """Opens or pastes a picture and decodes it on the task runner's CPU pool.

    Signals: ``scanned(str)`` for a single code; ``several_found(list)`` when the picture holds more than one
    (the nurse chooses); ``failed(str)`` with a sentence saying what to do (no code, unreadable file, empty
    clipboard). Each call reads the picture afresh: there is no de-duplication as for the camera.
    """

    scanned = Signal(str)
    several_found = Signal(list)
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks

    def open_file(self, parent: QWidget | None = None) -> bool:
        """Ask for an image file and decode it; False when the nurse cancelled the dialog."""
        path, _ = QFileDialog.getOpenFileName(
            parent, self.tr("Chọn ảnh có mã QR"), str(Path.home()),
            self.tr("Ảnh (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;Mọi tệp (*)"))
        if not path:
            return False
        self.decode_file(path)
        return True

    def decode_file(self, path: str | Path) -> None:
        self._submit(Path(path))

    def paste_from_clipboard(self) -> bool:
        """Decode the picture on the clipboard (or an image file copied in the file manager)."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self._submit(qimage_to_gray(image))
                return True
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime is not None else []
        if files:
            self._submit(Path(files[0]))
            return True
        self.failed.emit(self.tr("Bộ nhớ tạm (clipboard) không có ảnh. Hãy chụp màn hình hoặc sao chép ảnh có mã "
                                 "QR rồi dán lại."))
        return False

    def _submit(self, picture: object) -> None:
        self._tasks.run(ops.decode_picture(picture=picture), parent=self, on_done=self._decoded,
                        on_error=self._failed)

    def _decoded(self, payloads: list[str]) -> None:
        if not payloads:
            self.failed.emit(self.tr("Không thấy mã QR nào trong ảnh. Hãy dùng ảnh rõ nét, chụp thẳng và đủ sáng, "
                                     "mã QR không bị che hay cắt mất góc."))
        elif len(payloads) == 1:
            self.scanned.emit(payloads[0])
        else:
            self.several_found.emit(list(payloads))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            from station_app.ui.errors import describe

            self.failed.emit(describe(exc))
            return
        log.error("picture could not be decoded", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(self.tr("Không đọc được ảnh này. Hãy thử ảnh khác hoặc quét mã trực tiếp."))
