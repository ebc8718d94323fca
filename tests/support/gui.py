"""Driving widgets as a user does. One key event per character: qtbot.keyClicks aborts on non-ASCII text."""
from __future__ import annotations

import os
import random
from pathlib import Path

import qrcode
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def post_keys(widget: QWidget, text: str, start_ms: int, gap_ms: int = 3, enter: bool = True) -> int:
    """A burst as the platform delivers it (a scanner's, or typing): ``text`` as a keyboard types it, Shift
    around capitals and ``|`` (``hid_keystrokes``), each event ``gap_ms`` after the last from ``start_ms``,
    ending with Enter unless ``enter`` is False. Returns the next free timestamp."""
    return post_keystrokes(widget, hid_keystrokes(text, enter=enter), start_ms, gaps=(gap_ms, gap_ms))


# What a USB HID keyboard, or a scanner in keyboard mode, sends: Shift (and AltGr, on some layouts) pressed and
# released around each character that needs it, every key pressed then released, each event with its own time.
SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')
_PRESS, _RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
_MODIFIER_OF = {Qt.Key.Key_Shift: Qt.KeyboardModifier.ShiftModifier,
                Qt.Key.Key_AltGr: Qt.KeyboardModifier.GroupSwitchModifier,
                Qt.Key.Key_Control: Qt.KeyboardModifier.ControlModifier,
                Qt.Key.Key_Meta: Qt.KeyboardModifier.MetaModifier,
                Qt.Key.Key_Alt: Qt.KeyboardModifier.AltModifier}
KeyStep = tuple  # (event type, key, modifiers, text)


def _chord(modifier_keys: list[Qt.Key], key: int, text: str) -> list[KeyStep]:
    """The modifiers pressed in order, the key pressed and released with all of them, then the modifiers released
    in reverse order. A modifier's own event is made with the state before it, as the platform makes it: Qt then
    reports Shift's press with ShiftModifier and its release without."""
    steps, held = [], Qt.KeyboardModifier.NoModifier
    for modifier in modifier_keys:
        steps.append((_PRESS, modifier, held, ""))
        held |= _MODIFIER_OF[modifier]
    if key or text:
        steps += [(_PRESS, key, held, text), (_RELEASE, key, held, text)]
    for modifier in reversed(modifier_keys):
        steps.append((_RELEASE, modifier, held, ""))
        held &= ~_MODIFIER_OF[modifier]
    return steps


def hid_keystrokes(text: str, *, enter: bool = True, altgr: str = "", stray: Qt.Key | None = None,
                   stray_every: int = 10, line_feed: bool = False) -> list[list[KeyStep]]:
    """``text`` as keystrokes: Shift around capitals and shifted signs (``|``), AltGr around the characters in
    ``altgr``; ``stray`` (Control, Meta…) pressed and released alone before every ``stray_every``-th character, as
    some scanners' layouts do; Enter at the end (``line_feed``: a line feed, key 0x0a as X11 reports it). A
    character beyond ASCII comes as its Unicode text, as a scanner set to send Unicode types it. One list of steps
    per keystroke."""
    strokes = []
    for index, ch in enumerate(text):
        if stray is not None and index and index % stray_every == 0:
            strokes.append(_chord([stray], 0, ""))
        modifiers = ([Qt.Key.Key_AltGr] if ch in altgr else []) + ([Qt.Key.Key_Shift] if ch.isupper() or ch in SHIFTED
                                                                   else [])
        upper = ch.upper()
        strokes.append(_chord(modifiers, ord(upper) if len(upper) == 1 else 0, ch))
    if enter:
        strokes.append(_chord([], 0x0A, "\n") if line_feed else _chord([], Qt.Key.Key_Return, "\r"))
    return strokes


def post_keystrokes(widget: QWidget, strokes: list[list[KeyStep]], start_ms: int, gaps: tuple[int, int] = (1, 15),
                    chord_gaps: tuple[int, int] | None = None, seed: int = 7) -> int:
    """Queue the keystrokes' events to ``widget`` with real, increasing timestamps: ``gaps`` ms (drawn between
    the two bounds) between keystrokes, ``chord_gaps`` (default: the same) between the events of one keystroke.
    A scanner: ``gaps=(1, 15)``; a person: ``gaps=(80, 200), chord_gaps=(10, 30)``. Returns the next free time."""
    draw = random.Random(seed)
    stamp = start_ms
    for stroke in strokes:
        for index, (kind, key, modifiers, text) in enumerate(stroke):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(stamp)
            QApplication.postEvent(widget, event)
            last = index == len(stroke) - 1
            stamp += draw.randint(*(gaps if last else chord_gaps or gaps))
    return stamp


