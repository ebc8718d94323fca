"""Decoding benchmark: webcam-like 1280×720 frames of an ID card's QR, clean and degraded.

Two things are measured in the same run: how much our whole path (``station_app.services.common.decoding`` from a
grayscale frame to a payload list, plus the payload parser when it exists) costs over a bare
``zxingcpp.read_barcodes`` call on the very same frames; and how often each decoder (zxing-cpp, zbar in binary
mode) reads each kind of degraded frame.
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAYLOAD = "001099012345||Nguyễn Văn An|15052002|Nam|Xã Mường Kim, Huyện Than Uyên, Tỉnh Lai Châu|20042021"
DEGRADATIONS = ("clean", "blurred", "rotated 15°", "rotated 45°", "noisy", "low contrast")
TARGET_RATIO = 1.3


def bench_decoding(report: Any, work: Path) -> None:
    """Add the decoding figures to ``report`` (a ``bench.__main__.Report``); ``work`` is unused (no files)."""
    # the module that made the report: ``__main__`` under ``python -m bench``, ``bench.__main__`` when imported
    runner = sys.modules[type(report).__module__]
    Figure, _ms = runner.Figure, runner._ms  # noqa: N806 - a class
    variants, repeats = (6, 3) if report.quick else (20, 5)
    frames = {kind: [webcam_frame(kind, seed) for seed in range(variants)] for kind in DEGRADATIONS}
    _success_rates(report, frames, Figure)
    _path_cost(report, frames, repeats, Figure, _ms)
    _empty_frame_cost(report, repeats * 4, Figure, _ms)


# -- frames ---------------------------------------------------------------------------------------------------

def webcam_frame(kind: str, seed: int) -> Any:
    """A grayscale 1280×720 ``GrayFrame``: a light card holding the QR, on a darker desk, through a cheap lens."""
    import qrcode
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    from station_app.services.common.decoding import GrayFrame

    rng = random.Random(seed)
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=4)
    code.add_data(PAYLOAD.encode("utf-8"))
    module_px = rng.uniform(3.2, 4.2)  # a card at 25-35 cm from a 720p webcam
    qr = code.make_image().get_image().convert("L")
    qr = qr.resize((round(qr.width * module_px),) * 2, Image.Resampling.NEAREST)
    card = Image.new("L", (qr.width + 330, qr.height + 60), 228)
    draw = ImageDraw.Draw(card)
    for line in range(6):  # printed text beside the code
        draw.rectangle((20, 30 + line * 32, 20 + rng.randrange(150, 290), 44 + line * 32), fill=70)
    card.paste(qr, (card.width - qr.width - 20, 30))
    angle = {"rotated 15°": 15.0, "rotated 45°": 45.0}.get(kind, 0.0) + rng.uniform(-3, 3)
    mask = Image.new("L", card.size, 255).rotate(angle, expand=True, fillcolor=0)  # where the card is
    card = card.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC, fillcolor=0)
    frame = Image.linear_gradient("L").resize((1280, 720)).point(lambda v: 60 + v // 4)
    spot = (rng.randrange(40, 1280 - card.width - 40), rng.randrange(20, max(21, 720 - card.height - 20)))
    frame.paste(card, spot, mask)
    frame = frame.filter(ImageFilter.GaussianBlur(1.5 if kind == "blurred" else 0.7))
    if kind == "low contrast":
        frame = frame.point(lambda v: 105 + v * 45 // 255)
    frame = ImageChops.add(frame, _noise(frame.size, 22 if kind == "noisy" else 3, rng), offset=-128)
    return GrayFrame(frame.tobytes(), frame.width, frame.height)


def _noise(size: tuple[int, int], sigma: float, rng: random.Random, mean: int = 128) -> Any:
    """Gaussian sensor noise around ``mean``: a 320×240 tile of ``rng.gauss`` repeated (a whole frame is slow)."""
    from PIL import Image

    tile = Image.new("L", (320, 240))
    tile.putdata([min(255, max(0, round(rng.gauss(mean, sigma)))) for _ in range(320 * 240)])
    noise = Image.new("L", size)
    for x in range(0, size[0], tile.width):
        for y in range(0, size[1], tile.height):
            noise.paste(tile, (x, y))
    return noise


# -- figures --------------------------------------------------------------------------------------------------

def _success_rates(report: Any, frames: dict[str, list[Any]], figure: type) -> None:
    from station_app.services.common.decoding import zbar_payloads, zxing_payloads

    for kind, batch in frames.items():
        zxing = sum(zxing_payloads(f) == [PAYLOAD] for f in batch) / len(batch)
        zbar = sum(zbar_payloads(f) == [PAYLOAD] for f in batch) / len(batch)
        report.add(figure(f"QR read rate, {kind} webcam frames ({len(batch)} frames, 1280×720)",
                          f"zxing-cpp {zxing:.0%}", f"zbar, binary mode {zbar:.0%}", None,
                          "informative: zxing-cpp first, zbar only when it finds nothing", None))


def _path_cost(report: Any, frames: dict[str, list[Any]], repeats: int, figure: type,
               ms: Callable[[float], str]) -> None:
    import zxingcpp

    from station_app.services.common.decoding import decode_image

    parse, label = _parser()
    readable = [f for batch in frames.values() for f in batch
                if [b.text for b in zxingcpp.read_barcodes(f.rows(), formats=zxingcpp.QRCode)]]
    ours, bare = [], []
    for _ in range(repeats):  # alternated frame by frame, so a busy moment of the machine hits both
        for frame in readable:
            ours.append(_time(lambda f=frame: [parse(p) for p in decode_image(f)]))
            bare.append(_time(lambda f=frame: zxingcpp.read_barcodes(f.rows(), formats=zxingcpp.QRCode)))
    ratio = sum(ours) / sum(bare)
    report.add(figure(f"Frame to {label}, our whole path ({len(readable)} frames zxing-cpp reads × {repeats})",
                      f"mean {ms(statistics.fmean(ours))}, p95 {ms(_p95(ours))}",
                      f"mean {ms(statistics.fmean(bare))}, p95 {ms(_p95(bare))} (bare zxingcpp.read_barcodes, "
                      "QR only)", ratio, f"≤ {TARGET_RATIO}× bare", ratio <= TARGET_RATIO))
    report.notes.append(
        f"Decoding path: {label}. Frames are ``GrayFrame`` bytes as the camera widget hands them over (the bare call reads the "
        "same bytes through a 2-D memoryview); the "
        "ratio is the sum of our times over the sum of the bare call's, over frames zxing-cpp reads (on the "
        "others our path also asks zbar, which the next figures price).")


def _empty_frame_cost(report: Any, repeats: int, figure: type, ms: Callable[[float], str]) -> None:
    import zxingcpp

    from station_app.services.common.decoding import decode_image, to_grayscale

    empty = to_grayscale(_noise((1280, 720), 25, random.Random(99), mean=120))  # a desk, no card
    ours, cheap, bare = [], [], []
    for _ in range(repeats):
        ours.append(_time(lambda: decode_image(empty)))
        cheap.append(_time(lambda: decode_image(empty, fallback=False)))
        bare.append(_time(lambda: zxingcpp.read_barcodes(empty.rows(), formats=zxingcpp.QRCode)))
    camera = (3 * statistics.median(cheap) + statistics.median(ours)) / 4
    report.add(figure("No code in view: one frame with the zbar fallback", f"median {ms(statistics.median(ours))}",
                      f"median {ms(statistics.median(bare))} (bare zxingcpp.read_barcodes)",
                      statistics.median(ours) / statistics.median(bare),
                      "informative: the price of the fallback on a miss", None))
    report.add(figure("No code in view: camera average (zbar on every 4th missed frame)", f"{ms(camera)} a frame",
                      f"median {ms(statistics.median(bare))} (bare zxingcpp.read_barcodes)",
                      camera / statistics.median(bare), "informative: frames are skipped while one decodes",
                      None))


def _parser() -> tuple[Callable[[str], object], str]:
    """The payload parser when a colleague's module is there; decoding alone otherwise (and said so)."""
    try:
        from station_app.core.qr_payloads import parse_payload
    except ImportError:
        return (lambda text: text), "payloads (decode only: station_app.core.qr_payloads is missing)"
    today = dt.date.today()
    return (lambda text: parse_payload(text, today)), "parsed identity (decode + qr_payloads.parse_payload)"


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
