"""Reading QR codes from pictures: camera frames, image files, pasted screenshots.

zxing-cpp reads first (faster, and reads blurrier frames); zbar is the fallback when zxing finds nothing. zbar
runs in binary mode only: left to guess, it garbles short Vietnamese UTF-8 payloads (39 % of tries measured
here). pyzbar 0.1.9 cannot switch that mode on, so ``_zbar_payloads`` drives libzbar through pyzbar's ctypes
wrapper itself and decodes the raw bytes as UTF-8.

Threading contract: every function here is pure and thread-safe (each call makes its own zbar scanner), so the
UI may run them on its CPU pool. Payloads are never logged.

Pictures travel as ``GrayFrame`` (8-bit gray bytes, no row padding), so decoding needs no numpy: zxing-cpp reads a
2-D memoryview of the bytes, libzbar the bytes themselves, and Pillow does any colour conversion in C.
"""
from __future__ import annotations

import ctypes
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from station_app.core.errors import ImageUnreadableError

ImageLike = Any  # GrayFrame, PIL image, or a path (str / os.PathLike)


@dataclass(frozen=True)
class GrayFrame:
    """A grayscale picture: ``width × height`` bytes, one per pixel, row after row with no padding."""

    data: bytes = field(repr=False)  # a megabyte per camera frame: kept out of reprs and test reports
    width: int
    height: int

    def __post_init__(self) -> None:
        if len(self.data) != self.width * self.height:
            raise ValueError(f"{len(self.data)} bytes of pixels for a {self.width} × {self.height} frame")

    @classmethod
    def from_rows(cls, data: bytes | memoryview, width: int, height: int, bytes_per_line: int) -> GrayFrame:
        """A frame from rows ``bytes_per_line`` apart (Qt pads each row to 4 bytes): the padding is left out."""
        if len(data) < bytes_per_line * height:
            raise ValueError(f"frame buffer of {len(data)} bytes is too small for {height} × {bytes_per_line}")
        if bytes_per_line == width:
            return cls(bytes(data[: width * height]), width, height)
        rows = memoryview(data)
        return cls(b"".join(rows[y * bytes_per_line: y * bytes_per_line + width] for y in range(height)),
                   width, height)

    def rows(self) -> memoryview:
        """The pixels as a 2-D (height × width) buffer, as zxing-cpp reads them; no copy."""
        return memoryview(self.data).cast("B", (self.height, self.width))


class FrameFormat(StrEnum):
    """Pixel layouts of camera frames (the names of Qt's QImage formats, without importing Qt)."""

    GRAY8 = "gray8"
    RGB32 = "rgb32"  # 0xffRRGGBB words: bytes B, G, R, A on little-endian machines
    ARGB32 = "argb32"  # same byte layout as RGB32


@dataclass(frozen=True)
class _Found:
    text: str
    top: float
    left: float


def decode_image(image: ImageLike, *, fallback: bool = True) -> list[str]:
    """Every distinct QR payload in ``image``, in reading order (top to bottom, then left to right).

    Raises ``ImageUnreadableError`` for a file that is missing, corrupt or not a picture. ``fallback=False``
    skips zbar (for a caller that retries on the next frame anyway).
    """
    gray = to_grayscale(image)
    found = zxing_payloads(gray)
    if not found and fallback:
        found = zbar_payloads(gray)
    return found


def decode_frame_bytes(data: bytes | memoryview, width: int, height: int, bytes_per_line: int,
                       fmt: FrameFormat | str, *, fallback: bool = True) -> list[str]:
    """``decode_image`` on a raw camera frame whose rows are ``bytes_per_line`` apart."""
    return decode_image(frame_to_grayscale(data, width, height, bytes_per_line, fmt), fallback=fallback)


def frame_to_grayscale(data: bytes | memoryview, width: int, height: int, bytes_per_line: int,
                       fmt: FrameFormat | str) -> GrayFrame:
    """The gray frame of a raw camera frame; 32-bit frames are converted by Pillow (BT.601 luma)."""
    fmt = FrameFormat(fmt)
    if fmt is FrameFormat.GRAY8:
        return GrayFrame.from_rows(data, width, height, bytes_per_line)
    if len(data) < bytes_per_line * height:
        raise ValueError(f"frame buffer of {len(data)} bytes is too small for {height} × {bytes_per_line}")
    from PIL import Image

    rgb = Image.frombuffer("RGB", (width, height), bytes(data), "raw", "BGRX", bytes_per_line, 1)
    return _pil_to_frame(rgb.convert("L"))


def to_grayscale(image: ImageLike) -> GrayFrame:
    """The gray frame of any accepted picture; a ``GrayFrame`` is returned as it is."""
    if isinstance(image, GrayFrame):
        return image
    if isinstance(image, (str, os.PathLike)):
        image = _open(image)
    from PIL import Image

    if isinstance(image, Image.Image):
        return _pil_to_gray(image)
    raise TypeError(f"not a picture: {type(image).__name__}")


def zxing_payloads(gray: GrayFrame) -> list[str]:
    """What zxing-cpp reads in a grayscale picture (QR codes only)."""
    import zxingcpp

    found = [_Found(_zxing_text(b), *_top_left((p.x, p.y) for p in _corners(b.position)))
             for b in zxingcpp.read_barcodes(gray.rows(), formats=zxingcpp.QRCode) if b.valid]
    return _distinct(found)


