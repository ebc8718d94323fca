"""The exam desks' use cases: vital signs (checked by ``core.vitals``), their versions and drafts, and visits
picked up from a slip printed on another laptop.

Field keys name one input of the vitals form: a ``MeasureCode`` value ("height_cm"), and for blood pressure
the reading too ("systolic_1", "diastolic_2"). BMI is computed, never typed. Every clinical rule comes from
``core.vitals`` (and ``services.station.growth`` for children) through ``assess``, the one place that calls them; the
form calls ``assess`` too, so what it shows while typing is what saving decides. Logs carry ids and counts only.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from station_app.core import vitals as rules
from station_app.core.cards import SlipIdentity
from station_app.core.errors import NotFoundError, StationError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, FundingSource, MeasureCode, RecordSource, Sex, VisitStatus
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import MeasurementRow, VisitRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.station.campaigns import check_open
from station_app.services.station.registry import RegistryService, ResidentInput, VisitInfo, new_resident_row

log = logging.getLogger(__name__)

VITALS_DESK = "vitals"
DOCTOR_DESK = "doctor"  # drafts are kept per (visit, desk): the desks' names in the drafts table
COUNSELLING_DESK = "counselling"
BP_READINGS = 3
# The form's inputs, in the order a nurse takes them (the form's tab order follows it).
FIELD_ORDER = (
    "height_cm", "weight_kg", "waist_cm", "pulse", "systolic_1", "diastolic_1", "systolic_2", "diastolic_2",
    "systolic_3", "diastolic_3", "temperature_c", "spo2", "resp_rate", "glucose_mmol",
    "vision_right", "vision_left", "vision_right_glasses", "vision_left_glasses",
)
_BP = {MeasureCode.SYSTOLIC, MeasureCode.DIASTOLIC}


class WarningsNotConfirmedError(StationError):
    """Unusual values the nurse has not confirmed yet; ``keys`` are their field keys, ``messages`` the reasons."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Có {count} giá trị bất thường chưa được xác nhận. Hãy đo lại nếu cần, rồi xác nhận từng giá trị.")


class ReasonRequiredError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Lượt khám này đã hoàn tất. Hãy ghi lý do sửa kết quả; bản cũ vẫn được giữ lại.")


def field_code(key: str) -> tuple[MeasureCode, int]:
    """("systolic", 2) for "systolic_2"; (code, 1) for a single value."""
    base, _, reading = key.rpartition("_")
    if reading.isdigit() and base in (MeasureCode.SYSTOLIC, MeasureCode.DIASTOLIC):
        return MeasureCode(base), int(reading)
    return MeasureCode(key), 1


def field_key(code: MeasureCode | str, reading: int = 1) -> str:
    code = MeasureCode(code)
    return f"{code.value}_{reading}" if code in _BP else code.value


def field_label(key: str) -> str:
    """The Vietnamese source label of a field (marked for translation in ``core.vitals``)."""
    return rules.MEASURE_LABELS[field_code(key)[0]]


# -- assessment (pure) -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Assessment:
    """What the rules say about a set of typed values: refused and unusual fields (with ``core.vitals``
    messages), the computed BMI and blood pressure, and the flags of each field (plus "bmi")."""

    errors: dict[str, rules.Message] = field(default_factory=dict)
    warnings: dict[str, rules.Message] = field(default_factory=dict)
    bmi: float | None = None
    bp: rules.BPResult | None = None
    flags: dict[str, rules.Flags] = field(default_factory=dict)

    @property
    def needs_third_reading(self) -> bool:
        return self.bp is not None and self.bp.needs_third_reading


THIRD_READING_NEEDED = QT_TRANSLATE_NOOP(
    "vitals", "Hai lần đo huyết áp chênh nhau hơn {mmhg} mmHg: hãy đo lần ba rồi nhập.")
DIASTOLIC_MISSING = QT_TRANSLATE_NOOP("vitals", "Hãy nhập cả huyết áp tâm thu và tâm trương của lần đo này.")


