"""In English, the interface shows no Vietnamese: every page's labels, buttons, boxes, tabs, headers, choices and
hints are walked, with the station's own data (its name, the user's name, residents' names) set aside. Numbers
are written the English way (22.5, not 22,5)."""
from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget,
                               QTreeView, QWidget)
from support import ADMIN_PASSWORD
from support.window import sign_in

from station_app.ui import i18n

VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
DECIMAL_COMMA = re.compile(r"(?<![\d,])\d+,\d{1,2}(?![\d,])")


def vietnamese(text: str) -> bool:
    """Letters only Vietnamese writes here: đ, or a vowel with a tone mark, a hat, a breve or a horn."""
    for ch in text:
        if ch in "đĐ":
            return True
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed[0].lower() in "aeiouy" and VIETNAMESE_MARKS.intersection(decomposed[1:]):
            return True
    return False


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for every text a person reads on ``root``: not the data in tables and lists."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str | None) -> None:
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName()}".strip(), text))

    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        if isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                add(widget, model.headerData(column, Qt.Orientation.Horizontal))
        add(widget, widget.toolTip())
    return found


def test_the_english_interface_has_no_vietnamese_left(qtbot, controller, ctx):
    from station_app.ui.printing import installed_printers

    sign_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    window = controller.window
    qtbot.waitUntil(lambda: window.user is not None)
    i18n.set_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Reception")
    station = ctx.station.info()
    # the station's data, and each language named in its own words in the language choice
    data = [t for t in (station.name, station.site_name, station.commune_name, station.campaign_name,
                        window.user.full_name, str(ctx.data_dir), *i18n.LANGUAGES.values(),
                        *installed_printers().names) if t]
    problems = []
    for key in window.page_keys():
        window.show_page(key)
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)
        page = window.pages[key]
        tabs = page.findChildren(QTabWidget)
        for tab_widget in tabs or [None]:
            for index in range(tab_widget.count() if tab_widget else 1):
                if tab_widget:
                    tab_widget.setCurrentIndex(index)
                    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)
                for where, text in shown_texts(page):
                    for known in data:
                        text = text.replace(known, "")
                    if vietnamese(text) or DECIMAL_COMMA.search(text):
                        problems.append((key, where, text))
    # Qt adds the application's display name to every window's title (the taskbar, Alt+Tab)
    title = f"{window.windowTitle()} {QGuiApplication.applicationDisplayName()}".replace(station.name, "")
    if vietnamese(title):
        problems.append(("window", "title", title))
    for where, text in shown_texts(window.header):
        for known in data:
            text = text.replace(known, "")
        if vietnamese(text):
            problems.append(("header", where, text))
    assert not problems, "\n".join(f"{k} · {w}: {t!r}" for k, w, t in sorted(set(problems)))
