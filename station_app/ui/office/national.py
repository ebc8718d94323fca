"""The "Liên thông" page: each station's records on their way to the national database (by state, the oldest
waiting, past 20 h in amber and 24 h in red), the records refused with what to correct, those held back with the
reason, a button to push now (on the database lane, never the GUI thread), and each station's national settings
(secrets write-only: typed, encrypted, never shown again)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout)

from station_app.services.office.national_service import FacilityInput
from station_app.ui.errors import report
from station_app.ui.office import operations as ops
from station_app.ui.office.common import fill_table, local_time, make_table, number
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, scrolling_page, show_message

if TYPE_CHECKING:
    from station_app.services.office.national_service import FacilityView, NationalStatus, PushSummary
    from station_app.services.office.service import OfficeService

AMBER, RED = QColor("#fff4d6"), QColor("#fdecea")
STATES = ("waiting", "pushed", "accepted", "refused", "held")


def state_label(state: str) -> str:
    texts = {"waiting": QCoreApplication.translate("NationalPage", "Đang chờ"),
             "pushed": QCoreApplication.translate("NationalPage", "Đã gửi, chờ trả lời"),
             "accepted": QCoreApplication.translate("NationalPage", "Đã liên thông"),
             "refused": QCoreApplication.translate("NationalPage", "Bị từ chối"),
             "held": QCoreApplication.translate("NationalPage", "Giữ lại (chữ ký không hợp lệ)")}
    return texts.get(state, state)


class NationalPage(Retranslating):
    """``status`` (the last figures read) and ``facilities`` (settings without secrets) are kept for tests."""

    pushed = Signal(object)  # PushSummary

    def __init__(self, service: OfficeService, tasks: TaskRunner) -> None:
        super().__init__()
        self._service, self._tasks = service, tasks
        self.status: NationalStatus | None = None
        self.facilities: dict[str, FacilityView] = {}
        self.title, self.summary = heading(), QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.message = message_label()
        self.push_button = QPushButton()
        self.push_button.setObjectName("primary")
        self.push_button.clicked.connect(self.push_now)
        self.stations, self.late, self.refused = make_table(), make_table(), make_table()
        self.refused_title, self.late_title = heading(2), heading(2)
        self.form = SettingsForm()
        self.form.saved.connect(self.save_settings)
        self.form.station.currentIndexChanged.connect(self._show_settings)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.push_button)
        scrolling_page(self, [top, self.summary, self.message],
                       [self.stations, self.late_title, self.late, self.refused_title, self.refused, self.form])
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Liên thông lên cơ sở dữ liệu quốc gia"))
        self.push_button.setText(self.tr("Đẩy ngay"))
        self.late_title.setText(self.tr("Hồ sơ chưa liên thông quá 20 giờ (vàng) và quá 24 giờ (đỏ)"))
        self.refused_title.setText(self.tr("Hồ sơ bị từ chối hoặc giữ lại: cần sửa"))
        self.form.retranslate()
        self._show()

    def refresh(self) -> None:
        self._tasks.run(ops.national_status(self._service), parent=self, on_done=self.show_status,
                        on_error=lambda exc: report(self, self.message, exc))
        self._tasks.run(ops.national_facilities(self._service), parent=self, on_done=self.show_facilities,
                        on_error=lambda exc: report(self, self.message, exc))

    def push_now(self) -> None:
        self.push_button.setEnabled(False)
        show_message(self.message, self.tr("Đang gửi hồ sơ lên cổng liên thông…"), ok=True)
        self._tasks.run(ops.national_push(self._service), parent=self, on_done=self._pushed,
                        on_error=self._push_failed)

    def _pushed(self, summary: PushSummary) -> None:
        self.push_button.setEnabled(True)
        problems = [f"{s.station}: {s.problem}" for s in summary.stations if s.problem]
        text = self.tr("Đã gửi: {accepted} được nhận, {refused} bị từ chối, {retry} sẽ gửi lại sau.").format(
            accepted=summary.total("accepted"), refused=summary.total("refused"), retry=summary.total("retry"))
        show_message(self.message, "\n".join([text, *problems]), ok=not problems)
        self.pushed.emit(summary)
        self.refresh()

    def _push_failed(self, exc: BaseException) -> None:
        self.push_button.setEnabled(True)
        report(self, self.message, exc)

    def save_settings(self, given: FacilityInput) -> None:
        self._tasks.run(ops.national_setup(self._service, given=given), parent=self, on_done=self._saved,
                        on_error=lambda exc: report(self, self.form.message, exc))

    def _saved(self, view: FacilityView) -> None:
        self.form.clear_secrets()
        show_message(self.form.message, self.tr("Đã lưu thiết lập liên thông của trạm {code}; mật khẩu và khoá đã "
                                                "được mã hoá.").format(code=view.station), ok=True)
        self.refresh()

    # -- showing ------------------------------------------------------------------------------------------------
    def show_status(self, status: NationalStatus) -> None:
        self.status = status
        self.form.set_stations(sorted({s.station for s in status.stations} | set(self.facilities)))
        self._show()

    def show_facilities(self, facilities: list[FacilityView]) -> None:
        self.facilities = {f.station: f for f in facilities}
        self.form.set_stations(sorted(set(self.facilities) | {s.station for s in (self.status.stations
                                                                                  if self.status else [])}))
        self._show_settings()

    def _show(self) -> None:
        if self.status is None:
            return
        self._show_stations()
        self._show_late()
        self._show_refused()
        red = sum(s.red for s in self.status.stations)
        self.summary.setText(self.tr("{n} hồ sơ quá 24 giờ chưa liên thông.").format(n=number(red)) if red
                             else self.tr("Không có hồ sơ nào quá 24 giờ chưa liên thông."))

    def _show_stations(self) -> None:
        headings = [self.tr("Trạm"), *[state_label(s) for s in STATES], self.tr("Chờ lâu nhất từ"),
                    self.tr("Quá 20 giờ"), self.tr("Quá 24 giờ"), self.tr("Ghi chú")]
        rows = [[(s.station, s.station), *[(number(s.counts.get(k, 0)), s.counts.get(k, 0)) for k in STATES],
                 (local_time(s.oldest_waiting), s.oldest_waiting.isoformat() if s.oldest_waiting else ""),
                 (number(s.amber), s.amber), (number(s.red), s.red), (s.problem or "", s.problem or "")]
                for s in self.status.stations]
        fill_table(self.stations, headings, rows)
        for row, s in enumerate(self.status.stations):
            if s.red or s.amber:
                self._tint(self.stations, row, RED if s.red else AMBER)

    def _show_late(self) -> None:
        late = self.status.late
        fill_table(self.late, [self.tr("Trạm"), self.tr("Lượt khám"), self.tr("Bản"), self.tr("Trạng thái"),
                               self.tr("Số giờ từ khi khám xong"), self.tr("Lý do")],
                   [[(r.station, r.station), (r.visit_uid, r.visit_uid), (str(r.version), r.version),
                     (state_label(r.state), r.state), (f"{r.hours:.1f}", r.hours), (r.problem or "", "")]
                    for r in late])
        for row, r in enumerate(late):
            if r.colour:
                self._tint(self.late, row, RED if r.colour == "red" else AMBER)

    def _show_refused(self) -> None:
        rows = [[(r.station, r.station), (r.visit_uid, r.visit_uid), (str(r.version), r.version),
                 (r.res_code, r.res_code), (r.res_msg, r.res_msg), (QCoreApplication.translate("national", r.hint),
                                                                   "")] for r in self.status.refused]
        rows += [[(r.station, r.station), (r.visit_uid, r.visit_uid), (str(r.version), r.version),
                  (state_label("held"), "held"), (r.problem or "", ""), (self.tr("Trạm cho ký lại hồ sơ"), "")]
                 for r in self.status.held]
        rows += [[(r.station, r.station), (r.visit_uid, r.visit_uid), (str(r.version), r.version),
                  (state_label("waiting"), "waiting"), (r.problem or "", ""), ("", "")] for r in self.status.blocked]
        fill_table(self.refused, [self.tr("Trạm"), self.tr("Lượt khám"), self.tr("Bản"), self.tr("Mã"),
                                  self.tr("Thông báo"), self.tr("Cần làm")], rows)

    @staticmethod
    def _tint(table, row: int, colour: QColor) -> None:  # noqa: ANN001 - QTableWidget
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                item.setBackground(QBrush(colour))

    def _show_settings(self) -> None:
        self.form.show_settings(self.facilities.get(self.form.station.currentText()))


class SettingsForm(QGroupBox):
    """A station's national settings. The password, passphrase and PIN fields start empty and are cleared after
    saving: a secret is written, never read back."""

    saved = Signal(object)  # FacilityInput

    def __init__(self) -> None:
        super().__init__()
        self.station = QComboBox()
        self.fields = {name: QLineEdit() for name in ("sender_id", "ma_cskcb", "gln", "url", "receiver_id",
                                                       "username", "password", "p12", "passphrase", "pkcs11_module",
                                                       "pin")}
        for name in ("password", "passphrase", "pin"):
            self.fields[name].setEchoMode(QLineEdit.EchoMode.Password)
        self.browse, self.save = QPushButton(), QPushButton()
        self.browse.clicked.connect(self._choose_p12)
        self.save.clicked.connect(self._save)
        self.message = message_label()
        self.labels = {name: QLabel() for name in ("station", *self.fields)}
        form = QFormLayout()
        form.addRow(self.labels["station"], self.station)
        for name, edit in self.fields.items():
            if name == "p12":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self.browse)
                form.addRow(self.labels[name], row)
            else:
                form.addRow(self.labels[name], edit)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.save)
        box.addWidget(self.message)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Thiết lập liên thông của trạm"))
        texts = {"station": self.tr("Trạm"), "sender_id": self.tr("Mã cơ sở (sender_id, 13 số)"),
                 "ma_cskcb": self.tr("MA_CSKCB (5 ký tự)"), "gln": self.tr("GLN (13 số)"),
                 "url": self.tr("Địa chỉ cổng (thử sandbox trước)"), "receiver_id": self.tr("receiver_id (để trống: "
                                                                                          "mặc định)"),
                 "username": self.tr("Tài khoản liên thông"), "password": self.tr("Mật khẩu liên thông"),
                 "p12": self.tr("Tệp khoá ký .p12 của cơ sở"), "passphrase": self.tr("Mật khẩu tệp .p12"),
                 "pkcs11_module": self.tr("Hoặc: thư viện PKCS#11 của USB token"), "pin": self.tr("Mã PIN token")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.browse.setText(self.tr("Chọn…"))
        self.save.setText(self.tr("Lưu thiết lập"))

    def set_stations(self, codes: list[str]) -> None:
        chosen = self.station.currentText()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItems(codes)
        self.station.setCurrentIndex(max(0, self.station.findText(chosen)))
        self.station.blockSignals(False)

    def show_settings(self, view: FacilityView | None) -> None:
        """The station's settings without any secret (an empty form for a station not set up)."""
        values = {"sender_id": view.sender_id, "ma_cskcb": view.ma_cskcb, "gln": view.gln, "url": view.url,
                  "receiver_id": view.receiver_id or "", "username": view.username} if view else {}
        for name, edit in self.fields.items():
            edit.setText(values.get(name, ""))

    def clear_secrets(self) -> None:
        for name in ("password", "passphrase", "pin", "p12"):
            self.fields[name].clear()

    def _choose_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khoá ký của cơ sở"), "",
                                              self.tr("Khoá ký (*.p12 *.pfx)"))
        if path:
            self.fields["p12"].setText(path)

    def _save(self) -> None:
        text = {name: edit.text().strip() for name, edit in self.fields.items()}
        try:
            p12 = Path(text["p12"]).read_bytes() if text["p12"] else None
        except OSError:
            show_message(self.message, self.tr("Không đọc được tệp khoá ký {path}.").format(path=text["p12"]))
            return
        self.saved.emit(FacilityInput(
            station=self.station.currentText(), sender_id=text["sender_id"], ma_cskcb=text["ma_cskcb"],
            gln=text["gln"], url=text["url"], username=text["username"], password=self.fields["password"].text(),
            receiver_id=text["receiver_id"] or None, p12=p12, passphrase=self.fields["passphrase"].text() or None,
            pkcs11_module=text["pkcs11_module"] or None, pin=self.fields["pin"].text() or None))
