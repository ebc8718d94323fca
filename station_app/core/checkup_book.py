"""The doctor's part of the check-up book (Thông tư 32/2023/TT-BYT, amended by TT 25/2026), in the pure core.

History items, specialties by sex, the overall health class and its override rule, counselling topics with
their template texts, topics suggested by vital-sign flags, and what a visit still lacks to be completed.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import HealthClass, Sex, Specialty


@dataclass(frozen=True)
class HistoryItem:
    code: str
    label: str  # Vietnamese source text, context "checkup"
    women_only: bool = False


HISTORY_ITEMS: tuple[HistoryItem, ...] = (
    HistoryItem("hypertension", QT_TRANSLATE_NOOP("checkup", "Tăng huyết áp")),
    HistoryItem("diabetes", QT_TRANSLATE_NOOP("checkup", "Đái tháo đường")),
    HistoryItem("heart_disease", QT_TRANSLATE_NOOP("checkup", "Bệnh tim mạch")),
    HistoryItem("lung_disease", QT_TRANSLATE_NOOP("checkup", "Bệnh phổi mạn tính (hen, COPD, lao)")),
    HistoryItem("liver_kidney", QT_TRANSLATE_NOOP("checkup", "Bệnh gan, thận mạn tính")),
    HistoryItem("cancer", QT_TRANSLATE_NOOP("checkup", "Ung thư")),
    HistoryItem("mental_neuro", QT_TRANSLATE_NOOP("checkup", "Bệnh tâm thần, thần kinh (động kinh)")),
    HistoryItem("other_chronic", QT_TRANSLATE_NOOP("checkup", "Bệnh mạn tính khác")),
    HistoryItem("surgery", QT_TRANSLATE_NOOP("checkup", "Đã phẫu thuật")),
    HistoryItem("allergy", QT_TRANSLATE_NOOP("checkup", "Dị ứng (thuốc, thức ăn)")),
    HistoryItem("tobacco", QT_TRANSLATE_NOOP("checkup", "Hút thuốc lá, thuốc lào")),
    HistoryItem("alcohol", QT_TRANSLATE_NOOP("checkup", "Uống rượu bia thường xuyên")),
    HistoryItem("regular_medicine", QT_TRANSLATE_NOOP("checkup", "Đang dùng thuốc thường xuyên")),
    HistoryItem("family_history", QT_TRANSLATE_NOOP("checkup", "Gia đình có người mắc bệnh mạn tính")),
    HistoryItem("pregnant", QT_TRANSLATE_NOOP("checkup", "Đang mang thai"), women_only=True),
)

SPECIALTY_LABELS = {
    Specialty.INTERNAL: QT_TRANSLATE_NOOP("checkup", "Nội khoa"),
    Specialty.EYES: QT_TRANSLATE_NOOP("checkup", "Mắt"),
    Specialty.ENT: QT_TRANSLATE_NOOP("checkup", "Tai – Mũi – Họng"),
    Specialty.DENTAL: QT_TRANSLATE_NOOP("checkup", "Răng – Hàm – Mặt"),
    Specialty.SKIN: QT_TRANSLATE_NOOP("checkup", "Da liễu"),
    Specialty.SURGERY: QT_TRANSLATE_NOOP("checkup", "Ngoại khoa"),
    Specialty.OBGYN: QT_TRANSLATE_NOOP("checkup", "Sản phụ khoa"),
}
NO_ABNORMALITY = QT_TRANSLATE_NOOP("checkup", "Không phát hiện bất thường")
OBGYN_MIN_AGE = 15  # adolescent girls and women; younger girls are not examined for obstetrics-gynaecology


def history_items(sex: Sex) -> tuple[HistoryItem, ...]:
    return tuple(i for i in HISTORY_ITEMS if not i.women_only or sex == Sex.FEMALE)


def specialties(sex: Sex, age_years: int | None = None) -> tuple[Specialty, ...]:
    """The specialties to examine, in book order; obstetrics-gynaecology for women (from 15 years)."""
    women = sex == Sex.FEMALE and (age_years is None or age_years >= OBGYN_MIN_AGE)
    return tuple(s for s in Specialty if s != Specialty.OBGYN or women)


# --------------------------------------------------------------------------------------------- health class

def overall_class(classes: Iterable[HealthClass | str | None]) -> HealthClass | None:
    """The worst (highest) class of the specialties; None when no class is given yet."""
    known = [HealthClass(c) for c in classes if c]
    return max(known, key=lambda c: c.rank) if known else None


def override_needs_reason(computed: HealthClass | None, chosen: HealthClass) -> bool:
    """Choosing another class than the worst specialty class must be justified in writing."""
    return computed is not None and HealthClass(chosen) != computed


# ----------------------------------------------------------------------------------------------- counselling

class Topic(StrEnum):
    NUTRITION = "nutrition"
    PHYSICAL_ACTIVITY = "physical_activity"
    TOBACCO = "tobacco"
    ALCOHOL = "alcohol"
    HYPERTENSION = "hypertension"
    DIABETES = "diabetes"
    CHILD_GROWTH = "child_growth"


TOPIC_LABELS = {
    Topic.NUTRITION: QT_TRANSLATE_NOOP("checkup", "Dinh dưỡng"),
    Topic.PHYSICAL_ACTIVITY: QT_TRANSLATE_NOOP("checkup", "Vận động thể lực"),
    Topic.TOBACCO: QT_TRANSLATE_NOOP("checkup", "Thuốc lá, thuốc lào"),
    Topic.ALCOHOL: QT_TRANSLATE_NOOP("checkup", "Rượu bia"),
    Topic.HYPERTENSION: QT_TRANSLATE_NOOP("checkup", "Tăng huyết áp"),
    Topic.DIABETES: QT_TRANSLATE_NOOP("checkup", "Đái tháo đường"),
    Topic.CHILD_GROWTH: QT_TRANSLATE_NOOP("checkup", "Dinh dưỡng và tăng trưởng của trẻ"),
}

# General advice of WHO and Bộ Y tế (Vietnam's Ministry of Health) as a nurse would read it out; not a
# prescription. Sources: WHO "Healthy diet" and "Physical activity" fact sheets (2020 guidelines), WHO
# package of essential NCD interventions (WHO PEN), Bộ Y tế QĐ 3192/QĐ-BYT (hypertension), QĐ 5481/QĐ-BYT
# (diabetes), Viện Dinh dưỡng quốc gia (child nutrition), Luật Phòng, chống tác hại của rượu, bia 2019.
TOPIC_TEMPLATES = {
    Topic.NUTRITION: QT_TRANSLATE_NOOP(
        "checkup",
        "Dinh dưỡng: ăn đa dạng, nhiều rau xanh và trái cây (ít nhất 5 phần mỗi ngày); ăn ít muối (dưới 5 g, "
        "khoảng 1 thìa cà phê mỗi ngày, kể cả nước mắm, bột canh); hạn chế đồ ngọt, nước ngọt, mỡ động vật và đồ "
        "chiên rán; uống đủ nước. (Theo khuyến cáo của WHO và Bộ Y tế.)"),
    Topic.PHYSICAL_ACTIVITY: QT_TRANSLATE_NOOP(
        "checkup",
        "Vận động: đi bộ nhanh, làm vườn, đạp xe… ít nhất 150 phút mỗi tuần (30 phút mỗi ngày, 5 ngày một tuần); "
        "trẻ em và thanh thiếu niên ít nhất 60 phút mỗi ngày; ngồi ít hơn, cứ 1 giờ đứng dậy đi lại. "
        "(Theo khuyến cáo của WHO 2020.)"),
    Topic.TOBACCO: QT_TRANSLATE_NOOP(
        "checkup",
        "Thuốc lá, thuốc lào: bỏ hẳn là tốt nhất cho tim, phổi và người thân; chọn một ngày để bỏ, báo cho gia đình "
        "cùng giúp, tránh nơi hay hút; gọi Tổng đài tư vấn bỏ thuốc lá 1800 6606 (miễn phí). Không hút trong nhà, "
        "gần trẻ em và phụ nữ mang thai. (Theo WHO và Bộ Y tế.)"),
    Topic.ALCOHOL: QT_TRANSLATE_NOOP(
        "checkup",
        "Rượu bia: càng uống ít càng tốt, không uống là tốt nhất; không uống hằng ngày; đã uống rượu bia thì không "
        "lái xe; không uống khi mang thai, cho con bú hoặc khi đang dùng thuốc. (Theo WHO và Luật Phòng, chống tác "
        "hại của rượu, bia.)"),
    Topic.HYPERTENSION: QT_TRANSLATE_NOOP(
        "checkup",
        "Huyết áp cao: ăn nhạt (dưới 5 g muối mỗi ngày), bỏ thuốc lá, hạn chế rượu bia, vận động đều, giữ cân nặng "
        "hợp lý; đo lại huyết áp tại trạm y tế trong vòng 1 tháng; nếu bác sĩ đã kê thuốc thì uống đều hằng ngày, "
        "không tự ý bỏ thuốc. Đến cơ sở y tế ngay nếu đau đầu dữ dội, đau ngực, yếu tay chân. "
        "(Theo QĐ 3192/QĐ-BYT.)"),
    Topic.DIABETES: QT_TRANSLATE_NOOP(
        "checkup",
        "Đường huyết: cần xét nghiệm đường máu tĩnh mạch lúc đói tại trạm y tế hoặc bệnh viện để chẩn đoán; ăn ít "
        "cơm trắng, bánh kẹo, nước ngọt; ăn nhiều rau; vận động đều; giữ cân nặng hợp lý; nếu đã được chẩn đoán thì "
        "dùng thuốc và khám lại đúng hẹn. (Theo QĐ 5481/QĐ-BYT.)"),
    Topic.CHILD_GROWTH: QT_TRANSLATE_NOOP(
        "checkup",
        "Dinh dưỡng của trẻ: bú mẹ hoàn toàn trong 6 tháng đầu và tiếp tục đến 24 tháng; từ 6 tháng ăn bổ sung đủ "
        "4 nhóm thực phẩm (bột đường, đạm, dầu mỡ, rau quả), thêm dầu mỡ vào bột, cháo; uống vitamin A, tẩy giun "
        "theo lịch; cân, đo trẻ hằng tháng (trẻ dưới 2 tuổi) và khám lại nếu trẻ không tăng cân. "
        "(Theo Viện Dinh dưỡng quốc gia và WHO.)"),
}

# Vital-sign flags ("kind.code", as core.vitals stores them: kind -> class code) that suggest a topic.
# Growth flags are "{indicator}_class.{class}" for the indicators wfa, hfa, bfa, wfh.
_GROWTH_CONCERNS = frozenset({"severely_underweight", "underweight", "severely_stunted", "stunted", "severely_wasted",
                              "wasted", "severely_thin", "thin", "possible_risk_of_overweight", "overweight", "obese"})
_FLAG_TOPICS: dict[str, tuple[Topic, ...]] = {
    "bmi_class.underweight": (Topic.NUTRITION,),
    "bmi_class.overweight": (Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY),
    "bmi_class.obese_1": (Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY),
    "bmi_class.obese_2": (Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY),
    "waist_class.central_obesity": (Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY),
    "bp_grade.high_normal": (Topic.HYPERTENSION,),
    "bp_grade.grade_1": (Topic.HYPERTENSION,),
    "bp_grade.grade_2": (Topic.HYPERTENSION,),
    "bp_grade.grade_3": (Topic.HYPERTENSION,),
    "bp_isolated_systolic.yes": (Topic.HYPERTENSION,),
    "glucose_class.raised": (Topic.DIABETES,),
    "glucose_class.diabetes_range": (Topic.DIABETES,),
    "refer.yes": (Topic.DIABETES,),
}
_HISTORY_TOPICS = {"tobacco": Topic.TOBACCO, "alcohol": Topic.ALCOHOL, "hypertension": Topic.HYPERTENSION,
                   "diabetes": Topic.DIABETES}


def _flag_keys(flags: Mapping[str, str] | Iterable[str]) -> list[str]:
    if isinstance(flags, Mapping):
        return [f"{kind}.{code}" for kind, code in flags.items()]
    return list(flags)


def suggested_topics(flags: Mapping[str, str] | Iterable[str],
                     history_yes: Iterable[str] = ()) -> tuple[Topic, ...]:
    """Topics suggested by vital-sign flags (``{"bp_grade": "grade_2"}`` or ``["bp_grade.grade_2"]``) and by
    history items answered yes (tobacco, alcohol, known hypertension or diabetes), in topic order."""
    found: set[Topic] = set()
    for key in _flag_keys(flags):
        kind, _, code = key.partition(".")
        if kind in {"wfa_class", "hfa_class", "bfa_class", "wfh_class"} and code in _GROWTH_CONCERNS:
            found.add(Topic.CHILD_GROWTH)
        found.update(_FLAG_TOPICS.get(key, ()))
    found.update(_HISTORY_TOPICS[h] for h in history_yes if h in _HISTORY_TOPICS)
    return tuple(t for t in Topic if t in found)


# ------------------------------------------------------------------------------------------------ completion

class Part(StrEnum):
    VITALS = "vitals"
    HISTORY = "history"
    CONCLUSION = "conclusion"


PART_LABELS = {
    Part.VITALS: QT_TRANSLATE_NOOP("checkup", "Dấu hiệu sinh tồn"),
    Part.HISTORY: QT_TRANSLATE_NOOP("checkup", "Tiền sử"),
    Part.CONCLUSION: QT_TRANSLATE_NOOP("checkup", "Kết luận"),
}


NATIONAL_PREFIX = "pl01:"  # a desk of the visit's QĐ 1551 form (core.pl01_completion), as a missing part


def national_part(desk: str) -> str:
    return NATIONAL_PREFIX + desk


def book_part_of(desk: str) -> str | None:
    """The book's part that covers a QĐ 1551 desk's station data (None: the desk has no part in the book)."""
    if desk.startswith("doctor:"):
        return desk.removeprefix("doctor:")
    return {"vitals": Part.VITALS.value, "conclusion": Part.CONCLUSION.value}.get(desk)


def part_label(part: str) -> str:
    """The Vietnamese source label of a missing part (a Part, a Specialty code, or a desk of the QĐ 1551 form)."""
    if part.startswith(NATIONAL_PREFIX):
        from station_app.core.pl01_completion import desk_label

        return desk_label(part.removeprefix(NATIONAL_PREFIX)) + " (QĐ 1551)"
    if part in Part.__members__.values():
        return PART_LABELS[Part(part)]
    return SPECIALTY_LABELS[Specialty(part)]


def missing_parts(*, has_vitals: bool, has_history: bool, classed_specialties: Iterable[str],
                  required: Iterable[Specialty], has_conclusion: bool) -> tuple[str, ...]:
    """Codes of what the visit still lacks, in book order: vitals, history, each specialty without a class,
    conclusion. Empty means the visit may be completed."""
    done = set(classed_specialties)
    missing: list[str] = []
    if not has_vitals:
        missing.append(Part.VITALS.value)
    if not has_history:
        missing.append(Part.HISTORY.value)
    missing += [s.value for s in required if s.value not in done]
    if not has_conclusion:
        missing.append(Part.CONCLUSION.value)
    return tuple(missing)


# -------------------------------------------------------------------------------------------------- referral

class Urgency(StrEnum):
    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"


URGENCY_LABELS = {
    Urgency.ROUTINE: QT_TRANSLATE_NOOP("checkup", "Khám khi thuận tiện (trong 1 tháng)"),
    Urgency.SOON: QT_TRANSLATE_NOOP("checkup", "Sớm (trong 1 tuần)"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("checkup", "Khẩn cấp (ngay trong ngày)"),
}


# ---------------------------------------------------------------------------------------------------- errors

class VisitIncompleteError(StationError):
    """``missing`` is the Vietnamese list; ``parts`` the codes (see :func:`missing_parts`)."""

    template = QT_TRANSLATE_NOOP("errors", "Lượt khám chưa thể hoàn thành, còn thiếu: {missing}. Hãy ghi nốt các phần này.")


class OverrideReasonRequiredError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Phân loại sức khoẻ chung ({chosen}) khác phân loại nặng nhất của các chuyên khoa ({computed}). "
        "Hãy ghi lý do chọn phân loại khác, hoặc chọn lại loại {computed}.")


class AmendmentReasonRequiredError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Lượt khám đã hoàn thành; muốn sửa phải ghi lý do sửa (bản cũ được giữ lại). Hãy nhập lý do rồi lưu lại.")
