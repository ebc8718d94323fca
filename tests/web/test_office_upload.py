"""The office's network intake as a use case, without HTTP: a batch given as bytes is stored whole, then checked
and imported as 'office import' does; refusals that need no body keep no bytes (an unknown station's try is listed once); the inbox is left empty."""
from __future__ import annotations

import pytest

from station_app.services.office.upload import (BatchNameInvalidError, OfficeUploads, UploadStationUnregisteredError,
                                                UploadTooLargeError)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def db_url():
    return None  # SQLite; the HTTP tests run both databases


@pytest.fixture
def uploads(office):
    return OfficeUploads(office.service, max_bytes=2**20)


def test_a_batch_given_as_bytes_is_imported_with_its_receipt_and_the_inbox_left_empty(uploads, batch, office, rows):
    outcome = uploads.receive(batch.name, batch.read_bytes())
    assert (outcome.status, outcome.station, outcome.sequence, outcome.gaps) == ("imported", "TYT-MK", 1, ())
    assert outcome.receipt["receipt"]["file_name"] == batch.name and outcome.receipt["signature"]
    assert (office.folder / "receipts" / "TYT-MK-000001.receipt.json").exists()  # as 'office import' keeps it
    assert rows()["batches"] == 1 and list((office.folder / "inbox").iterdir()) == []
    again = uploads.receive(batch.name, batch.read_bytes())
    assert again.status == "duplicate" and again.receipt == outcome.receipt


def test_what_can_be_refused_from_the_name_and_size_alone_is_refused_before_anything_is_written(uploads, batch,
                                                                                               office, rows):
    with pytest.raises(BatchNameInvalidError):
        uploads.begin("TYT-MK-1.batch")
    with pytest.raises(UploadTooLargeError):
        uploads.begin(batch.name, declared_size=2**20 + 1)
    with pytest.raises(UploadStationUnregisteredError):
        uploads.begin("TYT-XX-000001.batch", declared_size=10)
    incoming = uploads.begin(batch.name)  # no size declared: counted as it arrives
    with pytest.raises(UploadTooLargeError):
        incoming.write(b"\0" * (2**20 + 1))
    assert not (office.folder / "inbox").exists() or list((office.folder / "inbox").iterdir()) == []
    # Only the unknown station's try is listed, once and without a copy, so the office can register the station;
    # the misnamed and oversized uploads leave nothing behind.
    assert rows() == {"batches": 0, "residents": 0, "visits": 0, "resources": 0, "quarantined": 1}
    with pytest.raises(UploadStationUnregisteredError):
        uploads.begin("TYT-XX-000001.batch", declared_size=10)
    assert rows()["quarantined"] == 1
