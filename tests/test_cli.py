"""The command line, run as a child process exactly as IT staff script it."""
import sqlite3

from support.cli import ADMIN, init_station, run_as, run_cli

from station_app import __version__


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_then_users_add_list_disable_enable(data_dir):
    result = init_station(data_dir)
    assert result.returncode == 0, result.stderr
    assert "TYT-MK" in result.stdout and "Xã Mường Kim" in result.stdout
    added = run_as(ADMIN, "users", "add", "y.ta.hoa", "--name", "Tòng Thị Hoa", "--role", "nurse",
                   "--new-password-env", "PW", data_dir=data_dir, env={"PW": "yta-banna-26"})
    assert added.returncode == 0, added.stderr
    listed = run_as(ADMIN, "users", "list", data_dir=data_dir)
    assert "y.ta.hoa" in listed.stdout and "Tòng Thị Hoa" in listed.stdout and "admin" in listed.stdout
    assert run_as(ADMIN, "users", "disable", "y.ta.hoa", data_dir=data_dir).returncode == 0
    assert "đã khoá" in run_as(ADMIN, "users", "list", data_dir=data_dir).stdout
    assert run_as(ADMIN, "users", "enable", "y.ta.hoa", data_dir=data_dir).returncode == 0


def test_the_data_folder_can_come_from_the_environment(tmp_path):
    folder = tmp_path / "env-folder"
    result = init_station(None, STATION_DATA_DIR=str(folder))  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    assert (folder / "station.sqlite3").exists()


def test_init_twice_is_refused_with_a_sentence(data_dir):
    init_station(data_dir)
    again = init_station(data_dir)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert "đã được thiết lập" in again.stderr


def test_a_bad_commune_code_is_explained(data_dir):
    result = run_cli("init", "--station-code", "X-1", "--station-name", "Trạm", "--commune", "00000", "--admin",
                     "admin", "--admin-name", "A", "--password-stdin", data_dir=data_dir, stdin="12345678\n")
    assert result.returncode == 1 and "xã/phường" in result.stderr.lower()


def test_audit_verify_passes_then_names_the_edited_event(data_dir):
    init_station(data_dir)
    ok = run_cli("audit", "verify", data_dir=data_dir)
    assert ok.returncode == 0 and "toàn vẹn" in ok.stdout
    conn = sqlite3.connect(data_dir / "station.sqlite3")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_events'"):
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_events SET entity_id = 'x' WHERE seq = 2")
    conn.commit()
    conn.close()
    broken = run_cli("audit", "verify", data_dir=data_dir)
    assert broken.returncode == 1 and "số 2" in broken.stderr and "bị sửa" in broken.stderr


def test_no_display_says_how_to_use_xvfb_instead_of_crashing(data_dir):
    result = run_cli(data_dir=data_dir, env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr and "Traceback" not in result.stderr


def test_demo_without_a_folder_never_touches_the_real_stations_folder(tmp_path):
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "STATION_DATA_DIR": ""}
    result = run_cli("demo", "--residents", "50", env=env)
    assert result.returncode == 0, result.stderr
    assert (home / "data" / "station-app-taphuan" / "station.sqlite3").exists()
    assert not (home / "data" / "station-app").exists()
    assert "TRẠM TẬP HUẤN" in result.stdout
