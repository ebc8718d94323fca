"""The Windows installer's sources, checked here (the build itself needs Windows: installer/README.md)."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from station_app import __version__

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "installer" / "windows"
STANDARD_CUSTOM = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}  # Default.isl has them in English


def sections(text: str) -> dict[str, list[tuple[str, str]]]:
    """``{section: [(key, value), ...]}`` of an Inno Setup .isl file (comments left out)."""
    found: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith(";"):
            continue
        if line.startswith("["):
            current = line.strip("[] ")
            found.setdefault(current, [])
            continue
        key, _, value = line.partition("=")
        found[current].append((key.strip(), value))
    return found


def test_the_vietnamese_texts_are_utf8_with_a_bom_and_name_the_language():
    raw = (WINDOWS / "Vietnamese.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Inno Setup 6 reads a UTF-8 file as Unicode only with the BOM
    isl = sections(raw.decode("utf-8-sig"))
    options = dict(isl["LangOptions"])
    assert options == {"LanguageName": "Tiếng Việt", "LanguageID": "$042A", "LanguageCodePage": "0"}
    for name in ("Messages", "CustomMessages"):
        keys = [k for k, _ in isl[name]]
        assert len(keys) == len(set(keys)), f"a message twice in [{name}]"
    messages = dict(isl["Messages"])
    assert messages["ButtonNext"] == "&Tiếp >" and "[name]" in messages["WelcomeLabel1"]


def test_the_windows_files_keep_windows_line_ends_and_the_bom():
    """Notepad and PowerShell 5 on the build machine read them as written; an editor on Linux must not change that.
    win_checks.py is left out: Python reads its source as UTF-8 with either line end, and it is shared with Wine."""
    for path in sorted(WINDOWS.iterdir()):
        if path.suffix == ".py":
            continue
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path.name
        assert raw.count(b"\n") == raw.count(b"\r\n") > 0, f"{path.name}: a line without CR LF"


def test_every_text_the_script_uses_exists_in_both_languages():
    script = (WINDOWS / "station-app.iss").read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", script)) | set(re.findall(r"CustomMessage\('(\w+)'\)", script))
    vietnamese = {k for k, _ in sections((WINDOWS / "Vietnamese.isl").read_text(encoding="utf-8-sig"))["CustomMessages"]}
    in_script = re.findall(r"^(vi|en)\.(\w+)=", script, re.M)
    for name in used - STANDARD_CUSTOM:
        assert ("vi", name) in in_script and ("en", name) in in_script, name
    assert STANDARD_CUSTOM <= vietnamese
    assert 'MessagesFile: "Vietnamese.isl"' in script and "compiler:Default.isl" in script


def test_the_script_takes_its_version_from_the_build_and_keeps_one_app_id():
    script = (WINDOWS / "station-app.iss").read_text(encoding="utf-8-sig")
    assert "AppVersion={#AppVersion}" in script and "#error" in script  # no version of its own
    assert len(re.findall(r"^AppId=\{\{[0-9A-F-]{36}\}$", script, re.M)) == 1  # an upgrade is the same AppId
    assert "PrivilegesRequired=admin" in script  # per machine
    build = (WINDOWS / "build.ps1").read_text(encoding="utf-8-sig")
    assert "/DAppVersion=$version" in build and "station_app\\__init__.py" in build
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)  # VersionInfoVersion takes numbers only


def test_the_qr_decoder_dll_gets_its_runtime_on_a_fresh_windows():
    # pyzbar's libzbar-64.dll imports MSVCR120.dll, absent from a fresh Windows and invisible to PyInstaller
    build = (WINDOWS / "build.ps1").read_text(encoding="utf-8-sig")
    assert 'Copy-Item $runtime $zbarDir' in build and "msvcr120.dll" in build
    assert "pyzbar\\msvcr120.dll" in (WINDOWS / "test-install.ps1").read_text(encoding="utf-8-sig")


def test_the_uninstaller_deletes_data_only_when_asked_and_never_silently():
    script = (WINDOWS / "station-app.iss").read_text(encoding="utf-8-sig")
    code = script[script.index("[Code]"):]
    assert "MB_DEFBUTTON2" in code  # "No" is the default answer
    assert code.index("UninstallSilent()") < code.index("DelTree")
    assert "[UninstallDelete]" not in script


def test_the_ci_workflow_runs_the_build_script_then_tries_the_setup():
    # read as text: PyYAML is not among the locked test dependencies
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+runs-on: windows-latest$", workflow, re.M)
    assert workflow.index("installer/windows/build.ps1") < workflow.index("installer/windows/test-install.ps1")
    for name in ("build.ps1", "test-install.ps1"):
        assert (WINDOWS / name).read_bytes().startswith(b"\xef\xbb\xbf")  # Windows PowerShell 5.1 reads UTF-8


def workflow_jobs() -> dict[str, str]:
    """``{job id: its text}`` of the Windows workflow (read as text, as above)."""
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    jobs = workflow[re.search(r"^jobs:$", workflow, re.M).end():]
    parts = re.split(r"^  ([\w-]+):$", jobs, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def commands(job: str) -> str:
    """The job's text without its comments (a command mentioned in a comment is not run)."""
    return "\n".join(line for line in job.splitlines() if not line.lstrip().startswith("#"))


