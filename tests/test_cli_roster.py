"""``station-app roster import`` run as a child process, as IT staff script it (synthetic residents only)."""
import csv
import sqlite3

from support.cli import ADMIN, init_station, run_as, run_cli

HEADERS = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn/bản", "Dân tộc", "Đối tượng"]
ROWS = [["Lò Văn Đức", "02/04/1958", "Nam", "012058000011", "Bản Nà Khương", "Thái", "Người cao tuổi"],
        ["Tòng Thị Hoa", "1990", "Nữ", "", "Bản Nà Khương", "Thái", ""],
        ["", "1990", "Nữ", "", "Bản Phiêng", "Kinh", ""]]


def _roster(path):
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([HEADERS, *ROWS])
    return path


def test_roster_import_prints_a_summary_and_the_rejects_report(data_dir, tmp_path):
    assert init_station(data_dir).returncode == 0
    report = tmp_path / "tu-choi.csv"
    result = run_as(ADMIN, "roster", "import", str(_roster(tmp_path / "ds.csv")), "--report", str(report),
                     data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "thêm mới 2" in result.stdout and "bị từ chối 1" in result.stdout and str(report) in result.stdout
    assert "Họ và tên" in report.read_text(encoding="utf-8-sig")
    again = run_as(ADMIN, "roster", "import", str(tmp_path / "ds.csv"), data_dir=data_dir)
    assert "thêm mới 0" in again.stdout and "không đổi 2" in again.stdout
    conn = sqlite3.connect(data_dir / "station.sqlite3")
    assert conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM audit_events WHERE action='import' AND user_id = "
                        "(SELECT id FROM users WHERE username = 'admin')").fetchone()[0] == 2  # the signed-in account
    conn.close()
    assert run_cli("audit", "verify", data_dir=data_dir).returncode == 0


def test_roster_import_with_a_mapping_file_and_a_bad_file(data_dir, tmp_path):
    init_station(data_dir)
    odd = tmp_path / "odd.csv"
    odd.write_text("Tên,Sinh năm,Phái\nLò Thị Đào,1975,Nữ\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text('{"columns": {"full_name": "Tên", "birth_year": "Sinh năm", "sex": "Phái"}}', encoding="utf-8")
    result = run_as(ADMIN, "roster", "import", str(odd), "--mapping", str(mapping), data_dir=data_dir)
    assert result.returncode == 0 and "thêm mới 1" in result.stdout, result.stderr
    missing = run_as(ADMIN, "roster", "import", str(tmp_path / "khong-co.xlsx"), data_dir=data_dir)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr and "khong-co.xlsx" in missing.stderr


def test_a_missing_or_broken_mapping_file_is_explained_and_nothing_is_imported(data_dir, tmp_path):
    init_station(data_dir)
    roster = _roster(tmp_path / "ds.csv")
    missing = run_as(ADMIN, "roster", "import", str(roster), "--mapping", str(tmp_path / "khong-co.json"),
                      data_dir=data_dir)
    broken_file = tmp_path / "hong.json"
    broken_file.write_text("{ không phải JSON", encoding="utf-8")
    broken = run_as(ADMIN, "roster", "import", str(roster), "--mapping", str(broken_file), data_dir=data_dir)
    for result in (missing, broken):
        assert result.returncode == 1 and "Không đọc được tệp ghép cột" in result.stderr
        assert "Traceback" not in result.stderr and "ngoài dự kiến" not in result.stderr
    conn = sqlite3.connect(data_dir / "station.sqlite3")
    assert conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
    conn.close()


def test_roster_import_counts_people_who_only_share_a_name_year_and_village(data_dir, tmp_path):
    init_station(data_dir)
    earlier = tmp_path / "ds-2025.csv"
    earlier.write_text("Họ và tên,Năm sinh,Giới tính,Thôn/bản\nPờ A Xá,1938,Nam,Bản Nà Khương\n", encoding="utf-8")
    assert run_as(ADMIN, "roster", "import", str(earlier), data_dir=data_dir).returncode == 0
    now = tmp_path / "ds-2026.csv"
    now.write_text("Họ và tên,Ngày sinh,Giới tính,Dân tộc,Thôn/bản\n"
                   "Pờ A Xá,04/01/1938,Nam,Hà Nhì,Bản Nà Khương\nPờ A Xá,24/10/1938,Nam,Mông,Bản Nà Khương\n",
                   encoding="utf-8")
    first = run_as(ADMIN, "roster", "import", str(now), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert "thêm mới 2" in first.stdout and "2 người có thể trùng" in first.stdout and "Nghi trùng" in first.stdout
    again = run_as(ADMIN, "roster", "import", str(now), data_dir=data_dir)  # nobody new, nothing more to decide
    assert "thêm mới 0" in again.stdout and "không đổi 2" in again.stdout and "có thể trùng" not in again.stdout
    conn = sqlite3.connect(data_dir / "station.sqlite3")
    assert conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 3
    conn.close()
