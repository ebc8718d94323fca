"""The "Build size" section of docs/BENCHMARKS.md: measured from an existing bundle, a note when there is none."""
from __future__ import annotations

from pathlib import Path

from bench.__main__ import Report, markdown
from bench.dist_size import bench_dist_size


def fake_bundle(root: Path) -> Path:
    bundle = root / "dist" / "station-app"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (bundle / "station-app").write_bytes(b"x" * 3000)
    (bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 5000)
    (bundle / "_internal" / "numpy.libs").mkdir()
    (bundle / "_internal" / "numpy.libs" / "libopenblas.so").write_bytes(b"x" * 4000)
    (bundle / "_internal" / "libz.so.1").symlink_to("numpy.libs/libopenblas.so")  # a link adds nothing
    (root / "dist" / "station-app_0.1.0_amd64.deb").write_bytes(b"x" * 100)
    return bundle


def test_no_bundle_gives_a_note_saying_how_to_make_one(tmp_path):
    report = Report(quick=True)
    bench_dist_size(report, bundle=tmp_path / "dist" / "station-app", venv=tmp_path / "venv",
                    windows=tmp_path / "dist-win" / "station-app")
    assert report.figures == []
    assert "make dist" in report.sections["Build size"][0]
    assert "## Build size" in markdown(report, {}, 1.0)


def test_a_bundle_is_measured_with_its_largest_parts_in_the_generated_file(tmp_path):
    bundle = fake_bundle(tmp_path)
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages"
    site.mkdir(parents=True)
    (site / "PySide6.so").write_bytes(b"x" * 24000)
    report = Report(quick=True)
    bench_dist_size(report, bundle=bundle, venv=tmp_path / "venv", windows=tmp_path / "dist-win" / "station-app")
    [figure] = report.figures
    assert figure.ratio == 12000 / 24000 and figure.met is True
    text = markdown(report, {}, 1.0)
    section = text[text.index("## Build size"):text.index("## Notes")]
    assert "in 3 files" in section  # the symbolic link is not a file of its own
    assert section.index("`_internal/PySide6`") < section.index("`_internal/numpy.libs`")  # biggest first
    assert "`libQt6Core.so.6`" in section and "`station-app_0.1.0_amd64.deb`" in section


def test_the_office_edition_is_measured_beside_the_station_one(tmp_path):
    bundle = fake_bundle(tmp_path)
    office = tmp_path / "dist" / "station-app-office"
    office.mkdir()
    (office / "station-app").write_bytes(b"x" * (3 * 2 ** 20))
    report = Report(quick=True)
    bench_dist_size(report, bundle=bundle, venv=tmp_path / "venv", windows=tmp_path / "dist-win" / "station-app")
    section = "\n".join(report.sections["Build size"])
    assert "Office edition `station-app-office`" in section and "3.0 MiB" in section


def test_the_windows_bundle_is_measured_beside_the_linux_one(tmp_path):
    """`make win-dist` builds dist-win/station-app under Wine; its size is a figure of its own, with the Linux one."""
    bundle = fake_bundle(tmp_path)
    windows = tmp_path / "dist-win" / "station-app"
    (windows / "_internal" / "PySide6").mkdir(parents=True)
    (windows / "station-app.exe").write_bytes(b"x" * (2 * 2 ** 20))
    (windows / "station-app-cli.exe").write_bytes(b"x" * (2 * 2 ** 20))
    (windows / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"x" * 2 ** 20)
    (tmp_path / "dist-win" / "station-app-setup-0.2.0.exe").write_bytes(b"x" * 2 ** 20)
    report = Report(quick=True)
    bench_dist_size(report, bundle=bundle, venv=tmp_path / "venv", windows=windows)
    linux, win = report.figures
    assert win.name.startswith("Windows bundle size") and win.value.startswith("5.0 MiB; the Linux bundle")
    assert win.met is True
    section = "\n".join(report.sections["Build size"])
    assert "`station-app-cli.exe`" in section and "`station-app-setup-0.2.0.exe` 1.0 MiB" in section
    assert "Made smaller on Windows" in section
