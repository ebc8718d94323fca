"""Today's figures for the station's pages: real counts, cheap enough to refresh whenever a page is shown."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app.core.model import VisitStatus
from station_app.persistence.database import Database
from station_app.persistence.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Overview:
    day: dt.date
    residents: int
    registered_today: int
    waiting_today: int
    completed_today: int
    export_batches: int
    last_export_at: dt.datetime | None


class OverviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def today(self, site_id: str, day: dt.date | None = None) -> Overview:
        day = day or dt.date.today()
        with UnitOfWork(self._db) as uow:
            by_status = uow.overview.visits_by_status(site_id, day)
            batches, last = uow.overview.export_batches()
            waiting = by_status.get(VisitStatus.REGISTERED, 0) + by_status.get(VisitStatus.IN_PROGRESS, 0)
            done = by_status.get(VisitStatus.COMPLETED, 0) + by_status.get(VisitStatus.REFERRED, 0)
            return Overview(day, uow.overview.residents(), sum(by_status.values()) - by_status.get(
                VisitStatus.CANCELLED, 0), waiting, done, batches, last)
