"""Helpers of the upload tests: the office's real service on loopback, a station connected to it, small batches.

The service is the one ``station-app office serve`` runs (``web.serve.BackgroundService``, uvicorn in a thread,
as tests/web/conftest.py starts it), on a free port kept across a stop and a start: a network cut.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from support.visits import CONSENT
from support.office import Office, connect_station, make_office

from station_app.core.model import FundingSource, Sex, TargetGroup
from station_app.services.office.tls import publish_upload_url
from station_app.services.office.upload import OfficeUploads
from station_app.services.station.registry import ResidentInput
from station_app.services.station.upload import UploadService
from station_app.web.serve import BackgroundService, ServeOptions


def serve(office: Office, tls: bool = False, max_bytes: int | None = None) -> BackgroundService:
    """The office service on 127.0.0.1, any free port; with ``tls`` over https with the office's own certificate;
    ``max_bytes`` the size limit of a batch (default the service's own)."""
    files = {}
    if tls:
        published = publish_upload_url(office.folder, "https://127.0.0.1:8765")  # makes the self-signed certificate
        files = {"tls_cert": published.tls_cert, "tls_key": published.tls_key}
    uploads = OfficeUploads(office.service, max_bytes) if max_bytes else OfficeUploads(office.service)
    running = BackgroundService(uploads, ServeOptions(host="127.0.0.1", port=0,
                                                                              stop_grace_seconds=1, **files))
    running.start()
    return running


@dataclass
class Connected:
    office: Office
    server: BackgroundService
    service: UploadService

    def close(self) -> None:
        self.server.stop()
        self.office.service.close()


def connect(ctx, data_dir: Path, tmp_path: Path, register: bool = True, in_bundle: bool = True) -> Connected:
    """An office serving on loopback; the station imported its bundle (with the service's address if
    ``in_bundle``) and, if ``register``, the office registered the station."""
    office = make_office(tmp_path / "office")
    server = serve(office)
    if in_bundle:
        publish_upload_url(office.folder, server.url)
    connect_station(office, data_dir, register=register)
    return Connected(office, server, UploadService(ctx.db, data_dir))


def add_visit(ctx, nurse, i: int = 0) -> None:
    """A new resident's visit (registration and consent: small and quick): a change for the next batch."""
    resident = ctx.registry.register_new(nurse, ResidentInput(
        full_name=f"Lò Thị Mai {i}", sex=Sex.FEMALE, birth_year=1970 + i, national_id=f"0111800{i:05d}",
        ethnic_code="03", address="Bản Nà Khương", commune_code="03637", village="Bản Nà Khương"))
    info = ctx.station.info()
    ctx.registry.open_visit(nurse, resident.id, site_id=info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET,
                            target_groups=[TargetGroup.ETHNIC_MINORITY], consent=CONSENT)


def make_batches(ctx, nurse, service: UploadService, n: int) -> list[int]:
    """``n`` batches made to be sent, each with one new visit."""
    made = []
    for i in range(n):
        add_visit(ctx, nurse, i)
        made.append(service.make_batch(None))
    return made


def office_batch_rows(office: Office) -> int:
    """How many batches the office database holds (a duplicate would show here)."""
    from station_app.persistence.office.tables import OfficeBatchRow
    from station_app.persistence.office.unit_of_work import OfficeUnitOfWork

    with OfficeUnitOfWork(office.service.db) as uow:
        return uow.store.count(OfficeBatchRow)


def distrust_receipts(data_dir: Path) -> None:
    """The station's copy of the office bundle with another receipt key: no receipt of this office verifies."""
    import base64
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from station_app.services.exchange.keys import StationKeys

    keys = StationKeys(data_dir)
    bundle = json.loads(keys.office_bundle_path.read_text(encoding="utf-8"))
    other = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    bundle["receipt_public_key"] = base64.b64encode(other).decode("ascii")
    keys.import_office_bundle_text(json.dumps(bundle, ensure_ascii=False))