def zbar_payloads(gray: GrayFrame) -> list[str]:
    """What zbar reads in a grayscale picture, in binary mode, the bytes decoded as UTF-8."""
    from pyzbar import wrapper as zb

    pixels = gray.data  # held here while zbar reads it: the pointer below does not keep it alive
    scanner = zb.zbar_image_scanner_create()
    image = zb.zbar_image_create()
    try:
        zb.zbar_image_scanner_set_config(scanner, zb.ZBarSymbol.NONE, zb.ZBarConfig.CFG_ENABLE, 0)
        zb.zbar_image_scanner_set_config(scanner, zb.ZBarSymbol.QRCODE, zb.ZBarConfig.CFG_ENABLE, 1)
        zb.zbar_image_scanner_set_config(scanner, zb.ZBarSymbol.QRCODE, _zbar_binary_config(), 1)
        zb.zbar_image_set_format(image, _fourcc("Y800"))
        zb.zbar_image_set_size(image, gray.width, gray.height)
        zb.zbar_image_set_data(image, ctypes.cast(pixels, ctypes.c_void_p), len(pixels), None)
        if zb.zbar_scan_image(scanner, image) < 0:
            raise RuntimeError("zbar refused the image")
        found = [_zbar_found(zb, symbol) for symbol in _zbar_symbols(zb, image)]
    finally:
        zb.zbar_image_destroy(image)  # the bytes stay ours: zbar was given no cleanup handler
        zb.zbar_image_scanner_destroy(scanner)
    return _distinct(found)


# -- pictures -------------------------------------------------------------------------------------------------

def _open(path: str | os.PathLike[str]) -> Any:
    from PIL import Image

    try:
        with Image.open(path) as opened:
            opened.load()  # PIL reads lazily; a truncated file fails here, not later in a worker
            return opened.copy()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        # SyntaxError: how PIL reports some broken PNG chunks
        raise ImageUnreadableError(path=os.fspath(path), reason=type(exc).__name__) from exc


def _pil_to_gray(image: Any) -> GrayFrame:
    from PIL import Image

    if image.mode == "L":
        return _pil_to_frame(image)
    if "A" in image.getbands() or "transparency" in image.info:
        # a QR drawn on a transparent background: black on nothing must become black on white
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return _pil_to_frame(image.convert("L"))


def _pil_to_frame(gray: Any) -> GrayFrame:
    return GrayFrame(gray.tobytes(), gray.width, gray.height)


# -- results --------------------------------------------------------------------------------------------------

def _zxing_text(barcode: Any) -> str:
    """Cards write UTF-8 without an ECI marker, and zxing must then guess the charset: trust the bytes.

    With an ECI marker (e.g. Windows-1258) zxing's transcoded text is right; bytes that are not UTF-8 keep
    zxing's guess too.
    """
    has_eci = barcode.symbology_identifier[-1:] in ("2", "4", "6")  # ]Q2/]Q4/]Q6: ECI present (ISO 18004)
    if not has_eci:
        try:
            return barcode.bytes.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return barcode.text


def _corners(position: Any) -> tuple[Any, ...]:
    return position.top_left, position.top_right, position.bottom_right, position.bottom_left


def _top_left(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    xs, ys = zip(*points, strict=True)
    return min(ys), min(xs)


def _distinct(found: list[_Found]) -> list[str]:
    """One entry per payload, in reading order: rows of codes (a code's height apart) left to right."""
    ordered = sorted(found, key=lambda f: (round(f.top / 64), f.left, f.text))
    seen: dict[str, None] = {}
    for item in ordered:
        seen.setdefault(item.text, None)
    return list(seen)


# -- libzbar through pyzbar's ctypes wrapper --------------------------------------------------------------------

@cache
def _zbar_binary_config() -> int:
    """ZBAR_CFG_BINARY's number, asked from libzbar itself (pyzbar 0.1.9 predates it; it is 4 in zbar 0.23)."""
    from pyzbar import wrapper as zb

    symbol, config, value = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    if zb.zbar_parse_config(b"qrcode.binary", ctypes.byref(symbol), ctypes.byref(config), ctypes.byref(value)):
        raise RuntimeError("this libzbar has no binary mode (zbar 0.23 or later is needed)")
    return config.value


def _fourcc(code: str) -> int:
    a, b, c, d = (ord(ch) for ch in code)
    return a | b << 8 | c << 16 | d << 24


def _zbar_symbols(zb: Any, image: Any) -> Iterable[Any]:
    symbol = zb.zbar_image_first_symbol(image)
    while symbol:
        yield symbol
        symbol = zb.zbar_symbol_next(symbol)


def _zbar_found(zb: Any, symbol: Any) -> _Found:
    raw = ctypes.string_at(zb.zbar_symbol_get_data(symbol), zb.zbar_symbol_get_data_length(symbol))
    # Not UTF-8: keep it visible as broken (U+FFFD) so the parser flags it, rather than dropping a code in view
    text = raw.decode("utf-8", errors="replace")
    points = [(zb.zbar_symbol_get_loc_x(symbol, i), zb.zbar_symbol_get_loc_y(symbol, i))
              for i in range(zb.zbar_symbol_get_loc_size(symbol))]
    return _Found(text, *_top_left(points)) if points else _Found(text, 0.0, 0.0)
