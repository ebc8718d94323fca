"""The vital-signs desk: saving a full adult set, and the keystrokes a nurse needs beyond the digits.

1. ``ExamService.save_vitals`` of a full adult set (16 typed values, BMI computed, flags, one audit event, the
   visit set in progress, the draft removed) against a bare SQLite INSERT of the same 17 rows + COMMIT, in the
   same run, with the same WAL settings.
2. The keys beyond the digits for a full adult set typed into the real form offscreen, with
   ``drive_full_adult_set`` — the same driver the GUI test uses (``tests/ui/test_vitals_form.py``).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

# (field key, what the nurse types) in the form's order; vision as decimal acuity ("0,8" for 8/10)
ADULT_SET = (
    ("height_cm", "158"), ("weight_kg", "52,5"), ("waist_cm", "76"), ("pulse", "78"),
    ("systolic_1", "128"), ("diastolic_1", "82"), ("systolic_2", "124"), ("diastolic_2", "80"),
    ("temperature_c", "36,8"), ("spo2", "98"), ("resp_rate", "18"), ("glucose_mmol", "5,4"),
    ("vision_right", "0,8"), ("vision_left", "0,7"), ("vision_right_glasses", "1"), ("vision_left_glasses", "1"),
)
FASTING_AFTER = "glucose_mmol"  # the fasting check box follows the glucose field: Space ticks it
KEYSTROKE_BUDGET = 23  # 17 Enter (16 fields and the check box; the last Enter saves), 5 decimal commas, 1 Space


class KeyCount:
    def __init__(self) -> None:
        self.digits = 0
        self.extra = 0


def drive_full_adult_set(form, app, wait_saved) -> KeyCount:  # noqa: ANN001 - Qt objects
    """Type the adult set into ``form`` (already loaded, first field focused) by key events sent to whatever
    has the focus, as a keyboard does; ``wait_saved()`` returns once the save has come back."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    count = KeyCount()

    def key(code: int, text: str = "") -> None:
        target = app.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))
        if text.isdigit():
            count.digits += 1
        else:
            count.extra += 1

    for field, typed in ADULT_SET:
        assert app.focusWidget() is form.edits[field], f"focus is not on {field}"
        for ch in typed:
            key(ord(ch) if ch.isdigit() else Qt.Key.Key_Comma, ch)
        key(Qt.Key.Key_Return)
        if field == FASTING_AFTER:
            assert app.focusWidget() is form.fasting
            key(Qt.Key.Key_Space, " ")
            key(Qt.Key.Key_Return)
    wait_saved()
    return count


def bench_exam(report, work: Path, runs: int = 200) -> None:  # noqa: ANN001
    from bench import __main__ as b
    from station_app.app import open_context
    from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
    from station_app.core.model import FundingSource, Sex
    from station_app.services.station.examination import parse_number
    from station_app.services.station.registry import ConsentInput, ResidentInput

    folder = b._station(work / "exam")
    ctx = open_context(folder)
    try:
        user = ctx.accounts.sign_in(b.NURSE, b.NURSE_PASSWORD)
        info = ctx.station.info()
        consent = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()))
        visits = []
        for i in range(runs + 1):  # the last one is typed into the form
            resident = ctx.registry.register_new(user, ResidentInput(f"Người đo {i}", Sex.FEMALE, 1960 + i % 40))
            visits.append(ctx.registry.open_visit(user, resident.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                                  funding_source=FundingSource.STATE_BUDGET, target_groups=[], consent=consent).id)
        values = {k: parse_number(v) for k, v in ADULT_SET}
        conn = _bare_table(work / "exam-bare.sqlite3")
        service, bare = [], []
        for n, visit_id in enumerate(visits[:-1]):  # alternated, so a busy moment of the machine hits both
            service += b._timed(lambda v=visit_id: ctx.exam.save_vitals(user, v, entries=values, fasting=True), 1)
            bare += b._timed(lambda v=visit_id, n=n: _bare_insert(conn, v, values, n), 1)
        conn.close()
        ratio = b._percentile(service, 50) / b._percentile(bare, 50)
        report.add(b.Figure(f"Save a full adult set of vital signs, ExamService.save_vitals + audit ({runs} runs)",
                            b._p(service), f"{b._p(bare)} (bare SQLite INSERT of the same 17 rows + COMMIT)", ratio,
                            "p95 < 100 ms", b._percentile(service, 95) < 0.100))
        report.notes.append(f"The audit chain verified after the vital-signs saves: {ctx.audit.verify().ok}.")
        count = _keystrokes(ctx, user, visits[-1])
        report.add(b.Figure("Keys beyond the digits for a full adult set of vital signs (keyboard only)",
                            f"{count.extra} keys ({count.digits} digits)", "—", None,
                            f"≤ {KEYSTROKE_BUDGET} (GUI test)", count.extra <= KEYSTROKE_BUDGET,
                            "Enter after each field and the fasting box, decimal commas, Space for fasting"))
    finally:
        ctx.close()


def _keystrokes(ctx, user, visit_id: str) -> KeyCount:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop

    from station_app.ui.exam.vitals_form import VitalsForm
    from station_app.ui.main import prepare_application
    from station_app.ui.tasks import TaskRunner

    app = prepare_application([])
    tasks = TaskRunner()
    form = VitalsForm(ctx, tasks, user)
    form.show()
    form.activateWindow()
    visit = ctx.registry.visit_by_id(visit_id)

    def settle(until) -> None:  # noqa: ANN001
        for _ in range(2000):
            if until():
                return
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            tasks.wait(5)
        raise TimeoutError

    form.load(visit)
    settle(lambda: form.isEnabled() and app.focusWidget() is form.first_field())
    count = drive_full_adult_set(form, app, lambda: settle(lambda: not form.saving and form.record.version >= 1))
    form.close()
    tasks.wait()
    return count


def _bare_table(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE m (visit_id TEXT, code TEXT, reading INTEGER, value REAL, unit TEXT, context TEXT, "
                 "flags TEXT, version INTEGER, recorded_at TEXT, UNIQUE (visit_id, code, reading, version))")
    return conn


def _bare_insert(conn: sqlite3.Connection, visit_id: str, values: dict, n: int) -> None:
    now = dt.datetime.now(dt.UTC).isoformat()
    rows = [(visit_id, k, 1, v, "", "{}", json.dumps({}), n, now) for k, v in values.items()]
    rows.append((visit_id, "bmi", 1, 21.0, "kg/m²", "{}", "{}", n, now))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
