"""The reception desk's "Thông tin theo QĐ 1551" dialog (F6): the reception fields of the visit's form that the
station keeps nowhere else, built from the form's definition: code lists as combo boxes (type the code to choose),
dates as dd/mm/yyyy, text. Enter moves on and saves on the last field; Ctrl+Enter saves at once; Esc closes.

Out of the nurse's fast path: opening a visit never needs it. What it shows first: the visit's answers, else what
the resident said at an earlier visit, else the default codes from the station's data (target groups, funding).
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QScrollArea,
                               QVBoxLayout, QWidget)

from station_app.core.errors import StationError, ValidationError
from station_app.ui.errors import describe, show_error
from station_app.ui.pages.reception import operations as ops
from station_app.ui.widgets import confirm_row, heading, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.core.pl01 import FieldDefinition
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.pl01_reception import ReceptionSheet
    from station_app.ui.context import StationContext
    from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
DATE_FORMAT = "%d/%m/%Y"


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """A date typed as dd/mm/yyyy (also d/m/yyyy, with - or .); None when it is not a real date or in the future."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    try:
        day = dt.datetime.strptime(cleaned, DATE_FORMAT).date()
    except ValueError:
        return None
    return day if day <= today else None


def shown_date(iso: str) -> str:
    try:
        return dt.date.fromisoformat(iso).strftime(DATE_FORMAT)
    except ValueError:
        return iso


