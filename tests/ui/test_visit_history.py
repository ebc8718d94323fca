"""The visit's history view: every version of every part, with who, when and why, newest first."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from station_app.core.checkup_book import Topic, specialties
from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
from station_app.core.model import FundingSource, HealthClass, Sex, Specialty
from station_app.core.settings import Settings
from station_app.services.station.findings import Diagnosis, HistoryAnswer
from station_app.services.station.registry import ConsentInput, ResidentInput
from station_app.ui.exam.history_dialog import VisitHistoryDialog, local_time
from station_app.ui.pages.exam import ExamPage
from support.pl01 import answer_everything

SHOTS = Path(__file__).resolve().parents[2] / "shots"
CONSENT = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()))
VITALS = {"height_cm": 158, "weight_kg": 52.5, "pulse": 78, "systolic_1": 128, "diastolic_1": 82,
          "systolic_2": 124, "diastolic_2": 80, "temperature_c": 36.8, "vision_right": 1.0, "vision_left": 1.0}


@pytest.fixture
def amended(ctx, nurse, doctor):
    """A visit measured, examined, completed, then its weight and its eye finding changed with reasons."""
    resident = ctx.registry.register_new(nurse, ResidentInput(full_name="Lường Văn Minh", sex=Sex.MALE,
                                                              birth_year=1975))
    info = ctx.station.info()
    visit = ctx.registry.open_visit(nurse, resident.id, site_id=info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET,
                                    target_groups=[], consent=CONSENT)
    ctx.exam.save_vitals(nurse, visit.id, entries=VITALS)
    ctx.findings.save_history(doctor, visit.id, answers=[HistoryAnswer("tobacco", True, "10 điếu/ngày")])
    for specialty in specialties(Sex.MALE, 51):
        ctx.findings.save_finding(doctor, visit.id, specialty=specialty, no_abnormality=True, text=None, diagnoses=[], health_class=HealthClass.I)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.I, override_reason=None, advice="Bỏ thuốc lá", referral=None)
    ctx.findings.save_counselling(doctor, visit.id, topics=[Topic.TOBACCO], text="Bỏ thuốc lá")
    answer_everything(ctx, doctor, visit.id)
    ctx.findings.complete(doctor, visit.id)
    ctx.exam.save_vitals(nurse, visit.id, entries={**VITALS, "weight_kg": 54}, reason="Cân lại")
    ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.EYES, no_abnormality=False, text="Cận thị", diagnoses=[Diagnosis("H52.1")],
                              health_class=HealthClass.II, reason="Ghi nhầm chuyên khoa")
    return visit


def open_dialog(qtbot, ctx, tasks, visit):
    dialog = VisitHistoryDialog(ctx, tasks, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def rows(dialog):
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def test_every_version_is_listed_newest_first_with_who_when_and_why(app, qtbot, ctx, tasks, amended):
    started = dt.datetime.now().strftime("%d/%m/%Y")
    dialog = open_dialog(qtbot, ctx, tasks, amended)
    listed = rows(dialog)
    vitals = [r for r in listed if r[0] == "Sinh hiệu"]
    assert [(r[1], r[2], r[4]) for r in vitals] == [("2 (hiện tại)", "Tòng Thị Hoa", "Cân lại"),
                                                    ("1", "Tòng Thị Hoa", "")]
    assert "Cân nặng: 54 kg" in vitals[0][5] and "Cân nặng: 52,5 kg" in vitals[1][5]
    assert "Huyết áp lần 1: 128/82 mmHg" in vitals[0][5]
    assert all(r[3].startswith(started) and len(r[3]) == len("dd/mm/yyyy HH:MM") for r in listed)
    eyes = [r for r in listed if r[0] == "Khám Mắt"]
    assert [(r[1], r[2], r[4]) for r in eyes] == [("2 (hiện tại)", "Lò Thị Lan", "Ghi nhầm chuyên khoa"),
                                                  ("1", "Lò Thị Lan", "")]
    assert "Khám Mắt: Cận thị" in eyes[0][5] and "H52.1 – Cận thị" in eyes[0][5]
    assert "Khám Mắt: Không phát hiện bất thường" in eyes[1][5]
    assert listed[0][0] == "Khám Mắt"  # the last change comes first
    assert {"Tiền sử: Hút thuốc lá, thuốc lào", "Kết luận", "Tư vấn", "Khám Nội khoa"} <= {r[0] for r in listed}
    times = [v.changed_at for v in dialog.versions]
    assert times == sorted(times, reverse=True)
    bold = [dialog.table.item(r, 0).font().bold() for r in range(len(listed))]
    assert bold == [v.current for v in dialog.versions] and bold.count(False) == 2  # only the two amended kept
    assert "Cân nặng: 52,5 kg" in dialog.table.item(listed.index(vitals[1]), 5).toolTip()
    SHOTS.mkdir(exist_ok=True)
    dialog.resize(1200, 620)
    qtbot.wait(20)
    dialog.grab().save(str(SHOTS / "history.png"))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def pane(dialog, row: int) -> list[str]:
    dialog.table.setCurrentCell(row, 0)
    return [line.strip() for line in dialog.detail.toPlainText().splitlines() if line.strip()]


def test_the_selected_version_reads_as_labels_and_values_with_what_changed_and_why(app, qtbot, ctx, tasks, amended):
    dialog = open_dialog(qtbot, ctx, tasks, amended)
    listed = rows(dialog)
    eyes = pane(dialog, 0)  # the last change, selected when the dialog opens
    assert eyes[:2] == ["Khám Mắt · phiên bản 2 (hiện tại)", f"Ghi bởi Lò Thị Lan, lúc {listed[0][3]}"]
    assert {"Khám Mắt: Cận thị", "Chẩn đoán (ICD-10): H52.1 – Cận thị", "Phân loại sức khoẻ: II",
            "Thay đổi so với phiên bản 1", "Khám Mắt: Không phát hiện bất thường → Cận thị",
            "Chẩn đoán (ICD-10): — → H52.1 – Cận thị", "Phân loại sức khoẻ: I → II",
            "Lý do sửa: Ghi nhầm chuyên khoa"} <= set(eyes)
    vitals = pane(dialog, next(i for i, r in enumerate(listed) if r[0] == "Sinh hiệu" and r[1] == "2 (hiện tại)"))
    assert {"Cân nặng: 54 kg", "Huyết áp lần 1: 128/82 mmHg", "Huyết áp lần 2: 124/80 mmHg",
            "Huyết áp trung bình: 126/81 mmHg (Huyết áp bình thường)", "Cân nặng: 52,5 kg → 54 kg",
            "Lý do sửa: Cân lại"} <= set(vitals)
    first = pane(dialog, next(i for i, r in enumerate(listed) if r[0] == "Kết luận"))
    assert "Phân loại sức khoẻ chung: I" in first and not any(line.startswith("Thay đổi") for line in first)
    counselling = pane(dialog, next(i for i, r in enumerate(listed) if r[0] == "Tư vấn"))
    assert {"Chủ đề tư vấn: Thuốc lá, thuốc lào", "Nội dung tư vấn: Bỏ thuốc lá"} <= set(counselling)
    for row in range(len(listed)):  # no record shown as JSON, no internal ids
        text = "\n".join(pane(dialog, row))
        assert not [mark for mark in ("{", "}", '"', "recorded_by", "visit_id") if mark in text], text
    dialog.reject()


def test_the_service_names_the_author_and_the_reason_of_each_version(ctx, amended):
    versions = [v for v in ctx.findings.versions(amended.id) if v.part == "vitals"]
    assert [(v.version, v.changed_by, v.reason, v.current, v.values["weight_kg_1"]) for v in versions] == [
        (2, "Tòng Thị Hoa", "Cân lại", True, 54), (1, "Tòng Thị Hoa", None, False, 52.5)]
    assert local_time(dt.datetime(2026, 3, 1, 2, 5)) == dt.datetime(2026, 3, 1, 2, 5, tzinfo=dt.UTC) \
        .astimezone().strftime("%d/%m/%Y %H:%M")


def test_the_exam_page_opens_the_history_with_ctrl_h_once_a_visit_is_loaded(app, qtbot, ctx, nurse, tasks, amended):
    page = ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, Settings())
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    assert not page.history_button.isVisible()
    page.open_visit(amended)
    assert page.history_button.isVisible() and page.history_button.text() == "Lịch sử thay đổi (Ctrl+H)"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "history_dialog", None) is not None
                    and page.history_dialog.table.rowCount() > 0)
    assert page.history_dialog.isVisible()
    page.history_dialog.reject()
    tasks.wait()
