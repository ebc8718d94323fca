"""Importing a roster from the Lists page, on a real station database (synthetic residents only).

Only the modal file chooser and the file manager are faked."""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from station_app.core.model import Role
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.roster_import import RosterImportService
from station_app.ui.dialogs.roster_import import RosterImportDialog
from station_app.ui.main_window import MainWindow
from station_app.ui.pages.lists import ListsPage
from station_app.ui.tasks import TaskRunner

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Phái", "Số CCCD", "Thôn/bản", "Dân tộc"]
ROWS = [
    ["1", "Lò Văn Đức", "02/04/1958", "Nam", "012058000011", "Bản Nà Khương", "Thái"],
    ["2", "Tòng Thị Hoa", "15/08/1990", "Nữ", "", "Bản Nà Khương", "Thái"],
    ["3", "Nguyễn Thị Hồng", "1985", "Nữ", "", "Bản Phiêng", "Kinh"],
    ["4", "Sùng A Páo", "03/09/2016", "Nam", "", "Bản Phiêng", "Mông"],
    ["5", "Lường Văn Sơn", "31/02/1970", "Nam", "", "Bản Phiêng", "Thái"],  # no 31 February: rejected
]
SHOTS = Path(__file__).resolve().parents[2] / "shots"


def encode_cp1258(text: str) -> bytes:
    """A Vietnamese Windows export: precomposed where the code page has the letter, else letter + tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


def cp1258_roster(path: Path) -> Path:
    text = "\r\n".join(";".join(row) for row in [HEADERS, *ROWS]) + "\r\n"
    path.write_bytes(encode_cp1258(text))
    return path


def big_roster(path: Path, rows: int = 20_000) -> Path:
    """UTF-8 with BOM, as Excel saves "CSV UTF-8": distinct synthetic people (name, birth year, village)."""
    families = ["Lò", "Tòng", "Lường", "Hà", "Sùng", "Giàng", "Vàng", "Nguyễn", "Điêu", "Quàng"]
    middles = ["Văn", "Thị", "A", "Thị Thu", "Văn Minh", "Seo", "Mí", "Thị Mai", "Đức", "Xuân"]
    givens = ["An", "Bình", "Chiến", "Dung", "Đào", "Giang", "Hòa", "Khánh", "Lan", "Mạnh", "Nga", "Oanh", "Phúc",
              "Quế", "Sơn", "Tâm", "Uyên", "Vinh", "Xuyến", "Yến"]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Họ và tên", "Năm sinh", "Giới tính", "Thôn/bản"])
        for n in range(rows):
            name = f"{families[n % 10]} {middles[n // 10 % 10]} {givens[n // 100 % 20]}"
            writer.writerow([name, 1940 + n // 2000, "Nữ" if n % 2 else "Nam", "Bản Nà Khương"])
    return path


def resident_count(ctx) -> int:
    with UnitOfWork(ctx.db) as uow:
        return uow.overview.residents()


@pytest.fixture
def choose(monkeypatch):
    def fake(path: Path) -> None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    return fake


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


@pytest.fixture
def dialog(qtbot, app, ctx, admin):
    tasks = TaskRunner()
    made = RosterImportDialog(ctx, tasks, admin)
    qtbot.addWidget(made)
    made.show()
    yield made
    tasks.wait()


def combo_of(dialog: RosterImportDialog, header: str):
    return dialog.combos[list(dialog._preview.headers).index(header)]


def load(qtbot, dialog: RosterImportDialog, choose, path: Path) -> None:
    choose(path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._preview is not None and dialog.table.rowCount() > 1, timeout=10_000)


def test_the_lists_page_imports_a_cp1258_roster_and_shows_the_counts_and_the_rejects(
        qtbot, app, ctx, admin, choose, opened, tmp_path):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show()
    window.show_page("lists")
    page = window.pages["lists"]
    assert page.import_button.isVisible() and page.import_button.text() == "Nhập danh sách người dân…"
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.roster_dialog
    assert dialog is not None and dialog.isVisible()
    load(qtbot, dialog, choose, cp1258_roster(tmp_path / "danh sách bản.csv"))

    # the preview: the file's cells, the guessed mapping, and a column the guess did not know
    assert dialog.table.item(1, 1).text() == "Lò Văn Đức" and dialog.table.rowCount() == 1 + len(ROWS)
    assert combo_of(dialog, "Họ và tên").currentData() == "full_name"
    assert combo_of(dialog, "Ngày sinh").currentData() == "birth_date"
    assert combo_of(dialog, "Phái").currentData() is None and combo_of(dialog, "STT").currentData() is None
    assert "Windows-1258" in dialog.mapping_note.text() and dialog.import_button.isEnabled()
    phai = combo_of(dialog, "Phái")
    phai.setCurrentIndex(phai.findData("sex"))

    # validation: a field chosen twice, then no name column, are refused before anything is imported
    stt = combo_of(dialog, "STT")
    stt.setCurrentIndex(stt.findData("sex"))
    assert not dialog.import_button.isEnabled() and "hai cột" in dialog.message.text()
    stt.setCurrentIndex(0)
    name = combo_of(dialog, "Họ và tên")
    name.setCurrentIndex(0)
    assert not dialog.import_button.isEnabled() and "Họ và tên" in dialog.message.text()
    name.setCurrentIndex(name.findData("full_name"))
    assert dialog.import_button.isEnabled() and not dialog.message.isVisible()

    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "roster_import.png"))

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_box.isVisible(), timeout=20_000)
    counts = {key: label.text() for key, label in dialog.counts.items()}
    assert counts == {"read": "5", "imported_new": "4", "possible_duplicates": "0", "updated": "0", "unchanged": "0",
                      "rejected": "1"}
    assert not dialog.duplicates_label.isVisible()
    assert resident_count(ctx) == 4
    report_path = dialog.report.report_path
    assert str(report_path) in dialog.rejects_label.text()
    rejects = unicodedata.normalize("NFC", report_path.read_text(encoding="utf-8-sig"))
    assert "Lường Văn Sơn" in rejects and any(line.startswith("6,") for line in rejects.splitlines())
    qtbot.mouseClick(dialog.open_rejects_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [report_path.parent]
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "roster_import_report.png"))
    # the page's village filter follows the import
    qtbot.waitUntil(lambda: page.choice.village.findData("Bản Phiêng") > 0)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.roster_dialog is None)
    window.tasks.wait()


def test_people_who_only_share_a_name_year_and_village_are_added_and_counted_as_possible_duplicates(
        qtbot, dialog, ctx, choose, tmp_path):
    earlier = tmp_path / "ds-2025.csv"
    earlier.write_text("Họ và tên,Năm sinh,Giới tính,Thôn/bản\nPờ A Xá,1938,Nam,Bản Nà Khương\n", encoding="utf-8")
    RosterImportService(ctx.db, ctx.data_dir).import_file(None, earlier,
                                                          default_commune=ctx.station.info().commune_code)
    now = tmp_path / "ds-2026.csv"  # two men of that name, born that year in that village: which one was it?
    now.write_text("Họ và tên,Ngày sinh,Giới tính,Dân tộc,Thôn/bản,SĐT\n"
                   "Pờ A Xá,04/01/1938,Nam,Hà Nhì,Bản Nà Khương,0912000001\n"
                   "Pờ A Xá,24/10/1938,Nam,Mông,Bản Nà Khương,0912000002\n", encoding="utf-8")
    load(qtbot, dialog, choose, now)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_box.isVisible(), timeout=20_000)
    assert dialog.count_captions["possible_duplicates"].text() == "Trong đó có thể trùng"
    assert (dialog.counts["imported_new"].text(), dialog.counts["possible_duplicates"].text()) == ("2", "2")
    assert dialog.duplicates_label.isVisible() and "Nghi trùng" in dialog.duplicates_label.text()
    assert dialog.duplicates_label.text().startswith("2 người thêm mới")
    assert resident_count(ctx) == 3
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "roster_import_possible_duplicates.png"))


def test_the_corrected_mapping_is_remembered_for_the_same_header_row(qtbot, dialog, ctx, admin, choose, tmp_path):
    path = cp1258_roster(tmp_path / "ds.csv")
    load(qtbot, dialog, choose, path)
    phai = combo_of(dialog, "Phái")
    phai.setCurrentIndex(phai.findData("sex"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_box.isVisible(), timeout=20_000)
    dialog._preview = None
    load(qtbot, dialog, choose, path)
    assert combo_of(dialog, "Phái").currentData() == "sex" and "lần trước" in dialog.mapping_note.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_box.isVisible(), timeout=20_000)
    assert dialog.counts["imported_new"].text() == "0" and dialog.counts["unchanged"].text() == "4"
    assert resident_count(ctx) == 4


def test_cancelling_mid_import_leaves_the_residents_as_they_were(qtbot, dialog, ctx, choose, tmp_path):
    load(qtbot, dialog, choose, cp1258_roster(tmp_path / "nho.csv"))
    combo_of(dialog, "Phái").setCurrentIndex(combo_of(dialog, "Phái").findData("sex"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_box.isVisible(), timeout=20_000)
    before = resident_count(ctx)
    assert before == 4

    load(qtbot, dialog, choose, big_roster(tmp_path / "lon.csv"))
    assert not dialog.report_box.isVisible()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.progress_box.isVisible() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 0, timeout=20_000)  # the first chunk is in
    assert dialog.running, "the import ended before it could be cancelled"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert "Đã huỷ nhập danh sách" in dialog.message.text() and not dialog.report_box.isVisible()
    assert resident_count(ctx) == before
    assert dialog.import_button.isEnabled() and not dialog.progress_box.isVisible()


def test_closing_during_an_import_cancels_it_first(qtbot, dialog, ctx, choose, tmp_path):
    load(qtbot, dialog, choose, big_roster(tmp_path / "lon.csv"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert dialog.isVisible()  # still open until the import has stopped
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert resident_count(ctx) == 0


def test_a_file_that_is_no_roster_is_explained(qtbot, dialog, choose, tmp_path):
    odd = tmp_path / "anh.png"
    odd.write_bytes(b"\x89PNG\r\n")
    choose(odd)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert ".csv" in dialog.message.text() and not dialog.import_button.isEnabled()


def test_only_roles_that_may_import_see_the_button(qtbot, app, ctx, admin, nurse):
    ctx.accounts.add_user(admin, "dp.lan", full_name="Lò Thị Lan", role=Role.COORDINATOR, password="dieuphoi-26")
    coordinator = ctx.accounts.sign_in("dp.lan", "dieuphoi-26")
    tasks = TaskRunner()
    site = ctx.station.info().site_id
    shown = {}
    for user in (admin, coordinator, nurse):
        page = ListsPage(ctx, tasks, site, user)
        qtbot.addWidget(page)
        shown[user.role] = page.import_button is not None and not page.import_button.isHidden()
    assert shown == {Role.ADMIN: True, Role.COORDINATOR: True, Role.NURSE: False}


def test_a_roster_import_that_fills_the_disk_says_so_in_the_dialog_and_imports_nothing(
        qtbot, dialog, ctx, choose, tmp_path, monkeypatch, caplog):
    import logging

    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import event

    boxes = []
    for kind in ("critical", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: boxes.append(a)))
    before = resident_count(ctx)
    load(qtbot, dialog, choose, big_roster(tmp_path / "lon.csv", rows=5_000))
    with ctx.db.engine.connect() as conn:  # the disk fills up under SQLite: it answers SQLITE_FULL, as for real
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    event.listen(ctx.db.engine, "connect", lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count = {pages + 8}"))
    ctx.db.engine.dispose()
    with caplog.at_level(logging.INFO):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert "Ổ đĩa đã đầy" in dialog.message.text() and "giải phóng chỗ trống" in dialog.message.text()
    assert boxes == [] and not dialog.report_box.isVisible()
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert resident_count(ctx) == before
