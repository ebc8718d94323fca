"""What an examiner signs: a part is a desk with something recorded, its document holds that desk's fields only
(values as text, marks as attributes), and the conclusion's document puts each part's signature value in the
CKS_NGUOI_KHAM slot after that part's fields, with empty slots for the concluding doctor and the facility."""
import xml.etree.ElementTree as ET

from station_app.core.pl01_answers import AnswerStatus, Pl01Value
from station_app.core.pl01_record import record
from station_app.core.pl01_signing import (conclusion_document, is_examination, part_document, parts_of, slots)
from station_app.services.common.pl01_forms import form

VISIT = "01900000-0000-7000-8000-00000000abcd"


def _record(number=2, **values):
    return record(form(number), {code: value for code, value in values.items()})


def _v(text):
    return Pl01Value("", (text,), AnswerStatus.RECORDED)


def test_parts_are_examination_desks_with_something_recorded_in_the_forms_order():
    rec = _record(HAM_TREN=_v("Bình thường"), CHIEU_CAO=_v("158"), HO_TEN=_v("Tòng Thị Hoa"),
                  BENH_KHAC_MAT=Pl01Value("", (), AnswerStatus.REFUSED, "Không muốn khám"))
    assert parts_of(rec) == ("vitals", "doctor:eyes", "doctor:dental")  # reception is no examiner's part
    assert not is_examination("reception") and not is_examination("conclusion") and is_examination("doctor:ent")


def test_a_parts_document_holds_only_its_desks_fields_with_marks_as_attributes():
    rec = _record(HAM_TREN=_v("Sâu răng <16>"), HAM_DUOI=Pl01Value("", (), AnswerStatus.NOT_DONE, "Trẻ khóc"),
                  CHIEU_CAO=_v("158"))
    root = ET.fromstring(part_document(rec, "doctor:dental", visit_id=VISIT, facility_code="12345",
                                       cchn="000123/LC-CCHN"))
    assert (root.tag, root.get("PHAN"), root.get("MA_LUOT_KHAM"), root.get("CCHN"), root.get("MAU_BIEU")) == (
        "PHAN_KHAM", "doctor:dental", VISIT, "000123/LC-CCHN", "2")
    assert root.findtext("HAM_TREN") == "Sâu răng <16>"
    assert root.find("HAM_DUOI").attrib == {"trang_thai": "not_done", "ly_do": "Trẻ khóc"}
    assert root.find("CHIEU_CAO") is None


def test_each_examiner_slot_holds_the_signature_of_the_part_before_it():
    definition = form(5)  # the seafarers' form repeats CKS_NGUOI_KHAM after each block
    got = dict(slots(definition, ["vitals", "doctor:internal"]))
    assert got[34] == "vitals" and got[39] == "vitals"  # after the height/weight and pulse/pressure blocks
    assert got[47] == "doctor:internal"  # after NOI_KHOA_TIEU_HOA


def test_the_conclusion_document_fills_the_slots_in_place_and_leaves_the_later_signatures_empty():
    definition = form(5)
    rec = record(definition, {"CHIEU_CAO": _v("170"), "MACH": _v("72")})
    base = b'<?xml version="1.0" encoding="utf-8"?><PL01 MAU_BIEU="5"><CHIEU_CAO>170</CHIEU_CAO><MACH>72</MACH></PL01>'
    root = ET.fromstring(conclusion_document(base, definition, visit_id=VISIT, facility_code="12345", version=2,
                                             part_values={"vitals": "SIG-VITALS"}))
    assert (root.get("MA_LUOT_KHAM"), root.get("PHIEN_BAN")) == (VISIT, "2")
    tags = [e.tag for e in root]
    assert tags.index("CKS_NGUOI_KHAM") == tags.index("CHIEU_CAO") + 1  # the slot after the block it signs
    assert root.find("CKS_NGUOI_KHAM").text == "SIG-VITALS"
    assert root.find("CKS_NGUOI_KET_LUAN").text is None and root.find("CKS_BENH_VIEN").text is None
    assert rec.form == 5
