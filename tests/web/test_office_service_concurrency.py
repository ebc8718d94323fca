"""Many stations sending at once to the office's real service: nothing lost, nothing imported twice (the rows
counted), every receipt valid; the same batch sent twice at once is imported once and both answers carry the same
receipt. On SQLite (imports one at a time) and on a real PostgreSQL server (stations side by side)."""
from __future__ import annotations

import json
import threading

import pytest

from support.office import parts_of

from station_app.services.exchange.receipts import envelope_bytes, verify_receipt

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
STATIONS = 20


def manifest_of(path) -> dict:
    return json.loads(parts_of(path)["manifest.json"])


def expected_rows(batches) -> dict[str, int]:
    counts = [manifest_of(b)["counts"] for b in batches]
    residents, visits = sum(c["residents"] for c in counts), sum(c["visits"] for c in counts)
    return {"batches": len(batches), "residents": residents, "visits": visits,
            "resources": sum(c["resources"] for c in counts) - residents - visits, "quarantined": 0}


def at_once(jobs) -> list:
    """Each job on its own thread, all released together; their results (or errors) in order."""
    start, results = threading.Barrier(len(jobs)), [None] * len(jobs)

    def run(n, job):
        start.wait()
        try:
            results[n] = job()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.fixture
def station_batches(office, batch, tmp_path):
    """20 more stations registered with the office, each with two chained batches of a visit of its own
    (copies, with new ids, of the real station's exported visit: the office service benchmark's stations)."""
    from bench.office_service_bench import station_batches, templates_of

    templates, recipients = templates_of(batch, office.folder)
    return station_batches(office.service, tmp_path, templates, recipients, STATIONS, 2, 1)[1]


def test_twenty_stations_sending_at_once_lose_nothing_and_import_nothing_twice(client, station_batches, rows,
                                                                              receipt_key):
    def send(paths):
        answers = [client.upload(p.name, p.read_bytes()) for p in paths]
        return answers + [client.upload(paths[0].name, paths[0].read_bytes())]  # and a replay

    results = at_once([lambda paths=paths: send(paths) for paths in station_batches.values()])
    assert [r for r in results if isinstance(r, Exception)] == []
    assert all([a.status for a in r] == ["imported", "imported", "duplicate"] for r in results)
    assert all(verify_receipt(envelope_bytes(a.receipt_envelope), receipt_key) for r in results for a in r)
    assert rows() == expected_rows([p for paths in station_batches.values() for p in paths])
    for code in station_batches:
        status = client.station_status(code)
        assert (status.batches, status.last_sequence, status.gaps) == (2, 2, ())


def test_the_same_batch_sent_twice_at_once_is_imported_once_with_one_receipt_for_both(client, batch, rows):
    data = batch.read_bytes()
    first, second = at_once([lambda: client.upload(batch.name, data)] * 2)
    assert sorted([first.status, second.status]) == ["duplicate", "imported"]
    assert first.receipt_envelope == second.receipt_envelope
    assert rows() == expected_rows([batch])
