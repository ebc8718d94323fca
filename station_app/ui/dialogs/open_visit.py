"""Opening a visit: target groups and funding (pre-filled from the resident), the consent text and who gives it,
and the reason for a second visit in the same campaign when there is one. Enter confirms: the resident's own
consent is the default, a child's guardian for children.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget)

from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
from station_app.core.errors import AlreadyExaminedError, StationError
from station_app.core.model import FundingSource, TargetGroup
from station_app.services.station.registry import ConsentInput
from station_app.ui.dialogs import operations as ops
from station_app.ui.dialogs.target_groups import target_group_boxes
from station_app.ui.errors import describe, show_error
from station_app.ui.printing import sex_label
from station_app.ui.widgets import confirm_row, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import ResidentInfo, VisitInfo
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.tasks import TaskRunner

CHILD_UNDER = 16  # below this age the guardian consents by default
ELDERLY_FROM = 60


WARNING_STYLE = ("QLabel { background: #fff4e0; color: #6b3f00; border: 1px solid #e0a020; border-radius: 4px; "
                 "padding: 6px; font-weight: bold; }")


def warning_label() -> QLabel:
    """An amber box for what the nurse must notice but may go on with (a second visit, an expired card)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    label.hide()
    return label


def suggested_groups(resident: ResidentInfo, today: dt.date) -> set[TargetGroup]:
    """The resident's groups, plus the ones their age puts them in (the nurse may untick them)."""
    groups = set(resident.target_groups)
    age = today.year - resident.birth_year
    if age < 6:
        groups.add(TargetGroup.CHILD_UNDER_6)
    if age >= ELDERLY_FROM:
        groups.add(TargetGroup.ELDERLY)
    return groups


