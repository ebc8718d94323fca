"""Sending batches over the network to the office's service on loopback, with the station's real client.

The backoff is injected (no waiting), and the waits are the points where a test restarts the office."""
from __future__ import annotations

import json

import pytest
from support.upload import connect, make_batches, office_batch_rows, serve

from station_app.core.model import AuditAction
from station_app.persistence.tables import AuditEventRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.office_client import OfficeCertificateError
from station_app.services.station.upload import (Backoff, UploadAddressInvalidError, UploadNotConfiguredError,
                                         UploadService)

NO_WAIT = Backoff(first=0.0)


@pytest.fixture
def link(ctx, data_dir, tmp_path):
    connected = connect(ctx, data_dir, tmp_path)
    yield connected
    connected.close()


def statuses(service: UploadService) -> dict[int, str]:
    return {b.sequence: b.status for b in service.waiting()}


def batch_rows(ctx):
    return {b.sequence: b for b in ctx.export.batches()}


def test_every_waiting_batch_is_sent_in_order_and_acknowledged_with_a_verified_receipt(ctx, nurse, link):
    assert make_batches(ctx, nurse, link.service, 3) == [1, 2, 3]
    assert statuses(link.service) == {1: "made", 2: "made", 3: "made"}
    seen = []
    report = link.service.send_pending(progress=lambda p: seen.append((p.done, p.total, p.sequence, p.outcome)))
    assert report.ok and [o.sequence for o in report.outcomes] == [1, 2, 3]
    assert all(o.status == "acknowledged" and o.imported_at and o.counts["residents"] == 1 for o in report.outcomes)
    assert [(d, t, s) for d, t, s, o in seen if o is not None] == [(1, 3, 1), (2, 3, 2), (3, 3, 3)]
    assert link.service.waiting() == []
    rows = batch_rows(ctx)
    assert all(rows[s].status == "acknowledged" and rows[s].acknowledged_at for s in (1, 2, 3))
    assert office_batch_rows(link.office) == 3
    with UnitOfWork(ctx.db) as uow:
        events = [(e.action, e.details or {}) for e in uow.session.query(AuditEventRow)
                  .filter(AuditEventRow.entity == "export_batches").order_by(AuditEventRow.seq)]
    network = [(action, d) for action, d in events if d.get("via") == "network"]
    assert [d.get("status") for a, d in network if a == AuditAction.EXPORT] == ["made", "made", "made"] + ["sent"] * 3
    assert [d.get("receipt") for a, d in network if a == AuditAction.IMPORT] == ["acknowledged"] * 3


def test_nothing_waiting_sends_nothing(ctx, link):
    assert link.service.send_pending().outcomes == []


def test_a_replay_is_harmless_and_gives_the_same_receipt(ctx, nurse, link):
    make_batches(ctx, nurse, link.service, 1)
    first = link.service.send_pending().outcomes[0]
    outgoing = link.service.prepare(1)
    again = link.service.record(outgoing, link.service.transmit(outgoing))
    assert again.status == "already" and again.imported_at == first.imported_at
    assert office_batch_rows(link.office) == 1
    assert batch_rows(ctx)[1].status == "acknowledged"


def test_a_refused_batch_is_marked_rejected_with_the_reason_and_stays_queued(ctx, nurse, data_dir, tmp_path):
    link = connect(ctx, data_dir, tmp_path, register=False)  # the office never registered this station
    try:
        make_batches(ctx, nurse, link.service, 2)
        report = link.service.send_pending(backoff=NO_WAIT)
        assert not report.ok
        assert [o.status for o in report.outcomes] == ["rejected", "rejected"]
        assert "chưa được đăng ký" in report.outcomes[0].reason
        assert statuses(link.service) == {1: "rejected", 2: "rejected"}
        with UnitOfWork(ctx.db) as uow:
            from station_app.persistence.tables import ExportBatchRow
            reasons = {r.sequence: r.rejection_reason for r in uow.session.query(ExportBatchRow)}
        assert "chưa được đăng ký" in reasons[1]
        # the office registers the station: the same batches go through on the next sending
        pem = data_dir.parent / "TYT-MK.pub.pem"
        link.office.service.add_station(pem, "TYT-MK", name="Trạm Y tế xã Mường Kim")
        again = link.service.send_pending(backoff=NO_WAIT)
        assert again.ok and [o.status for o in again.outcomes] == ["acknowledged", "acknowledged"]
        assert link.service.waiting() == []
    finally:
        link.close()


