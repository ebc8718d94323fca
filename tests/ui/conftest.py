from __future__ import annotations

import gc

import pytest
import shiboken6
from support.gui import FakePrinters
from support.visits import make_doctor, open_visit

from PySide6.QtWidgets import QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from station_app.core.model import Role
from station_app.ui import errors, i18n
from station_app.ui.main import AppController, OpenedStation, prepare_application
from station_app.ui.main_window import MainWindow
from station_app.ui.scanning.keyboard_wedge import KeyboardWedgeFilter
from station_app.ui.tasks import TaskRunner


@pytest.fixture
def app(qapp):
    prepare_application([], "vi")
    yield qapp
    i18n.set_language("vi")


@pytest.fixture(autouse=True)
def printers(monkeypatch, tmp_path):
    """This laptop's printers in every GUI test: one default printer, whose printouts land as PDFs in a temporary
    folder (no test ever reaches a real printer). Tests that need other printers make their own FakePrinters."""
    return FakePrinters(monkeypatch, tmp_path / "printer", ("Máy in thử",), "Máy in thử")


@pytest.fixture
def tasks():
    """The pages' background-task helper, waited for at teardown so no task outlives the test's database."""
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def no_unexpected_errors(monkeypatch):
    """An unexpected error would open a modal dialog and hang the test: it fails it instead."""
    def fail(parent, exc):  # noqa: ANN001
        raise AssertionError(f"unexpected error dialog: {exc!r}")

    monkeypatch.setattr(errors, "show_error", fail)


@pytest.fixture
def coordinator(ctx, admin):
    """The station's coordinator, who works the lists, progress and export pages."""
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Lò Văn Thắng", role=Role.COORDINATOR, password="dieuphoi-26")
    return ctx.accounts.sign_in("dieu.phoi", "dieuphoi-26")


@pytest.fixture
def exam_page(app, qtbot, ctx, tasks):
    """``exam_page(user, width, height)``: the exam page of the station's own site shown for ``user``; stopped and
    hidden at teardown, its tasks waited for."""
    from support.gui import show_page

    from station_app.core.settings import Settings
    from station_app.ui.pages.exam import ExamPage

    made = []

    def make(user, width=1280, height=760):  # noqa: ANN001, ANN202 - a SignedInUser; the page
        made.append(show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, user, Settings()), width,
                              height))
        return made[-1]

    yield make
    for page in made:
        if shiboken6.isValid(page):
            page.sources.stop()
            page.hide()
    tasks.wait()


@pytest.fixture
def desk(app, ctx, admin, nurse, tasks):
    """A doctor's desk: ``(ctx, tasks, doctor, visit)``, the visit a woman's opened by the nurse."""
    return ctx, tasks, make_doctor(ctx, admin), open_visit(ctx, nurse)


@pytest.fixture
def make_controller(app, qtbot):
    """The app's window and controller on an already opened context (the real opening is tested on its own)."""
    made: list[AppController] = []

    def make(ctx) -> AppController:
        settings = ctx.settings.load()
        window = MainWindow(settings=settings)
        controller = AppController(window, settings, ctx.settings)
        station = ctx.station.info() if ctx.station.is_initialised() else None
        controller.opened_station(OpenedStation(ctx, None, station))
        window.show()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.window.close()
        controller.tasks.wait()
        if controller.wizard is not None:
            controller.wizard.hide()
            controller.wizard.deleteLater()
        controller.window.deleteLater()
    qtbot.wait(20)  # let Qt run the deferred deletions, outside any event handler
    made.clear()
    gc.collect()


@pytest.fixture
def controller(make_controller, ctx):
    return make_controller(ctx)


@pytest.fixture
def wedge_page(app, qtbot):
    """A plain page (a field, a box with a field, a button) with the keyboard-scanner filter installed."""
    page = QWidget()
    layout = QVBoxLayout(page)
    field = QLineEdit(page)
    box = QGroupBox(page)
    inner = QLineEdit(box)
    QVBoxLayout(box).addWidget(inner)
    button = QPushButton("OK", page)
    for widget in (field, box, button):
        layout.addWidget(widget)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wedge = KeyboardWedgeFilter(page)
    wedge.install()
    yield page, wedge, field, inner, button
    wedge.uninstall()
