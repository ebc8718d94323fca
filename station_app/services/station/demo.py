"""A training station filled with synthetic residents of Lai Châu, their visits and vital signs.

``station-app --data-dir D demo --residents N`` on an empty folder: a station in Xã Mường Kim, demo
accounts with a shared training password, N residents of Mường Kim and three neighbouring communes, visits for
about 60 % of them over the campaign, vital signs for the visits that got that far, and a conclusion (health
class, and for about 8 % a referral, some of them followed up) for the visits completed. Rows go in by chunks
of ``CHUNK`` residents, each chunk with one audit event in the same transaction, so the audit chain verifies.

Beside the station, in its folder, a training receiving office (``OFFICE_FOLDER``): its keys made, its bundle
imported by the station and the station registered with it, so a coordinator tries export end to end.
"""
from __future__ import annotations

import datetime as dt
import logging
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.serialization import Encoding

from station_app.core.chunks import chunks
from station_app.core.consent import CURRENT_VERSION, PURPOSES, consent_text, text_sha256
from station_app.core.errors import DiskFullError, StationError, ValidationError, is_disk_full
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.ids import new_id
from station_app.core.checkup_book import specialties
from station_app.core.model import (ROLE_LABELS, VISIT_STATUS_LABELS, AuditAction, HealthClass, MeasureCode, Role, Sex,
                                    SiteKind, VisitStatus)
from station_app.core.pl01 import completed_months, visit_form
from station_app.core.pl01_answers import AnswerStatus
from station_app.core.pl01_reception import gs1_check_digit
from station_app.core.synthetic import (
    CommuneSpec,
    PopulationGenerator,
    SiteSpec,
    SyntheticResident,
    SyntheticVisit,
    VisitPlanner,
    age_on,
)
from station_app.core.synthetic_pl01 import synthetic_answers
from station_app.core.text import number
from station_app.persistence.bulk import BulkChunk, bulk_mode, database_bytes, insert_chunk
from station_app.persistence.database import DB_FILE_NAME, Database
from station_app.persistence.tables import SiteRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import AccountService, SignedInUser
from station_app.services.common.pl01_forms import form as pl01_form
from station_app.services.common.reference import commune_by_code
from station_app.services.exchange.keys import KEY_DIR, StationKeys
from station_app.services.station.audit_log import AuditService
from station_app.services.station.pl01_reception import NOT_AVAILABLE
from station_app.services.station.signatures import SignatureService
from station_app.services.station.station_setup import StationInfo, StationService, StationSetup

CHUNK = 5000
STATION_CODE = "DEMO-LC"
HOME_COMMUNE = "03637"  # Xã Mường Kim
NEIGHBOURS = ("03595", "03640", "03618")  # Than Uyên, Khoen On, Mường Than
HOME_WEIGHT = 3.0  # residents of the home commune, against 1 for each neighbour
CAMPAIGN_NAME = "Khám sức khỏe định kỳ {year}"
# The training campaign runs around the day it is made: seven months of synthetic visits up to yesterday, two
# months left, so the trainees open visits today (no visit is opened outside the campaign's dates).
CAMPAIGN_DONE, CAMPAIGN_LEFT = dt.timedelta(days=214), dt.timedelta(days=60)
TRAINING_PASSWORD = "taphuan-2026"
SIGNED_VISITS = 200  # the newest finished visits the training station signs (see _sign_completed)
OFFICE_FOLDER = "don-vi-nhan-tap-huan"  # the training office, inside the training station's folder
MOBILE_SITES_AT_HOME = 2
# The training station's QĐ 1551 facility codes: made up (99… is no real facility), the GLN with its check digit,
# so the training records validate as a real station's would once its codes are set.
TRAINING_FACILITY_CODE = "99999"
TRAINING_GLN = "893999999999" + str(gs1_check_digit("893999999999"))  # 893: GS1 Vietnam
VISION = (1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.7, 0.5, 0.3)  # decimal acuity without glasses, as the desk stores it
Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


