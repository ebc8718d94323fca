"""The resident being received, as the card in the middle of the desk shows them."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout

from station_app.core.model import TARGET_GROUP_LABELS
from station_app.core.qr_payloads import WARNING_TEXT
from station_app.ui.dialogs.open_visit import warning_label
from station_app.ui.pages.reception.state import AtDesk
from station_app.ui.printing import sex_label
from station_app.ui.widgets import heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.core.cards import ScanWarning
    from station_app.services.station.registry import ResidentInfo, VisitInfo


class ResidentCard(QFrame):
    """The resident being received: who they are, warnings in amber, and the visit opened today."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        self.desk: AtDesk | None = None
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        self.name = heading(1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.warnings = warning_label()
        self.last_visit = warning_label()
        self.visit_line = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        for widget in (self.empty, self.name, self.details, self.warnings, self.last_visit, self.visit_line):
            layout.addWidget(widget)
        self.show_desk(None)

    @property
    def resident(self) -> ResidentInfo | None:
        return self.desk.resident if self.desk else None

    @property
    def scan_warnings(self) -> tuple[ScanWarning, ...]:
        return self.desk.warnings if self.desk else ()

    @property
    def visit(self) -> VisitInfo | None:
        return self.desk.visit if self.desk else None

    def show_desk(self, desk: AtDesk | None) -> None:
        self.desk = desk
        self.render()

    def render(self) -> None:
        desk = self.desk
        self.empty.setVisible(desk is None)
        for widget in (self.name, self.details):
            widget.setVisible(desk is not None)
        if desk is None:
            self.empty.setText(self.tr("Quét thẻ CCCD, thẻ BHYT hoặc phiếu khám (bằng máy quét, camera hay ảnh), "
                                       "hoặc gõ tên vào ô tìm kiếm. Người không có thẻ: bấm F2 để nhập tay."))
            for label in (self.warnings, self.last_visit):
                label.hide()
            show_message(self.visit_line, "")
            return
        r = desk.resident
        self.name.setText(r.full_name)
        self.details.setText("<table cellspacing='0' cellpadding='2'>" + "".join(
            f"<tr><td style='color:#555;padding-right:8px;white-space:nowrap'>{_html(k)}</td>"
            f"<td><b>{_html(v)}</b></td></tr>"
            for k, v in self._rows(r)) + "</table>")
        notes = [QCoreApplication.translate("scan", WARNING_TEXT[w]) for w in desk.notes]
        self.warnings.setText("\n".join(notes))
        self.warnings.setVisible(bool(notes))
        self.last_visit.setText(self.tr("Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Mở "
                                        "lượt khám lần hai cần ghi lý do.").format(
            date=f"{r.last_visit_date:%d/%m/%Y}" if r.last_visit_date else "", site=r.last_visit_site or ""))
        self.last_visit.setVisible(desk.registered_before)
        show_message(self.visit_line, self.tr("Lượt khám hôm nay: số thứ tự {number}").format(
            number=desk.visit.queue_number) if desk.visit else "", ok=True)

    def _rows(self, r: ResidentInfo) -> list[tuple[str, str]]:
        birth = f"{r.birth_date:%d/%m/%Y}" if r.birth_date else str(r.birth_year)
        age = dt.date.today().year - r.birth_year
        groups = ", ".join(QCoreApplication.translate("labels", TARGET_GROUP_LABELS[g]) for g in r.target_groups)
        rows = [(self.tr("Ngày sinh"), self.tr("{birth} ({age} tuổi)").format(birth=birth, age=age)),
                (self.tr("Giới tính"), sex_label(r.sex)),
                (self.tr("Số CCCD"), r.national_id or self.tr("chưa có")),
                (self.tr("Số thẻ BHYT"), r.insurance_number or self.tr("chưa có")),
                (self.tr("Thôn/bản"), r.village or r.address or self.tr("chưa rõ"))]
        if groups:
            rows.append((self.tr("Đối tượng"), groups))
        if r.guardian_name:
            rows.append((self.tr("Người giám hộ"), f"{r.guardian_name} ({r.guardian_relation or ''})"))
        return rows


def card_area(card: ResidentCard, open_visit_button: QPushButton, *more: QPushButton) -> QScrollArea:
    """The card with its buttons under the details, in a scroll area as wide as its column."""
    for button in (open_visit_button, *more):
        card.layout().addWidget(button)
    card.layout().addStretch(1)
    # The card's height changes with each resident shown (warnings, guardian); inside a scroll area that
    # change stays local instead of laying out the whole window again on every keystroke of a search.
    # Never wider than its column: the text wraps instead of running off the right edge.
    card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    area = QScrollArea()
    area.setWidget(card)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
