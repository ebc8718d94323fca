"""Bad surroundings get a clear Vietnamese sentence and nothing stored is damaged."""
import os
import shutil
import subprocess
import sys

import pytest
from support.cli import ADMIN, init_station, run_as, run_cli

from station_app.app import InstanceLock, open_context
from station_app.core.errors import DatabaseInUseError, DataFolderNotWritableError, WrongCredentialsError


def _read_only_prefix(folder) -> list[str]:
    """Root writes through file permissions, so as root the folder is remounted read-only (like a locked
    USB stick) in a private mount namespace; other users simply lose write permission."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        for p in folder.rglob("*"):
            p.chmod(0o555 if p.is_dir() else 0o444)
        return []
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if shutil.which("unshare") is None or probe.returncode != 0:
        pytest.skip("root without mount namespaces: cannot make a read-only folder here")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "--", "sh", "-c", script, str(folder)]


def test_a_read_only_data_folder_is_explained_and_its_database_untouched(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    assert init_station(folder).returncode == 0
    before = (folder / "station.sqlite3").read_bytes()
    try:
        result = run_as(ADMIN, "users", "list", data_dir=folder, prefix=_read_only_prefix(folder))
    finally:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    assert result.returncode == 1, result.stderr
    assert "không ghi được" in result.stderr.lower() and str(folder) in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "station.sqlite3").read_bytes() == before


def test_a_data_folder_that_cannot_exist_is_explained(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderNotWritableError) as info:
        open_context(blocker / "data")
    assert "thư mục" in str(info.value).lower()
    assert blocker.read_text() == "not a folder"


def test_a_second_copy_on_the_same_data_folder_is_told_the_first_is_open(data_dir):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from station_app.app import InstanceLock;"
         "lock = InstanceLock(Path(sys.argv[1])); lock.acquire(); print('held', flush=True); time.sleep(60)", str(data_dir)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseInUseError) as info:
            InstanceLock(data_dir).acquire()
        assert "đang mở" in str(info.value).lower()
    finally:
        holder.kill()
        holder.wait()
    lock = InstanceLock(data_dir)
    lock.acquire()  # once the first copy is closed, the app opens normally
    lock.release()


def test_a_wrong_password_changes_nothing_but_the_counter(ctx):
    users_before = ctx.accounts.list_users(None)
    with pytest.raises(WrongCredentialsError):
        ctx.accounts.sign_in("admin", "wrong-one")
    assert [u.username for u in ctx.accounts.list_users(None)] == [u.username for u in users_before]
    assert ctx.audit.verify().ok
