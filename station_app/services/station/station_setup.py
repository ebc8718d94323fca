"""First run: the station, its site, the campaign and the first admin, in one transaction."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from station_app.core.errors import AlreadyInitialisedError, NotInitialisedError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, Role, SiteKind
from station_app.persistence.database import Database
from station_app.persistence.tables import CampaignRow, SiteRow, StationRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser, create_user_row
from station_app.services.common.reference import commune_by_code

_STATION_CODE = re.compile(r"^[A-Z0-9-]{3,32}$")


@dataclass(frozen=True)
class StationSetup:
    station_code: str
    station_name: str
    site_name: str
    site_kind: SiteKind
    commune_code: str
    village: str | None
    campaign_name: str
    campaign_year: int
    campaign_start: dt.date
    campaign_end: dt.date
    admin_username: str
    admin_full_name: str
    admin_password: str


@dataclass(frozen=True)
class StationInfo:
    id: str
    code: str
    name: str
    site_id: str
    site_name: str
    site_kind: SiteKind
    commune_code: str
    commune_name: str
    village: str | None
    campaign_id: str
    campaign_name: str
    campaign_year: int
    campaign_start: dt.date
    campaign_end: dt.date


def _check(setup: StationSetup) -> None:
    if not _STATION_CODE.match(setup.station_code):
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Mã trạm"),
                              reason=QT_TRANSLATE_NOOP("errors", "chữ in hoa không dấu, số hoặc gạch ngang, 3–32 ký tự"))
    for value, label in ((setup.station_name, QT_TRANSLATE_NOOP("fields", "Tên trạm")),
                         (setup.site_name, QT_TRANSLATE_NOOP("fields", "Tên điểm khám")),
                         (setup.campaign_name, QT_TRANSLATE_NOOP("fields", "Tên đợt khám"))):
        if not value.strip():
            raise ValidationError(field=label, reason=QT_TRANSLATE_NOOP("errors", "không được để trống"))
    if commune_by_code(setup.commune_code) is None:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Xã/phường"),
                              reason=QT_TRANSLATE_NOOP("errors", "chọn một xã/phường trong danh sách"))
    if setup.campaign_end < setup.campaign_start:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Ngày kết thúc"),
                              reason=QT_TRANSLATE_NOOP("errors", "phải sau ngày bắt đầu"))


class StationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def is_initialised(self) -> bool:
        with UnitOfWork(self._db) as uow:
            return uow.stations.exists()

    def initialise(self, setup: StationSetup) -> SignedInUser:
        """Create everything the first run needs; refuses a database that already has a station."""
        _check(setup)
        with UnitOfWork(self._db) as uow:
            if uow.stations.exists():
                raise AlreadyInitialisedError()
            admin = create_user_row(uow, None, username=setup.admin_username, full_name=setup.admin_full_name,
                                    role=Role.ADMIN, password=setup.admin_password)
            station = StationRow(code=setup.station_code, name=" ".join(setup.station_name.split()))
            campaign = CampaignRow(name=setup.campaign_name.strip(), year=setup.campaign_year,
                                   start_date=setup.campaign_start, end_date=setup.campaign_end)
            uow.stations.add(station, campaign)
            site = SiteRow(station_id=station.id, name=setup.site_name.strip(), kind=SiteKind(setup.site_kind).value,
                           commune_code=setup.commune_code, village=(setup.village or "").strip() or None)
            uow.stations.add_site(site)
            station.current_site_id, station.current_campaign_id = site.id, campaign.id
            _make_signing_key(self._db, station)
            uow.audit(AuditAction.SETUP, "stations", station.id, admin.id,
                      {"site_id": site.id, "campaign_id": campaign.id})
            uow.commit()
            return SignedInUser(admin.id, admin.username, admin.full_name, Role.ADMIN)

    def info(self) -> StationInfo:
        with UnitOfWork(self._db) as uow:
            station = uow.stations.current()
            if station is None or station.current_site_id is None or station.current_campaign_id is None:
                raise NotInitialisedError()
            site = uow.stations.site(station.current_site_id)
            campaign = uow.campaigns.get(station.current_campaign_id)
            commune = commune_by_code(site.commune_code)
            return StationInfo(
                station.id, station.code, station.name, site.id, site.name, SiteKind(site.kind), site.commune_code,
                commune.name if commune else site.commune_code, site.village, campaign.id, campaign.name,
                campaign.year, campaign.start_date, campaign.end_date,
            )


def _make_signing_key(db: Database, station: StationRow) -> None:
    """The station's Ed25519 key pair for signing export batches, in the data folder beside the database."""
    from station_app.services.exchange.keys import STATION_KEY_FILE, StationKeys

    public = StationKeys(db.path.parent).ensure_station_key()
    station.signing_key_ref, station.public_key = STATION_KEY_FILE, public.pem
