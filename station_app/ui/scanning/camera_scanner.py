"""The webcam as a scanner: a live preview, and codes read from its frames off the GUI thread.

``FrameDecoder`` is the part that does not need a camera: it takes grayscale frames, decodes one at a time on a
worker (frames offered meanwhile are skipped, not queued), ignores a code while it stays in view and for
``DEDUPE_SECONDS`` after, and asks the nurse to choose when several codes are in one frame.
``CameraScannerWidget`` feeds it from a QCamera through the preview's video sink.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import (QCamera, QCameraDevice, QMediaCaptureSession, QMediaDevices, QMediaFormat,
                                  QVideoFrame, QVideoSink)
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QVBoxLayout, QWidget

from station_app.services.common.decoding import GrayFrame, decode_image
from station_app.ui.scanning import operations as ops
from station_app.ui.scanning.frames import qimage_to_gray
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, message_label, show_message

log = logging.getLogger(__name__)
DEDUPE_SECONDS = 3.0
ZBAR_EVERY = 4  # zbar is ~10× slower than zxing on an empty frame: the fallback gets every 4th missed frame
MIN_FRAME_INTERVAL_S = 0.08  # at most ~12 frames a second are converted and offered: the rest cost GUI time


class FrameDecoder(QObject):
    """Decodes offered frames one at a time in the background and reports new codes.

    Threading contract: ``offer_frame`` is called on the GUI thread with a frame (immutable bytes);
    decoding runs on the task runner's CPU pool; the signals are emitted on the GUI thread.
    Signals: ``scanned(str)`` for one new code; ``several_found(list)`` with every payload in view when a frame
    holds more than one and at least one is new (the nurse chooses; none is taken silently).
    """

    scanned = Signal(str)
    several_found = Signal(list)

    def __init__(self, parent: QObject | None = None, *, tasks: TaskRunner | None = None,
                 dedupe_seconds: float = DEDUPE_SECONDS, zbar_every: int = ZBAR_EVERY,
                 clock: Callable[[], float] = time.monotonic,
                 decode: Callable[..., list[str]] = decode_image) -> None:
        super().__init__(parent)
        # its own runner by default: the app's shared runner reports "busy" to the window, frames should not
        self._tasks = tasks or TaskRunner(self)
        self._dedupe, self._zbar_every, self._clock, self._decode = dedupe_seconds, zbar_every, clock, decode
        self._busy = False
        self._misses = 0
        self._seen: dict[str, float] = {}
        self.offered = self.skipped = 0

    @property
    def busy(self) -> bool:
        return self._busy

    def offer_frame(self, frame: GrayFrame) -> bool:
        """Start decoding ``frame`` unless a decode is running; False when the frame was skipped."""
        self.offered += 1
        if self._busy:
            self.skipped += 1
            return False
        self._busy = True
        fallback = self._misses % self._zbar_every == self._zbar_every - 1
        self._tasks.run(ops.decode_frame(self._decode, frame=frame, fallback=fallback), parent=self,
                        on_done=self._decoded, on_error=self._failed)
        return True

    def forget(self) -> None:
        """Forget the codes seen, so the one in view is read again (after the nurse cancelled a dialog)."""
        self._seen.clear()

    def wait(self, msecs: int = 5000) -> bool:
        return self._tasks.wait(msecs)

    def _decoded(self, payloads: list[str]) -> None:
        self._busy = False
        self._misses = 0 if payloads else self._misses + 1
        now = self._clock()
        new = [p for p in payloads if now - self._seen.get(p, -self._dedupe) >= self._dedupe]
        self._seen = {p: at for p, at in self._seen.items() if now - at < self._dedupe}
        self._seen.update(dict.fromkeys(payloads, now))  # still in view: the window starts again
        if not new:
            return
        if len(payloads) == 1:
            self.scanned.emit(payloads[0])
        else:
            self.several_found.emit(list(payloads))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("camera frame could not be decoded: %s", type(exc).__name__)


class CameraScannerWidget(Retranslating):
    """A live camera preview that reads QR codes; problems are shown in it and sent as ``problem(str)``.

    Signals: ``scanned(str)``, ``several_found(list)`` (from its ``decoder``), ``problem(str)`` with a sentence
    saying what to do ("" when the problem is gone). ``start()``/``stop()`` the camera; ``set_camera(id)`` picks
    one of ``cameras()``; a camera plugged in later is picked up while started.
    """

    scanned = Signal(str)
    several_found = Signal(list)
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.decoder = FrameDecoder(self, tasks=tasks)
        self.decoder.scanned.connect(self.scanned)
        self.decoder.several_found.connect(self.several_found)
        self._preview = QVideoWidget(self)
        self._preview.setMinimumSize(320, 180)
        self._message = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self._preview, 1)
        layout.addWidget(self._message)
        self._session = QMediaCaptureSession(self)
        self._session.setVideoOutput(self._preview)
        self._preview.videoSink().videoFrameChanged.connect(self._frame_arrived)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._inputs_changed)
        self._camera: QCamera | None = None
        self._device_id: bytes | None = None
        self._wanted = False
        self._resume = False  # started when hidden: start again when shown
        self._problem: tuple[str, str] | None = None  # (code, detail), rendered in the current language
        self._last_offer = 0.0
        self.retranslate()

    @staticmethod
    def backend_loaded() -> bool:
        """Whether Qt Multimedia's back-end (the FFmpeg plugin) loaded: without it nothing can be read from a camera,
        and Qt answers every question about media formats with nothing."""
        return bool(QMediaFormat().supportedVideoCodecs(QMediaFormat.ConversionMode.Decode))

    @staticmethod
    def cameras() -> list[tuple[str, str]]:
        """``(id, description)`` of each camera, the system's default first."""
        default = QMediaDevices.defaultVideoInput().id()
        devices = sorted(QMediaDevices.videoInputs(), key=lambda d: d.id() != default)
        return [(bytes(d.id().data()).decode("utf-8", "replace"), d.description()) for d in devices]

    def video_sink(self) -> QVideoSink:
        """Where frames arrive (the preview's sink); a test may put frames into it instead of a camera."""
        return self._preview.videoSink()

    def set_camera(self, device_id: str | None) -> None:
        """Use the camera with this id (from ``cameras()``), or the system default for None."""
        self._device_id = device_id.encode("utf-8") if device_id else None
        if self._wanted:
            self.start()

    def start(self) -> bool:
        """Open the chosen camera; False (and a ``problem``) when there is none or it cannot be used."""
        self._wanted = True
        self._release()
        device = self._device()
        if device is None:
            self._report("no_camera")
            return False
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(self._camera_failed)
        self._session.setCamera(self._camera)
        self._camera.start()
        if self._camera.error() != QCamera.Error.NoError:
            self._camera_failed(self._camera.error(), self._camera.errorString())
            return False
        self._report(None)
        return True

    def stop(self) -> None:
        self._wanted = False
        self._release()
        self.decoder.wait()

    def retranslate(self) -> None:
        self._show_problem()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self._resume = self._wanted
        self.stop()  # never keep the camera light on for a page nobody sees
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().showEvent(event)
        if self._resume:
            self._resume = False
            self.start()

    # -- frames ---------------------------------------------------------------------------------------------

    def _frame_arrived(self, frame: QVideoFrame) -> None:
        now = time.monotonic()
        if self.decoder.busy or now - self._last_offer < MIN_FRAME_INTERVAL_S or not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        self._last_offer = now
        self.decoder.offer_frame(qimage_to_gray(image))

    # -- the camera -----------------------------------------------------------------------------------------

    def _device(self) -> QCameraDevice | None:
        devices = QMediaDevices.videoInputs()
        if self._device_id is not None:
            chosen = [d for d in devices if bytes(d.id().data()) == self._device_id]
            if chosen:
                return chosen[0]
        default = QMediaDevices.defaultVideoInput()
        return default if not default.isNull() else (devices[0] if devices else None)

    def _release(self) -> None:
        if self._camera is not None:
            self._camera.errorOccurred.disconnect(self._camera_failed)
            self._camera.stop()
            self._session.setCamera(None)
            self._camera.deleteLater()
            self._camera = None

    def _camera_failed(self, error: QCamera.Error, detail: str) -> None:
        if error == QCamera.Error.NoError:
            return
        log.warning("camera error: %s", error.name)
        self._report("camera_error", detail)

    def _inputs_changed(self) -> None:
        if not self._wanted:
            return
        present = self._camera is not None and any(
            d.id() == self._camera.cameraDevice().id() for d in QMediaDevices.videoInputs())
        if not present:
            self.start()  # a camera came back, or the one in use went away: reports no_camera if none is left

    def _report(self, code: str | None, detail: str = "") -> None:
        self._problem = (code, detail) if code else None
        self._show_problem()

    def _show_problem(self) -> None:
        code, detail = self._problem or ("", "")
        texts = {
            "no_camera": self.tr("Không tìm thấy camera. Hãy cắm webcam vào máy tính (ứng dụng tự nhận), "
                                 "hoặc dùng máy quét mã hay mở ảnh chụp mã QR."),
            "camera_error": self.tr("Không dùng được camera ({detail}). Nếu camera đang mở trong ứng dụng khác "
                                    "(Zalo, Zoom, Camera), hãy đóng ứng dụng đó rồi bật lại camera."),
        }
        text = texts.get(code, "").format(detail=detail)
        show_message(self._message, text)
        self.problem.emit(text)
