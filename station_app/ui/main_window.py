"""The main window: a page per job, shown according to the signed-in user's role, and the idle lock."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.app import AppContext
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction
from station_app.core.roles import Permission, can
from station_app.core.settings import Settings
from station_app.services.accounts import SignedInUser
from station_app.ui.errors import describe, show_error
from station_app.ui.idle_lock import IdleWatcher
from station_app.ui.pages.admin import AdminPage, role_label
from station_app.ui.pages.overview import ExamPage, ExportPage, ListsPage, ReceptionPage
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, show_message

# (key, page title for the navigation, the permission that shows it)
PAGES = (
    ("reception", QT_TRANSLATE_NOOP("MainWindow", "Tiếp đón"), Permission.REGISTER_RESIDENTS),
    ("exam", QT_TRANSLATE_NOOP("MainWindow", "Khám"), Permission.RECORD_VITALS),
    ("lists", QT_TRANSLATE_NOOP("MainWindow", "Danh sách"), Permission.VIEW_LISTS),
    ("export", QT_TRANSLATE_NOOP("MainWindow", "Xuất dữ liệu"), Permission.EXPORT_DATA),
    ("admin", QT_TRANSLATE_NOOP("MainWindow", "Quản trị"), Permission.MANAGE_USERS),
)


class LockScreen(Retranslating):
    """Covers the work while the laptop is idle: only the same user's password opens it again."""

    unlocked = Signal(object)  # SignedInUser
    switch_user = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskRunner, user: SignedInUser) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.title = heading()
        self.who = QLabel()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.password.setMaximumWidth(360)
        self.unlock_button, self.switch_button = QPushButton(), QPushButton()
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button.clicked.connect(self.switch_user)
        self.message = message_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch()
        box = QVBoxLayout()
        for w in (self.title, self.who, self.password):
            box.addWidget(w)
        box.addLayout(buttons)
        box.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addLayout(box)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Máy đã khoá"))
        self.who.setText(self.tr("Máy tự khoá vì lâu không dùng. {name}, hãy nhập mật khẩu để tiếp tục.").format(
            name=self._user.full_name))
        self.unlock_button.setText(self.tr("Mở khoá"))
        self.switch_button.setText(self.tr("Đăng nhập tài khoản khác"))

    def submit(self) -> None:
        self.unlock_button.setEnabled(False)
        self._tasks.submit(self._ctx.accounts.verify_same_user, self._user, self.password.text(), parent=self,
                           on_done=self._unlocked, on_error=self._refused)

    def _unlocked(self, user: SignedInUser) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        show_message(self.message, "")
        self.unlocked.emit(user)

    def _refused(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        if isinstance(exc, StationError):
            show_message(self.message, describe(exc))
        else:
            show_error(self, exc)


class MainWindow(QMainWindow):
    """Header (station, user, lock, sign out), navigation on the left, the current page on the right."""

    closed = Signal(bool)  # True when the user signed out (show sign-in again), False when the window was closed
    settings_changed = Signal(object)  # Settings

    def __init__(self, ctx: AppContext, user: SignedInUser, tasks: TaskRunner | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx, self.user = ctx, user
        self.tasks = tasks or TaskRunner(self)
        self.settings = settings or ctx.settings.load()
        self.station = ctx.station.info()
        self._signing_out = False
        self.resize(1180, 760)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(210)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for key, _title, permission in PAGES:
            if can(user.role, permission):
                page = self._make_page(key)
                self.pages[key] = page
                self.stack.addWidget(page)
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)

        self.header = QFrame()
        self.header.setObjectName("header")
        self.station_label, self.user_label = QLabel(), QLabel()
        self.station_label.setObjectName("subheading")
        self.lock_button, self.sign_out_button = QPushButton(), QPushButton()
        self.lock_button.clicked.connect(self.lock)
        self.sign_out_button.clicked.connect(self.sign_out)
        top = QHBoxLayout(self.header)
        top.addWidget(self.station_label)
        top.addStretch()
        top.addWidget(self.user_label)
        top.addWidget(self.lock_button)
        top.addWidget(self.sign_out_button)

        work = QWidget()
        body = QHBoxLayout(work)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.lock_screen = LockScreen(ctx, self.tasks, user)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_user.connect(self.sign_out)
        self.screens = QStackedWidget()
        self.screens.addWidget(work)
        self.screens.addWidget(self.lock_screen)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.screens, 1)
        self.setCentralWidget(central)

        self.idle = IdleWatcher(self.settings.idle_lock_minutes, self)
        self.idle.timed_out.connect(self.lock)
        self.retranslate()
        self.nav.setCurrentRow(0)

    def _make_page(self, key: str) -> QWidget:
        site = self.station.site_id
        if key == "admin":
            page = AdminPage(self.ctx, self.tasks, self.user, self.settings)
            page.settings_changed.connect(self._apply_settings)
            return page
        cls = {"reception": ReceptionPage, "exam": ExamPage, "lists": ListsPage, "export": ExportPage}[key]
        return cls(self.ctx, self.tasks, site)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Khám sức khỏe định kỳ — {station}").format(station=self.station.name))
        titles = {key: QCoreApplication.translate("MainWindow", title) for key, title, _ in PAGES}
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(titles[item.data(Qt.ItemDataRole.UserRole)])
        same = self.station.site_name.strip() == self.station.name.strip()
        self.station_label.setText(self.station.name if same else f"{self.station.name} · {self.station.site_name}")
        self.statusBar().showMessage(self.tr("Dữ liệu lưu tại: {folder}").format(folder=self.ctx.data_dir))
        self.user_label.setText(f"{self.user.full_name} ({role_label(self.user.role)})")
        self.lock_button.setText(self.tr("Khoá máy"))
        self.sign_out_button.setText(self.tr("Đăng xuất"))

    def page_keys(self) -> list[str]:
        return [self.nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.nav.count())]

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys().index(key))

    def current_page_key(self) -> str:
        return self.page_keys()[self.nav.currentRow()]

    def _show_row(self, row: int) -> None:
        key = self.page_keys()[row]
        self.stack.setCurrentWidget(self.pages[key])
        self.pages[key].refresh()

    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if self.locked:
            return
        self.idle.pause()
        self.screens.setCurrentWidget(self.lock_screen)
        self.nav.setEnabled(False)
        self.lock_screen.password.setFocus()
        self.tasks.submit(self.ctx.audit.record, AuditAction.LOCK, "users", self.user.id, self.user.id, parent=self)

    def unlock(self, user: SignedInUser) -> None:
        self.screens.setCurrentIndex(0)
        self.nav.setEnabled(True)
        self.idle.restart()
        self.pages[self.current_page_key()].refresh()

    def _apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.idle.set_minutes(settings.idle_lock_minutes)
        self.settings_changed.emit(settings)

    def sign_out(self) -> None:
        self._signing_out = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.idle.stop()
        self.tasks.wait()
        try:
            self.ctx.audit.record(AuditAction.SIGN_OUT, "users", self.user.id, self.user.id)
        except StationError:
            pass  # the sign-out record is a courtesy; closing must never fail
        super().closeEvent(event)
        self.closed.emit(self._signing_out)
