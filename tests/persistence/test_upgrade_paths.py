"""Upgrading an installed older version: a database made at EVERY earlier migration, holding a station's data
written with the SQL of that time, opens the way the app opens it on start, reaches the newest revision, keeps
its data and is usable (the resident found by name, the visit in the day's queue, sign-in, export, new writes).
"""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from support import ADMIN_PASSWORD

from station_app.app import open_context
from station_app.core.model import Sex
from station_app.core.names import normalise_name
from station_app.persistence.database import DB_FILE_NAME, alembic_config, head_revision
from station_app.services.common.passwords import hash_password
from station_app.services.station.registry import ResidentInput

DAY = dt.date(2026, 11, 20)
SCRIPT = ScriptDirectory.from_config(alembic_config("sqlite://"))
REVISIONS = [r.revision for r in reversed(list(SCRIPT.walk_revisions()))]  # oldest first, the head included
RESIDENTS = [  # (id, full name, birth date, sex, national id, village)
    ("r-0001", "Nguyễn Thị Hồng", "1985-03-14", "female", "012185000321", "Bản Nà Khương"),
    ("r-0002", "Lò Văn Đức", "1958-04-02", "male", "012058000011", "Bản Phiêng"),
]


def test_every_revision_is_covered():
    assert REVISIONS[:6] == ["0001", "0002", "0003", "0004", "0006", "0007"]
    assert REVISIONS[-1] == head_revision()


def _station_at(revision: str, path) -> None:
    """The synthetic station, in SQL valid at ``revision`` (every table used here exists since 0001)."""
    command.upgrade(alembic_config(f"sqlite:///{path}"), revision)
    at = "2026-05-01 08:00:00.000000"
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO users (id, username, full_name, role, password_hash, active, failed_attempts, "
                     "created_at) VALUES ('u-admin', 'admin', 'Lò Văn Đức', 'admin', ?, 1, 0, ?)",
                     (hash_password(ADMIN_PASSWORD), at))
        conn.execute("INSERT INTO campaigns (id, name, year, start_date, end_date) VALUES "
                     "('c-2026', 'Khám sức khỏe định kỳ 2026', 2026, '2026-05-01', '2026-12-31')")
        conn.execute("INSERT INTO stations (id, code, name, created_at) VALUES ('st-1', 'TYT-MK', "
                     "'Trạm Y tế xã Mường Kim', ?)", (at,))
        conn.execute("INSERT INTO sites (id, station_id, name, kind, commune_code, active, created_at) VALUES "
                     "('s-1', 'st-1', 'Trạm Y tế xã Mường Kim', 'commune_station', '03637', 1, ?)", (at,))
        conn.execute("UPDATE stations SET current_site_id = 's-1', current_campaign_id = 'c-2026'")
        for rid, name, born, sex, national_id, village in RESIDENTS:
            conn.execute(
                "INSERT INTO residents (id, national_id, full_name, name_norm, birth_date, birth_year, sex, "
                "commune_code, village, source, version, created_at, created_by, updated_at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, '03637', ?, 'roster_import', 1, ?, 'u-admin', ?)",
                (rid, national_id, name, normalise_name(name), born, int(born[:4]), sex, village, at, at))
        conn.execute("INSERT INTO resident_target_groups (resident_id, \"group\") VALUES ('r-0002', 'elderly')")
        _visit(conn)
        if revision >= "0003":
            conn.execute("INSERT INTO drafts (id, visit_id, desk, fields, saved_at, saved_by) VALUES "
                         "('d-1', 'v-1', 'doctor', '{\"advice\": \"Ăn nhạt\"}', ?, 'u-admin')", (at,))
        conn.commit()
    finally:
        conn.close()


def _visit(conn: sqlite3.Connection) -> None:
    registered = f"{DAY} 07:30:00.000000"
    conn.execute("INSERT INTO visits (id, resident_id, site_id, campaign_id, visit_date, queue_number, status, "
                 "funding_source, registered_at, registered_by, updated_at) VALUES ('v-1', 'r-0001', 's-1', "
                 "'c-2026', ?, 1, 'in_progress', 'state_budget', ?, 'u-admin', ?)", (str(DAY), registered, registered))
    conn.execute("INSERT INTO consents (id, visit_id, given_by, text_version, text_sha256, purposes, granted, "
                 "recorded_at, recorded_by) VALUES ('cs-1', 'v-1', 'self', '2026-1', ?, '[\"exam\"]', 1, ?, "
                 "'u-admin')", ("0" * 64, registered))
    conn.execute("INSERT INTO measurements (id, visit_id, code, reading, value, unit, context, flags, "
                 "confirmed_warning, version, recorded_at, recorded_by) VALUES ('m-1', 'v-1', 'weight', 1, 52.5, "
                 "'kg', '{}', '[]', 0, 1, ?, 'u-admin')", (registered,))


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_station_made_at_an_earlier_revision_opens_at_the_newest_with_its_data(revision, data_dir):
    path = data_dir / DB_FILE_NAME
    _station_at(revision, path)
    ctx = open_context(data_dir)  # what the app does on start: checks, backup, migration
    try:
        with ctx.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        backup = data_dir / "backups" / f"station-before-upgrade-from-{revision}.sqlite3"
        assert backup.exists() == (revision != head_revision())
        _check_usable(ctx, made_before_1551=revision < "0009")  # 0009 marks the visits made before it
    finally:
        ctx.close()


def _check_usable(ctx, *, made_before_1551: bool) -> None:  # noqa: ANN001 - AppContext
    info = ctx.station.info()
    assert (info.code, info.commune_code, info.campaign_name) == ("TYT-MK", "03637", "Khám sức khỏe định kỳ 2026")
    admin = ctx.accounts.sign_in("admin", ADMIN_PASSWORD)
    found = ctx.registry.search("hong").items  # a later word of the name: the name tokens (0002) back-filled
    assert [r.full_name for r in found] == ["Nguyễn Thị Hồng"]
    assert found[0].birth_date == dt.date(1985, 3, 14) and found[0].village == "Bản Nà Khương"
    assert [r.full_name for r in ctx.registry.search("012058000011").items] == ["Lò Văn Đức"]
    queue = ctx.registry.todays_queue(info.site_id, DAY)
    assert [(v.queue_number, v.resident_name, v.status.value) for v in queue] == [
        (1, "Nguyễn Thị Hồng", "in_progress")]
    assert ctx.export.pending().changes >= 1  # the visit made before the outbox (0006) goes in the first batch
    new = ctx.registry.register_new(admin, ResidentInput(full_name="Sùng A Páo", sex=Sex.MALE, birth_year=2016))
    assert [r.id for r in ctx.registry.search("pao").items] == [new.id]
    assert ctx.audit.verify().ok
    # QĐ 1551 (0009): the visit made before it is kept and marked, so its new fields read "not recorded"; a visit
    # opened now is not marked.
    assert ctx.answers.visit_form("v-1").number == 2  # born 1985: the adults' form
    later = _open_new_visit(ctx, admin, new.id)
    with ctx.db.engine.connect() as conn:
        marked = dict(conn.exec_driver_sql("SELECT id, before_1551 FROM visits").all())
    assert marked == {"v-1": int(made_before_1551), later: 0}


def _open_new_visit(ctx, user, resident_id) -> str:  # noqa: ANN001 - AppContext, SignedInUser
    from station_app.core.model import FundingSource, TargetGroup
    from support.visits import CONSENT
    info = ctx.station.info()
    return ctx.registry.open_visit(user, resident_id, site_id=info.site_id, campaign_id=info.campaign_id,
                                   funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.PUPIL],
                                   consent=CONSENT, day=DAY).id
