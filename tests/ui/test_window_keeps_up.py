"""The main window as a doctor, a nurse and a coordinator use it: each starts on the page of their first job,
Ctrl+1… switches pages, and a visit's new state shows in every queue as soon as a desk changes it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from support.pl01 import answer_everything
from support.visits import add_vitals, open_visit
from support import ADMIN_PASSWORD, NURSE_PASSWORD
from support.window import sign_in

from station_app.core.model import Role, VisitStatus
from station_app.ui.labels import status_label

DOCTOR_PASSWORD = "bacsi-2026"


def signed_in(qtbot, controller, username: str, password: str):
    sign_in(qtbot, controller, username, password)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    return controller.window


def press(widget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the keyboard sends it, to the widget with the focus (shortcuts included)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def test_each_role_starts_on_the_page_of_its_first_job(qtbot, controller, ctx, admin, nurse):
    ctx.accounts.add_user(admin, "bs.lan", full_name="Lò Thị Lan", role=Role.DOCTOR, password=DOCTOR_PASSWORD)
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Vàng Thị Mai", role=Role.COORDINATOR, password="dieuphoi-26")
    firsts = {}
    for username, password in (("y.ta.hoa", NURSE_PASSWORD), ("bs.lan", DOCTOR_PASSWORD),
                               ("dieu.phoi", "dieuphoi-26"), ("admin", ADMIN_PASSWORD)):
        window = signed_in(qtbot, controller, username, password)
        firsts[username] = window.current_page_key()
        assert window.stack.currentWidget() is window.pages[firsts[username]]
        window.sign_out()
    assert firsts == {"y.ta.hoa": "reception", "bs.lan": "exam", "dieu.phoi": "lists", "admin": "admin"}


def test_ctrl_and_a_number_switches_pages_and_the_navigation_shows_it(qtbot, controller, doctor):
    window = signed_in(qtbot, controller, "bs.lan", DOCTOR_PASSWORD)
    assert window.page_keys() == ["reception", "exam", "lists"]
    shown = [window.nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.nav.count())]
    assert shown == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for key, page in ((Qt.Key.Key_1, "reception"), (Qt.Key.Key_3, "lists"), (Qt.Key.Key_2, "exam")):
        press(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == page
    press(QApplication.focusWidget(), Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # no sixth page: nothing
    assert window.current_page_key() == "exam"
    window.lock()
    press(window.lock_screen.password, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and window.current_page_key() == "exam"  # the lock screen hides the work: no way past it


def test_a_visit_completed_at_the_doctors_desk_shows_in_every_queue_at_once(qtbot, controller, ctx, nurse, doctor):
    visit = open_visit(ctx, nurse)
    add_vitals(ctx, visit.id, systolic=118)
    answer_everything(ctx, doctor, visit.id)  # the national form's own tabs, so the doctor's desk completes it
    window = signed_in(qtbot, controller, "bs.lan", DOCTOR_PASSWORD)
    window.show_page("exam")
    exam = window.pages["exam"]
    qtbot.waitUntil(lambda: exam.queue.count() == 1)
    assert exam.queue.item(0).text().endswith(status_label(VisitStatus.IN_PROGRESS))  # the national tabs answered
    press(exam.queue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: exam.visit is not None)
    form = next(form for form, _title in exam.desks if type(form).__name__ == "DoctorForm")
    exam.show_desk(form)
    qtbot.waitUntil(lambda: form.state is not None)
    for _ in range(form.history.count()):
        qtbot.keyClick(form.history, Qt.Key.Key_N)
    for section in form.sections.values():
        qtbot.keyClick(section.nad, Qt.Key.Key_K)
    press(form.advice, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctx.registry.visit_by_id(visit.id).status == VisitStatus.COMPLETED)
    # the queue beside the desk says so without the doctor touching it
    qtbot.waitUntil(lambda: exam.queue.item(0).text().endswith(status_label(VisitStatus.COMPLETED)))
    window.show_page("reception")
    reception = window.pages["reception"]
    qtbot.waitUntil(lambda: reception.queue_model.rowCount() == 1)
    assert reception.queue_model.index(0, 2).data() == status_label(VisitStatus.COMPLETED)


def test_the_window_opens_maximised_and_every_page_fits_a_1366_by_768_laptop(qtbot, app, ctx, admin, monkeypatch):
    """The first window fills the laptop's screen; no page asks for more than 1366×768 less a taskbar."""
    from station_app.ui import main

    monkeypatch.setattr(main.AppController, "open", lambda self, data_dir: None)  # the window only, no station
    _app, started = main.start(ctx.data_dir, opener=None)  # never called: open is patched above
    window = started.window
    try:
        qtbot.waitUntil(lambda: window.isVisible())
        assert window.isMaximized()
        window.attach(ctx, ctx.station.info())
        window.begin_session(admin)
        sizes = {}
        for key in window.page_keys():
            window.show_page(key)
            qtbot.wait(30)
            hint = window.minimumSizeHint()
            sizes[key] = (hint.width(), hint.height())
        assert all(w <= 1366 and h <= 768 - 40 - 30 for w, h in sizes.values()), sizes  # a taskbar, a title bar
    finally:
        # closing the started window quits the application, with no event loop running here: the later tests'
        # timers and background lanes would stop answering (the idle lock and the admin page's tests timed out)
        window.closed.disconnect()
        window.close()
        started.tasks.wait()
