"""What the app does differently on Windows, checked here without Windows: which drive letters are USB sticks,
where the data folder is (and that the uninstaller's "remove the data" box names that same folder)."""
from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import pytest

from station_app.app import APP_AUTHOR, APP_NAME
from station_app.ui.removable_drives import Volume, is_removable_root, removable_drives, windows_removable_roots

ROOT = Path(__file__).resolve().parents[2]
DRIVE_FIXED, DRIVE_REMOVABLE, DRIVE_REMOTE, DRIVE_CDROM = 3, 2, 4, 5


def fake_drive_types(types: dict[str, int]):
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return types.get(root, 1)  # DRIVE_NO_ROOT_DIR

    return drive_type, asked


def test_only_the_removable_drive_letters_are_offered():
    # C: the laptop's disk, D: a DVD drive, E: a USB stick, F: a card reader, Z: a mapped network share
    mask = sum(1 << (ord(letter) - ord("A")) for letter in "CDEFZ")
    drive_type, asked = fake_drive_types({"C:\\": DRIVE_FIXED, "D:\\": DRIVE_CDROM, "E:\\": DRIVE_REMOVABLE,
                                          "F:\\": DRIVE_REMOVABLE, "Z:\\": DRIVE_REMOTE})
    assert windows_removable_roots(mask, drive_type) == ["E:\\", "F:\\"]
    assert asked == ["C:\\", "D:\\", "E:\\", "F:\\", "Z:\\"]  # only letters that exist are asked about


def test_no_drive_letters_means_no_drives():
    drive_type, asked = fake_drive_types({})
    assert windows_removable_roots(0, drive_type) == [] and asked == []


@pytest.mark.parametrize("qt_root", ["E:/", "E:", "E:\\"])
def test_a_qt_root_is_asked_about_the_way_windows_wants_it(qt_root):
    drive_type, asked = fake_drive_types({"E:\\": DRIVE_REMOVABLE})
    assert is_removable_root(qt_root, platform="win32", drive_type=drive_type)
    assert asked == ["E:\\"]


def test_a_fixed_disk_mounted_like_a_stick_on_windows_is_not_removable():
    drive_type, _ = fake_drive_types({"D:\\": DRIVE_FIXED})
    assert not is_removable_root("D:/", platform="win32", drive_type=drive_type)
    assert is_removable_root("/media/tram/USB", platform="linux")


def test_an_empty_card_reader_is_not_offered_for_the_export():
    volumes = [Volume("E:/", "USB", removable=True, free_bytes=10),
               Volume("F:/", "", removable=True, ready=False)]  # a card reader without its card
    assert [d.root for d in removable_drives(volumes)] == ["E:/"]


def test_a_stick_without_a_label_is_named_by_its_drive_letter_not_its_root_twice(monkeypatch):
    """Qt on Windows names an unlabelled stick by its root: the export page read "USB E:/ (E:/)" under Wine."""
    volumes = [Volume("E:/", "E:/", removable=True), Volume("F:/", "KINGSTON", removable=True),
               Volume("/media/u/3A1F-22C0", "", removable=True)]
    assert [d.label for d in removable_drives(volumes)] == ["3A1F-22C0", "E:", "KINGSTON"]
    import ntpath
    import os
    # as on Windows, where os.path is ntpath and the basename of "E:" is empty (the first fix still said "E:/" there)
    monkeypatch.setattr(os, "path", ntpath)
    assert [d.label for d in removable_drives(volumes[:1])] == ["E:"]


def test_the_windows_data_folder_is_per_user_under_local_app_data(monkeypatch):
    import platformdirs.windows as win

    asked: list[str] = []
    monkeypatch.setattr(win, "get_win_folder", lambda csidl: asked.append(csidl) or r"C:\Users\Tram\AppData\Local")
    folder = PureWindowsPath(win.Windows(APP_NAME, APP_AUTHOR).user_data_dir)  # joined with / off Windows
    assert asked == ["CSIDL_LOCAL_APPDATA"]  # not the roaming profile: a site laptop is never on a domain
    assert folder == PureWindowsPath(r"C:\Users\Tram\AppData\Local\SoYTeLaiChau\station-app")


def test_the_uninstaller_offers_to_remove_that_same_data_folder():
    script = (ROOT / "installer" / "windows" / "station-app.iss").read_text(encoding="utf-8-sig")
    assert re.search(r'#define DataAuthor\s+"' + re.escape(APP_AUTHOR) + '"', script)
    assert re.search(r'#define DataName\s+"' + re.escape(APP_NAME) + '"', script)
    assert "{localappdata}\\{#DataAuthor}\\{#DataName}" in script
