"""The coordinator's printed lists: the daily list of 1,000 visits and the not-yet-examined list of 50,000
residents as PDF, and the lists' queries on the demo station.

PDF baseline, in the same run: a plain reportlab document of one ``Table`` (header repeated) holding the
same rows as plain strings. One big Table is re-laid-out at every page break, so its cost grows with the
square of the rows; it is timed on the daily list's rows and on the first ``BASELINE_MAX`` rows of the
pending list (beyond that it takes minutes). Growth: the time per row of our layout at 50,000 rows against
25,000 (linear: a ratio near 1), and the baseline's at ``BASELINE_MAX`` against the daily size.
Rows are synthetic residents of Lai Châu (core.synthetic), with their real-length names and addresses.
"""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from pathlib import Path

BASELINE_MAX = 10_000


def bench_lists(report, work: Path, daily: int = 1_000, pending: int = 50_000, half: int = 25_000,  # noqa: ANN001
                residents: int = 500_000) -> None:
    _bench_pdfs(report, work, daily, pending, half)
    _bench_queries(report, work, residents)


def _bench_pdfs(report, work: Path, daily: int, pending: int, half: int) -> None:  # noqa: ANN001
    from bench import __main__ as b
    from station_app.services.station.list_exports import export_list

    people = list(_population(pending))
    daily_list, pending_list = _daily(people[:daily]), _pending(people)
    _timed_export(export_list, _daily(people[:5]), work / "warm-up.pdf")  # the font files are read once
    ours_daily, pages_daily = _timed_export(export_list, daily_list, work / "daily.pdf")
    base_daily, base_daily_pages = _single_table(daily_list, work / "daily-single.pdf")
    report.add(b.Figure(
        f"Daily list PDF, {daily:,} visits ({pages_daily} pages, signature column)",
        f"{ours_daily:.2f} s, {pages_daily / ours_daily:.0f} pages/s",
        f"{base_daily:.2f} s, {base_daily_pages / base_daily:.0f} pages/s (one reportlab Table, same rows)",
        ours_daily / base_daily, "< 5 s", ours_daily < 5))

    ours_half, _ = _timed_export(export_list, _pending(people[:half]), work / "pending-half.pdf")
    ours_full, pages_full = _timed_export(export_list, pending_list, work / "pending.pdf")
    capped = min(pending, BASELINE_MAX)
    base_capped, base_capped_pages = _single_table(_pending(people[:capped]), work / "pending-single.pdf")
    report.add(b.Figure(
        f"Not-yet-examined PDF, {pending:,} residents ({pages_full:,} pages, a section per village)",
        f"{ours_full:.1f} s, {pages_full / ours_full:.0f} pages/s",
        f"{base_capped:.1f} s for the first {capped:,} rows, {base_capped_pages / base_capped:.0f} pages/s "
        "(one reportlab Table)", (ours_full / pending) / (base_capped / capped), "< 60 s", ours_full < 60,
        "ratio: time per row, ours against the single Table's"))

    ours_growth = (ours_full / pending) / (ours_half / half)
    base_growth = (base_capped / capped) / (base_daily / daily)
    report.add(b.Figure(
        f"Growth of the PDF time per row: {pending:,} rows against {half:,}",
        f"{ours_growth:.2f}x per row", f"{base_growth:.2f}x per row for one Table, {capped:,} against {daily:,} rows",
        ours_growth / base_growth, "≤ 1.3x (linear)", ours_growth <= 1.3))


def _timed_export(export_list, the_list, path: Path) -> tuple[float, int]:  # noqa: ANN001
    started = time.perf_counter()
    result = export_list(the_list, path, printed_by="Bench")
    return time.perf_counter() - started, result.pages or 0