def assess(values: Mapping[str, float], *, subject: rules.Subject = rules.Subject(),
           fasting: bool | None = None) -> Assessment:
    """Checks every typed value with ``core.vitals`` and computes BMI, the blood pressure used and the flags."""
    errors: dict[str, rules.Message] = {}
    warnings: dict[str, rules.Message] = {}
    for key, value in values.items():
        code, reading = field_code(key)
        others = _others(values, code, reading)
        check = rules.check_value(code, value, subject=subject, others=others)
        if check.hard_error is not None:
            errors[key] = check.hard_error
        elif check.warning is not None:
            warnings[key] = check.warning
    flags: dict[str, rules.Flags] = {}
    bmi = _bmi(values, errors)
    bp = _blood_pressure(values, errors)
    if bp is not None and bp.needs_third_reading and "systolic_3" not in values:
        errors.setdefault("systolic_3", rules.Message(THIRD_READING_NEEDED, {"mmhg": rules.READINGS_DIFFER_MMHG}))
    if bp is not None:
        for reading in range(1, BP_READINGS + 1):
            if f"systolic_{reading}" in values:
                flags[f"systolic_{reading}"] = bp.flags
    if bmi is not None and subject.is_adult:
        flags["bmi"] = {"bmi_class": rules.bmi_class_adult(bmi).value}
    if "glucose_mmol" in values and "glucose_mmol" not in errors:
        flags["glucose_mmol"] = rules.glucose(values["glucose_mmol"], fasting=fasting).flags
    if "waist_cm" in values and "waist_cm" not in errors and subject.is_adult and subject.sex is not None:
        waist = rules.waist_class_adult(values["waist_cm"], subject.sex)
        if waist is not None:
            flags["waist_cm"] = {"waist_class": waist.value}
    for key in ("vision_left", "vision_right", "vision_left_glasses", "vision_right_glasses"):
        if key in values and key not in errors:
            flags[key] = {"vision_class": rules.vision_class(values[key]).value}
    _child_growth(values, errors, subject, flags)
    return Assessment(errors, warnings, bmi, bp, flags)


def _others(values: Mapping[str, float], code: MeasureCode, reading: int) -> dict[MeasureCode, float]:
    if code in _BP:
        other = MeasureCode.DIASTOLIC if code is MeasureCode.SYSTOLIC else MeasureCode.SYSTOLIC
        key = field_key(other, reading)
        return {other: values[key]} if key in values else {}
    return {MeasureCode(k): v for k, v in values.items() if k in ("height_cm", "weight_kg")}


def _bmi(values: Mapping[str, float], errors: Mapping[str, rules.Message]) -> float | None:
    if "height_cm" in values and "weight_kg" in values and not {"height_cm", "weight_kg"} & errors.keys():
        return rules.bmi(values["weight_kg"], values["height_cm"])
    return None


def _blood_pressure(values: Mapping[str, float], errors: dict[str, rules.Message]) -> rules.BPResult | None:
    readings = []
    for reading in range(1, BP_READINGS + 1):
        pair = (values.get(f"systolic_{reading}"), values.get(f"diastolic_{reading}"))
        if pair == (None, None):
            continue
        if None in pair:
            missing = f"diastolic_{reading}" if pair[1] is None else f"systolic_{reading}"
            errors.setdefault(missing, rules.Message(DIASTOLIC_MISSING))
            return None
        if {f"systolic_{reading}", f"diastolic_{reading}"} & errors.keys():
            return None
        readings.append(pair)
    return rules.blood_pressure(readings) if readings else None  # type: ignore[arg-type]


def _child_growth(values: Mapping[str, float], errors: Mapping[str, rules.Message], subject: rules.Subject,
                  flags: dict[str, rules.Flags]) -> None:
    if subject.is_adult or subject.sex is None or subject.age_days is None:
        return
    from station_app.services.station.growth import growth_zscores  # reads the WHO tables once, on the first child

    weight = values.get("weight_kg") if "weight_kg" not in errors else None
    height = values.get("height_cm") if "height_cm" not in errors else None
    owner = {rules.GrowthIndicator.WEIGHT_FOR_AGE: "weight_kg", rules.GrowthIndicator.HEIGHT_FOR_AGE: "height_cm",
             rules.GrowthIndicator.BMI_FOR_AGE: "bmi", rules.GrowthIndicator.WEIGHT_FOR_HEIGHT: "weight_kg"}
    for result in growth_zscores(subject.sex, subject.age_days, weight_kg=weight, height_cm=height):
        flags.setdefault(owner[result.indicator], {}).update(result.flags)


