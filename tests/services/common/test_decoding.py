"""Real QR codes (made with qrcode) holding Vietnamese UTF-8, read back by both decoders and by the whole path."""
from __future__ import annotations

import random

import pytest
import qrcode
from PIL import Image, ImageChops, ImageFilter

from station_app.core.errors import ImageUnreadableError, StationError
from station_app.services.common import decoding
from station_app.services.common.decoding import FrameFormat, GrayFrame, decode_frame_bytes, decode_image

CCCD = "001099012345||Nguyễn Văn An|15052002|Nam|Xã Mường Kim, Lai Châu|20042021"
CCCD_2 = "012302004567|062123456|Giàng A Sử|02031985|Nam|Bản Nậm Hàng, Nậm Nhùn, Lai Châu|11072022"
SHORT = ["Đỗ Thị Ạnh", "Sử", "Lò Thị Ơn", "Nguyễn Thị Hồng", "ỹ"]  # zbar left to guess garbles these
DECODERS = {"zxing": decoding.zxing_payloads, "zbar": decoding.zbar_payloads}


def qr_image(text: str, box: int = 6, border: int = 4) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box, border=border)
    code.add_data(text.encode("utf-8"))  # bytes: byte mode, no ECI, as the card printers write them
    return code.make_image().get_image().convert("L")


