"""What the reception page does with a scan and with the person at the desk: the lookups, the dialogs they lead
to (differences to confirm, a namesake to choose, the registration form), opening the visit and its slip.

``ScanDesk`` is the base class of ``ReceptionPage``: ``state.ReceptionState`` decides each step, these methods show
it with the page's widgets (made by the page) and run the lookups it asks for.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from station_app.core.cards import ScanKind, ScanResult, ScanWarning
from station_app.core.errors import NotFoundError, StationError
from station_app.core.qr_payloads import ERROR_TEXT, WARNING_TEXT
from station_app.ui.pages.reception import operations as ops
from station_app.ui.pages.reception.state import (BLOCKING, ChooseNamesake, FinishDialogFirst, Known, LookUpCard,
                                                  LookUpSlip, Register, SearchSlipName, SlipVisit, Step, Unusable)
from station_app.ui.errors import describe, show_error
from station_app.ui.widgets import Retranslating, while_alive

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QWidget

    from station_app.core.card_changes import FieldChange
    from station_app.core.settings import Settings
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import Match, ResidentInfo, VisitInfo
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.campaign_banner import CampaignBanner
    from station_app.ui.context import StationContext
    from station_app.ui.pages.reception.card import ResidentCard
    from station_app.ui.pages.reception.panels import QueuePanel, ResultsPanel
    from station_app.ui.pages.reception.search import ResidentSearch
    from station_app.ui.pages.reception.slips import SlipDesk
    from station_app.ui.pages.reception.state import AtDesk, ReceptionState
    from station_app.ui.tasks import TaskRunner
    from station_app.ui.visit_events import VisitEvents

log = logging.getLogger(__name__)


def scan_sentence(result: ScanResult) -> str:
    """Why a scan cannot be used, as the translated sentence of ``core.qr_payloads`` (context "scan")."""
    if result.kind is ScanKind.UNKNOWN:
        return QCoreApplication.translate("scan", ERROR_TEXT.get(result.error or "", ERROR_TEXT["not_a_card"]))
    blocking = next((w for w in BLOCKING if w in result.warnings), ScanWarning.MALFORMED_FIELD)
    return QCoreApplication.translate("scan", WARNING_TEXT[blocking])


class ScanDesk(Retranslating):
    """The person at the desk, scans and the dialogs they open, visits and slips. ``ReceptionPage`` makes the
    widgets declared here and has ``say``, ``run_search`` and ``focus_search``. (No stubs for those in this class
    body: lupdate then loses the class as the translation context.)
    """

    _ctx: StationContext
    _tasks: TaskRunner
    _user: SignedInUser | None
    state: ReceptionState
    station: StationInfo | None
    settings: Settings
    dialog: QDialog | None
    visits: VisitEvents
    card: ResidentCard
    banner: CampaignBanner
    search: QLineEdit
    finder: ResidentSearch
    results_box: ResultsPanel
    queue_box: QueuePanel
    open_visit_button: QPushButton
    pl01_button: QPushButton
    slips: SlipDesk
    _just_opened: str | None

    # -- the resident ----------------------------------------------------------------------------------------

    def show_resident(self, resident: ResidentInfo, warnings: tuple[ScanWarning, ...] = (),
                      visit: VisitInfo | None = None, focus: bool = True) -> None:
        self.show_desk(self.state.receive(resident, warnings, visit), focus=focus)

    def show_desk(self, desk: AtDesk, focus: bool = True) -> None:
        self.finder.stop_preview()  # whoever is shown now (a scan, a choice) wins over a pending preview
        if not self.finder.shows(desk.resident):
            self.results_box.deselect()  # a scanned resident: no result row says otherwise
        self.card.show_desk(desk)
        self.open_visit_button.setEnabled(self._user is not None and desk.visit is None)  # her visit is open already
        self.pl01_button.setVisible(self._user is not None and desk.visit is not None)
        if focus:
            self.open_visit_button.setFocus()

    def clear_resident(self) -> None:
        """Nobody at the desk (a failed scan, a cleared search): no earlier person left on the card to open."""
        self.state.clear()  # a lookup still running for an earlier scan shows no one now
        self._show_nobody()

    def _show_nobody(self) -> None:
        self.finder.stop_preview()
        self.results_box.deselect()
        self.card.show_desk(None)
        self.open_visit_button.setEnabled(False)
        self.pl01_button.hide()

    def selected_visit(self) -> VisitInfo | None:
        return self.queue_box.selected()

    def _reload_resident(self, resident_id: str, visit: VisitInfo | None = None) -> None:
        warnings = self.state.warnings_of(resident_id)
        self._tasks.run(ops.resident(self._ctx, resident_id=resident_id), parent=self, on_error=self._failed,
                        on_done=lambda r: self._reloaded(r, warnings, visit))

    def _reloaded(self, resident: ResidentInfo, warnings: tuple[ScanWarning, ...], visit: VisitInfo | None) -> None:
        if self.state.at_desk(resident.id):  # nobody else came meanwhile
            self.show_resident(resident, warnings, visit, focus=False)

    # -- dialogs and errors ----------------------------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog, back_to: QWidget | None = None) -> None:
        """Window-modal and non-blocking (``open``): scanners keep working, tests drive it as the nurse does."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(while_alive(self, lambda _result: self._dialog_closed(dialog, back_to)))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog, back_to: QWidget | None) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.activateWindow()  # the desk's shortcuts (F2, Ctrl+P…) work at once, whatever the platform does
        target = back_to or (self.open_visit_button if self.open_visit_button.isEnabled() else self.search)
        if target.isEnabled():
            target.setFocus()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            self.say(describe(exc))
        else:
            show_error(self, exc)

    # -- scans -----------------------------------------------------------------------------------------------

    def handle_scan(self, text: str, source: str) -> None:
        """A payload from any input. Unusable ones are explained and dropped; the rest are looked up."""
        self._take(self.state.scan(text, source=source, dialog_open=self.dialog is not None))

    def _take(self, step: Step | None) -> None:
        """Show what the state decided (None: an answer to an earlier scan, dropped)."""
        match step:
            case FinishDialogFirst():
                self.say(self.tr("Hãy hoàn tất hoặc đóng hộp thoại đang mở, rồi quét lại."))
            case Unusable(result=result):
                self._show_nobody()
                self.say(scan_sentence(result))
            case LookUpCard(seq=seq, scan=scan):
                self.say("")
                self._tasks.run(ops.find_card_holder(self._ctx, scan=scan), parent=self,
                                on_done=lambda found: self._take(self.state.matched(seq, scan, found)),
                                on_error=self._failed)
            case LookUpSlip(seq=seq, scan=scan):
                self.say("")
                self._tasks.run(ops.visit(self._ctx, visit_id=step.visit_id), parent=self,
                                on_done=lambda visit: self._take(self.state.slip_found(seq, visit)),
                                on_error=lambda exc: self._slip_missing(scan, exc))
            case Known(desk=desk, changes=changes):
                self.show_desk(desk)
                if changes:
                    self.offer_changes(desk.resident, changes)
            case ChooseNamesake(scan=scan, match=found):
                self.choose_duplicate(scan, found)
            case Register(proposal=proposal):
                QTimer.singleShot(0, while_alive(self, lambda: self._open_form(proposal)))
            case SlipVisit(visit=visit):
                self._show_slip(visit)
            case SearchSlipName(name=name):
                self._show_nobody()
                self.say(self.tr("Lượt khám trên phiếu này không có trong máy này (phiếu in ở máy khác chưa chuyển "
                                 "dữ liệu sang). Đã tìm theo tên trên phiếu; hãy chọn người đó rồi mở lượt khám."))
                self.search.setText(name)
                self.run_search(0)

    def _show_slip(self, visit: VisitInfo) -> None:
        self.say(self.tr("Phiếu khám số {number} ngày {date}: {name}.").format(
            number=visit.queue_number, date=f"{visit.visit_date:%d/%m/%Y}", name=visit.resident_name), ok=True)
        self.queue_box.select(visit.id)
        self._tasks.run(ops.resident(self._ctx, resident_id=visit.resident_id), parent=self,
                        on_error=self._failed, on_done=lambda r: self.show_resident(r, (), visit))

    def _slip_missing(self, scan: ScanResult, exc: BaseException) -> None:
        if not isinstance(exc, NotFoundError):
            self._failed(exc)
            return
        self._take(self.state.slip_missing(scan))

    def offer_changes(self, resident: ResidentInfo, changes: tuple[FieldChange, ...]) -> None:
        from station_app.ui.dialogs.differences import DifferencesDialog

        dialog = DifferencesDialog(self, changes)
        dialog.changes_accepted.connect(lambda chosen: self._apply_changes(resident, chosen))
        self._open_dialog(dialog, back_to=self.open_visit_button)

    def _apply_changes(self, resident: ResidentInfo, changes: list[FieldChange]) -> None:
        warnings = self.card.scan_warnings
        self._tasks.run(ops.apply_changes(self._ctx, user=self._user, resident_id=resident.id,
                                          changes=changes), parent=self, on_error=self._failed,
                        on_done=lambda r: (self.show_resident(r, warnings),
                                           self.say(self.tr("Đã cập nhật hồ sơ theo thẻ."), ok=True)))

    def choose_duplicate(self, scan: ScanResult, match: Match) -> None:
        from station_app.ui.dialogs.choose import ChooseDialog

        people = list(match.possible_duplicates)
        items = [self.tr("{name} · sinh {birth} · {place} · CCCD {id}").format(
            name=r.full_name, birth=r.birth_year, place=r.village or r.address or "?", id=r.national_id or "—")
            for r in people]
        dialog = ChooseDialog(self, self.tr("Có thể đã có người này"),
                              self.tr("Thẻ vừa quét chưa khớp chắc chắn với ai, nhưng có người gần giống. Hỏi lại "
                                      "người dân: nếu là một trong số này, chọn người đó; nếu không, chọn \"Người "
                                      "mới\". Hồ sơ không bao giờ được gộp tự động."), items,
                              new_text=self.tr("Người mới (F2)"))
        dialog.chosen.connect(lambda row: self._duplicate_chosen(scan, people[row]))
        dialog.new_requested.connect(lambda: self._take(self.state.new_person(scan, match)))
        QShortcut(QKeySequence("F2"), dialog).activated.connect(dialog.new_button.click)
        self._open_dialog(dialog)

    def _duplicate_chosen(self, scan: ScanResult, resident: ResidentInfo) -> None:
        known = self.state.namesake_chosen(scan, resident)
        self.show_desk(known.desk)
        if known.changes:
            QTimer.singleShot(0, while_alive(self, lambda: self.offer_changes(resident, known.changes)))

    def open_manual_entry(self) -> None:
        if self.dialog is None:
            self._open_form(None)

    def _open_form(self, proposal: Any) -> None:
        from station_app.ui.dialogs.resident_form import ResidentFormDialog

        if self._user is None or self.dialog is not None:
            return
        dialog = ResidentFormDialog(self, self._ctx, self._tasks, self._user, proposal)
        dialog.registered.connect(self._registered)
        self._open_dialog(dialog)

    def _registered(self, resident: ResidentInfo) -> None:
        self.say(self.tr("Đã lưu người mới: {name}. Bấm Enter để mở lượt khám.").format(name=resident.full_name),
                 ok=True)
        QTimer.singleShot(0, while_alive(self, lambda: self.show_resident(resident)))

    # -- visits and slips ------------------------------------------------------------------------------------

    def open_visit(self) -> None:
        from station_app.ui.dialogs.open_visit import OpenVisitDialog

        desk = self.state.desk
        if desk is None or self._user is None or self.dialog is not None:
            return
        if self.station is None:
            self.say(self.tr("Đang tải thông tin điểm khám; hãy thử lại sau một giây."))
            return
        if self.banner.closed:
            self.say(self.banner.label.text())
            return
        dialog = OpenVisitDialog(self, self._ctx, self._tasks, self._user, self.station,
                                 desk.resident, insurance_valid=desk.insurance_valid,
                                 card_issued_on=desk.card_issued_on)
        dialog.visit_opened.connect(self._visit_opened)
        self._open_dialog(dialog)

    def _visit_opened(self, visit: VisitInfo) -> None:
        log.info("reception: visit %s opened, queue %d", visit.id, visit.queue_number)
        self.open_visit_button.setEnabled(False)  # until another person is chosen
        self._just_opened = visit.id
        self.say(self.tr("Đã mở lượt khám số {number} cho {name}. Đang in phiếu…").format(
            number=visit.queue_number, name=visit.resident_name), ok=True)
        self._reload_resident(visit.resident_id, visit)
        self.visits.changed.emit(visit.id)
        self.print_slip(visit)

    def open_pl01_sheet(self) -> None:
        """F6: the QĐ 1551 reception fields of the visit on the card (or the one chosen in the queue)."""
        from station_app.ui.pages.reception.pl01 import Pl01ReceptionDialog

        if self._user is None or self.dialog is not None:
            return
        visit = self.card.visit or self.selected_visit()
        if visit is None:
            self.say(self.tr("Hãy mở lượt khám (hoặc chọn một người trong hàng đợi hôm nay) rồi bấm F6 để ghi "
                             "thông tin theo QĐ 1551."))
            return
        dialog = Pl01ReceptionDialog(self, self._ctx, self._tasks, self._user, visit.id)
        dialog.saved.connect(lambda count: self.say(
            self.tr("Đã lưu thông tin theo QĐ 1551.") if count else self.tr("Không có gì thay đổi."), ok=True))
        self._open_dialog(dialog)

    def print_slip(self, visit: VisitInfo, ask: bool = False) -> None:
        """As this laptop's setting says (at once, the print dialog, or a PDF); ``ask``: the dialog (a reprint)."""
        self.slips.print(visit, self.station.code if self.station else "", self.settings, ask=ask)

    def reprint_selected(self) -> None:
        visit = self.selected_visit() or self.card.visit
        if visit is None:
            self.say(self.tr("Hãy chọn một người trong hàng đợi hôm nay rồi bấm \"In lại phiếu\"."))
            return
        self.print_slip(visit, ask=True)

    def _slip_done(self, text: str, ok: bool) -> None:
        self.say(text, ok=ok)
        self.next_person()

    def next_person(self) -> None:
        """The slip is done: the card keeps who was received (her visit open, nothing to open); search is empty."""
        self.search.clear()
        self.run_search(0)
        self.focus_search()
