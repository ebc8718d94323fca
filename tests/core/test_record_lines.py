"""A kept version of a visit's part as the lines a nurse reads, and what changed between two versions."""
from __future__ import annotations

from station_app.core.record_lines import Line, changes, record_lines


def measurement(code: str, value: float, reading: int = 1, **extra) -> dict:
    """A measurement as ``record_versions`` keeps it: ids and bookkeeping the lines must leave out."""
    return {"id": "01a2-0000", "visit_id": "01a2-visit", "code": code, "reading": reading, "value": value,
            "unit": "?", "context": extra.get("context", {}), "flags": extra.get("flags", {}), "version": 1,
            "recorded_at": "2026-11-23T08:00:00", "recorded_by": "01a2-user"}


VITALS = {"measurements": [
    measurement("weight_kg", 62.0), measurement("height_cm", 152.0),
    measurement("bmi", 26.8, flags={"bmi_class": "obese_1"}, context={"computed": True}),
    measurement("systolic", 150.0, context={"used": True, "average": 151.0},
                flags={"bp_grade": "grade_1"}),
    measurement("diastolic", 95.0, context={"used": True, "average": 95.5}),
    measurement("systolic", 152.0, 2, context={"used": True, "average": 151.0}),
    measurement("diastolic", 96.0, 2, context={"used": True, "average": 95.5}),
    measurement("glucose_mmol", 7.4, context={"fasting": True}, flags={"glucose_class": "diabetes_range"}),
    measurement("vision_right", 0.8, context={"glasses": False}),
]}


def texts(lines: list[Line]) -> list[str]:
    return [str(line) for line in lines]


def test_vital_signs_read_as_label_and_value_in_the_forms_order():
    assert texts(record_lines("vitals", "", VITALS)) == [
        "Chiều cao: 152 cm", "Cân nặng: 62 kg", "BMI: 26,8 kg/m² (Béo phì độ I)",
        "Huyết áp lần 1: 150/95 mmHg", "Huyết áp lần 2: 152/96 mmHg",
        "Huyết áp trung bình: 151/95,5 mmHg (Tăng huyết áp độ 1)",
        "Đường huyết mao mạch: 7,4 mmol/L (lúc đói; Đường huyết ở ngưỡng đái tháo đường)",
        "Thị lực mắt phải (không kính): 0,8"]


def test_a_finding_names_its_specialty_diagnoses_and_class():
    normal = {"specialty": "eyes", "no_abnormality": True, "text": None, "health_class": "I", "diagnoses": []}
    assert texts(record_lines("finding", "eyes", normal)) == ["Khám Mắt: Không phát hiện bất thường",
                                                              "Phân loại sức khoẻ: I"]
    found = {"specialty": "internal", "no_abnormality": False, "text": "Huyết áp cao", "health_class": "II",
             "diagnoses": [{"icd10": "I10", "label": None}, {"icd10": "E11.9", "label": None}]}
    names = {"I10": "Tăng huyết áp vô căn (nguyên phát)"}
    assert texts(record_lines("finding", "internal", found, icd10_names=names)) == [
        "Khám Nội khoa: Huyết áp cao", "Chẩn đoán (ICD-10): I10 – Tăng huyết áp vô căn (nguyên phát); E11.9",
        "Phân loại sức khoẻ: II"]


def test_a_conclusion_with_a_referral_says_where_why_and_how_soon():
    data = {"computed_class": "II", "overall_class": "III", "override_reason": "Tăng huyết áp chưa điều trị",
            "advice": "Tái khám sau 1 tháng", "referral_to": "Bệnh viện Đa khoa tỉnh Lai Châu",
            "referral_reason": "Tăng huyết áp độ 1", "referral_urgency": "soon", "concluded_by": "01a2-user"}
    assert texts(record_lines("conclusion", "", data)) == [
        "Phân loại sức khoẻ chung: III", "Phân loại nặng nhất của các chuyên khoa: II",
        "Lý do chọn phân loại khác: Tăng huyết áp chưa điều trị", "Lời khuyên: Tái khám sau 1 tháng",
        "Chuyển tuyến đến: Bệnh viện Đa khoa tỉnh Lai Châu", "Lý do chuyển tuyến: Tăng huyết áp độ 1",
        "Mức độ khẩn: Sớm (trong 1 tuần)"]


def test_history_and_counselling():
    assert texts(record_lines("history", "tobacco", {"item": "tobacco", "answer": True, "detail": "10 điếu/ngày"})) \
        == ["Hút thuốc lá, thuốc lào: Có (10 điếu/ngày)"]
    notes = {"notes": [{"topic": "hypertension", "text": ""}, {"topic": "tobacco", "text": ""},
                       {"topic": None, "text": "Giảm muối, bỏ thuốc lá."}]}
    assert texts(record_lines("counselling", "", notes)) == ["Chủ đề tư vấn: Tăng huyết áp, Thuốc lá, thuốc lào",
                                                             "Nội dung tư vấn: Giảm muối, bỏ thuốc lá."]


def test_changes_name_the_old_and_new_value_and_what_appeared_or_went():
    before = record_lines("vitals", "", {"measurements": [measurement("weight_kg", 52.5),
                                                          measurement("pulse", 78.0)]})
    after = record_lines("vitals", "", {"measurements": [measurement("weight_kg", 54.0),
                                                         measurement("waist_cm", 80.0)]})
    assert [str(c) for c in changes(before, after)] == [
        "Cân nặng: 52,5 kg → 54 kg", "Vòng eo: — → 80 cm", "Mạch: 78 lần/phút → —"]
    assert changes(after, after) == []


def test_labels_go_through_the_callers_translation_with_their_context():
    def tr(context: str, text: str) -> str:
        return f"<{context}:{text}>"

    lines = record_lines("finding", "eyes", {"no_abnormality": True, "health_class": "I"}, tr=tr)
    assert texts(lines) == ["<history:Khám <checkup:Mắt>>: <checkup:Không phát hiện bất thường>",
                            "<history:Phân loại sức khoẻ>: I"]
