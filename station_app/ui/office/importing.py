"""The import page: batch files or folders chosen, or dropped onto the window from a USB stick, are checked and
imported on the background lane; then what happened to each, and the sequences still missing."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from station_app.services.office.queries import DUPLICATE, IMPORTED, QUARANTINED, BatchEntry
from station_app.ui.errors import report
from station_app.ui.office import operations as ops
from station_app.ui.office.batches import reason_label, state_label
from station_app.ui.office.common import fill_table, make_table, number, tint_row
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.services.office.service import BatchOutcome, ImportReport, OfficeService


def local_paths(urls: list[QUrl]) -> list[Path]:
    """The files and folders of a drop (URLs of other kinds, e.g. a web link, are left out)."""
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]


class ImportPage(Retranslating):
    """Choose or drop; the import runs in the background with a progress dialog; then the summary."""

    imported = Signal(object)  # ImportReport, on the GUI thread: the other pages read again

    def __init__(self, service: OfficeService, tasks: TaskRunner) -> None:
        super().__init__()
        self._service, self._tasks = service, tasks
        self.report: ImportReport | None = None
        self.running = False
        self.title, self.drop_hint, self.state = heading(), QLabel(), QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setObjectName("subheading")
        self.state.setObjectName("hint")
        self.files_button, self.folder_button = QPushButton(), QPushButton()
        self.folder_button.setObjectName("primary")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.message = message_label()
        self.summary = QFrame()
        self.summary.setObjectName("card")
        grid = QGridLayout(self.summary)
        self.figures = {key: (QLabel("0"), QLabel()) for key in (IMPORTED, DUPLICATE, QUARANTINED)}
        for column, (value, caption) in enumerate(self.figures.values()):
            value.setObjectName("figure")
            grid.addWidget(value, 0, column)
            grid.addWidget(caption, 1, column)
        self.gaps, self.receipts = QLabel(), QLabel()
        for label in (self.gaps, self.receipts):
            label.setWordWrap(True)
        self.receipts.setObjectName("hint")
        grid.addWidget(self.gaps, 2, 0, 1, 3)
        grid.addWidget(self.receipts, 3, 0, 1, 3)
        self.summary.hide()
        self.table = make_table()
        self.table.hide()
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        drop = QFrame()
        drop.setObjectName("card")
        drop.setMinimumHeight(120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.files_button)
        buttons.addStretch()
        buttons.addWidget(self.state)
        zone = QVBoxLayout(drop)
        zone.setContentsMargins(20, 16, 20, 16)
        zone.addWidget(self.drop_hint)
        zone.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.title)
        layout.addWidget(drop)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addStretch()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Nhập lô dữ liệu"))
        self.drop_hint.setText(self.tr("Kéo thả các tệp lô (.batch) hoặc cả thư mục từ USB của trạm vào cửa sổ "
                                       "này, hoặc bấm nút để chọn."))
        self.folder_button.setText(self.tr("Chọn thư mục…"))
        self.files_button.setText(self.tr("Chọn tệp lô…"))
        captions = {IMPORTED: self.tr("lô đã nhập"), DUPLICATE: self.tr("lô đã nhập từ trước (không đổi gì)"),
                    QUARANTINED: self.tr("lô bị cách ly")}
        for key, (_, caption) in self.figures.items():
            caption.setText(captions[key])
        if self.report is not None:
            self.show_report(self.report)

    def refresh(self) -> None:
        """Nothing to read: the page shows the last import until the next one."""

    # -- choosing ---------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn tệp lô của trạm"), "",
                                                self.tr("Tệp lô (*.batch);;Mọi tệp (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục có tệp lô (trên USB)"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Check and import on the database lane; a second import waits for the first to finish."""
        if self.running:
            show_message(self.message, self.tr("Đang nhập lô; hãy đợi xong rồi nhập tiếp."))
            return
        if not paths:
            show_message(self.message, self.tr("Không có tệp hay thư mục nào trên máy được thả vào. Hãy kéo tệp lô "
                                               "hoặc thư mục từ USB."))
            return
        self.running = True
        self._enable()
        self.state.setText(self.tr("Đang kiểm tra và nhập…"))
        show_message(self.message, "")
        self._tasks.run(ops.import_batches(self._service, paths=paths,
                                           progress_text=self.tr("Đang kiểm tra và nhập các lô…")),
                        parent=self, on_done=self._done, on_error=self._failed)

    def _enable(self) -> None:
        for button in (self.files_button, self.folder_button):
            button.setEnabled(not self.running)

    def _done(self, result: ImportReport) -> None:
        self.running = False
        self._enable()
        self.state.setText("")
        self.show_report(result)
        self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._enable()
        self.state.setText("")
        report(self, self.message, exc)

    # -- the summary ------------------------------------------------------------------------------------------
    def show_report(self, result: ImportReport) -> None:
        self.report = result
        for key, (value, _) in self.figures.items():
            value.setText(number(len(result.with_status(key))))
        self.figures[QUARANTINED][0].setStyleSheet("color: #b00020;" if result.with_status(QUARANTINED) else "")
        self.gaps.setStyleSheet("color: #b00020; font-weight: bold;" if result.gaps else "")
        self.gaps.setText("\n".join(self.tr("Trạm {code} còn thiếu lô số: {gaps}. Hãy hỏi trạm gửi các lô này.")
                                    .format(code=code, gaps=", ".join(map(str, missing)))
                                    for code, missing in sorted(result.gaps.items()))
                          or self.tr("Không trạm nào còn thiếu lô."))
        folders = sorted({str(o.receipt.parent) for o in result.outcomes if o.receipt is not None})
        notes = [self.tr("Biên nhận đã ghi vào: {folders}. Mang USB về trạm để trạm nhập biên nhận.").format(
            folders="; ".join(folders))] if folders else []
        if result.with_status(QUARANTINED):
            notes.append(self.tr("Bản sao các lô bị cách ly nằm trong thư mục quarantine của đơn vị nhận; khắc phục "
                                 "nguyên nhân (đăng ký trạm, xin trạm xuất lại lô) rồi nhập lại từ đó."))
        self.receipts.setText("\n".join(notes))
        headings = [self.tr("Tệp"), self.tr("Trạm"), self.tr("Số lô"), self.tr("Kết quả"), self.tr("Lượt khám"),
                    self.tr("Lý do từ chối")]
        fill_table(self.table, headings, [self._row(o) for o in result.outcomes])
        for row in range(self.table.rowCount()):
            if self.table.item(row, 3).text() == state_label(QUARANTINED):
                tint_row(self.table, row, (3, 5))
        self.summary.show()
        self.table.show()

    def _row(self, o: BatchOutcome) -> list[tuple[str, object]]:
        entry = BatchEntry(o.file, o.station, o.sequence, o.status, None, reason=o.reason)
        visits = o.counts.get("visits") if o.status != QUARANTINED else None
        return [(o.file, o.file), (o.station or self.tr("(không rõ)"), o.station or ""),
                (str(o.sequence) if o.sequence is not None else "—", o.sequence or 0),
                (state_label(o.status), o.status), (number(visits) if visits is not None else "", visits or 0),
                (reason_label(entry) if o.status == QUARANTINED else "", o.reason or "")]
