"""One cold start, in its own process: ``python -m bench.coldstart_child app|bare DATA_DIR``.

Prints one JSON line at the end: ``shown_ns`` (wall clock when the window's first paint was processed, compared
with the parent's spawn time), ``ready_ns`` (app only: when the station's data was open and sign-in could be
typed) and the seconds since this script began, by phase. ``app`` starts the app as ``station-app`` does;
``bare`` is the baseline: PySide6's widgets and an empty QMainWindow, nothing else.
"""
import time

STARTED = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

PHASES: dict[str, float] = {}
WALL_NS: dict[str, int] = {}


def _mark(phase: str) -> None:
    PHASES[phase] = time.perf_counter() - STARTED
    WALL_NS[phase] = time.time_ns()

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
    _process_until(app, lambda: painted and window.isVisible(), "window was never painted")
    window.removeEventFilter(watch)


def _process_until(app, condition, failure: str) -> None:  # noqa: ANN001
    deadline = time.perf_counter() + 30
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
    if not condition():
        raise SystemExit(failure)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _mark("imports")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
    _mark("window_built")
    _wait_for_first_paint(app, window)
    _mark("shown")


def real(data_dir: str) -> None:
    """The app's own start (``station_app.ui.main.start``): the window, then the data opening behind it."""
    from pathlib import Path

    from station_app.app import open_station
    from station_app.ui.main import start

    _mark("imports")
    app, controller = start(Path(data_dir), open_station)
    _mark("window_built")
    _wait_for_first_paint(app, controller.window)
    _mark("shown")
    screen = controller.window.sign_in_screen
    _process_until(app, screen.sign_in_button.isEnabled, "sign-in never became ready")
    _mark("ready")
    controller.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        real(sys.argv[2])
    print(json.dumps({"shown_ns": WALL_NS["shown"], "ready_ns": WALL_NS.get("ready"), "phases": PHASES}), flush=True)
