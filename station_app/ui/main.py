"""Starting the app: the window appears at once, the station's data opens behind it, then set-up or sign-in.

Nothing here imports SQLAlchemy: the opener (``station_app.app.open_station``) loads the persistence layer on the
background lane after the window is on screen, so a slow laptop shows the window in a blink.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from station_app import __version__
from station_app.core.errors import StationError
from station_app.core.settings import Settings
from station_app.resources import resource
from station_app.services.common.settings_store import SettingsStore
from station_app.ui import errors, i18n
from station_app.ui import operations as ops
from station_app.ui.main_window import MainWindow
from station_app.ui.style import apply_look

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.setup_wizard import SetupWizard

log = logging.getLogger(__name__)


def prepare_application(argv: list[str], language: str = "vi") -> QApplication:
    """The QApplication with the bundled font, the look, the window icon and the interface language."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("station-app")
    app.setApplicationDisplayName("Khám sức khỏe định kỳ")
    app.setApplicationVersion(__version__)
    icon = QIcon()
    for size in (48, 128, 256):  # Qt picks the nearest for the title bar, the taskbar and Alt+Tab
        icon.addFile(str(resource("icons", f"station-app-{size}.png")))
    app.setWindowIcon(icon)
    apply_look(app)
    i18n.set_language(language)
    return app


class Lock(Protocol):
    def release(self) -> None: ...


@dataclass
class OpenedStation:
    ctx: StationContext
    lock: Lock | None  # one window per data folder, released when the window closes
    station: StationInfo | None  # None until the first-run set-up is done


# Opens the station's data on the background lane: ``station_app.app.open_station``, handed over by the composition
# root (the window never imports ``app``).
Opener = Callable[[Path], OpenedStation]


class AppController(QObject):
    """Owns the window and the background lane; moves between opening, set-up and sign-in."""

    def __init__(self, window: MainWindow, settings: Settings, store: SettingsStore,
                 opener: Opener | None = None) -> None:
        super().__init__()
        self.window, self.settings, self.store, self.tasks = window, settings, store, window.tasks
        self._opener = opener
        self.opened: OpenedStation | None = None
        self.wizard: SetupWizard | None = None
        window.sign_in_screen.language_chosen.connect(self.change_language)
        window.settings_changed.connect(lambda s: i18n.set_language(s.language))

    @property
    def ctx(self) -> StationContext | None:
        return self.opened.ctx if self.opened else None

    def open(self, data_dir: Path) -> None:
        self.tasks.run(ops.open_station(self._opener, data_dir=data_dir), parent=self.window,
                       on_done=self.opened_station, on_error=self.cannot_open)

    def opened_station(self, opened: OpenedStation) -> None:
        self.opened = opened
        errors.set_log_file(opened.ctx.log_file)
        self.window.attach(opened.ctx, opened.station)
        if opened.station is None:
            self.start_setup()

    def cannot_open(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox  # rarely needed: its enums are not worth loading at every start

        title = QCoreApplication.translate("errors", "Không mở được ứng dụng")
        if isinstance(exc, StationError):
            QMessageBox.critical(self.window, title, errors.describe(exc))
        else:
            log.error("the station could not be opened", exc_info=(type(exc), exc, exc.__traceback__))
            QMessageBox.critical(self.window, title, errors.unexpected_message())
        QCoreApplication.exit(1)

    def start_setup(self) -> None:
        from station_app.ui.setup_wizard import SetupWizard

        self.wizard = SetupWizard(self.ctx, self.tasks, self.window)
        self.wizard.station_created.connect(self.station_created)
        self.wizard.rejected.connect(lambda: QCoreApplication.exit(0))
        self.wizard.open()

    def station_created(self, admin_username: str) -> None:
        self.tasks.run(ops.station_info(self.ctx), parent=self.window,
                       on_done=lambda info: self.window.attach(self.ctx, info, admin_username))

    def change_language(self, language: str) -> None:
        self.settings.language = language
        try:
            self.store.save(self.settings)
        except OSError:
            log.warning("settings could not be saved; language applies to this session only")
        i18n.set_language(language)

    def close(self) -> None:
        self.tasks.wait()
        if self.opened is not None:
            self.opened.ctx.close()
            if self.opened.lock is not None:
                self.opened.lock.release()


def start(data_dir: Path, opener: Opener) -> tuple[QApplication, AppController]:
    """Show the window at once; the station's data opens (``opener``) on the background lane right after the first
    paint."""
    store = SettingsStore(data_dir)
    settings = store.load() if data_dir.is_dir() else Settings()
    app = prepare_application(sys.argv, settings.language)
    errors.install_excepthook()
    window = MainWindow(settings=settings)
    controller = AppController(window, settings, store, opener)
    window.closed.connect(lambda: QCoreApplication.exit(0))
    after_first_paint(window, lambda: controller.open(data_dir))
    window.showMaximized()  # a laptop's whole screen (1366×768 at many sites); the window manager keeps its panel
    return app, controller


class _FirstPaintWatch(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` once ``widget`` has been painted: work started earlier (the background lane importing
    SQLAlchemy holds the GIL) would slow the very paint the user is waiting for."""
    widget.installEventFilter(_FirstPaintWatch(widget, then))


def run(data_dir: Path, opener: Opener) -> int:
    """The GUI entry point; expected problems become a message, never a traceback."""
    app, controller = start(data_dir, opener)
    try:
        return app.exec()
    finally:
        controller.close()
