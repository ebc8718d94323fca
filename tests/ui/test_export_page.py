"""The coordinator's export page on a real temporary station: export to a folder, errors explained with nothing
recorded, USB sticks noticed when plugged in (a fake volume list), the office's keys, the station key's QR code
and the office's receipts.

Only the modal dialogs that ask for a file or folder are faked, and the drives' volume list."""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess

import pytest
from support.batch import full_visit, make_doctor, office_keys
from support.export import FakeVolumes, column, reload

from station_app.services.common.decoding import decode_image
from station_app.services.exchange.receipts import envelope_bytes, receipt_name, sign_receipt
from station_app.ui import printing
from station_app.ui.pages.export import dialogs as export_dialogs
from station_app.ui.pages.export.page import ExportPage
from station_app.ui.removable_drives import DriveWatcher, Volume, removable_drives
from station_app.ui.scanning.frames import qimage_to_gray


pytestmark = pytest.mark.usefixtures("no_unexpected_errors")  # an error dialog fails the test


@pytest.fixture
def volumes():
    return FakeVolumes()


@pytest.fixture
def make_page(qtbot, app, ctx, coordinator, volumes, tasks):
    def make() -> ExportPage:
        page = ExportPage(ctx, tasks, coordinator, DriveWatcher(source=volumes))
        qtbot.addWidget(page)
        page.resize(1180, 720)
        page.show()
        reload(qtbot, page)
        return page
    return make


@pytest.fixture
def visits(ctx, admin, nurse):
    doctor = make_doctor(ctx, admin)
    return [full_visit(ctx, nurse, doctor), full_visit(ctx, nurse, doctor, refer=False, name="Lò Văn Dũng",
                                                      year=1975, national_id="011075004321")]


@pytest.fixture
def office(tmp_path):
    """The office's public bundle, with a receipt key whose private half the test keeps to sign receipts."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    keys = office_keys(tmp_path / "office")
    receipt_key = Ed25519PrivateKey.generate()
    bundle = json.loads(keys.bundle_path.read_text(encoding="utf-8"))
    bundle["receipt_public_key"] = base64.b64encode(
        receipt_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    keys.bundle_path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    return keys.bundle_path, receipt_key


@pytest.fixture
def with_bundle(ctx, office):
    ctx.export.keys.import_office_bundle(office[0])
    return office


def choose_folder(monkeypatch, qtbot, page: ExportPage, folder) -> None:
    monkeypatch.setattr(export_dialogs, "ask_folder", lambda parent, title, start: folder)
    qtbot.mouseClick(page.destination.folder_button, _left())
    assert page.destination.selected_target() == folder


def export_now(qtbot, page: ExportPage, tasks) -> None:
    assert page.destination.export_button.isEnabled()
    qtbot.mouseClick(page.destination.export_button, _left())
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=30_000)
    tasks.wait()
    qtbot.waitUntil(lambda: not page.loading, timeout=15_000)


def export_to(monkeypatch, qtbot, page: ExportPage, tasks, stick) -> None:
    """The visits exported from the page to a new folder, as to a USB stick."""
    stick.mkdir()
    choose_folder(monkeypatch, qtbot, page, stick)
    export_now(qtbot, page, tasks)


def receipts_from(monkeypatch, page: ExportPage, folder) -> None:
    """The office's receipts taken back from the folder the stick came back with."""
    monkeypatch.setattr(export_dialogs, "ask_receipt_paths", lambda parent, title, start, whole, kinds: [folder])
    page.keys.receipt_folder_action.trigger()


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# -- exporting ---------------------------------------------------------------------------------------------------

