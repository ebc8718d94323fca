"""The campaign's tables, as typed SQLAlchemy rows.

Identifiers are UUIDv7 strings made on the laptop, so records of many stations merge without collisions.
Times are UTC, stored as ISO 8601 text by SQLAlchemy's DateTime. Every clinical record names who made it and
when; records edited after their visit is completed keep the earlier version in ``record_versions``.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    false,
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from station_app.core.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _id() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


def _user_fk(nullable: bool = True) -> Mapped[str | None]:
    return mapped_column(String(36), ForeignKey("users.id"), nullable=nullable)


class StationRow(Base):
    """The laptop's station: one per database. ``signing_key_ref`` names the key file, never the key."""

    __tablename__ = "stations"
    id: Mapped[str] = _id()
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    signing_key_ref: Mapped[str | None] = mapped_column(String(200))
    facility_code: Mapped[str | None] = mapped_column(String(5))  # PL01 MA_CSKCB (migration 0009)
    facility_gln: Mapped[str | None] = mapped_column(String(13))  # PL01 MA_GTIN_CSKCB, a GLN (migration 0009)
    public_key: Mapped[str | None] = mapped_column(Text)  # PEM, filled by the export issue
    current_site_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("sites.id", use_alter=True))
    current_campaign_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("campaigns.id", use_alter=True)
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CampaignRow(Base):
    __tablename__ = "campaigns"
    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates"),)


