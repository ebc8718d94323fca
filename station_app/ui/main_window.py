"""The main window: the one window of a session. It appears at once, shows sign-in while the station's data
opens in the background, then a page per job of the signed-in user's role, and locks itself when idle."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, Role
from station_app.core.roles import Permission, can
from station_app.core.settings import Settings
from station_app.ui import operations as ops
from station_app.ui.errors import report
from station_app.ui.idle_lock import IdleWatcher
from station_app.ui.sign_in import SignInScreen
from station_app.ui.tasks import TaskRunner
from station_app.ui.visit_events import VisitEvents
from station_app.ui.widgets import (PagedNavigation, RetranslatedMixin, Retranslating, header_bar, heading, message_label,
                                    nav_item, show_message)

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.pages.export.upload_runner import UploadRunner

# (key, page title for the navigation, the permission that shows it)
PAGES = (
    ("reception", QT_TRANSLATE_NOOP("MainWindow", "Tiếp đón"), Permission.REGISTER_RESIDENTS),
    ("exam", QT_TRANSLATE_NOOP("MainWindow", "Khám"), Permission.RECORD_VITALS),
    ("lists", QT_TRANSLATE_NOOP("MainWindow", "Danh sách"), Permission.VIEW_LISTS),
    ("progress", QT_TRANSLATE_NOOP("MainWindow", "Tiến độ"), Permission.PRINT_LISTS),  # the coordinator's
    ("export", QT_TRANSLATE_NOOP("MainWindow", "Xuất dữ liệu"), Permission.EXPORT_DATA),
    ("admin", QT_TRANSLATE_NOOP("MainWindow", "Quản trị"), Permission.MANAGE_USERS),
)
# The page each role's day starts on: a doctor examines, a coordinator prints the day's lists, an administrator
# signs in to manage accounts and settings.
FIRST_PAGES = {Role.NURSE: "reception", Role.DOCTOR: "exam", Role.COORDINATOR: "lists", Role.ADMIN: "admin"}


class LockScreen(Retranslating):
    """Covers the work while the laptop is idle: only the same user's password opens it again."""

    unlocked = Signal(object)  # SignedInUser
    switch_user = Signal()

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__()
        self._tasks = tasks
        self._ctx: StationContext | None = None
        self._user: SignedInUser | None = None
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

    def set_user(self, ctx: StationContext, user: SignedInUser) -> None:
        self._ctx, self._user = ctx, user
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Máy đã khoá"))
        self.who.setText(self.tr("Máy tự khoá vì lâu không dùng. {name}, hãy nhập mật khẩu để tiếp tục.").format(
            name=self._user.full_name if self._user else ""))
        self.unlock_button.setText(self.tr("Mở khoá"))
        self.switch_button.setText(self.tr("Đăng nhập tài khoản khác"))

    def submit(self) -> None:
        if self._ctx is None or self._user is None:
            return
        self.unlock_button.setEnabled(False)
        self._tasks.run(ops.unlock(self._ctx, user=self._user, password=self.password.text()), parent=self,
                        on_done=self._unlocked, on_error=self._refused)

    def _unlocked(self, user: SignedInUser) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        show_message(self.message, "")
        self.unlocked.emit(user)

    def _refused(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        report(self, self.message, exc)


class MainWindow(RetranslatedMixin, PagedNavigation, QMainWindow):
    """Header (station, user, lock, sign out) over four screens: opening/sign-in, the work, the lock.

    ``attach(ctx, station)`` once the data is open; ``begin_session(user)`` after sign-in builds the pages the
    user's role allows; ``sign_out()`` removes them again. ``MainWindow(ctx, user)`` does all three at once.
    """

    closed = Signal()  # the window was closed: the application ends
    settings_changed = Signal(object)  # Settings

    def __init__(self, ctx: StationContext | None = None, user: SignedInUser | None = None,
                 tasks: TaskRunner | None = None, settings: Settings | None = None) -> None:
        super().__init__()
        self.tasks = tasks or TaskRunner(self)
        self.settings = settings or (ctx.settings.load() if ctx else Settings())
        self.ctx: StationContext | None = None
        self.station: StationInfo | None = None
        self.user: SignedInUser | None = None
        self.pages: dict[str, QWidget] = {}
        self.uploader: UploadRunner | None = None  # the session's network sending (pages/export/upload_runner.py)
        self._nav_keys: list[str] = []  # the page key of each navigation row
        self.visit_events = VisitEvents(self)  # a visit changed on one page shows on every page listing visits
        self.resize(1180, 760)

        self.station_label, self.user_label = QLabel(), QLabel()
        self.station_label.setObjectName("subheading")
        self.station_label.setWordWrap(True)  # a long station and site name wraps instead of widening the window,
        self.station_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # in the room
        self.lock_button, self.sign_out_button = QPushButton(), QPushButton()
        self.lock_button.clicked.connect(self.lock)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.header = header_bar(self.station_label, self.user_label, self.lock_button, self.sign_out_button)
        self._build_work(nav_width=210)
        self._add_page_shortcuts()

        self.sign_in_screen = SignInScreen(self.tasks)
        self.sign_in_screen.signed_in.connect(self.begin_session)
        self.lock_screen = LockScreen(self.tasks)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_user.connect(self.sign_out)
        self._set_screens(self.header, self.sign_in_screen, self.work, self.lock_screen)

        self.idle = IdleWatcher(self.settings.idle_lock_minutes, self)
        self.idle.pause()
        self.idle.timed_out.connect(self.lock)
        self.sign_in_screen.set_language(self.settings.language)
        self.retranslate()
        if ctx is not None:
            self.attach(ctx, ctx.station.info())
            if user is not None:
                self.begin_session(user)

    # -- data and session -------------------------------------------------------------------------------
    def attach(self, ctx: StationContext, station: StationInfo | None, username: str = "") -> None:
        """The station's data is open: sign-in becomes possible (``station`` is None before set-up)."""
        self.ctx, self.station = ctx, station
        self.retranslate()
        if station is not None:
            same = station.site_name.strip() == station.name.strip()
            self.sign_in_screen.set_ready(ctx, station.name if same else f"{station.name} · {station.site_name}",
                                          username)

    def begin_session(self, user: SignedInUser) -> None:
        assert self.ctx is not None and self.station is not None
        self.user = user
        self.lock_screen.set_user(self.ctx, user)
        self._start_uploader(user)
        for key, _title, permission in PAGES:
            if can(user.role, permission):
                page = self._make_page(key)
                self.pages[key] = page
                self.stack.addWidget(page)
                self._nav_keys.append(key)
                self.nav.addItem(nav_item(len(self._nav_keys) - 1))
        self.screens.setCurrentWidget(self.work)
        self.nav.setEnabled(True)
        self.retranslate()
        first = FIRST_PAGES.get(Role(user.role))
        self.nav.setCurrentRow(self._nav_keys.index(first) if first in self._nav_keys else 0)
        self.idle.restart()

    def _start_uploader(self, user: SignedInUser) -> None:
        """Batches made but not yet acknowledged go on being sent whoever signs in, not only when a coordinator
        opens the export page; nothing starts when no upload address is known or nothing waits."""
        from station_app.ui.pages.export.upload_runner import UploadRunner

        self.uploader = UploadRunner(self.ctx, self.tasks, user, self)
        self.uploader.resume_if_waiting()

    def _make_page(self, key: str) -> QWidget:
        # Imported here, not at the top: the pages are needed after sign-in, and the window must appear at once.
        from station_app.ui.pages.admin import AdminPage
        from station_app.ui.pages.exam import ExamPage
        from station_app.ui.pages.export.page import ExportPage
        from station_app.ui.pages.lists import ListsPage
        from station_app.ui.pages.progress import ProgressPage
        from station_app.ui.pages.reception import ReceptionPage

        if key == "admin":
            page = AdminPage(self.ctx, self.tasks, self.user, self.settings)
            page.settings_changed.connect(self._apply_settings)
            return page
        if key == "reception":
            return ReceptionPage(self.ctx, self.tasks, self.station.site_id, self.user, self.settings, self.station,
                                 visits=self.visit_events)
        if key == "lists":
            return ListsPage(self.ctx, self.tasks, self.station.site_id, self.user)
        if key == "progress":
            return ProgressPage(self.ctx, self.tasks, self.user)
        if key == "exam":
            return ExamPage(self.ctx, self.tasks, self.station.site_id, self.user, self.settings,
                            visits=self.visit_events)
        return ExportPage(self.ctx, self.tasks, self.user, uploader=self.uploader)

    def sign_out(self) -> None:
        """Back to sign-in: the pages and everything they showed are destroyed, not just hidden."""
        if self.user is None:
            return
        user, self.user = self.user, None
        self.idle.pause()
        self._forget_signing_key()
        self.tasks.run(ops.record_session_event(self.ctx, action=AuditAction.SIGN_OUT, user=user), parent=self)
        self.nav.blockSignals(True)
        self.nav.clear()
        self._nav_keys.clear()
        self.nav.blockSignals(False)
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        if self.uploader is not None:  # a batch under way is sent again next time; the office answers replays alike
            self.uploader.cancel()
            self.uploader.deleteLater()
            self.uploader = None
        self.screens.setCurrentWidget(self.sign_in_screen)
        self.sign_in_screen.set_ready(self.ctx, self.sign_in_screen.status.text())
        self.retranslate()

    # -- language -----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        station = self.station.name if self.station else ""
        name = self.tr("Khám sức khỏe định kỳ")
        # Qt adds the display name to a title that does not end with it (the taskbar's, dialogs'): one language
        QGuiApplication.setApplicationDisplayName(name)
        self.setWindowTitle(f"{station} — {name}" if station else name)
        titles = {key: QCoreApplication.translate("MainWindow", title) for key, title, _ in PAGES}
        for row, key in enumerate(self._nav_keys):
            self.nav.item(row).setText(titles[key])
        if self.station is not None:
            same = self.station.site_name.strip() == self.station.name.strip()
            self.station_label.setText(self.station.name if same
                                       else f"{self.station.name} · {self.station.site_name}")
        else:
            self.station_label.setText(self.tr("Khám sức khỏe định kỳ"))
        signed_in = self.user is not None
        for widget in (self.user_label, self.lock_button, self.sign_out_button):
            widget.setVisible(signed_in)
        if signed_in:
            from station_app.ui.pages.admin import role_label

            self.user_label.setText(f"{self.user.full_name} ({role_label(self.user.role)})")
        self.lock_button.setText(self.tr("Khoá máy"))
        self.sign_out_button.setText(self.tr("Đăng xuất"))
        if self.ctx is not None:
            self.statusBar().showMessage(self.tr("Dữ liệu lưu tại: {folder}").format(folder=self.ctx.data_dir))

    # -- pages --------------------------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return list(self._nav_keys)

    # -- idle lock ----------------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if self.locked or self.user is None:
            return
        self.idle.pause()
        self._forget_signing_key()
        self.screens.setCurrentWidget(self.lock_screen)
        self.nav.setEnabled(False)
        self.lock_screen.password.setFocus()
        self.tasks.run(ops.record_session_event(self.ctx, action=AuditAction.LOCK, user=self.user), parent=self)

    def _forget_signing_key(self) -> None:
        """The examiner's opened token or key file (ui/exam/signing.py) lives for the session only."""
        session = getattr(self, "signing_session", None)
        if session is not None:
            session.clear()

    def unlock(self, user: SignedInUser) -> None:
        self.screens.setCurrentWidget(self.work)
        self.nav.setEnabled(True)
        self.idle.restart()
        self.pages[self.current_page_key()].refresh()

    def _apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.idle.set_minutes(settings.idle_lock_minutes)
        if self.user is None:
            self.idle.pause()
        for key in ("reception", "exam"):
            if key in self.pages:
                self.pages[key].apply_settings(settings)  # a new serial port or camera, without a restart
        self.settings_changed.emit(settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.idle.stop()
        self.tasks.wait()
        if self.user is not None and self.ctx is not None:
            try:
                self.ctx.audit.record(AuditAction.SIGN_OUT, entity="users", entity_id=self.user.id,
                                      user_id=self.user.id)
            except StationError:
                pass  # the sign-out record is a courtesy; closing must never fail
        super().closeEvent(event)
        self.closed.emit()
