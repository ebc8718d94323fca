"""Draws the app icon (a white cross on a green rounded square) into resources/icons/: PNGs for the Linux menu
(hicolor sizes) and a multi-size .ico for the Windows program and installer. Run once after changing the design:
``python installer/make_icons.py``; the outputs are committed, so builds do not need this step."""
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
GREEN, WHITE = (22, 128, 82, 255), (255, 255, 255, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels, drawn 4x larger and scaled down for smooth edges."""
    big = size * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=GREEN)
    arm, length = big * 0.22, big * 0.64
    lo, hi = (big - length) / 2, (big + length) / 2
    d.rectangle(((big - arm) / 2, lo, (big + arm) / 2, hi), fill=WHITE)
    d.rectangle((lo, (big - arm) / 2, hi, (big + arm) / 2), fill=WHITE)
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (48, 128, 256):
        draw(size).save(OUT / f"station-app-{size}.png")
    draw(256).save(OUT / "station-app.ico", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    main()
