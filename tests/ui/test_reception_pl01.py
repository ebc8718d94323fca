"""The reception desk's QĐ 1551 fields (F6), driven with real key events on a real station database: the card's
issue date kept from the scan with no extra key on the fast path, the form's fields typed and chosen by their code
with Enter moving on, a wrong date refused where it was typed, parents' fields only on a child's form."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from support.gui import post_keys, show_page, type_text
from station_app.core.model import FundingSource, Sex, TargetGroup
from station_app.core.pl01_answers import Answer
from station_app.core.settings import Settings
from station_app.services.station.registry import ResidentInput
from station_app.ui import printing
from station_app.ui.dialogs.open_visit import OpenVisitDialog
from station_app.ui.dialogs.resident_form import ResidentFormDialog
from station_app.ui.pages.reception import ReceptionPage
from station_app.ui.pages.reception.pl01 import Pl01ReceptionDialog
from station_app.ui.tasks import TaskRunner
from support.visits import CONSENT

CCCD = "001099012345||NGUYEN VAN AN|15052002|Nam|Ban Muong Kim|20042021"  # ASCII: a keyboard-mode scanner


@pytest.fixture
def page(app, qtbot, ctx, nurse, monkeypatch):
    monkeypatch.setattr(printing, "print_pdf", lambda path, parent, printer_name=None, ask=True: True)
    tasks = TaskRunner()
    station = ctx.station.info()
    made = show_page(qtbot, ReceptionPage(ctx, tasks, station.site_id, nurse, Settings(), station), 1180, 760)
    yield made
    if made.dialog is not None:
        made.dialog.reject()
    made.serial.close()
    tasks.wait()
    qtbot.wait(20)


def focused(window):
    return QApplication.focusWidget() if QApplication.activeWindow() is window else window.focusWidget()


def key(qtbot, widget, which, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, which, modifier)


def open_sheet(qtbot, page) -> Pl01ReceptionDialog:
    key(qtbot, focused(page), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(page.dialog, Pl01ReceptionDialog), timeout=3000)
    sheet = page.dialog
    qtbot.waitUntil(lambda: sheet.sheet is not None and focused(sheet) in sheet.inputs.values(), timeout=3000)
    return sheet


def enter_until(qtbot, sheet, code):
    while focused(sheet) is not sheet.inputs[code]:
        key(qtbot, focused(sheet), Qt.Key.Key_Return)


def test_a_card_scan_keeps_the_issue_date_and_f6_records_the_rest_from_the_keyboard(qtbot, page, ctx):
    post_keys(page.search, CCCD, 100_000)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResidentFormDialog), timeout=3000)
    key(qtbot, focused(page.dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and page.card.resident is not None, timeout=3000)
    key(qtbot, focused(page), Qt.Key.Key_Return)  # the same keys as before QĐ 1551: Enter, Enter
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    key(qtbot, focused(page.dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.visit is not None, timeout=5000)
    visit_id = page.card.visit.id
    assert {s.answer.code: s.answer.value for s in ctx.answers.answers(visit_id)} == {"NGAYCAP_CCCD": "2021-04-20"}
    qtbot.waitUntil(lambda: page.pl01_button.isVisible() and focused(page) is page.search, timeout=5000)  # slip done

    sheet = open_sheet(qtbot, page)
    assert sheet.inputs["NGAYCAP_CCCD"].text() == "20/04/2021"
    assert focused(sheet) is sheet.inputs["NGAYCAP_CCCD"]
    assert "HO_TEN_NGH_BO" not in sheet.inputs  # an adult's form has no parents
    key(qtbot, focused(sheet), Qt.Key.Key_Return)
    type_text(focused(sheet), "Cục Cảnh sát QLHC về TTXH")
    enter_until(qtbot, sheet, "NGAY_BAT_DAU_LAM_VIEC_HIEN_TAI")
    type_text(focused(sheet), "31/02/2020")  # no such day
    enter_until(qtbot, sheet, "NHOM_MAU")
    type_text(focused(sheet), "AB")  # the code chooses the item
    key(qtbot, focused(sheet), Qt.Key.Key_Return)
    type_text(focused(sheet), "13")
    key(qtbot, focused(sheet), Qt.Key.Key_Return)
    assert isinstance(focused(sheet), QComboBox) and sheet.inputs["NGUON_KINH_PHI"].currentData() == "2"  # local
    type_text(focused(sheet), "1")
    key(qtbot, focused(sheet), Qt.Key.Key_Return)
    # a card says nothing of the ethnic group: the record's gaps come last, typed or marked not available
    for code in sheet.unavailable:
        assert focused(sheet) is sheet.inputs[code]
        if code == "MA_DAN_TOC":
            type_text(focused(sheet), "03")
            key(qtbot, focused(sheet), Qt.Key.Key_Tab)
        else:
            key(qtbot, focused(sheet), Qt.Key.Key_Tab)
            key(qtbot, focused(sheet), Qt.Key.Key_Space)
        key(qtbot, focused(sheet), Qt.Key.Key_Tab)
    key(qtbot, focused(sheet), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save
    qtbot.wait(50)
    assert "31/02" not in sheet.message.text() and "ngày/tháng/năm" in sheet.message.text()
    assert focused(sheet) is sheet.inputs["NGAY_BAT_DAU_LAM_VIEC_HIEN_TAI"]  # where the wrong date is
    assert len(ctx.answers.answers(visit_id)) == 1  # nothing saved yet
    date = sheet.inputs["NGAY_BAT_DAU_LAM_VIEC_HIEN_TAI"]
    date.selectAll()
    type_text(date, "01/09/2020")
    key(qtbot, date, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=3000)
    stored = {s.answer.code: s.answer.value for s in ctx.answers.answers(visit_id)}
    assert {k: v for k, v in stored.items() if k not in sheet.unavailable or k == "MA_DAN_TOC"} == {
        "NGAYCAP_CCCD": "2021-04-20", "NOICAP_CCCD": "Cục Cảnh sát QLHC về TTXH", "MA_DAN_TOC": "03",
        "NGAY_BAT_DAU_LAM_VIEC_HIEN_TAI": "2020-09-01", "NHOM_MAU": "AB", "DOI_TUONG": "13", "NGUON_KINH_PHI": "1"}
    assert "reception" not in ctx.pl01_records.missing(visit_id)
    qtbot.waitUntil(lambda: "QĐ 1551" in page.message.text(), timeout=3000)


def test_a_childs_sheet_asks_the_parents_and_offers_what_was_said_last_time(qtbot, page, ctx, nurse):
    born = dt.date.today().replace(year=dt.date.today().year - 8)
    person = ctx.registry.register_new(nurse, ResidentInput(full_name="Lò Thị Bé", sex=Sex.FEMALE, birth_date=born,
                                                            birth_year=born.year, school_class="3A"))
    info = ctx.station.info()

    def visit_of(reason):
        return ctx.registry.open_visit(nurse, person.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                       funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.PUPIL],
                                       consent=CONSENT, second_visit_reason=reason)

    first = visit_of(None)
    ctx.answers.save(nurse, first.id, desk="reception", answers=[Answer("HO_TEN_NGH_ME", "Vàng Thị Mai")])
    visit = visit_of("Khám lại theo hẹn")
    page.refresh()
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 2, timeout=3000)
    page.queue_box.select(visit.id)
    sheet = open_sheet(qtbot, page)
    assert sheet.sheet.form_number == 15
    assert {"HO_TEN_NGH_BO", "SO_CCCD_NGH_ME", "MA_NGHE_NGHIEP_NGH_BO"} <= set(sheet.inputs)
    assert "NGAYCAP_CCCD" not in sheet.inputs
    assert sheet.inputs["HO_TEN_NGH_ME"].text() == "Vàng Thị Mai"  # said at the first visit: asked again
    assert "lần trước" in sheet.form.labelForField(sheet.inputs["HO_TEN_NGH_ME"]).text()
    assert sheet.inputs["DOI_TUONG"].currentData() == "11"  # a pupil in grade 3
    key(qtbot, focused(sheet), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=3000)


def test_what_the_record_lacks_is_typed_or_marked_not_available_from_the_keyboard(qtbot, page, ctx, nurse):
    """No ethnic group and no ID number on the resident's record: F6 asks them under a note; the nurse types the
    ethnic group's code and, Tab then Space, marks each other gap "không có / không rõ"; nothing is owed after."""
    person = ctx.registry.register_new(nurse, ResidentInput(full_name="Giàng A Lử", sex=Sex.MALE, birth_year=1975))
    info = ctx.station.info()
    visit = ctx.registry.open_visit(nurse, person.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                    funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.OTHER],
                                    consent=CONSENT)
    page.refresh()
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1, timeout=3000)
    page.queue_box.select(visit.id)
    sheet = open_sheet(qtbot, page)
    assert {"MA_DAN_TOC", "SO_CCCD"} <= set(sheet.unavailable) and not sheet.gap_note.isHidden()
    for code in sheet.unavailable:
        sheet.inputs[code].setFocus()
        qtbot.waitUntil(lambda c=code: focused(sheet) is sheet.inputs[c], timeout=2000)
        if code == "MA_DAN_TOC":
            type_text(focused(sheet), "03")
            continue
        key(qtbot, focused(sheet), Qt.Key.Key_Tab)
        assert focused(sheet) is sheet.unavailable[code]
        key(qtbot, focused(sheet), Qt.Key.Key_Space)
    assert sheet.inputs["MA_DAN_TOC"].text() == "03"
    key(qtbot, focused(sheet), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=3000)
    qtbot.waitUntil(lambda: "reception" not in ctx.pl01_records.missing(visit.id), timeout=3000)