class SiteRow(Base):
    """An exam location: the commune health station or a mobile site in a village."""

    __tablename__ = "sites"
    id: Mapped[str] = _id()
    station_id: Mapped[str] = mapped_column(String(36), ForeignKey("stations.id"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # core.model.SiteKind
    commune_code: Mapped[str] = mapped_column(String(5))
    village: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (CheckConstraint("length(commune_code) = 5", name="commune_code"),)


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[str] = _id()
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # core.model.Role
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id, PHC string
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    # QĐ 1551 signatures (migration 0010): the practising licence PL01 records and the registered certificate (DER)
    # with where its key lives ('token' or 'file'); never a key, PIN or passphrase
    cchn: Mapped[str | None] = mapped_column(String(20))
    certificate: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate_source: Mapped[str | None] = mapped_column(String(10))


class ResidentRow(Base):
    """A person of the roster or registered at the desk. ``birth_year`` is always set; ``birth_date`` when known."""

    __tablename__ = "residents"
    id: Mapped[str] = _id()
    national_id: Mapped[str | None] = mapped_column(String(12), unique=True)
    old_id_number: Mapped[str | None] = mapped_column(String(12))
    insurance_number: Mapped[str | None] = mapped_column(String(20), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    name_norm: Mapped[str] = mapped_column(String(200), index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_year: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(10))  # core.model.Sex
    ethnic_code: Mapped[str | None] = mapped_column(String(2))
    address: Mapped[str | None] = mapped_column(String(300))
    commune_code: Mapped[str | None] = mapped_column(String(5))
    village: Mapped[str | None] = mapped_column(String(200))
    household_code: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(20))
    school: Mapped[str | None] = mapped_column(String(200))
    school_class: Mapped[str | None] = mapped_column(String(40))
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_relation: Mapped[str | None] = mapped_column(String(40))
    guardian_id_number: Mapped[str | None] = mapped_column(String(12))
    guardian_phone: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))  # core.model.RecordSource
    merged_into_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("residents.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = _user_fk()
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = _user_fk()

    target_groups: Mapped[list[ResidentTargetGroupRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    __table_args__ = (
        CheckConstraint("national_id IS NULL OR length(national_id) = 12", name="national_id_len"),
        CheckConstraint("birth_year BETWEEN 1880 AND 2200", name="birth_year"),
        Index("ix_residents_commune_village_household", "commune_code", "village", "household_code"),
        Index("ix_residents_birth_year_name", "birth_year", "name_norm"),
        Index("ix_residents_village_household", "village", "household_code"),  # migration 0004
        Index("ix_residents_identity", "birth_year", "name_norm", "birth_date", "commune_code"),  # migration 0004
        # migration 0007 also indexes substr(insurance_number, 6) of 15-character codes (the social insurance number)
    )


class ResidentTargetGroupRow(Base):
    __tablename__ = "resident_target_groups"
    resident_id: Mapped[str] = mapped_column(String(36), ForeignKey("residents.id"), primary_key=True)
    group: Mapped[str] = mapped_column(String(30), primary_key=True)  # core.model.TargetGroup
    __table_args__ = (Index("ix_resident_target_groups_group", "group"),)


class ResidentNameTokenRow(Base):
    """Each word of a resident's normalised name after the first, so a given name is found anywhere in the
    name by an indexed range (search as you type). Kept by triggers on ``residents`` (migration 0002), so bulk
    inserts fill it too; never written by the program."""

    __tablename__ = "resident_name_tokens"
    token: Mapped[str] = mapped_column(String(200), primary_key=True)
    name_norm: Mapped[str] = mapped_column(String(200), primary_key=True)
    birth_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    __table_args__ = {"sqlite_with_rowid": False}


class VisitRow(Base):
    """One resident at one site on one day, with who did each step and when."""

    __tablename__ = "visits"
    id: Mapped[str] = _id()
    resident_id: Mapped[str] = mapped_column(String(36), ForeignKey("residents.id"))
    site_id: Mapped[str] = mapped_column(String(36), ForeignKey("sites.id"))
    campaign_id: Mapped[str] = mapped_column(String(36), ForeignKey("campaigns.id"))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    queue_number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))  # core.model.VisitStatus
    funding_source: Mapped[str] = mapped_column(String(30))  # core.model.FundingSource
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    registered_by: Mapped[str | None] = _user_fk()
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    started_by: Mapped[str | None] = _user_fk()
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    completed_by: Mapped[str | None] = _user_fk()
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    cancelled_by: Mapped[str | None] = _user_fk()
    cancel_reason: Mapped[str | None] = mapped_column(String(300))
    # QĐ 1551 (migration 0009): the PL01 form of the visit (core.pl01.choose_form unless the doctor changed it, with
    # a reason), and whether the visit was recorded before the station knew QĐ 1551 (its new fields were never
    # asked: they read "not recorded (before QĐ 1551)", never invented).
    pl01_form: Mapped[int | None] = mapped_column(Integer)
    pl01_form_reason: Mapped[str | None] = mapped_column(Text)
    before_1551: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __table_args__ = (
        UniqueConstraint("site_id", "visit_date", "queue_number", name="uq_visits_queue"),
        Index("ix_visits_resident_campaign", "resident_id", "campaign_id"),
        Index("ix_visits_date_status", "visit_date", "status"),
        Index("ix_visits_campaign_resident_status", "campaign_id", "resident_id", "status"),  # migration 0004
    )


class ConsentRow(Base):
    """Consent per purpose, by the resident or a guardian, against a versioned text (PDPL 91/2025)."""

    __tablename__ = "consents"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), index=True)
    given_by: Mapped[str] = mapped_column(String(20))  # "self" or "guardian"
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_relation: Mapped[str | None] = mapped_column(String(40))
    text_version: Mapped[str] = mapped_column(String(40))
    text_sha256: Mapped[str] = mapped_column(String(64))
    purposes: Mapped[list] = mapped_column(JSON, default=list)
    granted: Mapped[bool] = mapped_column(Boolean, default=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str | None] = _user_fk()


class MeasurementRow(Base):
    """One measured value (vital sign); ``flags`` keeps the clinical flags computed when it was saved."""

    __tablename__ = "measurements"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))  # core.model.MeasureCode
    reading: Mapped[int] = mapped_column(Integer, default=1)  # 1, 2, 3 for repeated blood pressure
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    context: Mapped[dict] = mapped_column(JSON, default=dict)  # e.g. {"fasting": true, "glasses": false}
    flags: Mapped[dict] = mapped_column(JSON, default=dict)
    confirmed_warning: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str | None] = _user_fk()
    __table_args__ = (UniqueConstraint("visit_id", "code", "reading", name="uq_measurements_reading"),)


