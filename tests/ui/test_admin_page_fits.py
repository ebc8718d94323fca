"""The administration page in the window maximised on a 1366×768 laptop, in both languages: it scrolls down, never
sideways, with long station, site and campaign names, whatever the printer is called (a CUPS or Windows printer
name has no space to wrap at)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea
from support import ADMIN_PASSWORD
from support.window import MAXIMISED_AT_1366, page_at_1366, settled

from station_app.persistence.tables import CampaignRow, SiteRow, StationRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.ui import printing

LONG_PRINTER = "HP_LaserJet_Pro_MFP_M428f-M429f_PCL-6_V4_tren_NHANVIEN-PC"
LONG_NAMES = {StationRow: "Trạm Y tế xã Mường Kim, huyện Than Uyên (tập huấn cho cán bộ y tế thôn bản)",
              SiteRow: "Điểm khám lưu động bản Nậm Ngập, xã Mường Kim, huyện Than Uyên",
              CampaignRow: "Khám sức khỏe định kỳ cho người dân toàn xã năm 2026 (đợt bổ sung)"}


def long_names(ctx) -> None:
    with UnitOfWork(ctx.db) as uow:
        for table, name in LONG_NAMES.items():
            for row in uow.session.query(table):
                row.name = name
        uow.commit()


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("printers", [printing.InstalledPrinters((), None),
                                      printing.InstalledPrinters((LONG_PRINTER,), LONG_PRINTER)],
                         ids=["no printer", "a long printer name"])
def test_the_administration_page_never_scrolls_sideways_at_1366_pixels(qtbot, ctx, make_controller, monkeypatch,
                                                                        language, printers):
    monkeypatch.setattr(printing, "installed_printers", lambda: printers)
    long_names(ctx)
    controller = make_controller(ctx)
    page = page_at_1366(qtbot, controller, "admin", ADMIN_PASSWORD, language, "admin")
    window = controller.window
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)
    settled(qtbot)
    if printers.default:
        assert LONG_PRINTER in page.printer_note.text()
    assert any(LONG_NAMES[CampaignRow] in label.text() for label in page.station_values)
    assert window.width() == MAXIMISED_AT_1366[0], f"the page widens the window to {window.width()} px"
    area = page.findChild(QScrollArea)
    assert not area.horizontalScrollBar().isVisible(), \
        f"{area.widget().minimumSizeHint().width()} px wanted, {area.viewport().width()} px shown"
