"""Reception benchmarks: search as you type over a large station, and roster imports, each with a baseline.

1. ``RegistryService.search`` per keystroke over the demo's synthetic residents (500,000 by default): whole
   names typed letter by letter, given names alone, ID numbers digit by digit, a name with a birth year;
   against a bare indexed SQLite prefix lookup of the same whole-name keystrokes.
2. ``RosterImportService.import_file`` of a synthetic roster (100,000 rows by default) as CSV and as XLSX into a
   new station, the CSV again into its station (every row found again: nothing new) and an updated CSV (a third
   with a new phone: the same residents updated), rows per second, against a bare ``csv.reader`` pass.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
import time
from pathlib import Path

SEARCH_RESIDENTS = 500_000
ROSTER_ROWS = 100_000
SAMPLED_NAMES = 30
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ BHYT", "Thôn/bản", "Dân tộc",
           "Đối tượng", "Trường", "Lớp", "SĐT"]


def _bench():  # noqa: ANN202 - the Report/Figure helpers of bench/__main__.py, loaded when a bench runs
    from bench import __main__ as b

    return b


def demo_station(work: Path, residents: int) -> Path:
    """The demo benchmark's station when it ran in this run (``station-app demo``), else one made the same way."""
    folder = work / f"demo-{residents}"
    if not (folder / "station.sqlite3").exists():
        from station_app.app import open_context
        from station_app.services.station.demo import make_demo

        ctx = open_context(folder)
        try:
            make_demo(ctx, residents=residents, seed=2026)
        finally:
            ctx.close()
    return folder


def bench_search(report, work: Path, residents: int = SEARCH_RESIDENTS) -> None:  # noqa: ANN001
    b = _bench()
    from station_app.app import open_context
    from station_app.core.names import normalise_name

    folder = demo_station(work, residents)
    ctx = open_context(folder)
    try:
        sample = _sample(ctx.db.path, SAMPLED_NAMES)
        keystrokes = {"whole name": [], "given name": [], "ID number": [], "name + year": []}
        for full_name, national_id, birth_year in sample:
            keystrokes["whole name"] += [full_name[:i] for i in range(1, len(full_name) + 1)]
            given = full_name.split()[-1]
            keystrokes["given name"] += [given[:i] for i in range(1, len(given) + 1)]
            if national_id:
                keystrokes["ID number"] += [national_id[:i] for i in range(1, 13)]
            keystrokes["name + year"].append(f"{given} {birth_year}")
        timings: dict[str, list[float]] = {}
        for kind, typed in keystrokes.items():
            ctx.registry.search(typed[0])  # warm the page cache as a first keystroke does
            timings[kind] = _timed_each(ctx.registry.search, typed)
        bare = _bare_prefix(ctx.db.path, [normalise_name(q) for q in keystrokes["whole name"]])
    finally:
        ctx.close()
    every = [t for values in timings.values() for t in values]
    p95 = b._percentile(every, 95)
    report.add(b.Figure(
        f"Search as you type, RegistryService.search, {len(every)} keystrokes over {residents:,} residents",
        b._p(every), f"{b._p(bare)} (bare indexed SQLite prefix lookup, LIMIT 51)",
        b._percentile(every, 50) / b._percentile(bare, 50), "p95 < 30 ms", p95 < 0.030,
        "; ".join(f"{kind}: {b._p(values)}" for kind, values in timings.items())))
    whole = timings["whole name"]
    report.add(b.Figure(
        f"Search, whole names letter by letter ({len(whole)} keystrokes, {residents:,} residents)", b._p(whole),
        f"{b._p(bare)} (bare prefix lookup of the same keystrokes)",
        b._percentile(whole, 50) / b._percentile(bare, 50), "p95 < 30 ms", b._percentile(whole, 95) < 0.030,
        "the demo station of the demo benchmark, or one made the same way"))


def _timed_each(action, inputs: list[str]) -> list[float]:  # noqa: ANN001
    times = []
    for value in inputs:
        start = time.perf_counter()
        action(value)
        times.append(time.perf_counter() - start)
    return times


def _sample(path: Path, n: int) -> list[tuple[str, str | None, int]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT full_name, national_id, birth_year FROM residents ORDER BY random() LIMIT ?",
                            (n,)).fetchall()
    finally:
        conn.close()
    return [(name, nid, year) for name, nid, year in rows]


def _bare_prefix(path: Path, prefixes: list[str]) -> list[float]:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")

    def lookup(prefix: str) -> None:
        high = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        conn.execute("SELECT id, full_name FROM residents WHERE name_norm >= ? AND name_norm < ? "
                     "ORDER BY name_norm LIMIT 51", (prefix, high)).fetchall()

    try:
        lookup(prefixes[0])
        return _timed_each(lookup, [p for p in prefixes if p])
    finally:
        conn.close()


# -- roster import ---------------------------------------------------------------------------------------------

