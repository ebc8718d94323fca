"""The one place that wires paths, logging, the database, services and the window."""
from __future__ import annotations

import functools
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from station_app.core.errors import DatabaseInUseError, DataFolderNotWritableError
from station_app.services.common.log_file import setup_logging
from station_app.services.common.settings_store import SettingsStore

if TYPE_CHECKING:  # loaded by open_context, after the window is on screen (SQLAlchemy costs ~0.3 s)
    from station_app.persistence.database import Database
    from station_app.services.common.accounts import AccountService
    from station_app.services.exchange.batch_export import ExportService
    from station_app.services.station.audit_log import AuditService
    from station_app.services.station.campaigns import CampaignService
    from station_app.services.station.examination import ExamService
    from station_app.services.station.findings import FindingsService
    from station_app.services.station.pl01_answers import AnswerService
    from station_app.services.station.pl01_reception import ReceptionAnswerService
    from station_app.services.station.pl01_values import Pl01Values
    from station_app.services.station.pl01_child_measures import ChildMeasureService
    from station_app.services.station.pl01_laboratory import LaboratoryService
    from station_app.services.station.lists import ListsService
    from station_app.services.station.overview import OverviewService
    from station_app.services.station.progress import ProgressService
    from station_app.services.station.national_states import NationalStates
    from station_app.services.station.receipts import ReceiptService
    from station_app.services.station.registry import RegistryService
    from station_app.services.station.signatures import SignatureService
    from station_app.services.station.roster_import import RosterImportService
    from station_app.services.station.station_setup import StationService
    from station_app.services.station.upload import UploadService

APP_NAME = "station-app"
APP_AUTHOR = "SoYTeLaiChau"
log = logging.getLogger(__name__)