def test_a_network_cut_is_retried_with_backoff_until_the_office_is_back_without_duplicates(ctx, nurse, link):
    make_batches(ctx, nurse, link.service, 3)
    waits: list[float] = []

    def cut_after_the_first(progress) -> None:  # noqa: ANN001
        if progress.outcome is not None and progress.sequence == 1:
            link.server.stop()

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        if len(waits) == 3:  # the office comes back after three failed tries
            link.server.start()
        return False

    report = link.service.send_pending(progress=cut_after_the_first, backoff=Backoff(first=5, jitter=0), wait=wait)
    assert waits == [5, 10, 20]
    assert report.ok and [o.status for o in report.outcomes] == ["acknowledged"] * 3
    assert office_batch_rows(link.office) == 3
    assert link.service.waiting() == []


def test_the_delays_grow_to_five_minutes_with_jitter():
    backoff = Backoff()
    assert [backoff.delay(n, rand=lambda: 0.5) for n in range(8)] == [5, 10, 20, 40, 80, 160, 300, 300]
    assert backoff.delay(0, rand=lambda: 0.0) == pytest.approx(4)
    assert backoff.delay(0, rand=lambda: 1.0) == pytest.approx(6)
    assert backoff.delay(50, rand=lambda: 1.0) == 300


def test_a_busy_office_that_says_when_to_come_back_is_waited_for_that_long_within_the_cap():
    from station_app.services.exchange.office_client import OfficeBusyError, OfficeUnreachableError
    from station_app.services.station.upload import is_transient, retry_delay

    backoff = Backoff(first=5, jitter=0)
    assert retry_delay(backoff, 0, exc=OfficeBusyError(503, retry_after=30)) == 30
    assert retry_delay(backoff, 0, exc=OfficeBusyError(503, retry_after=3600)) == 300
    assert retry_delay(backoff, 2, exc=OfficeUnreachableError(host="office")) == 20
    assert is_transient(OfficeBusyError(503)) and not is_transient(OfficeCertificateError(host="office"))


def test_giving_up_after_some_tries_reports_unreachable_and_keeps_the_batches(ctx, nurse, link):
    make_batches(ctx, nurse, link.service, 2)
    link.server.stop()
    report = link.service.send_pending(backoff=NO_WAIT, max_tries=3)
    assert [o.status for o in report.outcomes] == ["unreachable"]  # the second is not tried after the first failed
    assert not report.ok
    assert statuses(link.service) == {1: "made", 2: "made"}


def test_cancelling_stops_between_tries(ctx, nurse, link):
    import threading

    make_batches(ctx, nurse, link.service, 1)
    link.server.stop()
    cancel = threading.Event()
    report = link.service.send_pending(backoff=NO_WAIT, cancel=cancel, wait=lambda s: (cancel.set(), True)[1])
    assert report.cancelled and report.outcomes == []
    assert statuses(link.service) == {1: "made"}


def test_a_new_service_on_the_same_data_folder_resumes_what_waits(ctx, nurse, data_dir, link):
    make_batches(ctx, nurse, link.service, 2)
    link.server.stop()
    link.service.send_pending(backoff=NO_WAIT, max_tries=1)
    ctx.close()  # the app closes; it opens again on the same folder
    from station_app.app import open_context

    reopened = open_context(data_dir)
    try:
        link.server.start()
        service = UploadService(reopened.db, data_dir)
        assert service.should_resume()
        assert service.send_pending().ok
        assert not service.should_resume() and office_batch_rows(link.office) == 2
    finally:
        reopened.close()


