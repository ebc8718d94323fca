"""A visit slip scanned at the vital-signs desk until the form is ready for typing, over the demo station
(500,000 residents and their visits by default).

The payloads are real slip QR texts (``encode_slip``) of visits chosen at random; each goes to
``ExamPage.handle_scan`` (what the desk's scanners call) and the clock stops when the vital-signs form holds
that visit, is enabled and has its first field focused. Baseline: the same work through the services alone
(parse, ``ExamService.visit_from_slip``, ``vitals`` and ``draft``) in the same run.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

SCANS = 100


def bench_slip_to_form(report, work: Path, residents: int = 500_000) -> None:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop

    from bench import __main__ as b
    from bench.registry_bench import demo_station
    from station_app.app import open_context
    from station_app.core.model import Role
    from station_app.core.qr_payloads import parse_payload
    from station_app.services.common.accounts import SignedInUser
    from station_app.ui.exam.vitals_form import VITALS_DESK
    from station_app.ui.main import prepare_application
    from station_app.ui.pages.exam import ExamPage
    from station_app.ui.tasks import TaskRunner

    folder = demo_station(work, residents)
    visits, payloads = _slips(folder / "station.sqlite3", SCANS)
    app = prepare_application([])
    ctx = open_context(folder)
    try:
        info = next(u for u in ctx.accounts.list_users(None) if u.active and u.role == Role.NURSE)
        user = SignedInUser(info.id, info.username, info.full_name, info.role)
        tasks = TaskRunner()
        page = ExamPage(ctx, tasks, ctx.station.info().site_id, user)
        page.resize(1180, 760)
        page.show()
        tasks.wait()
        wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        shown = [_scan_until_ready(app, page, payload, visit_id, wait) for payload, visit_id in zip(payloads, visits)]
        today = dt.date.today()

        def services_alone(payload: str) -> None:
            slip = parse_payload(payload, today).slip
            visit = ctx.exam.visit_from_slip(user, slip)
            ctx.exam.vitals(visit.id)
            ctx.exam.draft(visit.id, VITALS_DESK)

        bare = [_timed(lambda p=p: services_alone(p)) for p in payloads]
        page.hide()
        tasks.wait()
        total_visits = _count(folder / "station.sqlite3", "visits")
    finally:
        ctx.close()
    report.add(b.Figure(
        f"Slip scan at the vital-signs desk to the form ready for typing ({len(shown)} slips, {residents:,} "
        f"residents, {total_visits:,} visits)", b._p(shown),
        f"{b._p(bare)} (parse + ExamService.visit_from_slip, vitals and draft alone)",
        b._percentile(shown, 50) / b._percentile(bare, 50), "p95 < 200 ms", b._percentile(shown, 95) < 0.200))


def _slips(path: Path, n: int) -> tuple[list[str], list[str]]:
    from station_app.core.cards import SlipIdentity
    from station_app.core.model import Sex
    from station_app.core.qr_payloads import encode_slip

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT v.id, r.national_id, r.full_name, r.birth_year, r.sex, v.queue_number, v.visit_date "
            "FROM visits v JOIN residents r ON r.id = v.resident_id ORDER BY random() LIMIT ?", (n,)).fetchall()
    payloads = [encode_slip(SlipIdentity(visit_id=vid, national_id=nid, full_name=name, birth_year=year,
                                         sex=Sex(sex), queue_number=number,
                                         visit_date=dt.date.fromisoformat(str(day)[:10]), site_code="BENCH"))
                for vid, nid, name, year, sex, number, day in rows]
    return [r[0] for r in rows], payloads


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _scan_until_ready(app, page, payload: str, visit_id: str, wait) -> float:  # noqa: ANN001
    form = page.vitals
    started = time.perf_counter()
    page.handle_scan(payload, "bench")
    while not (form.visit is not None and form.visit.id == visit_id and form.record is not None
               and form.isEnabled() and form.first_field().hasFocus()):
        app.processEvents(wait)
        if time.perf_counter() - started > 10:
            raise RuntimeError("the scanned slip's visit never reached the form")
    return time.perf_counter() - started


def _timed(action) -> float:  # noqa: ANN001
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
