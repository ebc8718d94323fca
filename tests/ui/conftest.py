from __future__ import annotations

import pytest

from station_app.ui import i18n
from station_app.ui.main import AppController, prepare_application


@pytest.fixture
def app(qapp):
    prepare_application([], "vi")
    yield qapp
    i18n.set_language("vi")


@pytest.fixture
def controller(app, ctx, qtbot):
    c = AppController(ctx, ctx.settings.load())
    c.start()
    yield c
    c.tasks.wait()
    for w in (c.window, c.sign_in, c.wizard):
        if w is not None:
            w.hide()
            w.deleteLater()
