"""``station-app decode`` run as a child process, as the IT person checks a scanner (synthetic cards only)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import qrcode
from support.cli import run_cli
from PIL import Image

from station_app.core.cards import ScanWarning, SlipIdentity
from station_app.core.model import Sex
from station_app.core.qr_payloads import ERROR_TEXT, WARNING_TEXT, encode_slip

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "qr_payloads.tsv"
SAMPLES = list(csv.DictReader(FIXTURE.open(encoding="utf-8"), delimiter="\t"))
KEYS = {"kind", "national_id", "old_id", "insurance_number", "full_name", "date_of_birth", "sex", "address",
        "issued_on", "valid_from", "valid_to", "visit_id", "warnings", "error"}
# 012 Lai Châu; digit 4 odd: a woman born in the 1900s; digits 5-6: 1990
CARD = "012190001234||Lò Thị Hoa|02041990|Nữ|Bản Nà Khương, Xã Mường Kim, Tỉnh Lai Châu|10052021"
CARD_2 = "012058000011||Lò Văn Đức|02041958|Nam|Bản Nà Khương, Xã Mường Kim, Tỉnh Lai Châu|15062021"


def decode(*args: str, **kwargs) -> tuple[int, object]:
    result = run_cli("decode", "--json", *args, **kwargs)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "station_app", "decode", *args], input=stdin,
                          capture_output=True, env=env, timeout=120)


def qr_png(path: Path, *texts: str) -> Path:
    """Real QR codes side by side on white, saved as PNG."""
    codes = []
    for text in texts:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=6, border=4)
        code.add_data(text.encode("utf-8"))
        codes.append(code.make_image().get_image().convert("L"))
    canvas = Image.new("L", (sum(c.width for c in codes) + 40 * len(codes), max(c.height for c in codes)), 255)
    x = 0
    for image in codes:
        canvas.paste(image, (x, 0))
        x += image.width + 40
    canvas.save(path)
    return path


@pytest.mark.parametrize("sample", SAMPLES, ids=[s["id"] for s in SAMPLES])
def test_every_sample_payload_gives_exactly_the_documented_keys(sample):
    status, obj = decode(sample["payload"])
    assert status == 0
    assert set(obj) == KEYS and obj["kind"] == sample["kind"] and obj["error"] is None
    assert obj["full_name"] and obj["sex"] in ("male", "female")
    assert len(obj["date_of_birth"]) in (4, 10) and obj["date_of_birth"][:4].isdigit()


def test_a_cccd_payload_in_json():
    status, obj = decode(CARD)
    assert status == 0
    assert obj == {"kind": "cccd", "national_id": "012190001234", "old_id": None, "insurance_number": None,
                   "full_name": "Lò Thị Hoa", "date_of_birth": "1990-04-02", "sex": "female",
                   "address": "Bản Nà Khương, Xã Mường Kim, Tỉnh Lai Châu", "issued_on": "2021-05-10",
                   "valid_from": None, "valid_to": None, "visit_id": None, "warnings": [], "error": None}


def test_the_human_output_names_the_fields_and_the_warning_in_vietnamese():
    c5 = next(s for s in SAMPLES if s["id"] == "C5")["payload"]
    result = run_cli("decode", c5)
    assert result.returncode == 0
    assert "Căn cước công dân (CCCD)" in result.stdout and "Họ và tên: Nguyễn Văn An" in result.stdout
    assert "Ngày sinh: 15/05/2002" in result.stdout and "Giới tính: Nam" in result.stdout
    assert WARNING_TEXT[ScanWarning.ID_BIRTH_YEAR_MISMATCH] in result.stdout


def test_a_bhyt_card_with_the_year_of_birth_only_gives_the_year():
    fields = next(s for s in SAMPLES if s["id"] == "B2")["payload"].split("|")
    fields[2] = "2008"
    status, obj = decode("|".join(fields))
    assert status == 0 and obj["kind"] == "bhyt" and obj["date_of_birth"] == "2008"
    assert obj["insurance_number"] == "HS4010100000001" and obj["valid_from"] == "2019-01-24"


def test_a_visit_slip_gives_its_visit_id_and_birth_year():
    slip = SlipIdentity("V-2026-0001", None, "Giàng A Páo", 1975, Sex.MALE, 12, dt.date(2026, 5, 4), "TYT-MK")
    status, obj = decode(encode_slip(slip))
    assert status == 0
    assert obj["kind"] == "slip" and obj["visit_id"] == "V-2026-0001" and obj["date_of_birth"] == "1975"
    assert obj["full_name"] == "Giàng A Páo" and obj["sex"] == "male"


def test_text_that_is_no_card_is_unknown_with_the_reason_and_exit_1():
    status, obj = decode("https://example.com/khong-phai-the")
    assert status == 1 and obj["kind"] == "unknown" and obj["error"] == "not_a_card"
    human = run_cli("decode", "https://example.com/khong-phai-the")
    assert human.returncode == 1 and ERROR_TEXT["not_a_card"] in human.stdout


def test_a_keyboard_mode_scan_is_flagged_mangled_with_no_identity():
    status, obj = decode(CARD.replace("Lò Thị Hoa", "Nguyeenx Thij Hoa"))
    assert status == 0 and obj["kind"] == "cccd" and obj["warnings"] == ["mangled_text"]
    assert obj["full_name"] is None and obj["national_id"] is None
    human = run_cli("decode", CARD.replace("Lò Thị Hoa", "Nguyeenx Thij Hoa"))
    assert WARNING_TEXT[ScanWarning.MANGLED_TEXT] in human.stdout


def test_a_real_qr_png_of_a_vietnamese_cccd(tmp_path):
    png = qr_png(tmp_path / "thẻ cccd.png", CARD)
    status, obj = decode(str(png))
    assert status == 0 and set(obj) == KEYS
    assert obj["kind"] == "cccd" and obj["full_name"] == "Lò Thị Hoa" and obj["date_of_birth"] == "1990-04-02"
    human = run_cli("decode", str(png))
    assert human.returncode == 0 and "Họ và tên: Lò Thị Hoa" in human.stdout


def test_two_codes_in_one_picture_give_a_list_in_reading_order(tmp_path):
    png = qr_png(tmp_path / "hai-ma.png", CARD, "không phải thẻ")
    status, objs = decode(str(png))
    assert status == 0 and isinstance(objs, list) and len(objs) == 2
    assert [o["kind"] for o in objs] == ["cccd", "unknown"] and all(set(o) == KEYS for o in objs)
    human = run_cli("decode", str(png))
    assert "Mã 1/2" in human.stdout and "Mã 2/2" in human.stdout


def test_a_picture_without_a_code_is_unknown_no_code(tmp_path):
    blank = tmp_path / "trang.png"
    Image.new("L", (320, 240), 255).save(blank)
    status, obj = decode(str(blank))
    assert status == 1 and set(obj) == KEYS and obj["kind"] == "unknown" and obj["error"] == "no_code"
    human = run_cli("decode", str(blank))
    assert human.returncode == 1 and "Không tìm thấy mã QR" in human.stdout


def test_an_unreadable_picture_file_is_explained_in_vietnamese(tmp_path):
    broken = tmp_path / "hong.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    result = run_cli("decode", "--json", str(broken))
    assert result.returncode == 1 and result.stdout == ""
    assert "Không mở được tệp ảnh" in result.stderr and "Traceback" not in result.stderr


def test_a_serial_capture_on_stdin_is_read_as_bytes():
    result = run_bytes("--json", "-", stdin=CARD.encode("utf-8") + b"\r\n")
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["kind"] == "cccd" and obj["full_name"] == "Lò Thị Hoa"


def test_bytes_that_are_not_utf8_say_so_on_stdin_and_as_an_argument():
    windows_1258 = CARD.replace("Lò Thị Hoa", "Lo Thi Hoa").encode("utf-8").replace(b"N\xc3\xa0", b"N\xe0")
    result = run_bytes("--json", "-", stdin=windows_1258)
    assert result.returncode == 1
    obj = json.loads(result.stdout)
    assert obj["kind"] == "unknown" and obj["error"] == "not_utf8" and set(obj) == KEYS
    argument = run_bytes("--json", os.fsdecode(windows_1258), stdin=b"")
    assert argument.returncode == 1 and json.loads(argument.stdout)["error"] == "not_utf8"
    human = run_bytes("-", stdin=b"\xff\xfe\x00")
    assert human.returncode == 1 and ERROR_TEXT["not_utf8"] in human.stdout.decode("utf-8")


def test_bad_usage_exits_2():
    assert run_cli("decode").returncode == 2
    assert run_cli("decode", "--json").returncode == 2
    assert run_cli("decode", "a", "b").returncode == 2


def test_the_help_documents_the_json_list_for_several_codes():
    result = run_cli("decode", "--help")
    assert result.returncode == 0 and "danh sách (list)" in result.stdout and "no_code" in result.stdout


def test_no_station_folder_is_opened_or_created_and_nothing_is_logged(tmp_path):
    folder = tmp_path / "không có"
    env = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg"), "STATION_DATA_DIR": str(folder)}
    result = run_cli("decode", CARD, data_dir=folder, env=env)
    assert result.returncode == 0 and "Lò Thị Hoa" in result.stdout
    assert "Lò Thị Hoa" not in result.stderr and "012190001234" not in result.stderr
    assert not folder.exists() and not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()
