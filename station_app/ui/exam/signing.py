"""Signing at the desk: after a save the examiner's parts are signed with their registered certificate; the token's
PIN (or the .p12 passphrase) is asked once per session in a small dialog and the opened key is kept in memory on
the session only (``SigningSession``, cleared at sign-out and at the idle lock). Without a certificate, or when the
examiner cancels, the part stays saved "chưa ký" and a quiet line says so: nothing blocks the visit. The
"Chưa ký số" dialog lists the examiner's unsigned parts and signs the chosen ones ("Ký bây giờ").

Threading: opening the key and signing run on the database lane (they read and write signatures); the dialogs and
labels are touched on the GUI thread only.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from station_app.core.pl01_signing import PART_LABELS
from station_app.ui.errors import describe, expected
from station_app.ui.tasks import Operation
from station_app.ui.widgets import message_label, show_message

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Signing", text)


def _part_label(part: str) -> str:
    return QCoreApplication.translate("signing", PART_LABELS[part]) if part in PART_LABELS else part


class SigningSession:
    """The signed-in examiner's opened key for this session (never the PIN itself), or that they declined."""

    def __init__(self) -> None:
        self.signer: Any = None
        self.declined = False

    def clear(self) -> None:
        """Forget the key (sign-out, idle lock): a token's session is logged out."""
        signer, self.signer, self.declined = self.signer, None, False
        close = getattr(signer, "close", None)
        if close is not None:
            close()


def session_of(widget: QWidget) -> SigningSession:
    """The session of the window ``widget`` is in (made on first use: a desk shown alone has its own)."""
    window = widget.window()
    session = getattr(window, "signing_session", None)
    if session is None:
        session = SigningSession()
        window.signing_session = session
    return session


class SecretDialog(QDialog):
    """Asks the token's PIN or the .p12 file's passphrase; the text never leaves this dialog but to open the key."""

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Ký số"))
        question = QLabel(_tr("Nhập mã PIN của USB ký số (hỏi một lần cho phiên làm việc này):") if source == "token"
                          else _tr("Nhập mật khẩu của tệp chứng thư số .p12 (hỏi một lần cho phiên làm việc này):"))
        question.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        ok, skip = QPushButton(_tr("Ký")), QPushButton(_tr("Để sau (Esc)"))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        skip.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(skip)
        row.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.secret)
        layout.addLayout(row)


def ask_secret(parent: QWidget, source: str) -> str | None:
    """The PIN or passphrase typed, or None when the examiner leaves signing for later (tests replace this)."""
    dialog = SecretDialog(source, parent)
    try:
        return dialog.secret.text() or None if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.secret.clear()
        dialog.deleteLater()