def test_the_ci_workflow_builds_zbar_on_linux_before_the_windows_job():
    # pyzbar 0.1.9's Windows wheel has zbar 0.10, without the binary mode the second QR decoder needs
    jobs = workflow_jobs()
    (windows,) = [name for name, text in jobs.items() if re.search(r"^    runs-on: windows-latest$", text, re.M)]
    (zbar,) = [name for name, text in jobs.items() if "scripts/build-zbar-win.sh" in commands(text)]
    assert re.search(r"^    runs-on: ubuntu-", jobs[zbar], re.M)
    assert re.search(r"sudo scripts/build-zbar-win\.sh (\S+)", jobs[zbar])
    out = re.search(r"sudo scripts/build-zbar-win\.sh (\S+)", jobs[zbar])[1]
    assert re.search(rf"^\s+path: {re.escape(out)}/libzbar-64\.dll$", jobs[zbar], re.M)  # uploaded
    needs = re.search(r"^    needs: \[?([\w, -]+)\]?$", jobs[windows], re.M)
    assert needs and zbar in re.split(r"[,\s]+", needs[1])
    steps = commands(jobs[windows])
    assert steps.index("actions/download-artifact") < steps.index("installer/windows/build.ps1")
    assert re.search(r"installer/windows/build\.ps1 .*-ZbarDll \S*libzbar-64\.dll", steps)
    assert (ROOT / "scripts" / "build-zbar-win.sh").exists()


def test_the_ci_workflow_runs_the_win_test_checks_install_then_upgrade():
    # the same win_checks.py that `make win-test` runs under Wine: "verified on Windows" means the same steps
    (windows,) = [t for t in workflow_jobs().values() if re.search(r"^    runs-on: windows-latest$", t, re.M)]
    steps = commands(windows)
    install = steps.index(r"installer\windows\win_checks.py install ")
    upgrade = steps.index(r"installer\windows\win_checks.py upgrade ")
    assert steps.index("installer/windows/build.ps1") < install < upgrade
    setup_runs = [m.start() for m in re.finditer(r"^\s+Install-Setup\b", steps, re.M)]
    assert any(at < install for at in setup_runs) and any(install < at < upgrade for at in setup_runs)  # the upgrade
    assert '"/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"' in steps
    for line in (steps[install:].splitlines()[0], steps[upgrade:].splitlines()[0]):
        assert '--app "$env:ProgramFiles\\Station App"' in line and "--work " in line and "--version $version" in line
    assert "--stick" not in steps  # a runner has no removable drive (said in a comment)
    assert steps.index(r"installer\windows\win_checks.py upgrade ") < steps.index("name: station-app-setup")


