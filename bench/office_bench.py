"""Office benchmark: importing N stations × M visits into PostgreSQL (issue 6, section 6).

The visits are copies, with fresh ids and CCCD numbers, of whole visits made through the real services (vital
signs, history, every specialty, a diagnosis, a referral, counselling, consent: 31 FHIR resources a visit) and
exported by the real ``ExportService``. Each station has its own Ed25519 key registered with the office; its
batches of ``per_batch`` visits are made (not timed) round by round, every station one batch a round, and each is
imported by ``OfficeService.import_paths`` (timed), so the database grows as it would over a campaign.

Figures: visits per second in the last fifth of the rounds against the first fifth (the rate must stay flat as the tables grow), and
verification alone per batch (read, signature, hashes, decryption and gunzip) against the whole import of one.
The PostgreSQL server is the throwaway one the tests use too (``devkit/postgres.py``); without it, SQLite (said so).
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
import statistics
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

# The size: 40 stations × 20,000 visits (800,000 visits, about 25 million rows), in day-sized batches of
# 500. About an hour on this machine; each round is also appended to PROGRESS_LOG as it ends.
STATIONS, VISITS, PER_BATCH = 40, 20_000, 500
PROGRESS_LOG = Path(os.environ.get("OFFICE_BENCH_LOG", "/tmp/office-bench-progress.jsonl"))
TEMPLATE_VISITS = 12


def _bench():  # noqa: ANN202 - the Report/Figure helpers of bench/__main__.py
    from bench import __main__ as b

    return b


@dataclass
class BenchStation:
    code: str
    key: object  # Ed25519PrivateKey
    key_id: str
    previous: str | None = None


def bench_office(report, work: Path, stations: int = STATIONS, visits: int = VISITS,  # noqa: ANN001
                 per_batch: int = PER_BATCH) -> None:
    b = _bench()
    from station_app.services.office.service import OfficeService

    folder = work / "office-bench"
    shutil.rmtree(folder, ignore_errors=True)
    templates, recipients = _templates(folder / "template-station", folder / "office")
    url, server, backend = _database()
    service = OfficeService(folder / "office", url)
    PROGRESS_LOG.unlink(missing_ok=True)
    try:
        members = [_register(service, folder, n) for n in range(stations)]
        rounds = -(-visits // per_batch)
        times, verify, making, ids = [], {}, [], itertools.count()
        for number in range(1, rounds + 1):
            size = min(per_batch, visits - (number - 1) * per_batch)
            spent = 0.0
            for member in members:
                started = time.perf_counter()
                path = _make_batch(folder / "batches", member, number, size, templates, recipients, ids)
                making.append(time.perf_counter() - started)
                if number in (1, rounds):
                    verify.setdefault(number, []).append(_verify_seconds(path, member, folder / "office"))
                started = time.perf_counter()
                [outcome] = service.import_paths([path], receipts_to=folder / "receipts").outcomes
                spent += time.perf_counter() - started
                assert outcome.status == "imported", outcome.reason
                path.unlink()
            times.append((size * len(members), spent))
            _log_round(number, rounds, size * len(members), spent)
        size_note = _database_size(service)
    finally:
        service.close()
        if server is not None:
            from devkit.postgres import stop_server

            stop_server(server)
    first, last = _rate(times[:max(1, rounds // 5)]), _rate(times[-max(1, rounds // 5):])  # a fifth each: less noise
    batch_import = statistics.median(t / len(members) for _, t in times)
    report.add(b.Figure(
        f"Office import into {backend}, {stations} stations × {visits:,} visits ({per_batch} a batch, "
        f"{rounds} rounds, 31 resources a visit): visits/s in the last fifth of the rounds", f"{last:,.0f} visits/s",
        f"{first:,.0f} visits/s in the first fifth", last / first,
        "flat as the database grows: last ≥ 0.8 × first", last >= 0.8 * first,
        f"{stations * visits:,} visits in all; median import of one batch {batch_import:.2f} s; {size_note}; "
        f"making a batch (not timed) {statistics.median(making):.2f} s"))
    for number, label in ((1, "first"), (rounds, "last")):
        report.add(b.Figure(
            f"Office: verification alone per batch of {per_batch} visits, {label} round (read, signature, hashes, "
            "age decryption, gunzip, JSON)", b._p(verify[number]),
            f"{batch_import * 1000:.0f} ms (median whole import of one batch)",
            statistics.median(verify[number]) / batch_import, "informative: the share of the import spent checking",
            None))


def _log_round(number: int, rounds: int, visits: int, seconds: float) -> None:
    print(f"  office round {number}/{rounds}: {visits / seconds:,.0f} visits/s", flush=True)
    with PROGRESS_LOG.open("a", encoding="utf-8") as log:
        log.write(json.dumps({"round": number, "rounds": rounds, "visits": visits, "seconds": round(seconds, 3),
                              "at": time.strftime("%H:%M:%S")}) + "\n")


def _database_size(service) -> str:  # noqa: ANN001 - OfficeService
    from sqlalchemy import func, select, text

    from station_app.persistence.office.tables import OfficeResourceRow

    with service.db.engine.connect() as connection:
        rows = connection.scalar(select(func.count()).select_from(OfficeResourceRow))
        if connection.dialect.name != "postgresql":
            return f"{rows:,} resource rows at the end"
        size = connection.scalar(text("SELECT pg_database_size(current_database())"))
    return f"{rows:,} resource rows, database {size / 2**30:.1f} GiB at the end"


def _rate(rounds: list[tuple[int, float]]) -> float:
    return sum(v for v, _ in rounds) / sum(t for _, t in rounds)


# -- the template visits ---------------------------------------------------------------------------------------

def _templates(station_dir: Path, office_dir: Path) -> tuple[list[_VisitText], tuple[str, ...]]:
    """Whole visits made through the services and exported; each a list of resources, Patient first."""
    from devkit.station import ADMIN_PASSWORD, NURSE_PASSWORD, full_visit, make_doctor, station_setup

    from station_app.app import open_context
    from station_app.core.model import Role
    from station_app.services.exchange.batch_export import ExportService
    from station_app.services.exchange.batch_verify import decrypt_payload, read_batch
    from station_app.services.exchange.keys import StationKeys
    from station_app.services.office.service import init_office

    init_office(office_dir, "Văn phòng đo hiệu năng")
    ctx = open_context(station_dir)
    try:
        ctx.station.initialise(station_setup())
        admin = ctx.accounts.sign_in("admin", ADMIN_PASSWORD)
        ctx.accounts.add_user(admin, "y.ta", full_name="Tòng Thị Hoa", role=Role.NURSE, password=NURSE_PASSWORD)
        nurse, doctor = ctx.accounts.sign_in("y.ta", NURSE_PASSWORD), make_doctor(ctx, admin)
        for n in range(TEMPLATE_VISITS):
            full_visit(ctx, nurse, doctor, refer=n % 4 == 0, name=f"Lò Văn Mẫu {n}", national_id=f"0111800{n:05d}")
        bundle = StationKeys(station_dir).import_office_bundle(office_dir / "office-bundle.json")
        (station_dir / "out").mkdir()
        path = ExportService(ctx.db, station_dir).export(None, station_dir / "out").path
    finally:
        ctx.close()
    identity = (office_dir / "keys/office-age.key").read_text().strip()
    resources = [e["resource"] for e in decrypt_payload(read_batch(path), [identity])["entry"]]
    return [_VisitText(v) for v in _by_visit(resources)], bundle.recipients


def _by_visit(resources: list[dict]) -> list[list[dict]]:
    patients = {r["id"]: r for r in resources if r["resourceType"] == "Patient"}
    visits: list[list[dict]] = []
    for res in resources:
        if res["resourceType"] == "Encounter":
            visits.append([patients[res["subject"]["reference"].removeprefix("urn:uuid:")], res])
        elif res["resourceType"] != "Patient":
            visits[-1].append(res)
    return visits


class _VisitText:
    """A template visit as the JSON text of its Bundle entries, cut where its ids and CCCD number stand, so a
    copy with fresh ids is a join of strings (parsing and dumping 15,000 resources a batch made the batches
    slower to make than to import)."""

    def __init__(self, template: list[dict]) -> None:
        import re

        from station_app.services.exchange.fhir_bundle import resource_counts

        ids = [res["id"] for res in template]
        national = next(i["value"] for i in template[0]["identifier"] if i["system"].endswith(":cccd"))
        entries = ",".join(json.dumps({"fullUrl": f"urn:uuid:{r['id']}", "resource": r}, ensure_ascii=False,
                                      separators=(",", ":")) for r in template)
        self.pieces = re.split("(" + "|".join(map(re.escape, [*ids, national])) + ")", entries)
        self.slots = {value: n for n, value in enumerate(ids)}
        self.national = national
        self.counts = resource_counts(template)

    def copy(self, number: int) -> str:
        fresh = [str(uuid.uuid4()) for _ in self.slots]
        return "".join(piece if n % 2 == 0 else (f"{number:012d}" if piece == self.national
                                                 else fresh[self.slots[piece]])
                       for n, piece in enumerate(self.pieces))


# -- stations and batches --------------------------------------------------------------------------------------

def _register(service, folder: Path, number: int) -> BenchStation:  # noqa: ANN001 - OfficeService
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from station_app.services.exchange.keys import public_key_id, public_pem

    key = Ed25519PrivateKey.generate()
    code = f"BENCH-{number:02d}"
    pem = folder / "keys" / f"{code}.pub.pem"
    pem.parent.mkdir(parents=True, exist_ok=True)
    pem.write_text(public_pem(key.public_key()), encoding="ascii")
    service.add_station(pem, code, name=f"Trạm đo hiệu năng {number}")
    return BenchStation(code, key, public_key_id(key.public_key()))


def _make_batch(folder: Path, member: BenchStation, sequence: int, size: int, templates: list[_VisitText],
                recipients: tuple[str, ...], ids: itertools.count) -> Path:
    import datetime as dt
    import gzip

    from pyrage import encrypt, x25519

    from station_app.core.batch_format import (PAYLOAD, Covers, FileEntry, Manifest, SiteRef, StationRef,
                                               sha256_hex, utc_iso)
    from station_app.services.exchange.batch_export import write_safely, zip_parts

    chosen = [templates[n % len(templates)] for n in range(size)]
    created = utc_iso(dt.datetime(2026, 6, 1) + dt.timedelta(hours=sequence))
    text = (f'{{"resourceType":"Bundle","id":"{uuid.uuid4()}","type":"collection","timestamp":"{created}",'
            f'"entry":[' + ",".join(t.copy(next(ids)) for t in chosen) + "]}")
    payload = encrypt(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0),
                      [x25519.Recipient.from_str(r) for r in recipients])
    counts = {k: sum(t.counts[k] for t in chosen) for k in chosen[0].counts}
    manifest = Manifest(StationRef(member.code, member.code, member.key_id), SiteRef("Điểm đo", "03637"),
                        "Khám sức khỏe định kỳ 2026", sequence, member.previous, created,
                        Covers(sequence, sequence), counts,
                        (FileEntry(PAYLOAD, sha256_hex(payload), len(payload)),), recipients)
    raw = manifest.to_bytes()
    member.previous = sha256_hex(raw)
    folder.mkdir(parents=True, exist_ok=True)
    return write_safely(folder, manifest.file_name, content=zip_parts(raw, member.key.sign(raw), payload=payload))


def _verify_seconds(path: Path, member: BenchStation, office_dir: Path) -> float:
    from station_app.services.exchange.batch_verify import decrypt_payload, read_batch, verify_batch

    identity = (office_dir / "keys/office-age.key").read_text().strip()
    started = time.perf_counter()
    parts = read_batch(path)
    verify_batch(parts, member.key.public_key())
    decrypt_payload(parts, [identity])
    return time.perf_counter() - started


def _database() -> tuple[str | None, object, str]:
    """A throwaway PostgreSQL server's database, or (no server installed) the office's SQLite file."""
    from devkit.postgres import PostgresMissing, start_server

    try:
        server = start_server()
    except PostgresMissing:
        return None, None, "SQLite (PostgreSQL is not installed here)"
    return server.new_database(), server, "PostgreSQL"
