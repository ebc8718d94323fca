"""``station-app office national stand-in``: a training hub started from the command line, used by the office's
client, stopped with Ctrl+C, and started again knowing what it accepted."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

from support.cli import run_cli
from support.hub import PASSWORD, SENDER_ID, USERNAME, envelope, facility_key, make_client, new_msg_id, public_pem


def _start(tmp_path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    (tmp_path / "co-so.pem").write_bytes(public_pem(facility_key()))
    command = [sys.executable, "-m", "station_app", "office", "--dir", str(tmp_path / "office"), "national",
               "stand-in", "--port", "0", "--account", f"{USERNAME}:{PASSWORD}:{SENDER_ID}",
               "--facility-key", f"{SENDER_ID}={tmp_path / 'co-so.pem'}", *extra]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    first = child.stdout.readline()
    assert first.startswith("Cổng liên thông giả lập: http://127.0.0.1:"), first + child.stderr.read()
    return child, first.split(": ", 1)[1].split(" ", 1)[0]


def _stop(child: subprocess.Popen[str]) -> tuple[int, str]:
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=30)
    return child.returncode, out


def test_the_stand_in_takes_pushes_until_ctrl_c_and_remembers_them_when_started_again(tmp_path):
    child, url = _start(tmp_path)
    msg_id = new_msg_id()
    try:
        first = make_client(url).push(envelope(), msg_id)
    finally:
        code, out = _stop(child)
    assert first.kind == "accepted" and code == 0 and "Đã dừng; 1 hồ sơ đã nhận." in out
    child, url = _start(tmp_path)
    try:
        again = make_client(url).push(envelope(), msg_id)
    finally:
        _stop(child)
    assert (again.kind, again.txn_id) == ("accepted", first.txn_id)


def test_a_malformed_account_is_explained_without_a_traceback(tmp_path):
    done = run_cli("office", "--dir", str(tmp_path), "national", "stand-in", "--account", "chi-co-ten")
    assert done.returncode == 1 and "TÊN:MẬT_KHẨU:MÃ_13_CHỮ_SỐ" in done.stderr and "Traceback" not in done.stderr
