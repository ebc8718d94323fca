"""The dialogs' use cases as typed operations: ``tasks.run(ops.register_resident(ctx, ...), parent=dialog, ...)``.

Each factory binds its arguments by keyword and returns an ``Operation`` for the database lane, or the CPU pool for
reading a roster file's first rows.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    import datetime as dt

    from station_app.core.model import FundingSource, TargetGroup
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import ConsentInput, ResidentInfo, ResidentInput, VisitInfo
    from station_app.services.station.roster_import import (ColumnMapping, ImportReport, RosterImportService,
                                                            RosterPreview)
    from station_app.ui.context import StationContext


# -- residents and visits ----------------------------------------------------------------------------------------

def register_resident(ctx: StationContext, *, user: SignedInUser, data: ResidentInput) -> Operation[ResidentInfo]:
    return Operation(functools.partial(ctx.registry.register_new, user, data=data))


def open_visit(ctx: StationContext, *, user: SignedInUser, resident_id: str, site_id: str, campaign_id: str,
               funding_source: FundingSource, target_groups: Sequence[TargetGroup], consent: ConsentInput,
               second_visit_reason: str | None, card_issued_on: dt.date | None = None) -> Operation[VisitInfo]:
    """The resident registered in today's queue at the site, with their consent (and the scanned card's issue
    date, kept for QĐ 1551)."""
    return Operation(functools.partial(ctx.registry.open_visit, user, resident_id=resident_id, site_id=site_id,
                                       campaign_id=campaign_id, funding_source=funding_source,
                                       target_groups=target_groups, consent=consent,
                                       second_visit_reason=second_visit_reason, card_issued_on=card_issued_on))


# -- the roster --------------------------------------------------------------------------------------------------

def preview_roster(service: RosterImportService, *, path: Path, rows: int) -> Operation[RosterPreview]:
    """The file's header row, the remembered or guessed mapping and its first ``rows`` rows."""
    return Operation(functools.partial(service.preview, path, rows=rows), lane="cpu")


def import_roster(ctx: StationContext, service: RosterImportService, *, user: SignedInUser | None, path: Path,
                  mapping: ColumnMapping, advance: Callable[[int, int], None],
                  cancel: Callable[[], bool]) -> Operation[ImportReport]:
    """The whole file in one transaction; ``advance(done, total)`` is told the rows done (from the database lane)
    and ``cancel()`` is asked between chunks. People without a commune get the station's."""
    return Operation(functools.partial(_import_roster, ctx, service, user, path=path, mapping=mapping,
                                       advance=advance, cancel=cancel))


def _import_roster(ctx: StationContext, service: RosterImportService, user: SignedInUser | None, *, path: Path,
                   mapping: ColumnMapping, advance: Callable[[int, int], None],
                   cancel: Callable[[], bool]) -> ImportReport:
    # ``advance``, not ``progress``: the runner would put its own progress callback in its place
    return service.import_file(user, path, mapping=mapping, default_commune=ctx.station.info().commune_code,
                               progress=advance, cancel=cancel)