def subject_of(birth_date: dt.date | None, birth_year: int, *, sex: str, on: dt.date) -> rules.Subject:
    """Age in completed days on the visit day; with only a birth year, counted from 1 July of that year."""
    born = birth_date or dt.date(birth_year, 7, 1)
    known = Sex(sex) if sex in (Sex.MALE, Sex.FEMALE) else None
    return rules.Subject(age_days=max((on - born).days, 0), sex=known)


# -- results -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VitalsRecord:
    """The latest vital signs of a visit: typed values by field key, what was computed, flags by field key."""

    visit_id: str
    visit_status: VisitStatus
    subject: rules.Subject
    values: dict[str, float] = field(default_factory=dict)
    fasting: bool | None = None
    bmi: float | None = None
    bp_systolic: float | None = None
    bp_diastolic: float | None = None
    flags: dict[str, dict[str, str]] = field(default_factory=dict)
    confirmed: tuple[str, ...] = ()
    version: int = 0  # 0: nothing recorded yet
    recorded_at: dt.datetime | None = None
    recorded_by: str | None = None

    @property
    def empty(self) -> bool:
        return not self.values


@dataclass(frozen=True)
class VitalsVersion:
    version: int
    values: dict[str, float]
    replaced_at: dt.datetime
    replaced_by: str | None
    reason: str | None


@dataclass(frozen=True)
class Draft:
    visit_id: str
    desk: str
    fields: dict[str, object]
    saved_at: dt.datetime
    saved_by: str | None


# -- the service -------------------------------------------------------------------------------------------------

