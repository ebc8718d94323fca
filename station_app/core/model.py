"""Enumerations of the campaign's domain, shared by every layer. Values are what is stored."""
from __future__ import annotations

from enum import StrEnum

from station_app.core.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    NURSE = "nurse"
    DOCTOR = "doctor"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.NURSE: QT_TRANSLATE_NOOP("labels", "Điều dưỡng"),
    Role.DOCTOR: QT_TRANSLATE_NOOP("labels", "Bác sĩ"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("labels", "Điều phối viên"),
    Role.ADMIN: QT_TRANSLATE_NOOP("labels", "Quản trị viên"),
}


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


SEX_TEXT = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ", Sex.UNKNOWN: "Không rõ"}  # as paper writes it: slips, printed lists


class SiteKind(StrEnum):
    COMMUNE_STATION = "commune_station"
    MOBILE = "mobile"


class RecordSource(StrEnum):
    CARD_SCAN = "card_scan"
    ROSTER_IMPORT = "roster_import"
    MANUAL = "manual"
    DEMO = "demo"


class TargetGroup(StrEnum):
    POLICY = "policy"
    ELDERLY = "elderly"
    POOR = "poor"
    NEAR_POOR = "near_poor"
    DISABLED = "disabled"
    ETHNIC_MINORITY = "ethnic_minority"
    CHILD_UNDER_6 = "child_under_6"
    PUPIL = "pupil"
    OTHER = "other"


TARGET_GROUP_LABELS = {
    TargetGroup.POLICY: QT_TRANSLATE_NOOP("labels", "Đối tượng chính sách"),
    TargetGroup.ELDERLY: QT_TRANSLATE_NOOP("labels", "Người cao tuổi"),
    TargetGroup.POOR: QT_TRANSLATE_NOOP("labels", "Hộ nghèo"),
    TargetGroup.NEAR_POOR: QT_TRANSLATE_NOOP("labels", "Hộ cận nghèo"),
    TargetGroup.DISABLED: QT_TRANSLATE_NOOP("labels", "Người khuyết tật"),
    TargetGroup.ETHNIC_MINORITY: QT_TRANSLATE_NOOP("labels", "Dân tộc thiểu số"),
    TargetGroup.CHILD_UNDER_6: QT_TRANSLATE_NOOP("labels", "Trẻ em dưới 6 tuổi"),
    TargetGroup.PUPIL: QT_TRANSLATE_NOOP("labels", "Học sinh"),
    TargetGroup.OTHER: QT_TRANSLATE_NOOP("labels", "Khác"),
}


class VisitStatus(StrEnum):
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REFERRED = "referred"
    CANCELLED = "cancelled"


# One set of words for a visit's state, on every page and in every printed list.
VISIT_STATUS_LABELS = {
    VisitStatus.REGISTERED: QT_TRANSLATE_NOOP("labels", "Chờ khám"),
    VisitStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "Đang khám"),
    VisitStatus.COMPLETED: QT_TRANSLATE_NOOP("labels", "Đã khám xong"),
    VisitStatus.REFERRED: QT_TRANSLATE_NOOP("labels", "Chuyển tuyến"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Đã huỷ"),
}


class FundingSource(StrEnum):
    STATE_BUDGET = "state_budget"
    HEALTH_INSURANCE = "health_insurance"
    EMPLOYER = "employer"
    SELF_PAID = "self_paid"
    OTHER = "other"


class HealthClass(StrEnum):
    I = "I"  # noqa: E741 - the official class names
    II = "II"
    III = "III"
    IV = "IV"
    V = "V"

    @property
    def rank(self) -> int:
        return list(HealthClass).index(self) + 1


class Specialty(StrEnum):
    INTERNAL = "internal"
    EYES = "eyes"
    ENT = "ent"
    DENTAL = "dental"
    SKIN = "skin"
    SURGERY = "surgery"
    OBGYN = "obgyn"


class MeasureCode(StrEnum):
    """Vital signs and measurements: one row per value, so new measures need no new column."""

    HEIGHT_CM = "height_cm"
    WEIGHT_KG = "weight_kg"
    BMI = "bmi"
    WAIST_CM = "waist_cm"
    PULSE = "pulse"
    SYSTOLIC = "systolic"
    DIASTOLIC = "diastolic"
    TEMPERATURE_C = "temperature_c"
    SPO2 = "spo2"
    RESP_RATE = "resp_rate"
    GLUCOSE_MMOL = "glucose_mmol"
    VISION_LEFT = "vision_left"
    VISION_RIGHT = "vision_right"
    VISION_LEFT_GLASSES = "vision_left_glasses"
    VISION_RIGHT_GLASSES = "vision_right_glasses"


class AuditAction(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    LOCK = "lock"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    SETUP = "setup"
    REKEY = "rekey"  # the station's signing key replaced (keys rotate), or a station's new key at the office
