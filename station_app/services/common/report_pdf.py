"""The layout every printed list and report shares: A4, a header band, "Trang x/y", tables that stay fast.

    report = Report(ReportHeader(title="DANH SÁCH KHÁM NGÀY 23/11/2026", site=..., commune=..., campaign=...,
                                 period="Ngày 23/11/2026", printed_by="Lò Văn Thắng"))
    report.table([Column("STT", 12, "RIGHT"), Column("Họ và tên", 45)], rows)
    report.totals([("Đã đăng ký", "120"), ("Đã khám xong", "98")])
    pages = report.write(path)

Every page carries the site, commune, campaign and period at the top, and the printing user, the time and
"Trang x/y" at the bottom (a two-pass canvas: the page count is known only when the last page is laid out).
Text is DejaVu Sans, the font the interface shows, embedded in the file (slip_pdf registers it once).

Why ``_PagedTable``: one reportlab ``Table`` of many rows is split page by page, and each split lays out all
the rows left again, so 10,000 rows took 7 s where 1,000 took a fraction of a second. ``_PagedTable`` hands
reportlab only one page's worth of rows at a time (with the header row), so the work grows with the rows.
Long names and addresses (and column headings) are wrapped here into lines of plain text: a ``Paragraph`` per
cell would cost ten times more to lay out.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape as landscape_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from station_app.services.common.slip_pdf import FONT, FONT_BOLD, _register_fonts

MARGIN = 12 * mm
HEADER_SPACE = 14 * mm  # the band drawn on every page above the frame
FOOTER_SPACE = 10 * mm
BODY_PT = 8.0
HEADER_PT = 7.5
PADDING = 2.0
PORTRAIT_WIDTH = A4[0] - 2 * MARGIN
LANDSCAPE_WIDTH = A4[1] - 2 * MARGIN
_GRID = colors.Color(0.55, 0.55, 0.55)
_HEAD_FILL = colors.Color(0.9, 0.92, 0.95)


@dataclass(frozen=True)
class ReportHeader:
    """What the top and bottom of every page say. ``printed_at`` is local time (the time on the wall)."""

    title: str
    site: str
    commune: str
    campaign: str
    period: str  # e.g. "Ngày 23/11/2026" or "Từ 01/03/2026 đến 23/11/2026"
    printed_by: str
    printed_at: dt.datetime = field(default_factory=dt.datetime.now)
    subtitle: str | None = None  # a line under the title, e.g. the filters applied


@dataclass(frozen=True)
class Column:
    """A table column: its heading, its width in millimetres (scaled to fill the page), its alignment."""

    title: str
    width_mm: float
    align: str = "LEFT"  # LEFT, RIGHT or CENTER


class Report:
    """A document built block by block, then written once with ``write``."""

    def __init__(self, header: ReportHeader, landscape: bool | None = None) -> None:
        """``landscape`` None: landscape when a table is wider than a portrait page."""
        _register_fonts()
        self.header = header
        self._landscape = landscape
        self._wide = False
        self._story: list[Flowable] = []
        self._styles = _styles()

    @property
    def landscape(self) -> bool:
        return self._wide if self._landscape is None else self._landscape

    @property
    def frame_width(self) -> float:
        return LANDSCAPE_WIDTH if self.landscape else PORTRAIT_WIDTH

    def heading(self, text: str) -> None:
        self._story.append(Paragraph(escape(text), self._styles["heading"]))

    def paragraph(self, text: str) -> None:
        self._story.append(Paragraph(escape(text), self._styles["body"]))

    def spacer(self, height_mm: float = 3) -> None:
        self._story.append(Spacer(1, height_mm * mm))

    def page_break(self) -> None:
        self._story.append(PageBreak())

    def flowable(self, item: Flowable) -> None:
        """Any reportlab flowable (a chart ``Drawing``, an image) in the flow of the document."""
        self._story.append(item)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]], *, padding: float = PADDING,
              empty_text: str = "Không có dòng nào.") -> None:
        """Rows of cell texts (``None`` prints empty), header row repeated on every page it runs over."""
        if sum(c.width_mm for c in columns) * mm > PORTRAIT_WIDTH + 0.5:
            self._wide = True
        if not rows:
            self.paragraph(empty_text)
            return
        self._story.append(_PagedTable(self, columns, rows, padding))

    def totals(self, pairs: Sequence[tuple[str, str]], title: str = "Tổng hợp") -> None:
        """A small two-column table of label and figure, kept on one page."""
        cells = [[Paragraph(escape(label), self._styles["body"]), value] for label, value in pairs]
        table = Table(cells, colWidths=[70 * mm, 30 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, BODY_PT + 1),
                                   ("FONT", (1, 0), (1, -1), FONT_BOLD, BODY_PT + 1),
                                   ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.25, _GRID)]))
        self._story.append(KeepTogether([Spacer(1, 4 * mm), Paragraph(escape(title), self._styles["heading"]),
                                         table]))

    def write(self, path: str | Path) -> int:
        """Lay the document out and write it to ``path``; returns the number of pages.

        Raises ``OSError`` when the file cannot be written (a full disk, a read-only folder)."""
        path = Path(path)
        pagesize = landscape_of(A4) if self.landscape else A4
        doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=MARGIN + HEADER_SPACE, bottomMargin=MARGIN + FOOTER_SPACE,
                                title=self.header.title, author="station-app", creator="station-app",
                                initialFontName=FONT, initialFontSize=BODY_PT, pageCompression=1)
        title = [Paragraph(escape(self.header.title), self._styles["title"])]
        if self.header.subtitle:
            title.append(Paragraph(escape(self.header.subtitle), self._styles["subtitle"]))
        pages: list[int] = []
        maker = partial(_NumberedCanvas, header=self.header, page_count=pages)
        doc.build([*title, Spacer(1, 2 * mm), *self._story], canvasmaker=maker)
        return pages[0] if pages else 0

    # -- used by _PagedTable ---------------------------------------------------------------------------------

    def _column_widths(self, columns: Sequence[Column]) -> list[float]:
        total = sum(c.width_mm for c in columns)
        return [self.frame_width * c.width_mm / total for c in columns]

    def _cell(self, value: Any, width: float, align: str) -> str:
        text = "" if value is None else str(value)
        room = width - 2 * PADDING - 0.5
        if "\n" not in text and _width(text) <= room:
            return text
        return "\n".join(line for part in text.split("\n") for line in _wrap(part, room))

    def _header_cell(self, title: str, width: float, align: str) -> str:
        return "\n".join(_wrap(title, width - 2 * PADDING - 0.5, FONT_BOLD))


class _PagedTable(Flowable):
    """A long table given to reportlab one page at a time (see the module docstring for why)."""

    def __init__(self, report: Report, columns: Sequence[Column], rows: Sequence[Sequence[Any]], padding: float,
                 start: int = 0) -> None:
        super().__init__()
        self._report, self._columns, self._rows, self._padding, self._start = report, columns, rows, padding, start
        self._table: Table | None = None

    def _capacity(self, height: float) -> int:
        """More rows than can fit in ``height`` (each row is at least one line high)."""
        return int(height / (BODY_PT * 1.2 + 2 * self._padding)) + 2

    def _make(self, stop: int) -> Table:
        report, widths = self._report, self._report._column_widths(self._columns)
        aligns = [c.align for c in self._columns]
        head = [report._header_cell(c.title, w, c.align) for c, w in zip(self._columns, widths)]
        body = [[report._cell(v, w, a) for v, w, a in zip(row, widths, aligns)]
                for row in self._rows[self._start:stop]]
        table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(_table_style(aligns, self._padding))
        return table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if len(self._rows) - self._start > self._capacity(available_height):
            self._table = None
            return available_width, available_height + 1  # cannot all fit: reportlab calls split
        self._table = self._make(len(self._rows))
        return self._table.wrap(available_width, available_height)

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        stop = min(len(self._rows), self._start + self._capacity(available_height))
        table = self._make(stop)
        table.wrap(available_width, available_height)
        parts = table.split(available_width, available_height)
        if not parts:
            return []  # not one row fits under what is already on the page: the next page
        used = len(parts[0]._cellvalues) - 1
        if len(parts) == 1 and parts[0] is table:
            used = stop - self._start
        if used <= 0:
            return []
        rest = self._start + used
        following = [_PagedTable(self._report, self._columns, self._rows, self._padding, rest)] \
            if rest < len(self._rows) else []
        return [parts[0], *following]


def _table_style(aligns: Sequence[str], padding: float) -> TableStyle:
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, BODY_PT), ("FONT", (0, 0), (-1, 0), FONT_BOLD, BODY_PT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, _GRID),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [("ALIGN", (i, 0), (i, -1), a) for i, a in enumerate(aligns) if a != "LEFT"]
    return TableStyle(commands)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=BODY_PT + 1, leading=(BODY_PT + 1) * 1.25)
    styles = {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", base, alignment=TA_CENTER, spaceBefore=2),
        "heading": ParagraphStyle("heading", base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=4,
                                  spaceAfter=2),
    }
    return styles


class _NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws the header band and "Trang x/y" on every one."""

    def __init__(self, *args: Any, header: ReportHeader, page_count: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header, self._page_count = header, page_count
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_band(total)
            super().showPage()
        self._page_count.append(total)
        super().save()

    def _draw_band(self, total: int) -> None:
        h = self._header
        width, height = self._pagesize
        top, bottom = height - MARGIN, MARGIN
        self.setFillColor(colors.black)
        self.setFont(FONT_BOLD, HEADER_PT)
        self.drawString(MARGIN, top - HEADER_PT, _clip(f"{h.site} — {h.commune}", FONT_BOLD, (width - 2 * MARGIN) * 0.6))
        self.setFont(FONT, HEADER_PT)
        self.drawString(MARGIN, top - 2.3 * HEADER_PT, _clip(h.campaign, FONT, (width - 2 * MARGIN) * 0.6))
        self.drawRightString(width - MARGIN, top - HEADER_PT, _clip(h.period, FONT, (width - 2 * MARGIN) * 0.38))
        self.setStrokeColor(_GRID)
        self.setLineWidth(0.5)
        self.line(MARGIN, top - HEADER_SPACE + 4 * mm, width - MARGIN, top - HEADER_SPACE + 4 * mm)
        self.line(MARGIN, bottom + FOOTER_SPACE - 3 * mm, width - MARGIN, bottom + FOOTER_SPACE - 3 * mm)
        printed = f"In bởi: {h.printed_by} lúc {h.printed_at:%H:%M %d/%m/%Y}"
        self.drawString(MARGIN, bottom + FOOTER_SPACE - 3 * mm - 1.3 * HEADER_PT, printed)
        self.drawRightString(width - MARGIN, bottom + FOOTER_SPACE - 3 * mm - 1.3 * HEADER_PT,
                             f"Trang {self._pageNumber}/{total}")


@lru_cache(maxsize=100_000)
def _width(text: str, font: str = FONT) -> float:
    """Width at the body size; cached, since village names, groups and given names come back on every page."""
    return stringWidth(text, font, BODY_PT)


def _wrap(text: str, room: float, font: str = FONT) -> list[str]:
    """Words into lines no wider than ``room``; a word longer than a line is cut where it must be.

    Cells get lines joined by newlines, which a Table lays out as plain text: a tenth of a Paragraph's cost."""
    lines: list[str] = []
    line, used, space = "", 0.0, _width(" ", font)
    for word in text.split():
        size = _width(word, font)
        while size > room:  # a household code or a number with no space in it
            cut = max(1, int(len(word) * room / size))
            while cut > 1 and _width(word[:cut], font) > room:
                cut -= 1
            if line:
                lines.append(line)
                line, used = "", 0.0
            lines.append(word[:cut])
            word = word[cut:]
            size = _width(word, font)
        if line and used + space + size <= room:
            line, used = f"{line} {word}", used + space + size
        else:
            if line:
                lines.append(line)
            line, used = word, size
    return [*lines, line] if line or not lines else lines


def _clip(text: str, font: str, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` at the header's size."""
    if stringWidth(text, font, HEADER_PT) <= width:
        return text
    while text and stringWidth(text + "…", font, HEADER_PT) > width:
        text = text[:-1]
    return text.rstrip() + "…"