def test_export_to_a_folder_writes_the_batch_and_lists_it(qtbot, make_page, ctx, visits, with_bundle, tmp_path,
                                                          monkeypatch, tasks):
    page = make_page()
    waiting = ctx.export.pending().changes
    assert waiting > 0 and page.destination.pending_label.text() == f"{waiting} thay đổi"
    assert "Lô tiếp theo: số 1" in page.destination.pending_detail.text()
    assert page.table.rowCount() == 0
    assert "TTKSBT tỉnh Lai Châu" in page.keys.office_label.text()
    share = tmp_path / "thư mục mạng"
    share.mkdir()
    choose_folder(monkeypatch, qtbot, page, share)
    export_now(qtbot, page, tasks)
    assert (share / "TYT-MK-000001.batch").is_file()
    text = page.message.text()
    assert "Đã ghi lô số 1: TYT-MK-000001.batch (2 người dân, 2 lượt khám" in text and str(share) in text
    assert column(page, 1) == ["TYT-MK-000001.batch"]
    assert column(page, 4) == ["2"] and column(page, 6) == ["Đã ghi ra, chờ biên nhận"]
    destination = page.destination
    assert destination.pending_label.text() == "0 thay đổi" and "Không có gì mới" in destination.pending_detail.text()

    export_now(qtbot, page, tasks)  # nothing new: the unacknowledged batch is written again, no second batch
    assert "không tạo lô mới" in page.message.text()
    assert "Đã ghi lại 1 lô trước chưa có biên nhận: TYT-MK-000001.batch" in page.message.text()
    assert page.table.rowCount() == 1


def test_without_the_office_bundle_export_says_to_import_it_and_records_nothing(qtbot, make_page, ctx, visits,
                                                                               tmp_path, monkeypatch, tasks):
    page = make_page()
    assert "Chưa nhập gói khoá của cơ quan y tế" in page.keys.office_label.text()
    # the network card says the same first thing, not to type an address
    assert "Chưa nhập gói khoá của đơn vị nhận nên chưa gửi qua mạng được" in page.upload.address_label.text()
    choose_folder(monkeypatch, qtbot, page, tmp_path)
    export_now(qtbot, page, tasks)
    assert "Chưa có khoá của đơn vị nhận dữ liệu nên chưa thể xuất" in page.message.text()
    assert ctx.export.batches() == [] and not list(tmp_path.glob("*.batch"))


def test_a_pulled_stick_is_explained_and_no_batch_is_recorded(qtbot, make_page, ctx, visits, with_bundle, tmp_path,
                                                              monkeypatch, tasks):
    page = make_page()
    stick = tmp_path / "USB"
    stick.mkdir()
    choose_folder(monkeypatch, qtbot, page, stick)
    shutil.rmtree(stick)  # pulled out after it was chosen
    export_now(qtbot, page, tasks)
    assert f"Không ghi được vào thư mục {stick}" in page.message.text()
    assert "Chưa có lô nào được ghi nhận là đã xuất" in page.message.text()
    assert ctx.export.batches() == [] and page.table.rowCount() == 0
    assert page.destination.pending_label.text() != "0 thay đổi"


def make_read_only(folder) -> bool:
    """chmod 555; as root (who writes anyway) the immutable attribute too. False if neither holds here."""
    folder.chmod(0o555)
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return True
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False) if shutil.which(
        "chattr") else None
    return bool(done and done.returncode == 0)


def make_writable(folder) -> None:
    if shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
    folder.chmod(0o755)


def test_a_read_only_folder_is_explained_and_no_batch_is_recorded(qtbot, make_page, ctx, visits, with_bundle,
                                                                  tmp_path, monkeypatch, tasks):
    page = make_page()
    locked = tmp_path / "chỉ đọc"
    locked.mkdir()
    try:
        if not make_read_only(locked):
            pytest.skip("no way to make a folder read-only for root here")
        choose_folder(monkeypatch, qtbot, page, locked)
        export_now(qtbot, page, tasks)
    finally:
        make_writable(locked)
    assert f"Không ghi được vào thư mục {locked}" in page.message.text()
    assert ctx.export.batches() == [] and not list(locked.iterdir())
    assert page.table.rowCount() == 0


def test_a_full_stick_is_explained_and_the_batch_made_waits_for_the_next_export(qtbot, make_page, ctx, visits,
                                                                                with_bundle, tmp_path, monkeypatch,
                                                                                tasks):
    import errno

    from station_app.services.exchange import batch_export

    page = make_page()
    stick = tmp_path / "USB đầy"
    stick.mkdir()
    real = os.fsync

    def full(fd):  # noqa: ANN001 - the stick fills up while the batch is flushed to it
        if any(os.path.samestat(os.fstat(fd), p.stat()) for p in stick.iterdir()):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    choose_folder(monkeypatch, qtbot, page, stick)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch_export.os, "fsync", full)
        export_now(qtbot, page, tasks)
    assert f"Ổ đĩa {stick} đã đầy" in page.message.text()
    assert list(stick.iterdir()) == []  # no half-written file left behind
    # the batch was made and kept before it was written: the next export writes these same bytes (never a
    # second, different batch 1 beside a copy that might have reached the office)
    assert [(b.sequence, b.status) for b in ctx.export.batches()] == [(1, "made")]
    assert column(page, 6) == ["Đã tạo, chờ gửi"]


