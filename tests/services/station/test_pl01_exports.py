"""A visit's PL01 record written out as the national database and the resident read it: JSON keyed by PL01 code with
the form number, XML that parses back (an element per code, laboratory rows repeated, marks as attributes), and the
check-up sheet as a PDF whose text shows the Vietnamese labels, the values and the marks."""
import json
import subprocess
import xml.etree.ElementTree as ET

import pytest
from support.pl01 import set_facility

from devkit.station import full_visit
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.services.station.pl01_exports import write


@pytest.fixture
def found(ctx, nurse, doctor):
    visit = full_visit(ctx, nurse, doctor)
    set_facility(ctx)
    ctx.answers.save(doctor, visit.id, desk="doctor:dental", reason="Bổ sung", answers=[
        Answer("HAM_TREN", "Sâu răng 16 & 17 <nhẹ>"),
        Answer("HAM_DUOI", status=AnswerStatus.NOT_DONE, reason="Trẻ quấy khóc")])
    return ctx.pl01_records.of_visit(doctor, visit.id)


def test_json_has_pl01_codes_as_keys_and_the_form_number(found, tmp_path):
    data = json.loads(write(found, tmp_path / "phiếu.json").read_text(encoding="utf-8"))
    assert data["mau_bieu"] == 2
    assert data["HO_TEN"] == "Tòng Thị Hoa" and data["HUYET_AP"] == "152/96" and data["MA_LK"] == found.visit_id
    assert data["HAM_TREN"] == "Sâu răng 16 & 17 <nhẹ>"
    assert data["danh_dau"]["HAM_DUOI"] == {"trang_thai": "not_done", "ly_do": "Trẻ quấy khóc"}
    assert data["DICH_VU_CLS"][0]["DON_VI_DO"] == "mmol/L"


def test_xml_parses_back_with_an_element_per_code(found, tmp_path):
    root = ET.parse(write(found, tmp_path / "phiếu.xml")).getroot()
    assert (root.tag, root.get("MAU_BIEU")) == ("PL01", "2")
    assert root.findtext("HO_TEN") == "Tòng Thị Hoa"
    assert root.findtext("HAM_TREN") == "Sâu răng 16 & 17 <nhẹ>"  # escaped in the file, whole when read
    assert root.find("HAM_DUOI").attrib == {"trang_thai": "not_done", "ly_do": "Trẻ quấy khóc"}
    rows = root.findall("DICH_VU_CLS")
    assert len(rows) == 1 and rows[0].findtext("GIA_TRI") == "5.4"
    assert [e.tag for e in root][:3] == ["HO_TEN", "GIOI_TINH", "NGAY_SINH"]


@pytest.mark.tools("pdftotext")
def test_the_pdf_sheet_shows_labels_values_and_marks_in_vietnamese(found, tmp_path):
    path = write(found, tmp_path / "phiếu.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "PHIẾU KHÁM SỨC KHỎE ĐỊNH KỲ" in text and "Tòng Thị Hoa" in text
    assert "Huyết áp" in text and "152/96" in text
    assert "2 — Nữ" in text
    assert "không làm: Trẻ quấy khóc" in text
    assert "Sâu răng 16 & 17 <nhẹ>" in text
