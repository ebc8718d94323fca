"""The doctor's desk and counselling: history, findings per specialty, conclusion, counselling, completion.

Roles (core.roles): history, findings and the conclusion need RECORD_FINDINGS / CONCLUDE_VISIT (doctors and
admins); counselling needs WRITE_COUNSELLING (nurses too); completing a visit needs CONCLUDE_VISIT.
After a visit is completed (or referred) every change needs a reason: the row as it was is copied to
``record_versions`` with the reason, its version goes up, and an audit event names the change.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from station_app.core import checkup_book as book
from station_app.core.checkup_book import (AmendmentReasonRequiredError, OverrideReasonRequiredError, Topic, Urgency,
                                           VisitIncompleteError)
from station_app.core.errors import NotFoundError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.icd10 import UnknownIcd10CodeError
from station_app.core.model import AuditAction, HealthClass, Sex, Specialty, VisitStatus
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import (ConclusionRow, CounsellingNoteRow, DiagnosisRow, FindingRow,
                                            HistoryItemRow, MeasurementRow, RecordVersionRow, ResidentRow,
                                            VisitRow, utcnow)
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.station.pl01_values import gaps_of
from station_app.services.common.reference import icd10_index

log = logging.getLogger(__name__)
_DONE = {VisitStatus.COMPLETED.value, VisitStatus.REFERRED.value}


@dataclass(frozen=True)
class HistoryAnswer:
    item: str
    answer: bool
    detail: str | None = None


@dataclass(frozen=True)
class Diagnosis:
    code: str
    label: str = ""


@dataclass(frozen=True)
class Finding:
    specialty: Specialty
    no_abnormality: bool
    text: str | None
    diagnoses: tuple[Diagnosis, ...]
    health_class: HealthClass | None
    version: int = 1


@dataclass(frozen=True)
class Referral:
    to: str
    why: str
    urgency: Urgency = Urgency.ROUTINE


@dataclass(frozen=True)
class FindingInput:
    """One specialty's finding as the doctor typed it, for ``save_desk``."""
    specialty: Specialty
    no_abnormality: bool
    text: str | None
    diagnoses: Sequence[Diagnosis]
    health_class: HealthClass | None


@dataclass(frozen=True)
class ConclusionInput:
    overall_class: HealthClass
    override_reason: str | None
    advice: str | None
    referral: Referral | None


@dataclass(frozen=True)
class Conclusion:
    computed_class: HealthClass | None
    overall_class: HealthClass
    override_reason: str | None
    advice: str | None
    referral: Referral | None
    concluded_by: str | None  # user id
    doctor_name: str
    concluded_at: dt.datetime
    version: int = 1


@dataclass(frozen=True)
class Counselling:
    topics: tuple[Topic, ...]
    text: str
    version: int = 1


@dataclass(frozen=True)
class RecordVersion:
    """One version of one part of a visit, for the history view.

    ``part`` is vitals, history, finding, conclusion or counselling; ``key`` the history item or specialty code
    ("" for the others). ``changed_by``/``changed_at`` say who wrote this version and when; ``reason`` why it
    replaced the one before (None for a first version). ``values`` are plain values to summarise, ``data`` the
    whole record as kept.
    """

    part: str
    key: str
    version: int
    changed_at: dt.datetime | None
    changed_by: str
    reason: str | None
    values: Mapping[str, Any]
    data: Mapping[str, Any]
    current: bool


