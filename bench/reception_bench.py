"""The reception page measured as the nurse sees it, over the demo station's residents (500,000 by default).

1. Scan to resident shown: a CCCD payload handed to ``ReceptionPage.handle_scan`` (what every scanner calls)
   until the resident card shows that resident; baseline: the same scans through the services alone
   (``parse_payload`` + ``RegistryService.find_or_propose``) in the same run.
2. Search as you type including the table update: each keystroke's text set in the search field and
   ``run_search`` called (the debounce skipped) until the results table holds that keystroke's rows;
   baseline: ``RegistryService.search`` alone on the same keystrokes.
"""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from pathlib import Path

SCANS = 150
# Block in the event loop until something arrives, as the app's own loop does: a busy processEvents() loop
# would hold the GIL against the worker thread doing the search.
WAIT = None  # QEventLoop.ProcessEventsFlag.WaitForMoreEvents, set when Qt is loaded
TYPED_NAMES = 40


def bench_reception(report, work: Path, residents: int = 500_000) -> None:  # noqa: ANN001
    from bench import __main__ as b
    from bench.registry_bench import demo_station
    from station_app.app import open_context
    from station_app.core.qr_payloads import parse_payload
    from station_app.services.common.accounts import SignedInUser
    from station_app.ui.main import prepare_application
    from station_app.ui.pages.reception import ReceptionPage
    from station_app.ui.tasks import TaskRunner

    global WAIT
    from PySide6.QtCore import QEventLoop

    WAIT = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    folder = demo_station(work, residents)
    people = _people(folder / "station.sqlite3", SCANS)
    payloads = [_cccd_payload(*p) for p in people]
    typed = [name[:i] for name in random.Random(7).sample([p[1] for p in people], TYPED_NAMES)
             for i in range(1, len(name) + 1)]
    app = prepare_application([])
    ctx = open_context(folder)
    try:
        info = next(u for u in ctx.accounts.list_users(None) if u.active)
        user = SignedInUser(info.id, info.username, info.full_name, info.role)
        station = ctx.station.info()
        tasks = TaskRunner()
        page = ReceptionPage(ctx, tasks, station.site_id, user, station=station)
        page.resize(1180, 700)
        page.show()
        _settle(app, tasks)
        shown = [_scan_once(app, page, payload, nid) for payload, (nid, *_rest) in zip(payloads, people)]
        today = dt.date.today()
        bare_scan = [_timed(lambda p=p: ctx.registry.find_or_propose(parse_payload(p, today))) for p in payloads]
        keystrokes = [_keystroke(app, page, text) for text in typed]
        bare_search = [_timed(lambda t=t: ctx.registry.search(t, limit=50, offset=0)) for t in typed]
        page.hide()
        tasks.wait()
    finally:
        ctx.close()
    report.add(b.Figure(
        f"Scan to resident shown on the reception page ({len(shown)} CCCD scans, {residents:,} residents)",
        b._p(shown), f"{b._p(bare_scan)} (parse + RegistryService.find_or_propose alone)",
        b._percentile(shown, 50) / b._percentile(bare_scan, 50), "p95 < 100 ms",
        b._percentile(shown, 95) < 0.100))
    report.add(b.Figure(
        f"Search as you type on the reception page, table updated ({len(keystrokes)} keystrokes, "
        f"{residents:,} residents)", b._p(keystrokes), f"{b._p(bare_search)} (RegistryService.search alone)",
        b._percentile(keystrokes, 50) / b._percentile(bare_search, 50), "p95 < 30 ms",
        b._percentile(keystrokes, 95) < 0.030, "the 150 ms typing pause of the page is not counted"))


def _people(path: Path, n: int) -> list[tuple[str, str, dt.date, str, str]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT national_id, full_name, birth_date, sex, coalesce(address, '') FROM residents "
            "WHERE national_id IS NOT NULL AND birth_date IS NOT NULL AND sex IN ('male', 'female') "
            "ORDER BY random() LIMIT ?", (n,)).fetchall()
    return [(nid, name, dt.date.fromisoformat(str(born)[:10]), sex, address) for nid, name, born, sex, address in rows]


def _cccd_payload(nid: str, name: str, born: dt.date, sex: str, address: str) -> str:
    issued = dt.date.today() - dt.timedelta(days=1)  # after any birth date, never in the future
    return f"{nid}||{name}|{born:%d%m%Y}|{'Nam' if sex == 'male' else 'Nữ'}|{address}|{issued:%d%m%Y}"


def _settle(app, tasks) -> None:  # noqa: ANN001
    tasks.wait()
    for _ in range(5):
        app.processEvents()


def _scan_once(app, page, payload: str, national_id: str) -> float:  # noqa: ANN001
    started = time.perf_counter()
    page.handle_scan(payload, "bench")
    while not (page.card.resident is not None and page.card.resident.national_id == national_id):
        app.processEvents(WAIT)
        if time.perf_counter() - started > 10:
            raise RuntimeError("the scanned resident was never shown")
    elapsed = time.perf_counter() - started
    if page.dialog is not None:  # a difference between the card and the record (not timed)
        page.dialog.reject()
        app.processEvents()
    return elapsed


def _keystroke(app, page, text: str) -> float:  # noqa: ANN001
    page.search.blockSignals(True)  # the page's typing pause is not what is measured
    page.search.setText(text)
    page.search.blockSignals(False)
    started = time.perf_counter()
    page.run_search(0)
    wanted = page.state.search.seq  # the keystroke whose rows must reach the table
    while page.state.search.shown != wanted:
        app.processEvents(WAIT)
        if time.perf_counter() - started > 10:
            raise RuntimeError("search results never reached the table")
    return time.perf_counter() - started


def _timed(action) -> float:  # noqa: ANN001
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
