"""The choice of list above the table and its filters, on two rows (one row was wider than a 1366-px screen): the
list, the days, the village (typed into: "na khuong" finds "Bản Nà Khương"), the target group, the status and the
"hardest to reach" box."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout

from station_app.core.model import TARGET_GROUP_LABELS, TargetGroup, VisitStatus
from station_app.services.station.lists import ListKind
from station_app.services.station.national_states import FILTERS as NATIONAL_FILTERS
from station_app.ui.completion import fold_completion, folded_match
from station_app.ui.labels import status_label
from station_app.ui.pages.lists.state import STATUS_CHOICES, ListChoice
from station_app.ui.widgets import Retranslating


class ListChoicePanel(Retranslating):
    """Which list, with which filters; ``changed`` when a filter changed, ``kind_changed`` when the list did.
    ``hint`` (the page's loading and saving line) closes the second row."""

    changed = Signal()
    kind_changed = Signal()

    def __init__(self, hint: QLabel, site_id: str) -> None:
        super().__init__()
        self._site_id = site_id
        self._build(hint)
        self._connect()
        self.retranslate()

    def _build(self, hint: QLabel) -> None:
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
        fold_completion(self.village)
        self.village.addItem("", None)
        self.group.addItem("", None)
        for group in TargetGroup:
            self.group.addItem("", group)
        self.hardest = QCheckBox()
        self.national = QComboBox()  # the daily list: what the national system said of each visit
        for value in (None, *NATIONAL_FILTERS):
            self.national.addItem("", value)
        self._lay_out(hint)

    def _lay_out(self, hint: QLabel) -> None:
        self.filter_labels = [QLabel() for _ in range(5)]
        filters, places = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in zip((filters, filters, filters, places, places), self.filter_labels,
                                      (self.kind, self.date_from, self.date_to, self.village, self.group), strict=True):
            row.addWidget(label)
            row.addWidget(widget)
        self.national_label = QLabel()
        filters.addWidget(self.national_label)  # the first row has the room: the second ends with the hint
        filters.addWidget(self.national)
        filters.addStretch()
        for combo in (self.kind, self.village, self.group, self.status, self.national):
            # long village names must not widen the window past a 1366-px laptop screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.status_label = QLabel()
        for widget in (self.use_dates, self.status_label, self.status, self.hardest):
            places.addWidget(widget)
        places.addStretch()
        places.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(places)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self.kind_chosen)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.changed)
        for combo in (self.village, self.group, self.status, self.national):
            combo.currentIndexChanged.connect(self.changed)
        self.village.lineEdit().editingFinished.connect(self._village_typed)
        for box in (self.use_dates, self.hardest):
            box.toggled.connect(self.changed)
        self.use_dates.toggled.connect(self.show_filters)

    def retranslate(self) -> None:
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
        self.national_label.setText(self.tr("Liên thông:"))
        national = {None: self.tr("Tất cả"), "accepted": self.tr("Đã liên thông"), "refused": self.tr("Bị từ chối"),
                    "waiting": self.tr("Đang chờ liên thông"), "none": self.tr("Chưa có biên nhận")}
        for row in range(self.national.count()):
            self.national.setItemText(row, national[self.national.itemData(row)])
        self.hardest.setText(self.tr("Chỉ những trường hợp khó tiếp cận"))
        self.hardest.setToolTip(self.tr("Không có số điện thoại, chưa có số định danh, hoặc người già yếu/khuyết "
                                        "tật sống một mình"))
        self.fill_status()

    def fill_status(self) -> None:
        kind = self.current_kind()
        choices: list[tuple[str, str | None]] = [(self.tr("Tất cả"), None)]
        words = {"open": self.tr("Chưa theo dõi"), "followed_up": self.tr("Đã theo dõi")}
        for value in STATUS_CHOICES.get(kind, ()):
            choices.append((status_label(VisitStatus(value)) if kind is ListKind.DAILY else words[value], value))
        chosen = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        for text, value in choices:
            self.status.addItem(text, value)
        self.status.setCurrentIndex(max(0, self.status.findData(chosen)))
        self.status.blockSignals(False)

    # -- what is chosen ----------------------------------------------------------------------------------------
    def current_kind(self) -> ListKind:
        return ListKind(self.kind.currentData() or ListKind.DAILY)  # Qt hands the item data back as a str

    def choose(self, kind: ListKind) -> None:
        """Show ``kind``'s list (as picking it in the selector does)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def choice(self) -> ListChoice:
        """What the filters say now."""
        return ListChoice(kind=self.current_kind(), date_from=_pydate(self.date_from.date()),
                          date_to=_pydate(self.date_to.date()), use_dates=self.use_dates.isChecked(),
                          village=self.village.currentData(), group=_group(self.group.currentData()),
                          status=self.status.currentData(), hardest=self.hardest.isChecked(), site_id=self._site_id,
                          national=self.national.currentData())

    def kind_chosen(self) -> None:
        """Another list: its own statuses, its dates off, its own filters shown."""
        self.fill_status()
        self.use_dates.blockSignals(True)
        self.use_dates.setChecked(False)
        self.use_dates.blockSignals(False)
        self.show_filters()
        self.kind_changed.emit()

    def show_filters(self) -> None:
        choice = self.choice()
        self.use_dates.setVisible(choice.offers_use_dates)
        for widget in (self.date_from, self.date_to, *self.filter_labels[1:3]):
            widget.setVisible(choice.offers_dates)
            widget.setEnabled(choice.dated)
        self.status.setVisible(choice.offers_status)
        self.status_label.setVisible(choice.offers_status)
        self.hardest.setVisible(choice.offers_hardest)
        self.national.setVisible(choice.offers_national)
        self.national_label.setVisible(choice.offers_national)

    # -- villages ----------------------------------------------------------------------------------------------
    def _village_typed(self) -> None:
        """Typing ends: the village whose name was typed (without marks, or the only one containing it);
        an empty field means every village; a name that is not there puts back the village chosen before."""
        text = self.village.currentText().strip()
        row = 0 if not text else folded_match(self.village)
        if row < 0:
            row = self.village.currentIndex()
        self.village.setCurrentIndex(row)
        self.village.setEditText(self.village.itemText(row))

    def show_villages(self, names: list[str]) -> None:
        self.village.blockSignals(True)
        for name in names:
            self.village.addItem(name, name)
        self.village.blockSignals(False)

    def forget_villages(self) -> None:
        """The roster changed: the names are read again."""
        while self.village.count() > 1:
            self.village.removeItem(1)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def _group(data: Any) -> TargetGroup | None:
    return TargetGroup(data) if data else None  # Qt hands the item data back as a str
