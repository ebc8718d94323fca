"""First run: the station, its site, the campaign and the first admin, in one transaction; later, the station's
facility codes of QĐ 1551 (MA_CSKCB, MA_GTIN_CSKCB), optional at set-up when not yet known."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from station_app.core.errors import AlreadyInitialisedError, NotInitialisedError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, Role, SiteKind
from station_app.core.pl01_reception import GlnProblem, gln_problem, is_valid_facility_code, normalise_code
from station_app.core.roles import Permission, require
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
    facility_code: str | None = None  # MA_CSKCB, 5 digits; None while unknown (the PL01 record names it missing)
    facility_gln: str | None = None  # MA_GTIN_CSKCB, a 13-digit GLN with its check digit


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
    facility_code: str | None = None
    facility_gln: str | None = None


FACILITY_CODE_FIELD = QT_TRANSLATE_NOOP("fields", "Mã cơ sở KCB (MA_CSKCB)")
FACILITY_GLN_FIELD = QT_TRANSLATE_NOOP("fields", "Mã GLN của cơ sở (MA_GTIN_CSKCB)")
_GLN_REASONS = {
    GlnProblem.NOT_DIGITS: QT_TRANSLATE_NOOP("errors", "chỉ gồm chữ số; hãy gõ đủ 13 chữ số in trên giấy chứng nhận GLN"),
    GlnProblem.LENGTH: QT_TRANSLATE_NOOP("errors", "phải đủ 13 chữ số; hãy gõ lại theo giấy chứng nhận GLN"),
    GlnProblem.CHECK_DIGIT: QT_TRANSLATE_NOOP(
        "errors", "chữ số kiểm tra (số cuối) không khớp, có thể gõ nhầm một số; hãy so lại với giấy chứng nhận GLN"),
}


def facility_codes(code: str | None, gln: str | None) -> tuple[str | None, str | None]:
    """The facility codes as stored (spaces taken out, empty → None); raises ValidationError saying what to fix."""
    code, gln = normalise_code(code) or None, normalise_code(gln) or None
    if code is not None and not is_valid_facility_code(code):
        raise ValidationError(field=FACILITY_CODE_FIELD, key="facility_code", reason=QT_TRANSLATE_NOOP(
            "errors", "phải đủ 5 chữ số như Bộ Y tế cấp (giữ cả số 0 ở đầu, ví dụ 12001)"))
    if gln is not None and (problem := gln_problem(gln)) is not None:
        raise ValidationError(field=FACILITY_GLN_FIELD, key="facility_gln", reason=_GLN_REASONS[problem])
    return code, gln


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
    facility_codes(setup.facility_code, setup.facility_gln)


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
            code, gln = facility_codes(setup.facility_code, setup.facility_gln)
            station = StationRow(code=setup.station_code, name=" ".join(setup.station_name.split()),
                                 facility_code=code, facility_gln=gln)
            campaign = CampaignRow(name=setup.campaign_name.strip(), year=setup.campaign_year,
                                   start_date=setup.campaign_start, end_date=setup.campaign_end)
            uow.stations.add(station, campaign)
            site = SiteRow(station_id=station.id, name=setup.site_name.strip(), kind=SiteKind(setup.site_kind).value,
                           commune_code=setup.commune_code, village=(setup.village or "").strip() or None)
            uow.stations.add_site(site)
            station.current_site_id, station.current_campaign_id = site.id, campaign.id
            _make_signing_key(self._db, station)
            uow.audit(AuditAction.SETUP, "stations", station.id, admin.id,
                      {"site_id": site.id, "campaign_id": campaign.id,
                       "facility_code_set": code is not None, "facility_gln_set": gln is not None})
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
                campaign.year, campaign.start_date, campaign.end_date, station.facility_code, station.facility_gln,
            )

    def set_facility_codes(self, user: SignedInUser, *, facility_code: str | None,
                           facility_gln: str | None) -> StationInfo:
        """An administrator sets (or clears, with an empty value) the station's MA_CSKCB and MA_GTIN_CSKCB; audited.
        Raises ValidationError (``key`` facility_code or facility_gln) with what to fix, storing nothing."""
        require(user.role, Permission.MANAGE_STATION)
        code, gln = facility_codes(facility_code, facility_gln)
        with UnitOfWork(self._db) as uow:
            station = uow.stations.current()
            if station is None:
                raise NotInitialisedError()
            changed = {"facility_code": station.facility_code != code, "facility_gln": station.facility_gln != gln}
            if any(changed.values()):
                station.facility_code, station.facility_gln = code, gln
                uow.audit(AuditAction.UPDATE, "stations", station.id, user.id,
                          {"changed": sorted(k for k, v in changed.items() if v)})
                uow.commit()
        return self.info()


def _make_signing_key(db: Database, station: StationRow) -> None:
    """The station's Ed25519 key pair for signing export batches, in the data folder beside the database."""
    from station_app.services.exchange.keys import STATION_KEY_FILE, StationKeys

    public = StationKeys(db.path.parent).ensure_station_key()
    station.signing_key_ref, station.public_key = STATION_KEY_FILE, public.pem
