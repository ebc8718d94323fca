"""Importing the commune's roster from the Lists page: choose a file, check the column mapping on a preview,
import in the background with a progress bar and a Cancel button, then read the counts and the rejects.

The work is ``services.station.roster_import.RosterImportService``: one transaction per file, so a cancelled import
keeps nothing. The dialog shows the file's own cells in the preview and logs nothing itself.
"""
from __future__ import annotations

import threading
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import ImportCancelledError, StationError
from station_app.services.station.roster_import import FIELD_GUESSES, ColumnMapping
from station_app.ui.dialogs import operations as ops
from station_app.ui.errors import describe, expected, show_error
from station_app.ui.labels import number
from station_app.ui.widgets import RetranslatedMixin, heading, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.roster_import import ImportReport, RosterPreview
    from station_app.ui.tasks import TaskRunner

PREVIEW_ROWS = 5
REQUIRED_FIELDS = ("full_name",)
BIRTH_FIELDS = ("birth_date", "birth_year")
ENCODING_NAMES = {"utf-8": "UTF-8", "cp1258": "Windows-1258", "cp1252": "Windows-1252"}


class _ProgressRelay(QObject):
    """Carries the import's progress from the database lane to the dialog (queued to the GUI thread)."""

    progressed = Signal(int, int)