class DemoFolderNotEmptyError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Thư mục dữ liệu {path} đã có một trạm; dữ liệu tập huấn chỉ được tạo trong thư mục trống, để không lẫn "
        "với dữ liệu thật. Hãy chọn một thư mục trống bằng --data-dir (ví dụ: station-app --data-dir taphuan demo).",
    )


class DemoContext(Protocol):
    """What the demo needs of the application context (``app.AppContext`` has all of it)."""

    data_dir: Path
    db: Database
    station: StationService
    accounts: AccountService
    audit: AuditService
    signatures: SignatureService


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role
    password: str


DEMO_ACCOUNTS = (
    DemoAccount("demo.admin", "Quản Trị Tập Huấn", Role.ADMIN, TRAINING_PASSWORD),
    DemoAccount("demo.dieuduong", "Tòng Thị Hoa", Role.NURSE, TRAINING_PASSWORD),
    DemoAccount("demo.bacsi", "Nguyễn Văn Minh", Role.DOCTOR, TRAINING_PASSWORD),
    DemoAccount("demo.dieuphoi", "Lò Văn Thắng", Role.COORDINATOR, TRAINING_PASSWORD),
)


@dataclass(frozen=True)
class DemoResult:
    station: StationInfo
    data_dir: Path
    accounts: tuple[DemoAccount, ...]
    residents: int
    households: int
    communes: int
    sites: int
    visits_by_status: dict[VisitStatus, int]
    measurements: int
    audit_events: int
    seconds: float
    database_bytes: int
    conclusions: int = 0
    referrals: int = 0
    office_dir: Path | None = None  # the training receiving office
    link_commands: tuple[str, ...] = ()  # running its training link to the stand-in national hub
    answers: int = 0  # PL01 answers of the completed visits
    signatures: int = 0  # examiners' signatures of the completed visits (parts and conclusions)
    forms: dict[int, int] | None = None  # completed visits per PL01 form

    @property
    def visits(self) -> int:
        return sum(self.visits_by_status.values())

    def summary(self) -> str:
        s = self.station
        by_status = ", ".join(f"{VISIT_STATUS_LABELS[k].lower()} {number(self.visits_by_status.get(k, 0))}"
                              for k in _STATUS_ORDER)  # the words every page uses
        per_resident = self.database_bytes // self.residents if self.residents else 0
        lines = [
            "TRẠM TẬP HUẤN — toàn bộ người dân là dữ liệu giả lập, không phải người thật. Không dùng để khám thật.",
            f"Trạm: {s.code} — {s.name}, {s.commune_name}",
            f"Đợt khám: {s.campaign_name} ({s.campaign_start:%d/%m/%Y} – {s.campaign_end:%d/%m/%Y})",
            f"Thư mục dữ liệu: {self.data_dir}",
            f"Người dân: {number(self.residents)} ({number(self.households)} hộ, {self.communes} xã); "
            f"điểm khám: {self.sites}",
            f"Lượt khám: {number(self.visits)} ({by_status}); chỉ số sinh tồn: {number(self.measurements)}",
            f"Kết luận: {number(self.conclusions)}; chuyển tuyến: {number(self.referrals)}",
            f"Chữ ký số (chứng thư tập huấn, mật khẩu tệp khoá = mật khẩu tập huấn): {number(self.signatures)}",
            *self._form_lines(),
            f"Tài khoản tập huấn (mật khẩu chung, chỉ dùng để tập huấn: {TRAINING_PASSWORD}):",
            *(f"  {a.username:<16} {ROLE_LABELS[a.role]:<16} {a.full_name}" for a in self.accounts),
            f"Thời gian: {_decimal(self.seconds, 1)} giây; cơ sở dữ liệu: {_decimal(self.database_bytes / 1e6, 1)} MB "
            f"({number(per_resident)} byte/người dân); nhật ký kiểm tra: {number(self.audit_events)} sự kiện",
            *self._office_lines(),
            "Mở trạm tập huấn:",
            f"  make run ARGS='--data-dir \"{self.data_dir}\"'      (từ thư mục mã nguồn)",
            f"  station-app --data-dir \"{self.data_dir}\"          (bản đã cài)",
        ]
        return "\n".join(lines)

    def _form_lines(self) -> list[str]:
        if not self.forms:
            return []
        per_form = ", ".join(f"mẫu {n}: {number(count)}" for n, count in self.forms.items())
        return [f"Lượt khám đã xong theo mẫu QĐ 1551: {per_form}; câu trả lời: {number(self.answers)}"]

    def _office_lines(self) -> list[str]:
        if self.office_dir is None:
            return []
        return [
            f"Đơn vị nhận tập huấn (khoá đã nhập vào trạm, trạm đã đăng ký ở đó): {self.office_dir}",
            "  Xuất dữ liệu ở trang Xuất dữ liệu vào thư mục USB, rồi nhận lô như đơn vị nhận làm:",
            f"  station-app office import USB --dir \"{self.office_dir}\"",
            f"  station-app office report --out bao-cao.xlsx --dir \"{self.office_dir}\"",
            *(["  Liên thông tập huấn: chạy cổng giả lập trong một cửa sổ khác, rồi đẩy hồ sơ đã ký:"]
              if self.link_commands else []),
            *(f"  {command}" for command in self.link_commands),
        ]


