"""Registering a resident: typed in for people without a card (young children, some elderly), or confirmed
from a scanned card. The same validation as every other path (``services.station.registry.validate_resident``);
a problem is shown under its field, in Vietnamese, with what to do.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLayout, QLineEdit,
                               QVBoxLayout, QWidget)

from station_app.core.errors import StationError, ValidationError
from station_app.core.model import RecordSource, Sex
from station_app.services.common.reference import ethnic_groups
from station_app.services.station.registry import ResidentInput, validate_resident
from station_app.ui.dialogs import operations as ops
from station_app.ui.dialogs.target_groups import target_group_boxes
from station_app.ui.errors import describe, show_error
from station_app.ui.widgets import confirm_row, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import ResidentInfo
    from station_app.ui.tasks import TaskRunner

_DMY = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")
_YEAR = re.compile(r"\s*(\d{4})\s*")


class BirthError(ValueError):
    pass


def parse_birth(text: str) -> tuple[dt.date | None, int | None]:
    """'15/05/2002' → (date, 2002); '2002' → (None, 2002); '' → (None, None). BirthError otherwise."""
    if not text.strip():
        return None, None
    if m := _YEAR.fullmatch(text):
        return None, int(m.group(1))
    if m := _DMY.fullmatch(text):
        day, month, year = map(int, m.groups())
        try:
            return dt.date(year, month, day), year
        except ValueError:
            raise BirthError(text) from None
    raise BirthError(text)


class ResidentFormDialog(QDialog):
    """Fill in (or check) a resident's details and register them on the database lane.

    Signals: ``registered(ResidentInfo)`` once saved. ``proposal`` pre-fills the form (a scanned card).
    """

    registered = Signal(object)  # ResidentInfo

    def __init__(self, parent: QWidget, ctx: StationContext, tasks: TaskRunner, user: SignedInUser,
                 proposal: ResidentInput | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self._source = proposal.source if proposal else RecordSource.MANUAL
        from_card = self._source is RecordSource.CARD_SCAN
        self.setWindowTitle(self.tr("Xác nhận người mới từ thẻ") if from_card else self.tr("Nhập tay người không có thẻ"))
        title, hint = self._build_heading(from_card)
        self._build_fields()
        form = self._build_form()
        guardian, groups_box = self._build_side_boxes()
        buttons = self._build_buttons()
        self._build_layout(title, hint, form, guardian, groups_box, buttons)
        if proposal is not None:
            self.fill(proposal)
        (self.save_button if from_card else self.full_name).setFocus()

    def _build_heading(self, from_card: bool) -> tuple[QLabel, QLabel]:
        title = heading(2)
        title.setText(self.windowTitle())
        hint = QLabel(self.tr("Người này chưa có trong danh sách. Hãy đối chiếu thông tin đọc từ thẻ với người dân, "
                              "rồi bấm Lưu.") if from_card else
                      self.tr("Dùng cho người không mang thẻ (trẻ nhỏ, một số người cao tuổi). Ô có dấu * là bắt "
                              "buộc. Với trẻ em, ghi họ tên và quan hệ của người giám hộ."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        return title, hint

    def _build_fields(self) -> None:
        self.full_name = QLineEdit()
        self.full_name.setMinimumWidth(360)  # the dialog's size follows its layout's minimum
        self.sex = QComboBox()
        self.sex.addItem(self.tr("— chọn —"), None)
        for sex, text in ((Sex.MALE, self.tr("Nam")), (Sex.FEMALE, self.tr("Nữ")), (Sex.UNKNOWN, self.tr("Không rõ"))):
            self.sex.addItem(text, sex.value)
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("ngày/tháng/năm, hoặc chỉ năm sinh"))
        self.national_id = QLineEdit()
        self.national_id.setPlaceholderText(self.tr("12 chữ số"))
        self.insurance = QLineEdit()
        self.insurance.setPlaceholderText(self.tr("15 ký tự trên thẻ, hoặc mã số BHXH 10 chữ số"))
        self.ethnic = QComboBox()
        self.ethnic.addItem("", None)
        for group in ethnic_groups():
            self.ethnic.addItem(group.name, group.code)
        self.village = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.guardian_name = QLineEdit()
        self.guardian_relation = QComboBox()
        self.guardian_relation.setEditable(True)
        self.guardian_relation.addItems(["", self.tr("Mẹ"), self.tr("Bố"), self.tr("Ông"), self.tr("Bà"),
                                         self.tr("Anh/chị"), self.tr("Người nuôi dưỡng")])

    def _build_form(self) -> QFormLayout:
        self.errors: dict[str, QLabel] = {}  # the red line under each field, by ValidationError key
        self._widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        rows = (("full_name", self.tr("Họ và tên *"), self.full_name), ("sex", self.tr("Giới tính *"), self.sex),
                ("birth_year", self.tr("Ngày sinh hoặc năm sinh *"), self.birth),
                ("national_id", self.tr("Số CCCD"), self.national_id),
                ("insurance_number", self.tr("Số thẻ BHYT"), self.insurance),
                ("ethnic_code", self.tr("Dân tộc"), self.ethnic), ("village", self.tr("Thôn/bản"), self.village),
                ("address", self.tr("Địa chỉ"), self.address), ("phone", self.tr("Số điện thoại"), self.phone))
        for key, label, widget in rows:
            form.addRow(label, self._with_error(key, widget))
        return form

    def _build_side_boxes(self) -> tuple[QGroupBox, QGroupBox]:
        guardian = QGroupBox(self.tr("Người giám hộ (với trẻ em)"))
        guardian_form = QFormLayout(guardian)
        guardian_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        guardian_form.addRow(self.tr("Họ và tên người giám hộ"), self._with_error("guardian_name", self.guardian_name))
        guardian_form.addRow(self.tr("Quan hệ với trẻ"), self._with_error("guardian_relation", self.guardian_relation))
        groups_box = QGroupBox(self.tr("Nhóm đối tượng"))
        self.groups = target_group_boxes(groups_box, columns=2)
        return guardian, groups_box

    def _build_buttons(self) -> QHBoxLayout:
        self.message = message_label()
        self.save_button, self.cancel_button, buttons = confirm_row(self, self.tr("Lưu (Enter)"), self.tr("Huỷ (Esc)"))
        self.save_button.clicked.connect(self.submit)
        return buttons

    def _build_layout(self, title: QLabel, hint: QLabel, form: QFormLayout, guardian: QGroupBox, groups_box: QGroupBox,
                      buttons: QHBoxLayout) -> None:
        right = QVBoxLayout()
        right.addWidget(guardian)
        right.addWidget(groups_box)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addSpacing(12)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when a warning or error shows
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = message_label()
        box.addWidget(error)
        self.errors[key] = error
        self._widgets[key] = widget
        return holder

    def fill(self, data: ResidentInput) -> None:
        self.full_name.setText(data.full_name or "")
        self.sex.setCurrentIndex(max(self.sex.findData(Sex(data.sex).value), 0))
        if data.birth_date:
            self.birth.setText(f"{data.birth_date:%d/%m/%Y}")
        elif data.birth_year:
            self.birth.setText(str(data.birth_year))
        self.national_id.setText(data.national_id or "")
        self.insurance.setText(data.insurance_number or "")
        self.ethnic.setCurrentIndex(max(self.ethnic.findData(data.ethnic_code), 0))
        self.village.setText(data.village or "")
        self.address.setText(data.address or "")
        self.phone.setText(data.phone or "")
        self.guardian_name.setText(data.guardian_name or "")
        self.guardian_relation.setCurrentText(data.guardian_relation or "")
        for group, box in self.groups.items():
            box.setChecked(group in data.target_groups)

    def data(self) -> ResidentInput:
        """What the form holds; BirthError when the birth field is not a date or a year."""
        birth_date, birth_year = parse_birth(self.birth.text())
        sex = self.sex.currentData()
        return ResidentInput(
            full_name=self.full_name.text(), sex=Sex(sex) if sex else "", birth_year=birth_year,  # type: ignore[arg-type]
            birth_date=birth_date, national_id=self.national_id.text() or None,
            insurance_number=self.insurance.text() or None, ethnic_code=self.ethnic.currentData(),
            village=self.village.text() or None, address=self.address.text() or None, phone=self.phone.text() or None,
            guardian_name=self.guardian_name.text() or None,
            guardian_relation=self.guardian_relation.currentText() or None,
            target_groups=tuple(g for g, box in self.groups.items() if box.isChecked()), source=self._source)

    def submit(self) -> None:
        self.clear_errors()
        try:
            data = validate_resident(self.data())
        except BirthError:
            self.show_field_error("birth_year", self.tr("Ghi ngày sinh dạng 15/05/2002, hoặc chỉ năm sinh (2002)."))
            return
        except ValidationError as exc:
            self.show_validation(exc)
            return
        if data.guardian_relation and not data.guardian_name:
            self.show_field_error("guardian_name", self.tr("Ghi họ tên người giám hộ, hoặc xoá ô quan hệ."))
            return
        data = dataclasses.replace(data, source=self._source)
        self.save_button.setEnabled(False)
        self._tasks.run(ops.register_resident(self._ctx, user=self._user, data=data), parent=self,
                        on_done=self._saved, on_error=self._failed)

    def _saved(self, resident: ResidentInfo) -> None:
        self.save_button.setEnabled(True)
        self.accept()
        self.registered.emit(resident)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_validation(exc)
        elif isinstance(exc, StationError):
            show_message(self.message, describe(exc))
        else:
            show_error(self, exc)

    # -- errors by field --------------------------------------------------------------------------------------

    def show_validation(self, exc: ValidationError) -> None:
        key = str(exc.data.get("key", ""))
        key = {"birth_date": "birth_year", "old_id_number": "national_id", "commune_code": "address"}.get(key, key)
        if key in self.errors:
            self.show_field_error(key, describe(exc))
        else:
            show_message(self.message, describe(exc))

    def show_field_error(self, key: str, text: str) -> None:
        show_message(self.errors[key], text)
        show_message(self.message, self.tr("Hãy sửa ô được báo đỏ rồi bấm Lưu."))
        widget = self._widgets[key]
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.message):
            show_message(label, "")
