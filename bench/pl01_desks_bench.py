"""Saving each desk of a QĐ 1551 visit at the size of a district's station (500,000 residents by default).

For ``runs`` adults of the demo station who have no visit yet, a visit is opened (not timed); then, visit by visit,
each desk's save is timed as the desk makes it: the vital signs (``ExamService.save_vitals``), reception's national
fields, the doctor's national parts by specialty desk (internal medicine's eight parts, hearing, the jaws: one save
each, as the "Khám theo mẫu QĐ 1551" tab saves), a finding of one specialty, the laboratory (one typed row besides
the glucose) and the conclusion. A bare SQLite INSERT of as many rows + COMMIT on a separate file with the app's
pragmas is timed alternately, so a busy moment of the machine hits both. Target (issue 18): each desk's p95 within
1.5× of the vital-signs save before the issue (11 ms), i.e. < 16.5 ms.
"""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

TARGET_MS = 16.5
DESKS = ("vitals", "reception", "doctor:internal", "doctor:ent", "doctor:dental", "finding", "laboratory",
         "conclusion")


def bench_pl01_saves(report, work: Path, residents: int = 500_000, runs: int = 60) -> None:  # noqa: ANN001
    from bench import __main__ as b
    from bench.exam_bench import ADULT_SET
    from bench.registry_bench import demo_station
    from station_app.app import open_context
    from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
    from station_app.core.model import FundingSource, HealthClass, Role, Sex, Specialty, TargetGroup
    from station_app.core.pl01_answers import Answer
    from station_app.core.pl01_laboratory import LabRow
    from station_app.core.synthetic_pl01 import synthetic_answers
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.common.pl01_forms import form
    from station_app.services.station.examination import parse_number
    from station_app.services.station.registry import ConsentInput

    folder = demo_station(work, residents)
    people = _unvisited_adults(folder / "station.sqlite3", runs)
    ctx = open_context(folder)
    try:
        users = {u.role: SignedInUser(u.id, u.username, u.full_name, u.role)
                 for u in ctx.accounts.list_users(None) if u.active}
        nurse, doctor = users[Role.NURSE], users[Role.DOCTOR]
        info = ctx.station.info()
        consent = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()))
        visits = [ctx.registry.open_visit(nurse, rid, site_id=info.site_id, campaign_id=info.campaign_id,
                                          funding_source=FundingSource.STATE_BUDGET,
                                          target_groups=[TargetGroup.OTHER], consent=consent).id for rid in people]
        adult = form(2)
        answers = synthetic_answers(adult, female=False, rng=random.Random(2026), abnormal=0)
        by_desk: dict[str, list] = {}
        for a in answers:
            by_desk.setdefault(adult.field(a.code).desk, []).append(a)
        by_desk["reception"] = [  # what the F6 sheet takes for an adult with an ID card and a job
            Answer("NHOM_MAU", "O"), Answer("NGAYCAP_CCCD", "2021-07-15"),
            Answer("NOICAP_CCCD", "Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
            Answer("NOI_CONG_TAC_HIEN_TAI", "Hợp tác xã chè Mường Kim")]
        vitals = {k: parse_number(v) for k, v in ADULT_SET}
        typed_row = LabRow("XN.HBA1C", "4548-4", "5.6", "%", "", "Bình thường")
        saves = {
            "vitals": lambda v: ctx.exam.save_vitals(nurse, v, entries=vitals, fasting=True),
            "reception": lambda v: ctx.answers.save(nurse, v, desk="reception", answers=by_desk["reception"]),
            "doctor:internal": lambda v: ctx.answers.save(doctor, v, desk="doctor:internal",
                                                          answers=by_desk["doctor:internal"]),
            "doctor:ent": lambda v: ctx.answers.save(doctor, v, desk="doctor:ent", answers=by_desk["doctor:ent"]),
            "doctor:dental": lambda v: ctx.answers.save(doctor, v, desk="doctor:dental",
                                                        answers=by_desk["doctor:dental"]),
            "finding": lambda v: ctx.findings.save_finding(doctor, v, specialty=Specialty.EYES, no_abnormality=True,
                                                           text=None, diagnoses=[], health_class=HealthClass.I),
            "laboratory": lambda v: ctx.laboratory.save(nurse, v, rows=[typed_row]),
            "conclusion": lambda v: ctx.findings.save_conclusion(doctor, v, overall_class=HealthClass.I,
                                                                 override_reason=None, advice="Ăn nhạt",
                                                                 referral=None),
        }
        rows = {"vitals": 17, "reception": len(by_desk["reception"]),
                "doctor:internal": len(by_desk["doctor:internal"]), "doctor:ent": len(by_desk["doctor:ent"]),
                "doctor:dental": len(by_desk["doctor:dental"]), "finding": 1, "laboratory": 6, "conclusion": 1}
        conn = _bare_table(work / "pl01-bare.sqlite3")
        timed = {d: [] for d in DESKS}
        bare = {d: [] for d in DESKS}
        for n, visit_id in enumerate(visits):
            for desk in DESKS:
                timed[desk] += b._timed(lambda d=desk, v=visit_id: saves[d](v), 1)
                bare[desk] += b._timed(lambda d=desk, n=n: _bare_insert(conn, f"{n}-{d}", rows[d]), 1)
        conn.close()
        for desk in DESKS:
            p95 = b._percentile(timed[desk], 95)
            report.add(b.Figure(
                f"Save the {_NAMES[desk]} of a QĐ 1551 visit ({_rows(rows[desk])}), {residents:,} residents "
                f"({len(visits)} visits)", b._p(timed[desk]),
                f"{b._p(bare[desk])} (bare SQLite INSERT of {_rows(rows[desk])} + COMMIT)",
                b._percentile(timed[desk], 50) / b._percentile(bare[desk], 50),
                f"p95 < {TARGET_MS} ms (1.5× the vital-signs save before issue 18)", p95 * 1000 < TARGET_MS))
        report.notes.append(f"The audit chain verified after the QĐ 1551 desk saves: {ctx.audit.verify().ok}.")
    finally:
        ctx.close()


_NAMES = {"vitals": "vital signs", "reception": "reception's national fields",
          "doctor:internal": "internal medicine's national parts", "doctor:ent": "hearing (ENT national part)",
          "doctor:dental": "jaws (dental national part)", "finding": "finding of one specialty",
          "laboratory": "laboratory (one typed row)", "conclusion": "conclusion"}


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def _unvisited_adults(path: Path, n: int) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return [r for (r,) in db.execute(
            "SELECT id FROM residents r WHERE birth_year < 1990 AND birth_date IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM visits v WHERE v.resident_id = r.id) ORDER BY id LIMIT ?", (n,))]


def _bare_table(path: Path) -> sqlite3.Connection:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE rows (visit TEXT, code TEXT, item INTEGER, value TEXT, PRIMARY KEY (visit, code, item))"
                 " WITHOUT ROWID")
    return conn


def _bare_insert(conn: sqlite3.Connection, visit: str, n: int) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO rows VALUES (?, ?, 0, '1')", [(visit, f"C{i}") for i in range(n)])
    conn.execute("COMMIT")