# WHO median length (cm) and weight (kg) at 0, 3, 6, 9, 12, 18 and 24 months (boys and girls together, rounded):
# the synthetic vital signs count age in whole years, so a child of ten months would keep a newborn's size.
_INFANT_MONTHS = (0, 3, 6, 9, 12, 18, 24)
_INFANT_LENGTH = (49.9, 60.5, 66.5, 71.0, 74.9, 81.3, 86.8)
_INFANT_WEIGHT = (3.3, 6.1, 7.6, 8.6, 9.4, 10.8, 12.0)
_DRAWN_LENGTH = (49.5 * 0.97, 75.0 * 0.97)  # core.synthetic: the median of 0 and 1 year olds, times 0.97


def _infant_growth(r: SyntheticResident, day: dt.date) -> dict[MeasureCode, float]:
    """For a child under 2 years, how much to scale the synthetic length and weight (drawn around a newborn's)
    so they sit around the WHO median of the child's age in months; nothing for anyone older."""
    if r.birth_date is None:
        return {}
    months = completed_months(r.birth_date, day)
    if months >= 24:
        return {}
    i = max(k for k, m in enumerate(_INFANT_MONTHS) if m <= months)
    drawn_length = _DRAWN_LENGTH[months // 12]  # what the synthetic signs are drawn around at 0 or 1 year
    drawn_weight = 17.0 * (drawn_length / 100) ** 2  # and the weight, at their BMI of 17 for those years
    return {MeasureCode.HEIGHT_CM: _INFANT_LENGTH[i] / drawn_length,
            MeasureCode.WEIGHT_KG: _INFANT_WEIGHT[i] / drawn_weight}


_CONSENT_SHA = text_sha256(consent_text())
_FOLLOW_UP_NOTE = "Đã gọi điện, người dân đã đi khám theo giấy chuyển"
_CHILD_COUNSELLING = "Tư vấn dinh dưỡng và tiêm chủng đúng lịch; hẹn khám lần sau theo lịch của trạm."
_STATUS_ORDER = (VisitStatus.COMPLETED, VisitStatus.REFERRED, VisitStatus.IN_PROGRESS, VisitStatus.REGISTERED,
                 VisitStatus.CANCELLED)


def _decimal(value: float, places: int) -> str:
    return number(int(value)) + f"{value % 1:.{places}f}"[1:].replace(".", ",")


def training_campaign(today: dt.date) -> tuple[dt.date, dt.date]:
    """The training campaign's first and last days when it is made on ``today``."""
    return today - CAMPAIGN_DONE, today + CAMPAIGN_LEFT


# Makes the training office in the folder given, beside the station's data folder, for the station (code, name):
# the office side's ``services.office.training.make_training_office``, handed over by the command line.
# (office folder, station folder, code, name, *, facility, password) -> the national link's commands, if set
TrainingOffice = Callable[..., list[str]]


def make_demo(ctx: DemoContext, residents: int, *, seed: int, progress: Progress | None = None,
              training_office: TrainingOffice | None = None) -> DemoResult:
    """Create the training station and its synthetic data (and, with ``training_office``, a training receiving
    office in ``OFFICE_FOLDER``); refuses a folder that already has a station."""
    started = time.perf_counter()
    if residents < 0:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Số người dân"),
                              reason=QT_TRANSLATE_NOOP("errors", "phải là số không âm"))
    if ctx.station.is_initialised():
        raise DemoFolderNotEmptyError(path=str(ctx.data_dir))
    try:
        return _make_demo(ctx, residents, seed, progress, started, training_office)
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        _remove_half_made(ctx)
        raise DiskFullError() from exc