def resolve_data_dir(arg: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` first, then ``STATION_DATA_DIR``, then the user's data folder (platformdirs)."""
    chosen = arg or os.environ.get("STATION_DATA_DIR") or user_data_dir(APP_NAME, APP_AUTHOR)
    return Path(chosen).expanduser().resolve()


def resolve_training_dir(arg: str | os.PathLike[str] | None = None) -> Path:
    """Training data (``demo``) goes to its own folder unless one is named, never into the real station's."""
    chosen = arg or os.environ.get("STATION_DATA_DIR") or user_data_dir(f"{APP_NAME}-taphuan", APP_AUTHOR)
    return Path(chosen).expanduser().resolve()


@dataclass
class AppContext:
    """Everything the UI and the CLI need, made once."""

    data_dir: Path
    log_file: Path
    db: Database
    settings: SettingsStore
    station: StationService
    accounts: AccountService
    audit: AuditService

    # The desks' services are made when first used (a page after sign-in, the CLI): importing them is not on the way
    # to the sign-in screen (~0.1 s of a cold start).
    @functools.cached_property
    def overview(self) -> OverviewService:
        from station_app.services.station.overview import OverviewService

        return OverviewService(self.db)

    @functools.cached_property
    def campaigns(self) -> CampaignService:
        from station_app.services.station.campaigns import CampaignService

        return CampaignService(self.db)

    @functools.cached_property
    def registry(self) -> RegistryService:
        from station_app.services.station.registry import RegistryService

        return RegistryService(self.db)

    @functools.cached_property
    def exam(self) -> ExamService:
        from station_app.services.station.examination import ExamService

        return ExamService(self.db)

    @functools.cached_property
    def findings(self) -> FindingsService:
        from station_app.services.station.findings import FindingsService

        return FindingsService(self.db)

    @functools.cached_property
    def answers(self) -> AnswerService:
        """The desks' answers to each visit's PL01 form (QĐ 1551), and the visit's form."""
        from station_app.services.station.pl01_answers import AnswerService

        return AnswerService(self.db)

    @functools.cached_property
    def reception_answers(self) -> ReceptionAnswerService:
        """What reception asks for QĐ 1551 (the visit's reception sheet); saved through ``answers``."""
        from station_app.services.station.pl01_reception import ReceptionAnswerService

        return ReceptionAnswerService(self.db)

    @functools.cached_property
    def signatures(self) -> SignatureService:
        """Examiners' signatures of their parts and of the conclusion (QĐ 1551)."""
        from station_app.services.station.signatures import PKCS11_SETTING, SignatureService

        return SignatureService(self.db, self.data_dir,
                                pkcs11_module=lambda: self.settings.load().extra.get(PKCS11_SETTING))

    @functools.cached_property
    def pl01_records(self) -> Pl01Values:
        """Each visit's PL01 values, record and problems, and what its desks still miss ("Còn thiếu")."""
        from station_app.services.station.pl01_values import Pl01Values

        return Pl01Values(self.db)

    @functools.cached_property
    def laboratory(self) -> LaboratoryService:
        """The laboratory desk of forms 1 and 2: rows of tests as answers, the capillary glucose as a row."""
        from station_app.services.station.pl01_laboratory import LaboratoryService

        return LaboratoryService(self.answers, self.exam)

    @functools.cached_property
    def child_measures(self) -> ChildMeasureService:
        """Forms 6–13: z-scores and ratings from the vital signs, arm and head circumference, as answers."""
        from station_app.services.station.pl01_child_measures import ChildMeasureService

        return ChildMeasureService(self.answers, self.exam)

    @functools.cached_property
    def lists(self) -> ListsService:
        """Made when first used (a coordinator's page, the CLI): not on the way to the sign-in screen."""
        from station_app.services.station.lists import ListsService

        return ListsService(self.db, self.station)

    @functools.cached_property
    def progress(self) -> ProgressService:
        """Made when first used, like ``lists``."""
        from station_app.services.station.progress import ProgressService

        return ProgressService(self.db)

    @functools.cached_property
    def export(self) -> ExportService:
        """Made when first used: signing, encryption and the FHIR mapping cost ~0.4 s to import."""
        from station_app.services.exchange.batch_export import ExportService

        return ExportService(self.db, self.data_dir)

    @functools.cached_property
    def roster_import(self) -> RosterImportService:
        from station_app.services.station.roster_import import RosterImportService

        return RosterImportService(self.db, self.data_dir)

    @functools.cached_property
    def upload(self) -> UploadService:
        from station_app.services.station.upload import UploadService

        return UploadService(self.db, self.data_dir)

    @functools.cached_property
    def receipts(self) -> ReceiptService:
        from station_app.services.station.receipts import ReceiptService

        return ReceiptService(self.db, self.data_dir)

    @functools.cached_property
    def national(self) -> NationalStates:
        from station_app.services.station.national_states import NationalStates

        return NationalStates(self.db, self.data_dir)

    def close(self) -> None:
        self.db.dispose()


def open_context(data_dir: Path) -> AppContext:
    from station_app.persistence.database import check_folder_writable, open_database
    from station_app.services.common.accounts import AccountService
    from station_app.services.station.audit_log import AuditService
    from station_app.services.station.station_setup import StationService

    check_folder_writable(data_dir)
    log_file = setup_logging(data_dir)
    db = open_database(data_dir)
    station = StationService(db)
    return AppContext(data_dir, log_file, db, SettingsStore(data_dir), station, AccountService(db), AuditService(db))


class InstanceLock:
    """Only one window per data folder: a second copy of the app is told to use the first one."""

    def __init__(self, data_dir: Path) -> None:
        from filelock import FileLock

        self._lock = FileLock(str(data_dir / "station-app.lock"), timeout=0)

    def acquire(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout as exc:
            raise DatabaseInUseError() from exc
        except OSError as exc:
            raise DataFolderNotWritableError(path=str(Path(self._lock.lock_file).parent)) from exc

    def release(self) -> None:
        self._lock.release()


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


NO_DISPLAY_MESSAGE = (
    "Không tìm thấy màn hình để mở cửa sổ ứng dụng (biến DISPLAY trống).\n"
    "No display found. On a machine without a screen, run it under a virtual one:\n"
    "  xvfb-run -a station-app        (Debian: apt-get install xvfb xauth)\n"
    "or use the command line: station-app --help"
)


def open_station(data_dir: Path):  # noqa: ANN201 - ui.main.OpenedStation, imported only with the window
    """On the window's background lane: one copy per data folder, then the database (checked, upgraded)."""
    from station_app.ui.main import OpenedStation

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderNotWritableError(path=str(data_dir)) from exc
    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        ctx = open_context(data_dir)
        return OpenedStation(ctx, lock, ctx.station.info() if ctx.station.is_initialised() else None)
    except BaseException:
        lock.release()
        raise


def run_gui(data_dir: Path) -> int:
    """Open the window. Expected problems become a message box (or a line on stderr without Qt)."""
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from station_app.ui.main import run  # Qt is imported only when a window is wanted

    return run(data_dir, open_station)