def on_canvas(*codes: Image.Image, size: tuple[int, int] = (1280, 720), grey: int = 128) -> Image.Image:
    """Codes side by side on a grey frame, as a webcam sees a card held up."""
    canvas = Image.new("L", size, grey)
    x = 80
    for code in codes:
        canvas.paste(code, (x, (size[1] - code.height) // 2))
        x += code.width + 60
    return canvas


def rotated(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, expand=True, fillcolor=128, resample=Image.Resampling.BILINEAR)


def noisy(image: Image.Image, sigma: float, seed: int = 7) -> Image.Image:
    """Gaussian sensor noise (a seeded 320×240 tile repeated: a whole frame of gauss() calls is slow)."""
    rng = random.Random(seed)
    tile = Image.new("L", (320, 240))
    tile.putdata([min(255, max(0, round(128 + rng.gauss(0, sigma)))) for _ in range(320 * 240)])
    noise = Image.new("L", image.size)
    for x in range(0, image.width, tile.width):
        for y in range(0, image.height, tile.height):
            noise.paste(tile, (x, y))
    return ImageChops.add(image, noise, offset=-128)


def low_contrast(image: Image.Image, dark: int = 105, light: int = 150) -> Image.Image:
    return image.point(lambda v: dark + v * (light - dark) // 255)


def gray(image: Image.Image) -> GrayFrame:
    return GrayFrame(image.tobytes(), image.width, image.height)


VARIANTS = {
    "plain": lambda img: img,
    "rotated 15°": lambda img: rotated(img, 15),
    "rotated 45°": lambda img: rotated(img, 45),
    "rotated 180°": lambda img: rotated(img, 180),
    "blurred": lambda img: img.filter(ImageFilter.GaussianBlur(1.5)),
    "noisy": lambda img: noisy(img, 25),
    "low contrast": lambda img: low_contrast(img),
}


@pytest.mark.parametrize("decoder", DECODERS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_both_decoders_read_a_card_in_a_degraded_frame(decoder, variant):
    frame = decoding.to_grayscale(VARIANTS[variant](on_canvas(qr_image(CCCD, box=5))))
    assert DECODERS[decoder](frame) == [CCCD]


@pytest.mark.parametrize("decoder", DECODERS)
@pytest.mark.parametrize("text", SHORT)
def test_short_vietnamese_payloads_are_never_garbled(decoder, text):
    assert DECODERS[decoder](gray(qr_image(text))) == [text]


def test_zbar_binary_mode_is_what_keeps_short_payloads_intact():
    # zbar's own charset guess (pyzbar's plain decode) garbles at least one of these; binary mode none
    from pyzbar import pyzbar
    from pyzbar.wrapper import ZBarSymbol

    guessed = [pyzbar.decode(qr_image(t), symbols=[ZBarSymbol.QRCODE])[0].data.decode("utf-8", "replace")
               for t in SHORT]
    assert guessed != SHORT
    assert [decoding.zbar_payloads(gray(qr_image(t))) for t in SHORT] == [[t] for t in SHORT]


def test_a_very_blurred_frame_is_still_read_through_the_whole_path():
    frame = on_canvas(qr_image(CCCD, box=6)).filter(ImageFilter.GaussianBlur(2.5))
    assert decode_image(frame) == [CCCD]


def test_zbar_is_the_fallback_when_zxing_finds_nothing(monkeypatch):
    monkeypatch.setattr(decoding, "zxing_payloads", lambda gray: [])
    assert decode_image(on_canvas(qr_image(CCCD))) == [CCCD]
    assert decode_image(on_canvas(qr_image(CCCD)), fallback=False) == []


def test_zbar_is_not_asked_when_zxing_reads_the_code(monkeypatch):
    monkeypatch.setattr(decoding, "zbar_payloads", lambda gray: pytest.fail("zbar called"))
    assert decode_image(on_canvas(qr_image(CCCD))) == [CCCD]


@pytest.mark.parametrize("decoder", DECODERS)
def test_two_codes_in_one_frame_give_two_payloads_in_reading_order(decoder):
    frame = gray(on_canvas(qr_image(CCCD, box=4), qr_image(CCCD_2, box=4)))
    assert DECODERS[decoder](frame) == [CCCD, CCCD_2]


def test_the_same_code_twice_in_view_is_one_payload():
    assert decode_image(on_canvas(qr_image(CCCD, box=4), qr_image(CCCD, box=4))) == [CCCD]


def test_a_picture_without_a_code_gives_nothing():
    assert decode_image(GrayFrame(random.Random(3).randbytes(1280 * 720), 1280, 720)) == []
    assert decode_image(Image.new("RGB", (640, 480), (200, 200, 200))) == []


@pytest.mark.parametrize("mode", ["L", "RGB", "RGBA", "P", "1"])
def test_pil_images_of_every_common_mode(mode):
    assert decode_image(on_canvas(qr_image(CCCD)).convert(mode)) == [CCCD]


def test_a_code_on_a_transparent_background():
    code = qr_image(CCCD)
    clear = Image.new("RGBA", code.size, (0, 0, 0, 0))
    clear.putalpha(Image.eval(code, lambda v: 255 - v))  # only the dark modules are opaque (black)
    assert decode_image(clear) == [CCCD]


def test_a_gray_frame_is_read_as_it_is():
    frame = gray(on_canvas(qr_image(CCCD)))
    assert decoding.to_grayscale(frame) is frame
    assert decode_image(frame) == [CCCD]


def test_image_files_by_path(tmp_path):
    for suffix in ("png", "jpg", "bmp"):
        path = tmp_path / f"thẻ căn cước.{suffix}"
        on_canvas(qr_image(CCCD)).convert("RGB").save(path)
        assert decode_image(path) == [CCCD]
        assert decode_image(str(path)) == [CCCD]


@pytest.mark.parametrize("content", [b"", b"not a picture at all", "truncated"])
def test_a_corrupt_file_raises_the_typed_error(tmp_path, content):
    path = tmp_path / "ảnh hỏng.png"
    if content == "truncated":
        on_canvas(qr_image(CCCD)).save(path)
        path.write_bytes(path.read_bytes()[:2000])
    else:
        path.write_bytes(content)
    with pytest.raises(ImageUnreadableError) as caught:
        decode_image(path)
    assert isinstance(caught.value, StationError)
    assert "Hãy chọn tệp ảnh khác" in str(caught.value)


def test_a_missing_file_raises_the_typed_error(tmp_path):
    with pytest.raises(ImageUnreadableError):
        decode_image(tmp_path / "không có.png")


def test_frames_that_are_not_pictures_are_refused():
    with pytest.raises(ValueError):
        GrayFrame(b"\0" * 99, 10, 10)
    with pytest.raises(ValueError):
        GrayFrame(b"\0" * 200, 10, 10)
    with pytest.raises(TypeError):
        decode_image(b"\x89PNG")


def test_grayscale_frame_bytes_with_padded_rows():
    grey = on_canvas(qr_image(CCCD)).tobytes()
    data = memoryview(b"".join(grey[y * 1280:(y + 1) * 1280] + b"\xff" * 64 for y in range(720)))
    assert decoding.frame_to_grayscale(data, 1280, 720, 1280 + 64, "gray8").data == grey
    assert decode_frame_bytes(data, 1280, 720, 1280 + 64, FrameFormat.GRAY8) == [CCCD]


@pytest.mark.parametrize("fmt", [FrameFormat.RGB32, FrameFormat.ARGB32])
def test_rgb32_frame_bytes(fmt):
    grey = on_canvas(qr_image(CCCD))
    bgra = Image.merge("RGBA", (grey, grey, grey, Image.new("L", grey.size, 255)))  # B, G, R, A bytes
    assert decode_frame_bytes(bgra.tobytes(), 1280, 720, 1280 * 4, fmt) == [CCCD]
    assert decoding.frame_to_grayscale(bgra.tobytes(), 1280, 720, 1280 * 4, fmt).data == grey.tobytes()


def test_a_short_frame_buffer_is_refused():
    with pytest.raises(ValueError):
        decode_frame_bytes(b"\0" * 100, 1280, 720, 1280, "gray8")


def test_zxing_text_prefers_utf8_bytes_without_eci_and_zxing_text_with_eci():
    class Fake:
        def __init__(self, raw, text, ident):
            self.bytes, self.text, self.symbology_identifier = raw, text, ident

    assert decoding._zxing_text(Fake("Sử".encode(), "Sç\x94", "]Q1")) == "Sử"  # a wrong Latin-1 guess
    assert decoding._zxing_text(Fake("Sử".encode("cp1258", "replace"), "Sử", "]Q2")) == "Sử"  # ECI says cp1258
    assert decoding._zxing_text(Fake(b"\x81\x40", "　", "]Q1")) == "　"  # not UTF-8: zxing's guess