def _remove_half_made(ctx: DemoContext) -> None:
    """Undo a demo the disk could not hold, so the next try (with room) starts clean instead of finding a half-made
    station it refuses. The folder held no station before (checked above), so nothing else is lost."""
    ctx.db.dispose()
    for name in (DB_FILE_NAME, f"{DB_FILE_NAME}-wal", f"{DB_FILE_NAME}-shm"):
        (ctx.data_dir / name).unlink(missing_ok=True)
    for folder in (KEY_DIR, OFFICE_FOLDER):
        shutil.rmtree(ctx.data_dir / folder, ignore_errors=True)
    log.warning("demo stopped: the disk is full; the half-made training station was removed")


def _make_demo(ctx: DemoContext, residents: int, seed: int, progress: Progress | None, started: float,
               training_office: TrainingOffice | None) -> DemoResult:
    today = dt.date.today()
    start, end = training_campaign(today)
    staff = _create_station(ctx, start, end)
    info = ctx.station.info()
    communes = _communes()
    population = PopulationGenerator(seed, communes, as_of=start)
    site_ids = _create_mobile_sites(ctx.db, info, population, staff[Role.ADMIN])
    sites = [SiteSpec(key, commune, village) for key, (_, commune, village) in enumerate(site_ids)]
    planner = VisitPlanner(seed, sites, start, today - dt.timedelta(days=1), expected_visits=int(residents * 0.6))
    writer = _ChunkWriter(ctx.db, info, [site_id for site_id, _, _ in site_ids], staff, seed)
    done = 0
    with bulk_mode(ctx.db):
        for chunk in chunks(population.residents(residents), CHUNK):
            writer.write(chunk, planner.visits_for(chunk))
            done += len(chunk)
            if progress:
                progress(done, residents)
    signed = _sign_completed(ctx, staff)
    office_dir, link_commands = None, []
    if training_office is not None:
        office_dir = ctx.data_dir / OFFICE_FOLDER
        link_commands = training_office(office_dir, ctx.data_dir, info.code, info.name,
                                        facility=(TRAINING_FACILITY_CODE, TRAINING_GLN), password=TRAINING_PASSWORD)
    log.info("demo station made: %d residents, %d visits, %d chunks", done, sum(writer.statuses.values()),
             writer.chunks)
    return DemoResult(
        station=info, data_dir=ctx.data_dir, accounts=DEMO_ACCOUNTS, residents=done,
        households=len(writer.households), communes=len(communes), sites=len(sites),
        visits_by_status=dict(writer.statuses), measurements=writer.measurements, answers=writer.answers,
        forms=dict(sorted(writer.forms.items())),
        conclusions=writer.conclusions, referrals=writer.referrals, signatures=signed,
        audit_events=ctx.audit.verify().checked, seconds=time.perf_counter() - started,
        database_bytes=database_bytes(ctx.db), office_dir=office_dir, link_commands=tuple(link_commands or ()),
    )


