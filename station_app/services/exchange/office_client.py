"""The station's low-level client of the office service (docs/OFFICE.md, "The office service").

Plain ``http.client``: one connection per call, a timeout on every socket operation. Over https the office's
certificate is not checked against any authority (offices have none from a public CA) but pinned: the SHA-256
of its DER bytes must equal ``tls_sha256`` from the office bundle, checked right after the handshake and before a
single byte of the request is sent. https without a pin is refused.

Every failure is a typed error saying what to do next; ``transient`` tells a sending queue whether to retry later
(network down, office busy) or to stop and show the reason (refused batch, wrong certificate, too large).
"""
from __future__ import annotations

import hashlib
import hmac
import http.client
import io
import logging
import select
import ssl
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from station_app.core.bounded_json import JsonLimits, cleaned
from station_app.core.bounded_json import loads as bounded_loads
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
API = "/api/v1"
CONTINUE_WAIT = 5.0  # seconds to wait for "100 Continue" before sending a body anyway (a server that never says)
_MAX_LINE = 65537
# the office's answers are a receipt (about 1 KB) or a refusal: whatever else comes is read up to this, no further
ANSWER_LIMITS = JsonLimits(max_bytes=1 * 2**20, max_depth=8, max_items=100_000)
REASON_CHARS, CODE_CHARS = 300, 40  # the office's reason and its code, as shown and kept


# -- errors ----------------------------------------------------------------------------------------------------

class OfficeClientError(StationError):
    """Base of the client's errors; ``transient`` errors are worth retrying later as they are."""

    transient = False


class OfficeAddressInvalidError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Địa chỉ gửi dữ liệu '{url}' không dùng được (cần dạng http://máy:cổng hoặc https://máy:cổng). "
                  "Hãy nhập lại tệp khoá của đơn vị nhận (office-bundle.json) hoặc sửa địa chỉ.")


class OfficeUnreachableError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không kết nối được với đơn vị nhận ({host}). Kiểm tra mạng (3G/Wi-Fi) rồi thử lại sau; "
                  "các lô chưa gửi vẫn được giữ trong máy.")
    transient = True


class OfficeBusyError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận đang bận hoặc gặp sự cố (mã {status}). Hãy thử lại sau ít phút; "
                  "các lô chưa gửi vẫn được giữ trong máy.")
    transient = True

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(status=status)


class OfficeCertificateError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng chỉ của máy chủ {host} không khớp với dấu vân tay trong tệp khoá của đơn vị nhận, nên "
                  "không gửi gì. Có thể đây không phải máy của đơn vị nhận. Hãy xin lại tệp khoá mới "
                  "(office-bundle.json) từ đơn vị nhận, nhập lại, rồi gửi lại.")


class OfficePinMissingError(OfficeCertificateError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Địa chỉ {host} dùng https nhưng tệp khoá của đơn vị nhận không có dấu vân tay chứng chỉ, nên "
                  "không gửi gì. Hãy xin tệp khoá (office-bundle.json) có dấu vân tay từ đơn vị nhận rồi nhập lại.")


class BatchRefusedError(OfficeClientError):
    """The office's checks refused the batch (it is in the office's quarantine); ``reason`` is the code."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận từ chối lô {file}: {reason_text}. Lô vẫn được giữ trong máy và sẽ được gửi lại "
                  "lần sau; hãy báo đơn vị nhận và cán bộ CNTT để sửa nguyên nhân.")

    def __init__(self, file: str, reason: str, reason_text: str, notice: dict | None = None) -> None:
        # what the office (or whatever answered) said: short, without controls or direction overrides
        reason, reason_text = cleaned(reason, CODE_CHARS), cleaned(reason_text, REASON_CHARS)
        self.reason = reason
        self.reason_text = reason_text
        self.notice = notice  # the office's signed notice of the refusal (receipts.verify_receipt), if it sent one
        super().__init__(file=file, reason=reason, reason_text=reason_text.rstrip(". "))


class BatchTooLargeError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Lô {file} lớn hơn mức đơn vị nhận chấp nhận qua mạng. Hãy chép lô vào USB và mang đến "
                  "đơn vị nhận, hoặc nhờ đơn vị nhận nâng giới hạn.")


class StationUnknownAtOfficeError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận chưa đăng ký trạm {code}. Hãy gửi khoá công khai của trạm "
                  "('station-app export --public-key') cho đơn vị nhận để được đăng ký.")


class OfficeAnswerError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Máy chủ {host} trả lời không như dịch vụ của đơn vị nhận (mã {status}). Hãy kiểm tra địa chỉ gửi "
                  "dữ liệu trong tệp khoá của đơn vị nhận, hoặc báo cán bộ CNTT.")


class NationalNotProvenError(OfficeClientError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đơn vị nhận ({host}) không xác minh được trạm nên chưa gửi trạng thái liên thông. Hãy kiểm tra "
                  "giờ của máy trạm (lệch quá 10 phút là không được); nếu trạm vừa đổi khoá, hãy gửi khoá công khai "
                  "mới cho đơn vị nhận.")


# -- answers ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class UploadAnswer:
    status: str             # "imported" | "duplicate"
    station: str
    sequence: int
    receipt_envelope: dict  # the signed envelope; the caller verifies it with receipts.verify_receipt
    gaps: tuple[int, ...]


@dataclass(frozen=True)
class StationStatus:
    code: str
    name: str | None
    last_sequence: int | None
    gaps: tuple[int, ...]
    batches: int


def normalise_pin(pin: str) -> str:
    """A SHA-256 pin as 64 lower-case hex digits (colons and spaces, as some tools print it, removed)."""
    return "".join(ch for ch in pin.lower() if ch not in ": ")


def certificate_pin(der: bytes) -> str:
    """The pin of a certificate: SHA-256 hex of its DER bytes."""
    return hashlib.sha256(der).hexdigest()


# -- the client ------------------------------------------------------------------------------------------------

class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An https connection that checks the certificate's pin right after the handshake, before any request."""

    def __init__(self, host: str, port: int | None, pin: str, timeout: float) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # no public CA: the pin below is the whole check
        super().__init__(host, port, timeout=timeout, context=context)
        self._pin = pin

    def connect(self) -> None:
        super().connect()
        der = self.sock.getpeercert(binary_form=True) or b""
        if not hmac.compare_digest(certificate_pin(der), self._pin):
            self.close()
            log.warning("office certificate does not match the pin")
            raise OfficeCertificateError(host=self.host)


