"""The office window's use cases as typed operations: ``tasks.run(ops.make_report(service), parent=page, ...)``.

Each factory binds its arguments by keyword and returns an ``Operation`` for the database lane, or the CPU pool for
writing a report file; the functions they run touch no widget.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.services.office import quarantine, queries
from station_app.ui.tasks import Operation

if TYPE_CHECKING:
    from station_app.services.office.national_service import FacilityInput, FacilityView, NationalStatus, PushSummary
    from station_app.services.office.quarantine import DroppedCount
    from station_app.services.office.queries import BatchEntry, StationStatus
    from station_app.services.office.report import OfficeReport
    from station_app.services.office.service import ImportReport, OfficeService, StationInfo


# -- the window --------------------------------------------------------------------------------------------------

def open_office(*, folder: Path, db_url: str | None) -> Operation[tuple[OfficeService, Path]]:
    """The office service, then its log (only in a folder known to be an office's)."""
    return Operation(functools.partial(_open_for_window, folder, db_url=db_url))


def _open_for_window(folder: Path, *, db_url: str | None) -> tuple[OfficeService, Path]:
    from station_app.services.common.log_file import setup_logging

    service = queries.open_office(folder, db_url=db_url)
    try:
        return service, setup_logging(folder)
    except OSError:
        return service, folder / "logs"  # a read-only share: the window works, the log goes nowhere


def save_language(*, folder: Path, language: str) -> Operation[None]:
    """The language chosen, kept in the office folder's settings file for the next start."""
    return Operation(functools.partial(_save_language, folder, language=language))


def _save_language(folder: Path, *, language: str) -> None:
    from station_app.services.common.settings_store import SettingsStore

    store = SettingsStore(folder)
    settings = store.load()
    settings.language = language
    store.save(settings)


# -- the pages ---------------------------------------------------------------------------------------------------

def station_statuses(service: OfficeService) -> Operation[list[StationStatus]]:
    return Operation(functools.partial(queries.station_statuses, service))


def add_station(service: OfficeService, *, pem: Path, code: str, name: str | None) -> Operation[StationInfo]:
    return Operation(functools.partial(queries.add_station, service, pem=pem, code=code, name=name))


def batch_entries(service: OfficeService) -> Operation[list[BatchEntry]]:
    return Operation(functools.partial(queries.batch_entries, service))


def dropped_counts(service: OfficeService) -> Operation[dict[str, DroppedCount]]:
    return Operation(functools.partial(quarantine.dropped_counts, service))


def import_batches(service: OfficeService, *, paths: list[Path], progress_text: str) -> Operation[ImportReport]:
    """Check and import the files one at a time, telling the progress (``progress_text`` over the bar)."""
    return Operation(functools.partial(queries.import_batches, service, paths=paths), progress_text=progress_text)


def make_report(service: OfficeService) -> Operation[OfficeReport]:
    return Operation(functools.partial(queries.make_report, service))


def save_report(*, report: OfficeReport, path: Path) -> Operation[Path]:
    """The report written as PDF, XLSX or CSV (by the suffix), on the CPU pool."""
    return Operation(functools.partial(queries.save_report, report, path=path), lane="cpu")


# -- delivery to the national database (services/office/national_service.py) -------------------------------------

def national_status(service: OfficeService) -> Operation[NationalStatus]:
    from station_app.services.office import national_service

    return Operation(functools.partial(national_service.status, service))


def national_facilities(service: OfficeService) -> Operation[list[FacilityView]]:
    from station_app.services.office import national_service

    return Operation(functools.partial(national_service.facilities, service))


def national_push(service: OfficeService) -> Operation[PushSummary]:
    """Every due record pushed now, on the database lane (network and signing included: never the GUI thread)."""
    from station_app.services.office import national_service

    return Operation(functools.partial(national_service.push, service))


def national_setup(service: OfficeService, *, given: FacilityInput) -> Operation[FacilityView]:
    from station_app.services.office import national_service

    return Operation(functools.partial(national_service.setup_facility, service, given))
