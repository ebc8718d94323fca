"""A synthetic station built through the real services, as the desks build it: the set-up answers of a commune
station (Mường Kim), visits of registered residents with their consent signed, a doctor's account, a whole visit
with every desk filled (what a batch maps), and an office's keys. Synthetic people only."""
from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from devkit.pl01 import answer_everything
from station_app.core.checkup_book import Topic, Urgency, specialties
from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
from station_app.core.model import FundingSource, HealthClass, Role, SiteKind, Sex, Specialty, TargetGroup
from station_app.services.station.findings import Diagnosis, HistoryAnswer, Referral
from station_app.services.station.registry import ConsentInput, ResidentInput
from station_app.services.station.station_setup import StationSetup

ADMIN_PASSWORD = "quantri-2026"
NURSE_PASSWORD = "yta-banna-26"  # the password policy: 8 characters or more, not a common one
COMMUNE_MUONG_KIM = "03637"
# Visits open only inside the campaign: the tests' campaign includes the day they run, whatever the year.
CAMPAIGN_END = max(dt.date(2026, 12, 31), dt.date.today() + dt.timedelta(days=366))


def station_setup(**overrides: object) -> StationSetup:
    values: dict[str, object] = dict(
        station_code="TYT-MK", station_name="Trạm Y tế xã Mường Kim", site_name="Trạm Y tế xã Mường Kim",
        site_kind=SiteKind.COMMUNE_STATION, commune_code=COMMUNE_MUONG_KIM, village=None,
        campaign_name="Khám sức khỏe định kỳ 2026", campaign_year=2026, campaign_start=dt.date(2026, 5, 1),
        campaign_end=CAMPAIGN_END, admin_username="admin", admin_full_name="Lò Văn Đức",
        admin_password=ADMIN_PASSWORD,
    )
    values.update(overrides)
    return StationSetup(**values)  # type: ignore[arg-type]


DOCTOR_PASSWORD = "bacsi-2026"
CONSENT = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()))


def open_visit(ctx, user, name="Tòng Thị Hoa", year=1980, sex=Sex.FEMALE, *, groups=(TargetGroup.OTHER,), day=None,
               **resident):
    """A new resident (``resident``: more of ResidentInput's fields) and a visit opened today (or on ``day``)."""
    person = ctx.registry.register_new(user, ResidentInput(full_name=name, sex=sex, birth_year=year, **resident))
    info = ctx.station.info()
    return ctx.registry.open_visit(user, person.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                   funding_source=FundingSource.STATE_BUDGET, target_groups=list(groups),
                                   consent=CONSENT, **({"day": day} if day else {}))


def make_doctor(ctx, admin):
    ctx.accounts.add_user(admin, "bs.lan", full_name="Lò Thị Lan", role=Role.DOCTOR, password=DOCTOR_PASSWORD)
    return ctx.accounts.sign_in("bs.lan", DOCTOR_PASSWORD)


VITALS = {"height_cm": 158, "weight_kg": 52.5, "waist_cm": 76, "pulse": 78, "systolic_1": 152, "diastolic_1": 96,
          "systolic_2": 148, "diastolic_2": 94, "temperature_c": 36.8, "spo2": 98, "resp_rate": 18,
          "glucose_mmol": 5.4, "vision_right": 0.8, "vision_left": 0.7, "vision_right_glasses": 1.0,
          "vision_left_glasses": 1.0}


def open_mapped_visit(ctx, nurse, name="Tòng Thị Hoa", year=1980, national_id="011180001234"):
    """A visit whose resident carries everything a batch maps: ID and insurance numbers, ethnic group, address."""
    return open_visit(ctx, nurse, name, year, groups=(TargetGroup.ETHNIC_MINORITY,), national_id=national_id,
                             insurance_number="GD4111234567890", ethnic_code="03",
                             address="Bản Nà Khương, xã Mường Kim", commune_code="03637", village="Bản Nà Khương")


def full_visit(ctx, nurse, doctor, refer=True, national=True, **kwargs):
    """Vital signs, history, every specialty, a conclusion that refers, counselling, and (``national``) the rest of
    the QĐ 1551 form answered and the visit completed; without ``national`` the visit stays open, its national
    form's own fields unanswered."""
    visit = open_mapped_visit(ctx, nurse, **kwargs)
    ctx.exam.save_vitals(nurse, visit.id, entries=VITALS,
                         confirmed_warnings=["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"], fasting=True)
    ctx.findings.save_history(doctor, visit.id,
                              answers=[HistoryAnswer("tobacco", False), HistoryAnswer("pregnant", False)])
    for s in specialties(Sex.FEMALE, 46):
        ctx.findings.save_finding(doctor, visit.id, specialty=s, no_abnormality=True, text=None, diagnoses=[],
                                  health_class=HealthClass.I)
    ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.INTERNAL, no_abnormality=False, text="Huyết áp cao",
                              diagnoses=[Diagnosis("I10", "Tăng huyết áp vô căn (nguyên phát)")],
                              health_class=HealthClass.III)
    referral = Referral("Bệnh viện đa khoa tỉnh", "Tăng huyết áp độ 2", Urgency.SOON) if refer else None
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.III, override_reason=None,
                                 advice="Ăn nhạt, tái khám sau 1 tháng", referral=referral)
    ctx.findings.save_counselling(doctor, visit.id, topics=[Topic.HYPERTENSION, Topic.NUTRITION], text="Giảm muối")
    if national:
        answer_everything(ctx, doctor, visit.id)  # the rest of the QĐ 1551 form, each at its desk
        ctx.findings.complete(doctor, visit.id)
    return visit


@dataclass
class OfficeKeys:
    identity: str  # AGE-SECRET-KEY-1…
    recipient: str
    bundle_path: Path
    identity_path: Path


def office_keys(folder: Path, escrow: str | None = None) -> OfficeKeys:
    """An office's age identity and receipt key, and its public bundle written as the office would."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    from pyrage import x25519

    identity = x25519.Identity.generate()
    receipt = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    bundle = {"format": "office-bundle/1", "name": "TTKSBT tỉnh Lai Châu", "age_recipient": str(identity.to_public()),
              "receipt_public_key": base64.b64encode(receipt).decode()}
    if escrow:
        bundle["escrow_recipient"] = escrow
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "office-bundle.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    (folder / "office.key").write_text(str(identity) + "\n", encoding="ascii")
    return OfficeKeys(str(identity), str(identity.to_public()), folder / "office-bundle.json", folder / "office.key")
