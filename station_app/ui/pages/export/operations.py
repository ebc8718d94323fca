"""The export page's use cases as typed operations, one keyword-only factory each, run with ``TaskRunner.run``.

``ctx.export`` and ``ctx.upload`` are made on first use (their imports take ~0.4 s): the functions bound here reach
them on the worker thread, never on the GUI thread. The bundle's file is imported with the window's own operation
(``station_app.ui.operations.import_office_bundle``, as the first-run wizard does).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from station_app.ui.pages.export.state import ExportState
from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QImage

    from station_app.core.batch_format import OfficeBundle
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.exchange.batch_export import ExportResult
    from station_app.services.exchange.keys import StationPublicKey
    from station_app.services.station.receipts import ReceiptImport
    from station_app.services.station.national_states import NationalApplied
    from station_app.services.station.upload import NationalRequest, Outgoing, SendOutcome, UploadService, UploadTarget
    from station_app.ui.context import StationContext


@dataclass(frozen=True)
class Begun:
    """A sending under way: the service, where to, the batches waiting and the batch just made (if any)."""

    service: UploadService
    target: UploadTarget
    queue: list[int]
    made: int | None


# -- on the worker thread ------------------------------------------------------------------------------------------

def load_state(ctx: StationContext) -> ExportState:
    """The waiting changes, the batches, the office bundle's name and the station key (a missing or damaged key
    is an error saying what to do, never made again here: the office registered the old one)."""
    export = ctx.export
    bundle = export.keys.office_bundle()
    upload = ctx.upload
    return ExportState(export.pending(), export.batches(), bundle.name if bundle else None,
                       export.keys.public_key(), ctx.station.info().code, upload.target(), upload.notes())


def _export(ctx: StationContext, user: SignedInUser | None, target: Path) -> ExportResult:
    return ctx.export.export(user, target=target)


def _import_bundle_text(ctx: StationContext, text: str) -> OfficeBundle:
    return ctx.export.keys.import_office_bundle_text(text)


def _save_public_key(ctx: StationContext, path: Path) -> StationPublicKey:
    return ctx.export.keys.save_public_key(path)


def _station_key_image(text: str) -> QImage:
    from station_app.ui.pages.export.dialogs import qr_image

    return qr_image(text)


def _begin(ctx: StationContext, user: SignedInUser | None, make_new: bool) -> Begun:
    service = ctx.upload
    target = service.require_target()
    made = service.make_batch(user) if make_new else None
    return Begun(service, target, [b.sequence for b in service.waiting()], made)


def _attempt(service: UploadService, outgoing: Outgoing) -> Any:
    from station_app.core.errors import StationError

    try:
        return service.transmit(outgoing)
    except StationError as exc:
        return exc


def _should_resume(ctx: StationContext) -> bool:
    return ctx.upload.should_resume()


def _save_address(ctx: StationContext, user: SignedInUser | None, url: str, pin: str) -> UploadTarget | None:
    return ctx.upload.set_address(user, url=url, tls_sha256=pin)


# -- the factories -------------------------------------------------------------------------------------------------

def read_state(ctx: StationContext) -> Operation[ExportState]:
    return Operation(functools.partial(load_state, ctx))


def export_to(ctx: StationContext, *, user: SignedInUser | None, target: Path,
              progress_text: str | None = None) -> Operation[ExportResult]:
    """Write earlier unacknowledged batches again, then a new batch if anything changed (signed, encrypted)."""
    return Operation(functools.partial(_export, ctx, user, target), progress_text=progress_text)


def import_bundle_text(ctx: StationContext, *, text: str) -> Operation[OfficeBundle]:
    """The bundle's JSON text, scanned from its QR code or pasted."""
    return Operation(functools.partial(_import_bundle_text, ctx, text))


def save_public_key(ctx: StationContext, *, path: Path) -> Operation[StationPublicKey]:
    return Operation(functools.partial(_save_public_key, ctx, path))


def station_key_image(*, text: str) -> Operation[QImage]:
    """The station key's QR code, made on the CPU pool."""
    return Operation(functools.partial(_station_key_image, text), lane="cpu")


def import_receipts(ctx: StationContext, *, paths: list[Path]) -> Operation[ReceiptImport]:
    return Operation(functools.partial(ctx.receipts.import_files, paths))


def begin_sending(ctx: StationContext, *, user: SignedInUser | None, make_new: bool) -> Operation[Begun]:
    """Where to, a new batch of what changed (if asked), and the batches waiting."""
    return Operation(functools.partial(_begin, ctx, user, make_new))


def prepare_batch(service: UploadService, *, sequence: int, target: UploadTarget) -> Operation[Outgoing]:
    return Operation(functools.partial(service.prepare, sequence, target=target))


def transmit(service: UploadService, *, outgoing: Outgoing) -> Operation[Any]:
    """The HTTP request, on the CPU pool (a request may take its whole timeout on a bad link, and the database lane
    must stay free for the other pages): the office's answer, or the client's typed error as a value to record."""
    return Operation(functools.partial(_attempt, service, outgoing), lane="cpu")


def record_answer(service: UploadService, *, outgoing: Outgoing, answer: Any) -> Operation[SendOutcome]:
    return Operation(functools.partial(service.record, outgoing, answer=answer))


def national_request(service: UploadService, *, target: UploadTarget) -> Operation[NationalRequest]:
    """The station's signed proof of who asks for its national receipt (the station key, the database)."""
    return Operation(functools.partial(service.national_request, target))


def fetch_national(service: UploadService, *, request: NationalRequest) -> Operation[bytes]:
    """The HTTP request for the national receipt, on the CPU pool as a batch's."""
    return Operation(functools.partial(service.fetch_national, request), lane="cpu")


def apply_national(service: UploadService, *, data: bytes) -> Operation[NationalApplied]:
    return Operation(functools.partial(service.apply_national, data))


def should_resume(ctx: StationContext) -> Operation[bool]:
    """Whether an address is known and batches wait."""
    return Operation(functools.partial(_should_resume, ctx))


def save_address(ctx: StationContext, *, user: SignedInUser | None, url: str,
                 pin: str) -> Operation[UploadTarget | None]:
    """The address the coordinator typed; an empty ``url`` goes back to the bundle's."""
    return Operation(functools.partial(_save_address, ctx, user, url, pin))
