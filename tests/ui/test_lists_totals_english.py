"""The lists page in English writes its totals' figures the English way (1,200), as the rest of the interface does;
the printed list keeps Vietnamese (1.200)."""
from __future__ import annotations

import csv

from station_app.services.station.list_exports import totals_of
from station_app.services.station.lists import ListKind
from station_app.services.station.roster_import import RosterImportService
from station_app.ui import i18n
from station_app.ui.pages.lists import ListsPage

PEOPLE = 1200


def import_roster(ctx, folder):
    """A commune roster of ``PEOPLE`` residents, each with an ID number: none examined yet."""
    path = folder / "danh-sach.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn/bản"])
        writer.writerows([f"Lò Văn {n}", f"{1940 + n % 60}", "Nam", f"012{n:09d}", "Bản Phiêng"]
                         for n in range(PEOPLE))
    RosterImportService(ctx.db, ctx.data_dir).import_file(None, path,
                                                          default_commune=ctx.station.info().commune_code)


def test_the_totals_under_the_list_use_the_interfaces_thousands_separator(qtbot, app, ctx, coordinator, tasks,
                                                                          tmp_path):
    import_roster(ctx, tmp_path)
    i18n.set_language("en")
    page = ListsPage(ctx, tasks, ctx.station.info().site_id, coordinator)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.choose(ListKind.PENDING)
    qtbot.waitUntil(lambda: not page.loading and page.model.the_list is not None
                    and page.model.the_list.totals.residents == PEOPLE, timeout=10_000)
    assert "Not yet examined: 1,200" in page.preview.totals.text()
    assert "1.200" not in page.preview.totals.text() + page.preview.totals.toolTip()
    assert "1,200 rows" == page.hint.text()
    assert ("Chưa khám", "1.200") in totals_of(page.model.the_list)  # what the printed list says