def test_the_coordinator_finds_the_page_in_the_main_window(qtbot, make_controller, ctx, coordinator):
    window = make_controller(ctx).window
    window.begin_session(coordinator)
    window.show_page("export")
    page = window.pages["export"]
    assert isinstance(page, ExportPage)
    qtbot.waitUntil(lambda: page.state is not None, timeout=15_000)
    assert page.keys.key_label.text().startswith("Trạm TYT-MK, mã khoá: ")


# -- sticks ------------------------------------------------------------------------------------------------------

def test_removable_drives_are_the_writable_removable_volumes():
    volumes = [Volume("/", "", False), Volume("/media/u/KINGSTON", "KINGSTON", True, free_bytes=5),
               Volume("/media/u/CD", "CD", True, read_only=True), Volume("/media/u/OLD", "", True, ready=False),
               Volume("E:/", "", True)]
    assert [(d.root, d.label) for d in removable_drives(volumes)] == [("/media/u/KINGSTON", "KINGSTON"),
                                                                     ("E:/", "E:")]


def test_a_stick_plugged_in_appears_preselected_and_goes_when_pulled_out(qtbot, make_page, volumes, tmp_path,
                                                                         monkeypatch):
    page = make_page()
    assert page.destination.selected_target() is None and not page.destination.export_button.isEnabled()
    assert "Chưa thấy USB" in page.destination.target.currentText()
    share = tmp_path / "share"
    share.mkdir()
    choose_folder(monkeypatch, qtbot, page, share)
    volumes.plug("/media/u/KINGSTON", "KINGSTON")
    page.watcher.poll()  # what the two-second timer does
    assert str(page.destination.selected_target()) == "/media/u/KINGSTON" and page.destination.export_button.isEnabled()
    assert page.destination.target.currentText() == "USB KINGSTON (/media/u/KINGSTON), còn trống 3,0 GB"
    assert page.destination.target.count() == 2  # the stick, then the folder chosen by hand
    volumes.pull("/media/u/KINGSTON")
    page.watcher.poll()
    assert page.destination.target.findData("/media/u/KINGSTON") == -1 and page.destination.target.count() == 1


def test_the_watcher_polls_by_itself_in_the_background(qtbot, app, volumes, tasks):
    volumes.plug("/media/u/KINGSTON", "KINGSTON")
    watcher = DriveWatcher(source=volumes, interval_ms=20, tasks=tasks)
    assert watcher.drives == []  # nothing read on the GUI thread
    with qtbot.waitSignal(watcher.changed, timeout=5_000):
        watcher.start()
    assert [d.root for d in watcher.plugged] == ["/media/u/KINGSTON"]
    with qtbot.waitSignal(watcher.changed, timeout=5_000):
        volumes.plug("/run/media/u/SD", "SD")
    assert [d.root for d in watcher.plugged] == ["/run/media/u/SD"]
    with qtbot.waitSignal(watcher.changed, timeout=5_000):
        volumes.pull("/media/u/KINGSTON")
    watcher.stop()
    assert watcher.plugged == [] and [d.label for d in watcher.drives] == ["SD"]


# -- keys --------------------------------------------------------------------------------------------------------

def test_importing_the_office_bundle_from_a_file(qtbot, make_page, ctx, office, tmp_path, monkeypatch, tasks):
    page = make_page()
    bad = tmp_path / "nham.json"
    bad.write_text("đây không phải JSON", encoding="utf-8")
    monkeypatch.setattr(export_dialogs, "ask_open_file", lambda *a: bad)
    qtbot.mouseClick(page.keys.bundle_button, _left())
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    assert "Tệp khoá của đơn vị nhận không dùng được: tệp không phải JSON" in page.message.text()
    assert ctx.export.keys.office_bundle() is None
    monkeypatch.setattr(export_dialogs, "ask_open_file", lambda *a: office[0])
    qtbot.mouseClick(page.keys.bundle_button, _left())
    qtbot.waitUntil(lambda: "TTKSBT" in page.keys.office_label.text(), timeout=10_000)
    assert page.message.text() == "Đã nhập gói khoá của TTKSBT tỉnh Lai Châu. Từ nay có thể xuất dữ liệu."


