"""The training station: synthetic residents, visits and vital signs, audited by chunk, on an empty folder only."""
from __future__ import annotations

import json
import logging
import sqlite3
import stat
from pathlib import Path

import pytest
from support.cli import run_cli

from station_app.app import open_context
from station_app.core.model import AuditAction, Role, VisitStatus
from station_app.services.station import demo
from station_app.services.station.demo import DEMO_ACCOUNTS, TRAINING_PASSWORD, DemoFolderNotEmptyError, make_demo


def query(folder: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(folder / "station.sqlite3")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def made(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(demo, "CHUNK", 100)  # several chunks with few residents
    ctx = open_context(data_dir)
    calls: list[tuple[int, int]] = []
    result = make_demo(ctx, residents=350, seed=5, progress=lambda done, total: calls.append((done, total)))
    yield ctx, result, calls
    ctx.close()


def test_demo_fills_an_empty_folder_with_residents_visits_and_vital_signs(made, data_dir):
    ctx, result, calls = made
    assert query(data_dir, "SELECT count(*) FROM residents") == [(350,)]
    visits = query(data_dir, "SELECT count(*) FROM visits")[0][0]
    assert visits == result.visits and 0.45 * 350 < visits < 0.75 * 350
    assert query(data_dir, "SELECT count(*) FROM measurements")[0][0] == result.measurements > visits
    assert query(data_dir, "SELECT count(*) FROM resident_target_groups")[0][0] > 350
    duplicates = query(data_dir, "SELECT site_id, visit_date, queue_number FROM visits "
                                 "GROUP BY 1, 2, 3 HAVING count(*) > 1")
    assert duplicates == []
    assert query(data_dir, "SELECT count(*) FROM visits WHERE registered_by IS NULL") == [(0,)]
    # every visit was opened with consent, a child's given by the guardian, as reception requires
    assert query(data_dir, "SELECT count(*) FROM visits v WHERE NOT EXISTS "
                           "(SELECT 1 FROM consents c WHERE c.visit_id = v.id AND c.granted)") == [(0,)]
    assert query(data_dir, "SELECT count(*) FROM consents c JOIN visits v ON v.id = c.visit_id "
                           "JOIN residents r ON r.id = v.resident_id WHERE r.guardian_name IS NOT NULL "
                           "AND (c.given_by != 'guardian' OR c.guardian_name IS NULL)") == [(0,)]
    assert query(data_dir, "SELECT count(*) FROM visits WHERE status IN ('completed', 'referred') "
                           "AND completed_by IS NULL") == [(0,)]
    assert calls[-1] == (350, 350) and [c[0] for c in calls] == [100, 200, 300, 350]
    info = ctx.station.info()
    assert info.code == "DEMO-LC" and "tập huấn" in info.name and info.commune_code == "03637"


def test_demo_audits_one_event_per_chunk_with_counts_only_and_the_chain_verifies(made):
    ctx, result, _ = made
    report = ctx.audit.verify()
    assert report.ok and report.checked == result.audit_events
    conn = sqlite3.connect(ctx.db.path)
    rows = conn.execute("SELECT details FROM audit_events WHERE action = ? AND entity = 'residents'",
                        (AuditAction.IMPORT.value,)).fetchall()
    conn.close()
    assert len(rows) == 4
    allowed = {"chunk", "source", "seed", "residents", "target_groups", "visits", "measurements", "conclusions", "consents",
               "findings", "answers", "history", "counselling"}
    details = [json.loads(d) for (d,) in rows]
    assert all(set(d) <= allowed for d in details)
    assert sum(d["residents"] for d in details) == 350


def test_demo_accounts_sign_in_with_the_training_password(made):
    ctx, _, _ = made
    roles = {ctx.accounts.sign_in(a.username, TRAINING_PASSWORD).role for a in DEMO_ACCOUNTS}
    assert roles == set(Role)


def test_the_summary_says_it_is_a_training_station_and_lists_counts_and_accounts(made):
    _, result, _ = made
    text = result.summary()
    assert "TẬP HUẤN" in text and "giả lập" in text
    assert "350" in text and TRAINING_PASSWORD in text
    assert all(a.username in text for a in DEMO_ACCOUNTS)
    assert "MB" in text and "giây" in text
    assert "đã khám xong" in text and "chờ khám" in text  # a visit's state in the words every page uses
    assert "hoàn thành" not in text and "mới đăng ký" not in text


def test_the_log_names_no_resident(data_dir, caplog):
    ctx = open_context(data_dir)
    try:
        with caplog.at_level(logging.DEBUG):
            make_demo(ctx, residents=120, seed=9)
    finally:
        ctx.close()
    names_and_ids = query(data_dir, "SELECT full_name, national_id FROM residents")
    assert caplog.text and not any(name in caplog.text or (number and number in caplog.text)
                                   for name, number in names_and_ids)


def test_the_same_seed_gives_the_same_people(made, tmp_path):
    other = tmp_path / "again"
    ctx = open_context(other)
    try:
        make_demo(ctx, residents=350, seed=5, progress=None)
    finally:
        ctx.close()
    sql = "SELECT national_id, full_name, birth_year, village FROM residents ORDER BY national_id"
    assert query(other, sql) == query(made[0].data_dir, sql)


def test_demo_refuses_a_folder_that_already_has_a_station(ctx, data_dir):
    with pytest.raises(DemoFolderNotEmptyError) as refused:
        make_demo(ctx, residents=10, seed=1)
    assert "--data-dir" in str(refused.value) and "trống" in str(refused.value)
    assert query(data_dir, "SELECT count(*) FROM residents") == [(0,)]


def test_demo_through_the_command_line_then_audit_verify(data_dir):
    made = run_cli("demo", "--residents", "300", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    assert "TẬP HUẤN" in made.stdout and "300" in made.stdout
    verified = run_cli("audit", "verify", data_dir=data_dir)
    assert verified.returncode == 0 and "toàn vẹn" in verified.stdout
    again = run_cli("demo", "--residents", "300", data_dir=data_dir)
    assert again.returncode == 1 and "--data-dir" in again.stderr and "Traceback" not in again.stderr


def test_the_training_campaign_includes_today_and_a_nurse_can_open_a_visit(made, data_dir):
    """A campaign that has ended opens no visit: the training station's runs from months ago to weeks ahead,
    with the synthetic visits in its past and today's queue left to the trainees."""
    import datetime as dt

    from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
    from station_app.core.model import FundingSource
    from station_app.services.station.registry import ConsentInput

    ctx, _, _ = made
    today = dt.date.today()
    info = ctx.station.info()
    assert info.campaign_start < today < info.campaign_end
    first, last = query(data_dir, "SELECT min(visit_date), max(visit_date) FROM visits")[0]
    assert info.campaign_start.isoformat() <= first and last < today.isoformat()
    nurse = next(a for a in DEMO_ACCOUNTS if a.role is Role.NURSE)
    user = ctx.accounts.sign_in(nurse.username, TRAINING_PASSWORD)
    resident = query(data_dir, "SELECT id FROM residents LIMIT 1")[0][0]
    visit = ctx.registry.open_visit(user, resident, site_id=info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET, target_groups=[],
                                    consent=ConsentInput(CURRENT_VERSION, text_sha256(consent_text())),
                                    second_visit_reason="tập huấn")
    assert visit.visit_date == today and visit.queue_number == 1


def test_the_default_training_station_completes_visits_on_every_campaign_form(data_dir: Path):
    """A trainee finds a completed visit of every age band's form, pupils' forms by grade (preschool included),
    each with its desks' answers (the vital signs and findings as they are kept), at the CLI's default size."""
    from station_app.cli import _parser
    from station_app.core.pl01 import CAMPAIGN_FORMS

    default = _parser().parse_args(["demo"]).residents
    ctx = open_context(data_dir)
    try:
        result = make_demo(ctx, residents=default, seed=1)
        assert set(result.forms) == set(CAMPAIGN_FORMS), result.forms
        assert result.answers > 20 * sum(result.forms.values())
        conn = sqlite3.connect(ctx.db.path)
        grades = {c for (c,) in conn.execute("SELECT DISTINCT school_class FROM residents WHERE school_class "
                                             "IS NOT NULL")}
        conn.close()
        assert {"Mầm", "Chồi", "Lá"} <= grades and any(g.startswith("12") for g in grades)
        # their QĐ 1551 records validate (the facility codes are the training station's), but for what a real
        # station would miss too: an elderly resident with no ID number, an infant's length beyond the charts
        done = [i for (i,) in sqlite3.connect(ctx.db.path).execute(
            "SELECT id FROM visits WHERE status IN ('completed', 'referred')")]
        records = ctx.pl01_records.of_visits(None, done)
        assert len(records) == len(done) and sum(r.valid for r in records) >= 0.95 * len(records)
        assert {r.definition.number for r in records if r.valid} == set(CAMPAIGN_FORMS)
    finally:
        ctx.close()


def test_the_training_stations_finished_visits_are_signed_by_its_examiners_under_the_training_ca(made, data_dir):
    from cryptography import x509

    from station_app.services.common.signing import xmldsig
    from station_app.services.common.signing.certificates import verify_chain

    ctx, result, _ = made
    ca = x509.load_pem_x509_certificate((data_dir / "keys" / "training-ca.pem").read_bytes())
    assert stat.S_IMODE((data_dir / "keys" / "training-ca-key.pem").stat().st_mode) == 0o600
    rows = query(data_dir, "SELECT s.kind, s.xml, u.role FROM signatures s JOIN users u ON u.id = s.signer_id")
    finished = result.visits_by_status.get(VisitStatus.COMPLETED, 0) + result.visits_by_status.get(
        VisitStatus.REFERRED, 0)
    conclusions = [r for r in rows if r[0] == "conclusion"]
    assert len(conclusions) == min(finished, demo.SIGNED_VISITS) > 0 and result.signatures == len(rows)
    assert {role for kind, _xml, role in rows if kind == "part"} == {Role.NURSE.value, Role.DOCTOR.value}
    for kind, xml, _role in rows[:40]:
        found = xmldsig.verify_enveloped(xml, signature_id="cks-nguoi-ket-luan" if kind == "conclusion"
                                         else "cks-nguoi-kham")
        assert verify_chain(found.certificate, [ca])
    doctor = ctx.accounts.sign_in("demo.bacsi", demo.TRAINING_PASSWORD)
    assert ctx.signatures.open_signer(doctor, demo.TRAINING_PASSWORD) is not None  # the GUI asks this passphrase
