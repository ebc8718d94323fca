"""Office service benchmark: uploads per second that one office service sustains with PostgreSQL behind it, and the
time from sending a batch to holding its receipt (issue 7, section 5).

Day-sized batches (``per_batch`` visits each, copies with fresh ids of whole visits made through the real
services, as in ``office_bench``) from ``stations`` simulated stations, ``rounds`` chained batches each, are made
first (not timed). Baseline, in the same run: the same files imported directly by ``OfficeService.import_paths``
one after the other into a database of their own (what the office can do without HTTP). Then the real command
``station-app office serve`` in its own process, on a second database of the same PostgreSQL server, takes the
same files from one client thread per station, all sending at once through the station's ``OfficeClient``.
"""
from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.office_bench import (_bench, _by_visit, _database, _make_batch, _register, _templates,
                                _VisitText)

STATIONS, ROUNDS, PER_BATCH = 8, 2, 500  # 16 day-sized batches, 8,000 visits: about three minutes here


def bench_office_service(report, work: Path, stations: int = STATIONS, rounds: int = ROUNDS,  # noqa: ANN001
                         per_batch: int = PER_BATCH) -> None:
    from station_app.services.office.service import OfficeService

    b = _bench()
    folder = work / "office-service-bench"
    shutil.rmtree(folder, ignore_errors=True)
    templates, recipients = _templates(folder / "template-station", folder / "office")
    direct_url, server, backend = _database()
    service_url = server.new_database() if server is not None else f"sqlite:///{folder / 'service.sqlite'}"
    direct = OfficeService(folder / "office", direct_url)
    try:
        members, batches = station_batches(direct, folder, templates, recipients, stations, rounds, per_batch)
        direct_times = _direct(direct, [p for n in range(rounds) for p in (v[n] for v in batches.values())], folder)
        _register_again(folder / "office", service_url, folder, members)
        wall, to_receipt = _through_the_service(folder / "office", service_url, batches)
    finally:
        direct.close()
        if server is not None:
            from devkit.postgres import stop_server

            stop_server(server)
    count = stations * rounds
    rate, direct_rate = count / wall, count / sum(direct_times)
    report.add(b.Figure(
        f"Office service into {backend}: uploads per second, {stations} stations sending at once, {rounds} batch(es) "
        f"of {per_batch} visits each ({count} batches in all, {count * per_batch:,} visits, HTTP on loopback)",
        f"{rate:.2f} uploads/s ({rate * per_batch:,.0f} visits/s)",
        f"{direct_rate:.2f} imports/s ({direct_rate * per_batch:,.0f} visits/s): OfficeService.import_paths, "
        "the same files one after the other, no HTTP", rate / direct_rate,
        "informative: what the service adds to or takes from the import itself", None))
    report.add(b.Figure(
        f"Office service: time from sending a batch of {per_batch} visits to holding its receipt, {stations} "
        "stations at once", b._p(to_receipt), f"{b._p(direct_times)} (one direct import, nothing else running)",
        b._percentile(to_receipt, 95) / b._percentile(direct_times, 95),
        "p95 to receipt < 60 s (a station on 3G waits for its answer)", b._percentile(to_receipt, 95) < 60))


def station_batches(service, folder: Path, templates: list, recipients: tuple[str, ...], stations: int, rounds: int,
                    per_batch: int) -> tuple[list, dict[str, list[Path]]]:  # noqa: ANN001 - OfficeService
    """Simulated stations registered with ``service``, each with ``rounds`` chained batches of ``per_batch``
    visits copied (fresh ids, CCCD numbers of their own) from the template visits."""
    ids = itertools.count(1)
    members = [_register(service, folder, n) for n in range(stations)]
    return members, {m.code: [_make_batch(folder / "batches" / m.code, m, seq, per_batch, templates, recipients, ids)
                              for seq in range(1, rounds + 1)] for m in members}


def templates_of(batch: Path, office_folder: Path) -> tuple[list, tuple[str, ...]]:
    """The template visits of one real exported batch (decrypted with the office's key) and its recipients."""
    import json

    from station_app.services.exchange.batch_verify import decrypt_payload, read_batch

    parts = read_batch(batch)
    identity = (office_folder / "keys/office-age.key").read_text().strip()
    resources = [e["resource"] for e in decrypt_payload(parts, [identity])["entry"]]
    return [_VisitText(v) for v in _by_visit(resources)], tuple(json.loads(parts.manifest_bytes)["recipients"])


def _direct(service, paths: list[Path], folder: Path) -> list[float]:  # noqa: ANN001 - OfficeService
    times = []
    for path in paths:
        started = time.perf_counter()
        [outcome] = service.import_paths([path], receipts_to=folder / "receipts").outcomes
        times.append(time.perf_counter() - started)
        assert outcome.status == "imported", outcome.reason
    print(f"  office service baseline: {len(paths)} direct imports in {sum(times):.1f} s", flush=True)
    return times


def _register_again(office: Path, url: str, folder: Path, members: list) -> None:
    from station_app.services.office.service import OfficeService

    service = OfficeService(office, url)
    try:
        for m in members:
            service.add_station(folder / "keys" / f"{m.code}.pub.pem", m.code, name=None)
    finally:
        service.close()


def _through_the_service(office: Path, url: str, batches: dict[str, list[Path]]) -> tuple[float, list[float]]:
    """Wall time of all uploads, and each upload's time to its receipt."""
    from station_app.services.exchange.office_client import OfficeClient

    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "station_app", "office", "serve", "--dir", str(office), "--db", url,
         "--host", "127.0.0.1", "--port", str(port)], env={**os.environ, "LANG": "C.UTF-8"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    client = OfficeClient(f"http://127.0.0.1:{port}", timeout=900)
    try:
        _wait_for(client, process)
        times: list[float] = []
        lock = threading.Lock()

        def send(paths: list[Path]) -> None:
            for path in paths:
                data = path.read_bytes()
                started = time.perf_counter()
                answer = client.upload(path.name, data)
                spent = time.perf_counter() - started
                assert answer.status == "imported" and answer.receipt_envelope, answer.status
                with lock:
                    times.append(spent)

        threads = [threading.Thread(target=send, args=(paths,)) for paths in batches.values()]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=120)
    expected = sum(len(v) for v in batches.values())
    if len(times) != expected:
        raise RuntimeError(f"only {len(times)} of {expected} uploads were answered")
    print(f"  office service: {expected} uploads in {wall:.1f} s", flush=True)
    return wall, times


def _wait_for(client, process: subprocess.Popen) -> None:  # noqa: ANN001 - OfficeClient
    from station_app.services.exchange.office_client import OfficeUnreachableError

    ends = time.monotonic() + 120
    while True:
        try:
            client.health()
            return
        except OfficeUnreachableError:
            if process.poll() is not None or time.monotonic() > ends:
                raise RuntimeError(f"the office service did not start: {process.stderr.read()[-500:]}") from None
            time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

