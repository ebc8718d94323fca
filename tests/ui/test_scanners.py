"""Scanner inputs with real key events, a real serial pair (pty), real QR frames and a real clipboard.

Only the camera device and the file dialog are faked.
"""
from __future__ import annotations

import threading

import pytest
import qrcode
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices, QVideoFrame
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from support.gui import FakeScannerDevice, post_keys, type_text
from station_app.services.common.decoding import GrayFrame, decode_image, to_grayscale
from station_app.ui.scanning import serial_scanner
from station_app.ui.scanning.camera_scanner import CameraScannerWidget, FrameDecoder
from station_app.ui.scanning.frames import qimage_to_gray
from station_app.ui.scanning.image_input import ImageInput
from station_app.ui.scanning.serial_scanner import SerialScanner, SerialState
from station_app.ui.tasks import TaskRunner

CCCD = "001099012345||Nguyễn Văn An|15052002|Nam|Xã Mường Kim, Lai Châu|20042021"
CCCD_2 = "012302004567|062123456|Giàng A Sử|02031985|Nam|Bản Nậm Hàng, Nậm Nhùn, Lai Châu|11072022"
BHYT = "GD4010120012345|Lò Thị Ơn|01/01/1990|2|Xã Mường Kim|01/01/2026|31/12/2026|$"


# -- keyboard-mode scanners -----------------------------------------------------------------------------------



def test_a_scanner_burst_is_a_scan_and_never_reaches_the_focused_field(wedge_page, qtbot):
    page_widget, wedge, field, _, _ = wedge_page
    returns = []
    field.returnPressed.connect(lambda: returns.append(1))
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as got:
        post_keys(field, CCCD, 10_000, gap_ms=4)
    assert got.args == [CCCD]
    qtbot.wait(150)
    assert field.text() == "" and returns == [] and wedge.holding == 0


@pytest.mark.parametrize("where", ["nested field", "button", "page itself"])
def test_a_scan_is_caught_wherever_focus_is_on_the_page(wedge_page, qtbot, where):
    page_widget, wedge, _, inner, button = wedge_page
    target = {"nested field": inner, "button": button, "page itself": page_widget}[where]
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as got:
        post_keys(target, BHYT, 20_000, gap_ms=2)
    assert got.args == [BHYT]
    assert inner.text() == ""


def assert_typed(qtbot, page, text: str, start_ms: int, gap_ms: int, timeout: int) -> None:
    """The keys reach the focused field as typing, their Enter included, and nothing is taken for a scan."""
    _, wedge, field, _, _ = page
    returns, scans = [], []
    field.returnPressed.connect(lambda: returns.append(field.text()))
    wedge.scanned.connect(scans.append)
    post_keys(field, text, start_ms, gap_ms=gap_ms)
    qtbot.waitUntil(lambda: returns == [text], timeout=timeout)
    assert scans == []


def test_slow_typing_reaches_the_field_with_its_enter(wedge_page, qtbot):
    assert_typed(qtbot, wedge_page, "Nguyễn Văn An 1990", 30_000, gap_ms=120, timeout=2000)


def test_a_pause_in_typing_shows_the_held_keys_after_a_moment(wedge_page, qtbot):
    _, wedge, field, _, _ = wedge_page
    post_keys(field, "Lò Thị", 40_000, gap_ms=5, enter=False)  # fast, but no Enter: a burst of typing
    qtbot.waitUntil(lambda: field.text() == "Lò Thị", timeout=1000)
    assert wedge.holding == 0


def test_a_short_fast_burst_with_enter_is_typing(wedge_page, qtbot):
    assert_typed(qtbot, wedge_page, "Nam", 50_000, gap_ms=3, timeout=1000)


def test_typed_text_then_a_scan_keeps_both_apart(wedge_page, qtbot):
    _, wedge, field, _, _ = wedge_page
    end = post_keys(field, "ab", 60_000, gap_ms=150, enter=False)
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as got:
        post_keys(field, CCCD, end + 100, gap_ms=3)
    assert got.args == [CCCD]
    qtbot.waitUntil(lambda: field.text() == "ab", timeout=1000)


def test_events_made_by_software_pass_straight_through(wedge_page):
    _, wedge, field, _, _ = wedge_page
    type_text(field, "Đỗ Thị Ạnh 0123456789")  # no timestamps: synthetic, never held back
    assert field.text() == "Đỗ Thị Ạnh 0123456789" and wedge.holding == 0


def test_shortcuts_and_editing_keys_are_not_held(wedge_page, qtbot):
    _, wedge, field, _, _ = wedge_page
    post_keys(field, "abc", 70_000, gap_ms=3, enter=False)
    backspace = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
    backspace.setTimestamp(70_010)
    QApplication.postEvent(field, backspace)
    qtbot.waitUntil(lambda: field.text() == "ab", timeout=1000)  # the held keys went first, then Backspace


