"""Run the real command line in a child process, as IT staff would."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, data_dir: Path | None = None, stdin: str = "", env: dict[str, str] | None = None,
            prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **(env or {})}
    command = [sys.executable, "-m", "station_app"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    command = (prefix or []) + command
    return subprocess.run(command + list(args), input=stdin, capture_output=True, text=True, env=base,
                          timeout=120)


def init_station(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_cli("init", "--station-code", "tyt-mk", "--station-name", "Trạm Y tế xã Mường Kim",
                   "--commune", "03637", "--admin", "admin", "--admin-name", "Lò Văn Đức", "--password-stdin",
                   data_dir=data_dir, stdin="quantri-2026\n", env=env)


ADMIN = ("admin", "quantri-2026")  # the account init_station makes
PASSWORD_VAR = "STATION_TEST_PASSWORD"


def run_as(account: tuple[str, str], *args: str, data_dir: Path | None = None, stdin: str = "",
           env: dict[str, str] | None = None, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command that needs an account (issue 16: the command line is no back door), signed in as a script would:
    ``--user NAME --password-env VAR`` before the subcommand, so stdin stays free for the command's own input."""
    username, password = account
    return run_cli("--user", username, "--password-env", PASSWORD_VAR, *args, data_dir=data_dir, stdin=stdin,
                   env={**(env or {}), PASSWORD_VAR: password}, prefix=prefix)
