"""Slips rendered to PDF, rasterised by poppler as a printer would, and read back: the QR and the Vietnamese text."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from station_app.services.common.decoding import decode_image, to_grayscale
from station_app.services.common.slip_pdf import LAYOUTS, render_slip

pytestmark = pytest.mark.tools("pdftoppm")
DPI = 150
PEOPLE = [("Nguyễn Thị Hồng", 1990, "Nữ"), ("Giàng A Sử", 1958, "Nam"), ("Đỗ Thị Ạnh", 2004, "Nữ")]
PAGE_MM = {"a6": (105, 148), "label_62x100": (62, 100), "label_50x80": (50, 80)}
MIN_QR_MM = {"a6": 45, "label_62x100": 33, "label_50x80": 30}


def slip_payload(name: str, year: int) -> str:
    return f"KSK1|0190a3b2-7c1d-7e55-9a0b-3f2e1d0c9b8a|001190012345|{name}|{year}|17|2026-03-05|LC-MK"


def render(folder: Path, size: str, name: str, year: int, sex: str, queue: int = 117) -> Path:
    return render_slip(folder / f"phiếu {size}.pdf", payload=slip_payload(name, year), queue_number=queue,
                       full_name=name, birth_year=year, sex_label=sex,
                       site_name="Trạm Y tế xã Mường Kim, huyện Than Uyên", visit_date=dt.date(2026, 3, 5),
                       size=size)


def rasterise(pdf: Path) -> Path:
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("size", list(LAYOUTS))
@pytest.mark.parametrize("person", PEOPLE, ids=[p[0] for p in PEOPLE])
def test_the_printed_qr_reads_back_and_the_name_is_intact(tmp_path, size, person):
    name, year, sex = person
    pdf = render(tmp_path, size, name, year, sex)
    assert decode_image(rasterise(pdf)) == [slip_payload(name, year)]
    text = text_of(pdf)
    assert name in text
    assert "117" in text and f"Năm sinh: {year} · {sex}" in text and "05/03/2026" in text
    assert "Mường Kim" in text


@pytest.mark.parametrize("size", list(LAYOUTS))
def test_page_size_and_a_qr_big_enough_to_scan(tmp_path, size):
    png = rasterise(render(tmp_path, size, *PEOPLE[0]))
    gray = to_grayscale(png)
    width_mm, height_mm = (px / DPI * 25.4 for px in (gray.width, gray.height))
    assert (round(width_mm), round(height_mm)) == PAGE_MM[size]
    (code,) = zxingcpp.read_barcodes(gray.rows(), formats=zxingcpp.QRCode)
    symbol_mm = (code.position.top_right.x - code.position.top_left.x + 1) / DPI * 25.4  # pixel edges
    assert symbol_mm >= MIN_QR_MM[size]
    assert symbol_mm <= width_mm - 10


@pytest.mark.parametrize("size", list(LAYOUTS))
def test_the_quiet_zone_around_the_qr_is_blank(tmp_path, size):
    png = rasterise(render(tmp_path, size, *PEOPLE[1]))
    gray = to_grayscale(png)
    (code,) = zxingcpp.read_barcodes(gray.rows(), formats=zxingcpp.QRCode)
    p = code.position
    left, right = min(p.top_left.x, p.bottom_left.x), max(p.top_right.x, p.bottom_right.x)
    top, bottom = min(p.top_left.y, p.top_right.y), max(p.bottom_left.y, p.bottom_right.y)
    quiet = round((right - left) / 25 * 4)  # four modules of a version 2+ symbol at most (25+ modules)
    page = Image.frombytes("L", (gray.width, gray.height), gray.data)
    ImageDraw.Draw(page).rectangle((left - 2, top - 2, right + 2, bottom + 2), fill=255)  # the symbol, with
    # its anti-aliased edge pixels: blanked, so what is left of the window around it is the quiet zone
    window = page.crop((max(left - quiet, 0), max(top - quiet, 0), right + quiet, bottom + quiet))
    assert window.getextrema()[0] > 200


def test_a_very_long_name_stays_on_the_label(tmp_path):
    name = "Nguyễn Hoàng Thị Phương Thảo Mai Anh Ngọc Bích Hồng Nhung"
    pdf = render(tmp_path, "label_50x80", name, 1975, "Nữ", queue=1234)
    assert decode_image(rasterise(pdf)) == [slip_payload(name, 1975)]
    text = " ".join(text_of(pdf).split())
    assert "1234" in text and "Nguyễn Hoàng Thị" in text


def test_the_bundled_font_is_embedded(tmp_path):
    pdf = render(tmp_path, "a6", *PEOPLE[2])
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts and "Helvetica" not in fonts


def test_the_pdf_title_names_no_one(tmp_path):
    info = subprocess.run(["pdfinfo", str(render(tmp_path, "a6", *PEOPLE[0]))], capture_output=True, text=True,
                          check=True).stdout
    assert "Phiếu khám số 117" in info and "Nguyễn" not in info


def test_an_unknown_size_is_refused(tmp_path):
    with pytest.raises(ValueError):
        render_slip(tmp_path / "x.pdf", payload="x", queue_number=1, full_name="A", birth_year=2000,
                    sex_label="Nam", site_name="Trạm", visit_date=dt.date(2026, 1, 1), size="a4")


def test_a_saved_copy_cut_off_by_a_full_disk_leaves_no_file_and_the_next_try_takes_the_name(tmp_path, monkeypatch):
    import errno

    from station_app.services.common.slip_pdf import save_slip_copy

    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(b"%PDF-1.4 " + b"x" * 4096)
    real_open = Path.open

    class FullDisk:
        def __init__(self, out):
            self._out = out

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._out.close()

        def write(self, data):
            self._out.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    def opened(self, mode="r", *args, **kwargs):
        out = real_open(self, mode, *args, **kwargs)
        return FullDisk(out) if "x" in mode else out

    monkeypatch.setattr(Path, "open", opened)
    with pytest.raises(OSError):
        save_slip_copy(pdf, tmp_path / "data", visit_date=dt.date(2026, 3, 5), queue_number=17)
    folder = tmp_path / "data" / "phieu-kham" / "2026-03-05"
    assert list(folder.iterdir()) == []  # no cut-off PDF named as the slip
    monkeypatch.setattr(Path, "open", real_open)
    saved = save_slip_copy(pdf, tmp_path / "data", visit_date=dt.date(2026, 3, 5), queue_number=17)
    assert saved.name == "phieu-kham-2026-03-05-so-017.pdf" and saved.read_bytes() == pdf.read_bytes()
