"""Sign-in: user name and password (or PIN); the check runs off the GUI thread (argon2 takes a moment)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from station_app.app import AppContext
from station_app.core.errors import StationError
from station_app.services.accounts import SignedInUser
from station_app.ui import i18n
from station_app.ui.errors import describe, show_error
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import heading, message_label, show_message


class SignInDialog(QDialog):
    signed_in = Signal(object)  # SignedInUser
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, station_label: str, username: str = "") -> None:
        super().__init__()
        self._ctx, self._tasks = ctx, tasks
        self.setMinimumWidth(460)
        self.title = heading()
        self.station = QLabel(station_label)
        self.station.setObjectName("hint")
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.message = message_label()
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.language.currentIndexChanged.connect(lambda: self.language_chosen.emit(self.language.currentData()))

        self.captions = [QLabel() for _ in range(3)]
        self.form = QFormLayout()
        for caption, field in zip(self.captions, (self.username, self.password, self.language), strict=True):
            self.form.addRow(caption, field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.station)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()
        (self.password if username else self.username).setFocus()

    def set_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)

    def changeEvent(self, event):  # noqa: N802, ANN001
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đăng nhập — Khám sức khỏe định kỳ"))
        self.title.setText(self.tr("Đăng nhập"))
        for caption, text in zip(self.captions, (self.tr("Tên đăng nhập"), self.tr("Mật khẩu hoặc mã PIN"),
                                                  self.tr("Ngôn ngữ")), strict=True):
            caption.setText(text)
        self.sign_in_button.setText(self.tr("Đăng nhập"))

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            show_message(self.message, self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        self.sign_in_button.setEnabled(False)
        show_message(self.message, "")
        self._tasks.submit(self._ctx.accounts.sign_in, username, password, on_done=self._succeeded,
                           on_error=self._failed, parent=self)

    def _succeeded(self, user: SignedInUser) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.signed_in.emit(user)

    def _failed(self, exc: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, StationError):
            show_message(self.message, describe(exc))
        else:
            show_error(self, exc)

    def keyPressEvent(self, event):  # noqa: N802, ANN001 - Escape must not close the only way in
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
