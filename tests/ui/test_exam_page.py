"""The exam page's picture inputs (camera, image file, clipboard), its desks following a vital-signs save, and
drafts kept when the page is left. Faked: the camera device (none plugged in) and the file dialog."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices
from PySide6.QtWidgets import QApplication, QFileDialog

from support import visits
from support.gui import press_enter, qr_picture, type_text
from station_app.core.cards import SlipIdentity
from station_app.core.checkup_book import Topic
from station_app.core.model import Sex
from station_app.core.qr_payloads import encode_slip
from station_app.core.settings import Settings
from station_app.services.common.decoding import to_grayscale
from station_app.ui.dialogs.choose import ChooseDialog
from station_app.ui.pages.exam import ExamPage

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(exam_page, nurse):
    return exam_page(nurse)


@pytest.fixture
def no_camera(monkeypatch):
    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultVideoInput", staticmethod(lambda: QCameraDevice()))


def open_visit(ctx, user, name="Tòng Thị Hoa", year=1968, sex=Sex.FEMALE):
    return visits.open_visit(ctx, user, name, year, sex, groups=())


def slip_picture(*visits) -> Image.Image:
    """A photo-sized picture of the visits' slip QR codes side by side, as the slip printer makes them."""
    return qr_picture([encode_slip(SlipIdentity(visit_id=visit.id, national_id=None, full_name=visit.resident_name,
                                                birth_year=visit.birth_year, sex=visit.sex,
                                                queue_number=visit.queue_number, visit_date=visit.visit_date,
                                                site_code="TYT-MK")) for visit in visits], left=120, gap=80)


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def wait_until_open(qtbot, page, visit) -> None:
    qtbot.waitUntil(lambda: page.visit is not None and page.visit.id == visit.id and page.vitals.isEnabled(),
                    timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.vitals.first_field())


