"""The stations page: each registered station with its newest batch, the sequences missing, how long since it
last sent (red past the 24-hour rule); registering a station from the PEM file it gave."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QDialog, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from station_app.services.office import queries
from station_app.ui.errors import report
from station_app.ui.office import operations as ops
from station_app.ui.office.common import LATE_TEXT, fill_table, local_time, make_table, number, since_text, tint_row
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, confirm_row, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.services.office.queries import StationStatus
    from station_app.services.office.service import OfficeService, StationInfo

SINCE_COLUMN, GAPS_COLUMN = 6, 7
REREAD_MS = 5 * 60 * 1000  # an office leaves the window open: "how long ago" and the red rows keep up


class RegisterStationDialog(QDialog):
    """The station's PEM file, its code and name; registered on the background lane."""

    registered = Signal(object)  # StationInfo, emitted on the GUI thread

    def __init__(self, service: OfficeService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._tasks = service, tasks
        self.pem, self.code, self.name = QLineEdit(), QLineEdit(), QLineEdit()
        self.browse = QPushButton(self.tr("Chọn tệp…"))
        self.browse.clicked.connect(self._choose_pem)
        self.hint = QLabel(self.tr("Tệp PEM do trạm ghi ra (trang Xuất dữ liệu của trạm, hoặc lệnh "
                                   "'station-app export --public-key'). Mã trạm phải đúng như trong tên tệp lô "
                                   "của trạm, ví dụ TYT-MK."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.message = message_label()
        self.confirm, self.cancel, buttons = confirm_row(self, self.tr("Đăng ký"), self.tr("Huỷ"))
        self.confirm.clicked.connect(self.submit)
        pem_row = QHBoxLayout()
        pem_row.addWidget(self.pem, 1)
        pem_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Tệp khoá công khai (PEM):"), pem_row)
        form.addRow(self.tr("Mã trạm:"), self.code)
        form.addRow(self.tr("Tên trạm:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(2))
        layout.itemAt(0).widget().setText(self.tr("Đăng ký trạm gửi dữ liệu"))
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setWindowTitle(self.tr("Đăng ký trạm"))
        self.resize(620, 300)

    def _choose_pem(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khoá công khai của trạm"), "",
                                              self.tr("Khoá công khai (*.pem *.pub);;Mọi tệp (*)"))
        if path:
            self.pem.setText(path)
            if not self.code.text():
                self.code.setText(Path(path).name.split(".")[0].upper())  # TYT-MK.pub.pem → TYT-MK

    def submit(self) -> None:
        if not self.pem.text().strip() or not self.code.text().strip():
            show_message(self.message, self.tr("Hãy chọn tệp PEM của trạm và nhập mã trạm."))
            return
        self.confirm.setEnabled(False)
        self._tasks.run(ops.add_station(self._service, pem=Path(self.pem.text().strip()), code=self.code.text(),
                                        name=self.name.text()),
                        parent=self, on_done=self._done, on_error=self._failed)

    def _done(self, info: StationInfo) -> None:
        self.registered.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.confirm.setEnabled(True)
        report(self, self.message, exc)


class StationsPage(Retranslating):
    """A table of the stations; an empty office says what to do first."""

    def __init__(self, service: OfficeService, tasks: TaskRunner, folder: Path) -> None:
        super().__init__()
        self._service, self._tasks, self._folder = service, tasks, folder
        self.stations: list[StationStatus] | None = None
        self.dialog: RegisterStationDialog | None = None
        self.title, self.summary = heading(), QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.ask_register)
        self.message = message_label()
        self.notice = QFrame()
        self.notice.setObjectName("card")
        self.notice_text, self.key_digits = QLabel(), QLabel()
        self.notice_text.setWordWrap(True)
        self.key_digits.setObjectName("figure")
        self.checked_button = QPushButton()
        self.checked_button.clicked.connect(self.notice.hide)
        notice = QVBoxLayout(self.notice)
        notice.addWidget(self.notice_text)
        digits = QHBoxLayout()
        digits.addWidget(self.key_digits)
        digits.addStretch()
        digits.addWidget(self.checked_button)
        notice.addLayout(digits)
        self.notice.hide()
        self.empty = QLabel()
        self.empty.setObjectName("card")
        self.empty.setWordWrap(True)
        self.empty.setMargin(16)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table = make_table()
        self._lay_out()
        self.retranslate()
        self._reread = QTimer(self)
        self._reread.setInterval(REREAD_MS)
        self._reread.timeout.connect(self._reread_if_shown)
        self._reread.start()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addStretch()  # takes the room when the table is hidden: the empty office's steps stay on top

    def retranslate(self) -> None:
        self.title.setText(self.tr("Các trạm"))
        self.add_button.setText(self.tr("Đăng ký trạm…"))
        self.checked_button.setText(self.tr("Đã đối chiếu xong"))
        self.empty.setText(self.tr(
            "Chưa có trạm nào được đăng ký. Việc cần làm trước:\n\n"
            "1. Gửi cho mỗi trạm tệp khoá của đơn vị nhận: {bundle} (hoặc ảnh mã QR office-bundle.png). "
            "Trạm nhập tệp này ở trang Xuất dữ liệu.\n"
            "2. Trạm gửi lại tệp khoá công khai của trạm (tệp .pem).\n"
            "3. Bấm \"Đăng ký trạm…\", chọn tệp .pem, nhập mã trạm; đọc 16 số đầu của mã khoá cho trạm qua "
            "điện thoại để đối chiếu.\n"
            "4. Nhập các tệp lô của trạm ở trang \"Nhập lô\" (kéo thả từ USB vào cửa sổ).").format(
                bundle=self._folder / "office-bundle.json"))
        if self.stations is not None:
            self.show_stations(self.stations)

    def refresh(self) -> None:
        self._tasks.run(ops.station_statuses(self._service), parent=self, on_done=self.show_stations,
                        on_error=lambda exc: report(self, self.message, exc))

    def _reread_if_shown(self) -> None:
        if self.isVisible() and not self._tasks.busy:
            self.refresh()

    def show_stations(self, stations: list[StationStatus]) -> None:
        self.stations = stations
        self.empty.setVisible(not stations)
        self.table.setVisible(bool(stations))
        late = [s for s in stations if s.late()]
        gaps = [s for s in stations if s.gaps]
        self.summary.setVisible(bool(stations))
        self.summary.setText(self.tr("{n} trạm · {late} trạm quá 24 giờ chưa gửi lô (tô đỏ) · {gaps} trạm còn thiếu "
                                     "lô").format(n=len(stations), late=len(late), gaps=len(gaps)) if stations else "")
        headings = [self.tr("Mã trạm"), self.tr("Tên trạm"), self.tr("Mã khoá\n(16 số đầu)"), self.tr("Số lô\nđã nhận"),
                    self.tr("Lô\nmới nhất"), self.tr("Nhận lô\nlần cuối"), self.tr("Cách đây"),
                    self.tr("Lô\ncòn thiếu"), self.tr("Lô bị\ncách ly")]
        fill_table(self.table, headings, [self._row(s) for s in stations])
        by_code = {s.code: s for s in stations}
        for row in range(self.table.rowCount()):
            station = by_code[self.table.item(row, 0).text()]
            if station.late():
                tint_row(self.table, row, (SINCE_COLUMN,))
            gaps = self.table.item(row, GAPS_COLUMN)
            gaps.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if station.gaps:  # the batches to ask the station for
                gaps.setForeground(QBrush(LATE_TEXT))

    def _row(self, s: StationStatus) -> list[tuple[str, object]]:
        hours = s.hours_since()
        missing = ", ".join(map(str, s.gaps))
        return [(s.code, s.code), (s.name or "", s.name or ""), (s.short_key_id, s.key_id),
                (number(s.batches), s.batches), (str(s.last_sequence or "—"), s.last_sequence or 0),
                (local_time(s.last_received), s.last_received.isoformat() if s.last_received else ""),
                (since_text(hours), hours if hours is not None else -1.0),
                (missing or self.tr("không"), len(s.gaps)), (number(s.quarantined), s.quarantined)]

    # -- registering ------------------------------------------------------------------------------------------
    def ask_register(self) -> None:
        self.dialog = RegisterStationDialog(self._service, self._tasks, self)
        self.dialog.registered.connect(self._registered)
        self.dialog.open()

    def _registered(self, info: StationInfo) -> None:
        self.notice_text.setText(self.tr("Đã đăng ký trạm {code}. Đọc 16 số đầu của mã khoá dưới đây cho trạm qua "
                                         "điện thoại; trạm thấy dãy số của mình ở trang Xuất dữ liệu. Nếu hai dãy "
                                         "khác nhau, đừng nhận lô của trạm này: báo cán bộ kỹ thuật và xin trạm "
                                         "gửi lại tệp PEM.").format(code=info.code))
        self.key_digits.setText(queries.short_key_id(info.key_id))
        self.notice.show()
        show_message(self.message, "")
        self.refresh()
