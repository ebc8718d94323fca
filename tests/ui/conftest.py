from __future__ import annotations

import gc

import pytest

from station_app.ui import i18n
from station_app.ui.main import AppController, prepare_application


@pytest.fixture
def app(qapp):
    prepare_application([], "vi")
    yield qapp
    i18n.set_language("vi")


@pytest.fixture
def make_controller(app, qtbot):
    """Controllers started on a context; closed at teardown, outside Qt's event handling."""
    made: list[AppController] = []

    def make(ctx) -> AppController:
        controller = AppController(ctx, ctx.settings.load())
        controller.start()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.close_all()
    qtbot.wait(20)  # let Qt run the deferred deletions
    made.clear()
    gc.collect()


@pytest.fixture
def controller(make_controller, ctx):
    return make_controller(ctx)
