"""The exam page: today's queue on the left, the resident's desks as tabs on the right.

Ctrl+P prints the resident's check-up sheet (QĐ 1551) of a completed visit (``ui/exam/checkup_sheet.py``).
A slip scan (a keyboard-mode scanner's burst anywhere on the page, a serial scanner, the camera (F4), an image file
(Ctrl+O) or a picture on the clipboard (Ctrl+V), or a payload typed or pasted in the scan field), an ID card scan
(the holder's visit of today) or a queue pick (arrows and Enter) opens the visit with the first field of the desk
focused. A slip printed on another laptop opens its visit here under the same id. The doctor and counselling
desks appear as tabs only when their modules (``ui/exam/doctor_form.py``, ``ui/exam/counselling_form.py``)
are installed; each is a widget made as ``Form(ctx, tasks, user)`` with ``load(visit)``.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.core.cards import ScanKind
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.qr_payloads import parse_payload
from station_app.core.roles import Permission, can
from station_app.core.settings import Settings
from station_app.ui.campaign_banner import CampaignBanner
from station_app.ui.errors import show_error
from station_app.ui.exam import operations as ops
from station_app.ui.exam.checkup_sheet import CheckupSheetButton
from station_app.ui.exam.counselling_form import CounsellingForm
from station_app.ui.exam.desk_form import scrolling
from station_app.ui.exam.doctor_form import DoctorForm
from station_app.ui.exam.history_dialog import VisitHistoryDialog
from station_app.ui.exam.laboratory_form import LaboratoryForm
from station_app.ui.exam.pl01_desk import ChildDevelopmentDesk, DoctorPl01Desk, FormChangeDialog, form_line
from station_app.ui.exam.pl01_state import on_desk
from station_app.ui.exam.signing import SignatureBar, UnsignedDialog
from station_app.ui.exam.vitals_form import VitalsForm
from station_app.ui.labels import status_label
from station_app.ui.printing import sex_label
from station_app.ui.scanning.keyboard_wedge import KeyboardWedgeFilter
from station_app.ui.scanning.scan_sources import ScanSources
from station_app.ui.scanning.serial_scanner import SerialScanner
from station_app.ui.visit_events import VisitEvents
from station_app.ui.widgets import Retranslating, desk_page, heading, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import VisitInfo
    from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
# (form, tab title) of the desks other than vital signs
OTHER_DESKS = (
    (LaboratoryForm, QT_TRANSLATE_NOOP("ExamPage", "Xét nghiệm")),  # its tab only for forms with laboratory rows
    (ChildDevelopmentDesk, QT_TRANSLATE_NOOP("ExamPage", "Phát triển của trẻ")),
    (DoctorForm, QT_TRANSLATE_NOOP("ExamPage", "Bác sĩ khám")),
    (DoctorPl01Desk, QT_TRANSLATE_NOOP("ExamPage", "Khám theo mẫu QĐ 1551")),
    (CounsellingForm, QT_TRANSLATE_NOOP("ExamPage", "Tư vấn")),
)


class ExamPage(Retranslating):
    """``refresh()`` reloads today's queue; ``handle_scan(text, source)`` takes any scanner's payload;
    ``open_visit(visit)`` shows a visit on every desk. ``vitals`` is the vital-signs form."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner, site_id: str, user: SignedInUser | None = None,
                 settings: Settings | None = None, visits: VisitEvents | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._site_id, self._user = ctx, tasks, site_id, user
        self.visits = visits or VisitEvents(self)  # the window's: a visit changed on any desk shows in the queue
        self.settings = settings or Settings()
        self.visit: VisitInfo | None = None
        self.queue_visits: list[VisitInfo] = []
        self._baud = 0
        self._build()
        self.retranslate()
        self.apply_settings(self.settings)

    def _build(self) -> None:
        self.title = heading()
        self._build_scan()
        self._build_queue()
        who_row = self._build_who_row()
        self._build_desks()
        columns = self._build_columns(who_row)
        scan_row = self._build_scan_row()
        self._build_layout(scan_row, columns)
        self._build_scanners_and_keys()

    def _build_scan(self) -> None:
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setClearButtonEnabled(True)
        self.scan.returnPressed.connect(lambda: self.handle_scan(self.scan.text(), "typed"))
        self.message = message_label()
        self.sources = ScanSources(self, self._tasks)
        self.sources.scanned.connect(self.handle_scan)
        self.sources.failed.connect(lambda text: show_message(self.message, text))
        self.sources.watch_paste(self.scan)

    def _build_queue(self) -> None:
        self.queue = QListWidget()
        self.queue.itemActivated.connect(self._picked)
        self.queue_box = QGroupBox()
        queue_layout = QVBoxLayout(self.queue_box)
        queue_layout.addWidget(self.queue)

    def _build_who_row(self) -> QHBoxLayout:
        self.who = QLabel()
        self.who.setObjectName("subheading")
        self.who.setWordWrap(True)
        self.history_button = QPushButton()
        self.history_button.setObjectName("history")
        self.history_button.setVisible(False)
        self.history_button.clicked.connect(self.show_history)
        self.form_label = QLabel()  # the visit's PL01 form
        self.form_label.setObjectName("visit_form")
        self.form_label.setWordWrap(True)
        self.form_button = QPushButton()
        self.form_button.setObjectName("change_form")
        self.form_button.setAutoDefault(False)
        self.form_button.setVisible(False)
        self.form_button.clicked.connect(self.change_form)
        self.visit_form = None  # (VisitForm, FormDefinition) of the visit on screen
        who_row = QHBoxLayout()
        who_row.addWidget(self.who, 1)
        who_row.addWidget(self.form_label, 1)
        who_row.addWidget(self.form_button)
        who_row.addWidget(self.history_button)
        self.sheet_button = CheckupSheetButton(self._ctx, self._tasks, self._user, self.message)  # Ctrl+P
        who_row.addWidget(self.sheet_button)
        return who_row

    def _build_desks(self) -> None:
        self.tabs = QTabWidget()
        self.signature_bar = SignatureBar(self._ctx, self._tasks, self._user)  # QĐ 1551: each part signed
        self.vitals = VitalsForm(self._ctx, self._tasks, self._user)
        self.vitals.saved.connect(self._vitals_saved)
        self.vitals.saved.connect(self.visits.changed)
        self.vitals.saved.connect(lambda visit_id: self.signature_bar.after_save(visit_id))
        self.tabs.addTab(self._scrolling(self.vitals), "")
        self.desks: list[tuple[QWidget, str]] = []
        for desk, title in OTHER_DESKS:
            form = desk(self._ctx, self._tasks, self._user)
            form.saved.connect(self.visits.changed)  # the doctor's completion changes the visit's state
            if desk is not CounsellingForm:  # counselling is advice given, no examination to sign
                form.saved.connect(lambda visit_id, concludes=desk is DoctorForm:
                                   self.signature_bar.after_save(visit_id, conclude=concludes))
            self.tabs.addTab(self._scrolling(form), "")
            self.desks.append((form, title))
        self._stale: set[int] = set()  # desks (by id) that still show an earlier visit
        self.visits.changed.connect(self._visit_changed)
        self.visits.changed.connect(self.sheet_button.visit_changed)  # a completion enables the sheet
        self.tabs.currentChanged.connect(lambda _index: self._load_current_desk())

    def _build_columns(self, who_row: QHBoxLayout) -> QHBoxLayout:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(who_row)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.signature_bar)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sources.camera_panel, 1)
        left_layout.addWidget(self.queue_box, 2)
        columns = QHBoxLayout()
        columns.addWidget(left, 1)
        columns.addWidget(right, 3)
        return columns

    def _build_scan_row(self) -> QHBoxLayout:
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        for button in (self.sources.camera_button, self.sources.image_button, self.sources.paste_button):
            button.setAutoDefault(False)
            scan_row.addWidget(button)
        return scan_row

    def _build_layout(self, scan_row: QHBoxLayout, columns: QHBoxLayout) -> None:
        self.banner = CampaignBanner(self._ctx, self._tasks)  # today outside the campaign: no visit opens
        desk_page(self, [self.title, self.banner, scan_row, self.message], columns)

    def _build_scanners_and_keys(self) -> None:
        self.wedge = KeyboardWedgeFilter(self)
        self.wedge.scanned.connect(lambda text: self.handle_scan(text, "keyboard"))
        self.serial = SerialScanner(self)
        self.serial.scanned.connect(lambda text: self.handle_scan(text, "serial"))
        self._shortcuts = []
        for key, slot in (("F3", self.focus_scan), ("F6", self.focus_queue), ("Ctrl+H", self.show_history),
                           ("Ctrl+M", self.change_form), ("Ctrl+P", self.sheet_button.print_sheet),
                           ("Ctrl+K", self.show_unsigned)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Khám"))
        self.scan.setPlaceholderText(self.tr("Quét mã QR trên phiếu khám (hoặc dán mã rồi Enter) · F3"))
        self.queue_box.setTitle(self.tr("Hàng đợi hôm nay (mũi tên rồi Enter) · F6"))
        self.tabs.setTabText(0, self.tr("Sinh hiệu"))
        self.history_button.setText(self.tr("Lịch sử thay đổi (Ctrl+H)"))
        self.form_button.setText(self.tr("Đổi mẫu (Ctrl+M)"))
        self.sources.retranslate()
        for index, (_form, title) in enumerate(self.desks, 1):
            self.tabs.setTabText(index, QCoreApplication.translate("ExamPage", title))
        self._show_who()
        self._show_form()
        self._fill_queue()

    def show_unsigned(self) -> None:
        """"Chưa ký số" (Ctrl+K): the signed-in examiner's parts not yet signed, and "Ký bây giờ"."""
        if self._user is None:
            return
        dialog = UnsignedDialog(self._ctx, self._tasks, self._user, self)
        dialog.finished.connect(lambda _r: self.signature_bar.show_visit(self.visit.id if self.visit else None))
        dialog.open()

    # -- the queue -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load_queue()
        self.banner.refresh()

    def _load_queue(self) -> None:
        self._tasks.run(ops.todays_queue(self._ctx, site_id=self._site_id), parent=self, on_done=self._queue_loaded)

    def _queue_loaded(self, visits: list[VisitInfo]) -> None:
        self.queue_visits = visits
        self._fill_queue()

    def _fill_queue(self) -> None:
        current = self.queue.currentRow()
        self.queue.clear()
        for visit in self.queue_visits:
            item = QListWidgetItem(f"{visit.queue_number:>3}. {visit.resident_name} ({visit.birth_year}) · "
                                   f"{status_label(visit.status)}")
            item.setData(Qt.ItemDataRole.UserRole, visit.id)
            self.queue.addItem(item)
        if self.queue_visits:
            self.queue.setCurrentRow(min(max(current, 0), len(self.queue_visits) - 1))

    def _picked(self, item: QListWidgetItem) -> None:
        visit_id = item.data(Qt.ItemDataRole.UserRole)
        visit = next((v for v in self.queue_visits if v.id == visit_id), None)
        if visit is not None:
            self.open_visit(visit)

    # -- scans -----------------------------------------------------------------------------------------------

    def handle_scan(self, text: str, source: str) -> None:
        result = parse_payload(text, dt.date.today())
        log.info("exam scan from %s: %s, usable=%s", source, result.kind.value, result.usable)
        if not result.usable or (result.kind is ScanKind.SLIP and result.slip is None):
            show_message(self.message, self.tr("Không đọc được mã này. Hãy quét mã QR trên phiếu khám, hoặc chọn "
                                               "người dân trong hàng đợi."))
            return
        self.scan.clear()
        show_message(self.message, "")
        if result.kind is not ScanKind.SLIP:  # an ID or insurance card: the holder's visit of today, if any
            self._tasks.run(ops.todays_visit_of_card(self._ctx, scan=result, site_id=self._site_id), parent=self,
                            on_done=self._card_visit, on_error=lambda e: show_error(self, e))
            return
        self._tasks.run(ops.visit_from_slip(self._ctx, user=self._user, slip=result.slip), parent=self,
                        on_done=self.open_visit, on_error=lambda e: show_error(self, e))

    def _card_visit(self, visit: VisitInfo | None) -> None:
        if visit is None:
            show_message(self.message, self.tr("Người có thẻ này chưa được tiếp đón hôm nay. Hãy mời họ ra bàn "
                                               "tiếp đón trước."))
            return
        self.open_visit(visit)

    def open_visit(self, visit: VisitInfo) -> None:
        """Show ``visit`` on the desk in front (the vital-signs form gets its first field focused); the other desks
        load it when their tab is opened."""
        if self.visit is not None and self.visit.id != visit.id:
            self._save_drafts(wait=False)  # what was typed for the last visit stays hers (no wait: a scan is quick)
        if self.visit is None or self.visit.id != visit.id:
            self.visit_form = None
        self.visit = visit
        self.sheet_button.show_visit(visit)
        self.signature_bar.show_visit(visit.id)
        self._show_who()
        self._show_form()
        self.vitals.load(visit)  # the desk in use stays in front: a doctor's laptop stays on the doctor's tab
        # the visit's PL01 form after the vital signs on the database lane: the nurse's form is ready first
        self._tasks.run(ops.visit_form(self._ctx, visit_id=visit.id), parent=self, on_done=self._form_loaded,
                        on_error=lambda e: show_error(self, e))
        # The other desks load when their tab is shown: a laptop is usually one desk, and reading the other desks'
        # records would only delay the one in use.
        self._stale = {id(form) for form, _title in self.desks}
        self._load_current_desk()
        row = next((i for i, v in enumerate(self.queue_visits) if v.id == visit.id), -1)
        if row >= 0:
            self.queue.setCurrentRow(row)  # the queue shows who is at the desk, however the visit was opened
        else:
            self.refresh()

    def show_history(self) -> None:
        """Every version of every part of the open visit, in a dialog (Esc closes it)."""
        if self.visit is None:
            return
        self.history_dialog = VisitHistoryDialog(self._ctx, self._tasks, self.visit, self)
        self.history_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog.open()

    # -- the visit's PL01 form -------------------------------------------------------------------------------

    def _form_loaded(self, loaded) -> None:  # noqa: ANN001 - (visit id, VisitForm, FormDefinition)
        visit_id, chosen, definition = loaded
        if self.visit is None or visit_id != self.visit.id:
            return
        self.visit_form = (chosen, definition)
        self._show_form()
        for form, _title in self.desks:
            kind = getattr(form, "KIND", None)
            if kind is not None:
                index = self.tabs.indexOf(self._tab_of(form))
                has = any(on_desk(f, kind) for f in definition.fields)
                if not has and self.tabs.currentIndex() == index:
                    self.tabs.setCurrentIndex(0)
                self.tabs.setTabVisible(index, has)

    def _tab_of(self, desk: QWidget) -> QWidget:
        return next(self.tabs.widget(i) for i in range(self.tabs.count()) if self._desk_in(self.tabs.widget(i)) is desk)

    def _show_form(self) -> None:
        may_change = self._user is not None and can(self._user.role, Permission.RECORD_FINDINGS)
        self.form_button.setVisible(self.visit_form is not None and may_change)
        if self.visit_form is None:
            self.form_label.setText("")
            return
        chosen, definition = self.visit_form
        self.form_label.setText(form_line(chosen.number, definition.applies_to, chosen.chosen_by_rule, chosen.reason))

    def change_form(self) -> None:
        """Ctrl+M: the doctor picks another form for the visit, with a reason; the desks rebuild for it."""
        if self.visit_form is None or not self.form_button.isVisible():
            return
        self._tasks.run(ops.campaign_forms(), parent=self, on_done=self._ask_form)

    def _ask_form(self, forms) -> None:  # noqa: ANN001 - list[FormDefinition]
        if self.visit_form is None:
            return
        chosen, _definition = self.visit_form
        self.form_dialog = FormChangeDialog(forms, chosen.number, chosen.chosen_by_rule, self)
        self.form_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form_dialog.chosen.connect(self._form_chosen)
        self.form_dialog.open()

    def _form_chosen(self, number: int, reason: str) -> None:
        if self.visit is None:
            return
        self._save_drafts(wait=False)
        self._tasks.run(ops.change_visit_form(self._ctx, user=self._user, visit_id=self.visit.id, number=number,
                                              reason=reason),
                        parent=self, on_done=self._form_changed, on_error=lambda e: show_error(self, e))

    def _form_changed(self, loaded) -> None:  # noqa: ANN001 - as _form_loaded
        self._form_loaded(loaded)
        self._stale = {id(form) for form, _title in self.desks}
        self._load_current_desk()
        self.visits.changed.emit(loaded[0])

    @staticmethod
    def _scrolling(desk: QWidget) -> QWidget:
        """Each desk scrolls: on a 1366×768 laptop the vital-signs form is taller than the screen. A desk that
        scrolls its own body (``scrolls_itself``, its buttons kept in sight) is not wrapped in a second scroll."""
        return desk if getattr(desk, "scrolls_itself", False) else scrolling(desk)

    @staticmethod
    def _desk_in(tab: QWidget) -> QWidget:
        return tab.widget() if isinstance(tab, QScrollArea) else tab

    def current_desk(self) -> QWidget:
        return self._desk_in(self.tabs.currentWidget())

    def show_desk(self, desk: QWidget) -> None:
        self.tabs.setCurrentIndex(next(i for i in range(self.tabs.count()) if self._desk_in(self.tabs.widget(i)) is desk))

    def _visit_changed(self, _visit_id: str) -> None:
        self._load_queue()  # a bound method: Qt drops the connection with the page; a visit leaves the campaign be

    def _vitals_saved(self, visit_id: str) -> None:
        """New vital signs change the flags the other desks show (the counselling topics suggested from them)."""
        if self.visit is not None and visit_id == self.visit.id:
            self._stale = {id(form) for form, _title in self.desks}
            self._load_current_desk()

    def _save_drafts(self, wait: bool) -> None:
        """Every desk that keeps drafts writes what was typed in the last second now."""
        for form in (self.vitals, *(form for form, _title in self.desks)):
            save = getattr(form, "save_draft_now", None)
            if save is not None:
                save(wait=wait)

    def _load_current_desk(self) -> None:
        form = self.current_desk()
        if self.visit is not None and id(form) in self._stale:
            self._stale.discard(id(form))
            form.load(self.visit)

    def _show_who(self) -> None:
        v = self.visit
        self.history_button.setVisible(v is not None)
        self.who.setText(self.tr("Số {number} · {name} · {sex}, sinh năm {year}").format(
            number=v.queue_number, name=v.resident_name, sex=sex_label(v.sex), year=v.birth_year) if v
            else self.tr("Chưa chọn người dân: quét phiếu khám hoặc chọn trong hàng đợi."))

    # -- inputs ----------------------------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Use the serial port and camera chosen in the settings (called again whenever they change)."""
        self.settings = settings
        self.sources.apply_settings(settings)
        if (settings.serial_port or None, settings.serial_baud) != (self.serial.port_name, self._baud):
            self._baud = settings.serial_baud
            self.serial.set_port(settings.serial_port or None, settings.serial_baud)

    def focus_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def focus_queue(self) -> None:
        self.queue.setFocus()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().showEvent(event)
        self.wedge.install()
        if self.visit is None:
            QTimer.singleShot(0, while_alive(self, self.focus_queue))

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.wedge.uninstall()
        self._save_drafts(wait=True)  # leaving the page (or closing the app) keeps what was typed on every desk
        super().hideEvent(event)

