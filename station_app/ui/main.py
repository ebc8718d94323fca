"""Starting the window: the application object, the first-run wizard, sign-in and the main window."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import Shiboken

from station_app import __version__
from station_app.app import AppContext, InstanceLock, open_context
from station_app.core.errors import DataFolderNotWritableError, StationError
from station_app.core.settings import Settings
from station_app.services.accounts import SignedInUser
from station_app.ui import errors, i18n
from station_app.ui.main_window import MainWindow
from station_app.ui.setup_wizard import SetupWizard
from station_app.ui.sign_in import SignInDialog
from station_app.ui.style import apply_look
from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def prepare_application(argv: list[str], language: str = "vi") -> QApplication:
    """The QApplication with the bundled font, the look and the interface language."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("station-app")
    app.setApplicationDisplayName("Khám sức khỏe định kỳ")
    app.setApplicationVersion(__version__)
    apply_look(app)
    i18n.set_language(language)
    return app


class AppController(QObject):
    """Moves between the wizard, sign-in and the main window; quitting sign-in quits the app."""

    def __init__(self, ctx: AppContext, settings: Settings) -> None:
        super().__init__()
        self.ctx, self.settings = ctx, settings
        self.tasks = TaskRunner(self)
        self.wizard: SetupWizard | None = None
        self.sign_in: SignInDialog | None = None
        self.window: MainWindow | None = None
        self._retired: list[QWidget] = []

    def _retire(self, widget: QWidget | None) -> None:
        """Hide a window and let Qt delete it later. The Python wrapper is kept until then, so Python's garbage
        collector never deletes a widget in the middle of Qt's event handling."""
        self._retired = [w for w in self._retired if Shiboken.isValid(w)]
        if widget is not None:
            widget.hide()
            widget.deleteLater()
            self._retired.append(widget)

    def close_all(self) -> None:
        self.tasks.wait()
        for widget in (self.wizard, self.sign_in, self.window):
            self._retire(widget)
        self.wizard = self.sign_in = self.window = None

    def start(self) -> None:
        if self.ctx.station.is_initialised():
            self.show_sign_in()
        else:
            self.wizard = SetupWizard(self.ctx, self.tasks)
            self.wizard.station_created.connect(self.show_sign_in)
            self.wizard.rejected.connect(QApplication.quit)
            self.wizard.show()

    def show_sign_in(self, username: str = "") -> None:
        if self.wizard is not None and not self.wizard.isVisible():
            self._retire(self.wizard)
            self.wizard = None
        info = self.ctx.station.info()
        where = info.name if info.site_name.strip() == info.name.strip() else f"{info.name} · {info.site_name}"
        self.sign_in = SignInDialog(self.ctx, self.tasks, where, username)
        self.sign_in.set_language(self.settings.language)
        self.sign_in.signed_in.connect(self.open_main_window)
        self.sign_in.language_chosen.connect(self.change_language)
        self.sign_in.rejected.connect(self._sign_in_closed)
        self.sign_in.show()

    def _sign_in_closed(self) -> None:
        if self.window is None:
            QApplication.quit()

    def change_language(self, language: str) -> None:
        self.settings.language = language
        try:
            self.ctx.settings.save(self.settings)
        except OSError:
            log.warning("settings could not be saved; language applies to this session only")
        i18n.set_language(language)

    def open_main_window(self, user: SignedInUser) -> None:
        dialog, self.sign_in = self.sign_in, None
        self.window = MainWindow(self.ctx, user, self.tasks, self.settings)
        self.window.closed.connect(self.window_closed)
        self.window.settings_changed.connect(lambda s: i18n.set_language(s.language))
        self.window.show()
        if dialog is not None:
            dialog.done(1)
            self._retire(dialog)

    def window_closed(self, signing_out: bool) -> None:
        window, self.window = self.window, None
        self._retire(window)
        if signing_out:
            self.show_sign_in()
        else:
            QApplication.quit()


def run(data_dir: Path) -> int:
    """The GUI entry point: one copy per data folder; expected problems become a message, not a crash."""
    app = prepare_application(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    errors.install_excepthook()
    lock = InstanceLock(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
        ctx = open_context(data_dir)
    except StationError as exc:
        QMessageBox.critical(None, app.translate("errors", "Không mở được ứng dụng"), errors.describe(exc))
        return 1
    except OSError:
        log.exception("data folder could not be prepared")
        QMessageBox.critical(None, app.translate("errors", "Không mở được ứng dụng"),
                             errors.describe(DataFolderNotWritableError(path=str(data_dir))))
        return 1
    errors.set_log_file(ctx.log_file)
    settings = ctx.settings.load()
    i18n.set_language(settings.language)
    controller = AppController(ctx, settings)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.close_all()
        ctx.close()
        lock.release()
