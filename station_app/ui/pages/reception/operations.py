"""The reception desk's use cases as typed operations: ``tasks.run(ops.search(ctx, text=…, offset=…), parent=…)``.

Each factory only binds the service call (every argument after the first by keyword); nothing runs until the
task runner runs it on the db lane.
"""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from station_app.core.card_changes import FieldChange
    from station_app.core.cards import ScanResult
    from station_app.core.pl01_answers import Answer
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import Match, ResidentInfo, SearchPage, VisitInfo
    from station_app.services.station.pl01_reception import ReceptionSheet
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.context import StationContext

PAGE_SIZE = 50


def station_info(ctx: StationContext) -> Operation[StationInfo]:
    return Operation(ctx.station.info)


def todays_queue(ctx: StationContext, *, site_id: str) -> Operation[list[VisitInfo]]:
    return Operation(partial(ctx.registry.todays_queue, site_id))


def search(ctx: StationContext, *, text: str, offset: int) -> Operation[SearchPage]:
    return Operation(partial(ctx.registry.search, text, limit=PAGE_SIZE, offset=max(offset, 0)))


def find_card_holder(ctx: StationContext, *, scan: ScanResult) -> Operation[Match]:
    return Operation(partial(ctx.registry.find_or_propose, scan))


def resident(ctx: StationContext, *, resident_id: str) -> Operation[ResidentInfo]:
    return Operation(partial(ctx.registry.resident, resident_id))


def visit(ctx: StationContext, *, visit_id: str) -> Operation[VisitInfo]:
    return Operation(partial(ctx.registry.visit_by_id, visit_id))


def apply_changes(ctx: StationContext, *, user: SignedInUser, resident_id: str,
                  changes: Sequence[FieldChange]) -> Operation[ResidentInfo]:
    return Operation(partial(ctx.registry.apply_changes, user, resident_id=resident_id, changes=changes))


def record_print(ctx: StationContext, *, user_id: str, visit_id: str, details: dict[str, Any]) -> Operation[int]:
    """The audit event of a slip printed or saved (``details`` names the document, never the person)."""
    return Operation(partial(ctx.audit.record, "print", entity="visits", entity_id=visit_id, user_id=user_id,
                             details=details))


def reception_sheet(ctx: StationContext, *, visit_id: str) -> Operation[ReceptionSheet]:
    """The visit's QĐ 1551 reception fields with what they hold, were told before, or default to."""
    return Operation(partial(ctx.reception_answers.sheet, visit_id))


def save_reception_answers(ctx: StationContext, *, user: SignedInUser, visit_id: str, answers: Sequence[Answer],
                           cleared: Sequence[tuple[str, int]]) -> Operation[int]:
    return Operation(partial(ctx.answers.save, user, visit_id, desk="reception", answers=answers, cleared=cleared))
