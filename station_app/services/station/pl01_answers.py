"""The desks' answers to a visit's PL01 form, and the visit's form itself.

Each save names its desk; an answer is taken only for a code of the visit's form recorded at that desk, with a
value its field accepts (core.pl01.FieldDefinition.accepts). After the visit is completed, a change needs a
reason: the desk's answers as they were are kept in ``record_versions`` and the version goes up. The form is the
one ``core.pl01.choose_form`` gives for the resident's age on the visit date (and the roster's grade, for a
pupil); a doctor can change it, with a reason, and the change is audited.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace

from station_app.core.checkup_book import AmendmentReasonRequiredError
from station_app.core.errors import NotFoundError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.icd10 import UnknownIcd10CodeError
from station_app.core.model import AuditAction, VisitStatus
from station_app.core.pl01 import CAMPAIGN_FORMS, FormDefinition, visit_form
from station_app.core.pl01_answers import Answer, AnswerStatus, StoredAnswer, changed
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import ResidentRow, VisitRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.common.pl01_forms import form
from station_app.services.common.reference import icd10_index

log = logging.getLogger(__name__)
_DONE = {VisitStatus.COMPLETED.value, VisitStatus.REFERRED.value}


def desk_permission(desk: str) -> Permission:
    """Who may record at a desk: reception (registering), the nurse's desks (vital signs, child development,
    laboratory), the doctor's (specialties, conclusion), counselling."""
    if desk == "reception":
        return Permission.REGISTER_RESIDENTS
    if desk in ("vitals", "child_development", "laboratory"):
        return Permission.RECORD_VITALS
    if desk.startswith("doctor:") or desk == "conclusion":
        return Permission.RECORD_FINDINGS
    if desk == "counselling":
        return Permission.WRITE_COUNSELLING
    raise ValidationError(field=desk, reason=QT_TRANSLATE_NOOP("errors", "không ghi được ở bàn này"), key="desk")


@dataclass(frozen=True)
class VisitForm:
    """The visit's form: the number, whether a doctor chose it instead of the rule, and why."""

    number: int
    chosen_by_rule: int
    reason: str | None = None

    @property
    def changed(self) -> bool:
        return self.number != self.chosen_by_rule


def form_by_rule(visit: VisitRow, resident: ResidentRow) -> int:
    """The form core.pl01.choose_form gives this visit (whatever a doctor chose)."""
    return visit_form(chosen=None, birth_date=resident.birth_date, birth_year=resident.birth_year,
                      visit_date=visit.visit_date, school_class=resident.school_class)


