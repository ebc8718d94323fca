"""Accepting a station's new chain: the office's way out for a station whose chain forked (docs/OFFICE.md).

Before issue 16 a station recorded a batch only after writing it; an export cut short in between (a crash, a full
data disk, the power going) left a valid batch on the stick that the station never recorded, and its next export
made another batch under that number. If the unrecorded one reached the office first, the recorded one is a fork
and every later batch breaks the chain: the station's data stops for good. An administrator who has checked with
the station decides, in writing, to accept its new chain from a sequence: who, when and why are kept in
``office_chain_decisions`` and the event in ``office_events``. The first batch of that sequence the station's own
key signs after the decision is then imported (the batch held under that number set aside, the link to the batch
before not checked), and the station's later batches chain on it as usual. Nothing is accepted unsigned, and a
decision is used once.
"""
from __future__ import annotations

import datetime as dt
import getpass
import logging
from dataclasses import dataclass

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.persistence.office.tables import OfficeChainDecisionRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork

log = logging.getLogger(__name__)
MAX_REASON = 1000
MAX_NAME = 100


class ChainDecisionError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Chưa ghi quyết định nhận chuỗi lô mới: {reason}.")


_WHY = {
    "unregistered": QT_TRANSLATE_NOOP("errors", "trạm {code} chưa được đăng ký (xem 'station-app office stations "
                                                "list')"),
    "sequence": QT_TRANSLATE_NOOP("errors", "số thứ tự lô phải là số nguyên từ 1 trở lên"),
    "reason": QT_TRANSLATE_NOOP("errors", "cần ghi lý do (--reason), tối đa 1000 ký tự"),
    "who": QT_TRANSLATE_NOOP("errors", "cần ghi người quyết định (--by), tối đa 100 ký tự"),
    "pending": QT_TRANSLATE_NOOP("errors", "đã có một quyết định chưa dùng cho lô số {sequence} của trạm {code}"),
}


@dataclass(frozen=True)
class ChainDecision:
    id: int
    station_code: str
    from_sequence: int
    reason: str
    decided_by: str
    decided_at: dt.datetime
    accepted_manifest_sha256: str | None
    accepted_at: dt.datetime | None
    set_aside: dict | None
    held_manifest_sha256: str | None = None  # what the office held under that number when the decision was made


def accept_chain(service, code: str, *, from_sequence: int, reason: str,  # noqa: ANN001 - OfficeService
                 decided_by: str | None = None) -> ChainDecision:
    """Record the decision; the station's next batch ``from_sequence`` is then taken as its chain's."""
    reason, who = " ".join((reason or "").split()), " ".join((decided_by or _login_name()).split())
    if not isinstance(from_sequence, int) or from_sequence < 1:
        raise _error("sequence")
    if not reason or len(reason) > MAX_REASON:
        raise _error("reason")
    if not who or len(who) > MAX_NAME:
        raise _error("who")
    with OfficeUnitOfWork(service.db) as uow:
        store = uow.store
        if store.station(code) is None:
            raise _error("unregistered", code=code)
        decisions = uow.chain_decisions
        if decisions.pending(code, from_sequence) is not None:
            raise _error("pending", code=code, sequence=from_sequence)
        row = decisions.add(OfficeChainDecisionRow(station_code=code, from_sequence=from_sequence, reason=reason,
                                                   decided_by=who))
        held = store.batch(code, from_sequence)
        decision = _decision(row, held.manifest_sha256 if held else None)
    log.info("station %s: chain decision %d from batch %d", code, decision.id, from_sequence)
    return decision


def chain_decisions(service, code: str | None = None) -> list[ChainDecision]:  # noqa: ANN001 - OfficeService
    with OfficeUnitOfWork(service.db) as uow:
        return [_decision(row) for row in uow.chain_decisions.all(code)]


def _decision(row: OfficeChainDecisionRow, held: str | None = None) -> ChainDecision:
    return ChainDecision(row.id, row.station_code, row.from_sequence, row.reason, row.decided_by, row.decided_at,
                         row.accepted_manifest_sha256, row.accepted_at, row.set_aside, held)


def _error(why: str, **data: object) -> ChainDecisionError:
    return ChainDecisionError(reason=_WHY[why].format(**data))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment: --by is then required
        return ""
