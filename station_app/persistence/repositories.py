"""Queries by name, so services ask for what they need and never build SQL themselves."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.persistence.tables import (AuditEventRow, CampaignRow, ExportBatchRow, ResidentRow, SiteRow,
                                            StationRow, UserRow, VisitRow)


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def by_username(self, username: str) -> UserRow | None:
        return self._s.scalar(select(UserRow).where(UserRow.username == username))

    def all(self) -> Sequence[UserRow]:
        return self._s.scalars(select(UserRow).order_by(UserRow.username)).all()

    def add(self, row: UserRow) -> UserRow:
        self._s.add(row)
        self._s.flush()
        return row

    def audited(self, entity: str, entity_id: str | None, limit: int) -> list[tuple[str, str, dict]]:
        """The newest audit events of one record (action, time, details), newest first.

        Sign-in waits and the password policy are read from the hash-chained audit, not from a row one could edit.
        """
        found = self._s.execute(
            select(AuditEventRow.action, AuditEventRow.at, AuditEventRow.details)
            .where(AuditEventRow.entity == entity,
                   AuditEventRow.entity_id == entity_id if entity_id is not None else AuditEventRow.entity_id.is_(None))
            .order_by(AuditEventRow.seq.desc()).limit(limit))
        return [(action, at, details or {}) for action, at, details in found]


class StationRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def current(self) -> StationRow | None:
        return self._s.scalar(select(StationRow).limit(1))

    def exists(self) -> bool:
        return self._s.scalar(select(StationRow.id).limit(1)) is not None

    def add(self, station: StationRow, campaign: CampaignRow) -> None:
        """The station and its first campaign, given their ids together (the site needs the station's)."""
        self._s.add_all([station, campaign])
        self._s.flush()

    def site(self, site_id: str) -> SiteRow | None:
        return self._s.get(SiteRow, site_id)

    def add_site(self, row: SiteRow) -> SiteRow:
        self._s.add(row)
        self._s.flush()
        return row


class CampaignRepository:
    """The station's campaigns; the current one is named by the station row."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, campaign_id: str) -> CampaignRow | None:
        return self._s.get(CampaignRow, campaign_id)

    def current(self) -> CampaignRow | None:
        return self._s.scalar(select(CampaignRow).join(StationRow, StationRow.current_campaign_id == CampaignRow.id)
                              .limit(1))

    def add(self, row: CampaignRow) -> CampaignRow:
        self._s.add(row)
        self._s.flush()
        return row

    def last_visit_day(self, campaign_id: str) -> dt.date | None:
        """The latest day with a visit (cancelled ones too: they are the campaign's records as well)."""
        return self._s.scalar(select(func.max(VisitRow.visit_date)).where(VisitRow.campaign_id == campaign_id))


class OverviewQueries:
    """Counts for the pages' headers; one indexed query each."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def residents(self) -> int:
        return self._s.scalar(select(func.count()).select_from(ResidentRow).where(ResidentRow.merged_into_id.is_(None))) or 0

    def visits_by_status(self, site_id: str, day: dt.date) -> dict[str, int]:
        rows = self._s.execute(select(VisitRow.status, func.count()).where(
            VisitRow.site_id == site_id, VisitRow.visit_date == day).group_by(VisitRow.status))
        return {status: n for status, n in rows}

    def export_batches(self) -> tuple[int, dt.datetime | None]:
        count, last = self._s.execute(select(func.count(), func.max(ExportBatchRow.created_at))).one()
        return count or 0, last
