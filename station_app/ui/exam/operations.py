"""The exam page's use cases as typed operations: ``tasks.run(ops.save_vitals(ctx, ...), parent=form, ...)``.

Each factory binds its arguments by keyword and returns an ``Operation`` for the database lane; the few that read or
write more than one thing in a go (a desk with its draft, a save then the visit completed) do so in a small function
below, which runs on the lane and touches no widget.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from station_app.core.cards import ScanResult, SlipIdentity
    from station_app.core.checkup_book import Topic
    from station_app.core.model import VisitStatus
    from station_app.core.pl01 import FormDefinition
    from station_app.core.pl01_answers import StoredAnswer
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.examination import Draft, VitalsRecord
    from station_app.services.station.findings import (ConclusionInput, Counselling, DeskState, FindingInput,
                                                       HistoryAnswer, RecordVersion)
    from station_app.services.station.national_states import NationalStatus
    from station_app.services.station.pl01_answers import VisitForm
    from station_app.services.station.pl01_values import VisitRecord
    from station_app.services.station.registry import VisitInfo
    from station_app.ui.exam.pl01_state import Changes
    from station_app.ui.context import StationContext


@dataclass(frozen=True)
class DoctorDesk:
    """Everything typed at the doctor's desk, as plain values that may cross to the database lane."""

    history: Sequence[HistoryAnswer]
    findings: Sequence[FindingInput]
    conclusion: ConclusionInput | None
    reason: str | None


# -- the queue and the scans -------------------------------------------------------------------------------------

def todays_queue(ctx: StationContext, *, site_id: str) -> Operation[list[VisitInfo]]:
    return Operation(functools.partial(ctx.registry.todays_queue, site_id))


def visit_from_slip(ctx: StationContext, *, user: SignedInUser, slip: SlipIdentity) -> Operation[VisitInfo]:
    return Operation(functools.partial(ctx.exam.visit_from_slip, user, slip=slip))


def todays_visit_of_card(ctx: StationContext, *, scan: ScanResult, site_id: str) -> Operation[VisitInfo | None]:
    """The card holder's visit of today at the site, if reception opened one."""
    return Operation(functools.partial(_todays_visit_of, ctx, scan=scan, site_id=site_id))


def _todays_visit_of(ctx: StationContext, *, scan: ScanResult, site_id: str) -> VisitInfo | None:
    match = ctx.registry.find_or_propose(scan)
    if match.resident is None:
        return None
    return next((v for v in ctx.registry.todays_queue(site_id, day=dt.date.today())
                 if v.resident_id == match.resident.id), None)


# -- loading a desk ----------------------------------------------------------------------------------------------

def load_vitals(ctx: StationContext, *, visit_id: str, desk: str) -> Operation[tuple[VitalsRecord, Draft | None]]:
    """The visit's vital signs and the draft left at ``desk``; the growth tables the live flags need are loaded too."""
    return Operation(functools.partial(_load_vitals, ctx, visit_id=visit_id, desk=desk))


def _load_vitals(ctx: StationContext, *, visit_id: str, desk: str) -> tuple[VitalsRecord, Draft | None]:
    from station_app.services.station.growth import load_tables

    load_tables()
    return ctx.exam.vitals(visit_id), ctx.exam.draft(visit_id, desk=desk)


def load_desk(ctx: StationContext, *, visit_id: str, desk: str) -> Operation[tuple[str, DeskState, Draft | None]]:
    """The visit's records as the doctor's and counselling desks show them, and the draft left at ``desk``."""
    return Operation(functools.partial(_load_desk, ctx, visit_id=visit_id, desk=desk))


def _load_desk(ctx: StationContext, *, visit_id: str, desk: str) -> tuple[str, DeskState, Draft | None]:
    return visit_id, ctx.findings.state(visit_id), ctx.exam.draft(visit_id, desk=desk)


def visit_versions(ctx: StationContext, *, visit_id: str) -> Operation[tuple[list[RecordVersion], dict[str, str]]]:
    """Every version of every part of the visit, and the ICD-10 names their diagnoses are shown with."""
    return Operation(functools.partial(_visit_versions, ctx, visit_id=visit_id))


def national_state(ctx: StationContext, *, visit_id: str) -> Operation[NationalStatus | None]:
    """Where the visit stands with the national system, as the office's receipts said (None: nothing yet)."""
    return Operation(functools.partial(ctx.national.of_visit, visit_id))


