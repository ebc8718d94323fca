"""`make deb` on a tiny stand-in bundle: what the IT person's apt gets (where the program goes, the menu entry, the
declared system packages, the version of the project, the notes of what changed) and that removing the package
leaves the stations' data folders alone. The real bundle is installed in a clean Debian root by `make deb-test`."""
from __future__ import annotations

import gzip
import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

import station_app

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.tools("dpkg-deb")


@pytest.fixture(scope="module")
def deb(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("deb")
    bundle = work / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "station-app").write_text("#!/bin/sh\necho bundle\n")
    (bundle / "station-app").chmod(0o755)
    env = dict(os.environ, BUNDLE=str(bundle), OUT=str(work / "out"), STAGE=str(work / "stage"))
    done = subprocess.run([str(ROOT / "scripts" / "build-deb.sh")], env=env, capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    [built] = (work / "out").glob("*.deb")
    return built


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_the_package_carries_the_projects_version_in_its_name_and_control(deb):
    assert deb.name == f"station-app_{station_app.__version__}_{_field(deb, 'Architecture')}.deb"
    assert _field(deb, "Version") == station_app.__version__


def test_it_declares_the_system_packages_the_bundle_loads_from_the_system(deb):
    depends = {d.strip() for d in _field(deb, "Depends").split(",")}
    assert {"libzbar0", "fonts-dejavu-core", "libcups2", "libssl3", "libsqlite3-0", "libpulse0"} <= depends


@pytest.mark.tools("objdump", "cc")
def test_it_needs_the_c_library_the_bundle_was_linked_against(tmp_path):
    """A program of the bundle that uses a symbol of glibc 2.34 makes the package depend on libc6 (>= 2.34) or newer,
    so apt refuses a system too old for it."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    source = tmp_path / "main.c"
    source.write_text("#include <pthread.h>\nint main(void) { pthread_attr_t a; return pthread_attr_init(&a); }\n")
    subprocess.run(["cc", "-o", str(bundle / "station-app"), str(source)], check=True)
    env = dict(os.environ, BUNDLE=str(bundle), OUT=str(tmp_path / "out"), STAGE=str(tmp_path / "stage"))
    subprocess.run([str(ROOT / "scripts" / "build-deb.sh")], env=env, cwd=ROOT, capture_output=True, check=True)
    [built] = (tmp_path / "out").glob("*.deb")
    [libc] = [d.strip() for d in _field(built, "Depends").split(",") if d.strip().startswith("libc6 ")]
    needed = libc.removeprefix("libc6 (>= ").removesuffix(")")
    assert tuple(int(n) for n in needed.split(".")) >= (2, 34)


def test_the_program_menu_entry_icons_and_change_notes_are_where_apt_puts_them(deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[-1].lstrip(".") for line in listing.splitlines()}
    assert {"/opt/station-app/station-app", "/usr/bin/station-app", "/usr/share/applications/station-app.desktop",
            "/usr/share/applications/station-app-self-test.desktop",
            "/usr/share/icons/hicolor/256x256/apps/station-app.png",
            "/usr/share/doc/station-app/CHANGELOG.md.gz", "/usr/share/doc/station-app/changelog.gz"} <= paths
    files = tarfile.open(fileobj=io.BytesIO(subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)],
                                                           capture_output=True, check=True).stdout))
    notes = gzip.decompress(files.extractfile("./usr/share/doc/station-app/CHANGELOG.md.gz").read()).decode()
    assert f"## {station_app.__version__}" in notes  # the notes name the version being installed
    debian = gzip.decompress(files.extractfile("./usr/share/doc/station-app/changelog.gz").read()).decode()
    assert debian.startswith(f"station-app ({station_app.__version__}) ")


@pytest.mark.parametrize("action", ["upgrade", "remove", "purge"])
def test_the_maintainer_scripts_never_touch_a_data_folder(deb, tmp_path, action):
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    home = tmp_path / "home"
    data = home / ".local" / "share" / "station-app"
    data.mkdir(parents=True)
    (data / "station.sqlite3").write_bytes(b"the station's data")
    for script, args in (("postrm", [action]), ("postinst", ["configure", "0.1.0"])):
        done = subprocess.run(["sh", str(control / script), *args], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                              capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
    assert (data / "station.sqlite3").read_bytes() == b"the station's data"


def test_the_offline_kits_installer_says_what_to_do_when_the_kit_was_not_unpacked_whole(tmp_path):
    """install.sh from a folder missing the package (a copy cut short): a Vietnamese message, apt never started."""
    kit = tmp_path / "USB DISK" / "station-app_9.9.9_amd64-offline"
    kit.mkdir(parents=True)
    shutil.copy(ROOT / "installer" / "linux" / "offline-install.sh", kit / "install.sh")
    done = subprocess.run(["sh", str(kit / "install.sh")], capture_output=True, text=True, check=False,
                          env={"PATH": os.environ["PATH"], "LANG": "C.UTF-8"})
    assert done.returncode == 1
    if os.geteuid() == 0:
        assert "hãy giải nén lại cả tệp .tar" in done.stdout and str(kit) in done.stdout
    else:
        assert "Cần quyền quản trị" in done.stdout and "sudo sh" in done.stdout
    assert "Đang cài" not in done.stdout


@pytest.mark.tools("desktop-file-validate")
@pytest.mark.parametrize("entry", ["station-app.desktop", "station-app-self-test.desktop"])
def test_the_menu_entries_are_valid_desktop_files(entry):
    done = subprocess.run(["desktop-file-validate", str(ROOT / "installer" / "linux" / entry)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout
