"""The receiving office's own tables (docs/OFFICE.md): stations, batches, the FHIR resources they carried.

A separate ``MetaData`` from the station's: the office database is another database (SQLite in the office folder
or PostgreSQL), made and upgraded by its own Alembic migrations (``migrations/``; a column added here needs a new
revision there, tests/persistence/office/test_office_migrations.py checks they agree). Resources are
kept whole as JSON beside the few columns the office searches and counts by; a replaced or removed resource is
copied to ``office_history`` first.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        Text, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The office_schema stamp of the last schema made before Alembic (2: owner of each record, the site a station's
# laptops share); a database stamped higher is refused (database.py)
SCHEMA_VERSION = 2


def utcnow() -> dt.datetime:
    """Naive UTC, as every time in the office tables."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class OfficeBase(DeclarativeBase):
    metadata = MetaData()


class OfficeSchemaRow(OfficeBase):
    """One row: the schema version of before Alembic (kept at 2 by revision 0001, so that a program of before
    Alembic refuses a database a later revision changed once that revision raises it)."""

    __tablename__ = "office_schema"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OfficeStationRow(OfficeBase):
    """A station registered with its public key (``key_id`` = SHA-256 of the key's DER)."""

    __tablename__ = "office_stations"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    public_key_pem: Mapped[str] = mapped_column(Text)
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # the registered station whose site this laptop works at (None: its own): laptops of one site may write each
    # other's visits (docs/VISIT-PARTS.md), no other station may
    site: Mapped[str | None] = mapped_column(String(32))


class OfficeBatchRow(OfficeBase):
    """A batch imported; (station, sequence) once. ``receipt`` is the signed receipt given back."""

    __tablename__ = "office_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(32), ForeignKey("office_stations.code"))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    previous: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))  # the manifest's created_at, as sent
    site_name: Mapped[str | None] = mapped_column(String(200))
    commune_code: Mapped[str | None] = mapped_column(String(5))
    campaign: Mapped[str | None] = mapped_column(String(200))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    receipt: Mapped[dict | None] = mapped_column(JSON)
    __table_args__ = (UniqueConstraint("station_code", "sequence", name="uq_office_batches_sequence"),)


class OfficeQuarantineRow(OfficeBase):
    """A batch refused: where its copy is and why; nothing of it was imported."""

    __tablename__ = "office_quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_name: Mapped[str] = mapped_column(String(300))
    station_code: Mapped[str | None] = mapped_column(String(32))
    sequence: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(40))
    stored_path: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OfficePatientRow(OfficeBase):
    """A resident as a station sent them (``id`` the station's resident id)."""

    __tablename__ = "office_patients"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    national_id: Mapped[str | None] = mapped_column(String(12), index=True)
    commune_code: Mapped[str | None] = mapped_column(String(5))
    target_groups: Mapped[list] = mapped_column(JSON, default=list)
    station_code: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    stamp: Mapped[str] = mapped_column(String(80))  # lastUpdated|batch created_at: orders equal versions
    batch_id: Mapped[int] = mapped_column(Integer)
    resource: Mapped[dict] = mapped_column(JSON)
    owner: Mapped[str | None] = mapped_column(String(32))  # the station whose signed batch brought it first


class OfficeVisitRow(OfficeBase):
    """A visit (FHIR Encounter), merged by its id whichever laptop sent which part."""

    __tablename__ = "office_visits"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(String(36), index=True)
    station_code: Mapped[str] = mapped_column(String(32), index=True)
    site_id: Mapped[str | None] = mapped_column(String(36))
    campaign: Mapped[str | None] = mapped_column(String(200))
    funding_source: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    completed_at: Mapped[str | None] = mapped_column(String(32))  # period.end of a finished visit, UTC ISO
    finished_imported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # the 24-hour rule
    pl01_form: Mapped[int | None] = mapped_column(Integer)  # the visit's PL01 form, QĐ 1551 (revision 0002)
    before_1551: Mapped[bool | None] = mapped_column(Boolean)  # recorded before the station knew QĐ 1551 (0002)
    doi_tuong: Mapped[str | None] = mapped_column(String(10))  # the visit's PL01 target-group code (0002)
    version: Mapped[int] = mapped_column(Integer)
    stamp: Mapped[str] = mapped_column(String(80))
    batch_id: Mapped[int] = mapped_column(Integer)
    resource: Mapped[dict] = mapped_column(JSON)
    owner: Mapped[str | None] = mapped_column(String(32))


class OfficeResourceRow(OfficeBase):
    """Every other resource of a visit: Observation, Condition, ServiceRequest, Consent, Communication.

    ``part`` is the visit part it belongs to (vitals, history, findings, conclusion, consent, counselling, answers:
    the PL01 answers, ``code`` then the PL01 code): a newer batch carrying a part replaces the visit's whole earlier
    set of it.
    """

    __tablename__ = "office_resources"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    resource_type: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(String(36))
    part: Mapped[str] = mapped_column(String(20))
    code: Mapped[str | None] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    stamp: Mapped[str] = mapped_column(String(80))
    batch_id: Mapped[int] = mapped_column(Integer)
    resource: Mapped[dict] = mapped_column(JSON)
    owner: Mapped[str | None] = mapped_column(String(32))
    __table_args__ = (Index("ix_office_resources_visit", "visit_id", "part"),)


class OfficeHistoryRow(OfficeBase):
    """An earlier version of a resource, kept when a newer one replaced it (or a newer part set left it out)."""

    __tablename__ = "office_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    resource_id: Mapped[str] = mapped_column(String(36), index=True)
    resource_type: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    replaced_by_batch: Mapped[int] = mapped_column(Integer)
    replaced_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resource: Mapped[dict] = mapped_column(JSON)


