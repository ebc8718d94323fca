"""A campaign that has ended: the reception and exam pages say so and what to do, no visit dialog opens; the
administrator extends it or starts the next one from Quản trị."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from support.gui import show_page, type_text
from station_app.core.model import Sex
from station_app.core.settings import Settings
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain
from station_app.services.station.registry import ResidentInput
from station_app.ui.main_window import MainWindow
from station_app.ui.pages.campaign_panel import CampaignDialog
from station_app.ui.pages.exam import ExamPage
from station_app.ui.pages.reception import ReceptionPage
from support import station_setup

TODAY = dt.date.today()
ENDED = TODAY - dt.timedelta(days=1)
CCCD_DUC = "011085001234||Lò Văn Đức|02041985|Nam|Bản Nà Khương, xã Mường Kim, Lai Châu|11072022"


@pytest.fixture
def ctx(empty_ctx):
    """A station whose campaign ended yesterday."""
    empty_ctx.station.initialise(station_setup(campaign_start=TODAY - dt.timedelta(days=200), campaign_end=ENDED))
    return empty_ctx


@pytest.fixture
def reception(app, qtbot, ctx, nurse, tasks):
    station = ctx.station.info()
    page = show_page(qtbot, ReceptionPage(ctx, tasks, station.site_id, nurse, Settings(), station), 1366, 700)
    yield page
    page.serial.close()
    tasks.wait()


def test_reception_says_the_campaign_has_ended_and_opens_no_visit_until_it_is_extended(qtbot, reception, ctx,
                                                                                    nurse, admin):
    page = reception
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=3000)
    text = page.banner.label.text()
    assert f"đã kết thúc ngày {ENDED:%d/%m/%Y}" in text
    assert "quản trị viên gia hạn đợt khám hoặc bắt đầu đợt khám mới trong Quản trị" in text
    ctx.registry.register_new(nurse, ResidentInput(full_name="Lò Văn Đức", sex=Sex.MALE,
                                                   birth_date=dt.date(1985, 4, 2), national_id="011085001234",
                                                   village="Bản Nà Khương",
                                                   address="Bản Nà Khương, xã Mường Kim, Lai Châu"))
    page.handle_scan(CCCD_DUC, "test")
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    qtbot.mouseClick(page.open_visit_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None and "đã kết thúc" in page.message.text()

    ctx.campaigns.extend(admin, TODAY + dt.timedelta(days=30))
    page.refresh()  # the page shown again
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: page.station.campaign_end == TODAY + dt.timedelta(days=30), timeout=3000)


def test_reception_follows_the_next_campaign_started_meanwhile(qtbot, reception, ctx, admin):
    page = reception
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=3000)
    new = ctx.campaigns.start_next(admin, "Khám sức khỏe định kỳ (đợt sau)", start=TODAY, end=TODAY + dt.timedelta(days=300))
    page.refresh()
    qtbot.waitUntil(lambda: not page.banner.isVisible() and page.station.campaign_id == new.id, timeout=3000)


def test_the_exam_page_says_the_campaign_has_not_begun(app, qtbot, ctx, nurse, tasks, admin):
    ctx.campaigns._today = lambda: TODAY - dt.timedelta(days=365)  # the laptop's clock a year behind
    page = show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, Settings()), 1366, 700)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=3000)
    text = page.banner.label.text()
    assert "bắt đầu ngày" in text and "ngày giờ của máy" in text and "Quản trị" in text
    ctx.campaigns._today = lambda: ENDED
    page.refresh()
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=3000)
    tasks.wait()


class ScriptedCampaignDialog(CampaignDialog):
    """Stands in for the modal dialog: keeps what it suggested, fills in ``values`` as the admin would, accepts."""

    values: dict[str, object] = {}
    suggested: dict[str, object] = {}

    def exec(self) -> int:
        ScriptedCampaignDialog.suggested = {"name": self.name.text(), "start": self.start.date().toPython(),
                                            "end": self.end.date().toPython()}
        if "name" in self.values:
            self.name.clear()
            type_text(self.name, str(self.values["name"]))
        for edit, key in ((self.start, "start"), (self.end, "end")):
            if key in self.values:
                day = self.values[key]
                edit.setDate(QDate(day.year, day.month, day.day))
        return QDialog.DialogCode.Accepted


def _campaign_events(ctx):
    with UnitOfWork(ctx.db) as uow:
        return [(e.action, e.details) for e in load_audit_chain(uow.session)[0] if e.entity == "campaigns"]


@pytest.fixture
def admin_page(app, qtbot, ctx, admin):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    page = window.pages["admin"]
    page.campaign_panel._dialog = ScriptedCampaignDialog
    qtbot.waitUntil(lambda: page.campaign_panel.campaign is not None, timeout=3000)
    yield page
    window.tasks.wait()


def test_the_administrator_extends_an_ended_campaign_from_the_admin_page(qtbot, admin_page, ctx):
    page, panel = admin_page, admin_page.campaign_panel
    assert f"đã kết thúc ngày {ENDED:%d/%m/%Y}" in panel.state.text()
    later = TODAY + dt.timedelta(days=45)
    ScriptedCampaignDialog.values = {"end": later}
    asked, current = [], ctx.campaigns.current
    ctx.campaigns.current = lambda: asked.append(1) or current()
    qtbot.mouseClick(panel.extend_button, Qt.MouseButton.LeftButton)
    assert ScriptedCampaignDialog.suggested["end"] == TODAY + dt.timedelta(days=30)
    qtbot.waitUntil(lambda: "Đã lưu" in panel.message.text(), timeout=3000)
    qtbot.waitUntil(lambda: f"{later:%d/%m/%Y}" in page.station_values[4].text(), timeout=3000)
    assert "nằm trong đợt khám" in panel.state.text()
    assert ctx.station.info().campaign_end == later
    assert _campaign_events(ctx) == [("update", {"end_date": [ENDED.isoformat(), later.isoformat()]})]
    admin_page.window().tasks.wait()
    assert not asked  # the saved campaign came back with the change: not asked for again


def test_the_administrator_starts_the_next_campaign_and_a_bad_date_is_explained(qtbot, admin_page, ctx):
    page, panel = admin_page, admin_page.campaign_panel
    old = ctx.station.info()
    ScriptedCampaignDialog.values = {"name": "Khám sức khỏe định kỳ (đợt sau)", "start": TODAY,
                                     "end": TODAY - dt.timedelta(days=1)}
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert ScriptedCampaignDialog.suggested["start"] == TODAY  # the old one is over: the next one from today
    qtbot.waitUntil(lambda: "Ngày kết thúc" in panel.message.text(), timeout=3000)
    assert ctx.station.info().campaign_id == old.campaign_id

    end = TODAY + dt.timedelta(days=300)
    ScriptedCampaignDialog.values = {"name": "Khám sức khỏe định kỳ (đợt sau)", "start": TODAY, "end": end}
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu" in panel.message.text(), timeout=3000)
    qtbot.waitUntil(lambda: "(đợt sau)" in page.station_values[4].text(), timeout=3000)
    assert "nằm trong đợt khám" in panel.state.text()
    info = ctx.station.info()
    assert info.campaign_id != old.campaign_id and (info.campaign_start, info.campaign_end) == (TODAY, end)
    assert [action for action, _ in _campaign_events(ctx)] == ["create"]


def test_the_progress_page_runs_past_the_end_date_to_a_visit_made_after_it(qtbot, app, ctx, nurse, coordinator,
                                                                          tasks):
    """A visit an earlier version let through after the end date is counted, and the page says up to when."""
    from station_app.persistence.tables import VisitRow
    from station_app.ui.pages.progress import ProgressPage

    info = ctx.station.info()
    late = TODAY  # the campaign ended yesterday
    resident = ctx.registry.register_new(nurse, ResidentInput(full_name="Lò Thị Đào", sex=Sex.FEMALE,
                                                              birth_year=1970))
    with UnitOfWork(ctx.db) as uow:
        uow.session.add(VisitRow(resident_id=resident.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                 visit_date=late, queue_number=1, status="completed", funding_source="state_budget"))
        uow.commit()
    page = show_page(qtbot, ProgressPage(ctx, tasks, coordinator), 1366, 700)
    qtbot.waitUntil(lambda: page.snapshot is not None and not page.loading and not page._reload.isActive()
                    and page.station is not None, timeout=15_000)
    assert page.snapshot.date_to == late and page.snapshot.overall.examined == 1
    assert f"số liệu đến hết ngày {late:%d/%m/%Y}" in page.scope.text()
    tasks.wait()


@pytest.mark.parametrize("new", [False, True])
def test_the_dialog_opens_for_a_campaign_ending_in_year_9999(app, qtbot, new):
    """The date pickers allow 31/12/9999 (and the command line any date): the next dialog still opens, suggesting
    the last day there is instead of failing on a year 10000."""
    from PySide6.QtWidgets import QWidget

    from station_app.services.station.campaigns import CampaignInfo

    parent = QWidget()
    qtbot.addWidget(parent)
    far = CampaignInfo("c", "Khám sức khỏe định kỳ 9999", 9999, dt.date(9999, 1, 1), dt.date(9999, 12, 31), TODAY)
    dialog = CampaignDialog(parent, far, new)
    assert dialog.end.date().toPython() == dt.date.max


def test_a_second_click_while_the_next_campaign_is_being_saved_starts_no_second_one(qtbot, admin_page, ctx):
    panel = admin_page.campaign_panel
    ScriptedCampaignDialog.values = {"name": "Khám sức khỏe định kỳ (đợt sau)", "start": TODAY,
                                     "end": TODAY + dt.timedelta(days=300)}
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)  # the impatient double click
    qtbot.waitUntil(lambda: "Đã lưu" in panel.message.text(), timeout=3000)
    admin_page.window().tasks.wait()
    assert [action for action, _ in _campaign_events(ctx)] == ["create"]
    assert panel.new_button.isEnabled() and panel.extend_button.isEnabled()


def test_a_changed_visit_reloads_the_exam_queue_but_not_the_campaign(app, qtbot, ctx, nurse, tasks):
    page = show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, Settings()), 1366, 700)
    qtbot.waitUntil(lambda: page.banner.campaign is not None, timeout=3000)
    tasks.wait()
    asked, queues = [], []
    current, todays_queue = ctx.campaigns.current, ctx.registry.todays_queue
    ctx.campaigns.current = lambda: asked.append(1) or current()
    ctx.registry.todays_queue = lambda site: queues.append(1) or todays_queue(site)
    page.visits.changed.emit("a-visit")  # every desk save says so
    tasks.wait()
    qtbot.wait(50)
    assert (len(queues), len(asked)) == (1, 0)
