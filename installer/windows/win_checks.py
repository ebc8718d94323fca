"""The checks of the installed Windows program, as a Windows user and an IT person would meet it.

Run by a Windows Python (standard library only) after the setup has installed the program:
- under Wine by ``make win-test`` (scripts/test-win-in-wine.sh), with the embeddable CPython of the build;
- natively by the windows-latest workflow (.github/workflows/windows-installer.yml), with the build venv's Python.
The same file in both places, so "verified under Wine" and "verified on Windows" mean the same steps.

  python win_checks.py install --app "C:\\Program Files\\Station App" --work C:\\win-test --version 0.2.0 [--stick E:]
  python win_checks.py upgrade --app … --work C:\\win-test --version 0.2.0     (after the setup ran again over it)

``install``: the version; a real station set up with ``init`` in the default data folder, which must be
%LOCALAPPDATA%\\SoYTeLaiChau\\station-app; the self-test (every line printed, none may be LỖI); a training station
of 2,000 residents in a folder with Vietnamese letters in its name; the "not yet examined" list printed to PDF; an
export to the stick (a drive the system reports as removable, when one is given) and the training office importing
that batch; both audit chains verified; the window kept open for 6 s under the offscreen platform. It leaves in
WORK the list as CSV, to be compared after the upgrade.
``upgrade``: the data folder and the training station are still there and open; the same list, line for line; both
audit chains still verify.
Exit 0 when every step passed; the first failure stops with its output and exit 1.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import subprocess
import sys
import time
from pathlib import Path

TRAINING_PASSWORD = "taphuan-2026"  # the training station's accounts (station-app demo)
ADMIN_PASSWORD = "win-test-2026"
DRIVE_REMOVABLE = 2  # GetDriveTypeW


class Failed(Exception):
    pass


def step(title: str) -> None:
    print(f"  {title:<58}", end="", flush=True)


def ok(detail: str = "") -> None:
    print("OK" + (f" ({detail})" if detail else ""), flush=True)


def run(cli: Path, *args: str, env: dict[str, str] | None = None, timeout: int = 600) -> str:
    """station-app-cli.exe with ARGS; its output (UTF-8, as the program writes it wherever it goes)."""
    done = subprocess.run([str(cli), *args], capture_output=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
    out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise Failed(f"station-app-cli {' '.join(args)} exited with {done.returncode}:\n{out}")
    return out


def data_folder() -> Path:
    return Path(os.environ["LOCALAPPDATA"]) / "SoYTeLaiChau" / "station-app"


def install(cli: Path, gui: Path, work: Path, version: str, stick: str | None) -> None:
    step("--version")
    got = run(cli, "--version").strip()
    if got != f"station-app {version}":
        raise Failed(f"--version said {got!r}, expected 'station-app {version}'")
    ok(got)

    step("init (a real station, default data folder)")
    if (data_folder() / "station.sqlite3").exists():
        raise Failed(f"{data_folder()} already holds a station: use a fresh Windows user or prefix")
    run(cli, "init", "--station-code", "WIN01", "--station-name", "Trạm Y tế xã thử (Windows)", "--commune", "03637",
        "--admin", "quantri", "--admin-name", "Quản trị thử", "--password-env", "WIN_TEST_PW",
        env={"WIN_TEST_PW": ADMIN_PASSWORD})
    if not (data_folder() / "station.sqlite3").is_file():
        raise Failed(f"no station.sqlite3 in {data_folder()}")
    ok(str(data_folder()))

    step("self-test (every line below)")
    report = run(cli, "self-test")
    ok()
    print("\n".join("      " + line for line in report.splitlines() if line.strip()))
    if "[ LỖI" in report:
        raise Failed("a self-test line is LỖI")

    demo = work / "Trạm tập huấn"
    step("demo --residents 2000 (a folder named in Vietnamese)")
    started = time.monotonic()
    run(cli, "--data-dir", str(demo), "demo", "--residents", "2000")
    ok(f"{time.monotonic() - started:.0f} s")

    coordinator = ("--user", "demo.dieuphoi", "--password-env", "TRAINING_PW")
    training = {"TRAINING_PW": TRAINING_PASSWORD}
    step("lists pending --out …pdf")
    pdf = work / "chưa khám.pdf"
    run(cli, "--data-dir", str(demo), *coordinator, "lists", "pending", "--out", str(pdf), env=training)
    if not pdf.read_bytes().startswith(b"%PDF-"):
        raise Failed(f"{pdf} is not a PDF")
    ok(f"{pdf.stat().st_size:,} bytes")
    run(cli, "--data-dir", str(demo), *coordinator, "lists", "pending", "--out", str(work / "pending-before.csv"),
        env=training)

    target = Path(stick + "\\") if stick else work / "USB"
    step(f"export --to {target}")
    if stick:
        kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(str(target)))
        if kind != DRIVE_REMOVABLE:
            raise Failed(f"{stick} is drive type {kind}, not removable ({DRIVE_REMOVABLE})")
    else:
        target.mkdir(parents=True, exist_ok=True)  # (a drive's root is not made: under Wine, mkdir E:\ says "not found")
    before = {p for p in target.iterdir() if p.suffix == ".batch"}  # (Path.glob on a drive's root fails under Wine)
    run(cli, "--data-dir", str(demo), "--user", "demo.admin", "--password-env", "TRAINING_PW", "export",
        "--to", str(target), env=training)
    batches = sorted({p for p in target.iterdir() if p.suffix == ".batch"} - before)
    if not batches:
        raise Failed(f"no .batch file written to {target}")
    ok(f"{batches[0].name}, {batches[0].stat().st_size:,} bytes" + (", removable drive" if stick else ""))

    step("office import of the stick (the training office)")
    out = run(cli, "office", "import", str(target), "--dir", str(demo / "don-vi-nhan-tap-huan"))
    ok(out.strip().splitlines()[-1] if out.strip() else "")

    step("audit verify (real and training stations)")
    run(cli, "audit", "verify")
    run(cli, "--data-dir", str(demo), "audit", "verify")
    ok()

    step("window, offscreen, 6 s (station-app.exe)")
    window = subprocess.Popen([str(gui)], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        time.sleep(6)
        if window.poll() is not None:
            raise Failed(f"station-app.exe exited with {window.returncode} within 6 s")
    finally:
        window.kill()
        window.wait()
    ok("still running")


def upgrade(cli: Path, work: Path, version: str) -> None:
    step("--version after the upgrade")
    got = run(cli, "--version").strip()
    if got != f"station-app {version}":
        raise Failed(f"--version said {got!r}")
    ok(got)
    demo = work / "Trạm tập huấn"
    step("the data folder and the training station are kept")
    for path in (data_folder() / "station.sqlite3", demo / "station.sqlite3"):
        if not path.is_file():
            raise Failed(f"{path} is gone")
    ok()
    step("the same list, line for line")
    after = work / "pending-after.csv"
    run(cli, "--data-dir", str(demo), "--user", "demo.dieuphoi", "--password-env", "TRAINING_PW", "lists",
        "pending", "--out", str(after), env={"TRAINING_PW": TRAINING_PASSWORD})
    if after.read_bytes() != (work / "pending-before.csv").read_bytes():
        raise Failed("the list after the upgrade differs from the list before it")
    ok(f"{len(after.read_text(encoding='utf-8-sig').splitlines()) - 1} residents")
    step("audit verify (real and training stations)")
    run(cli, "audit", "verify")
    run(cli, "--data-dir", str(demo), "audit", "verify")
    ok()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", choices=["install", "upgrade"])
    parser.add_argument("--app", required=True, help="the installed program's folder")
    parser.add_argument("--work", required=True, help="a scratch folder")
    parser.add_argument("--version", required=True, help="the version the program must say")
    parser.add_argument("--stick", help="a drive letter the system reports as removable (E:)")
    args = parser.parse_args()
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="replace")
    app, work = Path(args.app), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    cli, gui = app / "station-app-cli.exe", app / "station-app.exe"
    print(f"== {args.phase}: {cli}")
    try:
        if args.phase == "install":
            install(cli, gui, work, args.version, args.stick)
        else:
            upgrade(cli, work, args.version)
    except (Failed, subprocess.TimeoutExpired, OSError) as exc:
        print(f"FAILED\n{exc}")
        return 1
    print(f"PASSED: {args.phase}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
