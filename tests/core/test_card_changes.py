"""A card against the stored record: what the nurse is asked to take from the card, and what is left alone."""
import datetime as dt

from station_app.core.card_changes import CardRecord, FieldChange, card_changes, insurance_keys, normalise_insurance
from station_app.core.cards import ScanKind, ScanResult
from station_app.core.model import Sex

DUC = CardRecord(full_name="Lò Văn Đức", national_id="011085001234", address="Bản Nà Khương, xã Mường Kim",
                 birth_date=dt.date(1985, 4, 2), sex="male")


def card(**fields) -> ScanResult:
    values = dict(national_id="011085001234", full_name="Lò Văn Đức", birth_date=dt.date(1985, 4, 2),
                  birth_year=1985, sex=Sex.MALE, address="Bản Nà Khương, xã Mường Kim")
    return ScanResult(ScanKind.CCCD, "payload", **{**values, **fields})


def test_a_card_that_says_what_the_record_says_brings_nothing():
    assert card_changes(DUC, card()) == ()


def test_each_field_the_card_says_otherwise_is_offered_with_both_values_in_reading_order():
    scan = card(full_name="Lò Văn Đực", national_id="011085009999", old_id="123456789", birth_date=dt.date(1985, 2, 4),
                sex=Sex.FEMALE, address="Bản Phiêng", insurance_number="DN 4121234567890")
    assert card_changes(DUC, scan) == (
        FieldChange("full_name", "Lò Văn Đức", "Lò Văn Đực"),
        FieldChange("national_id", "011085001234", "011085009999"),
        FieldChange("old_id_number", None, "123456789"),
        FieldChange("insurance_number", None, "DN4121234567890"),
        FieldChange("address", "Bản Nà Khương, xã Mường Kim", "Bản Phiêng"),
        FieldChange("birth_date", "1985-04-02", "1985-02-04"),
        FieldChange("sex", "male", "female"),
    )


def test_what_the_card_leaves_out_never_empties_the_record():
    scan = card(full_name=None, national_id=None, birth_date=None, sex=None, address=None)
    assert card_changes(DUC, scan) == ()
    assert card_changes(DUC, card(sex=Sex.UNKNOWN)) == ()


def test_spelling_spaces_and_marks_alone_are_no_difference_where_the_card_writes_them_otherwise():
    assert card_changes(DUC, card(address="  ban na khuong,  XA MUONG KIM ")) == ()
    assert card_changes(DUC, card(full_name=" Lò  Văn   Đức ")) == ()  # tidied as the record stores names
    decomposed = "Lo\u0300 Va\u0306n \u0110u\u031b\u0301c"  # as some scanners send the marks
    assert card_changes(DUC, card(full_name=decomposed)) == ()


def test_a_stored_social_insurance_number_matches_the_card_code_that_holds_it():
    def insurance_card(number: str) -> ScanResult:
        return card(full_name="Lò Thị Ơn", national_id=None, birth_date=None, sex=None, address=None,
                    insurance_number=number)

    record = CardRecord(full_name="Lò Thị Ơn", insurance_number="0120012345")
    assert card_changes(record, insurance_card("gd4 010 120 012 345")) == ()
    assert card_changes(record, insurance_card("GD4010120099999")) == (
        FieldChange("insurance_number", "0120012345", "GD4010120099999"),)
    assert card_changes(CardRecord(full_name="Lò Thị Ơn", insurance_number="GD4010120012345"),
                        insurance_card("GD4010120012345")) == ()


def test_insurance_numbers_are_compared_without_spaces_or_case():
    assert normalise_insurance(" gd4 0101 ") == "GD40101" and normalise_insurance("  ") is None
    assert insurance_keys("GD4010120012345") == ["GD4010120012345", "0120012345"]
    assert insurance_keys("0120012345") == ["0120012345"] and insurance_keys(None) == []


def test_the_registry_compares_a_stored_row_the_same_way():
    """services.station.registry.scan_changes (what a scan of a known resident offers) reads a stored row's card
    fields into this comparison: a field it failed to carry over would show here."""
    from types import SimpleNamespace

    from station_app.services.station.registry import scan_changes

    records = [DUC, CardRecord(full_name="Lò Thị Ơn", insurance_number="0120012345", sex="female"),
               CardRecord(full_name="Vàng A Dính", old_id_number="012345678", address="Bản Phiêng")]
    scans = [card(), card(full_name="Lò Văn Đực", sex=Sex.FEMALE, old_id="123456789"),
             card(insurance_number="GD4010120012345", address="ban phieng", national_id=None),
             card(full_name=None, national_id=None, birth_date=None, sex=Sex.UNKNOWN, address=None, old_id="012345678")]
    for record in records:
        row = SimpleNamespace(**{name: getattr(record, name) for name in CardRecord.__slots__})
        for scan in scans:
            assert card_changes(record, scan) == tuple(FieldChange(c.field, c.stored, c.scanned)
                                                       for c in scan_changes(row, scan)), (record, scan)
