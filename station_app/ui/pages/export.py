"""The coordinator's export page: what is waiting, the batches made and whether the office has them, the export
itself to a USB stick (noticed when plugged in) or any folder, the keys exchanged with the office, and receipts.
The office's bundle comes from its JSON file or QR picture, or from its QR scanned (keyboard-mode scanner) or its
text pasted (Ctrl+V) while the page is shown, imported once the coordinator confirms the office's name.

Reading and writing run on the database lane (``ExportService`` signs, encrypts and fsyncs); the station key's
QR image is made on the CPU pool. The dialogs that ask for a file or folder are module functions that tests
replace.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFrame, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QMenu, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from station_app.ui import printing
from station_app.ui.errors import report
from station_app.ui.labels import number
from station_app.ui.pages.upload_panel import UploadPanel, UploadRunner
from station_app.ui.removable_drives import Drive, DriveWatcher, size_text
from station_app.ui.scanning.keyboard_wedge import KeyboardWedgeFilter
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.core.batch_format import OfficeBundle
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.exchange.batch_export import BatchInfo, ExportResult, PendingSummary
    from station_app.services.exchange.keys import StationPublicKey
    from station_app.services.station.receipts import ReceiptImport
    from station_app.services.station.upload import Backoff, BatchNote, UploadTarget

log = logging.getLogger(__name__)
QR_SCALE = 5  # pixels per module: the key's QR (about 70 modules with the PEM and the border) is about 350 px
COUNT_COLUMNS = ("residents", "visits", "observations")


@dataclass(frozen=True)
class ExportState:
    """Everything the page shows, read in one go on the database lane."""

    pending: PendingSummary
    batches: list[BatchInfo]
    office_name: str | None
    station_key: StationPublicKey
    station_code: str
    upload_target: UploadTarget | None = None  # where batches go over the network, if anywhere
    notes: dict[int, BatchNote] | None = None  # per batch: sent over the network, the office's reason to refuse


def load_state(ctx: StationContext) -> ExportState:
    """The waiting changes, the batches, the office bundle's name and the station key (a missing or damaged key
    is an error saying what to do, never made again here: the office registered the old one)."""
    export = ctx.export
    bundle = export.keys.office_bundle()
    upload = ctx.upload
    return ExportState(export.pending(), export.batches(), bundle.name if bundle else None,
                       export.keys.public_key(), ctx.station.info().code, upload.target(), upload.notes())


# ``ctx.export`` is made on first use (its imports take ~0.4 s): these reach it on the worker thread, never on
# the GUI thread.
def export_to(ctx: StationContext, user: SignedInUser | None, target: Path) -> ExportResult:
    return ctx.export.export(user, target)


def import_office_bundle(ctx: StationContext, path: Path) -> OfficeBundle:
    return ctx.export.keys.import_office_bundle(path)


def import_office_bundle_text(ctx: StationContext, text: str) -> OfficeBundle:
    return ctx.export.keys.import_office_bundle_text(text)


def save_public_key(ctx: StationContext, path: Path) -> StationPublicKey:
    return ctx.export.keys.save_public_key(path)


def qr_image(text: str, scale: int = QR_SCALE) -> QImage:
    """The QR code of ``text`` as a black-on-white image with a four-module quiet zone (CPU pool: no widgets)."""
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, 0xFF000000)
    return image.scaled(size * scale, size * scale)


# -- the dialogs that ask, on their own so that tests replace only them ------------------------------------------

def ask_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """A folder (a network share, a stick's subfolder); None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def ask_open_file(parent: QWidget | None, title: str, start: Path, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), name_filter)
    return Path(chosen) if chosen else None


def ask_receipt_paths(parent: QWidget | None, title: str, start: Path, whole_folder: bool,
                      name_filter: str) -> list[Path]:
    """Receipt files, or one folder whose receipts are all read; empty when cancelled."""
    if whole_folder:
        folder = ask_folder(parent, title, start)
        return [folder] if folder else []
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start), name_filter)
    return [Path(p) for p in chosen]


