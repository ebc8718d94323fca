"""The export card: what is waiting, where to write it (a USB stick, noticed when plugged in, or any folder), and
the button that writes it."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from station_app.ui import printing
from station_app.ui.labels import number
from station_app.ui.pages.export import dialogs
from station_app.ui.pages.export import operations as ops
from station_app.ui.pages.export.common import PageHost, card
from station_app.ui.pages.export.state import Targets, local_time
from station_app.ui.removable_drives import Drive, DriveWatcher, size_text
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, show_message

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.exchange.batch_export import ExportResult, PendingSummary
    from station_app.ui.context import StationContext

log = logging.getLogger(__name__)


class DestinationPanel(Retranslating):
    """What is waiting, where to write it and the export button."""

    def __init__(self, host: PageHost, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None,
                 watcher: DriveWatcher) -> None:
        super().__init__()
        self._host, self._ctx, self._tasks, self._user = host, ctx, tasks, user
        self.watcher = watcher
        self.targets = Targets()  # folders chosen by hand this session, after the drives
        self.pending: PendingSummary | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        grid = card(self)
        self.pending_title = heading(2)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("figure")
        self.pending_detail = QLabel()
        self.pending_detail.setWordWrap(True)
        self.target_label = QLabel()
        self.target = QComboBox()
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton()
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export)
        grid.addWidget(self.pending_title, 0, 0, 1, 2)
        grid.addWidget(self.pending_label, 1, 0, 1, 2)
        grid.addWidget(self.pending_detail, 2, 0, 1, 2)
        grid.addWidget(self.target_label, 3, 0, 1, 2)
        grid.addWidget(self.target, 4, 0)
        grid.addWidget(self.folder_button, 4, 1)
        grid.addWidget(self.export_button, 5, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(6, 1)  # the rows stay together at the top when the keys card is taller

    def retranslate(self) -> None:
        self.pending_title.setText(self.tr("Đang chờ xuất"))
        self.target_label.setText(self.tr("Ghi vào:"))
        self.folder_button.setText(self.tr("Chọn thư mục khác…"))
        self.export_button.setText(self.tr("Xuất gói dữ liệu"))
        self.fill_targets(self.selected_target())
        if self.pending is not None:
            self.show_pending(self.pending)

    def show_pending(self, pending: PendingSummary) -> None:
        self.pending = pending
        self.pending_label.setText(self.tr("{n} thay đổi").format(n=number(pending.changes)))
        if pending.changes:
            self.pending_detail.setText(self.tr("Thay đổi cũ nhất lúc {time}. Lô tiếp theo: số {seq}.").format(
                time=local_time(pending.oldest), seq=pending.next_sequence))
        else:
            self.pending_detail.setText(self.tr("Không có gì mới từ lô trước."))

    # -- where to write ----------------------------------------------------------------------------------------
    def selected_target(self) -> Path | None:
        data = self.target.currentData()
        return Path(data) if data else None

    def fill_targets(self, select: str | Path | None) -> None:
        self.target.blockSignals(True)
        self.target.clear()
        for drive in self.watcher.drives:
            self.target.addItem(self._drive_text(drive), drive.root)
        for folder in self.targets.folders:
            self.target.addItem(self.tr("Thư mục: {path}").format(path=folder), str(folder))
        if self.target.count() == 0:
            self.target.addItem(self.tr("Chưa thấy USB: hãy cắm USB hoặc chọn thư mục khác"), None)
        index = self.target.findData(str(select)) if select is not None else -1
        self.target.setCurrentIndex(max(index, 0))
        self.target.blockSignals(False)
        self.update_buttons()

    def _drive_text(self, drive: Drive) -> str:
        return self.tr("USB {label} ({root}), còn trống {free}").format(
            label=drive.label, root=QDir.toNativeSeparators(drive.root), free=size_text(drive.free_bytes))

    def drives_changed(self) -> None:
        plugged = self.watcher.plugged
        self.fill_targets(plugged[0].root if plugged else self.selected_target())

    def _target_changed(self) -> None:
        self.update_buttons()

    def update_buttons(self) -> None:
        self.export_button.setEnabled(Targets.may_export(self.selected_target()))

    def start_folder(self) -> Path:
        """Where file dialogs open: the chosen stick or folder, else a stick, else Documents."""
        target = self.selected_target()
        return target if target is not None and target.is_dir() else printing.default_save_folder()

    def choose_folder(self) -> None:
        folder = dialogs.ask_folder(self, self.tr("Chọn thư mục để ghi gói dữ liệu"), self.start_folder())
        if folder is None:
            return
        self.targets.add_folder(folder)
        self.fill_targets(folder)

    # -- exporting ---------------------------------------------------------------------------------------------
    def export(self) -> None:
        target = self.selected_target()
        if target is None:
            return
        show_message(self._host.message, "")
        self.export_button.setEnabled(False)
        operation = ops.export_to(self._ctx, user=self._user, target=target,
                                  progress_text=self.tr("Đang ký, mã hoá và ghi gói dữ liệu…"))
        self._tasks.run(operation, parent=self, on_done=self._exported, on_error=self._host.action_failed)

    def _exported(self, result: ExportResult) -> None:
        show_message(self._host.message, self.export_text(result), ok=True)
        log.info("export page: batch %s, %d rewritten", result.made.sequence if result.made else "-",
                 len(result.rewritten))
        self._host.refresh()

    def export_text(self, result: ExportResult) -> str:
        """What was written, in a sentence or two."""
        if result.made is None:
            text = self.tr("Không có thay đổi mới từ lô trước nên không tạo lô mới.")
        else:
            c = result.made.counts
            text = self.tr("Đã ghi lô số {seq}: {file} ({residents} người dân, {visits} lượt khám, {obs} kết quả "
                           "đo/khám) vào {folder}.").format(
                seq=result.made.sequence, file=result.made.file_name, residents=number(c.get("residents", 0)),
                visits=number(c.get("visits", 0)), obs=number(c.get("observations", 0)),
                folder=result.path.parent if result.path else "")
        if result.rewritten:
            text += " " + self.tr("Đã ghi lại {n} lô trước chưa có biên nhận: {files}.").format(
                n=len(result.rewritten), files=", ".join(p.name for p in result.rewritten))
        return text
