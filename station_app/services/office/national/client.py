"""The office's client of the national hub: log in, push one record, say what happened.

Plain ``http.client``: https with the system's certificate authorities and host-name check (the hub has a public
certificate), http only to this machine (a stand-in) unless the settings allow it. One kept-alive connection is
reused across pushes and replaced after a failure or a long idle. The token is cached for its lifetime less a
margin and renewed when the hub says it expired.

:meth:`NationalClient.push` makes one attempt cycle and never raises for what the network or the hub does: its
:class:`PushOutcome` says whether the record was accepted, refused (needs a correction), is worth a retry later
(the caller schedules it, with the same ``msg_id``), or the account must be fixed. Logs hold a hash prefix of the
msg_id, codes and counts: never the token, the password, the body or the record.
"""
from __future__ import annotations

import hashlib
import http.client
import ipaddress
import logging
import select
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.services.office.national import protocol as p

log = logging.getLogger(__name__)

# What the office shows for an outcome the hub did not word itself (network, unreadable reply, account).
OUTCOME_TEXTS: dict[str, str] = {
    p.NETWORK: QT_TRANSLATE_NOOP("national", "Không kết nối được với cổng liên thông. Hồ sơ sẽ được gửi lại tự động; "
                                             "nếu kéo dài, hãy kiểm tra mạng và địa chỉ cổng."),
    p.REPLY_INVALID: QT_TRANSLATE_NOOP("national", "Cổng liên thông trả lời không đúng giao thức. Hồ sơ sẽ được gửi "
                                                   "lại; nếu kéo dài, hãy kiểm tra địa chỉ cổng (--url)."),
    p.REPLY_TOO_LARGE: QT_TRANSLATE_NOOP("national", "Cổng liên thông trả lời quá lớn, không đọc. Hồ sơ sẽ được gửi "
                                                     "lại; nếu kéo dài, hãy kiểm tra địa chỉ cổng (--url)."),
    "server": QT_TRANSLATE_NOOP("national", "Cổng liên thông đang bận hoặc gặp sự cố. Hồ sơ sẽ được gửi lại sau."),
    "login": QT_TRANSLATE_NOOP("national", "Cổng liên thông không cho đăng nhập bằng tài khoản này. Hãy kiểm tra tên "
                                           "đăng nhập và mật khẩu liên thông ('office national setup')."),
}


class NationalAddressError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Địa chỉ cổng liên thông '{url}' không dùng được: cần https://… (http:// chỉ với máy này hoặc "
                  "máy giả lập cổng). Hãy sửa bằng 'station-app office national setup --url'.")


@dataclass(frozen=True)
class PushOutcome:
    """kind: "accepted" | "refused" | "retry" | "account". ``res_code`` and ``res_msg`` are the hub's, cleaned;
    when the hub said nothing readable, ``res_code`` is ours in lower case (``network``, ``http_503``,
    ``reply_invalid``, ``reply_too_large``) and ``res_msg`` one of :data:`OUTCOME_TEXTS` (translation context
    "national": the UI shows it through ``tr``)."""

    kind: str
    res_code: str
    res_msg: str
    txn_id: str = ""


@dataclass(frozen=True)
class _Answer:
    status: int | None  # None: no answer (network)
    reply: p.Reply | None  # None: no readable reply
    problem: str = ""  # our code when reply is None


