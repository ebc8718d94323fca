"""Export benchmark (issue 6, section 6): a day's batch and a whole station's campaign, with the share of each step.

Two training stations are made with ``make_demo`` (every visit with vital signs, consent and, when examined, a
conclusion), an office bundle is imported, and ``ExportService.export`` writes the batch to a folder (timed whole:
safe write, fsync, read back and verify included). The steps are then timed one by one on the same changes, in a
transaction that is rolled back: reading the rows (``collect``), the FHIR Bundle (``build_bundle``), JSON + gzip,
age encryption (pyrage) and the Ed25519 signature. The baseline is Debian's stock ``gzip -6 | age -r`` on the same
JSON, the same recipient, in the same run. The steps run first, on a cold page cache, so the reading step counts
the disk as well; the whole export after them finds the rows cached.
"""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import time
from pathlib import Path

DAY_RESIDENTS, CAMPAIGN_RESIDENTS = 800, 33_000  # about 500 and 20,000 visits (the demo examines 45-75 %)


def _bench():  # noqa: ANN202 - the Report/Figure helpers of bench/__main__.py
    from bench import __main__ as b

    return b


def bench_export(report, work: Path, day: int = DAY_RESIDENTS, campaign: int = CAMPAIGN_RESIDENTS) -> None:  # noqa: ANN001
    for label, residents in (("a day", day), ("a station's campaign", campaign)):
        _one(report, work / f"export-{residents}", label, residents)


def _one(report, folder: Path, label: str, residents: int) -> None:  # noqa: ANN001
    from devkit.station import office_keys

    from station_app.app import open_context
    from station_app.services.station.demo import make_demo

    b = _bench()
    shutil.rmtree(folder, ignore_errors=True)
    ctx = open_context(folder / "station")
    try:
        made = make_demo(ctx, residents=residents, seed=2026)
        office = office_keys(folder / "office")
        ctx.export.keys.import_office_bundle(office.bundle_path)
        steps, data = _steps(ctx, office.recipient)
        target = folder / "usb"
        target.mkdir()
        started = time.perf_counter()
        result = ctx.export.export(None, target)
        whole = time.perf_counter() - started
        size = result.path.stat().st_size
    finally:
        ctx.close()
    stock = _stock(folder, data, office.recipient)
    share = ", ".join(f"{name} {seconds / sum(steps.values()):.0%}" for name, seconds in steps.items())
    report.add(b.Figure(
        f"Export of {label}: {made.visits:,} visits, {made.residents:,} residents → one signed, encrypted batch "
        f"of {size / 1e6:.2f} MB (JSON {len(data) / 1e6:.1f} MB); steps: {share}",
        f"{whole:.2f} s", f"{stock:.2f} s (stock gzip -6 | age -r on the same JSON)", whole / stock,
        "a day < 10 s" if label == "a day" else "informative", whole < 10 if label == "a day" else None,
        "; ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items())))


def _steps(ctx, recipient: str) -> tuple[dict[str, float], bytes]:  # noqa: ANN001
    """Each step on the pending changes, in a transaction rolled back (the export itself runs after)."""
    from pyrage import encrypt, x25519

    from station_app.persistence.outbox import OutboxRepository
    from station_app.persistence.unit_of_work import UnitOfWork
    from station_app.services.exchange.batch_export import collect
    from station_app.services.exchange.fhir_bundle import build_bundle

    steps: dict[str, float] = {}
    with UnitOfWork(ctx.db, read_only=True) as uow:
        changes = OutboxRepository(uow.session).changes_after(0)
        t = time.perf_counter()
        source = collect(uow, changes, station_code="BENCH", station_name="Bench")
        steps["read"] = time.perf_counter() - t
        t = time.perf_counter()
        bundle, resource_counts = build_bundle(source, "bench", timestamp="2026-11-23T00:00:00Z")  # rows still in their session
        steps["FHIR"] = time.perf_counter() - t
    t = time.perf_counter()
    data = json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    compressed = gzip.compress(data, compresslevel=6, mtime=0)
    steps["JSON + gzip"] = time.perf_counter() - t
    t = time.perf_counter()
    encrypted = encrypt(compressed, [x25519.Recipient.from_str(recipient)])
    steps["encrypt"] = time.perf_counter() - t
    key = ctx.export.keys.private_key()
    t = time.perf_counter()
    key.sign(encrypted[:4096])  # the manifest is signed, not the payload: a few kB
    steps["sign"] = time.perf_counter() - t
    return steps, data


def _stock(folder: Path, data: bytes, recipient: str) -> float:
    """Debian's gzip and age on the same JSON: the cost of compressing and encrypting with stock tools."""
    source = folder / "bundle.json"
    source.write_bytes(data)
    started = time.perf_counter()
    subprocess.run(f"gzip -6 -c {source} | age -r {recipient} > {folder / 'bundle.json.gz.age'}", shell=True,
                   check=True)
    return time.perf_counter() - started
