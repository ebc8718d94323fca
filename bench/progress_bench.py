"""Progress benchmarks: the progress page's refresh and the weekly report over the demo station.

1. ``ProgressService.snapshot`` over the demo's residents (500,000 by default) and their visits, for the whole
   campaign at every site and for the campaign's last week at the station's own site; against a bare
   ``SELECT commune_code, village, count(*) ... GROUP BY`` of the residents in sqlite3 (one scan, no visits).
2. ``render_weekly_report`` of the last week's snapshot, against a bare reportlab document holding one plain
   table of the same village rows (built-in font, no charts).
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from bench.registry_bench import demo_station

PROGRESS_RESIDENTS = 500_000


def _bench():  # noqa: ANN202 - the Report/Figure helpers of bench/__main__.py, loaded when a bench runs
    from bench import __main__ as b

    return b


def bench_progress(report, work: Path, residents: int = PROGRESS_RESIDENTS, runs: int = 7) -> None:  # noqa: ANN001
    b = _bench()
    from station_app.app import open_context
    from station_app.services.station.progress import ProgressFilter

    folder = demo_station(work, residents)
    ctx = open_context(folder)
    try:
        info = ctx.station.info()
        week = ProgressFilter(site_id=info.site_id, date_from=info.campaign_end - dt.timedelta(days=6),
                              date_to=info.campaign_end)
        ctx.progress.snapshot()  # warm the page cache, as the page's first refresh after sign-in does
        whole, cpu, weekly, bare = [], [], [], []
        for _ in range(runs):  # interleaved, so a busy moment of the machine hits all three
            started = time.process_time()
            whole.append(_seconds(ctx.progress.snapshot))
            cpu.append(time.process_time() - started)
            weekly.append(_seconds(lambda: ctx.progress.snapshot(week)))
            bare.append(_seconds(lambda: _bare_group_by(ctx.db.path)))
        snap = ctx.progress.snapshot(week)
        pdf_times, bare_pdf = _pdf_times(work, snap, info, runs=max(2, runs // 2))
    finally:
        ctx.close()
    visits = snap.visits.registered
    p95 = b._percentile(whole, 95)
    report.add(b.Figure(
        f"Progress page refresh, ProgressService.snapshot, whole campaign, all sites ({residents:,} residents, "
        f"{runs} runs)", b._p(whole), f"{b._p(bare)} (bare sqlite3 GROUP BY village over the residents)",
        b._percentile(whole, 50) / b._percentile(bare, 50), "p95 < 5 s (the page shows progress after 0.4 s)",
        p95 < 5.0, f"CPU time p50 {b._ms(b._percentile(cpu, 50))}; last week at the station's site: "
        f"{b._p(weekly)}, {visits:,} visits in that week"))
    pdf_p50 = b._percentile(pdf_times, 50)
    report.add(b.Figure(
        f"Weekly progress report PDF, render_weekly_report ({len(snap.villages)} villages, 3 charts)",
        b._p(pdf_times), f"{b._p(bare_pdf)} (bare reportlab table of the same village rows, no charts)",
        pdf_p50 / b._percentile(bare_pdf, 50), "p95 < 3 s", b._percentile(pdf_times, 95) < 3.0))


def _seconds(action) -> float:  # noqa: ANN001
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _bare_group_by(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT commune_code, village, count(*) FROM residents GROUP BY commune_code, village").fetchall()
    finally:
        conn.close()


def _pdf_times(work: Path, snap, info, runs: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    from station_app.services.station.progress_report import render_weekly_report

    ours, bare = [], []
    for i in range(runs):
        path = work / f"progress-{i}.pdf"
        ours.append(_seconds(lambda: render_weekly_report(path, snap, station_name=info.name, commune=info.commune_name,
                                                          printed_by="Lò Văn Thắng", printed_at=dt.datetime(2026, 10, 1, 16, 30))))
        bare.append(_seconds(lambda: _bare_pdf(work / f"bare-progress-{i}.pdf", snap)))
    return ours, bare


def _bare_pdf(path: Path, snap) -> None:  # noqa: ANN001
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    rows = [[v.commune_code or "", (v.village or "").encode("ascii", "replace").decode(), v.coverage.roster,
             v.coverage.examined] for v in snap.villages]
    SimpleDocTemplate(str(path), pagesize=A4).build([Table([["commune", "village", "roster", "examined"], *rows],
                                                           repeatRows=1)])
