"""A visit's PL01 values, its record and what it still misses: the station's rows read in one unit of work (a few
queries for a whole day's visits, never a query per visit), handed to the pure core (core.pl01_values,
core.pl01_record, core.pl01_completion)."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from station_app.core.errors import NotFoundError, PermissionDeniedError, SheetNotReadyError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, Sex, VisitStatus
from station_app.core.pl01 import FieldDefinition, FormDefinition
from station_app.core.pl01_answers import AnswerStatus, Pl01Value
from station_app.core.pl01_child_measures import RATING_FIELDS, ZSCORE_FIELDS
from station_app.core.pl01_completion import missing
from station_app.core.pl01_record import Pl01Record, Problem, record, validate
from station_app.core.pl01_values import StationData, values
from station_app.core.roles import Permission, can, require
from station_app.persistence.database import Database
from station_app.persistence.outbox import VisitParts
from station_app.persistence.tables import ResidentRow, StationRow, VisitRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.common.pl01_forms import form
from station_app.services.station.pl01_answers import form_by_rule
from station_app.services.station.pl01_child_measures import child_measure_values

CHILD_COMPUTED = (*ZSCORE_FIELDS, *RATING_FIELDS)  # what the vital-signs desk works out for a child's form

log = logging.getLogger(__name__)
DONE = (VisitStatus.COMPLETED.value, VisitStatus.REFERRED.value)
# Who may print a resident's check-up sheet at the exam page (Pl01Values.for_sheet; docs/PL01.md)
SHEET_PRINTERS = (Permission.RECORD_VITALS, Permission.RECORD_FINDINGS, Permission.PRINT_LISTS)
_RESIDENT_COLUMNS = ("full_name", "sex", "birth_date", "birth_year", "ethnic_code", "national_id", "address",
                     "commune_code", "phone", "guardian_name", "guardian_relation", "guardian_id_number",
                     "school", "school_class")


@dataclass(frozen=True)
class VisitRecord:
    """A visit's form, its values, its record and the record's problems (empty: valid), with what the sheet's
    header shows (the resident's name and the visit date)."""

    visit_id: str
    visit_date: dt.date
    status: str
    full_name: str
    definition: FormDefinition
    values: dict[str, Pl01Value]
    record: Pl01Record
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


class Pl01Values:
    """Reads visits as PL01 values and records (any account that may see the lists: the records name the
    residents), and keeps in the audit log that records were written out."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def of_visit(self, user: SignedInUser | None, visit_id: str) -> VisitRecord:
        found = self.of_visits(user, [visit_id])
        if not found:
            raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lượt khám"))
        return found[0]

    def of_visits(self, user: SignedInUser | None, visit_ids: Iterable[str]) -> list[VisitRecord]:
        """The records of many visits (the order given; unknown ids left out), in a few queries in all."""
        _may_read(user)
        ids = list(dict.fromkeys(visit_ids))
        with UnitOfWork(self._db, read_only=True) as uow:
            visits = uow.exports.visits(ids)
            out = self._records(uow, [visits[i] for i in ids if i in visits])
        log.info("PL01 records read: %d of %d visits", len(out), len(ids))
        return out

    def completed_on(self, user: SignedInUser | None, day: dt.date) -> list[VisitRecord]:
        """Every completed (or referred) visit of ``day`` at every site of the station, in queue order."""
        _may_read(user)
        with UnitOfWork(self._db, read_only=True) as uow:
            visits = [v for site_id, _name in uow.lists.sites() for v in uow.visits.of_day(site_id, day)
                      if v.status in DONE]
            out = self._records(uow, visits)
        log.info("PL01 records of a day: %d completed visits", len(out))
        return out

    def missing(self, visit_id: str) -> dict[str, list[FieldDefinition]]:
        """The fields the visit's form needs that are neither recorded nor marked, by desk (empty: complete)."""
        found = self.of_visit(None, visit_id)
        return missing(found.definition, found.values, found.record.person)

    def exported(self, user: SignedInUser, *, records: Sequence[VisitRecord], kind: str) -> None:
        """The audit event of records written to files (counts and the format only; one visit: its id)."""
        require(user.role, Permission.EXPORT_DATA)
        with UnitOfWork(self._db) as uow:
            uow.audit(AuditAction.EXPORT, "pl01_records", records[0].visit_id if len(records) == 1 else None,
                      user.id, {"records": len(records), "invalid": sum(1 for r in records if r.problems),
                                "format": kind})
            uow.commit()
        log.info("PL01 records exported: %d as %s", len(records), kind)

    def for_sheet(self, user: SignedInUser, visit_id: str) -> VisitRecord:
        """The record of a completed (or referred) visit, read to print the resident's check-up sheet at the desk,
        and the audit event that it was printed (its id, the problems counted). Printing one resident's sheet for
        them is a desk's job, not an export: a nurse or a doctor at the exam desks (or the coordinator, who prints
        lists) may, where writing records to files needs EXPORT_DATA."""
        if not any(can(user.role, p) for p in SHEET_PRINTERS):
            raise PermissionDeniedError(permission=Permission.RECORD_VITALS.value)
        found = self.of_visit(user, visit_id)
        if found.status not in DONE:
            raise SheetNotReadyError()
        with UnitOfWork(self._db) as uow:
            uow.audit(AuditAction.PRINT, "pl01_records", visit_id, user.id,
                      {"records": 1, "invalid": len(found.problems), "format": "pdf"})
            uow.commit()
        log.info("PL01 sheet of visit %s read for printing: %d problems", visit_id, len(found.problems))
        return found

    # -- reading ----------------------------------------------------------------------------------------------

    def _records(self, uow: UnitOfWork, visits: Sequence[VisitRow]) -> list[VisitRecord]:
        return records_of(uow, visits)


# The station's own codes (set by an administrator) and what the program fills in: a visit's examiners cannot
# supply them, so they never hold up its completion; the record's validation still names them.
NOT_BLOCKING = frozenset({"facility", "automatic"})


def gaps_of(uow: UnitOfWork, visit: VisitRow) -> dict[str, list[FieldDefinition]]:
    """What the completion rule still asks of a visit, by desk: the needed fields of its form neither recorded nor
    marked. A visit recorded before QĐ 1551 asks nothing more (its new fields read "not recorded")."""
    if visit.before_1551:
        return {}
    (found,) = records_of(uow, [visit])
    gaps = missing(found.definition, found.values, found.record.person)
    return {desk: fields for desk, fields in gaps.items() if desk not in NOT_BLOCKING}


def records_of(uow: UnitOfWork, visits: Sequence[VisitRow]) -> list[VisitRecord]:
    """The PL01 records of ``visits`` read in one unit of work (a few queries in all)."""
    if not visits:
        return []
    reader = uow.exports
    residents = reader.residents({v.resident_id for v in visits})
    groups = reader.target_groups(residents)
    parts = reader.visit_parts(visits)
    answers = uow.answers.of_visits(v.id for v in visits)
    station = uow.stations.current()
    out = []
    for v in visits:
        resident = residents[v.resident_id]
        definition = form(v.pl01_form or form_by_rule(v, resident))
        data = station_data(v, resident, groups.get(resident.id, []), parts[v.id],
                            [s.answer for s in answers.get(v.id, [])], station)
        found = values(definition, data)
        _add_child_measures(definition, found, data, resident)
        rec = record(definition, found)
        out.append(VisitRecord(v.id, v.visit_date, v.status, resident.full_name, definition, found, rec,
                               tuple(validate(rec))))
    return out


def _add_child_measures(definition: FormDefinition, found: dict[str, Pl01Value], data: StationData,
                        resident: ResidentRow) -> None:
    """A child's z-scores and ratings the desk did not store (vital signs saved by another path: the command line,
    the training station) worked out from the vital signs as they are, as the desk would."""
    wanted = [c for c in CHILD_COMPUTED if c in definition.codes and not (c in found and found[c].accounted_for)]
    if not wanted:
        return
    latest = {code: readings[-1] for code, readings in data.measurements.items() if readings}
    age_days = (data.visit_date - resident.birth_date).days if resident.birth_date is not None else None
    computed = child_measure_values(definition, latest, Sex(resident.sex), age_days)
    for code in wanted:
        if code in computed:
            found[code] = Pl01Value(code, (computed[code],), AnswerStatus.RECORDED, source="computed", items=(0,))


def _may_read(user: SignedInUser | None) -> None:
    if user is not None:
        require(user.role, Permission.VIEW_LISTS)


def station_data(visit: VisitRow, resident: ResidentRow, groups: Sequence[str], parts: VisitParts,
                 answers: Sequence, station: StationRow | None) -> StationData:
    """The rows of one visit as the plain values core.pl01_values reads."""
    measurements: dict[str, list[float]] = {}
    for m in sorted(parts.measurements, key=lambda r: (r.reading, r.recorded_at)):
        measurements.setdefault(m.code, []).append(m.value)
    findings = {f.specialty: {"text": f.text, "health_class": f.health_class, "no_abnormality": f.no_abnormality}
                for f in parts.findings}
    diagnoses = [d.icd10 for f in sorted(parts.findings, key=lambda r: r.recorded_at) for d in f.diagnoses]
    conclusion = parts.conclusion
    consent = max(parts.consents, key=lambda c: c.recorded_at, default=None)
    started = visit.started_at or visit.registered_at
    return StationData(
        visit_id=visit.id, visit_date=visit.visit_date, started_at=_local(started), before_1551=bool(visit.before_1551),
        funding_source=visit.funding_source,
        resident={c: getattr(resident, c) for c in _RESIDENT_COLUMNS}, target_groups=tuple(groups),
        measurements=measurements, findings=findings, diagnoses=tuple(diagnoses),
        history={h.item: (h.answer, h.detail) for h in parts.history},
        conclusion=None if conclusion is None else {"overall_class": conclusion.overall_class,
                                                    "advice": conclusion.advice},
        consent=None if consent is None else {"guardian_name": consent.guardian_name,
                                              "guardian_relation": consent.guardian_relation},
        counselling=tuple(n.text for n in sorted(parts.counselling, key=lambda n: n.recorded_at)),
        glucose_fasting=next(((m.context or {}).get("fasting") for m in parts.measurements
                              if m.code == "glucose_mmol"), None),
        facility_code=station.facility_code if station else None,
        facility_gln=station.facility_gln if station else None, answers=tuple(answers))


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored moment (naive UTC) as the time on the station's wall."""
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
