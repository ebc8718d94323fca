"""The administration, progress and campaign pages' use cases as typed operations:
``tasks.run(ops.add_user(ctx, actor=user, ...), parent=page, ...)``.

Each factory binds its arguments by keyword and returns an ``Operation`` for the database lane, or the CPU pool for
the progress figures (a read-only transaction beside the lane) and the weekly report's PDF.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    import datetime as dt

    from station_app.core.audit import ChainReport
    from station_app.core.model import Role
    from station_app.services.common.accounts import RegisteredCertificate, SignedInUser, UserInfo
    from station_app.services.station.campaigns import CampaignInfo
    from station_app.services.station.progress import ProgressChoices, ProgressFilter, ProgressSnapshot
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.context import StationContext


# -- accounts and the audit log ----------------------------------------------------------------------------------

def list_users(ctx: StationContext, *, actor: SignedInUser) -> Operation[list[UserInfo]]:
    return Operation(functools.partial(ctx.accounts.list_users, actor))


def password_min_length(ctx: StationContext) -> Operation[int]:
    return Operation(ctx.accounts.password_min_length)


def add_user(ctx: StationContext, *, actor: SignedInUser, username: str, full_name: str, role: Role,
             password: str) -> Operation[UserInfo]:
    return Operation(functools.partial(ctx.accounts.add_user, actor, username=username, full_name=full_name,
                                       role=role, password=password))


def set_active(ctx: StationContext, *, actor: SignedInUser, username: str, active: bool) -> Operation[UserInfo]:
    return Operation(functools.partial(ctx.accounts.set_active, actor, username=username, active=active))


def change_password(ctx: StationContext, *, actor: SignedInUser, username: str,
                    new_password: str) -> Operation[None]:
    return Operation(functools.partial(ctx.accounts.change_password, actor, username=username,
                                       new_password=new_password))


def unlock_user(ctx: StationContext, *, actor: SignedInUser, username: str) -> Operation[UserInfo]:
    return Operation(functools.partial(ctx.accounts.unlock, actor, username=username))


def register_certificate(ctx: StationContext, *, actor: SignedInUser, username: str, secret: str,
                         p12: Path | None, cchn: str | None) -> Operation[RegisteredCertificate]:
    """An examiner's certificate from their .p12 file (``p12``) or, without one, the token (QĐ 1551 signatures)."""
    return Operation(functools.partial(ctx.signatures.register_certificate, ctx.accounts, actor, username,
                                       secret=secret, p12=p12, cchn=cchn))


def set_password_min_length(ctx: StationContext, *, actor: SignedInUser, length: int) -> Operation[int]:
    return Operation(functools.partial(ctx.accounts.set_password_min_length, actor, length=length))


def verify_audit(ctx: StationContext, *, progress_text: str) -> Operation[ChainReport]:
    """The audit chain and the receipts' anchors checked (``progress_text`` shown while it lasts)."""
    return Operation(ctx.audit.verify, progress_text=progress_text)


# -- campaigns ---------------------------------------------------------------------------------------------------

def current_campaign(ctx: StationContext) -> Operation[CampaignInfo]:
    return Operation(ctx.campaigns.current)


def extend_campaign(ctx: StationContext, *, user: SignedInUser, to: dt.date) -> Operation[CampaignInfo]:
    return Operation(functools.partial(ctx.campaigns.extend, user, to=to))


def start_next_campaign(ctx: StationContext, *, user: SignedInUser, name: str, start: dt.date,
                        end: dt.date) -> Operation[CampaignInfo]:
    return Operation(functools.partial(ctx.campaigns.start_next, user, name=name, start=start, end=end))


# -- progress ----------------------------------------------------------------------------------------------------

def progress_choices(ctx: StationContext) -> Operation[tuple[ProgressChoices, StationInfo]]:
    """The sites to choose from, and the station (its campaign's end, its name on the report)."""
    return Operation(functools.partial(_progress_choices, ctx))


def _progress_choices(ctx: StationContext) -> tuple[ProgressChoices, StationInfo]:
    return ctx.progress.choices(), ctx.station.info()


def progress_snapshot(ctx: StationContext, *, filters: ProgressFilter) -> Operation[ProgressSnapshot]:
    # the CPU pool: a read-only transaction beside the db lane (seconds at 500,000 residents must not hold up a save)
    return Operation(functools.partial(ctx.progress.snapshot, filters), lane="cpu")


def write_weekly_report(*, path: Path, snapshot: ProgressSnapshot, station: str, commune: str,
                        printed_by: str) -> Operation[Path]:
    return Operation(functools.partial(_write_weekly_report, path, snapshot=snapshot, station=station,
                                       commune=commune, printed_by=printed_by), lane="cpu")


def _write_weekly_report(path: Path, *, snapshot: ProgressSnapshot, station: str, commune: str,
                         printed_by: str) -> Path:
    """The weekly report PDF at ``path``. A full or read-only drive becomes the lists' ListFileError, whose sentence
    says to choose another place."""
    from station_app.services.station.list_exports import _file_error
    from station_app.services.station.progress_report import render_weekly_report

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        render_weekly_report(path, snapshot, station_name=station, commune=commune, printed_by=printed_by)
    except OSError as exc:
        raise _file_error(path, exc) from exc
    return path


def set_facility_codes(ctx: StationContext, *, user: SignedInUser, facility_code: str | None,
                       facility_gln: str | None) -> Operation[StationInfo]:
    """The station's QĐ 1551 facility codes (MA_CSKCB, MA_GTIN_CSKCB), checked and audited."""
    return Operation(functools.partial(ctx.station.set_facility_codes, user, facility_code=facility_code,
                                       facility_gln=facility_gln))