def test_a_shortcut_in_the_middle_of_typing_keeps_its_place(wedge_page, qtbot):
    _, wedge, field, _, _ = wedge_page
    post_keys(field, "abc", 75_000, gap_ms=3, enter=False)
    select_all = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, "\x01")
    select_all.setTimestamp(75_010)
    QApplication.postEvent(field, select_all)
    post_keys(field, "x", 75_020, gap_ms=3, enter=False)
    qtbot.waitUntil(lambda: field.text() == "x", timeout=1000)  # abc typed, selected, then replaced by x


def test_widgets_outside_the_page_are_left_alone(wedge_page, qtbot):
    _, wedge, _, _, _ = wedge_page
    other = QLineEdit()
    qtbot.addWidget(other)
    scans = []
    wedge.scanned.connect(scans.append)
    post_keys(other, "0123456789", 80_000, gap_ms=2, enter=False)
    qtbot.wait(50)
    assert other.text() == "0123456789" and scans == [] and wedge.holding == 0


# -- serial scanners --------------------------------------------------------------------------------------------

@pytest.fixture
def device(tmp_path):
    made = FakeScannerDevice(tmp_path)
    yield made
    if made.master is not None:
        made.unplug()


@pytest.fixture
def serial(app, qtbot, device):
    scanner = SerialScanner()
    device.plug()
    with qtbot.waitSignal(scanner.status_changed, timeout=2000):
        scanner.set_port(str(device.link))
    assert scanner.state is SerialState.CONNECTED
    yield scanner
    scanner.close()


def test_serial_lines_in_any_ending_and_chunking(serial, device, qtbot):
    scans = []
    serial.scanned.connect(scans.append)
    payload = (CCCD + "\r\n" + CCCD_2 + "\r").encode()
    cut = payload.index("ễ".encode()) + 1  # a read boundary in the middle of a UTF-8 letter
    device.send(payload[:cut])
    qtbot.wait(30)
    device.send(payload[cut:] + b"\n\x02" + "Lò Thị Ơn 1990".encode() + b"\x03\n")
    qtbot.waitUntil(lambda: len(scans) == 3, timeout=2000)
    assert scans == [CCCD, CCCD_2, "Lò Thị Ơn 1990"]


def test_a_bhyt_code_ending_with_dollar_needs_no_line_end(serial, device, qtbot):
    with qtbot.waitSignal(serial.scanned, timeout=2000) as got:
        device.send(BHYT.encode())
    assert got.args == [BHYT]


def test_bytes_that_are_not_utf8_give_an_error_not_a_crash(serial, device, qtbot):
    scans = []
    serial.scanned.connect(scans.append)
    with qtbot.waitSignal(serial.read_failed, timeout=2000) as failed:
        device.send("Nguyễn".encode("utf-16-le") + b"\xff\xfe\r\n")
    assert "UTF-8" in failed.args[0]
    device.send(CCCD.encode() + b"\r\n")
    qtbot.waitUntil(lambda: scans == [CCCD], timeout=2000)


def test_an_unterminated_read_is_dropped_and_reported(serial, device, qtbot, monkeypatch):
    with qtbot.waitSignal(serial.read_failed, timeout=4000) as failed:
        device.send("001099012345||Nguyễn".encode())
    assert "quét lại" in failed.args[0]
    with qtbot.waitSignal(serial.scanned, timeout=2000) as got:
        device.send(CCCD.encode() + b"\r\n")
    assert got.args == [CCCD]


def test_unplugging_waits_and_reconnects_by_itself(serial, device, qtbot):
    states = []
    serial.status_changed.connect(states.append)
    device.unplug()
    qtbot.waitUntil(lambda: serial.state is SerialState.WAITING, timeout=3000)
    assert "cắm máy quét" in serial.status_text()
    qtbot.wait(serial_scanner.RETRY_MS + 200)  # a retry with nothing there stays waiting
    assert serial.state is SerialState.WAITING
    device.plug()
    qtbot.waitUntil(lambda: serial.state is SerialState.CONNECTED, timeout=serial_scanner.RETRY_MS * 2 + 1000)
    with qtbot.waitSignal(serial.scanned, timeout=2000) as got:
        device.send(CCCD.encode() + b"\r\n")
    assert got.args == [CCCD]
    assert states == ["waiting", "connected"]


def test_a_port_that_is_not_there_yet_is_waited_for(app, qtbot, device):
    scanner = SerialScanner()
    scanner.set_port(str(device.link))
    assert scanner.state is SerialState.WAITING
    device.plug()
    qtbot.waitUntil(lambda: scanner.state is SerialState.CONNECTED, timeout=serial_scanner.RETRY_MS * 2 + 1000)
    scanner.close()
    assert scanner.state is SerialState.CLOSED


