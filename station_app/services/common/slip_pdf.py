"""The visit slip: a big queue number, who it is for, and the QR another laptop scans to pick the visit up.

Printed on A6 paper or on thermal labels (62×100 mm, 50×80 mm). The text uses the bundled DejaVu Sans, the
font the interface shows, because reportlab's built-in Helvetica has no Vietnamese letters. The QR is drawn
as vector squares from qrcode's module matrix (error correction M, a quiet zone of four modules left blank),
so it stays sharp on any printer; its symbol is 50 mm wide on A6 and never under 30 mm.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from station_app.resources import resource

SlipSize = Literal["a6", "label_62x100", "label_50x80"]
FONT, FONT_BOLD = "StationSans", "StationSans-Bold"
QUIET_MODULES = 4
SAVED_SLIPS_FOLDER = "phieu-kham"  # in the data folder: the slips saved as PDF when no printer is used


@dataclass(frozen=True)
class _Layout:
    width: float  # points
    height: float
    margin: float
    qr_side: float  # the symbol itself, without its quiet zone
    header_pt: float
    number_pt: float
    name_pt: float
    detail_pt: float


LAYOUTS: dict[str, _Layout] = {
    "a6": _Layout(105 * mm, 148 * mm, 7 * mm, 50 * mm, 10, 60, 17, 12),
    "label_62x100": _Layout(62 * mm, 100 * mm, 3.5 * mm, 36 * mm, 8, 40, 13, 9.5),
    "label_50x80": _Layout(50 * mm, 80 * mm, 3 * mm, 30 * mm, 7, 30, 11, 8),
}


def render_slip(path: str | Path, *, payload: str, queue_number: int, full_name: str, birth_year: int,
                sex_label: str, site_name: str, visit_date: dt.date, size: SlipSize = "a6") -> Path:
    """Write a one-page slip PDF to ``path`` and return the path. Raises ``ValueError`` for an unknown size."""
    if size not in LAYOUTS:
        raise ValueError(f"unknown slip size {size!r}; one of {', '.join(LAYOUTS)}")
    layout = LAYOUTS[size]
    _register_fonts()
    path = Path(path)
    pdf = Canvas(str(path), pagesize=(layout.width, layout.height), pageCompression=1, initialFontName=FONT,
                 initialFontSize=layout.detail_pt)  # else reportlab names Helvetica in every PDF
    pdf.setTitle(f"Phiếu khám số {queue_number}")  # metadata holds no name: PDFs get indexed and shared
    pdf.setCreator("station-app")
    _draw(pdf, layout, payload=payload, queue_number=queue_number, full_name=full_name, birth_year=birth_year,
          sex_label=sex_label, site_name=site_name, visit_date=visit_date)
    pdf.showPage()
    pdf.save()
    return path


def save_slip_copy(pdf: Path, data_dir: Path, *, visit_date: dt.date, queue_number: int) -> Path:
    """Copy a slip's PDF to ``<data_dir>/phieu-kham/<YYYY-MM-DD>/``, named by date and queue number; an existing
    file is never overwritten (``-2``, ``-3``… is added). Returns the new file."""
    folder = Path(data_dir) / SAVED_SLIPS_FOLDER / f"{visit_date:%Y-%m-%d}"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"phieu-kham-{visit_date:%Y-%m-%d}-so-{queue_number:03d}"
    data = Path(pdf).read_bytes()
    for copy in range(1, 1000):
        target = folder / (f"{stem}.pdf" if copy == 1 else f"{stem}-{copy}.pdf")
        try:
            out = target.open("xb")  # created only if absent, even with two windows saving at once
        except FileExistsError:
            continue
        try:
            with out:
                out.write(data)
        except BaseException:
            target.unlink(missing_ok=True)  # a disk full halfway: no cut-off PDF left under the slip's name
            raise
        return target
    raise FileExistsError(folder / f"{stem}.pdf")


def _draw(pdf: Canvas, layout: _Layout, *, payload: str, queue_number: int, full_name: str, birth_year: int,
          sex_label: str, site_name: str, visit_date: dt.date) -> None:
    inner = layout.width - 2 * layout.margin
    centre = layout.width / 2
    y = layout.height - layout.margin
    for line in _wrap(site_name, FONT_BOLD, layout.header_pt, inner, max_lines=2):
        y -= layout.header_pt * 1.2
        _centred(pdf, line, FONT_BOLD, layout.header_pt, centre, y)
    y -= layout.header_pt * 1.3
    _centred(pdf, f"Ngày khám: {visit_date:%d/%m/%Y}", FONT, layout.header_pt, centre, y)

    y -= layout.header_pt * 1.6
    _centred(pdf, "SỐ THỨ TỰ", FONT_BOLD, layout.detail_pt, centre, y)
    y -= layout.number_pt * 0.95
    _centred(pdf, str(queue_number), FONT_BOLD, _fit(str(queue_number), FONT_BOLD, layout.number_pt, inner),
             centre, y)

    y -= layout.number_pt * 0.2
    name_pt = _fit(full_name, FONT_BOLD, layout.name_pt, inner, smallest=layout.name_pt * 0.75)
    for line in _wrap(full_name, FONT_BOLD, name_pt, inner, max_lines=2):
        y -= name_pt * 1.2
        _centred(pdf, line, FONT_BOLD, name_pt, centre, y)
    y -= layout.detail_pt * 1.4
    _centred(pdf, f"Năm sinh: {birth_year} · {sex_label}", FONT, layout.detail_pt, centre, y)

    room = y - layout.detail_pt * 0.5 - layout.margin  # what is left for the code and its quiet zone
    _draw_qr(pdf, payload, centre, layout.margin, side=layout.qr_side, room=room)


def _draw_qr(pdf: Canvas, payload: str, centre: float, bottom: float, *, side: float, room: float) -> None:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))  # bytes: UTF-8 in byte mode, as the decoders expect
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    module = min(side / count, room / (count + 2 * QUIET_MODULES))  # the quiet zone must fit in the room too
    left = centre - count * module / 2
    top = bottom + (room + count * module) / 2  # centred in the room left under the text
    path = pdf.beginPath()
    for row, cells in enumerate(matrix):
        start = None
        for col, dark in enumerate([*cells, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                # one rectangle per run of dark modules, slightly overlapping rows so no hairline gap prints
                path.rect(left + start * module, top - (row + 1) * module, (col - start) * module, module * 1.02)
                start = None
    pdf.setFillColorRGB(0, 0, 0)
    pdf.drawPath(path, stroke=0, fill=1)


# -- text -----------------------------------------------------------------------------------------------------

@cache
def _register_fonts() -> None:
    """The same TTF files the interface registers with Qt (resources/fonts), embedded in each PDF."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))


def _centred(pdf: Canvas, text: str, font: str, size: float, x: float, y: float) -> None:
    pdf.setFont(font, size)
    pdf.drawCentredString(x, y, text)


def _fit(text: str, font: str, size: float, width: float, smallest: float | None = None) -> float:
    """The largest size up to ``size`` at which ``text`` fits on one line, not under ``smallest``."""
    fits = size * width / max(pdfmetrics.stringWidth(text, font, size), 1e-6)
    return max(min(size, fits), smallest if smallest is not None else 0)


def _wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Words into lines of at most ``width``; the last line is shortened with an ellipsis if need be."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and pdfmetrics.stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    if lines and pdfmetrics.stringWidth(lines[-1], font, size) > width:
        last = lines[-1]
        while last and pdfmetrics.stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines
