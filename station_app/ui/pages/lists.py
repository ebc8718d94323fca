"""The coordinator's lists: the day's visits, who is not yet examined (village by village), referrals and
possible duplicates, on screen with filters, sorted by a click on a header, printed through the print preview
and saved as PDF, Excel or CSV (a USB stick first).

Every list is read on the database lane and written on the CPU pool (``services.station.lists``,
``services.station.list_exports``); the GUI thread only swaps the finished list into the table model.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QHBoxLayout,
                               QInputDialog, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from station_app.core.model import TARGET_GROUP_LABELS, TargetGroup, VisitStatus
from station_app.core.names import file_name_part
from station_app.core.roles import Permission, can
from station_app.services.station.lists import ListFilter, ListKind, ReferralRow
from station_app.ui import printing
from station_app.ui.completion import fold_completion, folded_match
from station_app.ui.errors import report
from station_app.ui.labels import number, status_label
from station_app.ui.table_models import ListTableModel, totals_lines
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, load_once, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.list_exports import AnyList, ExportResult

log = logging.getLogger(__name__)
LIST_FOLDER = "lists"  # in the data folder: the PDFs made for printing
_FILE_STEMS = {ListKind.DAILY: "danh-sach-kham", ListKind.PENDING: "danh-sach-chua-kham",
               ListKind.REFERRALS: "danh-sach-chuyen-tuyen", ListKind.DUPLICATES: "danh-sach-nghi-trung"}


def ask_follow_up_note(parent: QWidget, name: str) -> str | None:
    """The note typed when a referral is marked followed up; None when cancelled (tests replace this)."""
    text, ok = QInputDialog.getMultiLineText(
        parent, QCoreApplication.translate("ListsPage", "Đã theo dõi chuyển tuyến"),
        QCoreApplication.translate("ListsPage", "{name}: ghi chú theo dõi (đã đến khám ở đâu, kết quả, hẹn lại…)").format(name=name))
    return text if ok else None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


class ListsPage(Retranslating):
    """One list at a time: chosen above the table, filtered, loaded in the background, then printed or saved."""

    import_button: QPushButton | None = None
    roster_dialog: QDialog | None = None  # the open roster import dialog, if any

    def __init__(self, ctx: StationContext, tasks: TaskRunner, site_id: str, user: SignedInUser | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._site_id, self._user = ctx, tasks, site_id, user
        self._generation = 0  # results of an older request are dropped
        self._villages_loaded = False
        self.loading = False
        self.model = ListTableModel(self)
        self._reload = load_once(self, self.load)
        self.printer = printing.DocumentPrinter(tasks, self, on_printed=self._printed, on_failed=self._print_failed)
        self._build()
        self.retranslate()
        self._kind_changed()

    # -- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = heading()
        self.kind = QComboBox()
        for kind in ListKind:
            self.kind.addItem("", kind)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(_qdate(dt.date.today()))
        self.use_dates = QCheckBox()
        self.village, self.group, self.status = QComboBox(), QComboBox(), QComboBox()
        self.village.setMinimumContentsLength(14)
        fold_completion(self.village)  # typed into: "na khuong" finds "Bản Nà Khương"
        self.village.addItem("", None)
        self.group.addItem("", None)
        for group in TargetGroup:
            self.group.addItem("", group)
        self.hardest = QCheckBox()
        self.table = self._make_table()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("hint")
        self.message = message_label()
        self._make_buttons()
        self._lay_out()
        self._connect()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the list's own order
        table.verticalHeader().setDefaultSectionSize(26)  # fixed heights: no measuring of 50,000 rows
        table.verticalHeader().hide()
        table.setWordWrap(False)
        return table

    def _make_buttons(self) -> None:
        self.print_button, self.pdf_button, self.xlsx_button, self.csv_button = (QPushButton() for _ in range(4))
        self.follow_up_button = QPushButton()
        self.print_button.setObjectName("primary")
        may_print = self._user is None or can(self._user.role, Permission.PRINT_LISTS)
        for button in (self.print_button, self.pdf_button, self.xlsx_button, self.csv_button):
            button.setVisible(may_print)  # nurses and doctors read the lists; the coordinator prints them
        if self._user is not None and can(self._user.role, Permission.IMPORT_ROSTER):  # others get no button
            self.import_button = QPushButton()
            self.import_button.clicked.connect(self.open_roster_import)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        if self.import_button is not None:
            top.addWidget(self.import_button)
        self.filter_labels = [QLabel() for _ in range(5)]
        filters, places = QHBoxLayout(), QHBoxLayout()  # two rows: one row was wider than a 1366-px screen
        for row, label, widget in zip((filters, filters, filters, places, places), self.filter_labels,
                                      (self.kind, self.date_from, self.date_to, self.village, self.group), strict=True):
            row.addWidget(label)
            row.addWidget(widget)
        filters.addStretch()
        for combo in (self.kind, self.village, self.group, self.status):
            # long village names must not widen the window past a 1366-px laptop screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        more = places
        self.status_label = QLabel()
        for widget in (self.use_dates, self.status_label, self.status, self.hardest):
            more.addWidget(widget)
        more.addStretch()
        more.addWidget(self.state)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.xlsx_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.follow_up_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        for part in (top, filters, more):
            layout.addLayout(part)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._reload.start)
        for combo in (self.village, self.group, self.status):
            combo.currentIndexChanged.connect(self._reload.start)
        self.village.lineEdit().editingFinished.connect(self._village_typed)
        for box in (self.use_dates, self.hardest):
            box.toggled.connect(self._reload.start)
        self.use_dates.toggled.connect(self._show_filters)
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button.clicked.connect(lambda: self.save_list(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_list(".xlsx"))
        self.csv_button.clicked.connect(lambda: self.save_list(".csv"))
        self.follow_up_button.clicked.connect(self.mark_followed_up)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Danh sách"))
        kinds = {ListKind.DAILY: self.tr("Khám trong ngày"), ListKind.PENDING: self.tr("Chưa khám"),
                 ListKind.REFERRALS: self.tr("Chuyển tuyến"), ListKind.DUPLICATES: self.tr("Nghi trùng")}
        for row in range(self.kind.count()):
            self.kind.setItemText(row, kinds[self.kind.itemData(row)])
        for label, text in zip(self.filter_labels, (self.tr("Danh sách:"), self.tr("Từ ngày:"), self.tr("Đến ngày:"),
                                                    self.tr("Thôn/bản:"), self.tr("Đối tượng:")), strict=True):
            label.setText(text)
        self.village.setItemText(0, self.tr("Tất cả thôn/bản"))
        self.group.setItemText(0, self.tr("Tất cả đối tượng"))
        for row in range(1, self.group.count()):
            self.group.setItemText(row, QCoreApplication.translate("labels",
                                                                   TARGET_GROUP_LABELS[self.group.itemData(row)]))
        self.use_dates.setText(self.tr("Lọc theo ngày khám"))
        self.status_label.setText(self.tr("Trạng thái:"))
        self.hardest.setText(self.tr("Chỉ những trường hợp khó tiếp cận"))
        self.hardest.setToolTip(self.tr("Không có số điện thoại, chưa có số định danh, hoặc người già yếu/khuyết "
                                        "tật sống một mình"))
        self.print_button.setText(self.tr("In…"))
        self.pdf_button.setText(self.tr("Lưu PDF…"))
        self.xlsx_button.setText(self.tr("Lưu Excel…"))
        self.csv_button.setText(self.tr("Lưu CSV…"))
        self.follow_up_button.setText(self.tr("Đã theo dõi…"))
        self.follow_up_button.setToolTip(self.tr("Ghi nhận đã theo dõi người được chuyển tuyến đang chọn"))
        if self.import_button is not None:
            self.import_button.setText(self.tr("Nhập danh sách người dân…"))
        self._fill_status()
        self.model.retranslate()
        self._show_totals()

    def _fill_status(self) -> None:
        kind = self.current_kind()
        choices: list[tuple[str, str | None]] = [(self.tr("Tất cả"), None)]
        if kind is ListKind.DAILY:
            choices += [(status_label(status), status.value) for status in VisitStatus]
        elif kind is ListKind.REFERRALS:
            choices += [(self.tr("Chưa theo dõi"), "open"), (self.tr("Đã theo dõi"), "followed_up")]
        chosen = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        for text, value in choices:
            self.status.addItem(text, value)
        self.status.setCurrentIndex(max(0, self.status.findData(chosen)))
        self.status.blockSignals(False)

    # -- filters ----------------------------------------------------------------------------------------
    def current_kind(self) -> ListKind:
        return ListKind(self.kind.currentData() or ListKind.DAILY)  # Qt hands the item data back as a str

    def choose(self, kind: ListKind) -> None:
        """Show ``kind``'s list (as picking it in the selector does)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self) -> None:
        self._fill_status()
        self.use_dates.blockSignals(True)
        self.use_dates.setChecked(False)
        self.use_dates.blockSignals(False)
        self._show_filters()
        self.model.set_list(None)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._show_totals()
        self._reload.start()

    def _show_filters(self) -> None:
        kind = self.current_kind()
        dated = kind is ListKind.DAILY or (kind in (ListKind.REFERRALS, ListKind.DUPLICATES)
                                           and self.use_dates.isChecked())
        self.use_dates.setVisible(kind in (ListKind.REFERRALS, ListKind.DUPLICATES))
        for widget in (self.date_from, self.date_to, *self.filter_labels[1:3]):
            widget.setVisible(kind is not ListKind.PENDING)
            widget.setEnabled(dated)
        has_status = kind in (ListKind.DAILY, ListKind.REFERRALS)
        self.status.setVisible(has_status)
        self.status_label.setVisible(has_status)
        self.hardest.setVisible(kind is ListKind.PENDING)
        self.follow_up_button.setVisible(kind is ListKind.REFERRALS and self._may_follow_up())

    def _village_typed(self) -> None:
        """Typing ends: the village whose name was typed (without marks, or the only one containing it);
        an empty field means every village; a name that is not there puts back the village chosen before."""
        text = self.village.currentText().strip()
        row = 0 if not text else folded_match(self.village)
        if row < 0:
            row = self.village.currentIndex()
        self.village.setCurrentIndex(row)
        self.village.setEditText(self.village.itemText(row))

    def _may_follow_up(self) -> bool:
        role = self._user.role if self._user else None
        return role is None or can(role, Permission.PRINT_LISTS) or can(role, Permission.CONCLUDE_VISIT)

    def filters(self) -> ListFilter:
        """What the filters above the table say, as the lists service takes it."""
        kind = self.current_kind()
        dated = kind is ListKind.DAILY or (kind is not ListKind.PENDING and self.use_dates.isChecked())
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        return ListFilter(date_from=min(start, end) if dated else None, date_to=max(start, end) if dated else None,
                          village=self.village.currentData(), target_group=_group(self.group.currentData()),
                          status=self.status.currentData() if kind in (ListKind.DAILY, ListKind.REFERRALS) else None,
                          site_id=self._site_id if kind is ListKind.DAILY else None)

    # -- loading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The page was shown: load the village names once, and the list again (others may have changed it)."""
        if not self._villages_loaded:
            self._tasks.submit(self._ctx.lists.villages, parent=self, on_done=while_alive(self, self._show_villages))
        self._reload.start()

    def _show_villages(self, names: list[str]) -> None:
        self._villages_loaded = True
        self.village.blockSignals(True)
        for name in names:
            self.village.addItem(name, name)
        self.village.blockSignals(False)

    def load(self) -> None:
        """Read the chosen list with the filters in the background; the table shows it when it arrives."""
        self._generation += 1
        generation, kind, filters, hardest = self._generation, self.current_kind(), self.filters(), \
            self.hardest.isChecked()
        self.loading = True
        self.state.setText(self.tr("Đang tải danh sách…"))
        show_message(self.message, "")
        self._enable()
        self._tasks.submit(self._read, kind, filters, hardest, parent=self, lane="cpu",  # reads beside the saves
                           on_done=while_alive(self, lambda found: self._loaded(generation, found)),
                           on_error=while_alive(self, lambda exc: self._failed(generation, exc)))

    def _read(self, kind: ListKind, filters: ListFilter, hardest: bool) -> AnyList:
        import station_app.services.station.list_exports  # noqa: F401 - reportlab loads here, not on the GUI thread

        lists, user = self._ctx.lists, self._user
        if kind is ListKind.PENDING:
            return lists.pending(user, filters, hardest_only=hardest)
        return {ListKind.DAILY: lists.daily, ListKind.REFERRALS: lists.referrals,
                ListKind.DUPLICATES: lists.duplicates}[kind](user, filters)

    def _loaded(self, generation: int, the_list: AnyList) -> None:
        if generation != self._generation:
            return
        self.loading = False
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.model.set_list(the_list)
        for col in range(self.model.columnCount()):
            self.table.setColumnHidden(col, not self.model.shown_by_default(col))
        if 0 <= column < self.model.columnCount():
            self.model.sort(column, order)  # the user's chosen order survives a reload
        self._size_columns()
        self.state.setText(self.tr("{n} dòng").format(n=number(len(the_list.rows))))
        self._show_totals()
        self._enable()

    def _size_columns(self) -> None:
        # Sized on the first 200 rows only: resizeColumnsToContents would measure all 50,000.
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount()):
            width = max([header.sectionSizeHint(col)] + [self.table.sizeHintForIndex(self.model.index(r, col)).width()
                                                          for r in range(min(200, self.model.rowCount()))])
            header.resizeSection(col, min(width + 12, 340))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.state.setText("")
        self._enable()
        report(self, self.message, exc)

    def _show_totals(self) -> None:
        from station_app.services.station.list_exports import DESTINATION_TOTALS, VILLAGE_TOTALS, totals_of

        the_list = self.model.the_list
        pairs = totals_of(the_list, QCoreApplication.translate, number) if the_list is not None else []
        # Per village and per destination counts can run to a hundred: they go to the tooltip and the paper.
        long = tuple(f"{QCoreApplication.translate('ListTableModel', t)}:"
                     for t in (VILLAGE_TOTALS, DESTINATION_TOTALS))
        short = [p for p in pairs if not p[0].startswith(long)]
        self.totals.setText(self.tr("Tổng: {totals}").format(totals=totals_lines(short)) if pairs else "")
        self.totals.setToolTip(totals_lines(pairs).replace(" · ", "\n") if len(short) < len(pairs) else "")

    def _enable(self) -> None:
        ready = self.model.the_list is not None and not self.loading
        for button in (self.print_button, self.pdf_button, self.xlsx_button, self.csv_button):
            button.setEnabled(ready)
        self.follow_up_button.setEnabled(ready and self.selected_row() is not None)

    def selected_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows and self.model.the_list is not None else None

    # -- printing and saving ----------------------------------------------------------------------------
    def _printed_by(self) -> str:
        return self._user.full_name if self._user else ""

    def _file_name(self, suffix: str) -> str:
        """Names the list, the village when filtered, and the day: each village's list is its own file."""
        village = self.village.currentData()
        parts = [_FILE_STEMS[self.current_kind()], file_name_part(village) if village else "",
                 f"{dt.date.today():%Y-%m-%d}"]
        return "-".join(p for p in parts if p) + suffix

    def save_list(self, suffix: str) -> None:
        """Ask where (a USB stick first), then write the list shown as PDF, XLSX or CSV in the background."""
        the_list = self.model.the_list
        if the_list is None:
            return
        kinds = {".pdf": self.tr("Tệp PDF (*.pdf)"), ".xlsx": self.tr("Bảng tính Excel (*.xlsx)"),
                 ".csv": self.tr("Tệp CSV (*.csv)")}
        path = printing.ask_save_path(self, self.tr("Lưu danh sách"), self._file_name(suffix), kinds[suffix])
        if path is None:
            return
        from station_app.services.station.list_exports import export_list

        self.state.setText(self.tr("Đang lưu…"))
        self._tasks.submit(export_list, the_list, path, self._printed_by(), lane="cpu", parent=self,
                           on_done=while_alive(self, self._saved), on_error=while_alive(self, self._save_failed))

    def _saved(self, result: ExportResult) -> None:
        self.state.setText("")
        show_message(self.message, self.tr("Đã lưu {n} dòng vào {path}").format(n=number(result.rows),
                                                                                path=result.path), ok=True)

    def _save_failed(self, exc: BaseException) -> None:
        self.state.setText("")
        report(self, self.message, exc)

    def print_list(self) -> None:
        """Make the list's PDF in the background, then show it in the print preview."""
        the_list = self.model.the_list
        if the_list is None:
            return
        folder = Path(self._ctx.data_dir) / LIST_FOLDER
        path = folder / f"{_FILE_STEMS[self.current_kind()]}-{dt.datetime.now():%Y%m%d-%H%M%S}.pdf"
        self.state.setText(self.tr("Đang chuẩn bị bản in…"))
        self.print_button.setEnabled(False)
        self._tasks.submit(_export_into, folder, the_list, path, self._printed_by(), lane="cpu", parent=self,
                           on_done=while_alive(self, self._print_ready),
                           on_error=while_alive(self, self._save_failed))

    def _print_ready(self, result: ExportResult) -> None:
        self.state.setText("")
        self._enable()
        self.last_pdf = result.path
        self.printer.print_file(result.path, result.pages)

    def _printed(self) -> None:
        show_message(self.message, self.tr("Đã gửi danh sách đến máy in."), ok=True)

    def _print_failed(self) -> None:
        show_message(self.message, self.tr("Không in được. Hãy kiểm tra máy in đã bật và có giấy, hoặc bấm "
                                           "\"Lưu PDF…\" để in ở máy khác."))

    # -- referrals --------------------------------------------------------------------------------------
    def mark_followed_up(self) -> None:
        """Ask for a note, then record that the selected referral was followed up (audited by the service)."""
        row = self.selected_row()
        if not isinstance(row, ReferralRow):
            return
        note = ask_follow_up_note(self, row.full_name)
        if note is None:
            return
        self.follow_up_button.setEnabled(False)
        self._tasks.submit(self._ctx.lists.mark_referral_followed_up, self._user, row.visit_id, note, parent=self,
                           on_done=while_alive(self, self._followed_up),
                           on_error=while_alive(self, self._save_failed))

    def _followed_up(self, row: ReferralRow) -> None:
        index = next((i for i, r in enumerate(self.model.rows) if getattr(r, "visit_id", None) == row.visit_id), -1)
        if index >= 0:
            self.model.replace_row(index, row)
        show_message(self.message, self.tr("Đã ghi nhận theo dõi chuyển tuyến của {name}.").format(
            name=row.full_name), ok=True)
        self._reload.start()  # the totals (followed up / open) and an "open only" filter change with it

    # -- roster import (kept from the first version of this page) ---------------------------------------
    def open_roster_import(self) -> None:
        from station_app.ui.dialogs.roster_import import RosterImportDialog  # opened rarely: loaded on demand

        dialog = RosterImportDialog(self._ctx, self._tasks, self._user, parent=self)
        dialog.imported.connect(lambda _report: self._roster_changed())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "roster_dialog", None))
        self.roster_dialog = dialog
        dialog.open()

    def _roster_changed(self) -> None:
        self._villages_loaded = False
        while self.village.count() > 1:
            self.village.removeItem(1)
        self.refresh()


def _export_into(folder: Path, the_list: AnyList, path: Path, printed_by: str) -> ExportResult:
    """CPU lane: the print copy of a list, in the data folder's ``lists/``."""
    from station_app.services.station.list_exports import export_list

    folder.mkdir(parents=True, exist_ok=True)
    return export_list(the_list, path, printed_by)


def _group(data: Any) -> TargetGroup | None:
    return TargetGroup(data) if data else None  # Qt hands the item data back as a str
