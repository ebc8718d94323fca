"""Qt pictures to the grayscale numpy arrays the decoding service reads."""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def qimage_to_gray(image: QImage) -> np.ndarray:
    """An H×W uint8 copy of ``image`` in grayscale: safe to hand to a worker thread while Qt reuses the frame."""
    gray = image if image.format() == QImage.Format.Format_Grayscale8 else \
        image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    rows = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, :width].copy()