def qr_picture(texts, left: int = 80, gap: int = 60) -> Image.Image:
    """A camera-sized grey picture of the texts' QR codes side by side, as printed slips or cards held up."""
    canvas = Image.new("L", (1280, 720), 128)
    x = left
    for text in texts:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=5, border=4)
        code.add_data(text.encode("utf-8"))
        picture = code.make_image().get_image().convert("L")
        canvas.paste(picture, (x, (720 - picture.height) // 2))
        x += picture.width + gap
    return canvas


def press_enter(widget: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))


def load_form(qtbot, form: QWidget, visit, size: tuple[int, int] | None = None, *, show: bool = True,
              owned: bool = True) -> QWidget:
    """A desk form (doctor, counselling) with the visit loaded, once its state has come back from the database.

    ``owned=False`` leaves the form to the test, which closes it itself (as the app does when it quits)."""
    if owned:
        qtbot.addWidget(form)
    if size is not None:
        form.resize(*size)
    if show:
        form.show()
    form.load(visit)
    qtbot.waitUntil(lambda: form.state is not None)
    return form


def show_page(qtbot, page: QWidget, width: int, height: int) -> QWidget:
    """The page shown at its size in the window, exposed and active (it takes the keyboard), its data loading."""
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.refresh()
    return page


class FakeScannerDevice:
    """A pty pair standing for a USB scanner in serial mode; ``link`` is the stable port name, like COM3 on Windows."""

    def __init__(self, folder: Path) -> None:
        self.link = folder / "may-quet"
        self.master: int | None = None
        self.slave: int | None = None

    def plug(self) -> None:
        import pty  # POSIX only, as are the serial scanner tests

        self.master, self.slave = pty.openpty()
        fresh = self.link.with_name("new-link")
        fresh.symlink_to(os.ttyname(self.slave))
        fresh.replace(self.link)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
        os.close(self.slave)
        self.master = self.slave = None


def _to_pdf(printer, path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))


def preview_prints_to(monkeypatch, path: Path) -> None:
    """The print preview accepted on a PDF printer (as choosing one there would): the printout lands in ``path``."""
    from station_app.ui import printing

    def accept(printer, paint, parent) -> bool:  # noqa: ANN001
        _to_pdf(printer, path)
        paint(printer)
        return True

    monkeypatch.setattr(printing, "ask_preview", accept)


def printer_prints_to(monkeypatch, path: Path) -> None:
    """The printer dialog (no preview) answered with a PDF printer: the printout lands in ``path``."""
    from station_app.ui import printing

    def accept(printer, parent) -> bool:  # noqa: ANN001
        _to_pdf(printer, path)
        return True

    monkeypatch.setattr(printing, "ask_printer", accept)


class FakePrinters:
    """The printer hardware faked at its seam (``printing.installed_printers``, ``open_printer``, ``ask_printer``):
    ``names`` installed, ``default`` the default one. Whatever is printed lands as a PDF in ``folder``; ``opened``
    holds the printer name each print was sent to, ``dialogs`` the print dialogs shown (each answered with
    ``dialog_answer``)."""

    def __init__(self, monkeypatch, folder: Path, names: tuple[str, ...] = (), default: str | None = None,
                 dialog_answer: bool = True) -> None:
        from station_app.ui import printing

        self.folder, self.dialog_answer = folder, dialog_answer
        self.opened: list[str | None] = []
        self.dialogs = 0
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setattr(printing, "installed_printers",
                            lambda: printing.InstalledPrinters(tuple(names), default))
        monkeypatch.setattr(printing, "open_printer", self._open)
        monkeypatch.setattr(printing, "ask_printer", self._ask)

    def _open(self, name: str | None):  # noqa: ANN202 - a QPrinter
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.opened.append(name)
        _to_pdf(printer, self.folder / f"printed-{len(self.opened)}.pdf")
        return printer

    def _ask(self, printer, parent) -> bool:  # noqa: ANN001
        self.dialogs += 1
        if printer.outputFileName() == "":  # a printer made elsewhere (lists): printed to a file all the same
            _to_pdf(printer, self.folder / f"dialog-{self.dialogs}.pdf")
        return self.dialog_answer

    @property
    def printed(self) -> list[Path]:
        """The printouts, in order (a cancelled dialog prints nothing)."""
        return sorted(self.folder.glob("printed-*.pdf"), key=lambda p: int(p.stem.split("-")[1]))


def scripted_user_dialog():  # noqa: ANN201 - a UserDialog subclass
    """The administration page's account dialog, standing in for the modal one: it fills itself as the administrator
    would (``values``: username, full_name, role, password) and accepts. A class made per call, so tests never
    share its values."""
    from PySide6.QtWidgets import QDialog

    from station_app.ui.pages.admin import UserDialog

    class ScriptedUserDialog(UserDialog):
        values: dict[str, str] = {}

        def exec(self) -> int:
            if not self.resetting:
                type_text(self.username, self.values["username"])
                type_text(self.full_name, self.values["full_name"])
                self.role.setCurrentIndex(self.role.findData(self.values["role"]))
            type_text(self.password, self.values["password"])
            type_text(self.repeat, self.values["password"])
            return QDialog.DialogCode.Accepted

    return ScriptedUserDialog
