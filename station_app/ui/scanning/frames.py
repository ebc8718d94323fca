"""Qt pictures to the grayscale frames the decoding service reads."""
from __future__ import annotations

from PySide6.QtGui import QImage

from station_app.services.common.decoding import GrayFrame


def qimage_to_gray(image: QImage) -> GrayFrame:
    """A grayscale copy of ``image`` (Qt converts it): safe to hand to a worker thread while Qt reuses the frame."""
    gray = image if image.format() == QImage.Format.Format_Grayscale8 else \
        image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    return GrayFrame.from_rows(gray.constBits()[: stride * height], width, height, stride)