class _CancelFlag:
    """Set on the GUI thread, read by the import between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()


class RosterImportDialog(RetranslatedMixin, QDialog):
    """Choose, preview and map, import, report. ``imported(ImportReport)`` once an import has been kept."""

    imported = Signal(object)  # ImportReport

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self._service = ctx.roster_import
        self._path: Path | None = None
        self._preview: RosterPreview | None = None
        self._cancel: _CancelFlag | None = None
        self._close_when_done = False
        self.report: ImportReport | None = None
        self._relay = _ProgressRelay()
        self._relay.progressed.connect(self._advance)
        self.resize(1040, 640)

        file_row = self._build_file_row()
        self._build_preview()
        self._build_progress()
        self._build_report()
        buttons = self._build_buttons()
        self._build_layout(file_row, buttons)
        self.retranslate()

    def _build_file_row(self) -> QHBoxLayout:
        self.title = heading()
        self.explained = QLabel()
        self.explained.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        return file_row

    def _build_preview(self) -> None:
        self.mapping_note = QLabel()
        self.mapping_note.setObjectName("hint")
        self.mapping_note.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.combos: list[QComboBox] = []
        self.message = message_label()

    def _build_progress(self) -> None:
        self.progress = QProgressBar()
        self.progress.setFormat(self._rows_format())
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_import)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()

    def _build_report(self) -> None:
        self.report_box = QGroupBox()
        report_form = QFormLayout(self.report_box)
        self.count_keys = ("read", "imported_new", "possible_duplicates", "updated", "unchanged", "rejected")
        self.count_captions = {key: QLabel() for key in self.count_keys}
        self.counts = {key: QLabel() for key in self.count_keys}
        for key in self.count_keys:
            self.counts[key].setObjectName("subheading")
            report_form.addRow(self.count_captions[key], self.counts[key])
        self.duplicates_label = QLabel()
        self.duplicates_label.setWordWrap(True)
        report_form.addRow(self.duplicates_label)
        self.rejects_label = QLabel()
        self.rejects_label.setWordWrap(True)
        self.rejects_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_rejects_button = QPushButton()
        self.open_rejects_button.clicked.connect(self.open_rejects_folder)
        report_form.addRow(self.rejects_label)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_rejects_button)
        open_row.addStretch()
        report_form.addRow(open_row)
        self.report_box.hide()

    def _build_buttons(self) -> QHBoxLayout:
        self.import_button = QPushButton()
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        return buttons

    def _build_layout(self, file_row: QHBoxLayout, buttons: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        for widget in (self.title, self.explained):
            layout.addWidget(widget)
        layout.addLayout(file_row)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.table, 1)
        for widget in (self.message, self.progress_box, self.report_box):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    # -- texts ------------------------------------------------------------------------------------------------
    def field_labels(self) -> dict[str, str]:
        return {
            "full_name": self.tr("Họ và tên"), "birth_date": self.tr("Ngày sinh"), "birth_year": self.tr("Năm sinh"),
            "sex": self.tr("Giới tính"), "national_id": self.tr("Số CCCD/định danh"),
            "old_id_number": self.tr("Số CMND cũ"), "insurance_number": self.tr("Số thẻ BHYT"),
            "village": self.tr("Thôn/bản"), "commune": self.tr("Xã/phường"), "address": self.tr("Địa chỉ"),
            "ethnic": self.tr("Dân tộc"), "target_groups": self.tr("Đối tượng"), "school": self.tr("Trường học"),
            "school_class": self.tr("Lớp"), "phone": self.tr("Số điện thoại"), "household_code": self.tr("Mã hộ"),
            "guardian_name": self.tr("Người giám hộ"), "guardian_relation": self.tr("Quan hệ với người giám hộ"),
        }

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Nhập danh sách người dân"))
        self.title.setText(self.tr("Nhập danh sách người dân"))
        self.explained.setText(self.tr(
            "Chọn tệp CSV hoặc Excel (.xlsx) danh sách người dân của xã. Kiểm tra cột nào ghép vào trường nào ở "
            "dòng đầu bảng xem trước, rồi bấm Nhập. Nhập lại cùng tệp không tạo người trùng."))
        self.file_edit.setPlaceholderText(self.tr("Chưa chọn tệp"))
        self.choose_button.setText(self.tr("Chọn tệp…"))
        self.cancel_button.setText(self.tr("Huỷ nhập"))
        self.import_button.setText(self.tr("Nhập danh sách"))
        self.close_button.setText(self.tr("Đóng"))
        self.report_box.setTitle(self.tr("Kết quả nhập"))
        captions = (self.tr("Số dòng đã đọc"), self.tr("Thêm mới"), self.tr("Trong đó có thể trùng"),
                    self.tr("Cập nhật"), self.tr("Không đổi"), self.tr("Bị từ chối"))
        for key, text in zip(self.count_keys, captions, strict=True):
            self.count_captions[key].setText(text)
        self.open_rejects_button.setText(self.tr("Mở thư mục chứa danh sách bị từ chối"))
        labels = self.field_labels()
        for combo in self.combos:
            combo.setItemText(0, self.tr("(bỏ qua)"))
            for i in range(1, combo.count()):
                combo.setItemText(i, labels[combo.itemData(i)])
        if self.table.rowCount():
            self.table.setVerticalHeaderItem(0, QTableWidgetItem(self.tr("Ghép vào")))
        self._fit_columns()
        self._show_mapping_note()
        if self.report is not None:
            self._show_report(self.report)

    # -- choosing and previewing -------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp danh sách người dân"), str(Path.home()),
            self.tr("Danh sách (*.csv *.xlsx *.xlsm *.txt);;Mọi tệp (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read the header row, the remembered or guessed mapping and the first rows, off the GUI thread."""
        self._path, self._preview, self.report = Path(path), None, None
        self.file_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.report_box.hide()
        show_message(self.message, "")
        self._tasks.run(ops.preview_roster(self._service, path=self._path, rows=PREVIEW_ROWS), parent=self,
                        on_done=self._show_preview, on_error=self._failed)

    def _show_preview(self, preview: RosterPreview) -> None:
        self._preview = preview
        headers = list(preview.headers)
        self.table.setRowCount(0)  # drops the previous file's cells and combos
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(1 + len(preview.sample))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels(["", *(str(n) for n in range(1, len(preview.sample) + 1))])
        chosen = {header: field for field, header in preview.mapping.columns.items()}
        self.combos = [self._combo(header, chosen.get(header)) for header in headers]
        for column, combo in enumerate(self.combos):
            self.table.setCellWidget(0, column, combo)
        for row, cells in enumerate(preview.sample, 1):
            for column in range(len(headers)):
                text = cells[column] if column < len(cells) else ""
                # Windows-1258 files carry tone marks as separate characters: shown composed, as stored
                self.table.setItem(row, column, QTableWidgetItem(unicodedata.normalize("NFC", text)))
        self.retranslate()
        self._check_mapping()
        if not headers:
            show_message(self.message, self.tr("Tệp không có dòng tiêu đề nào. Hãy chọn đúng tệp danh sách."))

    def _combo(self, header: str, field: str | None) -> QComboBox:
        combo = QComboBox()
        # sized to its current choice (see _fit_columns), not to the longest field name in the list
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        combo.addItem("", None)
        for name in FIELD_GUESSES:
            combo.addItem("", name)
        combo.setCurrentIndex(max(0, combo.findData(field)) if field else 0)
        combo.setEnabled(bool(header))  # a column without a header cannot be named in a mapping
        combo.currentIndexChanged.connect(self._check_mapping)
        return combo

    def _show_mapping_note(self) -> None:
        if self._preview is None:
            self.mapping_note.setText("")
            return
        note = (self.tr("Cách ghép cột lần trước cho tệp có cùng dòng tiêu đề đã được dùng lại.")
                if self._preview.remembered
                else self.tr("Cột được đoán theo dòng tiêu đề; hãy kiểm tra và sửa nếu cần."))
        if self._preview.encoding:
            encoding = ENCODING_NAMES.get(self._preview.encoding, self._preview.encoding)
            note += " " + self.tr("Bảng mã của tệp: {encoding}.").format(encoding=encoding)
        self.mapping_note.setText(note)

    def mapping(self) -> ColumnMapping:
        """The mapping chosen in the combos (the first column wins when a field is chosen twice)."""
        columns: dict[str, str] = {}
        headers = self._preview.headers if self._preview else ()
        for header, combo in zip(headers, self.combos, strict=True):
            field = combo.currentData()
            if field and field not in columns:
                columns[field] = header
        return ColumnMapping(columns)

    def mapping_problem(self) -> str | None:
        """A sentence saying what is wrong with the chosen mapping, or None when it can be imported."""
        chosen = [c.currentData() for c in self.combos if c.currentData()]
        twice = next((f for f in chosen if chosen.count(f) > 1), None)
        if twice:
            return self.tr("Trường “{field}” được chọn cho hai cột. Mỗi trường chỉ ghép với một cột.").format(
                field=self.field_labels()[twice])
        if not set(REQUIRED_FIELDS) <= set(chosen) or not set(BIRTH_FIELDS) & set(chosen):
            return self.tr("Cần chọn cột Họ và tên và cột Ngày sinh hoặc Năm sinh.")
        return None

    def _fit_columns(self) -> None:
        """Each column as wide as its cells and its combo's current choice; unused columns greyed."""
        self.table.resizeColumnsToContents()
        for column, combo in enumerate(self.combos):
            popup = combo.view()
            popup.setMinimumWidth(popup.sizeHintForColumn(0) + 24)
            chosen = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 48
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), chosen))
            grey = self.palette().color(QPalette.ColorRole.PlaceholderText) if combo.currentData() is None else None
            for row in range(1, self.table.rowCount()):
                if (item := self.table.item(row, column)) is not None:
                    item.setData(Qt.ItemDataRole.ForegroundRole, grey)
        self.table.resizeRowsToContents()

    def _check_mapping(self) -> None:
        self._fit_columns()
        problem = self.mapping_problem() if self._preview else None
        show_message(self.message, problem or "")
        self.import_button.setEnabled(self._preview is not None and problem is None and self._cancel is None)

    # -- importing ---------------------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self._path is None or self._preview is None or self.mapping_problem() or self._cancel is not None:
            return
        self._cancel = _CancelFlag()
        import_file = ops.import_roster(self._ctx, self._service, user=self._user, path=self._path,
                                        mapping=self.mapping(), advance=self._relay.progressed.emit, cancel=self._cancel)
        self._set_running(True)
        self._tasks.run(import_file, parent=self, on_done=self._imported, on_error=self._failed)

    def _set_running(self, running: bool) -> None:
        for widget in (self.choose_button, self.table):
            widget.setEnabled(not running)
        self.import_button.setEnabled(not running and self._preview is not None and not self.mapping_problem())
        self.cancel_button.setEnabled(running)
        self.progress_box.setVisible(running)
        if running:
            self.progress.setRange(0, 0)  # busy until the first chunk says how many rows there are
            self.report_box.hide()
            show_message(self.message, "")

    def _rows_format(self) -> str:
        return self.tr("%v / %m dòng")  # Qt fills in the rows done (%v) and the rows in the file (%m)

    def _advance(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def cancel_import(self) -> None:
        """Ask the import to stop after the current chunk; nothing of it is kept."""
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Đang dừng…"))

    def _imported(self, report: ImportReport) -> None:
        self._finished()
        self.report = report
        self._show_report(report)
        self.imported.emit(report)
        if self._close_when_done:
            super().reject()

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        exc = expected(exc)
        if isinstance(exc, StationError):
            show_message(self.message, describe(exc), ok=isinstance(exc, ImportCancelledError))
        else:
            show_error(self, exc)
        if self._close_when_done:
            super().reject()

    def _finished(self) -> None:
        self._cancel = None
        self.progress.setFormat(self._rows_format())
        self._set_running(False)

    def _show_report(self, report: ImportReport) -> None:
        for key in self.count_keys:
            self.counts[key].setText(number(getattr(report, key)))
        self.duplicates_label.setText(self.tr(
            "{count} người thêm mới có cùng họ tên, năm sinh và thôn/bản với một người đã có, nhưng không đủ thông "
            "tin để biết có phải một người hay không, nên được giữ riêng. Hãy xem và quyết định ở Danh sách › "
            "Nghi trùng.").format(count=number(report.possible_duplicates)))
        self.duplicates_label.setVisible(report.possible_duplicates > 0)
        if report.report_path is not None:
            self.rejects_label.setText(self.tr(
                "Các dòng bị từ chối, kèm số dòng và lý do, đã được ghi vào tệp:\n{path}\nHãy sửa các dòng đó "
                "trong tệp gốc rồi nhập lại; những dòng đã nhập sẽ không bị trùng.").format(path=report.report_path))
        else:
            self.rejects_label.setText(self.tr("Không có dòng nào bị từ chối."))
        self.open_rejects_button.setVisible(report.report_path is not None)
        self.report_box.show()
        show_message(self.message, self.tr("Đã nhập xong danh sách."), ok=True)

    def open_rejects_folder(self) -> None:
        if self.report is not None and self.report.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.report_path.parent)))

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def reject(self) -> None:
        """Closing during an import cancels it first; the dialog closes when the import has stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel_import()
            return
        super().reject()
