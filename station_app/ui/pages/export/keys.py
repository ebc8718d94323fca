"""The keys card: the office's bundle (from its file or QR picture, its QR scanned or its text pasted, imported once
the coordinator confirms the office's name), the station's key (its QR code, its PEM file) and the office's
receipts."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QMenu, QPushButton

from station_app.ui import operations as window_ops
from station_app.ui import printing
from station_app.ui.errors import report
from station_app.ui.pages.export import dialogs
from station_app.ui.pages.export import operations as ops
from station_app.ui.pages.export.common import PageHost, card
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, show_message

if TYPE_CHECKING:
    from station_app.core.batch_format import OfficeBundle
    from station_app.services.exchange.keys import StationPublicKey
    from station_app.services.station.receipts import ReceiptImport
    from station_app.ui.context import StationContext
    from station_app.ui.pages.export.state import ExportState


class KeysPanel(Retranslating):
    """The office's bundle, the station's key and the receipts."""

    def __init__(self, host: PageHost, ctx: StationContext, tasks: TaskRunner) -> None:
        super().__init__()
        self._host, self._ctx, self._tasks = host, ctx, tasks
        self.key_dialog: dialogs.StationKeyDialog | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        grid = card(self)
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

    def retranslate(self) -> None:
        self.keys_title.setText(self.tr("Khoá"))
        self.bundle_button.setText(self.tr("Nhập gói khoá của cơ quan y tế…"))
        self.show_key_button.setText(self.tr("Khoá của trạm"))
        self.save_key_button.setText(self.tr("Lưu khoá công khai (PEM)…"))
        self.receipts_button.setText(self.tr("Nhập biên nhận…"))
        self.receipt_files_action.setText(self.tr("Chọn tệp biên nhận…"))
        self.receipt_folder_action.setText(self.tr("Đọc mọi biên nhận trong một thư mục…"))
        if self._host.state is not None:
            self.show_keys(self._host.state)

    def show_keys(self, state: ExportState) -> None:
        if state.office_name:
            self.office_label.setText(self.tr("Đơn vị nhận: {name}").format(name=state.office_name))
        else:
            self.office_label.setText(self.tr("Chưa nhập gói khoá của cơ quan y tế: chưa xuất được. Hãy nhập tệp "
                                              "office-bundle.json hoặc ảnh mã QR office-bundle.png do đơn vị nhận "
                                              "gửi, hoặc quét mã QR đó bằng máy quét."))
        self.key_label.setText(self.tr("Trạm {code}, mã khoá: {short}").format(
            code=state.station_code, short=state.station_key.short_id))

    # -- the office's bundle -------------------------------------------------------------------------------------
    def import_bundle(self) -> None:
        kinds = self.tr("Gói khoá hoặc ảnh mã QR của gói (*.json *.png *.jpg *.jpeg);;Mọi tệp (*)")
        path = dialogs.ask_open_file(self, self.tr("Chọn gói khoá của cơ quan y tế"), self._host.start_folder(), kinds)
        if path is None:
            return
        self._tasks.run(window_ops.import_office_bundle(self._ctx, path=path), parent=self,
                        on_done=self._bundle_imported, on_error=self._host.action_failed)

    def code_scanned(self, text: str) -> None:
        if not self.bundle_scanned(text):
            show_message(self._host.message, self.tr("Mã vừa quét không phải gói khoá của đơn vị nhận. Ở trang này "
                                                     "chỉ quét mã QR office-bundle.png do đơn vị nhận gửi."))

    def paste_bundle(self) -> None:
        """Ctrl+V: the bundle's text copied from office-bundle.json (or a QR reader app)."""
        text = QGuiApplication.clipboard().text()
        if not self.bundle_scanned(text):
            show_message(self._host.message, self.tr("Bộ nhớ tạm không chứa gói khoá của đơn vị nhận. Hãy sao chép "
                                                     "toàn bộ nội dung tệp office-bundle.json, hoặc bấm \"Nhập gói "
                                                     "khoá…\" để chọn tệp hay ảnh mã QR office-bundle.png."))

    def bundle_scanned(self, text: str) -> bool:
        """Import a scanned or pasted bundle after the coordinator confirms its office; False if it is not one."""
        from station_app.core.batch_format import OfficeBundleInvalidError, parse_office_bundle
        from station_app.services.exchange.keys import is_office_bundle_text

        if not is_office_bundle_text(text):
            return False
        try:
            name = parse_office_bundle(text.encode("utf-8")).name
        except OfficeBundleInvalidError as exc:
            report(self, self._host.message, exc)
            return True
        question = self.tr("Nhập gói khoá của đơn vị nhận \"{name}\"? Từ nay dữ liệu xuất ra sẽ được mã hoá để chỉ "
                           "đơn vị này đọc được.").format(name=name)
        if dialogs.confirm_bundle(self, question):
            self._tasks.run(ops.import_bundle_text(self._ctx, text=text), parent=self,
                            on_done=self._bundle_imported, on_error=self._host.action_failed)
        return True

    def _bundle_imported(self, bundle: OfficeBundle) -> None:
        show_message(self._host.message, self.tr("Đã nhập gói khoá của {name}. Từ nay có thể xuất dữ liệu.").format(
            name=bundle.name), ok=True)
        self._host.refresh()

    # -- the station's key ---------------------------------------------------------------------------------------
    def show_station_key(self) -> None:
        state = self._host.state
        if state is None:
            return
        text = state.station_key.qr_text(state.station_code)
        self._tasks.run(ops.station_key_image(text=text), parent=self, on_done=self._show_key_dialog)

    def _show_key_dialog(self, image: QImage) -> None:
        state = self._host.state
        assert state is not None
        self.key_dialog = dialogs.StationKeyDialog(self, image, state.station_key, state.station_code)
        self.key_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.key_dialog.finished.connect(self._key_dialog_closed)
        self.key_dialog.open()

    def _key_dialog_closed(self) -> None:
        self.key_dialog = None

    def save_public_key(self) -> None:
        code = self._host.state.station_code if self._host.state else "tram"
        path = printing.ask_save_path(self, self.tr("Lưu khoá công khai của trạm"), f"{code}.pub.pem",
                                      self.tr("Khoá công khai (*.pem)"))
        if path is None:
            return
        self._tasks.run(ops.save_public_key(self._ctx, path=path), parent=self,
                        on_done=lambda key: self._key_saved(path, key), on_error=self._key_not_saved(path))

    def _key_saved(self, path: Path, key: StationPublicKey) -> None:
        show_message(self._host.message, self.tr("Đã lưu khoá công khai vào {path} (mã khoá {short}). Gửi tệp này "
                                                 "cho đơn vị nhận để đăng ký trạm.").format(path=path,
                                                                                            short=key.short_id),
                     ok=True)

    def _key_not_saved(self, path: Path):  # noqa: ANN202
        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                show_message(self._host.message, self.tr("Không ghi được tệp {path}. Hãy kiểm tra USB đã cắm chắc và "
                                                         "không bị khoá ghi, hoặc chọn nơi khác.").format(path=path))
                return
            report(self, self._host.message, exc)
        return failed

    # -- receipts ------------------------------------------------------------------------------------------------
    def import_receipts(self, whole_folder: bool = False) -> None:
        paths = dialogs.ask_receipt_paths(self, self.tr("Chọn biên nhận của đơn vị nhận"), self._host.start_folder(),
                                          whole_folder, self.tr("Biên nhận (*.receipt.json *.national.json);;Mọi tệp (*)"))
        if not paths:
            return
        self._tasks.run(ops.import_receipts(self._ctx, paths=paths), parent=self, on_done=self._receipts_imported,
                        on_error=self._host.action_failed)

    def _receipts_imported(self, result: ReceiptImport) -> None:
        show_message(self._host.message, self.receipts_text(result), ok=not (result.refused or result.rejected))
        self._host.refresh()

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
        for _name, applied in result.national:
            lines.append(self.tr("Trạng thái liên thông quốc gia: {changed} lượt khám được cập nhật ({records} trong "
                                 "biên nhận).").format(changed=applied.changed, records=applied.records))
        for name, reason in result.refused:
            lines.append(self.tr("Không nhận tệp {file}: {reason}.").format(
                file=name, reason=QCoreApplication.translate("receipts", reason)))
        return "\n".join(lines) or self.tr("Không tìm thấy tệp biên nhận nào (*.receipt.json) ở nơi đã chọn.")
