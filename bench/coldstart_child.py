"""One cold start, in its own process: ``python -m bench.coldstart_child app|bare DATA_DIR``.

Prints one JSON line once the window is shown and its first paint has been processed: ``shown_ns`` (wall
clock, compared with the parent's spawn time) and the seconds since this script began, by phase. ``app``
builds the real main window on a station data folder; ``bare`` is the baseline: PySide6's widgets and an
empty QMainWindow, nothing else.
"""
import time

STARTED = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

PHASES: dict[str, float] = {}


def _mark(phase: str) -> None:
    PHASES[phase] = time.perf_counter() - STARTED

SIGNED_IN_AS = "bench.dieuduong"


def _wait_for_first_paint(app, window) -> None:  # noqa: ANN001 - Qt imported late on purpose
    from PySide6.QtCore import QEvent, QObject

    painted = []

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802, ANN001, ANN201
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    deadline = time.perf_counter() + 30
    while not (painted and window.isVisible()) and time.perf_counter() < deadline:
        app.processEvents()
    if not painted:
        raise SystemExit("window was never painted")


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _mark("imports")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
    _mark("window_built")
    _wait_for_first_paint(app, window)


def real(data_dir: str) -> None:
    from pathlib import Path

    from station_app.app import open_context
    from station_app.services.accounts import SignedInUser
    from station_app.ui.main import prepare_application
    from station_app.ui.main_window import MainWindow

    _mark("imports")
    app = prepare_application(sys.argv[:1])
    _mark("application")
    ctx = open_context(Path(data_dir))
    _mark("database")
    # The user as the sign-in dialog would hand it over; checking a password is measured on its own.
    info = next(u for u in ctx.accounts.list_users(None) if u.username == SIGNED_IN_AS)
    window = MainWindow(ctx, SignedInUser(info.id, info.username, info.full_name, info.role))
    _mark("window_built")
    _wait_for_first_paint(app, window)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        real(sys.argv[2])
    _mark("shown")
    print(json.dumps({"shown_ns": time.time_ns(), "phases": PHASES}), flush=True)
