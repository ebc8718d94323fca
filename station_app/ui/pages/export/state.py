"""What the export page shows and allows, without widgets: the state read from the database, each batch's state,
where the export can be written, and what a sending over the network came to. The page turns these into words."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from station_app.services.exchange.batch_export import BatchInfo, PendingSummary
    from station_app.services.exchange.keys import StationPublicKey
    from station_app.services.station.upload import BatchNote, SendOutcome, UploadTarget

COUNT_COLUMNS = ("residents", "visits", "observations")


class BatchState(Enum):
    """A batch's state as the table names it."""

    ACKNOWLEDGED = "acknowledged"
    REJECTED_WITH_REASON = "rejected_with_reason"
    REJECTED = "rejected"
    SENT_OVER_NETWORK = "sent_over_network"
    WRITTEN = "written"
    MADE = "made"


@dataclass(frozen=True)
class ExportState:
    """Everything the page shows, read in one go on the database lane."""

    pending: PendingSummary
    batches: list[BatchInfo]
    office_name: str | None
    station_key: StationPublicKey
    station_code: str
    upload_target: UploadTarget | None = None  # where batches go over the network, if anywhere
    notes: dict[int, BatchNote] | None = None  # per batch: sent over the network, the office's reason to refuse

    @property
    def has_bundle(self) -> bool:
        """Without the office's bundle nothing can be encrypted for the office nor its receipts checked."""
        return self.office_name is not None

    @property
    def unacknowledged(self) -> int:
        return sum(b.status != "acknowledged" for b in self.batches)

    def newest_first(self) -> list[BatchInfo]:
        return sorted(self.batches, key=lambda b: -b.sequence)

    def note(self, batch: BatchInfo) -> BatchNote | None:
        return (self.notes or {}).get(batch.sequence)

    def batch_state(self, batch: BatchInfo) -> BatchState:
        note = self.note(batch)
        if batch.status == "acknowledged":
            return BatchState.ACKNOWLEDGED
        if batch.status == "rejected":
            has_reason = note is not None and bool(note.rejection_reason)
            return BatchState.REJECTED_WITH_REASON if has_reason else BatchState.REJECTED
        if batch.status == "sent":
            return BatchState.SENT_OVER_NETWORK if note is not None and note.network else BatchState.WRITTEN
        return BatchState.MADE


@dataclass
class Targets:
    """The folders chosen by hand this session, listed after the sticks plugged in; exporting needs a stick or a
    folder chosen."""

    folders: list[Path] = field(default_factory=list)

    def add_folder(self, folder: Path) -> None:
        if folder not in self.folders:
            self.folders.append(folder)

    @staticmethod
    def may_export(selected: Path | None) -> bool:
        return selected is not None


@dataclass(frozen=True)
class SendingSummary:
    """What a sending over the network came to, batch by batch."""

    received: int
    rejected: int
    not_received: int
    first_reason: str  # why the first batch neither received nor rejected was not taken (Vietnamese)

    @classmethod
    def of(cls, outcomes: Sequence[SendOutcome]) -> SendingSummary:
        ok = sum(o.ok for o in outcomes)
        rejected = sum(o.status == "rejected" for o in outcomes)
        other = len(outcomes) - ok - rejected
        reason = next((o.reason or "" for o in outcomes if not o.ok and o.status != "rejected"), "")
        return cls(ok, rejected, other, reason)


def local_time(moment: dt.datetime | str | None) -> str:
    """A UTC moment (naive or ISO text, as stored) in the laptop's time, dd/mm/yyyy hh:mm."""
    if moment is None or moment == "":
        return "–"
    if isinstance(moment, str):
        try:
            moment = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")
