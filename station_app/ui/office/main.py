"""Starting the office window (``station-app office [--dir D] [--db URL]``): the same font, look and language
files as the station's window (``ui.main.prepare_application``); the office opens after the first paint."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from station_app.core.settings import Settings
from station_app.services.common.settings_store import SettingsStore
from station_app.ui import errors
from station_app.ui.main import after_first_paint, prepare_application
from station_app.ui.office.window import OfficeWindow


def office_language(folder: Path) -> str:
    """The language last chosen in this office's window (``settings.json`` in its folder), else Vietnamese."""
    settings = SettingsStore(folder).load() if (folder / "settings.json").is_file() else Settings()
    return settings.language


def start(folder: Path, db_url: str | None = None) -> tuple[QApplication, OfficeWindow]:
    language = office_language(folder)
    app = prepare_application(sys.argv, language)
    app.setApplicationDisplayName(QCoreApplication.translate("OfficeWindow", "Đơn vị nhận dữ liệu"))
    errors.install_excepthook()
    window = OfficeWindow(folder, db_url, language)
    window.closed.connect(lambda: QCoreApplication.exit(0))
    after_first_paint(window, window.open)
    window.show()
    return app, window


def run(folder: Path, db_url: str | None = None) -> int:
    """The office window's entry point; expected problems are said in the window, never as a traceback."""
    app, window = start(folder, db_url)
    try:
        return app.exec()
    finally:
        window.tasks.wait()
        if window.service is not None:
            window.service.close()