def bench_roster_import(report, work: Path, rows: int = ROSTER_ROWS) -> None:  # noqa: ANN001
    b = _bench()
    csv_path, xlsx_path = work / f"roster-{rows}.csv", work / f"roster-{rows}.xlsx"
    updated_path = work / f"roster-{rows}-updated.csv"
    people = list(_roster_rows(rows))
    _write_csv(csv_path, people)
    _write_xlsx(xlsx_path, people)
    _write_csv(updated_path, [[*p[:11], f"08{n:08d}"] if n % 3 == 0 else p for n, p in enumerate(people)])
    del people
    bare = _bare_csv_pass(csv_path)
    # the CSV into a new station, then the same CSV again (nothing new), then a roster where a third of the
    # people have a new phone number (the same residents updated); the XLSX into a station of its own
    runs = (("CSV", csv_path, True), ("XLSX", xlsx_path, True), ("CSV again", csv_path, False),
            ("CSV updated (a third with a new phone)", updated_path, False))
    for label, path, new_station in runs:
        folder = work / f"roster-station-{label.split()[0].lower()}"
        seconds, result = _import(folder, path, new_station=new_station)
        rate = result.read / seconds
        report.add(b.Figure(
            f"Roster import of {rows:,} rows from {label}, RosterImportService.import_file", f"{rate:,.0f} rows/s",
            f"{rows / bare:,.0f} rows/s (bare csv.reader pass over the CSV)", (rows / bare) / rate,
            "100,000 rows < 2 min", seconds * 100_000 / rows < 120,
            f"{seconds:.1f} s; new {result.imported_new:,}, updated {result.updated:,}, unchanged "
            f"{result.unchanged:,}, possible duplicates "
            f"{result.possible_duplicates:,}, rejected {result.rejected:,}; ratio = bare rate over import rate"))


def _roster_rows(n: int):  # noqa: ANN202
    from station_app.core.model import TARGET_GROUP_LABELS
    from station_app.core.synthetic import CommuneSpec, PopulationGenerator
    from station_app.services.common.reference import ethnic_groups

    names = {g.code: g.name for g in ethnic_groups()}
    population = PopulationGenerator(7, [CommuneSpec("03637", "Xã Mường Kim", 1.0)], as_of=dt.date(2026, 5, 1))
    rng = random.Random(7)
    for i, r in enumerate(population.residents(n), start=1):
        born = f"{r.birth_date:%d/%m/%Y}" if r.birth_date and rng.random() < 0.9 else str(r.birth_year)
        yield [str(i), r.full_name, born, "Nam" if r.sex.value == "male" else "Nữ", r.national_id or "",
               r.insurance_number or "", r.village, names.get(r.ethnic_code, ""),
               "; ".join(TARGET_GROUP_LABELS[g] for g in r.target_groups), r.school or "", r.school_class or "",
               r.phone or ""]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)


def _bare_csv_pass(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for _ in csv.reader(fh):
            pass
    return time.perf_counter() - start


def _import(folder: Path, path: Path, new_station: bool):  # noqa: ANN202
    """Seconds and result of importing ``path`` into the station in ``folder`` (made first when ``new_station``)."""
    from station_app.app import open_context
    from station_app.core.model import SiteKind
    from station_app.services.station.roster_import import RosterImportService
    from station_app.services.station.station_setup import StationSetup

    ctx = open_context(folder)
    try:
        if new_station:
            ctx.station.initialise(StationSetup(
                station_code="BENCH-RI", station_name="Trạm Y tế xã Mường Kim", site_name="Trạm Y tế xã Mường Kim",
                site_kind=SiteKind.COMMUNE_STATION, commune_code="03637", village=None,
                campaign_name="Khám sức khỏe định kỳ 2026", campaign_year=2026, campaign_start=dt.date(2026, 5, 1),
                campaign_end=dt.date(2026, 12, 31), admin_username="admin", admin_full_name="Lò Văn Đức",
                admin_password="bench-quantri-2026"))
        service = RosterImportService(ctx.db, folder)
        start = time.perf_counter()
        result = service.import_file(None, path, default_commune="03637")
        return time.perf_counter() - start, result
    finally:
        ctx.close()


# -- a roster of namesakes ---------------------------------------------------------------------------------------

NAMESAKES = 2_000


def bench_namesake_import(report, work: Path, rows: int = NAMESAKES) -> None:  # noqa: ANN001
    """A hostile (or just mountainous) roster: every row one name, one birth year and one village, no ID number,
    the rows alike (the same facts), or told apart only by a full birth date; each imported into a new station
    and then again. Baseline: a roster of as many people with names of their own, imported the same way."""
    b = _bench()
    shapes = {
        "people with names of their own": lambda n: [f"Người Số {n}", "1938", ""],
        "one name, year and village, the same facts": lambda n: ["Pờ A Xá", "1938", ""],
        "one name, year and village, a birth date (one of 365)": lambda n: [
            "Pờ A Xá", f"{dt.date(1938, 1, 1) + dt.timedelta(days=n % 365):%d/%m/%Y}", ""],
    }
    timings = {}
    for label, shape in shapes.items():
        path = work / f"namesakes-{len(timings)}.csv"
        _write_csv(path, [[str(n), shape(n)[0], shape(n)[1], "Nam", "", "", "Bản Nà Khương", "Mông", "", "", "",
                           shape(n)[2]] for n in range(1, rows + 1)])
        folder = work / f"namesakes-station-{len(timings)}"
        first, result = _import(folder, path, new_station=True)
        again, repeat = _import(folder, path, new_station=False)
        timings[label] = (first, again, result, repeat)
    base_first, base_again = timings["people with names of their own"][:2]
    for label, (first, again, result, repeat) in timings.items():
        if label == "people with names of their own":
            continue
        report.add(b.Figure(
            f"Roster of {rows:,} rows of {label}: import, then the same file again", f"{first:.2f} s, {again:.2f} s",
            f"{base_first:.2f} s, {base_again:.2f} s ({rows:,} people with names of their own)",
            max(first / base_first, again / base_again), "within 3× of the baseline",
            first <= 3 * base_first and again <= 3 * base_again,
            f"first: new {result.imported_new:,}, possible duplicates {result.possible_duplicates:,}; again: new "
            f"{repeat.imported_new:,}, updated {repeat.updated:,}, unchanged {repeat.unchanged:,}; ratio = the "
            "larger of the two times over its baseline"))
