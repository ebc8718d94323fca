"""The export page's dialogs: the ones that ask for a file or folder or a yes (module functions, on their own so
that tests replace only them), and the station key's QR code."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from station_app.services.exchange.keys import StationPublicKey

QR_SCALE = 5  # pixels per module: the key's QR (about 70 modules with the PEM and the border) is about 350 px


def ask_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """A folder (a network share, a stick's subfolder); None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def ask_open_file(parent: QWidget | None, title: str, start: Path, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), name_filter)
    return Path(chosen) if chosen else None


def ask_receipt_paths(parent: QWidget | None, title: str, start: Path, whole_folder: bool,
                      name_filter: str) -> list[Path]:
    """Receipt files, or one folder whose receipts are all read; empty when cancelled."""
    if whole_folder:
        folder = ask_folder(parent, title, start)
        return [folder] if folder else []
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start), name_filter)
    return [Path(p) for p in chosen]


def confirm_bundle(parent: QWidget, question: str) -> bool:
    """Yes or no before a scanned or pasted bundle replaces where the data goes."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("ExportPage", "Nhập gói khoá"), question)
    return answer == QMessageBox.StandardButton.Yes


def qr_image(text: str, scale: int = QR_SCALE) -> QImage:
    """The QR code of ``text`` as a black-on-white image with a four-module quiet zone (CPU pool: no widgets)."""
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, 0xFF000000)
    return image.scaled(size * scale, size * scale)


class StationKeyDialog(QDialog):
    """The station's public key as a QR code, with its short id to read over the phone."""

    def __init__(self, parent: QWidget, image: QImage, key: StationPublicKey, station_code: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khoá của trạm"))
        self.qr_label = QLabel()
        self.qr_label.setPixmap(QPixmap.fromImage(image))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(self.tr("Mã trạm: {code}\nMã khoá: {short}").format(code=station_code, short=key.short_id))
        caption.setObjectName("subheading")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Đơn vị nhận quét mã này (hoặc nhận tệp PEM) để đăng ký trạm. Khi gọi điện, đọc mã "
                              "khoá để đối chiếu. Mã đầy đủ (key_id):\n{key_id}").format(key_id=key.key_id))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.qr_label, caption, hint):
            layout.addWidget(widget)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
