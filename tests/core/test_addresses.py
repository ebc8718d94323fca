"""The village and commune read from a card's address line, in the roster's own spelling where it is known."""
from station_app.core.addresses import place_of

COMMUNES = [("03637", "Xã Mường Kim"), ("03640", "Xã Khoen On"), ("03388", "Phường Tân Phong")]


def test_the_village_and_commune_of_a_lai_chau_address():
    place = place_of("Bản Nà Luồng, Xã Mường Kim, Tỉnh Lai Châu", ["Bản Nà Luồng", "Bản Bó Lại"], COMMUNES)
    assert place.village == "Bản Nà Luồng" and place.commune_code == "03637"


def test_the_rosters_spelling_wins_over_the_cards():
    place = place_of("BẢN NÀ LUỒNG, XÃ MƯỜNG KIM, TỈNH LAI CHÂU", ["Bản Nà Luồng"], COMMUNES)
    assert place.village == "Bản Nà Luồng" and place.commune_code == "03637"
    assert place_of("Nà Luồng, Xã Mường Kim", ["Bản Nà Luồng"], COMMUNES).village == "Bản Nà Luồng"
    assert place_of("Thôn Nà Luồng, Xã Mường Kim", ["Bản Nà Luồng"], COMMUNES).village == "Bản Nà Luồng"


def test_an_unknown_village_is_kept_as_printed_and_a_house_number_is_skipped():
    place = place_of("Số 12, Tổ dân phố 3, Phường Tân Phong, Tỉnh Lai Châu", [], COMMUNES)
    assert place.village == "Tổ dân phố 3" and place.commune_code == "03388"


def test_old_district_level_addresses_and_unknown_communes():
    place = place_of("Xã Quảng Phú, Huyện Cư M'gar, Đắk Lắk", [], COMMUNES)
    assert place.village is None and place.commune_code is None
    assert place_of("Thị trấn Khoen On, Huyện Than Uyên", [], COMMUNES).commune_code == "03640"


def test_nothing_is_invented_from_an_empty_or_placeholder_address():
    assert place_of(None) == place_of("") == place_of("Địa chỉ")
    assert place_of("Địa chỉ").village is None and place_of("Hà Nội").commune_code is None


def test_a_commune_printed_without_its_xa_after_the_village():
    place = place_of("Bản Nà Khương, Mường Kim, Than Uyên, Lai Châu", [], COMMUNES)
    assert place.village == "Bản Nà Khương" and place.commune_code == "03637"
