"""What the window needs of an opened station: ``station_app.app.AppContext`` is one, built by the composition
root. The window types against this, never against ``app`` itself, and it holds services, never the database."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from station_app.services.common.accounts import AccountService
    from station_app.services.common.settings_store import SettingsStore
    from station_app.services.exchange.batch_export import ExportService
    from station_app.services.station.audit_log import AuditService
    from station_app.services.station.campaigns import CampaignService
    from station_app.services.station.examination import ExamService
    from station_app.services.station.findings import FindingsService
    from station_app.services.station.pl01_child_measures import ChildMeasureService
    from station_app.services.station.pl01_laboratory import LaboratoryService
    from station_app.services.station.lists import ListsService
    from station_app.services.station.overview import OverviewService
    from station_app.services.station.pl01_answers import AnswerService
    from station_app.services.station.pl01_reception import ReceptionAnswerService
    from station_app.services.station.pl01_values import Pl01Values
    from station_app.services.station.progress import ProgressService
    from station_app.services.station.national_states import NationalStates
    from station_app.services.station.receipts import ReceiptService
    from station_app.services.station.registry import RegistryService
    from station_app.services.station.roster_import import RosterImportService
    from station_app.services.station.station_setup import StationService
    from station_app.services.station.upload import UploadService


class StationContext(Protocol):
    @property
    def data_dir(self) -> Path: ...
    @property
    def log_file(self) -> Path: ...
    @property
    def settings(self) -> SettingsStore: ...
    @property
    def station(self) -> StationService: ...
    @property
    def accounts(self) -> AccountService: ...
    @property
    def audit(self) -> AuditService: ...
    @property
    def overview(self) -> OverviewService: ...
    @property
    def campaigns(self) -> CampaignService: ...
    @property
    def registry(self) -> RegistryService: ...
    @property
    def exam(self) -> ExamService: ...
    @property
    def findings(self) -> FindingsService: ...
    @property
    def answers(self) -> AnswerService: ...
    @property
    def reception_answers(self) -> ReceptionAnswerService: ...
    @property
    def laboratory(self) -> LaboratoryService: ...
    @property
    def pl01_records(self) -> Pl01Values: ...
    @property
    def child_measures(self) -> ChildMeasureService: ...
    @property
    def lists(self) -> ListsService: ...
    @property
    def progress(self) -> ProgressService: ...
    @property
    def export(self) -> ExportService: ...
    @property
    def roster_import(self) -> RosterImportService: ...
    @property
    def upload(self) -> UploadService: ...
    @property
    def receipts(self) -> ReceiptService: ...
    @property
    def national(self) -> NationalStates: ...

    def close(self) -> None: ...