class OfficeStationKeyRow(OfficeBase):
    """Each key a station has signed with: a batch is checked with the key valid for its sequence (the one with the
    highest ``from_sequence`` not above it), so a re-keyed station's earlier batches still verify and its old key
    signs nothing newer. A station registered before this table has none: its ``office_stations`` key is from 1."""

    __tablename__ = "office_station_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(32), ForeignKey("office_stations.code"), index=True)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    public_key_pem: Mapped[str] = mapped_column(Text)
    from_sequence: Mapped[int] = mapped_column(Integer)
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("station_code", "from_sequence", name="uq_office_station_keys_from"),)


class OfficeEventRow(OfficeBase):
    """The office's own record of its decisions about stations (registered, re-keyed): ids and counts only."""

    __tablename__ = "office_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    station_code: Mapped[str | None] = mapped_column(String(32), index=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class OfficeAuditAnchorRow(OfficeBase):
    """The head of a station's audit chain (sequence and hash) as its signed manifest carried it: the station's
    history held outside the station. ``rewound`` marks a head behind one an earlier batch carried."""

    __tablename__ = "office_audit_anchors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(32), ForeignKey("office_stations.code"), index=True)
    batch_sequence: Mapped[int] = mapped_column(Integer)
    audit_seq: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))
    rewound: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("station_code", "batch_sequence", name="uq_office_audit_anchors_batch"),)


class OfficeQuarantineDroppedRow(OfficeBase):
    """Quarantined batches dropped, oldest first, to keep the quarantine within its limits
    (services/office/quarantine.py): counted per registered station, ``""`` for any other code or none (a table
    that junk under made-up codes could grow would defeat the limit)."""

    __tablename__ = "office_quarantine_dropped"
    station_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    files: Mapped[int] = mapped_column(Integer, default=0)
    bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    last_dropped_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class OfficeChainDecisionRow(OfficeBase):
    """An administrator's decision to accept a station's new chain from ``from_sequence`` (``office stations
    accept-chain``): who, when, why. Used by the first batch of that sequence the station's key signs after it
    (``accepted_*``); ``set_aside`` keeps the row of the batch it replaced under that number, if one was held."""

    __tablename__ = "office_chain_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(32), ForeignKey("office_stations.code"), index=True)
    from_sequence: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    accepted_manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    set_aside: Mapped[dict | None] = mapped_column(JSON)


# -- delivery to the national database (QĐ 1551; revision 0003, docs/NATIONAL.md) ------------------------------

class OfficeSignatureRow(OfficeBase):
    """A signature a station's batch carried (a FHIR Provenance), as the office checked it on import: ``valid``
    false with the ``problem`` when it did not verify. ``xml_sha256`` keeps a signature carried again once."""

    __tablename__ = "office_signatures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(32), index=True)
    visit_uid: Mapped[str] = mapped_column(String(36), index=True)
    part: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))  # part | conclusion
    certificate_fingerprint: Mapped[str | None] = mapped_column(String(64))
    cchn: Mapped[str | None] = mapped_column(String(40))
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    content_digest: Mapped[str | None] = mapped_column(String(64))
    xml_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    xml: Mapped[bytes] = mapped_column(LargeBinary)
    valid: Mapped[bool] = mapped_column(Boolean)
    problem: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OfficeNationalFacilityRow(OfficeBase):
    """A facility's national settings (``office national setup``). ``secrets`` is age-encrypted to the office's
    own key (account password, the signing key's file and passphrase or the token's module, label and PIN): read
    only when pushing. ``account_problem``: the hub refused the account; pushing stops until the next setup."""

    __tablename__ = "office_national_facilities"
    station_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(13))
    ma_cskcb: Mapped[str] = mapped_column(String(5))
    gln: Mapped[str] = mapped_column(String(13))
    base_url: Mapped[str] = mapped_column(Text)
    receiver_id: Mapped[str | None] = mapped_column(String(40))
    username: Mapped[str] = mapped_column(String(100))
    secrets: Mapped[bytes] = mapped_column(LargeBinary)
    key_kind: Mapped[str] = mapped_column(String(10))  # file | token
    public_key_pem: Mapped[str] = mapped_column(Text)
    certificate_fingerprint: Mapped[str] = mapped_column(String(64))
    account_problem: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OfficeNationalTrustRow(OfficeBase):
    """A CA the office trusts for examiners' certificates (``office national trust add``)."""

    __tablename__ = "office_national_trust"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(Text)
    pem: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OfficeNationalRecordRow(OfficeBase):
    """One version of a visit's record on its way to the national database.

    ``state``: held (a signature did not verify: ``problem``), waiting, pushed (sent, no final answer yet),
    accepted (``txn_id``), refused (``res_code``, ``res_msg``). ``msg_id`` and ``record_xml`` (the record with the
    facility's signature) are made at the first push and reused on every retry, so a resend is never counted
    twice."""

    __tablename__ = "office_national_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(32), index=True)
    visit_uid: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content_digest: Mapped[str] = mapped_column(String(64))
    form: Mapped[int | None] = mapped_column(Integer)
    msg_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    problem: Mapped[str | None] = mapped_column(Text)
    res_code: Mapped[str | None] = mapped_column(String(80))
    res_msg: Mapped[str | None] = mapped_column(Text)
    txn_id: Mapped[str | None] = mapped_column(String(100))
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    pushed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    refused_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    conclusion_xml: Mapped[bytes] = mapped_column(LargeBinary)  # as the concluding doctor signed it
    record_xml: Mapped[bytes | None] = mapped_column(LargeBinary)  # countersigned by the facility
    __table_args__ = (UniqueConstraint("station_code", "visit_uid", "version", name="uq_office_national_version"),)