class OpenVisitDialog(QDialog):
    """Registers ``resident`` in today's queue on the database lane. Signals: ``visit_opened(VisitInfo)``."""

    visit_opened = Signal(object)  # VisitInfo

    def __init__(self, parent: QWidget, ctx: StationContext, tasks: TaskRunner, user: SignedInUser,
                 station: StationInfo, resident: ResidentInfo, today: dt.date | None = None,
                 insurance_valid: bool = True, card_issued_on: dt.date | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._user, self._station, self.resident = ctx, tasks, user, station, resident
        self._card_issued_on = card_issued_on  # the scanned ID card's issue date: the visit's NGAYCAP_CCCD
        today = today or dt.date.today()
        self.text = consent_text(CURRENT_VERSION)
        self.setWindowTitle(self.tr("Mở lượt khám"))
        title, who = self._build_heading(resident)
        self._build_reason()
        groups_box, funding_row = self._build_groups(resident, today, insurance_valid)
        consent_box = self._build_consent(resident, user, today)
        buttons = self._build_buttons()
        self._build_layout((title, who, self.second_warning, self.reason_box, groups_box), funding_row,
                           consent_box, buttons)
        if resident.last_visit_date is not None:
            self.ask_reason(self.tr("Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Chỉ mở "
                                    "lượt khám lần hai khi thật sự cần, và ghi lý do (được lưu vào nhật ký).").format(
                date=f"{resident.last_visit_date:%d/%m/%Y}", site=resident.last_visit_site or ""))
        elif self.by_guardian.isChecked() and not self.guardian_name.text():
            self.guardian_name.setFocus()
        else:
            self.confirm_button.setFocus()
        self.fit_height()

    def _build_heading(self, resident: ResidentInfo) -> tuple[QLabel, QLabel]:
        title = heading(2)
        title.setText(self.tr("Mở lượt khám cho {name}").format(name=resident.full_name))
        who = QLabel(self.tr("Sinh {birth} · {sex} · {place}").format(
            birth=f"{resident.birth_date:%d/%m/%Y}" if resident.birth_date else resident.birth_year,
            sex=sex_label(resident.sex), place=resident.village or resident.address or self.tr("chưa rõ địa chỉ")))
        return title, who

    def _build_reason(self) -> None:
        self.second_warning = warning_label()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Ví dụ: khám lại theo yêu cầu của bác sĩ; lần trước chưa khám xong"))
        self.reason_box = QWidget()
        reason_row = QFormLayout(self.reason_box)
        reason_row.setContentsMargins(0, 0, 0, 0)
        reason_row.addRow(self.tr("Lý do khám lần hai *"), self.reason)
        self.second_warning.hide()
        self.reason_box.hide()

    def _build_groups(self, resident: ResidentInfo, today: dt.date, insurance_valid: bool
                      ) -> tuple[QGroupBox, QFormLayout]:
        groups_box = QGroupBox(self.tr("Nhóm đối tượng"))
        self.groups = target_group_boxes(groups_box, columns=3)
        for group in suggested_groups(resident, today):
            self.groups[group].setChecked(True)
        self.funding = QComboBox()
        for source, text in self.funding_labels().items():
            self.funding.addItem(text, source.value)
        insured = resident.insurance_number and insurance_valid  # an expired card scanned just now does not pay
        default = FundingSource.HEALTH_INSURANCE if insured else FundingSource.STATE_BUDGET
        self.funding.setCurrentIndex(self.funding.findData(default.value))
        funding_row = QFormLayout()
        funding_row.addRow(self.tr("Nguồn kinh phí"), self.funding)
        return groups_box, funding_row

    def _build_consent(self, resident: ResidentInfo, user: SignedInUser, today: dt.date) -> QGroupBox:
        consent_box = QGroupBox(self.tr("Đồng ý xử lý dữ liệu cá nhân (đọc cho người dân nghe)"))
        self.consent_view = QPlainTextEdit(self.text)
        self.consent_view.setReadOnly(True)
        self.consent_view.setMinimumSize(720, 110)  # the dialog's size follows its layout's minimum
        self.by_self = QRadioButton(self.tr("Người dân tự đồng ý"))
        self.by_guardian = QRadioButton(self.tr("Người giám hộ đồng ý thay (trẻ em, người không tự quyết định được)"))
        self.given_by = QButtonGroup(self)
        self.given_by.addButton(self.by_self)
        self.given_by.addButton(self.by_guardian)
        self.guardian_name = QLineEdit(resident.guardian_name or "")
        self.guardian_relation = QComboBox()
        self.guardian_relation.setEditable(True)
        self.guardian_relation.addItems(["", self.tr("Mẹ"), self.tr("Bố"), self.tr("Ông"), self.tr("Bà"),
                                         self.tr("Anh/chị"), self.tr("Người nuôi dưỡng")])
        self.guardian_relation.setCurrentText(resident.guardian_relation or "")
        self.guardian_fields = QWidget()
        guardian_row = QHBoxLayout(self.guardian_fields)
        guardian_row.setContentsMargins(24, 0, 0, 0)
        for label, field, stretch in ((self.tr("Họ và tên người giám hộ *"), self.guardian_name, 3),
                                      (self.tr("Quan hệ *"), self.guardian_relation, 1)):
            guardian_row.addWidget(QLabel(label))
            guardian_row.addWidget(field, stretch)
        recorder = QLabel(self.tr("Người ghi nhận sự đồng ý: {name}").format(name=user.full_name))
        recorder.setObjectName("hint")
        consent_layout = QVBoxLayout(consent_box)
        for widget in (self.consent_view, self.by_self, self.by_guardian, self.guardian_fields, recorder):
            consent_layout.addWidget(widget)
        self.by_guardian.toggled.connect(self.guardian_fields.setEnabled)
        child = today.year - resident.birth_year < CHILD_UNDER
        (self.by_guardian if child else self.by_self).setChecked(True)
        self.guardian_fields.setEnabled(self.by_guardian.isChecked())
        return consent_box

    def _build_buttons(self) -> QHBoxLayout:
        self.message = message_label()
        self.confirm_button, self.cancel_button, buttons = confirm_row(self, self.tr("Đồng ý và mở lượt khám (Enter)"), self.tr("Huỷ (Esc)"))
        self.confirm_button.clicked.connect(self.submit)
        return buttons

    def _build_layout(self, top: tuple[QWidget, ...], funding_row: QFormLayout, consent_box: QGroupBox,
                      buttons: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        for widget in top:
            layout.addWidget(widget)
        layout.addLayout(funding_row)
        layout.addWidget(consent_box, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def fit_height(self) -> None:
        """Grow to what the word-wrapped warnings need at this width (minimum sizes ignore wrapping)."""
        width = max(self.width(), self.minimumSizeHint().width())
        height = self.layout().totalHeightForWidth(width)
        if height > 0:
            self.setMinimumHeight(height)
            if self.height() < height:
                self.resize(width, height)

    def funding_labels(self) -> dict[FundingSource, str]:
        return {FundingSource.STATE_BUDGET: self.tr("Ngân sách nhà nước (miễn phí)"),
                FundingSource.HEALTH_INSURANCE: self.tr("Bảo hiểm y tế"),
                FundingSource.EMPLOYER: self.tr("Cơ quan, đơn vị chi trả"),
                FundingSource.SELF_PAID: self.tr("Người dân tự chi trả"),
                FundingSource.OTHER: self.tr("Nguồn khác")}

    def ask_reason(self, warning: str) -> None:
        self.second_warning.setText(warning)
        self.second_warning.show()
        self.reason_box.show()
        self.reason.setFocus()
        self.fit_height()

    def consent(self) -> ConsentInput:
        guardian = self.by_guardian.isChecked()
        return ConsentInput(text_version=CURRENT_VERSION, text_sha256=text_sha256(self.text),
                            given_by="guardian" if guardian else "self",
                            guardian_name=self.guardian_name.text().strip() or None if guardian else None,
                            guardian_relation=self.guardian_relation.currentText().strip() or None if guardian else None)

    def say(self, text: str) -> None:
        show_message(self.message, text)
        self.fit_height()

    def submit(self) -> None:
        show_message(self.message, "")
        consent = self.consent()
        if consent.given_by == "guardian" and not (consent.guardian_name and consent.guardian_relation):
            self.say(self.tr("Hãy ghi họ tên và quan hệ của người giám hộ đồng ý thay, hoặc chọn "
                                               "\"Người dân tự đồng ý\"."))
            (self.guardian_relation if consent.guardian_name else self.guardian_name).setFocus()
            return
        if not self.reason_box.isHidden() and not self.reason.text().strip():
            self.say(self.tr("Hãy ghi lý do khám lần hai rồi bấm lại, hoặc bấm Huỷ."))
            self.reason.setFocus()
            return
        groups = [g for g, box in self.groups.items() if box.isChecked()]
        self.confirm_button.setEnabled(False)
        self._tasks.run(ops.open_visit(self._ctx, user=self._user, resident_id=self.resident.id,
                                       site_id=self._station.site_id, campaign_id=self._station.campaign_id,
                                       funding_source=FundingSource(self.funding.currentData()), target_groups=groups,
                                       consent=consent, second_visit_reason=self.reason.text().strip() or None,
                                       card_issued_on=self._card_issued_on),
                        parent=self, on_done=self._opened, on_error=self._failed)

    def _opened(self, visit: VisitInfo) -> None:
        self.confirm_button.setEnabled(True)
        self.accept()
        self.visit_opened.emit(visit)

    def _failed(self, exc: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        if isinstance(exc, AlreadyExaminedError):
            self.ask_reason(describe(exc))
        elif isinstance(exc, StationError):
            self.say(describe(exc))
        else:
            show_error(self, exc)