def test_the_bundle_picker_opens_in_a_folder_that_is_there_with_no_file_name(qtbot, make_page, tmp_path, monkeypatch):
    """A new account has no Documents folder: Qt's dialog, given one that is not there, opened in the home folder
    with "Documents" typed in as the file name."""
    from pathlib import Path

    from PySide6.QtCore import QStorageInfo
    from PySide6.QtWidgets import QFileDialog

    home = tmp_path / "nhà"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(QStorageInfo, "mountedVolumes", staticmethod(lambda: []))
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, start, kinds: opened.append(Path(start)) or ("", "")))
    page = make_page()
    qtbot.mouseClick(page.keys.bundle_button, _left())
    assert opened == [home]
    (home / "Documents").mkdir()
    qtbot.mouseClick(page.keys.bundle_button, _left())
    assert opened[-1] == home / "Documents"


def test_importing_the_office_bundle_from_its_qr_picture(qtbot, make_page, ctx, tmp_path, monkeypatch, tasks):
    from station_app.services.office.service import init_office

    office = init_office(tmp_path / "văn phòng", "TTKSBT tỉnh Điện Biên")
    page = make_page()
    filters = []
    monkeypatch.setattr(export_dialogs, "ask_open_file",
                        lambda parent, title, start, kinds: filters.append(kinds) or office.qr_path)
    qtbot.mouseClick(page.keys.bundle_button, _left())
    qtbot.waitUntil(lambda: "TTKSBT tỉnh Điện Biên" in page.keys.office_label.text(), timeout=15_000)
    assert "*.json *.png *.jpg *.jpeg" in filters[0]
    assert page.message.text() == "Đã nhập gói khoá của TTKSBT tỉnh Điện Biên. Từ nay có thể xuất dữ liệu."
    assert ctx.export.keys.office_bundle().age_recipient == office.age_recipient


def test_a_scanned_or_pasted_bundle_is_imported_once_its_office_is_confirmed(qtbot, make_page, ctx, office,
                                                                             monkeypatch, tasks):
    from PySide6.QtGui import QGuiApplication

    page = make_page()
    page.wedge.scanned.emit("DN4010123456789|Lò Thị Mai|12/03/1980")
    assert "Mã vừa quét không phải gói khoá của đơn vị nhận" in page.message.text()
    questions = []
    monkeypatch.setattr(export_dialogs, "confirm_bundle", lambda parent, question: questions.append(question) and False)
    page.wedge.scanned.emit(office[0].read_text(encoding="utf-8"))
    assert "TTKSBT tỉnh Lai Châu" in questions[0]
    tasks.wait()
    assert ctx.export.keys.office_bundle() is None  # declined: nothing changes
    monkeypatch.setattr(export_dialogs, "confirm_bundle", lambda parent, question: True)
    QGuiApplication.clipboard().setText("chỉ là chữ")
    page.keys.paste_bundle()
    assert "Bộ nhớ tạm không chứa gói khoá của đơn vị nhận" in page.message.text()
    QGuiApplication.clipboard().setText(office[0].read_text(encoding="utf-8"))
    page.keys.paste_bundle()
    qtbot.waitUntil(lambda: "TTKSBT tỉnh Lai Châu" in page.keys.office_label.text(), timeout=15_000)
    assert page.message.text() == "Đã nhập gói khoá của TTKSBT tỉnh Lai Châu. Từ nay có thể xuất dữ liệu."


def test_the_station_key_qr_decodes_to_the_key_the_office_registers(qtbot, make_page, ctx):
    page = make_page()
    qtbot.mouseClick(page.keys.show_key_button, _left())
    qtbot.waitUntil(lambda: page.keys.key_dialog is not None, timeout=10_000)
    image = page.keys.key_dialog.qr_label.pixmap().toImage().convertToFormat(page.keys.key_dialog.qr_label.pixmap()
                                                                         .toImage().Format.Format_Grayscale8)
    key = ctx.export.keys.public_key()
    assert decode_image(qimage_to_gray(image)) == [key.qr_text("TYT-MK")]
    assert key.short_id in page.keys.key_label.text()
    page.keys.key_dialog.accept()