class ExamService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def vitals(self, visit_id: str) -> VitalsRecord:
        with UnitOfWork(self._db) as uow:
            visit, subject = self._visit_and_subject(uow)(visit_id)
            return _record(visit, subject, uow.exams.measurements(visit_id))

    def save_vitals(self, user: SignedInUser, visit_id: str, *, entries: Mapping[str, float],
                    confirmed_warnings: Iterable[str] = (), fasting: bool | None = None,
                    reason: str | None = None) -> VitalsRecord:
        """Check, compute and store a full set of vital signs with one audit event, in one transaction.

        Raises ValidationError (``key`` names the field) for a refused value, WarningsNotConfirmedError for
        unusual values not in ``confirmed_warnings``, ReasonRequiredError to change a completed visit's set.
        """
        require(user.role, Permission.RECORD_VITALS)
        values = _clean(entries)
        reason = (reason or "").strip() or None
        confirmed = set(confirmed_warnings)
        with UnitOfWork(self._db) as uow:
            visit, subject = self._visit_and_subject(uow)(visit_id)
            found = assess(values, subject=subject, fasting=fasting)
            _raise_for(found, confirmed)
            repo = uow.exams
            old = repo.measurements(visit_id)
            done = visit.status in (VisitStatus.COMPLETED, VisitStatus.REFERRED)  # a referred visit is finished too
            if done and old and reason is None:
                raise ReasonRequiredError()
            version = max((r.version for r in old), default=0) + 1
            if old and done:
                repo.keep_version("vitals", visit_id, version - 1, {"measurements": [_as_dict(r) for r in old]},
                                  reason, user.id)
            rows = _rows(visit_id, values, found, fasting, confirmed, version, user.id)
            repo.replace_measurements(old, rows)
            if visit.status == VisitStatus.REGISTERED:
                visit.status, visit.started_at, visit.started_by = VisitStatus.IN_PROGRESS.value, utcnow(), user.id
            repo.discard_draft(visit_id, VITALS_DESK)
            action = AuditAction.UPDATE if old else AuditAction.CREATE
            details = {"measures": len(rows), "version": version, "warnings_confirmed": len(found.warnings)}
            if done and old:
                details["after_completion"] = True
            uow.audit(action, "vitals", visit_id, user.id, details)
            uow.commit()
            log.info("vitals of visit %s saved: %d values, version %d", visit_id, len(rows), version)
            return _record(visit, subject, rows)

    def history(self, visit_id: str) -> list[VitalsVersion]:
        """Earlier versions of the visit's vital signs (changed after completion), oldest first."""
        with UnitOfWork(self._db) as uow:
            out = []
            for row in uow.exams.versions("vitals", visit_id):
                values = {field_key(m["code"], m["reading"]): m["value"] for m in row.data["measurements"]
                          if m["code"] != MeasureCode.BMI}
                out.append(VitalsVersion(row.version, values, row.replaced_at, row.replaced_by, row.reason))
            return out

    # -- drafts ----------------------------------------------------------------------------------------------

    def save_draft(self, user: SignedInUser, visit_id: str, *, desk: str, fields: Mapping[str, object]) -> None:
        """Keep what a desk's form holds so far (texts as typed); the desk's next save removes it."""
        with UnitOfWork(self._db) as uow:
            uow.exams.put_draft(visit_id, desk, dict(fields), user.id)
            uow.commit()

    def draft(self, visit_id: str, desk: str) -> Draft | None:
        with UnitOfWork(self._db) as uow:
            row = uow.exams.draft(visit_id, desk)
            return None if row is None else Draft(row.visit_id, row.desk, dict(row.fields), row.saved_at, row.saved_by)

    def discard_draft(self, visit_id: str, desk: str) -> None:
        with UnitOfWork(self._db) as uow:
            uow.exams.discard_draft(visit_id, desk)
            uow.commit()

    # -- visits from a slip ----------------------------------------------------------------------------------

    def visit_from_slip(self, user: SignedInUser, slip: SlipIdentity) -> VisitInfo:
        """The slip's visit on this laptop; made under the same visit id when it was opened on another laptop
        (the resident matched by ID number, or made from the slip's name, birth year and sex)."""
        require(user.role, Permission.RECORD_VITALS)
        registry = RegistryService(self._db)
        with UnitOfWork(self._db) as uow:
            if uow.visits.get(slip.visit_id) is None:
                self._make_visit(uow, user, slip)
        return registry.visit_by_id(slip.visit_id)

    @staticmethod
    def _make_visit(uow: UnitOfWork, user: SignedInUser, slip: SlipIdentity) -> None:
        visits, residents = uow.visits, uow.residents
        station = uow.stations.current()
        if station is None or station.current_site_id is None or station.current_campaign_id is None:
            raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "điểm khám hoặc đợt khám"))
        check_open(uow.campaigns.current(), slip.visit_date)  # type: ignore[arg-type] - the station names it
        resident = residents.by_national_id(slip.national_id) if slip.national_id else None
        created = resident is None
        if resident is None:
            data = ResidentInput(full_name=slip.full_name, sex=slip.sex, birth_year=slip.birth_year,
                                 national_id=slip.national_id, source=RecordSource.MANUAL)
            resident = residents.add(new_resident_row(data, user.id))
            uow.audit(AuditAction.CREATE, "residents", resident.id, user.id, {"from_slip": True})
        site_id, day = station.current_site_id, slip.visit_date
        taken = any(v.queue_number == slip.queue_number for v in visits.of_day(site_id, day))
        number = visits.next_queue_number(site_id, day) if taken else slip.queue_number
        visits.add(VisitRow(id=slip.visit_id, resident_id=resident.id, site_id=site_id,
                            campaign_id=station.current_campaign_id, visit_date=day, queue_number=number,
                            status=VisitStatus.REGISTERED.value,
                            funding_source=FundingSource.STATE_BUDGET.value, registered_by=user.id))
        uow.audit(AuditAction.CREATE, "visits", slip.visit_id, user.id,
                  {"from_slip": True, "resident_id": resident.id, "queue_number": number,
                   "resident_created": created})
        uow.commit()
        log.info("visit %s picked up from a slip (resident %s, created=%s)", slip.visit_id, resident.id, created)

    @staticmethod
    def _visit_and_subject(uow: UnitOfWork):  # noqa: ANN205 - a small closure over the unit of work
        def load(visit_id: str) -> tuple[VisitRow, rules.Subject]:
            visit = uow.visits.get(visit_id)
            if visit is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lượt khám"))
            resident = uow.residents.get(visit.resident_id)
            return visit, subject_of(resident.birth_date, resident.birth_year, sex=resident.sex, on=visit.visit_date)
        return load


# -- helpers -----------------------------------------------------------------------------------------------------

def _clean(entries: Mapping[str, float | None]) -> dict[str, float]:
    values: dict[str, float] = {}
    for key, value in entries.items():
        if value is None:
            continue
        if key not in FIELD_ORDER:
            raise ValidationError(field=key, reason=QT_TRANSLATE_NOOP("errors", "không phải một ô của phiếu"),
                                  key=key)
        values[key] = float(value)
    if not values:
        raise ValidationError(field=QT_TRANSLATE_NOOP("vitals", "Sinh hiệu"),
                              reason=QT_TRANSLATE_NOOP("errors", "chưa nhập giá trị nào"), key=FIELD_ORDER[0])
    return values


