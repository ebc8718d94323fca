"""What examiners sign in a visit's PL01 record (QĐ 1551: CKS_NGUOI_KHAM, CKS_NGUOI_KET_LUAN), as XML documents.

A *part* is an examination desk of the visit's form (the vital signs, the laboratory, each doctor's specialty) with
at least one field recorded (a value, or a refusal / "not done" mark). Its document is

    <PHAN_KHAM MAU_BIEU="2" PHAN="vitals" MA_LUOT_KHAM="<visit id>" MA_CSKCB="<facility>" CCHN="<licence>">
      <CHIEU_CAO>158</CHIEU_CAO> … </PHAN_KHAM>

one element per field of that desk as the record's XML writes it (a value as text; a mark as the attributes
``trang_thai`` and ``ly_do``). The *conclusion* document is the whole record's XML with ``MA_LUOT_KHAM``,
``MA_CSKCB`` and ``PHIEN_BAN`` on ``<PL01>``, each ``CKS_NGUOI_KHAM`` slot holding the signature value of the part
whose fields precede it, and empty ``CKS_NGUOI_KET_LUAN`` / ``CKS_BENH_VIEN`` (signed later, by the concluding
doctor and the facility). Reception, the automatic fields and the facility's codes are nobody's examination: they
are signed with the whole record by the concluding doctor. Pure: stdlib ElementTree only.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01 import FormDefinition
from station_app.core.pl01_answers import AnswerStatus
from station_app.core.pl01_record import LAB_DESK, LAB_GROUP, Pl01Record, RecordEntry

PART_ELEMENT = "PHAN_KHAM"
CONCLUSION_PART = "ket_luan"  # the ``part`` of a conclusion signature
PART_SIGNATURE_ID = "cks-nguoi-kham"
CONCLUSION_SIGNATURE_ID = "cks-nguoi-ket-luan"
EXAMINER_SLOT, CONCLUDER_SLOT, FACILITY_SLOT = "CKS_NGUOI_KHAM", "CKS_NGUOI_KET_LUAN", "CKS_BENH_VIEN"
_NOT_EXAMINATIONS = frozenset({"", "reception", "automatic", "facility", "conclusion", "counselling"})
_RECORDED_MARKS = frozenset({AnswerStatus.REFUSED, AnswerStatus.NOT_DONE})

# What each part is called on screen (a doctor's specialty not listed here shows its desk name)
PART_LABELS: dict[str, str] = {
    "vitals": QT_TRANSLATE_NOOP("signing", "Thể lực, sinh hiệu"),
    "laboratory": QT_TRANSLATE_NOOP("signing", "Cận lâm sàng"),
    "doctor:internal": QT_TRANSLATE_NOOP("signing", "Khám nội khoa"),
    "doctor:eyes": QT_TRANSLATE_NOOP("signing", "Khám mắt"),
    "doctor:ent": QT_TRANSLATE_NOOP("signing", "Khám tai mũi họng"),
    "doctor:dental": QT_TRANSLATE_NOOP("signing", "Khám răng hàm mặt"),
    "doctor:obgyn": QT_TRANSLATE_NOOP("signing", "Khám phụ sản"),
    "doctor:surgery": QT_TRANSLATE_NOOP("signing", "Khám ngoại khoa"),
    "doctor:skin": QT_TRANSLATE_NOOP("signing", "Khám da liễu"),
    CONCLUSION_PART: QT_TRANSLATE_NOOP("signing", "Kết luận"),
}


def is_examination(desk: str) -> bool:
    """Whether fields recorded at ``desk`` are an examiner's part (signed as CKS_NGUOI_KHAM)."""
    return desk not in _NOT_EXAMINATIONS


def _recorded(entry: RecordEntry) -> bool:
    return entry.value is not None or entry.status in _RECORDED_MARKS