class AnswerRow(Base):
    """One answer of a visit to its PL01 form (core.pl01_answers): a new PL01 field is data, not a migration.

    Keyed by (visit, code, item) in a table without rowid, with no id of its own: a complete visit holds thirty to
    a hundred answers, so each byte of a row counts that many times in the station's size."""

    __tablename__ = "answers"
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(60), primary_key=True)  # the PL01 code
    item: Mapped[int] = mapped_column(Integer, primary_key=True, default=0)  # rows of a repeated group
    value: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="recorded")  # core.pl01_answers.AnswerStatus
    reason: Mapped[str | None] = mapped_column(Text)
    desk: Mapped[str] = mapped_column(String(40))
    recorded_by: Mapped[str | None] = _user_fk()
    version: Mapped[int] = mapped_column(Integer, default=1)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Lists and reports read a visit's answer to a code through the key (visit, code); an index on (code, value)
    # cost 1.2 KB per resident at the training station's size (76 bytes an answer) with nothing reading by value.
    __table_args__ = ({"sqlite_with_rowid": False},)


class HistoryItemRow(Base):
    """A yes/no item of the medical history in the check-up book, with an optional detail."""

    __tablename__ = "history_items"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), index=True)
    item: Mapped[str] = mapped_column(String(60))
    answer: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str | None] = _user_fk()
    __table_args__ = (UniqueConstraint("visit_id", "item", name="uq_history_items_item"),)


class FindingRow(Base):
    """The doctor's findings for one specialty, with its health class I–V."""

    __tablename__ = "findings"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), index=True)
    specialty: Mapped[str] = mapped_column(String(20))  # core.model.Specialty
    no_abnormality: Mapped[bool] = mapped_column(Boolean, default=True)
    text: Mapped[str | None] = mapped_column(Text)
    health_class: Mapped[str | None] = mapped_column(String(3))  # core.model.HealthClass
    version: Mapped[int] = mapped_column(Integer, default=1)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str | None] = _user_fk()
    diagnoses: Mapped[list[DiagnosisRow]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    __table_args__ = (UniqueConstraint("visit_id", "specialty", name="uq_findings_specialty"),)


class DiagnosisRow(Base):
    __tablename__ = "diagnoses"
    id: Mapped[str] = _id()
    finding_id: Mapped[str] = mapped_column(String(36), ForeignKey("findings.id"), index=True)
    icd10: Mapped[str] = mapped_column(String(10))
    label: Mapped[str | None] = mapped_column(String(300))


class ConclusionRow(Base):
    """The visit's conclusion: overall class (worst specialty class unless justified), advice, referral."""

    __tablename__ = "conclusions"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), unique=True)
    computed_class: Mapped[str | None] = mapped_column(String(3))
    overall_class: Mapped[str] = mapped_column(String(3))
    override_reason: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    referral_to: Mapped[str | None] = mapped_column(String(200))
    referral_reason: Mapped[str | None] = mapped_column(Text)
    referral_urgency: Mapped[str | None] = mapped_column(String(20))
    referral_followed_up_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    referral_followed_up_by: Mapped[str | None] = _user_fk()
    referral_follow_up_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    concluded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    concluded_by: Mapped[str | None] = _user_fk()
    __table_args__ = (  # migration 0004: only the conclusions that refer
        Index("ix_conclusions_referral", "referral_to", sqlite_where=text("referral_to IS NOT NULL")),
    )


class CounsellingNoteRow(Base):
    __tablename__ = "counselling_notes"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), index=True)
    topic: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str | None] = _user_fk()