def test_the_build_script_can_replace_the_wheels_zbar():
    build = (WINDOWS / "build.ps1").read_text(encoding="utf-8-sig")
    help_text = build[:build.index("#>")]
    assert "-ZbarDll" in help_text[help_text.index(".DESCRIPTION"):help_text.index(".EXAMPLE")]
    assert "-ZbarDll" in help_text[help_text.index(".EXAMPLE"):]
    params = build[build.index("param("):build.index("$ErrorActionPreference")]
    assert re.search(r"^\s+\[string\]\$ZbarDll = \"\",", params, re.M)
    pyinstaller, smoke = build.index("PyInstaller\", \"--noconfirm\""), build.index("# 4. smoke test")
    replace = build.index('Copy-Item $ZbarDll "$zbarDir\\libzbar-64.dll" -Force')
    assert pyinstaller < replace < smoke
    assert pyinstaller < build.index("Write-Warning", replace) < smoke  # without it: a warning, the build goes on


def test_win_checks_is_python_with_only_the_standard_library():
    # it runs with a bare Windows Python: the embeddable CPython under Wine, the build venv's python.exe in CI
    source = (WINDOWS / "win_checks.py").read_text(encoding="utf-8-sig")
    tree = ast.parse(source, "win_checks.py", feature_version=(3, 11))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "a relative import"
            imported.add(node.module.partition(".")[0])
    assert imported and imported <= sys.stdlib_module_names, imported - sys.stdlib_module_names
    assert "__import__(" not in source and "importlib" not in imported


def windows_excluded() -> re.Pattern[str]:
    """WINDOWS_EXCLUDED_FILES as the spec writes it (the spec runs only inside PyInstaller, so it is read, not run)."""
    spec = (ROOT / "installer" / "pyinstaller" / "station_app.spec").read_text(encoding="utf-8")
    [pattern] = re.findall(r'WINDOWS_EXCLUDED_FILES = re\.compile\(r"(.+)"\)', spec)
    return re.compile(pattern)


def test_the_windows_bundle_leaves_out_what_nothing_loads_and_keeps_what_the_window_needs():
    """Measured under Wine: software OpenGL (20 MiB) and Qt Quick/QML (13 MiB) are linked by nothing the app loads on
    Windows; Qt Charts links Qt6OpenGL(Widgets), and the window needs the `windows` platform plugin."""
    excluded = windows_excluded()
    for gone in ("PySide6/opengl32sw.dll", "PySide6/Qt6Quick.dll", "PySide6/Qt6Qml.dll", "PySide6/Qt6QmlModels.dll",
                 "PySide6/Qt6QmlMeta.dll", "PySide6/Qt6QmlWorkerScript.dll", "PySide6/plugins/platforms/qdirect2d.dll"):
        assert excluded.search("/" + gone), gone
    for kept in ("PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll", "PySide6/Qt6Charts.dll",
                 "PySide6/Qt6OpenGL.dll", "PySide6/Qt6OpenGLWidgets.dll", "PySide6/Qt6Multimedia.dll",
                 "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
                 "PySide6/plugins/multimedia/ffmpegmediaplugin.dll", "PySide6/QtQuickWidgets.pyd"):
        assert not excluded.search("/" + kept), kept


def test_the_wine_only_dlls_never_reach_the_bundle_or_the_setup():
    """The ICU, ProcessPrng and colour-profile stand-ins exist only for Wine (installer/wine/shims): they go into the
    Wine prefix's system32 and nowhere that ships."""
    build = (ROOT / "scripts" / "build-win-in-wine.sh").read_text(encoding="utf-8")
    assert "B=dist-win/station-app/_internal/pyzbar" in build  # what is added to the bundle after PyInstaller
    shipped = [line for line in build.splitlines() if '"\\$B' in line]
    assert len(shipped) >= 2 and not any("shims" in line or "icu" in line.lower() for line in shipped), shipped
    assert 'cp /src/build/win/shims/*.dll "\\$SYS/"' in build
    iss = (ROOT / "installer" / "windows" / "station-app.iss").read_text(encoding="utf-8-sig")
    assert "shims" not in iss and "icuuc" not in iss