def _visit_versions(ctx: StationContext, *, visit_id: str) -> tuple[list[RecordVersion], dict[str, str]]:
    from station_app.services.common.reference import icd10_names

    return ctx.findings.versions(visit_id), icd10_names()


# -- saving ------------------------------------------------------------------------------------------------------

def save_vitals(ctx: StationContext, *, user: SignedInUser, visit_id: str, entries: Mapping[str, float],
                confirmed: Sequence[str], fasting: bool | None, reason: str) -> Operation[VitalsRecord]:
    return Operation(functools.partial(ctx.exam.save_vitals, user, visit_id=visit_id, entries=entries,
                                       confirmed_warnings=confirmed, fasting=fasting, reason=reason))


def save_doctor_desk(ctx: StationContext, *, user: SignedInUser, visit_id: str, desk: DoctorDesk,
                     draft_desk: str) -> Operation[DeskState]:
    """History, findings and conclusion in one transaction, ``draft_desk``'s draft removed with them."""
    return Operation(functools.partial(_save_doctor_desk, ctx, user, visit_id=visit_id, desk=desk,
                                       draft_desk=draft_desk))


def complete_visit(ctx: StationContext, *, user: SignedInUser, visit_id: str, desk: DoctorDesk,
                   draft_desk: str) -> Operation[tuple[VisitStatus, DeskState]]:
    """What is on screen saved first, then the visit completed (or refused with what is missing)."""
    return Operation(functools.partial(_complete_visit, ctx, user, visit_id=visit_id, desk=desk,
                                       draft_desk=draft_desk))


def _save_doctor_desk(ctx: StationContext, user: SignedInUser, *, visit_id: str, desk: DoctorDesk,
                      draft_desk: str) -> DeskState:
    return ctx.findings.save_desk(user, visit_id=visit_id, history=desk.history, findings=desk.findings,
                                  conclusion=desk.conclusion, reason=desk.reason, draft_desk=draft_desk)


def _complete_visit(ctx: StationContext, user: SignedInUser, *, visit_id: str, desk: DoctorDesk,
                    draft_desk: str) -> tuple[VisitStatus, DeskState]:
    _save_doctor_desk(ctx, user, visit_id=visit_id, desk=desk, draft_desk=draft_desk)
    return ctx.findings.complete(user, visit_id=visit_id), ctx.findings.state(visit_id)


def save_counselling(ctx: StationContext, *, user: SignedInUser, visit_id: str, topics: Sequence[Topic], text: str,
                     reason: str | None, draft_desk: str) -> Operation[Counselling]:
    """The topics and the note, then ``draft_desk``'s draft removed (an unchanged note is not saved again)."""
    return Operation(functools.partial(_save_counselling, ctx, user, visit_id=visit_id, topics=topics, text=text,
                                       reason=reason, draft_desk=draft_desk))


def _save_counselling(ctx: StationContext, user: SignedInUser, *, visit_id: str, topics: Sequence[Topic], text: str,
                      reason: str | None, draft_desk: str) -> Counselling:
    saved = ctx.findings.save_counselling(user, visit_id=visit_id, topics=topics, text=text, reason=reason)
    ctx.exam.discard_draft(visit_id, desk=draft_desk)
    return saved


# -- the PL01 form and its desks ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Pl01Desk:
    """A visit as a PL01 desk shows it: its form, what the doctor's desk knows of the resident (sex, age, the
    specialties examined, completed or not), the answers stored and the draft left at the desk."""

    visit_id: str
    form: VisitForm
    definition: FormDefinition
    state: DeskState
    answers: Sequence[StoredAnswer]
    draft: Draft | None


def load_pl01_desk(ctx: StationContext, *, visit_id: str, draft_desk: str) -> Operation[Pl01Desk]:
    return Operation(functools.partial(_load_pl01_desk, ctx, visit_id=visit_id, draft_desk=draft_desk))


def _load_pl01_desk(ctx: StationContext, *, visit_id: str, draft_desk: str) -> Pl01Desk:
    chosen = ctx.answers.visit_form(visit_id)
    from station_app.services.common.pl01_forms import form

    return Pl01Desk(visit_id, chosen, form(chosen.number), ctx.findings.state(visit_id), ctx.answers.answers(visit_id),
                    ctx.exam.draft(visit_id, desk=draft_desk))