class OfficeClient:
    """Talks to one office service: ``base_url`` (http:// or https://, from the office bundle's upload_url)."""

    def __init__(self, base_url: str, tls_sha256: str | None = None, timeout: float = 30.0) -> None:
        parts = urlsplit(base_url.strip())
        try:
            port = parts.port
        except ValueError:
            port, parts = None, parts._replace(netloc="")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise OfficeAddressInvalidError(url=base_url)
        self.base_url = base_url
        self._https = parts.scheme == "https"
        self._host, self._port = parts.hostname, port
        self._prefix = parts.path.rstrip("/")
        self._pin = normalise_pin(tls_sha256) if tls_sha256 else None
        self.timeout = timeout
        if self._https and not self._pin:
            raise OfficePinMissingError(host=self._host)

    # -- calls -------------------------------------------------------------------------------------------------

    def health(self) -> dict:
        """The office's name and version: ``{"status": "ok", "office": …, "version": …}``."""
        status, body, _ = self._call("GET", f"{API}/health")
        return self._expect_ok(status, body)

    def upload(self, file_name: str, data: bytes) -> UploadAnswer:
        """Send one batch file; the answer holds the office's signed receipt (imported now, or before)."""
        headers = {"Content-Type": "application/octet-stream", "X-Batch-Name": file_name}
        status, body, retry_after = self._call("POST", f"{API}/batches", data, headers)
        if status == 422:
            answer = self._json(status, body)
            reason, notice = str(answer.get("error") or ""), answer.get("notice")
            raise BatchRefusedError(file_name, reason, str(answer.get("message") or reason),
                                    notice if isinstance(notice, dict) else None)
        if status == 413:
            raise BatchTooLargeError(file=file_name)
        if status == 400:  # the name the station gave is not a batch file's name
            answer = self._json(status, body)
            raise BatchRefusedError(file_name, "bad_request", str(answer.get("message") or "bad_request"))
        self._raise_transient(status, retry_after)
        answer = self._expect_ok(status, body)
        try:
            return UploadAnswer(str(answer["status"]), str(answer["station"]), int(answer["sequence"]),
                                dict(answer["receipt"]), tuple(int(n) for n in answer.get("gaps") or ()))
        except (KeyError, TypeError, ValueError) as exc:
            raise OfficeAnswerError(host=self._host, status=status) from exc

    def station_status(self, code: str) -> StationStatus:
        """What the office holds for this station: its last sequence and the gaps below it."""
        status, body, retry_after = self._call("GET", f"{API}/stations/{quote(code, safe='')}")
        if status == 404:
            raise StationUnknownAtOfficeError(code=code)
        self._raise_transient(status, retry_after)
        answer = self._expect_ok(status, body)
        try:
            last = answer.get("last_sequence")
            name = None if answer.get("name") is None else cleaned(answer["name"], REASON_CHARS)
            return StationStatus(cleaned(answer["code"], CODE_CHARS), name, None if last is None else int(last),
                                 tuple(int(n) for n in answer.get("gaps") or ()), int(answer.get("batches") or 0))
        except (KeyError, TypeError, ValueError) as exc:
            raise OfficeAnswerError(host=self._host, status=status) from exc

    def national_receipt(self, code: str, proof: str) -> bytes:
        """The station's national receipt as the office sent it (the caller verifies it: ``national_receipts``);
        ``proof`` is ``national_receipts.station_proof`` for ``code``."""
        from station_app.services.exchange.national_receipts import NATIONAL_LIMITS, PROOF_HEADER

        status, body, retry_after = self._call("GET", f"{API}/stations/{quote(code, safe='')}/national-receipt",
                                               headers={PROOF_HEADER: proof}, limit=NATIONAL_LIMITS.max_bytes)
        if status == 403:
            raise NationalNotProvenError(host=self._host)
        self._raise_transient(status, retry_after)
        if status != 200:
            raise OfficeAnswerError(host=self._host, status=status)
        return body

    # -- plumbing ----------------------------------------------------------------------------------------------

    def _connection(self) -> http.client.HTTPConnection:
        if self._https:
            assert self._pin is not None
            return _PinnedHTTPSConnection(self._host, self._port, self._pin, self.timeout)
        return http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)

    def _call(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
              limit: int = ANSWER_LIMITS.max_bytes) -> tuple[int, bytes, float | None]:
        """(status, body, Retry-After seconds) of one request; network failures become OfficeUnreachableError."""
        conn = self._connection()
        headers = {"Accept": "application/json", **(headers or {})}
        try:
            conn.connect()  # the pin is checked here, before the request goes out
            if body is None:
                conn.request(method, self._prefix + path, headers=headers)
                response = conn.getresponse()
            else:
                response = _send_when_asked(conn, method, self._prefix + path, body, headers)
            body = response.read(limit + 1)  # a longer answer is not the office's: never all of it
            return response.status, body, _retry_after(response.getheader("Retry-After"))
        except OfficeCertificateError:
            raise
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timeout, DNS, TLS handshake
            log.info("office unreachable: %s", type(exc).__name__)
            raise OfficeUnreachableError(host=self._host) from exc
        finally:
            conn.close()

    def _raise_transient(self, status: int, retry_after: float | None) -> None:
        if status == 408:
            raise OfficeUnreachableError(host=self._host)
        if status == 503 or status >= 500:
            raise OfficeBusyError(status, retry_after)

    def _expect_ok(self, status: int, body: bytes) -> dict:
        self._raise_transient(status, None)
        if status != 200:
            raise OfficeAnswerError(host=self._host, status=status)
        return self._json(status, body)

    def _json(self, status: int, body: bytes) -> dict:
        try:
            answer = bounded_loads(body.decode("utf-8"), ANSWER_LIMITS)
        except (UnicodeDecodeError, ValueError) as exc:  # too large, too deep, not JSON: UntrustedJsonError too
            raise OfficeAnswerError(host=self._host, status=status) from exc
        if not isinstance(answer, dict):
            raise OfficeAnswerError(host=self._host, status=status)
        return answer


