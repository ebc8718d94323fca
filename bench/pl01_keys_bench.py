"""Keys beyond the digits for a complete adult QĐ 1551 form 2 visit across all desks, keyboard only.

A 46-year-old woman already on the roster (ID number, ethnic group, address) is taken through every desk of her
form in the real main window, offscreen, by ``devkit.pl01_keyboard.VisitDriver``, the driver the end-to-end GUI test
uses (``tests/ui/test_pl01_forms_end_to_end.py``): reception (her name typed in the search, Enter three times), the
full adult set of vital signs (the same 16 values as the vital-signs figure), the laboratory tab (the capillary
glucose shown read-only: nothing to add), the doctor's tab (history answered N, K per specialty, Ctrl+S), the "Khám
theo mẫu QĐ 1551" tab (K per part, the four hearing distances typed, the save) and Ctrl+Enter to complete. Moving
between pages and tabs (Ctrl+1, Ctrl+2, F6, Ctrl+Tab) is counted with the desk it leads to. No timing: a count.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

VITALS_ALONE = 22  # bench/exam_bench.py's figure: today's full adult set of vital signs
DESK_TITLES = {
    "reception": "Reception: the name searched, the resident, open and confirm the visit",
    "vitals": "Vital signs (Ctrl+2, F6 and the queue included)",
    "laboratory": "Laboratory tab (the capillary glucose read-only)",
    "doctor": "Doctor: history, K per specialty, Ctrl+S",
    "doctor_pl01": "Khám theo mẫu QĐ 1551: K per part, hearing, save",
    "completion": "Back to the doctor's tab, Ctrl+Enter",
}
SEARCH = "tong thi hoa"  # typed at reception without marks, as the search takes it


def bench_pl01_keys(report, work: Path) -> None:  # noqa: ANN001
    from bench import __main__ as b
    from station_app.app import open_context
    from station_app.core.model import Role, Sex, TargetGroup
    from station_app.services.station.registry import ResidentInput

    folder = b._station(work / "pl01-keys")
    ctx = open_context(folder)
    try:
        admin = ctx.accounts.sign_in("admin", b.ADMIN_PASSWORD)
        ctx.station.set_facility_codes(admin, facility_code="12001", facility_gln="6291041500213")
        ctx.accounts.add_user(admin, "bench.bacsi", full_name="Lò Thị Lan", role=Role.DOCTOR, password="bacsi-2026")
        doctor = ctx.accounts.sign_in("bench.bacsi", "bacsi-2026")
        today = dt.date.today()
        born = dt.date(today.year - 46, 3, 12)
        ctx.registry.register_new(doctor, ResidentInput(
            full_name="Tòng Thị Hoa", sex=Sex.FEMALE, birth_year=born.year, birth_date=born,
            national_id=f"0121{born:%y}000046", ethnic_code="03", address="Bản Nà Khương, xã Mường Kim",
            commune_code="03637", village="Bản Nà Khương", target_groups=(TargetGroup.OTHER,)))
        count, visit_id = _drive(ctx, doctor)
        status = ctx.registry.visit_by_id(visit_id).status.value
        problems = ctx.pl01_records.of_visit(None, visit_id).problems
    finally:
        ctx.close()
    report.add(b.Figure("Keys beyond the digits for a complete adult QĐ 1551 form 2 visit across all desks "
                        "(keyboard only)", f"{count.extra} keys ({count.digits} digits)",
                        f"{VITALS_ALONE} keys (today's vital-signs set alone)", count.extra / VITALS_ALONE,
                        "informative: the count the national form adds", None,
                        f"the visit {status}, its PL01 record with {len(problems)} problems"))
    rows = ["| desk | keys beyond the digits | digits |", "|---|---|---|"]
    for desk, (digits, extra) in count.by_desk.items():
        rows.append(f"| {DESK_TITLES.get(desk, desk)} | {extra} | {digits} |")
    rows.append(f"| **all desks** | **{count.extra}** | **{count.digits}** |")
    report.sections["Keys for a complete adult form 2 visit, by desk"] = rows


def _drive(ctx, doctor):  # noqa: ANN001, ANN202
    from devkit.pl01_keyboard import VisitDriver
    from station_app.ui import printing
    from station_app.ui.main import AppController, OpenedStation, prepare_application
    from station_app.ui.main_window import MainWindow

    prepare_application([], "vi")
    saved = printing.installed_printers, printing.print_pdf
    printing.installed_printers = lambda: printing.InstalledPrinters(("Máy in thử",), "Máy in thử")
    printing.print_pdf = lambda path, parent, printer_name=None, ask=True: True  # the slip "printed"
    settings = ctx.settings.load()
    window = MainWindow(settings=settings)
    controller = AppController(window, settings, ctx.settings)
    try:
        controller.opened_station(OpenedStation(ctx, None, ctx.station.info()))
        window.show()
        window.begin_session(doctor)
        window.activateWindow()
        driver = VisitDriver(window, timeout=60)
        visit_id = driver.visit(search=SEARCH)
        return driver.count, visit_id
    finally:
        printing.installed_printers, printing.print_pdf = saved
        window.close()
        controller.tasks.wait()
        window.deleteLater()
