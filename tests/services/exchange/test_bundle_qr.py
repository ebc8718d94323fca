"""The office's public bundle imported from the QR picture the office writes (office-bundle.png), a photo of it
(JPEG), or its text as scanned or pasted: the same bundle as the JSON file, with the same checks."""
import json

import pytest
from PIL import Image

from station_app.core.batch_format import OfficeBundleInvalidError
from station_app.services.exchange.keys import StationKeys, is_office_bundle_text
from station_app.services.office.service import init_office

OFFICE_NAME = "Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu"


@pytest.fixture
def office(tmp_path):
    return init_office(tmp_path / "văn phòng", OFFICE_NAME)


def qr_png(path, text: str):
    import qrcode

    qrcode.make(text.encode("utf-8"), border=4, box_size=6).save(str(path))
    return path


def test_the_offices_qr_picture_imports_the_same_bundle_as_its_json_file(tmp_path, office):
    from_json = StationKeys(tmp_path / "trạm 1").import_office_bundle(office.bundle_path)
    keys = StationKeys(tmp_path / "trạm 2")
    from_png = keys.import_office_bundle(office.qr_path)
    assert from_png == from_json and from_png.name == OFFICE_NAME
    assert keys.office_bundle() == from_json
    assert keys.office_bundle_path.read_bytes() == (tmp_path / "trạm 1" / "keys" / "office-bundle.json").read_bytes()


def test_a_jpeg_photo_of_the_qr_imports_too(tmp_path, office):
    photo = tmp_path / "anh chup.jpg"
    Image.open(office.qr_path).convert("RGB").save(photo, quality=85)
    assert StationKeys(tmp_path / "trạm").import_office_bundle(photo).name == OFFICE_NAME


def test_a_qr_of_something_else_is_refused_and_nothing_is_kept(tmp_path):
    other = qr_png(tmp_path / "the-bhyt.png", "DN4010123456789|Lò Thị Mai|12/03/1980")
    keys = StationKeys(tmp_path / "trạm")
    with pytest.raises(OfficeBundleInvalidError) as caught:
        keys.import_office_bundle(other)
    assert "mã QR trong ảnh không phải gói khoá của đơn vị nhận" in caught.value.message()
    assert keys.office_bundle() is None


def test_a_picture_without_a_qr_code_says_what_to_do(tmp_path):
    blank = tmp_path / "trang.png"
    Image.new("L", (200, 200), 255).save(blank)
    with pytest.raises(OfficeBundleInvalidError) as caught:
        StationKeys(tmp_path / "trạm").import_office_bundle(blank)
    assert "không thấy mã QR nào trong ảnh (hãy chọn đúng ảnh office-bundle.png" in caught.value.message()


def test_a_qr_of_a_broken_bundle_gets_the_same_reason_as_the_file(tmp_path, office):
    broken = json.loads(office.bundle_path.read_text(encoding="utf-8"))
    broken["name"] = " "
    text = json.dumps(broken, ensure_ascii=False)
    keys = StationKeys(tmp_path / "trạm")
    with pytest.raises(OfficeBundleInvalidError) as from_image:
        keys.import_office_bundle(qr_png(tmp_path / "hong.png", text))
    with pytest.raises(OfficeBundleInvalidError) as from_text:
        keys.import_office_bundle_text(text)
    assert from_image.value.message() == from_text.value.message()
    assert "thiếu tên đơn vị nhận" in from_text.value.message()
    assert keys.office_bundle() is None


def test_scanned_or_pasted_bundle_text_imports_and_is_recognised(tmp_path, office):
    text = office.bundle_path.read_text(encoding="utf-8")
    assert is_office_bundle_text(text)
    assert not is_office_bundle_text("DN4010123456789|Lò Thị Mai")
    assert not is_office_bundle_text('{"format":"station-key/1"}')
    assert StationKeys(tmp_path / "trạm").import_office_bundle_text(text).name == OFFICE_NAME


def test_the_office_qr_holds_one_line_so_a_keyboard_mode_scanner_types_it_in_one_burst(tmp_path):
    from station_app.services.common.decoding import decode_image
    from station_app.services.office.service import init_office

    made = init_office(tmp_path / "office", "TTKSBT tỉnh Lai Châu")
    [text] = decode_image(made.qr_path)
    assert "\n" not in text and "\r" not in text and json.loads(text)["format"] == "office-bundle/1"
