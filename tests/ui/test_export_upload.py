"""Sending from the export page over the network, to the office's real service on loopback: the button makes and
sends the batches, the table shows each batch's state, a network cut is waited out with its countdown, Cancel
stops, the address can be typed, and sending resumes by itself when the page opens with batches waiting.

The backoff is injected (no waiting); only the drives' volume list is faked, as on the export page's own tests."""
from __future__ import annotations

import pytest
from support.gui import type_text
from support.export import FakeVolumes, column, reload
from support.upload import add_visit, connect, make_batches, office_batch_rows

from station_app.services.station.upload import Backoff
from station_app.ui.pages.export.page import ExportPage
from station_app.ui.removable_drives import DriveWatcher

STATE = 6  # the table's column of each batch's state

pytestmark = pytest.mark.usefixtures("no_unexpected_errors")  # an error dialog fails the test


@pytest.fixture
def link(ctx, data_dir, tmp_path):
    connected = connect(ctx, data_dir, tmp_path)
    yield connected
    connected.close()


@pytest.fixture
def make_page(qtbot, app, ctx, coordinator, tasks):
    def make(backoff: Backoff = Backoff(first=0.0)) -> ExportPage:
        page = ExportPage(ctx, tasks, coordinator, DriveWatcher(source=FakeVolumes()), backoff=backoff)
        qtbot.addWidget(page)
        page.resize(1140, 640)  # the page's room in the window on a 1366x768 laptop
        page.show()
        reload(qtbot, page)
        return page
    return make


def wait_sent(qtbot, page: ExportPage) -> None:
    qtbot.waitUntil(lambda: not page.upload.runner.running, timeout=60_000)
    qtbot.waitUntil(lambda: not page.loading, timeout=15_000)


def test_the_button_makes_and_sends_the_batches_and_the_table_shows_them_received(qtbot, make_page, ctx, nurse,
                                                                                   link):
    make_batches(ctx, nurse, link.service, 1)
    add_visit(ctx, nurse, 5)  # changed since: the button makes batch 2 first
    page = make_page()
    wait_sent(qtbot, page)  # batch 1 waited: sending resumed by itself when the page opened
    assert column(page, STATE)[0].startswith("Đơn vị nhận đã xác nhận (")
    assert page.upload.send_button.isVisible() and page.upload.send_button.text() == "Gửi lên đơn vị nhận"
    assert page.upload.address_label.text() == f"Đến {link.server.url} (theo gói khoá)."
    page.upload.send_button.click()
    wait_sent(qtbot, page)
    assert column(page, 0) == ["2", "1"]
    assert all(text.startswith("Đơn vị nhận đã xác nhận (") for text in column(page, STATE))
    assert page.upload.status.text() == "Đơn vị nhận đã nhận 1 lô."
    assert office_batch_rows(link.office) == 2


def test_a_refused_batch_shows_the_reason_and_is_sent_again_once_the_office_fixed_it(qtbot, make_page, ctx, nurse,
                                                                                     data_dir, tmp_path):
    link = connect(ctx, data_dir, tmp_path, register=False)
    try:
        add_visit(ctx, nurse)
        page = make_page()
        page.upload.send_button.click()
        wait_sent(qtbot, page)
        assert column(page, STATE)[0].startswith("Bị từ chối: ") and "chưa được đăng ký" in column(page, STATE)[0]
        assert "1 lô bị từ chối" in page.upload.status.text()
        link.office.service.add_station(data_dir.parent / "TYT-MK.pub.pem", "TYT-MK")
        page.upload.send_button.click()
        wait_sent(qtbot, page)
        assert column(page, STATE)[0].startswith("Đơn vị nhận đã xác nhận (")
    finally:
        link.close()


def test_a_network_cut_shows_the_countdown_cancel_stops_and_the_batch_stays_made(qtbot, make_page, ctx, nurse, link):
    add_visit(ctx, nurse)
    link.server.stop()
    page = make_page(Backoff(first=20.0, jitter=0.0))
    page.upload.send_button.click()
    qtbot.waitUntil(lambda: page.upload.runner.state == "waiting", timeout=60_000)
    assert page.upload.status.text() == "Mất mạng, thử lại sau 20 giây (lô số 1)."
    assert page.upload.progress.isVisible() and page.upload.cancel_button.isVisible()
    page.upload.cancel_button.click()
    wait_sent(qtbot, page)
    assert "Đã dừng gửi; 1 lô vẫn chờ gửi." in page.upload.status.text()
    assert column(page, STATE) == ["Đã tạo, chờ gửi"]
    assert not page.upload.cancel_button.isVisible()


def test_after_a_cut_the_retries_go_on_until_the_office_is_back(qtbot, make_page, ctx, nurse, link):
    make_batches(ctx, nurse, link.service, 2)
    link.server.stop()
    tries = []
    page = make_page(Backoff(first=0.0))
    runner = page.upload.runner

    def retried() -> None:
        if runner.state == "waiting":
            tries.append(runner.current)
            if len(tries) == 3:
                link.server.start()
    runner.changed.connect(retried)
    wait_sent(qtbot, page)  # resumed by itself: two batches waited
    assert tries[:3] == [1, 1, 1]
    assert column(page, STATE) == [column(page, STATE)[0]] * 2 and column(page, STATE)[0].startswith("Đơn vị nhận")
    assert office_batch_rows(link.office) == 2


