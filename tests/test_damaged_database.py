"""A database file that is empty or not SQLite is reported as damaged, with the restore advice; it never
becomes a new, empty station (which would hide the real one's loss until the next export)."""
import pytest
from support.cli import init_station, run_cli

from station_app.core.errors import DatabaseCorruptError
from station_app.persistence.database import DB_FILE_NAME, open_database

RESTORE_ADVICE = "khôi phục từ bản sao lưu"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 a zip, not a database" * 50], ids=["zero-byte", "not-sqlite"])
def test_opening_a_damaged_file_refuses_and_leaves_it_as_it_was(data_dir, content):
    path = data_dir / DB_FILE_NAME
    path.write_bytes(content)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(data_dir)
    assert RESTORE_ADVICE in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILE_NAME]


@pytest.mark.parametrize("command", [["users", "list"], ["init", "--station-code", "tyt-mk", "--station-name", "Trạm",
                                                         "--commune", "03637", "--admin", "admin", "--admin-name",
                                                         "Lò Văn Đức", "--password-stdin"]], ids=["users", "init"])
def test_the_command_line_on_a_zero_byte_database_says_damaged_and_makes_no_new_station(tmp_path, command):
    folder = tmp_path / "trạm"
    folder.mkdir()
    (folder / DB_FILE_NAME).write_bytes(b"")
    result = run_cli(*command, data_dir=folder, stdin="quantri-2026\n")
    assert result.returncode == 1, result.stdout
    assert "bị hỏng" in result.stderr and RESTORE_ADVICE in result.stderr
    assert "Traceback" not in result.stderr and "ngoài dự kiến" not in result.stderr
    assert (folder / DB_FILE_NAME).read_bytes() == b""


def test_a_station_whose_file_was_emptied_is_not_set_up_again(tmp_path):
    folder = tmp_path / "trạm"
    assert init_station(folder).returncode == 0
    for leftover in folder.glob(f"{DB_FILE_NAME}-*"):
        leftover.unlink()
    (folder / DB_FILE_NAME).write_bytes(b"")  # a copy that stopped at the start, a disk that lost the file
    again = init_station(folder)
    assert again.returncode == 1 and "bị hỏng" in again.stderr
    assert (folder / DB_FILE_NAME).read_bytes() == b""
