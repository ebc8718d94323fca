"""The station window's own use cases as typed operations: opening the station, signing in and out, the first-run
set-up, the self-test, and the file jobs of printing and of the USB drives.

Each factory binds its arguments by keyword and returns an ``Operation`` for the database lane, or the CPU pool for
PDFs and listing drives. This module is loaded before the first paint: what a factory needs beyond the runner is
imported when it is called.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter

    from station_app.core.batch_format import OfficeBundle
    from station_app.core.model import AuditAction
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import VisitInfo
    from station_app.services.station.self_test import CheckResult, Devices
    from station_app.services.station.station_setup import StationInfo, StationSetup
    from station_app.ui.context import StationContext
    from station_app.ui.main import OpenedStation
    from station_app.ui.removable_drives import Volume


# -- opening, signing in, the session ----------------------------------------------------------------------------

def open_station(opener: Callable[[Path], OpenedStation], *, data_dir: Path) -> Operation[OpenedStation]:
    """The station's data opened by ``opener`` (``station_app.app.open_station``, from the composition root)."""
    return Operation(functools.partial(opener, data_dir))


def station_info(ctx: StationContext) -> Operation[StationInfo]:
    return Operation(ctx.station.info)


def sign_in(ctx: StationContext, *, username: str, password: str) -> Operation[SignedInUser]:
    return Operation(functools.partial(ctx.accounts.sign_in, username, password=password))


def unlock(ctx: StationContext, *, user: SignedInUser, password: str) -> Operation[SignedInUser]:
    """After the idle lock: the same user's password again."""
    return Operation(functools.partial(ctx.accounts.verify_same_user, user, password=password))


def record_session_event(ctx: StationContext, *, action: AuditAction, user: SignedInUser) -> Operation[int]:
    """A sign-out or a lock in the audit log, by and about ``user``."""
    return Operation(functools.partial(ctx.audit.record, action, entity="users", entity_id=user.id, user_id=user.id))


# -- the first run -----------------------------------------------------------------------------------------------

def initialise_station(ctx: StationContext, *, setup: StationSetup, progress_text: str) -> Operation[SignedInUser]:
    """The station, its site, campaign and first admin in one transaction; the admin signed in."""
    return Operation(functools.partial(ctx.station.initialise, setup), progress_text=progress_text)


def import_office_bundle(ctx: StationContext, *, path: Path) -> Operation[OfficeBundle]:
    """The office's bundle checked and kept (the export service is made on the lane: it costs ~0.4 s to import)."""
    return Operation(functools.partial(_import_office_bundle, ctx, path=path))


def _import_office_bundle(ctx: StationContext, *, path: Path) -> OfficeBundle:
    return ctx.export.keys.import_office_bundle(path)


def self_test(*, data_dir: Path, devices: Callable[[], Devices] | None) -> Operation[list[CheckResult]]:
    """Every check of the self-test (it opens a copy of the database); ``devices`` as listed on the GUI thread."""
    from station_app.services.station.self_test import run_self_test

    return Operation(functools.partial(run_self_test, data_dir, devices=devices))


# -- printing and drives -----------------------------------------------------------------------------------------

def render_slip(*, folder: Path, visit: VisitInfo, site_code: str, size: str, sex_text: str) -> Operation[Path]:
    """The visit's slip as a PDF in ``folder``."""
    from station_app.ui.printing import render_visit_slip  # printing imports this module

    return Operation(functools.partial(render_visit_slip, folder, visit, site_code=site_code, size=size,
                                       sex_text=sex_text), lane="cpu")


def save_slip_copy(*, pdf: Path, data_dir: Path, visit_date: dt.date, queue_number: int) -> Operation[Path]:
    """A copy of the slip's PDF kept in the data folder, when there is no printer."""
    from station_app.services.common.slip_pdf import save_slip_copy  # reportlab loads on the first slip

    return Operation(functools.partial(save_slip_copy, pdf, data_dir=data_dir, visit_date=visit_date,
                                       queue_number=queue_number), lane="cpu")


def paint_pages(*, path: Path, printer: QPrinter, most_dpi: int, progress_text: str) -> Operation[None]:
    """The PDF's pages painted onto ``printer`` (``progress_text`` shown while it lasts)."""
    from station_app.ui.printing import paint_pdf

    return Operation(functools.partial(paint_pdf, path, printer, most_dpi=most_dpi), lane="cpu",
                     progress_text=progress_text)


def list_volumes(*, source: Callable[[], Iterable[Volume]]) -> Operation[list[Volume]]:
    """The volumes ``source`` reports (a hung network mount must not freeze the window)."""
    return Operation(functools.partial(_listed, source), lane="cpu")


def _listed(source: Callable[[], Iterable[Volume]]) -> list[Volume]:
    return list(source())