class AnswerService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- the form ------------------------------------------------------------------------------------------

    def visit_form(self, visit_id: str) -> VisitForm:
        with UnitOfWork(self._db, read_only=True) as uow:
            visit, resident = _visit(uow, visit_id)
            rule = form_by_rule(visit, resident)
            return VisitForm(visit.pl01_form or rule, rule, visit.pl01_form_reason)

    def definition(self, visit_id: str) -> FormDefinition:
        return form(self.visit_form(visit_id).number)

    def change_form(self, user: SignedInUser, visit_id: str, *, number: int, reason: str) -> VisitForm:
        """The doctor sets the visit's form to ``number`` (a campaign form), with a reason; setting it back to the
        rule's form clears the reason."""
        require(user.role, Permission.RECORD_FINDINGS)
        if number not in CAMPAIGN_FORMS:
            raise ValidationError(field=QT_TRANSLATE_NOOP("labels", "Mẫu khám"), key="form",
                                  reason=QT_TRANSLATE_NOOP("errors", "mẫu này không dùng trong đợt khám định kỳ"))
        why = (reason or "").strip()
        with UnitOfWork(self._db) as uow:
            visit, resident = _visit(uow, visit_id)
            rule = form_by_rule(visit, resident)
            if number != rule and not why:
                raise ValidationError(field=QT_TRANSLATE_NOOP("labels", "Lý do"), key="reason",
                                      reason=QT_TRANSLATE_NOOP("errors", "hãy ghi lý do đổi mẫu khám"))
            before = visit.pl01_form or rule
            visit.pl01_form = number
            visit.pl01_form_reason = why if number != rule else None
            uow.audit(AuditAction.UPDATE, "visit_form", visit_id, user.id,
                      {"from": before, "to": number, "by_rule": rule})
            uow.commit()
            log.info("visit %s form %d -> %d", visit_id, before, number)
            return VisitForm(number, rule, visit.pl01_form_reason)

    # -- answers -------------------------------------------------------------------------------------------

    def answers(self, visit_id: str) -> list[StoredAnswer]:
        with UnitOfWork(self._db, read_only=True) as uow:
            return uow.answers.of_visit(visit_id)

    def earlier(self, visit_id: str, codes: Iterable[str]) -> dict[str, list[Answer]]:
        """The resident's newest answers to ``codes`` from earlier visits (reception offers them again)."""
        with UnitOfWork(self._db, read_only=True) as uow:
            visit = uow.answers.visit(visit_id)
            if visit is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lượt khám"))
            return uow.answers.latest_of_resident(visit.resident_id, codes, before_visit=visit_id)

    def save(self, user: SignedInUser, visit_id: str, *, desk: str, answers: Iterable[Answer],
             cleared: Iterable[tuple[str, int]] = (), reason: str | None = None) -> int:
        """Store a desk's answers (and remove ``cleared`` ones) in one transaction; returns the number changed.

        Raises ValidationError (``key`` is the PL01 code) for a code not on this desk of the visit's form or a
        value its field refuses, AmendmentReasonRequiredError to change a completed visit without a reason."""
        require(user.role, desk_permission(desk))
        given = list(answers)
        gone = list(dict.fromkeys(cleared))
        with UnitOfWork(self._db) as uow:
            visit, resident = _visit(uow, visit_id)
            definition = form(visit.pl01_form or form_by_rule(visit, resident))
            given = [_check(definition, desk, a) for a in given]
            for code, _item in gone:
                _check_code(definition, desk, code)
            stored = {(r.code, r.item): r for r in uow.answers.rows(visit_id)}
            before = {k: Answer(r.code, r.value, r.item, r.unit, AnswerStatus(r.status), r.reason)
                      for k, r in stored.items()}
            new = changed(before, given)
            removing = [k for k in gone if k in stored]
            if not new and not removing:
                return 0
            touched = [stored[a.key] for a in new if a.key in stored] + [stored[k] for k in removing]
            version = max((r.version for r in stored.values() if r.desk == desk), default=0) + 1
            why = None
            if visit.status in _DONE and (touched or new):
                why = (reason or "").strip()
                if not why:
                    raise AmendmentReasonRequiredError()
                if touched:
                    uow.exams.keep_version(f"answers:{desk}", visit_id, version - 1, {
                        "visit_id": visit_id,
                        "answers": [{"code": r.code, "item": r.item, "value": r.value, "unit": r.unit,
                                     "status": r.status, "reason": r.reason, "version": r.version,
                                     "recorded_by": r.recorded_by, "recorded_at": r.recorded_at.isoformat()}
                                    for r in touched]}, why, user.id)
            uow.answers.put(visit_id, new, desk=desk, user_id=user.id, version=version)
            uow.answers.remove(visit_id, removing)
            if visit.status == VisitStatus.REGISTERED.value and desk != "reception":
                visit.status, visit.started_at = VisitStatus.IN_PROGRESS.value, utcnow()
            details = {"desk": desk, "answers": len(new), "removed": len(removing), "version": version}
            if why is not None:
                details["after_completion"] = True
            uow.audit(AuditAction.UPDATE if touched else AuditAction.CREATE, "answers", visit_id, user.id, details)
            uow.commit()
            log.info("answers of visit %s at %s: %d saved, %d removed", visit_id, desk, len(new), len(removing))
            return len(new) + len(removing)


def _visit(uow: UnitOfWork, visit_id: str) -> tuple[VisitRow, ResidentRow]:
    visit = uow.answers.visit(visit_id)
    resident = uow.findings.resident(visit.resident_id) if visit is not None else None
    if visit is None or resident is None:
        raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lượt khám"))
    return visit, resident


def _check_code(definition: FormDefinition, desk: str, code: str) -> None:
    try:
        f = definition.field(code)
    except KeyError:
        raise ValidationError(field=code, key=code,
                              reason=QT_TRANSLATE_NOOP("errors", "mục này không có trong mẫu khám của lượt khám")) from None
    if f.desk != desk or not f.collected:
        raise ValidationError(field=f.label, key=code, reason=QT_TRANSLATE_NOOP("errors", "mục này không ghi ở bàn này"))


def _check(definition: FormDefinition, desk: str, answer: Answer) -> Answer:
    """The answer as it is stored (ICD-10 codes written as the list writes them), or ValidationError."""
    _check_code(definition, desk, answer.code)
    if answer.status == AnswerStatus.BEFORE_1551:
        raise ValidationError(field=answer.code, key=answer.code,
                              reason=QT_TRANSLATE_NOOP("errors", "mục này không ghi ở bàn này"))
    if answer.status in (AnswerStatus.REFUSED, AnswerStatus.NOT_DONE):
        if answer.status == AnswerStatus.NOT_DONE and not (answer.reason or "").strip():
            raise ValidationError(field=definition.field(answer.code).label, key=answer.code,
                                  reason=QT_TRANSLATE_NOOP("errors", "hãy ghi lý do không làm"))
        return answer
    f = definition.field(answer.code)
    if answer.value is None or not f.accepts(answer.value):
        raise ValidationError(field=f.label, key=answer.code,
                              reason=QT_TRANSLATE_NOOP("errors", "giá trị không hợp lệ cho mục này"))
    return replace(answer, value=_icd10_codes(answer.value)) if f.input == "icd10" else answer


def _icd10_codes(value: str) -> str:
    """'i10; e119' → 'I10;E11.9' (PL01 joins ICD codes with ';'); a code not in the ICD-10 list is refused."""
    codes = []
    for typed in (part.strip() for part in value.split(";") if part.strip()):
        found = icd10_index().get(typed)
        if found is None:
            raise UnknownIcd10CodeError(code=typed)
        codes.append(found.code)
    if not codes:
        raise UnknownIcd10CodeError(code=value.strip())
    return ";".join(codes)
