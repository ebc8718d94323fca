"""A visit's PL01 form answered in full (tests, benchmarks): the station's facility codes set, and a plausible
synthetic answer recorded at its desk for every needed field the station's own data do not fill."""
from __future__ import annotations

from station_app.core.pl01_answers import Answer
from station_app.core.synthetic_pl01 import normal_value
from station_app.persistence.unit_of_work import UnitOfWork

FACILITY_CODE, FACILITY_GLN = "12345", "8931234567893"


def set_facility(ctx, code=FACILITY_CODE, gln=FACILITY_GLN):
    with UnitOfWork(ctx.db) as uow:
        station = uow.stations.current()
        station.facility_code, station.facility_gln = code, gln
        uow.commit()


def plausible(f) -> str:  # noqa: ANN001 - FieldDefinition
    """A value the field accepts: the normal one the training station gives (core.synthetic_pl01), else the first
    code of its list, a number inside its limits, 0 for yes/no, an ICD-10 code of a check-up, a normal finding."""
    normal = normal_value(f)
    if normal is not None and f.accepts(normal):
        return normal
    if f.codes is not None:
        return f.codes.codes[0].code
    if f.input == "yesno":
        return "0"
    if f.input in ("number", "computed"):
        low, high = f.limits
        middle = (low or 0) if high is None else ((low or 0) + high) / 2
        return str(int(middle)) if f.input == "computed" or float(middle).is_integer() else f"{middle:.1f}"
    if f.input == "icd10":
        return "Z00.0"
    if f.input == "date":
        return "2026-01-01"
    return "Bình thường"[: f.size or None]


def answer_everything(ctx, user, visit_id, reason="Bổ sung theo QĐ 1551"):
    """Every field of the national form the visit still misses, answered at its desk (facility codes set on the
    station). Fields the station keeps in the records of the vital signs, the findings and the conclusion are
    left to those desks (a test that skips one sees it missing); the resident's own data a test resident lacks
    (an ID card number, an ethnic group) are answered at reception."""
    set_facility(ctx)
    for desk, fields in ctx.pl01_records.missing(visit_id).items():
        kept_elsewhere = desk == "vitals" or desk == "conclusion" or desk.startswith("doctor:")
        answers = [Answer(f.code, plausible(f)) for f in fields if not (f.station_field and kept_elsewhere)]
        if answers:
            ctx.answers.save(user, visit_id, desk=desk, answers=answers, reason=reason)
