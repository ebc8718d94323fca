"""Scanners on a serial port (USB "COM port" mode): lines of UTF-8, and the port coming and going.

A scan ends with CR, LF or CRLF; a health-insurance (BHYT) code ends with ``$`` and some scanners send nothing
after it, so a ``$``-ended read followed by ``IDLE_MS`` of silence is a scan too. When the scanner is unplugged
the port fails with a resource error: the scanner closes it and tries to open it again every ``RETRY_MS`` until
it is back, so the nurse never restarts the app. Payloads are never logged.
"""
from __future__ import annotations

import logging
import re
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort, QSerialPortInfo

log = logging.getLogger(__name__)
RETRY_MS = 1500
IDLE_MS = 100  # a scanner sends a whole code in one go; this much silence after a "$" ends it
STALE_MS = 1500  # an unterminated read older than this is dropped, so it cannot prefix the next scan
_LINE_END = re.compile(rb"\r\n|\r|\n")
_FRAMING = " \t\x00\x02\x03"  # spaces and the STX/ETX bytes some scanners wrap a code in


class SerialState(StrEnum):
    CLOSED = "closed"  # no port chosen
    CONNECTED = "connected"
    WAITING = "waiting"  # the port is not there (yet, or any more): retrying
    ERROR = "error"  # the port is there but cannot be used (busy, no permission): retrying


def available_ports() -> list[tuple[str, str]]:
    """``(name, description)`` of each serial port the system knows, e.g. ``("COM3", "USB Serial Device")``."""
    return [(info.portName(), info.description()) for info in QSerialPortInfo.availablePorts()]


class SerialScanner(QObject):
    """Reads a scanner on a serial port. Lives on the GUI thread; QSerialPort reads without blocking.

    Signals: ``scanned(str)`` for each code; ``status_changed(str)`` with a ``SerialState`` value;
    ``read_failed(str)`` with a Vietnamese sentence when what came is not usable text.
    """

    scanned = Signal(str)
    status_changed = Signal(str)
    read_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._read)
        self._port.errorOccurred.connect(self._failed)
        self._name: str | None = None
        self._baud = 9600
        self._state = SerialState.CLOSED
        self._pending = b""
        self._retry = self._timer(RETRY_MS, self._open, single=False)
        self._idle = self._timer(IDLE_MS, self._idle_gap)
        self._stale = self._timer(STALE_MS, self._drop_stale)

    @property
    def state(self) -> SerialState:
        return self._state

    @property
    def port_name(self) -> str | None:
        return self._name

    def set_port(self, name: str | None, baud: int = 9600) -> None:
        """Use port ``name`` (``COM3``, ``ttyUSB0`` or a full device path); ``None`` stops listening."""
        self.close()
        self._name, self._baud = name, baud
        if name:
            self._open()

    def close(self) -> None:
        self._retry.stop()
        if self._port.isOpen():
            self._port.close()
        self._pending = b""
        self._set_state(SerialState.CLOSED)

    def status_text(self) -> str:
        """The state as a sentence for the status line, in the interface language."""
        texts = {
            SerialState.CLOSED: self.tr("Chưa chọn cổng máy quét."),
            SerialState.CONNECTED: self.tr("Máy quét đã kết nối, sẵn sàng quét."),
            SerialState.WAITING: self.tr("Đang chờ máy quét: hãy cắm máy quét vào máy tính (ứng dụng tự kết nối lại)."),
            SerialState.ERROR: self.tr("Không mở được cổng máy quét: cổng đang bị chương trình khác dùng hoặc không "
                                       "có quyền. Hãy đóng chương trình đó; ứng dụng sẽ tự thử lại."),
        }
        return texts[self._state]

    # -- the port -------------------------------------------------------------------------------------------

    def _open(self) -> None:
        if self._name is None or self._port.isOpen():
            return
        self._port.setPortName(self._name)
        if self._port.open(QSerialPort.OpenModeFlag.ReadOnly):
            self._configure()
            self._retry.stop()
            self._set_state(SerialState.CONNECTED)
            return
        missing = self._port.error() == QSerialPort.SerialPortError.DeviceNotFoundError
        self._port.clearError()
        self._set_state(SerialState.WAITING if missing else SerialState.ERROR)
        if not self._retry.isActive():
            self._retry.start()

    def _configure(self) -> None:
        self._port.setBaudRate(self._baud)
        self._port.setDataBits(QSerialPort.DataBits.Data8)
        self._port.setParity(QSerialPort.Parity.NoParity)
        self._port.setStopBits(QSerialPort.StopBits.OneStop)
        self._port.setFlowControl(QSerialPort.FlowControl.NoFlowControl)

    def _failed(self, error: QSerialPort.SerialPortError) -> None:
        if error == QSerialPort.SerialPortError.NoError or not self._port.isOpen():
            return  # failures to open are handled where open() is called
        if error != QSerialPort.SerialPortError.ResourceError:
            log.warning("serial scanner: port error %s", error.name)
            return
        log.info("serial scanner: the device went away; retrying every %d ms", RETRY_MS)
        self._port.close()
        self._pending = b""
        self._set_state(SerialState.WAITING)
        self._retry.start()

    # -- the bytes ------------------------------------------------------------------------------------------

    def _read(self) -> None:
        *lines, self._pending = _LINE_END.split(self._pending + bytes(self._port.readAll().data()))
        for line in lines:
            self._emit(line)
        if self._pending:
            self._idle.start()
            self._stale.start()
        else:
            self._stale.stop()

    def _idle_gap(self) -> None:
        if self._pending.rstrip(_FRAMING.encode()).endswith(b"$"):
            line, self._pending = self._pending, b""
            self._stale.stop()
            self._emit(line)

    def _drop_stale(self) -> None:
        if self._pending:
            self._pending = b""
            self.read_failed.emit(self.tr("Mã vừa quét bị thiếu phần cuối. Hãy quét lại; nếu vẫn lỗi, hãy đặt máy "
                                          "quét gửi phím Enter (CR) sau mỗi mã."))

    def _emit(self, line: bytes) -> None:
        try:
            text = line.decode("utf-8").strip(_FRAMING)
        except UnicodeDecodeError:
            self.read_failed.emit(self.tr("Mã vừa quét không đọc được (không phải chữ UTF-8). Hãy đặt máy quét "
                                          "ở chế độ UTF-8 rồi quét lại."))
            return
        if text:
            self.scanned.emit(text)

    # -- helpers --------------------------------------------------------------------------------------------

    def _set_state(self, state: SerialState) -> None:
        if state != self._state:
            self._state = state
            self.status_changed.emit(state.value)

    def _timer(self, msecs: int, slot, *, single: bool = True) -> QTimer:  # noqa: ANN001
        timer = QTimer(self)
        timer.setInterval(msecs)
        timer.setSingleShot(single)
        timer.timeout.connect(slot)
        return timer