class Pl01ReceptionDialog(QDialog):
    """The visit's QĐ 1551 reception sheet. Loads it on the db lane, saves through the answers service.
    Signals: ``saved(int)`` (the number of answers changed). ``inputs`` maps each PL01 code to its widget."""

    saved = Signal(int)

    def __init__(self, parent: QWidget, ctx: StationContext, tasks: TaskRunner, user: SignedInUser, visit_id: str,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._user, self._visit_id = ctx, tasks, user, visit_id
        self._today = today or dt.date.today()
        self.sheet: ReceptionSheet | None = None
        self.inputs: dict[str, QWidget] = {}
        self.unavailable: dict[str, QCheckBox] = {}  # gaps of the resident's record, marked "không có / không rõ"
        self.gap_note = QLabel(self.tr("Hồ sơ người dân còn thiếu các mục mẫu QĐ 1551 bắt buộc dưới đây: hãy hỏi và "
                                       "ghi, hoặc đánh dấu \"Không có / không rõ\" (Tab rồi phím cách)."))
        self.gap_note.setWordWrap(True)
        self.gap_note.setObjectName("hint")
        self.gap_note.hide()
        self.setWindowTitle(self.tr("Thông tin theo QĐ 1551"))
        self.title = heading(2)
        self.title.setText(self.tr("Thông tin theo QĐ 1551"))
        self.hint = QLabel(self.tr("Gõ mã để chọn trong danh sách; ngày gõ theo dạng ngày/tháng/năm. Enter: sang ô "
                                   "sau; Ctrl+Enter: lưu; Esc: đóng. Ô ghi \"lần trước\" lấy từ lần khám trước: hãy "
                                   "hỏi lại người dân."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label puts its field below
        holder = QWidget()
        holder.setLayout(self.form)
        self.area = QScrollArea()
        self.area.setWidget(holder)
        self.area.setWidgetResizable(True)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the keyboard goes to the fields, never the frame
        self.message = message_label()
        self.save_button, self.cancel_button, buttons = confirm_row(self, self.tr("Lưu (Ctrl+Enter)"),
                                                                    self.tr("Đóng (Esc)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self.submit)
        self.resize(760, 600)
        tasks.run(ops.reception_sheet(ctx, visit_id=visit_id), parent=self, on_done=self.load,
                  on_error=self._failed)

    # -- building from the definition ------------------------------------------------------------------------

    def load(self, sheet: ReceptionSheet) -> None:
        self.sheet = sheet
        for f in sheet.fields:
            widget = self._input(f, sheet.shown(f.code))
            self.inputs[f.code] = widget
            label = f.label + (" *" if f.required else "")
            if f.code in sheet.offered and f.code not in sheet.values:
                label += " " + self.tr("(lần trước)")
            if f.code in sheet.gaps:  # the resident's record lacks it: typed here, or marked as not available
                if self.form.indexOf(self.gap_note) < 0:
                    self.form.addRow(self.gap_note)
                    self.gap_note.show()
                self.unavailable[f.code] = QCheckBox(self.tr("Không có / không rõ"))
                row = QHBoxLayout()
                row.addWidget(widget, 1)
                row.addWidget(self.unavailable[f.code])
                self.form.addRow(label, row)
                continue
            self.form.addRow(label, widget)
        self.save_button.setEnabled(True)
        first = next(iter(self.inputs.values()), None)
        if first is not None:  # once the new fields are shown (a hidden widget takes no focus)
            QTimer.singleShot(0, while_alive(self, first.setFocus))

    def _input(self, f: FieldDefinition, value: str) -> QWidget:
        if f.codes is not None:
            box = QComboBox()
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(20)  # long labels are cut here and shown whole in the open list
            box.addItem("—", "")
            for code in f.codes:
                box.addItem(f"{code.code} – {code.label}", code.code)
            box.setCurrentIndex(max(box.findData(value), 0))
            return box
        edit = QLineEdit()
        if f.input == "date":
            edit.setPlaceholderText(self.tr("ngày/tháng/năm"))
            edit.setText(shown_date(value) if value else "")
        else:
            if f.size:
                edit.setMaxLength(f.size)
            edit.setText(value)
        return edit

    # -- keys ------------------------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        """Enter moves on to the next field, and saves on the last one (the fields ignore Enter)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier):
            widgets = list(self.inputs.values())
            focused = self.focusWidget()
            if focused in widgets and focused is not widgets[-1]:
                nxt = widgets[widgets.index(focused) + 1]
                nxt.setFocus()
                self.area.ensureWidgetVisible(nxt)
            else:
                self.submit()
            return
        super().keyPressEvent(event)

    # -- saving ----------------------------------------------------------------------------------------------

    def entered(self) -> dict[str, str] | None:
        """What the fields hold, as the answers store it; None (and the field focused) when one is wrong."""
        if self.sheet is None:
            return None
        values: dict[str, str] = {}
        for f in self.sheet.fields:
            widget = self.inputs[f.code]
            if isinstance(widget, QComboBox):
                values[f.code] = str(widget.currentData() or "")
                continue
            text = widget.text().strip()  # type: ignore[attr-defined]
            if text and f.input == "date":
                day = parse_date(text, self._today)
                if day is None:
                    return self._refuse(f, widget, self.tr("{field}: hãy gõ một ngày đã qua theo dạng ngày/tháng/năm, "
                                                           "ví dụ 05/03/2021.").format(field=f.label))
                text = day.isoformat()
            elif text and not f.accepts(text):
                return self._refuse(f, widget, self.tr("{field}: giá trị này không hợp lệ; hãy sửa lại hoặc để trống.")
                                    .format(field=f.label))
            values[f.code] = text
        return values

    def _refuse(self, f: FieldDefinition, widget: QWidget, text: str) -> None:
        show_message(self.message, text)
        widget.setFocus()
        self.area.ensureWidgetVisible(widget)
        return None

    def submit(self) -> None:
        values = self.entered()
        if values is None or self.sheet is None:
            return
        show_message(self.message, "")
        unavailable = frozenset(code for code, box in self.unavailable.items() if box.isChecked())
        given, cleared = self.sheet.answers_for(values, unavailable)
        if not given and not cleared:
            self.accept()
            self.saved.emit(0)
            return
        self.save_button.setEnabled(False)
        self._tasks.run(ops.save_reception_answers(self._ctx, user=self._user, visit_id=self._visit_id,
                                                   answers=given, cleared=cleared),
                        parent=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, count: int) -> None:
        log.info("reception: %d QĐ 1551 answers of visit %s saved", count, self._visit_id)
        self.accept()
        self.saved.emit(count)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.sheet is not None)
        if not isinstance(exc, StationError):
            show_error(self, exc)
            return
        show_message(self.message, describe(exc))
        key = exc.data.get("key") if isinstance(exc, ValidationError) else None
        if isinstance(key, str) and key in self.inputs:
            self.inputs[key].setFocus()
