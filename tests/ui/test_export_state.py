"""The export page's state without widgets: each batch's state as the table names it, how many batches still wait
for the office, where the export may be written, and what a sending over the network came to."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from station_app.services.exchange.batch_export import BatchInfo, PendingSummary
from station_app.services.exchange.keys import StationPublicKey
from station_app.services.station.upload import BatchNote, SendOutcome
from station_app.ui.pages.export.state import BatchState, ExportState, SendingSummary, Targets, local_time

MADE = dt.datetime(2026, 6, 10, 9, 30)


def batch(sequence: int, status: str) -> BatchInfo:
    return BatchInfo(sequence, f"BANNA-{sequence:04d}.zip", MADE, {"residents": 2, "visits": 2, "observations": 9},
                     status, MADE if status == "acknowledged" else None, "ab" * 32)


def state(*batches: BatchInfo, notes: dict[int, BatchNote] | None = None, office: str | None = "TTKSBT Lai Châu"
          ) -> ExportState:
    return ExportState(PendingSummary(0, None, len(batches) + 1), list(batches), office,
                       StationPublicKey("-----BEGIN PUBLIC KEY-----", "k" * 64), "BANNA", notes=notes)


def test_each_batch_is_named_by_what_the_office_did_with_it():
    shown = state(batch(1, "acknowledged"), batch(2, "rejected"), batch(3, "rejected"), batch(4, "sent"),
                  batch(5, "sent"), batch(6, "made"),
                  notes={2: BatchNote(network=True, rejection_reason="chữ ký không hợp lệ"),
                         4: BatchNote(network=True, rejection_reason=None)})
    assert [shown.batch_state(b) for b in shown.batches] == [
        BatchState.ACKNOWLEDGED, BatchState.REJECTED_WITH_REASON, BatchState.REJECTED, BatchState.SENT_OVER_NETWORK,
        BatchState.WRITTEN, BatchState.MADE]
    assert shown.note(shown.batches[1]).rejection_reason == "chữ ký không hợp lệ"


def test_the_table_lists_the_newest_batch_first_and_counts_those_the_office_has_not_acknowledged():
    shown = state(batch(1, "acknowledged"), batch(3, "sent"), batch(2, "made"))
    assert [b.sequence for b in shown.newest_first()] == [3, 2, 1]
    assert shown.unacknowledged == 2


def test_without_the_offices_bundle_nothing_can_be_sent():
    assert state(office=None).has_bundle is False
    assert state().has_bundle is True


def test_export_needs_a_stick_or_a_folder_and_a_folder_chosen_twice_is_listed_once():
    targets = Targets()
    assert not targets.may_export(None)
    targets.add_folder(Path("/media/u/share"))
    targets.add_folder(Path("/media/u/share"))
    assert targets.folders == [Path("/media/u/share")]
    assert targets.may_export(Path("/media/u/share"))


def test_a_sending_is_summed_up_as_received_rejected_and_not_received_with_the_first_reason():
    outcomes = [SendOutcome(1, "a.zip", "acknowledged"), SendOutcome(2, "b.zip", "already"),
                SendOutcome(3, "c.zip", "rejected", reason="trùng lô"),
                SendOutcome(4, "d.zip", "unverified", reason="biên nhận sai chữ ký"),
                SendOutcome(5, "e.zip", "too_large", reason="lô quá lớn")]
    assert SendingSummary.of(outcomes) == SendingSummary(received=2, rejected=1, not_received=2,
                                                         first_reason="biên nhận sai chữ ký")
    assert SendingSummary.of([]) == SendingSummary(0, 0, 0, "")


def test_times_are_shown_in_the_laptops_time_and_a_missing_one_as_a_dash():
    assert local_time(None) == local_time("") == "–"
    assert local_time("not a time") == "not a time"
    moment = dt.datetime(2026, 6, 10, 2, 5, tzinfo=dt.UTC)
    assert local_time("2026-06-10T02:05:00Z") == local_time(moment) == moment.astimezone().strftime("%d/%m/%Y %H:%M")