def _ours(kind: str, answer: _Answer) -> PushOutcome:
    """An outcome in our words, when the hub's are missing or beside the point (network, 5xx, unreadable)."""
    code = answer.problem or (f"http_{answer.status}" if answer.status else p.NETWORK)
    return PushOutcome(kind, code, OUTCOME_TEXTS.get(answer.problem, OUTCOME_TEXTS["server"]))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _dropped(conn: http.client.HTTPConnection) -> bool:
    """Whether the server closed a kept-alive connection while it was idle (readable with nothing asked: EOF)."""
    if conn.sock is None:
        return True
    try:
        return bool(select.select([conn.sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


def msg_ref(msg_id: str) -> str:
    """What the logs name a message by: 12 hex digits of its SHA-256."""
    return hashlib.sha256(msg_id.encode("utf-8")).hexdigest()[:12]


class NationalClient:
    """One facility's connection to the hub (not thread-safe: one pusher per facility)."""

    def __init__(self, settings: p.NationalSettings, *, username: str, password: str, sender_id: str,
                 sign: Callable[[bytes], bytes] | None, clock: Callable[[], float] = time.time) -> None:
        parts = urlsplit(settings.base_url)
        plain_ok = parts.scheme == "http" and (settings.allow_plain_http or _loopback(parts.hostname or ""))
        if not parts.hostname or not (parts.scheme == "https" or plain_ok):
            raise NationalAddressError(url=settings.base_url)
        self.settings = settings
        self._parts = parts
        self._username, self._password, self.sender_id = username, password, sender_id
        self._sign, self._clock = sign, clock
        self._token, self._token_until = "", 0.0
        self._conn: http.client.HTTPConnection | None = None
        self._last_used = 0.0

    # -- the public operation -----------------------------------------------------------------------------------

    def push(self, data: bytes, msg_id: str) -> PushOutcome:
        """Push one record's envelope (``protocol.data_envelope``) under ``msg_id``; one attempt cycle: a login
        if needed, the push, and on an expiry answer one new login and one resend."""
        outcome = self._push_once(data, msg_id)
        if outcome is None:  # the hub no longer knows the token: a fresh one, one more try
            self._token = ""
            outcome = self._push_once(data, msg_id) or PushOutcome(
                p.ACCOUNT, p.AUTH_PERMISSION, OUTCOME_TEXTS["login"])
        log.info("national push %s: %s %s", msg_ref(msg_id), outcome.kind, outcome.res_code)
        return outcome

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> NationalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- steps ----------------------------------------------------------------------------------------------------

    def _push_once(self, data: bytes, msg_id: str) -> PushOutcome | None:
        """The outcome, or None when the hub asks for a new login."""
        failed = self._ensure_token()
        if failed is not None:
            return failed
        text = p.encode_data(data)
        head = p.header_json(p.header(self.settings, sender_id=self.sender_id, msg_id=msg_id,
                                      send_ms=p.unix_ms(self._clock())))
        body = p.message_body(head, text, p.message_signature(self._sign, head, text))
        answer = self._post(self.settings.push_path, body, authorised=True)
        return self._outcome(answer)

    def _outcome(self, answer: _Answer) -> PushOutcome | None:
        reply = answer.reply
        kind = p.classify(answer.status, reply.res_code if reply else None)
        if kind == p.LOGIN_AGAIN:
            return None
        if reply is None or reply.res_code is None or (kind == p.RETRY and answer.status):
            return _ours(kind, answer)
        return PushOutcome(kind, reply.res_code, reply.res_msg, reply.txn_id if kind == p.ACCEPTED else "")

    def _ensure_token(self) -> PushOutcome | None:
        """None when a valid token is at hand (logging in if needed), else why not."""
        if self._token and self._clock() < self._token_until:
            return None
        self._token = ""
        answer = self._post(self.settings.login_path, p.login_body(self._username, self._password), authorised=False)
        reply = answer.reply
        if reply is not None and reply.token:
            lifetime = (reply.duration or 0) - self.settings.token_margin_seconds
            self._token = reply.token
            self._token_until = self._clock() + max(lifetime, self.settings.min_token_seconds)
            return None
        if p.classify(answer.status, reply.res_code if reply else None) == p.RETRY:
            return _ours(p.RETRY, answer)
        code = (reply.res_code if reply else None) or p.AUTH_ACCOUNT_FAIL
        return PushOutcome(p.ACCOUNT, code, (reply.res_msg if reply else "") or OUTCOME_TEXTS["login"])

    # -- HTTP -----------------------------------------------------------------------------------------------------

    def _post(self, path: str, body: bytes, *, authorised: bool) -> _Answer:
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json",
                   "service-type": self.settings.service_type}
        if authorised:
            headers["Authorization"] = f"Bearer {self._token}"
        try:
            conn = self._connection()
            conn.request("POST", self._parts.path.rstrip("/") + path, body=body, headers=headers)
            response = conn.getresponse()
            raw = self._read(response)
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, cut, timeout, TLS
            log.info("national link: %s on %s", type(exc).__name__, path)
            self.close()
            return _Answer(None, None, p.NETWORK)
        self._last_used = time.monotonic()
        if response.will_close:
            self.close()
        return self._parse(response.status, raw)

    def _read(self, response: http.client.HTTPResponse) -> bytes | None:
        """The body, or None when it is larger than a reply can be (the connection is then dropped)."""
        limit = self.settings.max_reply_bytes
        declared = response.getheader("Content-Length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
            self.close()
            return None
        raw = response.read(limit + 1)
        if len(raw) > limit:
            self.close()
            return None
        return raw

    def _parse(self, status: int, raw: bytes | None) -> _Answer:
        if raw is None:
            return _Answer(status, None, p.REPLY_TOO_LARGE)
        try:
            return _Answer(status, p.parse_reply(raw))
        except p.ReplyError as exc:
            return _Answer(status, None, exc.reason)

    def _connection(self) -> http.client.HTTPConnection:
        idle = time.monotonic() - self._last_used
        if self._conn is not None and (idle > self.settings.idle_reconnect_seconds or _dropped(self._conn)):
            self.close()  # the server has (likely) dropped it: a push must not be lost to a stale socket
        if self._conn is None:
            self._conn = self._open()
        return self._conn

    def _open(self) -> http.client.HTTPConnection:
        host, port = self._parts.hostname or "", self._parts.port
        timeout = self.settings.connect_timeout
        if self._parts.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        conn.connect()
        if conn.sock is not None:
            conn.sock.settimeout(self.settings.read_timeout)
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return conn
