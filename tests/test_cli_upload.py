"""`station-app upload` in a child process, against the office's real service on loopback."""
from __future__ import annotations

import pytest
from support.cli import ADMIN, run_as
from support.upload import add_visit, connect, make_batches, office_batch_rows


@pytest.fixture
def link(ctx, data_dir, tmp_path):
    connected = connect(ctx, data_dir, tmp_path)
    yield connected
    connected.close()


def test_upload_sends_every_waiting_batch_and_prints_each_receipt(ctx, nurse, data_dir, link):
    make_batches(ctx, nurse, link.service, 2)
    done = run_as(ADMIN, "upload", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("Lô số")]
    assert len(lines) == 2
    assert lines[0].startswith("Lô số 1 (TYT-MK-000001.batch): đơn vị nhận đã nhận lúc 20")
    assert "(1 người dân, 1 lượt khám, 0 kết quả đo/khám)" in lines[1]
    assert office_batch_rows(link.office) == 2
    again = run_as(ADMIN, "upload", data_dir=data_dir)
    assert again.returncode == 0 and "Không có lô nào chờ gửi" in again.stdout


def test_make_then_send(ctx, nurse, data_dir, link):
    add_visit(ctx, nurse)
    done = run_as(ADMIN, "upload", "--make", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "Đã tạo lô số 1." in done.stdout and "Lô số 1 (TYT-MK-000001.batch): đơn vị nhận đã nhận" in done.stdout
    again = run_as(ADMIN, "upload", "--make", data_dir=data_dir)
    assert "Không có thay đổi mới từ lô trước" in again.stdout and "Không có lô nào chờ gửi" in again.stdout


def test_a_refused_batch_is_printed_with_the_reason_and_the_exit_code_says_so(ctx, nurse, data_dir, tmp_path):
    link = connect(ctx, data_dir, tmp_path, register=False)
    try:
        make_batches(ctx, nurse, link.service, 1)
        done = run_as(ADMIN, "upload", data_dir=data_dir)
        assert done.returncode == 1
        line = next(x for x in done.stdout.splitlines() if x.startswith("Lô số 1"))
        assert line.startswith("Lô số 1 (TYT-MK-000001.batch): bị từ chối: ") and "chưa được đăng ký" in line
        assert line.endswith(". Lô vẫn chờ để gửi lại khi đơn vị nhận đã xử lý.") and ".." not in line
        assert [b.status for b in link.service.waiting()] == ["rejected"]
    finally:
        link.close()


def test_an_unreachable_office_is_retried_then_reported_and_nothing_is_lost(ctx, nurse, data_dir, link):
    make_batches(ctx, nurse, link.service, 1)
    link.server.stop()
    done = run_as(ADMIN, "upload", "--tries", "1", data_dir=data_dir)
    assert done.returncode == 1
    assert "Lô số 1 (TYT-MK-000001.batch): chưa được nhận: chưa kết nối được với đơn vị nhận" in done.stdout
    assert [b.status for b in link.service.waiting()] == ["made"]


def test_without_an_address_it_says_how_to_get_one(ctx, data_dir, tmp_path):
    link = connect(ctx, data_dir, tmp_path, in_bundle=False)
    try:
        done = run_as(ADMIN, "upload", data_dir=data_dir)
        assert done.returncode == 1 and "Chưa có địa chỉ gửi lô qua mạng" in done.stderr
        done = run_as(ADMIN, "upload", "--address", link.server.url, data_dir=data_dir)
        assert done.returncode == 0 and f"Địa chỉ gửi: {link.server.url}" in done.stdout
    finally:
        link.close()