def save_pl01_answers(ctx: StationContext, *, user: SignedInUser, visit_id: str, changes: Sequence[Changes],
                      reason: str | None, draft_desk: str) -> Operation[list[StoredAnswer]]:
    """Each desk's answers (one transaction per desk), then ``draft_desk``'s draft removed; the answers as stored."""
    return Operation(functools.partial(_save_pl01_answers, ctx, user, visit_id=visit_id, changes=changes,
                                       reason=reason, draft_desk=draft_desk))


def _save_pl01_answers(ctx: StationContext, user: SignedInUser, *, visit_id: str, changes: Sequence[Changes],
                       reason: str | None, draft_desk: str) -> list[StoredAnswer]:
    for change in changes:
        ctx.answers.save(user, visit_id, desk=change.desk, answers=change.answers, cleared=change.cleared,
                         reason=reason)
    ctx.exam.discard_draft(visit_id, desk=draft_desk)
    return ctx.answers.answers(visit_id)


def visit_form(ctx: StationContext, *, visit_id: str) -> Operation[tuple[str, VisitForm, FormDefinition]]:
    """The visit's PL01 form (the number, the rule's, the doctor's reason) and its definition."""
    return Operation(functools.partial(_visit_form, ctx, visit_id=visit_id))


def _visit_form(ctx: StationContext, *, visit_id: str) -> tuple[str, VisitForm, FormDefinition]:
    from station_app.services.common.pl01_forms import form

    chosen = ctx.answers.visit_form(visit_id)
    return visit_id, chosen, form(chosen.number)


def change_visit_form(ctx: StationContext, *, user: SignedInUser, visit_id: str, number: int,
                      reason: str) -> Operation[tuple[str, VisitForm, FormDefinition]]:
    return Operation(functools.partial(_change_visit_form, ctx, user, visit_id=visit_id, number=number,
                                       reason=reason))


def _change_visit_form(ctx: StationContext, user: SignedInUser, *, visit_id: str, number: int,
                       reason: str) -> tuple[str, VisitForm, FormDefinition]:
    ctx.answers.change_form(user, visit_id, number=number, reason=reason)
    return _visit_form(ctx, visit_id=visit_id)


def campaign_forms() -> Operation[list[FormDefinition]]:
    """The forms a doctor may choose for a visit (read from the shipped definitions once)."""
    return Operation(functools.partial(_campaign_forms))


def _campaign_forms() -> list[FormDefinition]:
    from station_app.services.common.pl01_forms import campaign_forms as forms

    return list(forms())


# -- drafts ------------------------------------------------------------------------------------------------------

def save_draft(ctx: StationContext, *, user: SignedInUser, visit_id: str, desk: str,
               fields: Mapping[str, object]) -> Operation[None]:
    return Operation(functools.partial(ctx.exam.save_draft, user, visit_id=visit_id, desk=desk, fields=fields))


def discard_draft(ctx: StationContext, *, visit_id: str, desk: str) -> Operation[None]:
    return Operation(functools.partial(ctx.exam.discard_draft, visit_id, desk=desk))


# -- the resident's check-up sheet (QĐ 1551) ---------------------------------------------------------------------

def visit_status(ctx: StationContext, *, visit_id: str) -> Operation[VisitInfo]:
    """The visit as it is now (its status decides whether its sheet can be printed)."""
    return Operation(functools.partial(ctx.registry.visit_by_id, visit_id))


def sheet_record(ctx: StationContext, *, user: SignedInUser, visit_id: str) -> Operation[VisitRecord]:
    """A completed visit's PL01 record for its printed sheet (audited as printed)."""
    return Operation(functools.partial(ctx.pl01_records.for_sheet, user, visit_id))


def render_sheet(*, found: VisitRecord, path: Path, printed_by: str) -> Operation[Path]:
    """The sheet's PDF at ``path`` (reportlab, on the CPU pool)."""
    return Operation(functools.partial(_render_sheet, found, path=path, printed_by=printed_by), lane="cpu")


def _render_sheet(found: VisitRecord, *, path: Path, printed_by: str) -> Path:
    from station_app.services.station.pl01_exports import sheet  # reportlab loads on the first sheet

    path.parent.mkdir(parents=True, exist_ok=True)
    sheet(found, path, printed_by)
    return path


def copy_file(*, source: Path, target: Path) -> Operation[Path]:
    """A copy of ``source`` at ``target`` (the sheet saved where the user chose, when there is no printer)."""
    return Operation(functools.partial(_copy, source, target), lane="cpu")


def _copy(source: Path, target: Path) -> Path:
    import shutil

    shutil.copyfile(source, target)
    return target