def _raise_for(found: Assessment, confirmed: set[str]) -> None:
    for key in FIELD_ORDER:
        if key in found.errors:
            message = found.errors[key]
            raise ValidationError(field=field_label(key), reason=message.text(), key=key, message=message)
    unconfirmed = {k: m for k, m in found.warnings.items() if k not in confirmed}
    if unconfirmed:
        raise WarningsNotConfirmedError(count=len(unconfirmed), keys=tuple(unconfirmed),
                                        messages=unconfirmed)


def _rows(visit_id: str, values: Mapping[str, float], found: Assessment, fasting: bool | None,
          confirmed: set[str], version: int, user_id: str) -> list[MeasurementRow]:
    now = utcnow()
    rows = []
    for key in FIELD_ORDER:
        if key not in values:
            continue
        code, reading = field_code(key)
        context: dict[str, object] = {}
        if code is MeasureCode.GLUCOSE_MMOL:
            context["fasting"] = fasting
        if code.value.startswith("vision"):
            context["glasses"] = code.value.endswith("glasses")
        if code in _BP and found.bp is not None:
            context.update(used=reading - 1 in found.bp.used, average=round(
                found.bp.systolic if code is MeasureCode.SYSTOLIC else found.bp.diastolic, 1))
        rows.append(MeasurementRow(visit_id=visit_id, code=code.value, reading=reading, value=values[key],
                                   unit=rules.UNITS[code], context=context, flags=found.flags.get(key, {}),
                                   confirmed_warning=key in found.warnings and key in confirmed,
                                   version=version, recorded_at=now, recorded_by=user_id))
    if found.bmi is not None:
        rows.append(MeasurementRow(visit_id=visit_id, code=MeasureCode.BMI.value, reading=1, value=found.bmi,
                                   unit=rules.UNITS[MeasureCode.BMI], context={"computed": True},
                                   flags=found.flags.get("bmi", {}), confirmed_warning=False, version=version,
                                   recorded_at=now, recorded_by=user_id))
    return rows


def _as_dict(row: MeasurementRow) -> dict[str, object]:
    return {"id": row.id, "code": row.code, "reading": row.reading, "value": row.value, "unit": row.unit,
            "context": row.context, "flags": row.flags, "confirmed_warning": row.confirmed_warning,
            "version": row.version, "recorded_at": row.recorded_at.isoformat() if row.recorded_at else None,
            "recorded_by": row.recorded_by}


def _record(visit: VisitRow, subject: rules.Subject, rows: Iterable[MeasurementRow]) -> VitalsRecord:
    values, flags, confirmed = {}, {}, []
    bmi = systolic = diastolic = fasting = None
    version, at, by = 0, None, None
    for row in rows:
        code = MeasureCode(row.code)
        version, at, by = max(version, row.version), row.recorded_at, row.recorded_by
        if code is MeasureCode.BMI:
            bmi = row.value
            flags["bmi"] = dict(row.flags or {})
            continue
        key = field_key(code, row.reading)
        values[key] = row.value
        if row.flags:
            flags[key] = dict(row.flags)
        if row.confirmed_warning:
            confirmed.append(key)
        context = row.context or {}
        if code is MeasureCode.GLUCOSE_MMOL:
            fasting = context.get("fasting")
        if code is MeasureCode.SYSTOLIC and "average" in context:
            systolic = context["average"]
        if code is MeasureCode.DIASTOLIC and "average" in context:
            diastolic = context["average"]
    return VitalsRecord(visit.id, VisitStatus(visit.status), subject, values, fasting, bmi, systolic, diastolic,
                        flags, tuple(confirmed), version, at, by)


def parse_number(text: str) -> float | None:
    """A typed number with a comma or a dot as decimal separator; None when empty or not a finite number."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


__all__ = ["Assessment", "Draft", "ExamService", "FIELD_ORDER", "ReasonRequiredError", "VitalsRecord",
           "VitalsVersion", "WarningsNotConfirmedError", "assess", "field_code", "field_key", "field_label",
           "parse_number", "subject_of"]