class KeyOpener(QObject):
    """Gets the session's key, asking the secret when needed, then calls ``then(signer)`` on the GUI thread;
    ``quiet(text)`` gets the line to show when there is none."""

    def __init__(self, ctx: Any, tasks: Any, user: Any, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx, self.tasks, self.user, self.owner = ctx, tasks, user, owner

    def with_key(self, then: Callable[[Any], None], quiet: Callable[[str], None], *, ask_again: bool) -> None:
        self.tasks.run(Operation(functools.partial(self.ctx.signatures.certificate_of, self.user.id)),
                       parent=self.owner, on_done=lambda registered: self._registered(registered, then, quiet,
                                                                                      ask_again),
                       on_error=lambda exc: quiet(_sentence(exc)))

    def _registered(self, registered: Any, then: Callable[[Any], None], quiet: Callable[[str], None],
                    ask_again: bool) -> None:
        if registered is None:
            quiet(_tr("Chưa ký số: tài khoản chưa đăng ký chứng thư số (nhờ quản trị viên đăng ký)."))
            return
        session = session_of(self.owner)
        if session.signer is not None:
            then(session.signer)
            return
        if session.declined and not ask_again:
            quiet(_tr("Đã lưu, chưa ký số. Ký sau trong danh sách Chưa ký số (Ctrl+K)."))
            return
        secret = ask_secret(self.owner, registered.source)
        if secret is None:
            session.declined = True
            quiet(_tr("Đã lưu, chưa ký số. Ký sau trong danh sách Chưa ký số (Ctrl+K)."))
            return
        self.tasks.run(Operation(functools.partial(self.ctx.signatures.open_signer, self.user, secret)),
                       parent=self.owner, on_done=lambda signer: self._opened(signer, then),
                       on_error=lambda exc: quiet(_sentence(exc)))

    def _opened(self, signer: Any, then: Callable[[Any], None]) -> None:
        session = session_of(self.owner)
        session.signer, session.declined = signer, False
        then(signer)


def _sentence(exc: BaseException) -> str:
    """An expected error's Vietnamese sentence (a certificate expired, a wrong PIN); anything else is logged."""
    from station_app.core.errors import StationError

    exc = expected(exc)
    if isinstance(exc, StationError):
        return describe(exc)
    log.error("signing failed: %s", type(exc).__name__, exc_info=exc)
    return _tr("Chưa ký số được (lỗi không mong đợi, xem nhật ký). Phần khám vẫn được lưu.")


class SignatureBar(QWidget):
    """Under the desks: each part of the visit on screen, "Đã ký số <ngày> – <người ký>" or "Chưa ký số", and the
    quiet line of the last signing. ``after_save(visit_id)`` signs what the examiner just saved."""

    signed = Signal(str)  # the visit id

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.user = ctx, tasks, user
        self.visit_id: str | None = None
        self.parts_line = QLabel()
        self.parts_line.setObjectName("signature_parts")
        self.parts_line.setWordWrap(True)
        self.status = message_label()
        self.status.setObjectName("signature_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.parts_line)
        layout.addWidget(self.status)
        self.keys = KeyOpener(ctx, tasks, user, self)

    def show_visit(self, visit_id: str | None) -> None:
        self.visit_id = visit_id
        self.parts_line.clear()
        if visit_id is not None:
            self.tasks.run(Operation(functools.partial(self.ctx.signatures.parts_of, self.user, visit_id)),
                           parent=self, on_done=self._shown, on_error=lambda exc: self.quiet(_sentence(exc)))

    def _shown(self, states: Any) -> None:
        if states.visit_id != self.visit_id:
            return
        lines = [_state_text(s) for s in (*states.parts, *([states.conclusion] if states.conclusion else []))]
        self.parts_line.setText(" · ".join(lines))

    def after_save(self, visit_id: str, conclude: bool = False) -> None:
        """Signs the examiner's parts of ``visit_id`` just saved (and with ``conclude`` the conclusion)."""
        if self.user is None:
            return
        self.keys.with_key(lambda signer: self._sign(visit_id, signer, conclude), self.quiet, ask_again=False)

    def _sign(self, visit_id: str, signer: Any, conclude: bool) -> None:
        self.tasks.run(Operation(functools.partial(self.ctx.signatures.sign_mine, self.user, visit_id, signer,
                                                   conclude=conclude)),
                       parent=self, on_done=self._signed, on_error=lambda exc: self._not_signed(visit_id, exc))

    def _signed(self, done: Any) -> None:
        count = len(done.parts) + (1 if done.conclusion else 0)
        show_message(self.status, _tr("Đã ký số {n} phần.").format(n=count) if count else "", ok=True)
        self.signed.emit(done.visit_id)
        if done.visit_id == self.visit_id:
            self.show_visit(done.visit_id)

    def _not_signed(self, visit_id: str, exc: BaseException) -> None:
        self.quiet(_sentence(exc))
        if visit_id == self.visit_id:
            self.show_visit(visit_id)

    def quiet(self, text: str) -> None:
        show_message(self.status, text)


def _state_text(state: Any) -> str:
    label = _part_label(state.part)
    if state.state == "signed":
        return _tr("{part}: Đã ký số {date} – {name}").format(
            part=label, date=f"{state.signed_at:%d/%m/%Y}", name=state.signer_name or "")
    if state.state == "stale":
        return _tr("{part}: Chưa ký số (đã sửa sau khi ký)").format(part=label)
    return _tr("{part}: Chưa ký số").format(part=label)


class UnsignedDialog(QDialog):
    """"Chưa ký số": the signed-in examiner's parts not yet signed (Space ticks one, Ctrl+A all); "Ký bây giờ"
    (Alt+K) signs the ticked ones with the session's key."""

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.user = ctx, tasks, user
        self.setWindowTitle(_tr("Chưa ký số"))
        self.items = QListWidget()
        self.message = message_label()
        self._just_signed = ""
        self.sign_button = QPushButton(_tr("&Ký bây giờ"))
        self.sign_button.clicked.connect(self.sign_now)
        close = QPushButton(_tr("Đóng (Esc)"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(close)
        row.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr("Các phần khám bạn đã lưu nhưng chưa ký số (Space: chọn, Ctrl+A: chọn hết):")))
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        self.keys = KeyOpener(ctx, tasks, user, self)
        self.resize(640, 420)
        self.load()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_A and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            for index in range(self.items.count()):
                self.items.item(index).setCheckState(Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)

    def load(self) -> None:
        self.tasks.run(Operation(functools.partial(self.ctx.signatures.unsigned, self.user, by_user=self.user.id)),
                       parent=self, on_done=self._loaded, on_error=lambda exc: show_message(self.message,
                                                                                            _sentence(exc)))

    def _loaded(self, parts: list[Any]) -> None:
        self.items.clear()
        for p in parts:
            stale = _tr(" (đã sửa sau khi ký)") if p.state == "stale" else ""
            item = QListWidgetItem(f"{p.visit_date:%d/%m/%Y} · {p.resident_name} · {_part_label(p.part)}{stale}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (p.visit_id, p.part))
            self.items.addItem(item)
        if not parts:
            # Keeps what was just signed in view: the reload after signing must not wipe "Đã ký số n phần."
            done = self._just_signed
            show_message(self.message, " ".join(t for t in (done, _tr("Không còn phần nào chưa ký số.")) if t),
                         ok=True)
        self._just_signed = ""
        self.items.setCurrentRow(0)
        self.items.setFocus()

    def chosen(self) -> list[tuple[str, str]]:
        picked = [self.items.item(i) for i in range(self.items.count())
                  if self.items.item(i).checkState() == Qt.CheckState.Checked]
        if not picked and self.items.currentItem() is not None:
            picked = [self.items.currentItem()]
        return [item.data(Qt.ItemDataRole.UserRole) for item in picked]

    def sign_now(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.keys.with_key(lambda signer: self._sign(chosen, signer),
                               lambda text: show_message(self.message, text), ask_again=True)

    def _sign(self, chosen: list[tuple[str, str]], signer: Any) -> None:
        self.tasks.run(Operation(functools.partial(_sign_parts, self.ctx, self.user, chosen, signer)), parent=self,
                       on_done=self._signed, on_error=lambda exc: show_message(self.message, _sentence(exc)))

    def _signed(self, count: int) -> None:
        self._just_signed = _tr("Đã ký số {n} phần.").format(n=count)
        show_message(self.message, self._just_signed, ok=True)
        self.load()


def _sign_parts(ctx: Any, user: Any, chosen: list[tuple[str, str]], signer: Any) -> int:
    """On the lane: signs each chosen (visit, part)."""
    for visit_id, part in chosen:
        ctx.signatures.sign_part(user, visit_id, part, signer)
    return len(chosen)
