"""Helpers of the national receipt tests: the office's national records as its push leaves them, visits at the
station to hang them on."""
from __future__ import annotations

import datetime as dt

from support.office import Office
from support.upload import add_visit

from station_app.persistence.office.tables import OfficeNationalRecordRow

NATIONAL_RECORDS = OfficeNationalRecordRow.__table__


def record(office: Office, visit: str, *, version: int = 1, state: str = "accepted",
           at: dt.datetime = dt.datetime(2026, 12, 7, 3, 15), code: str = "TYT-MK", txn_id: str = "",
           res_code: str = "", res_msg: str = "", problem: str | None = None) -> None:
    """One national record at the office, as its push would have left it."""
    times = {f"{s}_at": at for s in ("accepted", "refused", "pushed") if s == state}
    with office.service.db.engine.begin() as conn:
        conn.execute(NATIONAL_RECORDS.delete().where(NATIONAL_RECORDS.c.visit_uid == visit,
                                                     NATIONAL_RECORDS.c.version == version))
        conn.execute(NATIONAL_RECORDS.insert().values(
            station_code=code, visit_uid=visit, version=version, state=state, txn_id=txn_id, res_code=res_code,
            res_msg=res_msg, completed_at=at - dt.timedelta(hours=1), signed_at=at - dt.timedelta(minutes=30),
            content_digest=f"{version:064d}", conclusion_xml=b"<PL01/>", attempts=0, created_at=at, problem=problem,
            **times))


def visits(ctx, nurse, n: int) -> list[str]:  # noqa: ANN001 - AppContext, SignedInUser
    """``n`` new visits at the station, their ids in the order made."""
    before = set(visit_ids(ctx))
    for i in range(n):
        add_visit(ctx, nurse, i)
    return [v for v in visit_ids(ctx) if v not in before]


def visit_ids(ctx) -> list[str]:  # noqa: ANN001 - AppContext
    from station_app.persistence.tables import VisitRow
    from station_app.persistence.unit_of_work import UnitOfWork

    with UnitOfWork(ctx.db) as uow:
        return [r.id for r in uow.session.query(VisitRow).order_by(VisitRow.queue_number)]