def test_an_image_file_of_a_slip_opens_the_visit_at_the_first_field(qtbot, page, ctx, nurse, monkeypatch, tmp_path):
    open_visit(ctx, nurse, "Lò Văn Đức", 1960, Sex.MALE)
    visit = open_visit(ctx, nurse)
    path = tmp_path / "phiếu khám.png"
    slip_picture(visit).save(path)
    choose_file(monkeypatch, path)
    qtbot.keyClick(page.scan, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    wait_until_open(qtbot, page, visit)
    assert "Tòng Thị Hoa" in page.who.text() and page.message.text() == ""


def test_a_camera_frame_with_a_slip_opens_the_visit(qtbot, page, ctx, nurse, no_camera):
    visit = open_visit(ctx, nurse)
    qtbot.keyClick(page.scan, Qt.Key.Key_F4)
    assert page.sources.camera is not None and page.sources.camera_panel.isVisible()
    assert page.sources.camera_button.text() == "Tắt camera (F4)"
    assert "Không tìm thấy camera" in page.sources.camera._message.text()  # said plainly, in the preview
    page.sources.camera.decoder.offer_frame(to_grayscale(slip_picture(visit)))
    wait_until_open(qtbot, page, visit)
    page.sources.camera_button.click()
    assert not page.sources.camera_panel.isVisible()


def test_a_pasted_picture_of_a_slip_opens_the_visit(qtbot, page, ctx, nurse):
    visit = open_visit(ctx, nurse)
    picture = slip_picture(visit).tobytes()
    QGuiApplication.clipboard().setImage(
        QImage(picture, 1280, 720, 1280, QImage.Format.Format_Grayscale8).copy())
    qtbot.keyClick(page.scan, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_until_open(qtbot, page, visit)
    assert page.scan.text() == ""  # the picture was read, not pasted as text


def test_two_slips_in_one_picture_let_the_nurse_choose(qtbot, page, ctx, nurse, monkeypatch, tmp_path):
    first, second = open_visit(ctx, nurse, "Lò Văn Đức", 1960, Sex.MALE), open_visit(ctx, nurse)
    path = tmp_path / "hai phiếu.png"
    slip_picture(first, second).save(path)
    choose_file(monkeypatch, path)
    qtbot.keyClick(page.scan, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.sources.dialog, ChooseDialog), timeout=5000)
    chooser = page.sources.dialog
    assert [chooser.items.item(i).text() for i in range(2)] == [
        "Phiếu khám: Lò Văn Đức, sinh 1960", "Phiếu khám: Tòng Thị Hoa, sinh 1968"]
    assert page.visit is None  # none is taken silently
    qtbot.keyClick(chooser.items, Qt.Key.Key_Down)
    qtbot.keyClick(chooser.items, Qt.Key.Key_Return)
    wait_until_open(qtbot, page, second)
    assert page.sources.dialog is None


def test_a_picture_without_a_code_says_what_to_do(qtbot, page, monkeypatch, tmp_path):
    path = tmp_path / "trống.png"
    Image.new("L", (640, 480), 200).save(path)
    choose_file(monkeypatch, path)
    qtbot.mouseClick(page.sources.image_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Không thấy mã QR nào trong ảnh" in page.message.text(), timeout=5000)
    assert page.visit is None


def test_the_camera_is_not_loaded_until_it_is_switched_on(qtbot, page):
    assert page.sources.camera is None and not page.sources.camera_panel.isVisible()


def test_a_camera_chosen_in_the_settings_opens_when_the_page_is_shown(app, qtbot, ctx, nurse, tasks, no_camera):
    settings = Settings()
    settings.scanner_mode = "camera"
    made = ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, settings)
    qtbot.addWidget(made)
    camera = made.sources.camera
    assert made.sources.camera_button.isChecked() and camera._message.text() == ""  # not tried while off screen
    made.show()
    qtbot.waitExposed(made)
    assert "Không tìm thấy camera" in camera._message.text()  # tried once shown: none here, said plainly
    made.sources.stop()
    made.hide()


def test_counselling_suggests_the_topics_of_vital_signs_saved_after_it_was_opened(qtbot, page, ctx, nurse):
    counselling = next(form for form, _title in page.desks if type(form).__name__ == "CounsellingForm")
    visit = open_visit(ctx, nurse)
    page.open_visit(visit)
    qtbot.waitUntil(lambda: page.vitals.isEnabled())
    page.show_desk(counselling)  # looked at before the blood pressure was measured: nothing to suggest
    qtbot.waitUntil(lambda: counselling.state is not None)
    assert Topic.HYPERTENSION not in counselling.suggested
    page.show_desk(page.vitals)
    form = page.vitals
    for field, typed in (("height_cm", "152"), ("weight_kg", "62"), ("systolic_1", "150"), ("diastolic_1", "95"),
                         ("systolic_2", "152"), ("diastolic_2", "96")):
        form.edits[field].setFocus()
        type_text(form.edits[field], typed)
        press_enter(form.edits[field])
    form.save()
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1, timeout=5000)
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Tư vấn"
    qtbot.waitUntil(lambda: Topic.HYPERTENSION in counselling.suggested, timeout=5000)
    box = counselling.boxes[Topic.HYPERTENSION]
    assert box.isChecked() and "(gợi ý)" in box.text()
    assert "Tăng huyết áp" in counselling.from_flags.text()


def test_leaving_the_page_or_opening_another_visit_keeps_every_desks_draft(qtbot, page, ctx, nurse):
    calls: list[tuple[str, bool]] = []
    for form, _title in page.desks:  # each desk that keeps drafts writes them (a stand-in records the calls)
        form.save_draft_now = lambda wait=False, name=type(form).__name__: calls.append((name, wait))
    first, second = open_visit(ctx, nurse), open_visit(ctx, nurse, "Giàng A Sử", 1956, Sex.MALE)
    page.open_visit(first)
    qtbot.waitUntil(lambda: page.vitals.isEnabled())
    calls.clear()
    page.open_visit(second)
    desks = {type(form).__name__ for form, _title in page.desks}  # doctor, counselling, laboratory…
    assert {name for name, _wait in calls} == desks >= {"DoctorForm", "CounsellingForm", "DoctorPl01Desk",
                                                        "ChildDevelopmentDesk", "LaboratoryForm"}
    calls.clear()
    page.hide()
    assert sorted(calls) == sorted((name, True) for name in desks)
