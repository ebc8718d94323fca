"""The PL01 desks' use cases as typed operations (as ``ui.exam.operations``): the laboratory desk (the visit's rows
with the draft left at the desk, a save with the draft removed) and the children's measures of the vital-signs desk."""
from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from station_app.core.pl01_laboratory import LabRow
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.examination import Draft
    from station_app.services.station.pl01_child_measures import ChildMeasures
    from station_app.services.station.pl01_laboratory import LabSheet
    from station_app.ui.context import StationContext


def load_laboratory(ctx: StationContext, *, visit_id: str, desk: str) -> Operation[tuple[LabSheet, Draft | None]]:
    return Operation(functools.partial(_load, ctx, visit_id=visit_id, desk=desk))


def _load(ctx: StationContext, *, visit_id: str, desk: str) -> tuple[LabSheet, Draft | None]:
    return ctx.laboratory.sheet(visit_id), ctx.exam.draft(visit_id, desk=desk)


def save_laboratory(ctx: StationContext, *, user: SignedInUser, visit_id: str, rows: Sequence[LabRow],
                    reason: str | None, draft_desk: str) -> Operation[LabSheet]:
    return Operation(functools.partial(ctx.laboratory.save, user, visit_id, rows=rows, reason=reason,
                                       draft_desk=draft_desk))


def child_measures(ctx: StationContext, *, visit_id: str) -> Operation[ChildMeasures]:
    return Operation(functools.partial(ctx.child_measures.measures, visit_id))


def save_child_measures(ctx: StationContext, *, user: SignedInUser, visit_id: str, typed: Mapping[str, str],
                        ratings: Mapping[str, str], reason: str | None) -> Operation[ChildMeasures]:
    return Operation(functools.partial(ctx.child_measures.save, user, visit_id, typed=typed, ratings=ratings,
                                       reason=reason))
