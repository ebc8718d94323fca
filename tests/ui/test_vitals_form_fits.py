"""The vital-signs desk in the main window maximised on a 1366×768 laptop, in both languages: nothing is cut or
needs a sideways scroll (English labels are longer), and an unusual value's note reads in a few lines."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from support import NURSE_PASSWORD
from support.exam import pick_from_queue
from support.visits import open_visit
from support.window import MAXIMISED_AT_1366, page_at_1366, settled

from support.gui import press_enter, type_text

def vitals_desk(qtbot, controller, language):
    page = page_at_1366(qtbot, controller, "y.ta.hoa", NURSE_PASSWORD, language, "exam")
    qtbot.waitUntil(lambda: page.vitals.isVisible() and page.vitals.width() > 0)
    return page


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_vitals_form_needs_no_sideways_scroll_at_1366_pixels(qtbot, controller, nurse, language):
    page = vitals_desk(qtbot, controller, language)
    settled(qtbot)
    assert page.window().width() == MAXIMISED_AT_1366[0], "the page widens the window past the screen"
    area = page.vitals.findChild(QScrollArea)
    assert not area.horizontalScrollBar().isVisible(), \
        f"{area.widget().minimumSizeHint().width()} px wanted, {area.viewport().width()} px shown"
    assert page.vitals.bp_labels[0].text().startswith("Blood pressure" if language == "en" else "Huyết áp")
    for label in area.widget().findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.width() >= label.minimumSizeHint().width(), f"{label.text()!r} is cut"
            if label.hasHeightForWidth():
                assert label.height() >= label.heightForWidth(label.width()), f"{label.text()!r} is cut"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_an_unusual_values_note_reads_in_a_few_lines_at_1366_pixels(qtbot, controller, ctx, nurse, language):
    page = vitals_desk(qtbot, controller, language)
    pick_from_queue(qtbot, page, open_visit(ctx, nurse, "Tòng Thị Hoa", 1978, groups=()))
    form = page.vitals
    for key, typed in (("height_cm", "160"), ("weight_kg", "55"), ("waist_cm", "80"), ("pulse", "130"),
                       ("systolic_1", "200"), ("diastolic_1", "125")):
        assert QApplication.focusWidget() is form.edits[key]
        type_text(form.edits[key], typed)
        press_enter(form.edits[key])
    settled(qtbot)
    for key in ("pulse", "systolic_1", "diastolic_1"):
        note = form.notes[key]
        assert note.text()
        lines = note.heightForWidth(note.width()) / note.fontMetrics().lineSpacing()
        assert lines <= 3.5, f"{key}'s note is {lines:.0f} lines in {note.width()} px"
    if language == "en":  # the unit in the interface's language, as beside the field
        assert "lần/phút" not in form.notes["pulse"].text() and "/min" in form.notes["pulse"].text()
