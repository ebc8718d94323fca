"""The station's main window as a user meets it: signing in, and the window maximised on a 1366-pixel laptop."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from station_app.ui import i18n
from support.gui import type_text

MAXIMISED_AT_1366 = (1366, 698)  # the window's inside, maximised on a 1366×768 laptop: less a taskbar and a title


def sign_in(qtbot, controller, username: str, password: str) -> None:
    """Types the name and password into the sign-in screen and clicks the button."""
    dialog = controller.window.sign_in_screen
    dialog.username.clear()
    type_text(dialog.username, username)
    type_text(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def page_at_1366(qtbot, controller, login, password, language, key):
    """Signed in as ``login``, in ``language``, the window maximised at 1366 pixels, showing the page ``key``."""
    sign_in(qtbot, controller, login, password)
    window = controller.window
    qtbot.waitUntil(lambda: window.user is not None)
    i18n.set_language(language)
    window.resize(*MAXIMISED_AT_1366)
    window.show_page(key)
    return window.pages[key]


def settled(qtbot) -> None:
    """A few turns of the event loop, for layouts that settle over several passes."""
    for _ in range(3):
        qtbot.wait(20)
        QApplication.processEvents()
