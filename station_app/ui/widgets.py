"""Small building blocks shared by pages and dialogs."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QDialog, QFrame, QHBoxLayout, QLabel, QLayout, QListWidget, QListWidgetItem, QPushButton,
                               QScrollArea, QStackedWidget, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout,
                               QWidget)


_SHORTCUT_ROLE = 256  # Qt.ItemDataRole.UserRole, without loading Qt's namespace before the first paint


class RetranslatedMixin:
    """Put before a Qt widget class: its ``retranslate()`` runs again on each language switch."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> None:
        raise NotImplementedError


class Retranslating(RetranslatedMixin, QWidget):
    """A widget whose texts are set in ``retranslate()``, called once and again on each language switch."""


def header_bar(*widgets: QWidget | None) -> QFrame:
    """A window's header: ``widgets`` left to right on one line, None where the free space goes."""
    header = QFrame()
    header.setObjectName("header")
    row = QHBoxLayout(header)
    for widget in widgets:
        row.addWidget(widget) if widget is not None else row.addStretch()
    return header


def scrolling_page(page: QWidget, fixed: Sequence[QWidget | QLayout], scrolled: Sequence[QWidget | QLayout]) -> None:
    """Lay ``page`` out: the ``fixed`` rows at the top, under them the ``scrolled`` ones in a frameless scroll area
    that takes the rest of the height."""
    body = QWidget()
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 8, 0)  # the scroll bar does not cover the right edge
    _add_all(column, scrolled)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 16, 20, 16)
    _add_all(layout, fixed)
    layout.addWidget(scroll, 1)


def desk_page(page: QWidget, rows: Sequence[QWidget | QLayout], body: QLayout) -> None:
    """Lay a desk page out (reception, exam): ``rows`` at the top (title, campaign banner, scan line, message…),
    ``body`` under them taking the rest of the height."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 14, 20, 14)
    _add_all(layout, rows)
    layout.addLayout(body, 1)


def _add_all(layout: QVBoxLayout, parts: Sequence[QWidget | QLayout]) -> None:
    for part in parts:
        layout.addLayout(part) if isinstance(part, QLayout) else layout.addWidget(part)


def load_once(parent: QObject, load: Callable[[], None]) -> QTimer:
    """A timer to ``start()`` on each filter change: changes made together (in one event) call ``load`` once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(load)
    return timer


def heading(level: int = 1) -> QLabel:
    label = QLabel()
    label.setObjectName("heading" if level == 1 else "subheading")
    label.setWordWrap(True)
    return label


def message_label() -> QLabel:
    """An inline message line: errors in red, results in green; empty and hidden until used."""
    label = QLabel()
    label.setObjectName("message")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str, ok: bool = False) -> None:
    # Qt's namespace costs ~20 ms of enum creation on first import: kept off the path to the first paint.
    from PySide6.QtCore import Qt

    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("ok", ok)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def confirm_row(dialog: QDialog, confirm_text: str, cancel_text: str) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """A dialog's bottom row: the default (Enter) button on the left, Cancel (Esc) on the right."""
    confirm, cancel = QPushButton(confirm_text), QPushButton(cancel_text)
    confirm.setObjectName("primary")
    confirm.setDefault(True)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addWidget(confirm)
    row.addStretch()
    row.addWidget(cancel)
    return confirm, cancel, row


def while_alive(widget: QWidget, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn`` wrapped to do nothing once ``widget`` is deleted: a background result or a deferred call may
    arrive after the page or dialog that asked for it was closed."""
    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)
    return call


class PagedNavigation:
    """The left navigation list of a window driving its stack of pages (the station's and the office's windows).

    The window has ``nav`` (a QListWidget, one row per page), ``stack`` (a QStackedWidget) and ``pages`` (key →
    page with ``refresh()``): ``_build_work`` makes the first two, ``_set_screens`` puts a header over the screens.
    """

    def _build_work(self, nav_width: int) -> None:
        """``work``: the navigation (``nav_width`` pixels wide) beside the stack of pages."""
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(nav_width)
        self.nav.currentRowChanged.connect(self._show_row)
        self.stack = QStackedWidget()
        self.work = QWidget()
        body = QHBoxLayout(self.work)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)

    def _set_screens(self, header: QWidget, *screens: QWidget) -> None:
        """The window's central widget: ``header`` over ``screens`` (a stack, one shown at a time)."""
        self.screens = QStackedWidget()
        for screen in screens:
            self.screens.addWidget(screen)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.screens, 1)
        self.setCentralWidget(central)  # the window is a QMainWindow

    def _add_page_shortcuts(self) -> None:
        """Ctrl+1, Ctrl+2… show the navigation's first, second… page; a row shows its keys when its
        ``Qt.ItemDataRole.UserRole`` holds them (``nav_item``)."""
        from PySide6.QtGui import QKeySequence, QShortcut

        self.nav.setItemDelegate(ShortcutDelegate(self.nav))
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self._shortcut_to(row))

    def _shortcut_to(self, row: int) -> None:
        if self.nav.isVisible() and self.nav.isEnabled() and row < self.nav.count():  # never past the lock screen
            self.nav.setCurrentRow(row)

    def page_keys(self) -> list[str]:
        return list(self.pages)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys().index(key))

    def current_page_key(self) -> str:
        return self.page_keys()[self.nav.currentRow()]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[self.page_keys()[row]]
        self.stack.setCurrentWidget(page)
        page.refresh()


def nav_item(row: int) -> QListWidgetItem:
    """A navigation row, its text set on retranslation, showing the Ctrl+number that opens it."""
    item = QListWidgetItem()
    item.setData(_SHORTCUT_ROLE, f"Ctrl+{row + 1}")
    return item


class ShortcutDelegate(QStyledItemDelegate):
    """Draws a navigation row's keys (Ctrl+1…) in small letters at its right edge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        keys = index.data(_SHORTCUT_ROLE)
        if not keys:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStyle

        painter.save()
        font = painter.font()
        font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.7))
        painter.setFont(font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor("#d7e6ee" if selected else "#5b6b73"))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(option.rect.adjusted(0, 0, -8, 0), int(right), keys)
        painter.restore()