def parts_of(rec: Pl01Record) -> tuple[str, ...]:
    """The examination desks of the record with at least one recorded field, in the form's order."""
    found: dict[str, None] = {}
    for e in rec.entries:
        if is_examination(e.field.desk) and _recorded(e):
            found.setdefault(e.field.desk)
    if rec.lab_rows:
        found.setdefault(LAB_DESK)
    order = {f.desk: f.tt for f in reversed([*(e.field for e in rec.entries), *rec.lab_fields])}
    return tuple(sorted(found, key=lambda d: order.get(d, 0)))


def _entry_element(parent: ET.Element, e: RecordEntry) -> None:
    element = ET.SubElement(parent, e.code)
    if e.value is not None:
        element.text = e.value
    elif e.status in _RECORDED_MARKS or e.status == AnswerStatus.BEFORE_1551:
        element.set("trang_thai", str(e.status))
        if e.reason:
            element.set("ly_do", e.reason)


def part_document(rec: Pl01Record, desk: str, *, visit_id: str, facility_code: str, cchn: str) -> bytes:
    """The unsigned document of one part (see the module's docstring); ``cchn`` is the signer's licence."""
    root = ET.Element(PART_ELEMENT, {"MAU_BIEU": str(rec.form), "PHAN": desk, "MA_LUOT_KHAM": visit_id,
                                     "MA_CSKCB": facility_code, "CCHN": cchn})
    for e in rec.entries:
        if e.field.desk == desk:
            _entry_element(root, e)
    if desk == LAB_DESK:
        for row in rec.lab_rows:
            group = ET.SubElement(root, LAB_GROUP)
            for f in rec.lab_fields:
                ET.SubElement(group, f.code).text = row.get(f.code) or None
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def slots(definition: FormDefinition, parts: Sequence[str]) -> list[tuple[int, str | None]]:
    """Each ``CKS_NGUOI_KHAM`` of the form (by its row number ``tt``) and the part whose value it holds: the
    examination desk of the nearest recorded field before it, or the first signed part when none precedes it."""
    out: list[tuple[int, str | None]] = []
    last: str | None = None
    for f in definition.fields:
        if f.code == EXAMINER_SLOT:
            out.append((f.tt, last if last is not None else (parts[0] if parts else None)))
        elif f.desk in parts:
            last = f.desk
    return out


def conclusion_document(record_xml: bytes, definition: FormDefinition, *, visit_id: str, facility_code: str,
                        version: int, part_values: Mapping[str, str]) -> bytes:
    """The whole record for the concluding doctor's signature: ``record_xml`` (the record's PL01 XML, as the
    station exports it) with the visit, facility and version on ``<PL01>`` and the signature slots filled in
    place: ``part_values`` maps a part to its signature value (a part without one leaves its slot empty)."""
    root = ET.fromstring(record_xml)  # our own export, never outside input
    root.set("MA_LUOT_KHAM", visit_id)
    root.set("MA_CSKCB", facility_code)
    root.set("PHIEN_BAN", str(version))
    positions = {f.code: f.tt for f in definition.fields if f.collected}
    slot_values = {tt: part_values.get(part or "", "") for tt, part in slots(definition, list(part_values))}
    for f in definition.fields:
        if f.code == EXAMINER_SLOT:
            _insert(root, positions, f.tt, EXAMINER_SLOT, slot_values.get(f.tt, ""))
        elif f.code in (CONCLUDER_SLOT, FACILITY_SLOT):
            _insert(root, positions, f.tt, f.code, "")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _insert(root: ET.Element, positions: dict[str, int], tt: int, code: str, text: str) -> None:
    """A slot element before the first element the form places after row ``tt`` (at the end if none)."""
    element = ET.Element(code)
    element.text = text or None
    for index, child in enumerate(list(root)):
        place = positions.get(child.tag)
        if place is not None and place > tt:
            root.insert(index, element)
            break
    else:
        root.append(element)
    positions.setdefault(code, tt)


def cchn_of(part_xml: bytes) -> str:
    """The licence named by a stored part document (the ``CCHN`` attribute of its root element)."""
    return ET.fromstring(part_xml).get("CCHN", "")