class RecordVersionRow(Base):
    """An earlier version of a record changed after its visit was completed (the whole row, as JSON)."""

    __tablename__ = "record_versions"
    id: Mapped[str] = _id()
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    replaced_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    replaced_by: Mapped[str | None] = _user_fk()
    __table_args__ = (UniqueConstraint("entity", "entity_id", "version", name="uq_record_versions_version"),)


class AuditEventRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE); ``hash`` chains each event to the one before."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)


class AuditHeadRow(Base):
    """The newest event's sequence and hash, so deleting the newest events is detected too."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (CheckConstraint("id = 1", name="single"),)


class ExportBatchRow(Base):
    """A signed, encrypted batch sent to the office; ``covers_*`` are change-log (outbox) sequence numbers."""

    __tablename__ = "export_batches"
    id: Mapped[str] = _id()
    station_id: Mapped[str] = mapped_column(String(36), ForeignKey("stations.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    covers_from: Mapped[int | None] = mapped_column(Integer)
    covers_to: Mapped[int | None] = mapped_column(Integer)
    period_start: Mapped[dt.datetime | None] = mapped_column(DateTime)
    period_end: Mapped[dt.datetime | None] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(200))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="made")  # made, sent, acknowledged, rejected
    destination: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    receipt: Mapped[dict | None] = mapped_column(JSON)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = _user_fk()
    __table_args__ = (UniqueConstraint("station_id", "sequence", name="uq_export_batches_sequence"),)


class RosterImportRow(Base):
    """One roster file imported (the commune's list of residents), for tracing where residents came from."""

    __tablename__ = "roster_imports"
    id: Mapped[str] = _id()
    file_name: Mapped[str] = mapped_column(String(300))
    file_sha256: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str | None] = _user_fk()


class RosterRowLinkRow(Base):
    """Which resident a roster row (its values, as a hash) was placed on: the same row imported again finds the
    same person at once, among namesakes too, whatever its place in the file (migration 0008)."""

    __tablename__ = "roster_row_links"
    row_hash: Mapped[str] = mapped_column(String(32), primary_key=True)
    resident_id: Mapped[str] = mapped_column(String(36), ForeignKey("residents.id"), primary_key=True)
    import_id: Mapped[str] = mapped_column(String(36))
    linked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DraftRow(Base):
    """A desk's form left half-filled (the nurse called away, the app closed): the typed texts, as they were."""

    __tablename__ = "drafts"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"))
    desk: Mapped[str] = mapped_column(String(30))  # "vitals", "doctor", "counselling"
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    saved_by: Mapped[str | None] = _user_fk()
    __table_args__ = (UniqueConstraint("visit_id", "desk", name="uq_drafts_desk"),)


class SignatureRow(Base):
    """A signature made at the station (migration 0010): an examiner's part or the concluding doctor's whole
    record, with the signed XML document. A part amended and signed again is a new row (its content digest
    differs); the newest row whose digest matches the part as it is now is the part's current signature."""

    __tablename__ = "signatures"
    id: Mapped[str] = _id()
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"))
    part: Mapped[str] = mapped_column(String(40))  # the desk ("vitals", "doctor:internal") or "ket_luan"
    kind: Mapped[str] = mapped_column(String(12))  # "part" or "conclusion"
    signer_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"))
    certificate_fingerprint: Mapped[str] = mapped_column(String(64))
    content_digest: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    xml: Mapped[bytes] = mapped_column(LargeBinary)
    signature_value: Mapped[str] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("visit_id", "part", "content_digest", name="uq_signatures_content"),
                      CheckConstraint("kind IN ('part', 'conclusion')", name="kind"),
                      Index("ix_signatures_signer", "signer_id"))


class NationalStateRow(Base):
    """Where a visit's record stands at the national database, as the office's receipts tell (migration 0010)."""

    __tablename__ = "national_states"
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(20))  # pushed, accepted, refused, waiting
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    txn_id: Mapped[str | None] = mapped_column(String(100))
    res_code: Mapped[str | None] = mapped_column(String(40))
    res_msg: Mapped[str | None] = mapped_column(Text)
