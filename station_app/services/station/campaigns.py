"""The campaign a visit belongs to: is today inside it, extending it, starting the next one (the check-up repeats
yearly). Visits are opened only inside the current campaign's dates (``check_open``); an administrator moves the
end date or starts the next campaign, which becomes the current one while the old one keeps its data. Each
change is audited.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from station_app.core.errors import (CampaignClosedError, CampaignDatesError, NotInitialisedError,
                                     ValidationError)
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import CampaignRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser

log = logging.getLogger(__name__)


class CampaignState(StrEnum):
    NOT_STARTED = "not_started"
    OPEN = "open"
    ENDED = "ended"


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    name: str
    year: int
    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def state(self) -> CampaignState:
        if self.today < self.start:
            return CampaignState.NOT_STARTED
        return CampaignState.ENDED if self.today > self.end else CampaignState.OPEN


def check_open(campaign: CampaignRow, day: dt.date) -> None:
    """Raise CampaignClosedError unless ``day`` is within the campaign's dates."""
    if not campaign.start_date <= day <= campaign.end_date:
        raise CampaignClosedError(day=f"{day:%d/%m/%Y}", campaign=campaign.name,
                                  start=f"{campaign.start_date:%d/%m/%Y}", end=f"{campaign.end_date:%d/%m/%Y}")


class CampaignService:
    """``user`` None is the command line (IT staff at the laptop's terminal), as for the accounts."""

    def __init__(self, db: Database, clock: Callable[[], dt.date] = dt.date.today) -> None:
        self._db, self._today = db, clock

    def current(self) -> CampaignInfo:
        with UnitOfWork(self._db, read_only=True) as uow:
            return self._info(_current(uow))

    def extend(self, user: SignedInUser | None, to: dt.date) -> CampaignInfo:
        """Move the current campaign's end to ``to``; never before a day that already has a visit in it."""
        _allowed(user)
        with UnitOfWork(self._db) as uow:
            campaign = _current(uow)
            if to < campaign.start_date:
                raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Ngày kết thúc"),
                                      reason=QT_TRANSLATE_NOOP("errors", "phải sau ngày bắt đầu"))
            last = uow.campaigns.last_visit_day(campaign.id)
            if last is not None and to < last:
                raise CampaignDatesError(day=f"{last:%d/%m/%Y}")
            before, campaign.end_date = campaign.end_date, to
            uow.audit(AuditAction.UPDATE, "campaigns", campaign.id, user.id if user else None,
                      {"end_date": [before.isoformat(), to.isoformat()]})
            uow.commit()
            log.info("campaign %s: end date moved", campaign.id)
            return self._info(campaign)

    def start_next(self, user: SignedInUser | None, name: str, *, start: dt.date, end: dt.date) -> CampaignInfo:
        """A new campaign becomes the current one; the old one and its visits stay as they are. It starts after
        the old one's last visit, so no day has visits of two campaigns."""
        _allowed(user)
        name = " ".join(name.split())
        if not name:
            raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Tên đợt khám"),
                                  reason=QT_TRANSLATE_NOOP("errors", "không được để trống"))
        if end < start:
            raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Ngày kết thúc"),
                                  reason=QT_TRANSLATE_NOOP("errors", "phải sau ngày bắt đầu"))
        with UnitOfWork(self._db) as uow:
            old = _current(uow)
            last = uow.campaigns.last_visit_day(old.id)
            if last is not None and start <= last:
                raise CampaignDatesError(day=f"{last:%d/%m/%Y}")
            campaign = uow.campaigns.add(CampaignRow(name=name, year=start.year, start_date=start, end_date=end))
            station = uow.stations.current()
            station.current_campaign_id = campaign.id  # type: ignore[union-attr] - _current found it
            uow.audit(AuditAction.CREATE, "campaigns", campaign.id, user.id if user else None,
                      {"previous_campaign_id": old.id, "start_date": start.isoformat(), "end_date": end.isoformat()})
            uow.commit()
            log.info("campaign %s started after %s", campaign.id, old.id)
            return self._info(campaign)

    def _info(self, c: CampaignRow) -> CampaignInfo:
        return CampaignInfo(c.id, c.name, c.year, c.start_date, c.end_date, self._today())


def _allowed(user: SignedInUser | None) -> None:
    if user is not None:
        require(user.role, Permission.MANAGE_STATION)


def _current(uow: UnitOfWork) -> CampaignRow:
    campaign = uow.campaigns.current()
    if campaign is None:
        raise NotInitialisedError()
    return campaign