def confirm_bundle(parent: QWidget, question: str) -> bool:
    """Yes or no before a scanned or pasted bundle replaces where the data goes."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("ExportPage", "Nhập gói khoá"), question)
    return answer == QMessageBox.StandardButton.Yes


def local_time(moment: dt.datetime | str | None) -> str:
    """A UTC moment (naive or ISO text, as stored) in the laptop's time, dd/mm/yyyy hh:mm."""
    if moment is None or moment == "":
        return "–"
    if isinstance(moment, str):
        try:
            moment = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class StationKeyDialog(QDialog):
    """The station's public key as a QR code, with its short id to read over the phone."""

    def __init__(self, parent: QWidget, image: QImage, key: StationPublicKey, station_code: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khoá của trạm"))
        self.qr_label = QLabel()
        self.qr_label.setPixmap(QPixmap.fromImage(image))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(self.tr("Mã trạm: {code}\nMã khoá: {short}").format(code=station_code, short=key.short_id))
        caption.setObjectName("subheading")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Đơn vị nhận quét mã này (hoặc nhận tệp PEM) để đăng ký trạm. Khi gọi điện, đọc mã "
                              "khoá để đối chiếu. Mã đầy đủ (key_id):\n{key_id}").format(key_id=key.key_id))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.qr_label, caption, hint):
            layout.addWidget(widget)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class ExportPage(Retranslating):
    """What is waiting, where to write it, the batches made, the keys and the receipts."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None = None,
                 watcher: DriveWatcher | None = None, backoff: Backoff | None = None,
                 uploader: UploadRunner | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.upload = UploadPanel(ctx, tasks, user, backoff, runner=uploader)
        self.upload.batches_changed.connect(self.refresh)
        self.state: ExportState | None = None
        self.loading = False
        self.key_dialog: StationKeyDialog | None = None
        self._folders: list[Path] = []  # folders chosen by hand this session, after the drives
        self.watcher = watcher or DriveWatcher(self, tasks=tasks)
        self.watcher.setParent(self)
        self.watcher.changed.connect(self._drives_changed)
        self._build()
        self.retranslate()
        self._fill_targets(select=self.watcher.drives[0].root if self.watcher.drives else None)
        self.upload.runner.resume_if_waiting()  # batches left waiting by the last run, or a network cut

    # -- layout -----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = heading()
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("figure")
        self.pending_detail = QLabel()
        self.pending_detail.setWordWrap(True)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.purpose)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._export_card(), 1)
        left.addWidget(self.upload)
        columns.addLayout(left, 2)
        columns.addWidget(self._keys_card(), 1)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        self.batches_title = heading(2)
        layout.addWidget(self.batches_title)
        layout.addWidget(self._batch_table(), 1)
        # the office's bundle QR read by a keyboard-mode scanner while the page is shown, or its text pasted
        self.wedge = KeyboardWedgeFilter(self)
        self.wedge.scanned.connect(self.code_scanned)
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_shortcut.activated.connect(self.paste_bundle)

    def _export_card(self) -> QFrame:
        card, grid = _card()
        self.pending_title = heading(2)
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
        return card

    def _keys_card(self) -> QFrame:
        card, grid = _card()
        self.keys_title = heading(2)
        self.office_label = QLabel()
        self.office_label.setWordWrap(True)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.bundle_button = QPushButton()
        self.bundle_button.clicked.connect(self.import_bundle)
        self.show_key_button = QPushButton()
        self.show_key_button.clicked.connect(self.show_station_key)
        self.save_key_button = QPushButton()
        self.save_key_button.clicked.connect(self.save_public_key)
        self.receipts_button = QPushButton()
        self.receipts_menu = QMenu(self)
        self.receipt_files_action = self.receipts_menu.addAction("")
        self.receipt_files_action.triggered.connect(lambda: self.import_receipts(whole_folder=False))
        self.receipt_folder_action = self.receipts_menu.addAction("")
        self.receipt_folder_action.triggered.connect(lambda: self.import_receipts(whole_folder=True))
        self.receipts_button.setMenu(self.receipts_menu)
        grid.addWidget(self.keys_title, 0, 0, 1, 2)
        grid.addWidget(self.office_label, 1, 0, 1, 2)
        grid.addWidget(self.key_label, 2, 0, 1, 2)
        for row, button in enumerate((self.bundle_button, self.show_key_button, self.save_key_button,
                                      self.receipts_button), start=3):
            grid.addWidget(button, row, 0, 1, 2)
        grid.setRowStretch(7, 1)
        return card

    def _batch_table(self) -> QTableWidget:
        self.table = QTableWidget(0, 7)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        return self.table

    def retranslate(self) -> None:
        self.title.setText(self.tr("Xuất dữ liệu"))
        self.purpose.setText(self.tr("Cuối ngày, xuất mọi thay đổi từ lô trước thành một gói dữ liệu đã ký và mã hoá, "
                                     "ghi ra USB hoặc thư mục mạng để gửi cơ quan y tế tiếp nhận."))
        self.pending_title.setText(self.tr("Đang chờ xuất"))
        self.target_label.setText(self.tr("Ghi vào:"))
        self.folder_button.setText(self.tr("Chọn thư mục khác…"))
        self.export_button.setText(self.tr("Xuất gói dữ liệu"))
        self.keys_title.setText(self.tr("Khoá"))
        self.bundle_button.setText(self.tr("Nhập gói khoá của cơ quan y tế…"))
        self.show_key_button.setText(self.tr("Khoá của trạm"))
        self.save_key_button.setText(self.tr("Lưu khoá công khai (PEM)…"))
        self.receipts_button.setText(self.tr("Nhập biên nhận…"))
        self.receipt_files_action.setText(self.tr("Chọn tệp biên nhận…"))
        self.receipt_folder_action.setText(self.tr("Đọc mọi biên nhận trong một thư mục…"))
        self.batches_title.setText(self.tr("Các lô đã xuất"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Số"), self.tr("Tệp"), self.tr("Tạo lúc"), self.tr("Người dân"), self.tr("Lượt khám"),
            self.tr("Kết quả đo/khám"), self.tr("Trạng thái")])
        self._fill_targets(self.selected_target())
        if self.state is not None:
            self.show_state(self.state)

    # -- reading ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.loading = True
        self._tasks.submit(load_state, self._ctx, parent=self, on_done=while_alive(self, self.show_state),
                           on_error=while_alive(self, self._failed))

    def show_state(self, state: ExportState) -> None:
        self.loading = False
        self.state = state
        self._show_pending(state.pending)
        self._show_keys(state)
        self._show_batches(state.batches)
        self.upload.show_target(state.upload_target, sum(b.status != "acknowledged" for b in state.batches),
                                has_bundle=state.office_name is not None)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        report(self, self.message, exc)

    def _show_pending(self, pending: PendingSummary) -> None:
        self.pending_label.setText(self.tr("{n} thay đổi").format(n=number(pending.changes)))
        if pending.changes:
            self.pending_detail.setText(self.tr("Thay đổi cũ nhất lúc {time}. Lô tiếp theo: số {seq}.").format(
                time=local_time(pending.oldest), seq=pending.next_sequence))
        else:
            self.pending_detail.setText(self.tr("Không có gì mới từ lô trước."))

    def _show_keys(self, state: ExportState) -> None:
        if state.office_name:
            self.office_label.setText(self.tr("Đơn vị nhận: {name}").format(name=state.office_name))
        else:
            self.office_label.setText(self.tr("Chưa nhập gói khoá của cơ quan y tế: chưa xuất được. Hãy nhập tệp "
                                              "office-bundle.json hoặc ảnh mã QR office-bundle.png do đơn vị nhận "
                                              "gửi, hoặc quét mã QR đó bằng máy quét."))
        self.key_label.setText(self.tr("Trạm {code}, mã khoá: {short}").format(
            code=state.station_code, short=state.station_key.short_id))

    def _show_batches(self, batches: list[BatchInfo]) -> None:
        self.table.setRowCount(len(batches))
        for row, batch in enumerate(sorted(batches, key=lambda b: -b.sequence)):
            cells = [str(batch.sequence), batch.file_name, local_time(batch.created_at),
                     *(number(batch.counts.get(k, 0)) for k in COUNT_COLUMNS), self.status_text(batch)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    def status_text(self, batch: BatchInfo) -> str:
        note = (self.state.notes or {}).get(batch.sequence) if self.state else None
        if batch.status == "acknowledged":
            return self.tr("Đơn vị nhận đã xác nhận ({time})").format(time=local_time(batch.acknowledged_at))
        if batch.status == "rejected":
            if note is not None and note.rejection_reason:
                return self.tr("Bị từ chối: {reason}").format(reason=note.rejection_reason)
            return self.tr("Bị đơn vị nhận từ chối: hãy liên hệ đơn vị nhận")
        if batch.status == "sent":
            if note is not None and note.network:
                return self.tr("Đã gửi qua mạng, chờ biên nhận")
            return self.tr("Đã ghi ra, chờ biên nhận")
        return self.tr("Đã tạo, chờ gửi")

    # -- where to write ----------------------------------------------------------------------------------------
    def selected_target(self) -> Path | None:
        data = self.target.currentData()
        return Path(data) if data else None

    def _fill_targets(self, select: str | Path | None) -> None:
        self.target.blockSignals(True)
        self.target.clear()
        for drive in self.watcher.drives:
            self.target.addItem(self._drive_text(drive), drive.root)
        for folder in self._folders:
            self.target.addItem(self.tr("Thư mục: {path}").format(path=folder), str(folder))
        if self.target.count() == 0:
            self.target.addItem(self.tr("Chưa thấy USB: hãy cắm USB hoặc chọn thư mục khác"), None)
        index = self.target.findData(str(select)) if select is not None else -1
        self.target.setCurrentIndex(max(index, 0))
        self.target.blockSignals(False)
        self._update_buttons()

    def _drive_text(self, drive: Drive) -> str:
        return self.tr("USB {label} ({root}), còn trống {free}").format(
            label=drive.label, root=drive.root, free=size_text(drive.free_bytes))

    def _drives_changed(self) -> None:
        plugged = self.watcher.plugged
        self._fill_targets(plugged[0].root if plugged else self.selected_target())

    def _target_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.selected_target() is not None)

    def start_folder(self) -> Path:
        """Where file dialogs open: the chosen stick or folder, else a stick, else Documents."""
        target = self.selected_target()
        return target if target is not None and target.is_dir() else printing.default_save_folder()

    def choose_folder(self) -> None:
        folder = ask_folder(self, self.tr("Chọn thư mục để ghi gói dữ liệu"), self.start_folder())
        if folder is None:
            return
        if folder not in self._folders:
            self._folders.append(folder)
        self._fill_targets(folder)

    # -- exporting ---------------------------------------------------------------------------------------------
    def export(self) -> None:
        target = self.selected_target()
        if target is None:
            return
        show_message(self.message, "")
        self.export_button.setEnabled(False)
        self._tasks.submit(export_to, self._ctx, self._user, target, parent=self,
                           progress_text=self.tr("Đang ký, mã hoá và ghi gói dữ liệu…"),
                           on_done=while_alive(self, self._exported), on_error=while_alive(self, self._failed_action))

    def _exported(self, result: ExportResult) -> None:
        show_message(self.message, self.export_text(result), ok=True)
        log.info("export page: batch %s, %d rewritten", result.made.sequence if result.made else "-",
                 len(result.rewritten))
        self.refresh()

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

    def _failed_action(self, exc: BaseException) -> None:
        self._update_buttons()
        report(self, self.message, exc)
        self.refresh()

    # -- keys --------------------------------------------------------------------------------------------------
    def import_bundle(self) -> None:
        path = ask_open_file(self, self.tr("Chọn gói khoá của cơ quan y tế"), self.start_folder(),
                             self.tr("Gói khoá hoặc ảnh mã QR của gói (*.json *.png *.jpg *.jpeg);;Mọi tệp (*)"))
        if path is None:
            return
        self._tasks.submit(import_office_bundle, self._ctx, path, parent=self,
                           on_done=while_alive(self, self._bundle_imported),
                           on_error=while_alive(self, self._failed_action))

    def code_scanned(self, text: str) -> None:
        if not self.bundle_scanned(text):
            show_message(self.message, self.tr("Mã vừa quét không phải gói khoá của đơn vị nhận. Ở trang này chỉ quét "
                                               "mã QR office-bundle.png do đơn vị nhận gửi."))

    def paste_bundle(self) -> None:
        """Ctrl+V: the bundle's text copied from office-bundle.json (or a QR reader app)."""
        text = QGuiApplication.clipboard().text()
        if not self.bundle_scanned(text):
            show_message(self.message, self.tr("Bộ nhớ tạm không chứa gói khoá của đơn vị nhận. Hãy sao chép toàn bộ "
                                               "nội dung tệp office-bundle.json, hoặc bấm \"Nhập gói khoá…\" để chọn "
                                               "tệp hay ảnh mã QR office-bundle.png."))

    def bundle_scanned(self, text: str) -> bool:
        """Import a scanned or pasted bundle after the coordinator confirms its office; False if it is not one."""
        from station_app.core.batch_format import OfficeBundleInvalidError, parse_office_bundle
        from station_app.services.exchange.keys import is_office_bundle_text

        if not is_office_bundle_text(text):
            return False
        try:
            name = parse_office_bundle(text.encode("utf-8")).name
        except OfficeBundleInvalidError as exc:
            report(self, self.message, exc)
            return True
        question = self.tr("Nhập gói khoá của đơn vị nhận \"{name}\"? Từ nay dữ liệu xuất ra sẽ được mã hoá để chỉ "
                           "đơn vị này đọc được.").format(name=name)
        if confirm_bundle(self, question):
            self._tasks.submit(import_office_bundle_text, self._ctx, text, parent=self,
                               on_done=while_alive(self, self._bundle_imported),
                               on_error=while_alive(self, self._failed_action))
        return True

    def _bundle_imported(self, bundle: OfficeBundle) -> None:
        show_message(self.message, self.tr("Đã nhập gói khoá của {name}. Từ nay có thể xuất dữ liệu.").format(
            name=bundle.name), ok=True)
        self.refresh()

    def show_station_key(self) -> None:
        if self.state is None:
            return
        text = self.state.station_key.qr_text(self.state.station_code)
        self._tasks.submit(qr_image, text, lane="cpu", parent=self, on_done=while_alive(self, self._show_key_dialog))

    def _show_key_dialog(self, image: QImage) -> None:
        assert self.state is not None
        self.key_dialog = StationKeyDialog(self, image, self.state.station_key, self.state.station_code)
        self.key_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.key_dialog.finished.connect(self._key_dialog_closed)
        self.key_dialog.open()

    def _key_dialog_closed(self) -> None:
        self.key_dialog = None

    def save_public_key(self) -> None:
        code = self.state.station_code if self.state else "tram"
        path = printing.ask_save_path(self, self.tr("Lưu khoá công khai của trạm"), f"{code}.pub.pem",
                                      self.tr("Khoá công khai (*.pem)"))
        if path is None:
            return
        self._tasks.submit(save_public_key, self._ctx, path, parent=self,
                           on_done=while_alive(self, lambda key: self._key_saved(path, key)),
                           on_error=while_alive(self, self._key_not_saved(path)))

    def _key_saved(self, path: Path, key: StationPublicKey) -> None:
        show_message(self.message, self.tr("Đã lưu khoá công khai vào {path} (mã khoá {short}). Gửi tệp này cho "
                                           "đơn vị nhận để đăng ký trạm.").format(path=path, short=key.short_id),
                     ok=True)

    def _key_not_saved(self, path: Path):  # noqa: ANN202
        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                show_message(self.message, self.tr("Không ghi được tệp {path}. Hãy kiểm tra USB đã cắm chắc và "
                                                   "không bị khoá ghi, hoặc chọn nơi khác.").format(path=path))
                return
            report(self, self.message, exc)
        return failed

    # -- receipts ----------------------------------------------------------------------------------------------
    def import_receipts(self, whole_folder: bool = False) -> None:
        paths = ask_receipt_paths(self, self.tr("Chọn biên nhận của đơn vị nhận"), self.start_folder(), whole_folder,
                                  self.tr("Biên nhận (*.receipt.json);;Mọi tệp (*)"))
        if not paths:
            return
        self._tasks.submit(self._ctx.receipts.import_files, paths, parent=self,
                           on_done=while_alive(self, self._receipts_imported),
                           on_error=while_alive(self, self._failed_action))

    def _receipts_imported(self, result: ReceiptImport) -> None:
        show_message(self.message, self.receipts_text(result), ok=not (result.refused or result.rejected))
        self.refresh()

    def receipts_text(self, result: ReceiptImport) -> str:
        lines = []
        if result.acknowledged:
            lines.append(self.tr("Đơn vị nhận đã xác nhận lô số {seqs}.").format(
                seqs=", ".join(map(str, sorted(result.acknowledged)))))
        if result.already:
            lines.append(self.tr("Lô số {seqs} đã được xác nhận từ trước.").format(
                seqs=", ".join(map(str, sorted(result.already)))))
        for sequence, reason in result.rejected:
            lines.append(self.tr("Đơn vị nhận KHÔNG nhận lô số {seq}: {reason}. Lô vẫn được giữ và sẽ được ghi lại "
                                 "ở lần xuất sau.").format(seq=sequence, reason=reason))
        for name, reason in result.refused:
            lines.append(self.tr("Không nhận tệp {file}: {reason}.").format(
                file=name, reason=QCoreApplication.translate("receipts", reason)))
        return "\n".join(lines) or self.tr("Không tìm thấy tệp biên nhận nào (*.receipt.json) ở nơi đã chọn.")

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.watcher.stop()  # no polling while another page is shown
        self.wedge.uninstall()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.watcher.poll()
        self.watcher.start()
        self.wedge.install()
        super().showEvent(event)


def _card() -> tuple[QFrame, QGridLayout]:
    card = QFrame()
    card.setObjectName("card")
    grid = QGridLayout(card)
    grid.setContentsMargins(16, 12, 16, 12)
    return card, grid