def test_the_coordinator_types_the_address_when_the_bundle_has_none(qtbot, make_page, ctx, nurse, data_dir,
                                                                    tmp_path):
    link = connect(ctx, data_dir, tmp_path, in_bundle=False)
    try:
        page = make_page()
        assert not page.upload.send_button.isVisible()
        assert page.upload.address_label.text().startswith("Chưa có địa chỉ gửi qua mạng")
        page.upload.address_button.click()
        dialog = page.upload.address_dialog
        type_text(dialog.url, "ftp://văn-phòng")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: page.upload.message.isVisible(), timeout=15_000)
        assert page.upload.message.text().startswith("Địa chỉ đơn vị nhận không dùng được")
        page.upload.address_button.click()
        dialog = page.upload.address_dialog
        type_text(dialog.url, link.server.url)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: page.upload.send_button.isVisible(), timeout=15_000)
        assert page.upload.address_label.text() == f"Đến {link.server.url} (nhập tay)."
        add_visit(ctx, nurse)
        page.upload.send_button.click()
        wait_sent(qtbot, page)
        assert column(page, STATE)[0].startswith("Đơn vị nhận đã xác nhận (")
    finally:
        link.close()


def test_a_certificate_that_is_not_the_pinned_one_stops_the_sending_with_what_to_do(qtbot, make_page, ctx, nurse,
                                                                                  link):
    from support.upload import serve

    https = serve(link.office, tls=True)
    try:
        link.service.set_address(None, https.url, tls_sha256="ab" * 32)
        add_visit(ctx, nurse)
        page = make_page()
        assert "Dấu vân tay chứng chỉ: abab abab abab abab…" in page.upload.address_label.text()
        page.upload.send_button.click()
        wait_sent(qtbot, page)
        assert page.upload.message.text().startswith("Chứng chỉ của máy chủ 127.0.0.1 không khớp")
        assert column(page, STATE) == ["Đã tạo, chờ gửi"] and office_batch_rows(link.office) == 0
    finally:
        https.stop()


def test_the_page_with_its_sending_card_fits_a_1366x768_laptop(qtbot, make_controller, ctx, coordinator, nurse, link):
    make_batches(ctx, nurse, link.service, 2)
    window = make_controller(ctx).window
    window.begin_session(coordinator)
    window.resize(1366, 768)
    window.show_page("export")
    page = window.pages["export"]
    qtbot.waitUntil(lambda: page.state is not None and not page.upload.runner.running, timeout=60_000)
    qtbot.waitUntil(lambda: column(page, STATE) and column(page, STATE)[0].startswith("Đơn vị nhận"), timeout=15_000)
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 768
    for widget in (page.upload.send_button, page.upload.address_button, page.table):
        corner = widget.mapTo(window, widget.rect().bottomRight())
        assert widget.isVisible() and corner.x() < 1366 and corner.y() < 768


def test_a_batch_sent_whose_receipt_does_not_verify_shows_sent_waiting_for_the_receipt(qtbot, make_page, ctx, nurse,
                                                                                      data_dir, link):
    from support.upload import distrust_receipts

    distrust_receipts(data_dir)
    add_visit(ctx, nurse)
    page = make_page()
    page.upload.send_button.click()
    wait_sent(qtbot, page)
    assert column(page, STATE) == ["Đã gửi qua mạng, chờ biên nhận"]
    assert page.upload.status.text().startswith("1 lô chưa được nhận: chữ ký không hợp lệ")


def test_batches_left_waiting_are_sent_when_a_nurse_signs_in_and_stop_at_sign_out(qtbot, make_controller, ctx, nurse,
                                                                                   link):
    # made by the coordinator in the evening, the network down until the next morning's nurse session
    make_batches(ctx, nurse, link.service, 2)
    window = make_controller(ctx).window
    window.begin_session(nurse)
    assert "export" not in window.pages  # a nurse has no export page, and the batches go all the same
    qtbot.waitUntil(lambda: office_batch_rows(link.office) == 2, timeout=60_000)
    qtbot.waitUntil(lambda: not window.uploader.running, timeout=60_000)
    assert link.service.waiting() == []  # both acknowledged: the receipts came back
    window.sign_out()
    assert window.uploader is None


def test_the_export_page_shows_the_sessions_sending(qtbot, make_controller, ctx, coordinator, nurse, link):
    make_batches(ctx, nurse, link.service, 1)
    window = make_controller(ctx).window
    window.begin_session(coordinator)
    window.show_page("export")
    page = window.pages["export"]
    assert page.upload.runner is window.uploader  # one sending, not one per page
    qtbot.waitUntil(lambda: not window.uploader.running and office_batch_rows(link.office) == 1, timeout=60_000)
    qtbot.waitUntil(lambda: column(page, STATE) and column(page, STATE)[0].startswith("Đơn vị nhận"), timeout=15_000)