def test_available_ports_are_names_with_descriptions(app):
    ports = serial_scanner.available_ports()
    assert all(isinstance(name, str) and isinstance(text, str) for name, text in ports)


# -- camera frames ----------------------------------------------------------------------------------------------

def qr_image(text: str, box: int = 5) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box, border=4)
    code.add_data(text.encode("utf-8"))
    return code.make_image().get_image().convert("L")


def frame(*texts: str) -> GrayFrame:
    """A 1280×720 webcam-like frame: the codes pasted on a grey background."""
    canvas = Image.new("L", (1280, 720), 128)
    x = 80
    for text in texts:
        code = qr_image(text)
        canvas.paste(code, (x, (720 - code.height) // 2))
        x += code.width + 60
    return to_grayscale(canvas)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def decoder(app, clock):
    made = FrameDecoder(clock=clock)
    yield made
    made.wait()


def decoded(qtbot, decoder: FrameDecoder, picture: GrayFrame) -> None:
    assert decoder.offer_frame(picture)
    qtbot.waitUntil(lambda: not decoder.busy, timeout=3000)


def test_a_frame_with_a_card_gives_its_payload(decoder, qtbot):
    with qtbot.waitSignal(decoder.scanned, timeout=3000) as got:
        decoder.offer_frame(frame(CCCD))
    assert got.args == [CCCD]


def test_frames_offered_while_a_decode_runs_are_skipped(app, qtbot, clock):
    gate = threading.Event()

    def slow_decode(picture, fallback):
        gate.wait(5)
        return decode_image(picture, fallback=fallback)

    decoder = FrameDecoder(clock=clock, decode=slow_decode)
    scans = []
    decoder.scanned.connect(scans.append)
    assert decoder.offer_frame(frame(CCCD))
    assert [decoder.offer_frame(frame(CCCD_2)) for _ in range(4)] == [False] * 4
    assert decoder.skipped == 4 and decoder.busy
    gate.set()
    qtbot.waitUntil(lambda: scans == [CCCD], timeout=3000)
    decoded(qtbot, decoder, frame(CCCD_2))
    assert scans == [CCCD, CCCD_2]
    decoder.wait()


def test_the_same_code_is_ignored_while_in_view_and_for_3_s_after(decoder, qtbot, clock):
    scans = []
    decoder.scanned.connect(scans.append)
    picture = frame(CCCD)
    decoded(qtbot, decoder, picture)
    for step in (1.0, 1.0, 2.5, 2.5):  # held in front of the camera for 7 s: one scan
        clock.now += step
        decoded(qtbot, decoder, picture)
    assert scans == [CCCD]
    clock.now += 3.1  # out of view for more than 3 s, then shown again: a new scan
    decoded(qtbot, decoder, picture)
    assert scans == [CCCD, CCCD]


def test_another_code_is_read_at_once(decoder, qtbot, clock):
    scans = []
    decoder.scanned.connect(scans.append)
    decoded(qtbot, decoder, frame(CCCD))
    clock.now += 0.2
    decoded(qtbot, decoder, frame(CCCD_2))
    assert scans == [CCCD, CCCD_2]


def test_two_codes_in_a_frame_ask_the_nurse_to_choose(decoder, qtbot, clock):
    scans, choices = [], []
    decoder.scanned.connect(scans.append)
    decoder.several_found.connect(choices.append)
    picture = frame(CCCD, CCCD_2)
    decoded(qtbot, decoder, picture)
    assert choices == [[CCCD, CCCD_2]] and scans == []
    clock.now += 1
    decoded(qtbot, decoder, picture)  # the same pair still in view while the nurse chooses: asked once
    assert choices == [[CCCD, CCCD_2]]
    decoder.forget()  # the nurse cancelled: the codes in view are read again
    decoded(qtbot, decoder, picture)
    assert len(choices) == 2 and scans == []


def test_zbar_is_tried_on_every_fourth_missed_frame(app, qtbot, clock):
    calls = []

    def spy(picture, fallback):
        calls.append(fallback)
        return decode_image(picture, fallback=fallback)

    decoder = FrameDecoder(clock=clock, decode=spy)
    empty = GrayFrame(bytes([128]) * 1280 * 720, 1280, 720)
    for _ in range(8):
        decoded(qtbot, decoder, empty)
    assert calls == [False, False, False, True] * 2
    decoder.wait()


@pytest.fixture
def no_camera(monkeypatch):
    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultVideoInput", staticmethod(lambda: QCameraDevice()))


def test_no_camera_is_said_plainly(app, qtbot, no_camera):
    widget = CameraScannerWidget()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.problem, timeout=1000) as said:
        assert widget.start() is False
    assert "Không tìm thấy camera" in said.args[0]
    assert widget.cameras() == []
    widget.stop()


def test_a_hidden_camera_stops_and_starts_again_when_shown(app, qtbot, no_camera):
    widget = CameraScannerWidget()
    qtbot.addWidget(widget)
    widget.show()
    widget.start()
    starts = []
    widget.problem.connect(starts.append)
    widget.hide()
    assert starts == []  # hiding only stops
    widget.show()
    assert starts and "Không tìm thấy camera" in starts[-1]  # shown again: it tried the camera again
    widget.stop()


def test_frames_reaching_the_preview_are_decoded(app, qtbot, no_camera):
    widget = CameraScannerWidget()
    qtbot.addWidget(widget)
    widget.show()
    picture = frame(CCCD)
    image = QImage(picture.data, 1280, 720, 1280, QImage.Format.Format_Grayscale8).convertToFormat(
        QImage.Format.Format_RGB32)
    with qtbot.waitSignal(widget.scanned, timeout=3000) as got:
        widget.video_sink().setVideoFrame(QVideoFrame(image))
    assert got.args == [CCCD]
    widget.stop()


def test_a_picture_with_padded_rows_becomes_a_frame_without_padding(app):
    canvas = Image.new("L", (1283, 720), 128)  # Qt pads each row of this width to 1284 bytes
    canvas.paste(qr_image(CCCD), (80, 200))
    image = QImage(canvas.tobytes(), 1283, 720, 1283, QImage.Format.Format_Grayscale8).copy()
    assert image.bytesPerLine() == 1284
    gray = qimage_to_gray(image.convertToFormat(QImage.Format.Format_RGB32))
    assert (gray.width, gray.height, gray.data) == (1283, 720, canvas.tobytes())
    assert decode_image(gray) == [CCCD]


# -- pictures: files and the clipboard ----------------------------------------------------------------------------

@pytest.fixture
def image_input(app):
    tasks = TaskRunner()
    yield ImageInput(tasks)
    tasks.wait()


def test_a_pasted_screenshot_is_decoded(image_input, qtbot):
    picture = frame(CCCD)
    QGuiApplication.clipboard().setImage(QImage(picture.data, 1280, 720, 1280, QImage.Format.Format_Grayscale8).copy())
    with qtbot.waitSignal(image_input.scanned, timeout=3000) as got:
        assert image_input.paste_from_clipboard()
    assert got.args == [CCCD]


def test_an_empty_clipboard_says_what_to_do(image_input, qtbot):
    QGuiApplication.clipboard().setText("không phải ảnh")
    with qtbot.waitSignal(image_input.failed, timeout=1000) as said:
        assert not image_input.paste_from_clipboard()
    assert "dán lại" in said.args[0]


def test_an_opened_file_with_two_codes_offers_a_choice(image_input, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "ảnh chụp thẻ.png"
    Image.frombytes("L", (1280, 720), frame(CCCD, CCCD_2).data).save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    with qtbot.waitSignal(image_input.several_found, timeout=3000) as got:
        assert image_input.open_file()
    assert got.args == [[CCCD, CCCD_2]]


def test_a_cancelled_file_dialog_does_nothing(image_input, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert image_input.open_file() is False


@pytest.mark.parametrize("content", ["corrupt", "no code"])
def test_a_bad_picture_says_what_to_do(image_input, qtbot, tmp_path, content):
    path = tmp_path / "ảnh.png"
    if content == "corrupt":
        path.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    else:
        Image.new("L", (640, 480), 200).save(path)
    with qtbot.waitSignal(image_input.failed, timeout=3000) as said:
        image_input.decode_file(path)
    assert ("Hãy chọn tệp ảnh khác" if content == "corrupt" else "Không thấy mã QR") in said.args[0]


def test_an_endless_fast_burst_is_held_only_up_to_a_bound_then_typed_whole_and_never_taken_for_a_scan(
        wedge_page, qtbot):
    from station_app.ui.scanning.keyboard_wedge import MAX_HELD

    _, wedge, field, _, _ = wedge_page
    field.setMaxLength(100_000)
    scans, returns = [], []
    wedge.scanned.connect(scans.append)
    field.returnPressed.connect(lambda: returns.append(1))
    text = "abcdefghij" * 300  # 3,000 characters, 6,000 events, at scanner speed, then Enter
    post_keys(field, text, 60_000, gap_ms=1)
    QApplication.processEvents()  # the whole burst, as Qt hands it on, back to back
    assert wedge.holding <= MAX_HELD
    qtbot.waitUntil(lambda: returns == [1], timeout=3000)
    assert field.text() == text and scans == [] and wedge.holding == 0
