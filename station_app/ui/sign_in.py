"""The sign-in screen of the main window: user name and password (or PIN), checked off the GUI thread."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout


from station_app.ui import i18n
from station_app.ui import operations as ops
from station_app.ui.errors import report
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser


class SignInScreen(Retranslating):
    """Shown while the data opens (fields disabled) and whenever nobody is signed in."""

    signed_in = Signal(object)  # SignedInUser
    language_chosen = Signal(str)

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__()
        self._tasks = tasks
        self._ctx: StationContext | None = None
        self.title = heading()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)  # a long station and site name goes on two lines, not cut off
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(lambda: self.language_chosen.emit(self.language.currentData()))
        self.message = message_label()
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.clicked.connect(self.submit)

        self.captions = [QLabel() for _ in range(3)]
        self.form = QFormLayout()
        for caption, field in zip(self.captions, (self.username, self.password, self.language), strict=True):
            self.form.addRow(caption, field)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.sign_in_button)
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(480)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.status)
        inner.addLayout(self.form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_ready(None, "")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Đăng nhập"))
        for caption, text in zip(self.captions, (self.tr("Tên đăng nhập"), self.tr("Mật khẩu hoặc mã PIN"),
                                                  self.tr("Ngôn ngữ")), strict=True):
            caption.setText(text)
        self.sign_in_button.setText(self.tr("Đăng nhập"))
        if self._ctx is None:
            self.status.setText(self.tr("Đang mở dữ liệu của trạm…"))

    def set_ready(self, ctx: StationContext | None, station_label: str, username: str = "") -> None:
        """Enable the form once the station's data is open (``ctx``), or disable it while it opens."""
        self._ctx = ctx
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(ctx is not None)
        if ctx is None:
            self.retranslate()
            return
        self.status.setText(station_label)
        self.username.setText(username)
        self.password.clear()
        show_message(self.message, "")
        (self.password if username else self.username).setFocus()

    def set_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # The language box is the form's last field: Enter there signs in, as it does in the password field.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.language.hasFocus():
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self._ctx is None or not self.sign_in_button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            show_message(self.message, self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        self.sign_in_button.setEnabled(False)
        show_message(self.message, "")
        self._tasks.run(ops.sign_in(self._ctx, username=username, password=password), parent=self,
                        on_done=self._succeeded, on_error=self._failed)

    def _succeeded(self, user: SignedInUser) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.signed_in.emit(user)

    def _failed(self, exc: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        report(self, self.message, exc)