def test_saving_the_public_key_writes_the_pem(qtbot, make_page, ctx, tmp_path, monkeypatch):
    page = make_page()
    target = tmp_path / "TYT-MK.pub.pem"
    asked = []
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name, kinds: asked.append(name) or target)
    qtbot.mouseClick(page.keys.save_key_button, _left())
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    assert asked == ["TYT-MK.pub.pem"]
    assert target.read_text(encoding="ascii") == ctx.export.keys.public_key().pem
    assert f"Đã lưu khoá công khai vào {target}" in page.message.text()


# -- receipts ----------------------------------------------------------------------------------------------------

def test_receipts_mark_batches_acknowledged_and_a_forged_one_is_refused(qtbot, make_page, ctx, visits, with_bundle,
                                                                       tmp_path, monkeypatch, tasks):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    page = make_page()
    stick = tmp_path / "stick"
    export_to(monkeypatch, qtbot, page, tasks, stick)
    batch = ctx.export.batches()[0]
    receipt = {"station": "TYT-MK", "sequence": 1, "manifest_sha256": batch.manifest_sha256,
               "imported_at": "2026-11-23T15:00:00Z"}
    forged = stick / "gia" / receipt_name("TYT-MK", 1)
    forged.parent.mkdir()
    forged.write_bytes(envelope_bytes(sign_receipt(receipt, Ed25519PrivateKey.generate())))
    monkeypatch.setattr(export_dialogs, "ask_receipt_paths", lambda *a: [forged])
    page.keys.receipt_files_action.trigger()
    qtbot.waitUntil(lambda: "Không nhận tệp" in page.message.text(), timeout=10_000)
    assert "chữ ký không hợp lệ" in page.message.text()
    tasks.wait()
    assert column(page, 6) == ["Đã ghi ra, chờ biên nhận"]

    (stick / receipt_name("TYT-MK", 1)).write_bytes(envelope_bytes(sign_receipt(receipt, with_bundle[1])))
    receipts_from(monkeypatch, page, stick)
    qtbot.waitUntil(lambda: "Đơn vị nhận đã xác nhận lô số 1." in page.message.text(), timeout=10_000)
    tasks.wait()
    qtbot.waitUntil(lambda: column(page, 6)[0].startswith("Đơn vị nhận đã xác nhận ("), timeout=10_000)


def test_a_refusal_notice_from_the_office_shows_the_batch_refused_with_its_reason(qtbot, make_page, ctx, visits,
                                                                                 with_bundle, tmp_path, monkeypatch,
                                                                                 tasks):
    page = make_page()
    stick = tmp_path / "stick"
    export_to(monkeypatch, qtbot, page, tasks, stick)
    batch = ctx.export.batches()[0]
    notice = {"station": "TYT-MK", "sequence": 1, "manifest_sha256": batch.manifest_sha256, "status": "rejected",
              "reason": "payload_hash", "reason_text": "mã băm của dữ liệu không khớp",
              "rejected_at": "2026-11-23T15:00:00Z"}
    (stick / receipt_name("TYT-MK", 1)).write_bytes(envelope_bytes(sign_receipt(notice, with_bundle[1])))
    receipts_from(monkeypatch, page, stick)
    qtbot.waitUntil(lambda: "KHÔNG nhận lô số 1" in page.message.text(), timeout=10_000)
    assert "mã băm của dữ liệu không khớp" in page.message.text() and "lần xuất sau" in page.message.text()
    tasks.wait()
    qtbot.waitUntil(lambda: "mã băm của dữ liệu không khớp" in column(page, 6)[0], timeout=10_000)


def test_switching_the_language_keeps_the_chosen_target_and_the_batches(qtbot, make_page, ctx, visits, with_bundle,
                                                                         tmp_path, monkeypatch, tasks):
    from station_app.ui import i18n

    page = make_page()
    choose_folder(monkeypatch, qtbot, page, tmp_path)
    export_now(qtbot, page, tasks)
    i18n.set_language("en")
    try:
        from PySide6.QtCore import QCoreApplication

        # Qt posts the LanguageChange event: the page retranslates once the event loop runs
        english = QCoreApplication.translate("DestinationPanel", "Xuất gói dữ liệu")
        qtbot.waitUntil(lambda: page.destination.export_button.text() == english, timeout=5_000)
        assert page.destination.selected_target() == tmp_path and page.table.rowCount() == 1
    finally:
        i18n.set_language("vi")
    qtbot.waitUntil(lambda: page.destination.export_button.text() == "Xuất gói dữ liệu", timeout=5_000)