def test_a_wrong_certificate_pin_is_refused_at_once_and_not_retried(ctx, nurse, link):
    make_batches(ctx, nurse, link.service, 1)
    https = serve(link.office, tls=True)
    try:
        link.service.set_address(None, https.url, tls_sha256="ab" * 32)  # not the office's certificate
        tries: list[float] = []
        with pytest.raises(OfficeCertificateError):
            link.service.send_pending(wait=lambda s: tries.append(s) or False)
        assert tries == [] and statuses(link.service) == {1: "made"}
        assert office_batch_rows(link.office) == 0
        pin = link.service.keys.office_bundle()  # the bundle still pins nothing: the office's pin typed instead
        assert pin.tls_sha256 is None
        from station_app.services.office.tls import certificate_sha256, own_tls_files

        link.service.set_address(None, https.url, tls_sha256=certificate_sha256(own_tls_files(link.office.folder)[0]))
        assert link.service.send_pending().ok
    finally:
        https.stop()


def test_a_typed_address_overrides_the_bundle_and_can_be_cleared(ctx, nurse, data_dir, tmp_path):
    link = connect(ctx, data_dir, tmp_path, in_bundle=False)
    try:
        assert link.service.target() is None
        make_batches(ctx, nurse, link.service, 1)
        with pytest.raises(UploadNotConfiguredError):
            link.service.send_pending()
        with pytest.raises(UploadAddressInvalidError):
            link.service.set_address(None, "ftp://office")
        with pytest.raises(UploadAddressInvalidError):
            link.service.set_address(None, "https://office.example:8443")  # https needs the pin
        target = link.service.set_address(None, link.server.url + "/")
        assert target.url == link.server.url and not target.from_bundle
        assert json.loads(link.service.address_path.read_text())["upload_url"] == link.server.url
        assert link.service.send_pending().ok
        pin = "AB:" * 31 + "AB"
        target = link.service.set_address(None, "https://office.example:8443", tls_sha256=pin)
        assert target.tls_sha256 == "ab" * 32 and target.short_pin == "abab abab abab abab"
        assert link.service.set_address(None, "") is None  # back to the bundle, which has no address
    finally:
        link.close()


def test_a_batch_above_the_office_limit_is_reported_and_the_next_ones_still_go(ctx, nurse, link):
    make_batches(ctx, nurse, link.service, 2)
    small = serve(link.office, max_bytes=100)  # smaller than any batch
    try:
        link.service.set_address(None, small.url)
        report = link.service.send_pending(backoff=NO_WAIT)
        assert [o.status for o in report.outcomes] == ["too_large", "too_large"]
        assert "xuất ra USB" in report.outcomes[0].reason and not report.ok
        assert statuses(link.service) == {1: "made", 2: "made"}  # the body never went out
    finally:
        small.stop()


def test_a_receipt_that_does_not_verify_leaves_the_batch_sent_and_queued(ctx, nurse, data_dir, link):
    from support.upload import distrust_receipts

    make_batches(ctx, nurse, link.service, 1)
    distrust_receipts(data_dir)
    outcome = link.service.send_pending(backoff=NO_WAIT).outcomes[0]
    assert outcome.status == "unverified" and "chữ ký không hợp lệ" in outcome.reason
    assert statuses(link.service) == {1: "sent"}
    assert batch_rows(ctx)[1].acknowledged_at is None


def test_a_damaged_stored_batch_stops_the_sending_with_what_to_do(ctx, nurse, link):
    from sqlalchemy import update

    from station_app.core.batch_format import StoredBatchDamagedError
    from station_app.persistence.outbox import ExportBatchFileRow

    make_batches(ctx, nurse, link.service, 1)
    with UnitOfWork(ctx.db) as uow:
        uow.session.execute(update(ExportBatchFileRow).values(content=b"not the batch"))
        uow.commit()
    with pytest.raises(StoredBatchDamagedError):
        link.service.send_pending(backoff=NO_WAIT)
    assert office_batch_rows(link.office) == 0 and statuses(link.service) == {1: "made"}