@dataclass(frozen=True)
class DeskState:
    """What the doctor's form needs to open a visit, read in one go."""

    sex: Sex
    age_years: int
    status: VisitStatus
    specialties: tuple[Specialty, ...]
    history: tuple[HistoryAnswer, ...]
    findings: tuple[Finding, ...]
    conclusion: Conclusion | None
    counselling: Counselling | None
    flags: Mapping[str, str] = field(default_factory=dict)
    suggested: tuple[Topic, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def completed(self) -> bool:
        return self.status.value in _DONE


class FindingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading -------------------------------------------------------------------------------------------

    def state(self, visit_id: str) -> DeskState:
        with UnitOfWork(self._db) as uow:
            visit, resident = _visit(uow, visit_id)
            sex, age = Sex(resident.sex), visit.visit_date.year - resident.birth_year
            history = _history(uow, visit_id)
            flags = _flags(uow, visit_id)
            yes = [h.item for h in history if h.answer]
            return DeskState(sex, age, VisitStatus(visit.status), book.specialties(sex, age), history,
                             _findings(uow, visit_id), _conclusion(uow, visit_id), _counselling(uow, visit_id),
                             flags, book.suggested_topics(flags, yes), _missing(uow, visit, resident))

    def history(self, visit_id: str) -> tuple[HistoryAnswer, ...]:
        with UnitOfWork(self._db) as uow:
            return _history(uow, visit_id)

    def findings(self, visit_id: str) -> tuple[Finding, ...]:
        with UnitOfWork(self._db) as uow:
            return _findings(uow, visit_id)

    def conclusion(self, visit_id: str) -> Conclusion | None:
        with UnitOfWork(self._db) as uow:
            return _conclusion(uow, visit_id)

    def counselling(self, visit_id: str) -> Counselling | None:
        with UnitOfWork(self._db) as uow:
            return _counselling(uow, visit_id)

    def completion(self, visit_id: str) -> tuple[str, ...]:
        """Codes of the parts still missing (core.checkup_book.missing_parts); empty when complete."""
        with UnitOfWork(self._db) as uow:
            return _missing(uow, *_visit(uow, visit_id))

    def versions(self, visit_id: str) -> list[RecordVersion]:
        """Every version of every part of the visit (vital signs included), newest first."""
        with UnitOfWork(self._db) as uow:
            _visit(uow, visit_id)
            repo = uow.visit_history
            snapshots = _kept_snapshots(repo.kept_versions(visit_id)) + _current_snapshots(repo.current_rows(visit_id))
            names = repo.user_names(_author(part, data)[0] for part, _k, _v, data, _r, _c in snapshots)
        reasons = {(part, key, version): reason for part, key, version, _d, reason, _c in snapshots}
        out = []
        for part, key, version, data, _reason, current in snapshots:
            by, at = _author(part, data)
            out.append(RecordVersion(part, key, version, _when(at), names.get(by or "", ""),
                                     reasons.get((part, key, version - 1)), _values(part, data), data, current))
        return sorted(out, key=lambda v: (v.changed_at or dt.datetime.min, v.version), reverse=True)

    # -- writing -------------------------------------------------------------------------------------------

    @contextmanager
    def _work(self, shared: UnitOfWork | None) -> Iterator[UnitOfWork]:
        """The caller's unit of work (it commits), or one of our own, committed when the block ends."""
        if shared is not None:
            yield shared
            return
        with UnitOfWork(self._db) as uow:
            yield uow
            uow.commit()

    def save_desk(self, user: SignedInUser, visit_id: str, *, history: Iterable[HistoryAnswer],
                  findings: Iterable[FindingInput], conclusion: ConclusionInput | None,
                  reason: str | None = None, draft_desk: str | None = None) -> DeskState:
        """The doctor's whole desk in one transaction: history, findings and conclusion are all saved or, when any
        part is refused, none is (the form keeps everything typed); ``draft_desk``'s draft goes with the save."""
        with UnitOfWork(self._db) as uow:
            self.save_history(user, visit_id, answers=history, reason=reason, uow=uow)
            for f in findings:
                self.save_finding(user, visit_id, specialty=f.specialty, no_abnormality=f.no_abnormality, text=f.text,
                                  diagnoses=f.diagnoses, health_class=f.health_class, reason=reason, uow=uow)
            if conclusion is not None:
                self.save_conclusion(user, visit_id, overall_class=conclusion.overall_class,
                                     override_reason=conclusion.override_reason, advice=conclusion.advice,
                                     referral=conclusion.referral, reason=reason, uow=uow)
            if draft_desk is not None:
                uow.exams.discard_draft(visit_id, draft_desk)
            uow.commit()
        return self.state(visit_id)

    def save_history(self, user: SignedInUser, visit_id: str, *, answers: Iterable[HistoryAnswer],
                     reason: str | None = None, uow: UnitOfWork | None = None) -> tuple[HistoryAnswer, ...]:
        require(user.role, Permission.RECORD_FINDINGS)
        with self._work(uow) as uow:
            visit, _ = _visit(uow, visit_id)
            rows = {r.item: r for r in _rows(uow, HistoryItemRow, visit_id)}
            answers = [HistoryAnswer(a.item, a.answer, (a.detail or "").strip() or None) for a in answers]
            todo = [a for a in answers if a.item not in rows or (rows[a.item].answer, rows[a.item].detail)
                    != (a.answer, a.detail)]
            if not todo:
                return _history(uow, visit_id)
            why = _amendment_reason(visit, reason)
            changed = 0
            for a in todo:
                row = rows.get(a.item)
                detail = a.detail
                if row is None:
                    uow.findings.add(HistoryItemRow(visit_id=visit_id, item=a.item, answer=a.answer, detail=detail,
                                                    recorded_by=user.id))
                else:
                    _keep_version(uow, "history_items", row, why, user)
                    row.answer, row.detail, row.recorded_by, row.recorded_at = a.answer, detail, user.id, utcnow()
                changed += 1
            _touch(visit)
            uow.audit(AuditAction.UPDATE if rows else AuditAction.CREATE, "history_items", visit_id, user.id,
                      _details(changed=changed, amended=why is not None))
            log.info("visit %s: history saved, %d items changed", visit_id, changed)
            return _history(uow, visit_id)

    def save_finding(self, user: SignedInUser, visit_id: str, *, specialty: Specialty, no_abnormality: bool,
                     text: str | None, diagnoses: Sequence[Diagnosis], health_class: HealthClass | None,
                     reason: str | None = None, uow: UnitOfWork | None = None) -> Finding:
        require(user.role, Permission.RECORD_FINDINGS)
        specialty = Specialty(specialty)
        klass = HealthClass(health_class) if health_class else None
        text = (text or "").strip() or None
        diagnoses = _known_codes(diagnoses)
        if not no_abnormality and not text and not diagnoses:
            raise ValidationError(field=book.SPECIALTY_LABELS[specialty],
                                  reason=QT_TRANSLATE_NOOP("checkup", "hãy ghi điều bất thường phát hiện được "
                                                                      "hoặc chọn 'Không phát hiện bất thường'"))
        with self._work(uow) as uow:
            visit, _ = _visit(uow, visit_id)
            row = next((r for r in _rows(uow, FindingRow, visit_id) if r.specialty == specialty.value), None)
            wanted = Finding(specialty, no_abnormality, text,
                             tuple(diagnoses), klass)
            if row is not None and replace(_finding(row), version=1) == wanted:
                return _finding(row)  # nothing changed: no new version, no audit event
            why = _amendment_reason(visit, reason)
            action = AuditAction.CREATE if row is None else AuditAction.UPDATE
            if row is None:
                row = FindingRow(visit_id=visit_id, specialty=specialty.value)
                uow.findings.add(row)
            else:
                _keep_version(uow, "findings", row, why, user)
            row.no_abnormality, row.text, row.recorded_by, row.recorded_at = no_abnormality, text, user.id, utcnow()
            row.health_class = klass.value if klass else None
            row.diagnoses = [DiagnosisRow(icd10=d.code, label=d.label or None) for d in diagnoses]
            _touch(visit)
            uow.findings.flush()
            uow.audit(action, "findings", row.id, user.id,
                      _details(visit_id=visit_id, specialty=specialty.value, diagnoses=len(diagnoses),
                               amended=why is not None))
            log.info("visit %s: finding %s saved", visit_id, specialty.value)
            return _finding(row)

    def save_conclusion(self, user: SignedInUser, visit_id: str, *, overall_class: HealthClass,
                        override_reason: str | None, advice: str | None, referral: Referral | None,
                        reason: str | None = None, uow: UnitOfWork | None = None) -> Conclusion:
        """Recorded under ``user`` and now. A class other than the worst specialty class needs a reason."""
        require(user.role, Permission.CONCLUDE_VISIT)
        chosen = HealthClass(overall_class)
        override = (override_reason or "").strip() or None
        referral = _clean_referral(referral)
        with self._work(uow) as uow:
            visit, _ = _visit(uow, visit_id)
            computed = book.overall_class(f.health_class for f in _findings(uow, visit_id))
            if book.override_needs_reason(computed, chosen) and not override:
                raise OverrideReasonRequiredError(chosen=chosen.value, computed=computed.value)  # type: ignore[union-attr]
            row = uow.findings.conclusion(visit_id)
            kept_reason = override if book.override_needs_reason(computed, chosen) else None
            wanted = (computed.value if computed else None, chosen.value, kept_reason, (advice or "").strip() or None,
                      referral.to if referral else None, referral.why if referral else None,
                      referral.urgency.value if referral else None)
            if row is not None and wanted == (row.computed_class, row.overall_class, row.override_reason, row.advice,
                                              row.referral_to, row.referral_reason, row.referral_urgency):
                return _conclusion(uow, visit_id)  # type: ignore[return-value]
            why = _amendment_reason(visit, reason)
            action = AuditAction.CREATE if row is None else AuditAction.UPDATE
            if row is None:
                row = ConclusionRow(visit_id=visit_id)
                uow.findings.add(row)
            else:
                _keep_version(uow, "conclusions", row, why, user)
            row.computed_class = computed.value if computed else None
            row.overall_class = chosen.value
            row.override_reason = override if book.override_needs_reason(computed, chosen) else None
            row.advice = (advice or "").strip() or None
            row.referral_to = referral.to if referral else None
            row.referral_reason = referral.why if referral else None
            row.referral_urgency = referral.urgency.value if referral else None
            row.concluded_by, row.concluded_at = user.id, utcnow()
            _touch(visit)
            uow.findings.flush()
            uow.audit(action, "conclusions", row.id, user.id,
                      _details(visit_id=visit_id, overridden=row.override_reason is not None,
                               referred=referral is not None, amended=why is not None))
            log.info("visit %s: conclusion saved", visit_id)
            return _conclusion(uow, visit_id)  # type: ignore[return-value]

    def save_counselling(self, user: SignedInUser, visit_id: str, *, topics: Iterable[Topic | str], text: str,
                         reason: str | None = None) -> Counselling:
        """Topics are kept one row each (so they can be counted), the note text in one row without a topic."""
        require(user.role, Permission.WRITE_COUNSELLING)
        chosen = tuple(t for t in Topic if t in {Topic(x) for x in topics})
        text = (text or "").strip()
        with UnitOfWork(self._db) as uow:
            visit, _ = _visit(uow, visit_id)
            old = _rows(uow, CounsellingNoteRow, visit_id)
            before = _counselling(uow, visit_id)
            if before is not None and (before.topics, before.text) == (chosen, text):
                return before
            why = _amendment_reason(visit, reason)
            version = max((r.version for r in old), default=0) + 1
            for row in old:
                _keep_version(uow, "counselling_notes", row, why, user)
                uow.findings.remove(row)
            uow.findings.flush()
            for topic in chosen:
                uow.findings.add(CounsellingNoteRow(visit_id=visit_id, topic=topic.value, text="", version=version,
                                                    recorded_by=user.id))
            if text:
                uow.findings.add(CounsellingNoteRow(visit_id=visit_id, topic=None, text=text, version=version,
                                                    recorded_by=user.id))
            _touch(visit)
            uow.audit(AuditAction.UPDATE if old else AuditAction.CREATE, "counselling_notes", visit_id, user.id,
                      _details(topics=[t.value for t in chosen], amended=why is not None))
            uow.commit()
            log.info("visit %s: counselling saved, %d topics", visit_id, len(chosen))
            return _counselling(uow, visit_id)  # type: ignore[return-value]

    def complete(self, user: SignedInUser, visit_id: str) -> VisitStatus:
        """Completed, or referred when the conclusion refers; refuses with the list of what is missing."""
        require(user.role, Permission.CONCLUDE_VISIT)
        with UnitOfWork(self._db) as uow:
            visit, resident = _visit(uow, visit_id)
            missing = _missing(uow, visit, resident)
            if missing:
                raise VisitIncompleteError(missing=", ".join(book.part_label(p) for p in missing), parts=missing)
            conclusion = uow.findings.conclusion(visit_id)  # there is one: nothing is missing
            status = VisitStatus.REFERRED if conclusion.referral_to else VisitStatus.COMPLETED
            before = visit.status
            visit.status, visit.completed_at, visit.completed_by = status.value, utcnow(), user.id
            uow.audit(AuditAction.UPDATE, "visits", visit_id, user.id, {"status": status.value, "was": before})
            uow.commit()
            log.info("visit %s: %s", visit_id, status.value)
            return status


# -- helpers ---------------------------------------------------------------------------------------------------

def _visit(uow: UnitOfWork, visit_id: str) -> tuple[VisitRow, ResidentRow]:
    visit = uow.findings.visit(visit_id)
    if visit is None:
        raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lượt khám"))
    return visit, uow.findings.resident(visit.resident_id)  # type: ignore[return-value]


def _rows(uow: UnitOfWork, table: Any, visit_id: str) -> list[Any]:
    return uow.findings.rows(table, visit_id)


def _touch(visit: VisitRow) -> None:
    if visit.status == VisitStatus.REGISTERED.value:
        visit.status, visit.started_at = VisitStatus.IN_PROGRESS.value, utcnow()


def _amendment_reason(visit: VisitRow, reason: str | None) -> str | None:
    """None before completion; after it, the reason given, or AmendmentReasonRequiredError."""
    if visit.status not in _DONE:
        return None
    why = (reason or "").strip()
    if not why:
        raise AmendmentReasonRequiredError()
    return why


def _keep_version(uow: UnitOfWork, entity: str, row: Any, why: str | None, user: SignedInUser) -> None:
    """After completion, copy the row as it is to record_versions and raise its version."""
    if why is None:
        return
    uow.findings.add(RecordVersionRow(entity=entity, entity_id=row.id, version=row.version, data=_as_json(row),
                                      reason=why, replaced_by=user.id))
    row.version += 1


def _as_json(row: Any) -> dict:
    data = {c.name: _plain(getattr(row, c.key)) for c in row.__table__.columns}
    if isinstance(row, FindingRow):
        data["diagnoses"] = [{"icd10": d.icd10, "label": d.label} for d in row.diagnoses]
    return data


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _details(**data: Any) -> dict:
    return {k: v for k, v in data.items() if v not in (None, False)}


def _clean_referral(referral: Referral | None) -> Referral | None:
    if referral is None or not (referral.to.strip() or referral.why.strip()):
        return None
    if not referral.to.strip():
        raise ValidationError(field=QT_TRANSLATE_NOOP("checkup", "Chuyển đến"),
                              reason=QT_TRANSLATE_NOOP("checkup", "hãy ghi nơi chuyển đến"))
    if not referral.why.strip():
        raise ValidationError(field=QT_TRANSLATE_NOOP("checkup", "Lý do chuyển"),
                              reason=QT_TRANSLATE_NOOP("checkup", "hãy ghi lý do chuyển tuyến"))
    return Referral(referral.to.strip(), referral.why.strip(), Urgency(referral.urgency))


def _known_codes(diagnoses: Sequence[Diagnosis]) -> list[Diagnosis]:
    """Each diagnosis with its code written as the ICD-10 list writes it ("e119" → "E11.9"); an unknown code is
    refused, naming it, so the record sent to the national database holds only real codes."""
    known = []
    for d in diagnoses:
        found = icd10_index().get(d.code)
        if found is None:
            raise UnknownIcd10CodeError(code=d.code.strip())
        known.append(Diagnosis(found.code, d.label or ""))
    return known


def _history(uow: UnitOfWork, visit_id: str) -> tuple[HistoryAnswer, ...]:
    order = {item.code: i for i, item in enumerate(book.HISTORY_ITEMS)}
    rows = sorted(_rows(uow, HistoryItemRow, visit_id), key=lambda r: order.get(r.item, len(order)))
    return tuple(HistoryAnswer(r.item, r.answer, r.detail) for r in rows)


def _finding(row: FindingRow) -> Finding:
    return Finding(Specialty(row.specialty), row.no_abnormality, row.text,
                   tuple(Diagnosis(d.icd10, d.label or "") for d in row.diagnoses),
                   HealthClass(row.health_class) if row.health_class else None, row.version)


def _findings(uow: UnitOfWork, visit_id: str) -> tuple[Finding, ...]:
    order = list(Specialty)
    found = [_finding(r) for r in _rows(uow, FindingRow, visit_id)]
    return tuple(sorted(found, key=lambda f: order.index(f.specialty)))


def _conclusion(uow: UnitOfWork, visit_id: str) -> Conclusion | None:
    row = uow.findings.conclusion(visit_id)
    if row is None:
        return None
    doctor = uow.findings.user(row.concluded_by) if row.concluded_by else None
    referral = Referral(row.referral_to, row.referral_reason or "", Urgency(row.referral_urgency or "routine")) \
        if row.referral_to else None
    return Conclusion(HealthClass(row.computed_class) if row.computed_class else None, HealthClass(row.overall_class),
                      row.override_reason, row.advice, referral, row.concluded_by,
                      doctor.full_name if doctor else "", row.concluded_at, row.version)


def _counselling(uow: UnitOfWork, visit_id: str) -> Counselling | None:
    rows = _rows(uow, CounsellingNoteRow, visit_id)
    if not rows:
        return None
    codes = {r.topic for r in rows if r.topic}
    text = next((r.text for r in rows if not r.topic), "")
    return Counselling(tuple(t for t in Topic if t.value in codes), text, max(r.version for r in rows))


_PARTS = {"vitals": "vitals", "history_items": "history", "findings": "finding", "conclusions": "conclusion",
          "counselling_notes": "counselling"}
# (part, key, version, data, reason it was replaced, current)
_Snapshot = tuple[str, str, int, dict, str | None, bool]


def _part_key(part: str, data: Mapping[str, Any]) -> str:
    return str(data.get("item") or "") if part == "history" else str(data.get("specialty") or "") \
        if part == "finding" else ""


def _kept_snapshots(rows: Iterable[RecordVersionRow]) -> list[_Snapshot]:
    """Kept rows as snapshots; counselling keeps one row per note, so its rows are grouped by version."""
    out: list[_Snapshot] = []
    notes: dict[int, list[RecordVersionRow]] = {}
    for row in rows:
        part = _PARTS.get(row.entity)
        if part == "counselling":
            notes.setdefault(row.version, []).append(row)
        elif part is not None:
            out.append((part, _part_key(part, row.data), row.version, dict(row.data), row.reason, False))
    for version, group in notes.items():
        out.append(("counselling", "", version, {"notes": [dict(r.data) for r in group]}, group[0].reason, False))
    return out


def _current_snapshots(current: Mapping[str, list]) -> list[_Snapshot]:
    out: list[_Snapshot] = []
    if current["vitals"]:
        version = max(r.version for r in current["vitals"])
        out.append(("vitals", "", version, {"measurements": [_as_json(r) for r in current["vitals"]]}, None, True))
    for part, rows in (("history", current["history"]), ("finding", current["findings"]),
                       ("conclusion", current["conclusion"])):
        out += [(part, _part_key(part, _as_json(r)), r.version, _as_json(r), None, True) for r in rows]
    if current["counselling"]:
        version = max(r.version for r in current["counselling"])
        out.append(("counselling", "", version, {"notes": [_as_json(r) for r in current["counselling"]]}, None, True))
    return out


def _author(part: str, data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """Who wrote a snapshot and when (an ISO string), from the record itself."""
    if part in ("vitals", "counselling"):
        rows = data.get("measurements") or data.get("notes") or [{}]
        return rows[0].get("recorded_by"), rows[0].get("recorded_at")
    if part == "conclusion":
        return data.get("concluded_by"), data.get("concluded_at")
    return data.get("recorded_by"), data.get("recorded_at")


def _when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _values(part: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The values a person reads, without ids and bookkeeping."""
    if part == "vitals":
        return {f"{m['code']}_{m['reading']}": m["value"] for m in data["measurements"]}
    if part == "counselling":
        notes = data["notes"]
        return {"topics": [n["topic"] for n in notes if n.get("topic")],
                "text": next((n.get("text") for n in notes if not n.get("topic")), "")}
    if part == "history":
        return {"answer": data.get("answer"), "detail": data.get("detail")}
    if part == "finding":
        return {"health_class": data.get("health_class"), "no_abnormality": data.get("no_abnormality"),
                "text": data.get("text"), "diagnoses": [d["icd10"] for d in data.get("diagnoses", [])]}
    keys = ("overall_class", "computed_class", "override_reason", "advice", "referral_to", "referral_reason")
    return {k: data.get(k) for k in keys}


def _flags(uow: UnitOfWork, visit_id: str) -> dict[str, str]:
    """The vital-sign flags of the visit's measurements, merged (the latest reading of a kind wins)."""
    merged: dict[str, str] = {}
    rows = sorted(_rows(uow, MeasurementRow, visit_id), key=lambda r: (r.recorded_at, r.reading))
    for row in rows:
        merged.update({str(k): str(v) for k, v in (row.flags or {}).items()})
    return merged


def _missing(uow: UnitOfWork, visit: VisitRow, resident: ResidentRow) -> tuple[str, ...]:
    sex, age = Sex(resident.sex), visit.visit_date.year - resident.birth_year
    classed = [f.specialty.value for f in _findings(uow, visit.id) if f.health_class]
    has_conclusion = uow.findings.has_conclusion(visit.id)
    parts = book.missing_parts(has_vitals=bool(_rows(uow, MeasurementRow, visit.id)),
                               has_history=bool(_rows(uow, HistoryItemRow, visit.id)),
                               classed_specialties=classed, required=book.specialties(sex, age),
                               has_conclusion=has_conclusion)
    # QĐ 1551: each desk whose fields of the visit's form are neither recorded nor marked (refused, not done),
    # unless the book's own part of that desk is missing already (the vital signs, a specialty, the conclusion)
    national = tuple(book.national_part(desk) for desk in gaps_of(uow, visit)
                     if book.book_part_of(desk) not in parts)
    return parts + national