def _single_table(the_list, path: Path) -> tuple[float, int]:  # noqa: ANN001
    """The plain way: every row in one reportlab Table, header repeated, same fonts and columns."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from station_app.core.text import cell_text
    from station_app.services.common.report_pdf import FONT, _register_fonts
    from station_app.services.station.list_exports import _fields

    _register_fonts()
    fields = [f for f in _fields(the_list) if f.width_mm > 0]
    rows = [[f.title for f in fields]] + [[cell_text(f.value(r)) for f in fields] for r in the_list.rows]
    started = time.perf_counter()
    pages: list[int] = []
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), initialFontName=FONT)
    table = Table(rows, colWidths=[f.width_mm * 2.83 for f in fields], repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8), ("GRID", (0, 0), (-1, -1), 0.25, "grey")]))
    doc.build([table], onLaterPages=lambda canvas, _: pages.append(canvas.getPageNumber()))
    return time.perf_counter() - started, (pages[-1] if pages else 1)


def _population(count: int):  # noqa: ANN202
    from station_app.core.synthetic import PopulationGenerator
    from station_app.services.station.demo import _communes, training_campaign

    return PopulationGenerator(2026, _communes(), as_of=training_campaign(dt.date.today())[0]).residents(count)


def _scope():  # noqa: ANN202
    from station_app.services.station.lists import ListFilter, ListScope

    day = dt.date(2026, 6, 10)
    return ListScope("Trạm Y tế xã Mường Kim", "Xã Mường Kim", "Khám sức khỏe định kỳ 2026",
                     ListFilter.day(day), dt.datetime(2026, 6, 10, 16, 0))


def _daily(people: list):  # noqa: ANN001, ANN202
    from station_app.core.model import HealthClass, VisitStatus
    from station_app.services.station.lists import DailyList, DailyRow, _daily_totals

    rng = random.Random(7)
    day = dt.date(2026, 6, 10)
    rows = [DailyRow(f"v{n}", day, n, "Trạm Y tế xã Mường Kim", f"r{n}", p.full_name, p.birth_year, p.sex,
                     p.village, p.target_groups, VisitStatus.COMPLETED, float(rng.randint(100, 170)),
                     float(rng.randint(60, 100)), round(rng.gauss(22, 3), 1), rng.choice(list(HealthClass)),
                     "Trung tâm Y tế huyện Than Uyên" if rng.random() < 0.07 else None)
            for n, p in enumerate(people, 1)]
    return DailyList(_scope(), tuple(rows), _daily_totals(rows))


def _pending(people: list):  # noqa: ANN001, ANN202
    from station_app.services.station.lists import PRIORITY_GROUPS, ListFilter, PendingList, PendingRow, _pending_totals

    rows = [PendingRow(f"r{n}", p.full_name, p.birth_year, p.sex, p.commune_code, p.village, p.household_code,
                       p.address, p.phone, p.target_groups, any(g in PRIORITY_GROUPS for g in p.target_groups), ())
            for n, p in enumerate(people)]
    rows.sort(key=lambda r: (r.commune_code or "", r.village or "", r.household_code or ""))
    scope = _scope()
    scope = type(scope)(scope.site_name, scope.commune_name, scope.campaign_name, ListFilter(), scope.made_at)
    return PendingList(scope, tuple(rows), _pending_totals(rows), False)


def _bench_queries(report, work: Path, residents: int) -> None:  # noqa: ANN001
    """Each list read from the demo station through ListsService, against a bare count of its tables."""
    from bench import __main__ as b
    from bench.registry_bench import demo_station
    from station_app.app import open_context
    from station_app.services.station.lists import ListFilter

    folder = demo_station(work, residents)
    ctx = open_context(folder)
    try:
        day, village = _busiest_day(folder / "station.sqlite3"), _largest_village(folder / "station.sqlite3")
        timings = {}
        for name, call in (("daily", lambda: ctx.lists.daily(None, ListFilter.day(day))),
                           ("pending, one village", lambda: ctx.lists.pending(None, ListFilter(village=village))),
                           ("pending, whole roster", lambda: ctx.lists.pending(None, ListFilter())),
                           ("referrals", lambda: ctx.lists.referrals(None, ListFilter())),
                           ("duplicates", lambda: ctx.lists.duplicates(None, ListFilter()))):
            started = time.perf_counter()
            rows = len(call().rows)
            timings[name] = (time.perf_counter() - started, rows)
    finally:
        ctx.close()
    bare = _bare_scan(folder / "station.sqlite3")
    worst = max(t for k, (t, _) in timings.items() if k != "pending, whole roster")
    report.add(b.Figure(
        f"Lists read from the demo station ({residents:,} residents)",
        ", ".join(f"{k} {t:.2f} s ({n:,} rows)" for k, (t, n) in timings.items()),
        f"{bare:.2f} s (bare SQLite: count residents and visits)", worst / bare if bare else None,
        "each < 3 s (the whole roster's pending list: reported)", worst < 3))


def _busiest_day(path: Path) -> dt.date:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        (day,) = db.execute("SELECT visit_date FROM visits GROUP BY visit_date ORDER BY count(*) DESC LIMIT 1").fetchone()
    return dt.date.fromisoformat(str(day)[:10])


def _largest_village(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        (village,) = db.execute("SELECT village FROM residents WHERE village IS NOT NULL GROUP BY village "
                                "ORDER BY count(*) DESC LIMIT 1").fetchone()
    return village


def _bare_scan(path: Path) -> float:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        started = time.perf_counter()
        db.execute("SELECT count(*) FROM residents WHERE merged_into_id IS NULL").fetchone()
        db.execute("SELECT count(*) FROM visits WHERE status != 'cancelled'").fetchone()
        return time.perf_counter() - started