def _sign_completed(ctx: DemoContext, staff: dict[Role, SignedInUser]) -> int:
    """The examiners get throwaway certificates from a training CA kept in ``keys/`` of the training folder (their
    .p12 copies protected by the training password), and the newest finished visits (``SIGNED_VISITS``) are signed
    end to end: each part by whoever recorded it, the conclusion by the doctor. The older ones stay "chưa ký" for
    practising "Ký bây giờ": signing all 3,177 finished visits of the default size took 47 s and 160 MB (eight
    signed XML documents a visit) against 9 s and 49 MB for the whole station without them."""
    from station_app.services.common.signing.training_ca import TrainingCA, pkcs12_bytes

    ca = TrainingCA.create("CA tập huấn (không dùng thật)")
    key_pem, cert_pem = ca.pem()
    keys = ctx.data_dir / KEY_DIR
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "training-ca.pem").write_bytes(cert_pem)
    _write_private(keys / "training-ca-key.pem", key_pem)
    signers = {}
    for role, cchn in ((Role.NURSE, "000101/LC-CCHN"), (Role.DOCTOR, "000102/LC-CCHN")):
        user = staff[role]
        signer = ca.issue(user.full_name, cchn)
        ctx.accounts.set_certificate(staff[Role.ADMIN], user.username, source="file", cchn=cchn,
                                     certificate_der=signer.certificate.public_bytes(Encoding.DER))
        ctx.signatures.keys.store(user.id, pkcs12_bytes(signer, TRAINING_PASSWORD))
        signers[user.id] = signer
    with UnitOfWork(ctx.db, read_only=True) as uow:
        finished = uow.signatures.finished_visits([VisitStatus.COMPLETED.value, VisitStatus.REFERRED.value])
    return ctx.signatures.sign_visits(finished[-SIGNED_VISITS:], signers, concluder=staff[Role.DOCTOR].id)


def _write_private(path: Path, data: bytes) -> None:
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _communes() -> list[CommuneSpec]:
    specs = []
    for code in (HOME_COMMUNE, *NEIGHBOURS):
        commune = commune_by_code(code)
        if commune is not None:
            specs.append(CommuneSpec(commune.code, commune.name, HOME_WEIGHT if code == HOME_COMMUNE else 1.0))
    return specs


def _create_station(ctx: DemoContext, start: dt.date, end: dt.date) -> dict[Role, SignedInUser]:
    home = commune_by_code(HOME_COMMUNE)
    place = home.name.removeprefix("Xã ") if home else HOME_COMMUNE
    admin_account = DEMO_ACCOUNTS[0]
    admin = ctx.station.initialise(StationSetup(
        station_code=STATION_CODE, station_name=f"Trạm Y tế xã {place} (tập huấn)",
        site_name=f"Trạm Y tế xã {place}", site_kind=SiteKind.COMMUNE_STATION, commune_code=HOME_COMMUNE,
        village=None, campaign_name=CAMPAIGN_NAME.format(year=start.year), campaign_year=start.year,
        campaign_start=start, campaign_end=end, admin_username=admin_account.username,
        admin_full_name=admin_account.full_name, admin_password=admin_account.password,
        facility_code=TRAINING_FACILITY_CODE, facility_gln=TRAINING_GLN,
    ))
    staff = {Role.ADMIN: admin}
    for account in DEMO_ACCOUNTS[1:]:
        info = ctx.accounts.add_user(admin, account.username, full_name=account.full_name, role=account.role,
                                     password=account.password)
        staff[account.role] = SignedInUser(info.id, info.username, info.full_name, info.role)
    return staff


def _create_mobile_sites(db: Database, info: StationInfo, population: PopulationGenerator,
                         admin: SignedInUser) -> list[tuple[str, str, str | None]]:
    """(id, commune, village) of every site: the station's own first, then mobile sites in a few home
    villages and one in each neighbouring commune."""
    home_villages = [v for v in population.villages if v.commune_code == HOME_COMMUNE][:MOBILE_SITES_AT_HOME]
    elsewhere = {v.commune_code: v for v in reversed(population.villages) if v.commune_code != HOME_COMMUNE}
    sites: list[tuple[str, str, str | None]] = [(info.site_id, info.commune_code, None)]
    with UnitOfWork(db) as uow:
        for village in home_villages + list(elsewhere.values()):
            row = SiteRow(id=new_id(), station_id=info.id, name=f"Điểm khám lưu động {village.name}",
                          kind=SiteKind.MOBILE.value, commune_code=village.commune_code, village=village.name)
            uow.stations.add_site(row)
            uow.audit(AuditAction.CREATE, "sites", row.id, admin.id, {"kind": SiteKind.MOBILE.value})
            sites.append((row.id, village.commune_code, village.name))
        uow.commit()
    return sites


