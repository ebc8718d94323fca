"""The lists page's use cases as typed operations, one keyword-only factory each, run with ``TaskRunner.run``.

Lists are read and written on the CPU pool (reads beside the saves; reportlab loads there, not on the GUI thread),
the villages and the referrals' follow-up on the database lane (``ctx.lists`` is reached when the operation is
made, as the page always did).
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.services.station.lists import ListFilter, ListKind, ReferralRow
from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.list_exports import AnyList, ExportResult
    from station_app.ui.context import StationContext


def _read(ctx: StationContext, user: SignedInUser | None, kind: ListKind, filters: ListFilter,
          hardest: bool) -> AnyList:
    import station_app.services.station.list_exports  # noqa: F401 - reportlab loads here, not on the GUI thread

    lists = ctx.lists
    if kind is ListKind.PENDING:
        return lists.pending(user, filters, hardest_only=hardest)
    return {ListKind.DAILY: lists.daily, ListKind.REFERRALS: lists.referrals,
            ListKind.DUPLICATES: lists.duplicates}[kind](user, filters)


def _save(the_list: AnyList, path: Path, printed_by: str) -> ExportResult:
    from station_app.services.station.list_exports import export_list

    return export_list(the_list, path=path, printed_by=printed_by)


def _print_copy(folder: Path, the_list: AnyList, path: Path, printed_by: str) -> ExportResult:
    folder.mkdir(parents=True, exist_ok=True)
    return _save(the_list, path, printed_by)


def read_list(ctx: StationContext, *, user: SignedInUser | None, kind: ListKind, filters: ListFilter,
              hardest: bool) -> Operation[AnyList]:
    """The chosen list with its filters (``hardest``: only those hard to reach, on the pending list)."""
    return Operation(functools.partial(_read, ctx, user, kind, filters, hardest), lane="cpu")


def save_list(*, the_list: AnyList, path: Path, printed_by: str) -> Operation[ExportResult]:
    """The list shown, as PDF, XLSX or CSV by ``path``'s suffix."""
    return Operation(functools.partial(_save, the_list, path, printed_by), lane="cpu")


def print_copy(*, folder: Path, the_list: AnyList, path: Path, printed_by: str) -> Operation[ExportResult]:
    """The print copy of a list, in the data folder's ``lists/``."""
    return Operation(functools.partial(_print_copy, folder, the_list, path, printed_by), lane="cpu")


def villages(ctx: StationContext) -> Operation[list[str]]:
    return Operation(ctx.lists.villages)


def mark_followed_up(ctx: StationContext, *, user: SignedInUser | None, visit_id: str,
                     note: str | None) -> Operation[ReferralRow]:
    """Record that the referred resident was followed up (audited by the service)."""
    return Operation(functools.partial(ctx.lists.mark_referral_followed_up, user, visit_id=visit_id, note=note))
