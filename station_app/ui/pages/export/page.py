"""The coordinator's export page: what is waiting, the batches made and whether the office has them, the export
itself to a USB stick (noticed when plugged in) or any folder, sending over the network, the keys exchanged with
the office, and receipts. The office's bundle comes from its JSON file or QR picture, or from its QR scanned
(keyboard-mode scanner) or its text pasted (Ctrl+V) while the page is shown.

The page arranges the panels (``destination``, ``upload``, ``keys``, ``batches``) and reads the state they show
(``state.ExportState``) on the database lane; the panels run their use cases as ``operations``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from station_app.ui.errors import report
from station_app.ui.pages.export import operations as ops
from station_app.ui.pages.export.batches import BatchTable
from station_app.ui.pages.export.destination import DestinationPanel
from station_app.ui.pages.export.keys import KeysPanel
from station_app.ui.pages.export.state import ExportState
from station_app.ui.pages.export.upload import UploadPanel
from station_app.ui.removable_drives import DriveWatcher
from station_app.ui.scanning.keyboard_wedge import KeyboardWedgeFilter
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.upload import Backoff
    from station_app.ui.context import StationContext
    from station_app.ui.pages.export.upload_runner import UploadRunner


class ExportPage(Retranslating):
    """What is waiting, where to write it, the batches made, the keys and the receipts."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None = None,
                 watcher: DriveWatcher | None = None, backoff: Backoff | None = None,
                 uploader: UploadRunner | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.state: ExportState | None = None
        self.loading = False
        self.message = message_label()
        self.upload = UploadPanel(ctx, tasks, user, backoff, runner=uploader)
        self.upload.batches_changed.connect(self.refresh)
        self.watcher = watcher or DriveWatcher(self, tasks=tasks)
        self.watcher.setParent(self)
        self.destination = DestinationPanel(self, ctx, tasks, user, self.watcher)
        self.watcher.changed.connect(self.destination.drives_changed)
        self.keys = KeysPanel(self, ctx, tasks)
        self._build()
        self.retranslate()
        self.destination.fill_targets(select=self.watcher.drives[0].root if self.watcher.drives else None)
        self.upload.runner.resume_if_waiting()  # batches left waiting by the last run, or a network cut

    def _build(self) -> None:
        self.title = heading()
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.purpose)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.destination, 1)
        left.addWidget(self.upload)
        columns.addLayout(left, 2)
        columns.addWidget(self.keys, 1)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        self.batches_title = heading(2)
        layout.addWidget(self.batches_title)
        self.table = BatchTable()
        layout.addWidget(self.table, 1)
        # the office's bundle QR read by a keyboard-mode scanner while the page is shown, or its text pasted
        self.wedge = KeyboardWedgeFilter(self)
        self.wedge.scanned.connect(self.keys.code_scanned)
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_shortcut.activated.connect(self.keys.paste_bundle)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Xuất dữ liệu"))
        self.purpose.setText(self.tr("Cuối ngày, xuất mọi thay đổi từ lô trước thành một gói dữ liệu đã ký và mã hoá, "
                                     "ghi ra USB hoặc thư mục mạng để gửi cơ quan y tế tiếp nhận."))
        self.batches_title.setText(self.tr("Các lô đã xuất"))

    # -- reading ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.loading = True
        self._tasks.run(ops.read_state(self._ctx), parent=self, on_done=self.show_state, on_error=self._failed)

    def show_state(self, state: ExportState) -> None:
        self.loading = False
        self.state = state
        self.destination.show_pending(state.pending)
        self.keys.show_keys(state)
        self.table.show_batches(state)
        self.upload.show_target(state.upload_target, state.unacknowledged, has_bundle=state.has_bundle)
        self.destination.update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        report(self, self.message, exc)

    def action_failed(self, exc: BaseException) -> None:
        """An export, an import of the bundle or of receipts went wrong: said on the page, then read again."""
        self.destination.update_buttons()
        report(self, self.message, exc)
        self.refresh()

    def start_folder(self) -> Path:
        return self.destination.start_folder()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.watcher.stop()  # no polling while another page is shown
        self.wedge.uninstall()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.watcher.poll()
        self.watcher.start()
        self.wedge.install()
        super().showEvent(event)