class _ChunkWriter:
    """Turns synthetic residents and visits into rows, and stores each chunk with its audit event."""

    def __init__(self, db: Database, info: StationInfo, site_ids: list[str], staff: dict[Role, SignedInUser],
                 seed: int) -> None:
        self._db, self._info, self._site_ids, self._seed = db, info, site_ids, seed
        self._admin, self._nurse, self._doctor = (staff[Role.ADMIN].id, staff[Role.NURSE].id,
                                                  staff[Role.DOCTOR].id)
        self._coordinator = staff[Role.COORDINATOR].id
        self.statuses: Counter[VisitStatus] = Counter()
        self.households: set[str] = set()
        self.measurements = 0
        self.conclusions = 0
        self.referrals = 0
        self.answers = 0
        self.forms: Counter[int] = Counter()
        self.chunks = 0
        self._rng = random.Random(seed)

    def write(self, residents: list[SyntheticResident], visits: list[SyntheticVisit]) -> None:
        now = utcnow()
        chunk = BulkChunk()
        ids = {}
        by_key = {r.key: r for r in residents}
        for r in residents:
            ids[r.key] = resident_id = new_id()
            chunk.residents.append(self._resident_row(r, resident_id, now))
            chunk.target_groups.extend({"resident_id": resident_id, "group": g.value} for g in r.target_groups)
            self.households.add(r.household_code)
        for v in visits:
            visit_id = new_id()
            chunk.visits.append(self._visit_row(v, visit_id, ids[v.resident_key]))
            chunk.consents.append(self._consent_row(by_key[v.resident_key], visit_id, v.registered_at))
            chunk.measurements.extend(self._measurement_rows(by_key[v.resident_key], v, visit_id))
            if v.conclusion is not None:
                resident = by_key[v.resident_key]
                chunk.measurements.extend(self._vision_rows(resident, v, visit_id))
                chunk.measurements.extend(self._child_vital_rows(resident, v, visit_id))
                chunk.history.extend(self._history_rows(v, visit_id))
                if age_on(resident.birth_date, resident.birth_year, v.visit_date) < 6:
                    chunk.counselling.append(self._counselling_row(v, visit_id))
                chunk.findings.extend(self._finding_rows(resident, v, visit_id))
                chunk.answers.extend(self._answer_rows(resident, v, visit_id))
                chunk.conclusions.append(self._conclusion_row(v, visit_id, now))
                self.conclusions += 1
                self.referrals += v.conclusion.referral_to is not None
            self.statuses[v.status] += 1
        self.chunks += 1
        self.measurements += len(chunk.measurements)
        self.answers += len(chunk.answers)
        insert_chunk(self._db, chunk, AuditAction.IMPORT, self._admin,
                     {"chunk": self.chunks, "source": "demo", "seed": self._seed})

    def _resident_row(self, r: SyntheticResident, resident_id: str, now: dt.datetime) -> dict:
        return {
            "id": resident_id, "national_id": r.national_id, "old_id_number": None,
            "insurance_number": r.insurance_number, "full_name": r.full_name, "name_norm": r.name_norm,
            "birth_date": r.birth_date, "birth_year": r.birth_year, "sex": r.sex.value,
            "ethnic_code": r.ethnic_code, "address": r.address, "commune_code": r.commune_code,
            "village": r.village, "household_code": r.household_code, "phone": r.phone, "school": r.school,
            "school_class": r.school_class, "guardian_name": r.guardian_name,
            "guardian_relation": r.guardian_relation, "guardian_id_number": r.guardian_id_number,
            "guardian_phone": r.guardian_phone, "source": r.source.value, "merged_into_id": None, "version": 1,
            "created_at": now, "created_by": self._admin, "updated_at": now, "updated_by": self._admin,
        }

    def _visit_row(self, v: SyntheticVisit, visit_id: str, resident_id: str) -> dict:
        cancelled = v.status is VisitStatus.CANCELLED
        return {
            "id": visit_id, "resident_id": resident_id, "site_id": self._site_ids[v.site_key],
            "campaign_id": self._info.campaign_id, "visit_date": v.visit_date, "queue_number": v.queue_number,
            "status": v.status.value, "funding_source": v.funding_source.value,
            "registered_at": v.registered_at, "registered_by": self._nurse,
            "started_at": v.started_at, "started_by": self._nurse if v.started_at else None,
            "completed_at": v.completed_at, "completed_by": self._doctor if v.completed_at else None,
            "cancelled_at": v.cancelled_at, "cancelled_by": self._nurse if cancelled else None,
            "cancel_reason": v.cancel_reason,
            "updated_at": v.completed_at or v.cancelled_at or v.started_at or v.registered_at,
        }

    def _finding_rows(self, r: SyntheticResident, v: SyntheticVisit, visit_id: str) -> list[dict]:
        """Each specialty of the book examined, nothing abnormal, at the visit's class or better."""
        age = age_on(r.birth_date, r.birth_year, v.visit_date)
        return [{"id": new_id(), "visit_id": visit_id, "specialty": s.value, "no_abnormality": True, "text": None,
                 "health_class": HealthClass.I.value, "version": 1, "recorded_at": v.completed_at,
                 "recorded_by": self._doctor} for s in specialties(r.sex, age)]

    def _answer_rows(self, r: SyntheticResident, v: SyntheticVisit, visit_id: str) -> list[dict]:
        """The visit's PL01 form (by age on the day and the roster's grade) answered at every desk, mostly
        normal: the doctor's desks by the doctor, the others by the nurse."""
        number = visit_form(chosen=None, birth_date=r.birth_date, birth_year=r.birth_year, visit_date=v.visit_date,
                            school_class=r.school_class)
        self.forms[number] += 1
        definition = pl01_form(number)
        rows = []
        for a in synthetic_answers(definition, female=r.sex == Sex.FEMALE, rng=self._rng):
            desk = definition.field(a.code).desk
            doctor = desk.startswith("doctor:") or desk == "conclusion"
            rows.append({"visit_id": visit_id, "code": a.code, "item": a.item, "value": a.value, "unit": a.unit,
                         "status": a.status.value, "reason": None, "desk": desk,
                         "recorded_by": self._doctor if doctor else self._nurse, "version": 1,
                         "recorded_at": v.completed_at})
        if r.national_id is None and any(f.code == "SO_CCCD" for f in definition.fields):  # as the reception sheet marks a gap
            rows.append({"visit_id": visit_id, "code": "SO_CCCD", "item": 0, "value": None, "unit": None,
                         "status": AnswerStatus.NOT_DONE.value, "reason": NOT_AVAILABLE, "desk": "reception",
                         "recorded_by": self._nurse, "version": 1, "recorded_at": v.completed_at})
        return rows

    def _conclusion_row(self, v: SyntheticVisit, visit_id: str, now: dt.datetime) -> dict:
        c, at = v.conclusion, v.completed_at
        followed = at + dt.timedelta(days=c.followed_up_after_days) if c.followed_up_after_days else None
        followed = followed if followed is not None and followed < now else None
        return {"id": new_id(), "visit_id": visit_id, "computed_class": c.health_class,
                "overall_class": c.health_class, "override_reason": None, "advice": None,
                "referral_to": c.referral_to, "referral_reason": c.referral_reason,
                "referral_urgency": c.referral_urgency, "referral_followed_up_at": followed,
                "referral_followed_up_by": self._coordinator if followed else None,
                "referral_follow_up_note": _FOLLOW_UP_NOTE if followed else None, "version": 1,
                "concluded_at": at, "concluded_by": self._doctor}

    def _consent_row(self, r: SyntheticResident, visit_id: str, at: dt.datetime) -> dict:
        """Every visit is opened with consent, as at reception: a child's by the guardian on the roster."""
        guardian = r.guardian_name is not None
        return {"id": new_id(), "visit_id": visit_id, "given_by": "guardian" if guardian else "self",
                "guardian_name": r.guardian_name, "guardian_relation": r.guardian_relation,
                "text_version": CURRENT_VERSION, "text_sha256": _CONSENT_SHA, "purposes": list(PURPOSES),
                "granted": True, "recorded_at": at, "recorded_by": self._nurse}

    def _vision_rows(self, r: SyntheticResident, v: SyntheticVisit, visit_id: str) -> list[dict]:
        """Vision without glasses, both eyes, for a completed visit from 3 years (the chart needs a child who can
        answer), unless the synthetic vital signs have it."""
        if age_on(r.birth_date, r.birth_year, v.visit_date) < 3 or any(
                m.code in (MeasureCode.VISION_RIGHT, MeasureCode.VISION_LEFT) for m in v.measurements):
            return []
        return [{"id": new_id(), "visit_id": visit_id, "code": code.value, "reading": 1,
                 "value": self._rng.choice(VISION), "unit": "", "context": {}, "flags": {}, "confirmed_warning": False,
                 "version": 1, "recorded_at": v.started_at, "recorded_by": self._nurse}
                for code in (MeasureCode.VISION_RIGHT, MeasureCode.VISION_LEFT)]

    def _child_vital_rows(self, r: SyntheticResident, v: SyntheticVisit, visit_id: str) -> list[dict]:
        """What a child's form asks that the synthetic vital signs leave out: the breathing rate under 6 years,
        a blood pressure from 6 years."""
        age = age_on(r.birth_date, r.birth_year, v.visit_date)
        have = {m.code for m in v.measurements}
        wanted: list[tuple[MeasureCode, float, str]] = []
        if age < 6 and MeasureCode.RESP_RATE not in have:
            wanted.append((MeasureCode.RESP_RATE, float(self._rng.randint(28, 40) if age < 2 else
                                                      self._rng.randint(22, 30)), "lần/phút"))
        if 6 <= age < 18 and MeasureCode.SYSTOLIC not in have:
            wanted += [(MeasureCode.SYSTOLIC, float(self._rng.randint(95, 118)), "mmHg"),
                       (MeasureCode.DIASTOLIC, float(self._rng.randint(58, 76)), "mmHg")]
        return [{"id": new_id(), "visit_id": visit_id, "code": code.value, "reading": 1, "value": value,
                 "unit": unit, "context": {}, "flags": {}, "confirmed_warning": False, "version": 1,
                 "recorded_at": v.started_at, "recorded_by": self._nurse} for code, value, unit in wanted]

    def _history_rows(self, v: SyntheticVisit, visit_id: str) -> list[dict]:
        """The history items the national forms read (regular medicine, family history), answered no."""
        return [{"id": new_id(), "visit_id": visit_id, "item": item, "answer": False, "detail": None, "version": 1,
                 "recorded_at": v.completed_at, "recorded_by": self._doctor}
                for item in ("regular_medicine", "family_history")]

    def _counselling_row(self, v: SyntheticVisit, visit_id: str) -> dict:
        return {"id": new_id(), "visit_id": visit_id, "topic": None, "text": _CHILD_COUNSELLING, "version": 1,
                "recorded_at": v.completed_at, "recorded_by": self._nurse}

    def _measurement_rows(self, r: SyntheticResident, v: SyntheticVisit, visit_id: str) -> list[dict]:
        at = v.started_at
        grown = _infant_growth(r, v.visit_date)
        return [{"id": new_id(), "visit_id": visit_id, "code": m.code.value, "reading": m.reading,
                 "value": round(m.value * grown.get(m.code, 1.0), 1), "unit": m.unit, "context": {}, "flags": {},
                 "confirmed_warning": False, "version": 1, "recorded_at": at, "recorded_by": self._nurse}
                for m in v.measurements]
