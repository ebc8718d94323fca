"""Fixtures of the office service tests: a real office (SQLite or a real PostgreSQL server), its real service on a
free loopback port (uvicorn in a thread), a real station connected to it, and the station's real client."""
from __future__ import annotations


import pytest

from support.batch import full_visit
from support.office import connect_station, export
from support.postgres import postgres_server  # noqa: F401 - the session fixture

from station_app.persistence.office.tables import (OfficeBatchRow, OfficePatientRow, OfficeQuarantineRow,
                                                   OfficeResourceRow, OfficeVisitRow)
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.exchange.office_client import OfficeClient
from station_app.services.office.upload import OfficeUploads
from station_app.web.serve import BackgroundService, ServeOptions

LIMIT = 2 * 2**20  # the tests' size limit: 2 MiB


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    if request.param == "sqlite":
        return None  # the default: office.sqlite in the office folder
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def service(office):
    """The office service on 127.0.0.1 (a free port, kept across a stop and a start)."""
    running = BackgroundService(OfficeUploads(office.service, LIMIT),
                                ServeOptions(host="127.0.0.1", port=0, stop_grace_seconds=1))
    running.start()
    yield running
    running.stop()


@pytest.fixture
def client(service):
    return OfficeClient(service.url, timeout=30)


@pytest.fixture
def batch(ctx, nurse, doctor, office, data_dir, tmp_path):
    """A real batch of one whole visit, exported by a station registered with the office."""
    connect_station(office, data_dir)
    full_visit(ctx, nurse, doctor)
    return export(ctx, data_dir, tmp_path / "outbox")


@pytest.fixture
def rows(office):
    """Rows in the office's tables, counted when called."""
    def count() -> dict[str, int]:
        with OfficeUnitOfWork(office.service.db) as uow:
            store = uow.store
            return {"batches": store.count(OfficeBatchRow), "residents": store.count(OfficePatientRow),
                    "visits": store.count(OfficeVisitRow), "resources": store.count(OfficeResourceRow),
                    "quarantined": store.count(OfficeQuarantineRow)}
    return count


@pytest.fixture
def receipt_key(office):
    """The office's receipt key as the station has it (from the office bundle)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from station_app.core.batch_format import parse_office_bundle, receipt_key_bytes

    bundle = parse_office_bundle((office.folder / "office-bundle.json").read_bytes())
    return Ed25519PublicKey.from_public_bytes(receipt_key_bytes(bundle.receipt_public_key))


