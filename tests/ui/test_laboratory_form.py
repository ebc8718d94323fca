"""The laboratory desk in the real exam page, driven by keys: a test picked by typing part of its name fills its
codes and unit, Enter moves along the row and saves from the last conclusion, a row goes only after a second
Ctrl+Delete, a draft is kept, the capillary glucose of the vital signs shows read-only, and a child's visit has no
laboratory tab."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from support import visits
from support.gui import press_enter, type_text
from station_app.services.station.pl01_laboratory import LABORATORY_DESK
from station_app.ui.exam.laboratory_form import LaboratoryForm


@pytest.fixture
def page(exam_page, nurse):
    return exam_page(nurse)


def laboratory_of(page) -> LaboratoryForm:
    return next(form for form, _title in page.desks if isinstance(form, LaboratoryForm))


def tab_of(page, form):
    return next(i for i in range(page.tabs.count()) if page._desk_in(page.tabs.widget(i)) is form)


def open_laboratory(qtbot, page, visit) -> LaboratoryForm:
    page.open_visit(visit)
    lab = laboratory_of(page)
    qtbot.waitUntil(lambda: page.tabs.isTabVisible(tab_of(page, lab)))
    page.show_desk(lab)
    qtbot.waitUntil(lambda: lab.sheet is not None and lab.sheet.visit_id == visit.id)
    return lab


def enter_at(qtbot, widget):
    qtbot.waitUntil(widget.hasFocus)
    press_enter(widget)


def test_a_glucose_row_typed_by_name_is_saved_and_read_back(qtbot, page, ctx, nurse):
    visit = visits.open_visit(ctx, nurse, year=1975)
    ctx.exam.save_vitals(nurse, visit.id, entries={"glucose_mmol": 8.4}, fasting=False,
                         confirmed_warnings=["glucose_mmol"])
    lab = open_laboratory(qtbot, page, visit)
    assert page.tabs.tabText(tab_of(page, lab)) == "Xét nghiệm"
    assert "Đường huyết mao mạch (ghi ở bàn sinh hiệu): 8,4 mmol/L" in lab.glucose.text()
    row = lab.rows[0]
    qtbot.waitUntil(row.name.hasFocus)
    type_text(row.name, "glu")
    assert "Glucose máu tĩnh mạch" in lab.suggestion.text()
    press_enter(row.name)
    assert (row.name.text(), row.service.text(), row.index.text(), row.unit.text()) == (
        "Glucose máu tĩnh mạch", "XN.GLU_TM", "14749-6", "mmol/L")
    type_text(row.value, "6.1")
    enter_at(qtbot, row.value)  # the unit is filled: on to the description
    type_text(row.description, "Lúc đói")
    enter_at(qtbot, row.description)
    type_text(row.conclusion, "Bình thường")
    enter_at(qtbot, row.conclusion)  # the last row's conclusion saves
    qtbot.waitUntil(lambda: "Đã lưu 1 dòng xét nghiệm" in lab.message.text())
    sheet = ctx.laboratory.sheet(visit.id)
    assert [(r.service, r.index, r.value, r.unit, r.description, r.conclusion) for r in sheet.rows] == [
        ("XN.GLU_TM", "14749-6", "6.1", "mmol/L", "Lúc đói", "Bình thường")]
    assert ctx.exam.draft(visit.id, LABORATORY_DESK) is None

    page.show_desk(page.vitals)
    page.open_visit(visit)
    page.show_desk(lab)
    qtbot.waitUntil(lambda: lab.sheet is not None and len(lab.rows) == 1 and lab.rows[0].value.text() == "6.1")
    assert lab.rows[0].name.text() == "Glucose máu tĩnh mạch"


def test_a_row_goes_only_after_a_second_ctrl_delete(qtbot, page, ctx, nurse):
    visit = visits.open_visit(ctx, nurse, year=1975)
    lab = open_laboratory(qtbot, page, visit)
    for name, value in (("hemo", "125"), ("protein", "am tinh")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        row = lab.rows[-1]
        qtbot.waitUntil(row.name.hasFocus)
        type_text(row.name, name)
        press_enter(row.name)
        type_text(row.value, value)
    assert [r.service.text() for r in lab.rows] == ["XN.HB", "XN.NT_PRO"]
    first = lab.rows[0]
    first.value.setFocus()
    qtbot.keyClick(first.value, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "Xoá dòng 1 (Hemoglobin (test nhanh))?" in lab.message.text() and len(lab.rows) == 2
    qtbot.keyClick(first.value, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [r.service.text() for r in lab.rows] == ["XN.NT_PRO"]
    qtbot.waitUntil(lambda: ctx.exam.draft(visit.id, LABORATORY_DESK) is not None, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Đã lưu 1 dòng" in lab.message.text())
    assert [(r.service, r.value, r.item) for r in ctx.laboratory.sheet(visit.id).rows] == [("XN.NT_PRO", "am tinh", 1)]


def test_a_row_without_its_result_is_refused_in_words(qtbot, page, ctx, nurse):
    visit = visits.open_visit(ctx, nurse, year=1975)
    lab = open_laboratory(qtbot, page, visit)
    type_text(lab.rows[0].name, "hcg")
    press_enter(lab.rows[0].name)
    for part in ("value", "unit", "description", "conclusion"):  # nothing typed: Enter on to the save
        enter_at(qtbot, getattr(lab.rows[0], part))
    qtbot.waitUntil(lambda: "Dòng xét nghiệm 1 chưa đủ" in lab.message.text())
    assert ctx.laboratory.sheet(visit.id).rows == ()


def test_a_childs_visit_has_no_laboratory_tab(qtbot, page, ctx, nurse):
    today = dt.date.today()
    child = visits.open_visit(ctx, nurse, "Lò Văn Bình", year=today.year - 3, birth_date=dt.date(today.year - 3, 1, 1))
    page.open_visit(child)
    lab = laboratory_of(page)
    qtbot.waitUntil(lambda: not page.tabs.isTabVisible(tab_of(page, lab)))
