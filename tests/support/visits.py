"""Visits for the tests, made through the real services as the desks make them (devkit.station): a resident
registered and a visit opened with the consent signed, a doctor's account; and here, raw vital-sign flags and every
specialty filled."""
from __future__ import annotations

from devkit.pl01 import answer_everything
from devkit.station import CONSENT, DOCTOR_PASSWORD, make_doctor, open_visit
from station_app.core.checkup_book import specialties
from station_app.core.ids import new_id
from station_app.core.model import FundingSource, HealthClass, Sex, Specialty, VisitStatus
from station_app.persistence.tables import MeasurementRow, ResidentRow, VisitRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.findings import Diagnosis, HistoryAnswer
from station_app.services.station.registry import ResidentInput, new_resident_row

__all__ = ["CONSENT", "DOCTOR_PASSWORD", "add_vitals", "fill_all", "make_doctor", "open_visit", "resident_row",
           "visit_row"]


def resident_row(name="Tòng Thị Hoa", year=1980, sex=Sex.FEMALE, **resident) -> ResidentRow:
    """A resident's row as reception makes it, not yet stored (``resident``: more of ResidentInput's fields)."""
    return new_resident_row(ResidentInput(full_name=name, sex=sex, birth_year=year, **resident), None)


def visit_row(info, resident_id, queue_number, day, status=VisitStatus.REGISTERED) -> VisitRow:
    """A visit's row at the station's own site in its current campaign (``info``: ctx.station.info(), read before
    a unit of work is open, which holds the write lock), not yet stored."""
    return VisitRow(id=new_id(), resident_id=resident_id, site_id=info.site_id, campaign_id=info.campaign_id,
                    visit_date=day, queue_number=queue_number, status=status.value,
                    funding_source=FundingSource.STATE_BUDGET.value)


def add_vitals(ctx, visit_id, systolic=150, **flags):
    """An adult's set of vital signs with one systolic reading carrying the rules' ``flags`` (bp_grade,
    bmi_class…), written as the vitals desk stores it: every measure the adults' national form asks."""
    values = {"height_cm": 158, "weight_kg": 52.5, "bmi": 21.0, "pulse": 78, "systolic": systolic, "diastolic": 88,
              "vision_right": 0.8, "vision_left": 0.7}
    units = {"height_cm": "cm", "weight_kg": "kg", "bmi": "kg/m2", "pulse": "/min", "systolic": "mmHg",
             "diastolic": "mmHg", "vision_right": "/10", "vision_left": "/10"}
    with UnitOfWork(ctx.db) as uow:
        for code, value in values.items():
            uow.session.add(MeasurementRow(visit_id=visit_id, code=code, value=value, unit=units[code],
                                           flags=flags if code == "systolic" else {}))
        uow.commit()


def fill_all(ctx, doctor, visit_id, sex=Sex.FEMALE, worst=HealthClass.II):
    """History and every specialty of a 46-year-old, internal medicine with hypertension at class ``worst``, and
    the national form's own fields answered at their desks (support.pl01)."""
    ctx.findings.save_history(doctor, visit_id,
                              answers=[HistoryAnswer("tobacco", False), HistoryAnswer("pregnant", False)])
    for s in specialties(sex, 46):
        ctx.findings.save_finding(doctor, visit_id, specialty=s, no_abnormality=True, text=None, diagnoses=[],
                                  health_class=HealthClass.I)
    ctx.findings.save_finding(doctor, visit_id, specialty=Specialty.INTERNAL, no_abnormality=False, text="Huyết áp cao",
                              diagnoses=[Diagnosis("I10", "Tăng huyết áp vô căn (nguyên phát)")], health_class=worst)
    answer_everything(ctx, doctor, visit_id)
