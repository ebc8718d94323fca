"""The office bundle import at the station with hostile or broken input: a file of hundreds of megabytes picked by
mistake, text nested thousands deep (scanned, pasted or in a file), and a picture whose first QR code is a broken
bundle beside the genuine one: refused with a message, never a crash, and nothing genuine skipped."""
import json
import tracemalloc

import pytest
from PIL import Image

from station_app.core.batch_format import OfficeBundleInvalidError
from station_app.services.exchange.keys import StationKeys, is_office_bundle_text
from station_app.services.office.service import init_office

DEEP = '{"format": "office-bundle/1", "name": ' + "[" * 100_000 + "]" * 100_000 + "}"


@pytest.fixture
def office(tmp_path):
    return init_office(tmp_path / "văn phòng", "Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu")


def test_text_nested_thousands_deep_is_not_a_bundle_and_is_refused_with_a_message(tmp_path):
    assert is_office_bundle_text(DEEP) is False
    keys = StationKeys(tmp_path / "trạm")
    with pytest.raises(OfficeBundleInvalidError):
        keys.import_office_bundle_text(DEEP)
    (tmp_path / "office-bundle.json").write_text(DEEP)
    with pytest.raises(OfficeBundleInvalidError):
        keys.import_office_bundle(tmp_path / "office-bundle.json")
    assert keys.office_bundle() is None


def test_a_huge_file_picked_by_mistake_is_refused_without_reading_it_all(tmp_path):
    huge = tmp_path / "phim.json"
    with open(huge, "wb") as fh:  # 300 MB that takes no room (a sparse file)
        fh.truncate(300 * 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(OfficeBundleInvalidError) as info:
            StationKeys(tmp_path / "trạm").import_office_bundle(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "quá lớn" in str(info.value)
    assert peak < 8 * 2**20


def qr(text: str) -> Image.Image:
    import qrcode

    return qrcode.make(text.encode("utf-8"), border=4, box_size=4).get_image().convert("L")


def test_a_broken_bundle_beside_the_genuine_one_in_a_picture_does_not_hide_it(tmp_path, office):
    genuine = office.bundle_path.read_text(encoding="utf-8")
    broken = json.dumps({**json.loads(genuine), "age_recipient": "age1 cắt mất một nửa"}, ensure_ascii=False)
    left, right = qr(broken), qr(genuine)
    for first, second in ((left, right), (right, left)):
        picture = Image.new("L", (first.width + second.width, max(first.height, second.height)), 255)
        picture.paste(first, (0, 0))
        picture.paste(second, (first.width, 0))
        path = tmp_path / "hai-ma.png"
        picture.save(path)
        bundle = StationKeys(tmp_path / "trạm").import_office_bundle(path)
        assert bundle.name == json.loads(genuine)["name"]