def _send_when_asked(conn: http.client.HTTPConnection, method: str, path: str, body: bytes,
                     headers: dict) -> http.client.HTTPResponse:
    """The headers first, with ``Expect: 100-continue``; the body only once the office says to go on, or after
    ``CONTINUE_WAIT`` seconds of silence. A batch the office refuses from its headers alone (too large, a station
    it does not know) is then never sent over a slow link, and its answer cannot be lost to a connection reset."""
    conn.putrequest(method, path, skip_accept_encoding=True)
    for name, value in {**headers, "Content-Length": str(len(body)), "Expect": "100-continue"}.items():
        conn.putheader(name, value)
    conn.endheaders()
    reader = conn.sock.makefile("rb")
    if select.select([conn.sock], [], [], CONTINUE_WAIT)[0]:
        line = reader.readline(_MAX_LINE)
        if line[9:12] != b"100":
            return _response(io.BufferedReader(_Replayed(line, reader)), method)  # answered without the body
        while reader.readline(_MAX_LINE) not in (b"\r\n", b"\n", b""):
            pass  # the interim answer's header lines
    try:
        conn.sock.sendall(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the office answered early and closed: its answer is read below
    return _response(reader, method)


def _response(reader: io.BufferedIOBase, method: str) -> http.client.HTTPResponse:
    response = http.client.HTTPResponse(_Readable(reader), method=method)
    response.begin()
    return response


class _Readable:
    """What ``HTTPResponse`` needs of a socket: a reader already holding what was read of the answer."""

    def __init__(self, reader: io.BufferedIOBase) -> None:
        self._reader = reader

    def makefile(self, mode: str) -> io.BufferedIOBase:
        return self._reader


class _Replayed(io.RawIOBase):
    """The status line read already, then the rest of the answer."""

    def __init__(self, first: bytes, rest: io.BufferedIOBase) -> None:
        self._first, self._rest = first, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        if self._first:
            size = min(len(buffer), len(self._first))
            buffer[:size], self._first = self._first[:size], self._first[size:]
            return size
        return self._rest.readinto(buffer)


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: the caller's own backoff decides


__all__ = ["BatchRefusedError", "BatchTooLargeError", "OfficeAddressInvalidError", "OfficeAnswerError",
           "OfficeBusyError", "OfficeCertificateError", "OfficeClient", "OfficeClientError", "OfficePinMissingError",
           "OfficeUnreachableError", "StationStatus", "StationUnknownAtOfficeError", "UploadAnswer",
           "certificate_pin", "normalise_pin"]
