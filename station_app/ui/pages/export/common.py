"""What the export page's panels share: the card they sit in, and what they ask of the page."""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from station_app.ui.pages.export.state import ExportState


class PageHost(Protocol):
    """The export page as its panels see it: one message line, the state last read, and a reload."""

    message: QLabel
    state: ExportState | None

    def refresh(self) -> None: ...

    def action_failed(self, exc: BaseException) -> None: ...

    def start_folder(self) -> Path: ...


def card(panel: QWidget, padding: int = 12) -> QGridLayout:
    """The grid of a card that fills ``panel`` (``padding`` above and below, 16 px at the sides)."""
    frame = QFrame()
    frame.setObjectName("card")
    grid = QGridLayout(frame)
    grid.setContentsMargins(16, padding, 16, padding)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(frame)
    return grid
