"""A stand-in for the national hub, for tests and training (``station-app office national stand-in``).

It implements the contract of ``protocol`` as the office understands it: accounts and expiring tokens, the push
endpoint checking the ``service-type`` header and every header field, ``msg_id``'s shape and uniqueness, the
message signature against the facility's registered public key, and the record against the PL01 form definitions.
What the real hub does where the source is silent is our assumption (``protocol.FACTS``): the refusal codes, and a
resend of an accepted ``msg_id`` answered with success and the same ``txn_id``.

Accepted messages are appended to a JSON-lines state file, so a restarted stand-in still knows them. Faults can be
injected for tests: cut the connection (before or after accepting), answer 503, answer slowly, or answer any bytes.
Requests are hostile: the body is read only up to a limit and parsed with ``core.bounded_json``.
Stdlib ``ThreadingHTTPServer``: it starts in milliseconds and needs nothing the office does not have.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import secrets
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from station_app.core.bounded_json import JsonLimits
from station_app.core.bounded_json import loads as bounded_loads
from station_app.core.errors import StationError, UntrustedJsonError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01 import ALL_FORMS, FormDefinition
from station_app.core.pl01_completion import Person, needed
from station_app.core.pl01_record import LAB_DESK, LAB_GROUP, check_value
from station_app.services.common import pl01_forms
from station_app.services.office.national import protocol as p

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 2**20  # a record with its signed XML is tens of KB; a body past this is refused unread
BODY_LIMITS = JsonLimits(max_bytes=MAX_BODY_BYTES, max_depth=8, max_items=1_000)
ENVELOPE_LIMITS = JsonLimits(max_bytes=MAX_BODY_BYTES, max_depth=8, max_items=20_000)
SIGNED_FORMS = range(1, 14)  # forms 1–13 carry CKS_NGUOI_KET_LUAN and CKS_BENH_VIEN
OUR_KEYS = {"mau_bieu", "danh_dau"}  # lower case: ours beside the PL01 codes (pl01_exports.as_json)
MAX_TOKENS = 10_000  # tokens kept at once
NAMED_AT_MOST = 20  # fields named in one refusal message

# res_msg of the stand-in's answers (the hub's own words are not known: ours, in Vietnamese)
MESSAGES = {
    p.SYNC_SUCCESS: "Đã tiếp nhận hồ sơ",
    p.LOGIN_SUCCESS: "Đăng nhập thành công",
    p.AUTH_ACCOUNT_FAIL: "Sai tài khoản hoặc mật khẩu",
    p.AUTH_EXPIRED: "Phiên đăng nhập đã hết hạn",
    p.AUTH_PERMISSION: "Không có quyền (token không hợp lệ)",
    p.HEADER_INVALID: "Thông tin header không hợp lệ: {fields}",
    p.SIGNATURE_INVALID: "Chữ ký số của thông điệp không hợp lệ: {fields}",
    p.DATA_INVALID: "Hồ sơ không hợp lệ: {fields}",
    p.DUPLICATE_MSG_ID: "msg_id đã được dùng cho một hồ sơ khác",
}


@dataclass(frozen=True)
class HubAccount:
    username: str
    password: str
    sender_id: str


@dataclass(frozen=True)
class AcceptedRecord:
    """One accepted message: what the stand-in keeps (the record itself only in memory, for this run)."""

    msg_id: str
    txn_id: str
    sender_id: str
    form: int
    data_sha256: str
    accepted_at: float
    hoso: dict | None = None


@dataclass
class _Faults:
    cut: int = 0
    cut_after_accepting: bool = True
    unavailable: int = 0
    slow: int = 0
    slow_seconds: float = 0.0
    raw: list[tuple[int, bytes]] = field(default_factory=list)


class Refusal(Exception):
    """A push refused with ``code``; ``fields`` names what is wrong."""

    def __init__(self, code: str, fields: Iterable[str] = (), status: int = 200) -> None:
        self.code, self.fields, self.status = code, tuple(fields), status
        super().__init__(code)

    def res_msg(self) -> str:
        named = ", ".join(self.fields[:NAMED_AT_MOST]) + (" …" if len(self.fields) > NAMED_AT_MOST else "")
        return MESSAGES.get(self.code, self.code).format(fields=named or "-")


class StandInHub:
    """The stand-in; ``start()`` serves on ``host:port`` (port 0: any free one) in a background thread."""

    def __init__(self, state_path: Path, *, accounts: Iterable[HubAccount] = (),
                 facility_keys: Mapping[str, bytes] | None = None, token_seconds: int = 6000,
                 host: str = "127.0.0.1", port: int = 0, settings: p.NationalSettings = p.NationalSettings(),
                 clock: Callable[[], float] = time.time) -> None:
        self.settings, self._clock, self.token_seconds = settings, clock, token_seconds
        self._address = (host, port)
        self._accounts = {a.username: a for a in accounts}
        self._keys = {s: p.public_key_pem(pem) for s, pem in (facility_keys or {}).items()}
        self._tokens: dict[str, tuple[str, float]] = {}  # token -> (sender_id, expires at)
        self._lock = threading.Lock()
        self._faults = _Faults()
        self._counts: Counter[str] = Counter()
        self.state_path = state_path
        self._accepted: dict[str, AcceptedRecord] = self._load(state_path)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._open: set[socket.socket] = set()  # kept-alive connections, closed by stop() as a real restart does

    # -- set-up ---------------------------------------------------------------------------------------------------

    def add_account(self, account: HubAccount) -> None:
        with self._lock:
            self._accounts[account.username] = account

    def register_key(self, sender_id: str, pem: bytes) -> None:
        """The facility's public key (PEM), against which its messages' signatures are checked."""
        key = p.public_key_pem(pem)
        with self._lock:
            self._keys[sender_id] = key

    def bind(self) -> str:
        """Open the listening socket (``OSError`` if the port is taken); returns the base URL."""
        if self._server is None:
            self._server = ThreadingHTTPServer(self._address, _handler_for(self))
            self._server.daemon_threads = True
            # closing must not wait for a client's idle kept-alive connection (its handler thread ends with it)
            self._server.block_on_close = False
        return self.url

    def start(self) -> str:
        """Serve in a background thread; returns the base URL to give the client."""
        self.bind()
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="stand-in-hub",
                                        daemon=True)
        self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        """Serve in this thread until Ctrl+C (the command line)."""
        self.bind()
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        assert self._server is not None, "not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        """Stop serving and drop every open connection (a stopped hub answers nothing more)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        self._server, self._thread = None, None
        with self._lock:
            still_open, self._open = list(self._open), set()
        for sock in still_open:
            _shut(sock)

    def __enter__(self) -> StandInHub:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- fault injection (tests, training) ------------------------------------------------------------------------

    def cut_next(self, pushes: int, *, after_accepting: bool = True) -> None:
        """Drop the connection without an answer on the next ``pushes`` pushes: after the record was accepted
        (the answer lost on the way back) or before looking at it."""
        with self._lock:
            self._faults.cut, self._faults.cut_after_accepting = pushes, after_accepting

    def unavailable_next(self, pushes: int) -> None:
        """Answer HTTP 503 to the next ``pushes`` pushes."""
        with self._lock:
            self._faults.unavailable = pushes

    def slow_next(self, pushes: int, seconds: float) -> None:
        """Wait ``seconds`` before answering the next ``pushes`` pushes."""
        with self._lock:
            self._faults.slow, self._faults.slow_seconds = pushes, seconds

    def answer_next(self, body: bytes, status: int = 200) -> None:
        """Answer the next push with these bytes, whatever they are (a hostile or broken hub)."""
        with self._lock:
            self._faults.raw.append((status, body))

    def _next_faults(self) -> tuple[tuple[int, bytes] | None, bool, bool, float]:
        """The faults planned for this push (a raw answer, 503, a cut, a delay), each used up once."""
        with self._lock:
            f = self._faults
            planned = (f.raw.pop(0) if f.raw else None, f.unavailable > 0, f.cut > 0,
                       f.slow_seconds if f.slow > 0 else 0.0)
            f.unavailable, f.cut, f.slow = max(f.unavailable - 1, 0), max(f.cut - 1, 0), max(f.slow - 1, 0)
        return planned

    def expire_tokens(self) -> None:
        """Every token given so far expires now (as after the token's lifetime)."""
        with self._lock:
            self._tokens = {t: (s, 0.0) for t, (s, _) in self._tokens.items()}

    # -- what it accepted -----------------------------------------------------------------------------------------

    def accepted(self) -> list[AcceptedRecord]:
        """Every accepted message, in the order accepted (those of earlier runs without their record)."""
        with self._lock:
            return list(self._accepted.values())

    def counts(self) -> dict[str, int]:
        """This run's answers by res_code, plus ``records``: the messages accepted in all (every run)."""
        with self._lock:
            return {**self._counts, "records": len(self._accepted)}

    # -- state ----------------------------------------------------------------------------------------------------

    @staticmethod
    def _load(path: Path) -> dict[str, AcceptedRecord]:
        found: dict[str, AcceptedRecord] = {}
        if not path.exists():
            return found
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
                found[row["msg_id"]] = AcceptedRecord(**row)
            except (ValueError, TypeError, KeyError):
                continue  # a line cut short by a crash: that message was never answered as accepted
        return found

    def _keep(self, record: AcceptedRecord) -> None:
        """Write before answering: once the client hears "accepted", a restart still knows it."""
        row = {k: v for k, v in record.__dict__.items() if k != "hoso"}
        with self.state_path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")

    # -- the two endpoints (called by the handler) ----------------------------------------------------------------

    def login(self, raw: bytes) -> tuple[int, dict]:
        try:
            asked = bounded_loads(raw, BODY_LIMITS)
        except UntrustedJsonError:
            return 400, _answer(p.AUTH_ACCOUNT_FAIL)
        user = asked.get("username") if isinstance(asked, dict) else None
        account = self._accounts.get(user) if isinstance(user, str) else None
        given = asked.get("password") if isinstance(asked, dict) else None
        if account is None or not isinstance(given, str) or not hmac.compare_digest(
                given.encode("utf-8"), account.password.encode("utf-8")):
            self._count(p.AUTH_ACCOUNT_FAIL)
            return 401, _answer(p.AUTH_ACCOUNT_FAIL)
        token, now = secrets.token_urlsafe(32), self._clock()
        with self._lock:
            if len(self._tokens) >= MAX_TOKENS:  # logins in a loop: the expired go, then the oldest
                kept = [(t, v) for t, v in self._tokens.items() if v[1] > now][-(MAX_TOKENS // 2):]
                self._tokens = dict(kept)
            self._tokens[token] = (account.sender_id, now + self.token_seconds)
        self._count(p.LOGIN_SUCCESS)
        return 200, _answer(p.LOGIN_SUCCESS, data={"token": token, "duration": self.token_seconds})

    def push(self, authorization: str | None, service_type: str | None, raw: bytes) -> tuple[int, dict]:
        try:
            record = self._check_push(authorization, service_type, raw)
        except Refusal as refusal:
            self._count(refusal.code)
            return refusal.status, _answer(refusal.code, refusal.res_msg())
        self._count(p.SYNC_SUCCESS)
        return 200, _answer(p.SYNC_SUCCESS, txn_id=record.txn_id, data={"data_state": "RECEIVED"})

    def _count(self, code: str) -> None:
        log.debug("stand-in hub answered %s", code)
        with self._lock:
            self._counts[code] += 1

    def _check_push(self, authorization: str | None, service_type: str | None, raw: bytes) -> AcceptedRecord:
        sender_id = self._authorised(authorization)
        if service_type != self.settings.service_type:
            raise Refusal(p.HEADER_INVALID, ["service-type"])
        body = _body(raw)
        head, data = body["header"], body["data"]
        self._check_header(head, sender_id)
        self._check_signature(sender_id, head, data, body.get("signature"))
        digest = hashlib.sha256(data.strip().encode("ascii", "replace")).hexdigest()
        with self._lock:
            earlier = self._accepted.get(head["msg_id"])
        if earlier is not None:
            if earlier.data_sha256 != digest:
                raise Refusal(p.DUPLICATE_MSG_ID, ["msg_id"])
            return earlier  # the same message again (its answer was lost): the same txn_id, counted once
        form, hoso = _check_record(data, sender_id)
        return self._accept(head["msg_id"], sender_id, form, hoso, digest)

    def _accept(self, msg_id: str, sender_id: str, form: int, hoso: dict, digest: str) -> AcceptedRecord:
        with self._lock:
            earlier = self._accepted.get(msg_id)
            if earlier is not None:  # the same message on two connections at once
                return earlier
            record = AcceptedRecord(msg_id, uuid.uuid4().hex.upper(), sender_id, form, digest, self._clock(), hoso)
            self._keep(record)
            self._accepted[msg_id] = record
        return record

    def _authorised(self, authorization: str | None) -> str:
        scheme, _, token = (authorization or "").partition(" ")
        with self._lock:
            known = self._tokens.get(token) if scheme == "Bearer" else None
        if known is None:
            raise Refusal(p.AUTH_PERMISSION, status=401)
        sender_id, until = known
        if self._clock() >= until:
            raise Refusal(p.AUTH_EXPIRED)
        return sender_id

    def _check_header(self, head: dict, sender_id: str) -> None:
        s = self.settings
        expected = {"version": s.version, "sender_id": sender_id, "receiver_id": s.receiver_id,
                    "txn_type": s.txn_type, "msg_type": s.msg_type, "data_type": s.data_type}
        wrong = [name for name, value in expected.items() if head.get(name) != value]
        when = head.get("send_datetime")
        if isinstance(when, bool) or not isinstance(when, (int, str)) or not p.SEND_DATETIME.fullmatch(str(when)):
            wrong.append("send_datetime")
        if not p.msg_id_fits(head.get("msg_id"), sender_id):
            wrong.append("msg_id")
        if wrong:
            raise Refusal(p.HEADER_INVALID, wrong)

    def _check_signature(self, sender_id: str, head: dict, data: str, signature: object) -> None:
        with self._lock:
            key = self._keys.get(sender_id)
        if key is None:
            raise Refusal(p.SIGNATURE_INVALID, ["chưa đăng ký khoá công khai"])
        if not p.signature_valid(key, signature, p.header_json(head), data, self.settings):
            raise Refusal(p.SIGNATURE_INVALID, ["signature"])


def _answer(code: str, res_msg: str | None = None, *, txn_id: str = "", data: dict | None = None) -> dict:
    head = {"res_code": code, "res_msg": MESSAGES.get(code, code).format(fields="-") if res_msg is None else res_msg}
    if txn_id:
        head["txn_id"] = txn_id
    return {"header": head, "data": data or {}}


def _body(raw: bytes) -> dict:
    """``{header: {...}, data: "base64", signature: "..."}`` or a refusal."""
    try:
        body = bounded_loads(raw, BODY_LIMITS)
    except UntrustedJsonError as exc:
        raise Refusal(p.HEADER_INVALID, ["body"], status=400) from exc
    if not isinstance(body, dict) or not isinstance(body.get("header"), dict) or \
            not isinstance(body.get("data"), str):
        raise Refusal(p.HEADER_INVALID, ["body"], status=400)
    return body


# -- the record ---------------------------------------------------------------------------------------------------

def _check_record(data: str, sender_id: str) -> tuple[int, dict]:
    """The form number and HOSO of a well-formed envelope whose record passes the form's rules, else a refusal."""
    try:
        envelope = bounded_loads(base64.b64decode(data.strip(), validate=True), ENVELOPE_LIMITS)
    except (binascii.Error, ValueError) as exc:
        raise Refusal(p.DATA_INVALID, ["data"]) from exc
    item = _the_one_record(envelope, sender_id)
    form = item["MAU_BIEU"]
    problems = hoso_problems(pl01_forms.form(form), item["HOSO"])
    if not _file_present(item.get("FILEHOSO")):
        problems.append("FILEHOSO")
    if problems:
        raise Refusal(p.DATA_INVALID, problems)
    return form, item["HOSO"]


def _the_one_record(envelope: object, sender_id: str) -> dict:
    inner = envelope.get("khamsuckhoe") if isinstance(envelope, dict) else None
    unit = inner.get("thongtindonvi") if isinstance(inner, dict) else None
    if not isinstance(inner, dict) or not isinstance(unit, dict) or unit.get("macskcb") != sender_id:
        raise Refusal(p.DATA_INVALID, ["thongtindonvi.macskcb"])
    records = inner.get("DSHOSO")
    if inner.get("SOLUONGHOSO") != 1 or not isinstance(records, list) or len(records) != 1:
        raise Refusal(p.DATA_INVALID, ["SOLUONGHOSO", "DSHOSO"])
    item = records[0]
    form = item.get("MAU_BIEU") if isinstance(item, dict) else None
    if isinstance(form, bool) or form not in ALL_FORMS or not isinstance(item.get("HOSO"), dict):
        raise Refusal(p.DATA_INVALID, ["MAU_BIEU", "HOSO"])
    return item


def _file_present(text: object) -> bool:
    try:
        return isinstance(text, str) and bool(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        return False


def hoso_problems(form: FormDefinition, hoso: Mapping[str, object]) -> list[str]:
    """The PL01 codes of ``hoso`` that break the form's rules, each with its kind (``CAN_NANG (out_of_limits)``):
    unknown codes, needed fields missing (not marked in ``danh_dau``), values outside the field's rules, and for
    forms 1–13 an empty CKS_NGUOI_KET_LUAN or CKS_BENH_VIEN."""
    codes = set(form.codes)
    marks = hoso.get("danh_dau") if isinstance(hoso.get("danh_dau"), dict) else {}
    problems = [f"{k} (unknown)" for k in hoso if k not in codes and k not in OUR_KEYS and k != LAB_GROUP]
    person = Person(_plain(hoso.get("GIOI_TINH")), _int(hoso.get("TUOI")))
    for f in {f.code: f for f in form.fields}.values():
        if f.code == "CKS_NGUOI_KHAM" or f.desk == LAB_DESK:  # the examiners' signatures; the rows, below
            continue
        if isinstance(hoso.get(f.code), (dict, list)):
            problems.append(f"{f.code} (bad_format)")
            continue
        value = _plain(hoso.get(f.code))
        if value is None:
            if needed(f, person) and f.code not in marks:
                problems.append(f"{f.code} (missing)")
            continue
        problems.extend(f"{x.code} ({x.kind})" for x in check_value(f, value))
    problems.extend(_lab_problems(form, hoso.get(LAB_GROUP)))
    if form.number in SIGNED_FORMS:
        problems.extend(f"{c} (missing)" for c in ("CKS_NGUOI_KET_LUAN", "CKS_BENH_VIEN") if not _plain(hoso.get(c)))
    return list(dict.fromkeys(problems))


def _lab_problems(form: FormDefinition, rows: object) -> list[str]:
    if rows is None:
        return []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        return [f"{LAB_GROUP} (bad_format)"]
    fields = {f.code: f for f in form.fields if f.desk == LAB_DESK}
    found: list[str] = []
    for row in rows:
        for code, value in row.items():
            text = _plain(value)
            if isinstance(value, (dict, list)):
                found.append(f"{LAB_GROUP}.{code} (bad_format)")
            elif code not in fields:
                found.append(f"{LAB_GROUP}.{code} (unknown)")
            elif text is not None:
                found.extend(f"{LAB_GROUP}.{x.code} ({x.kind})" for x in check_value(fields[code], text))
    return found


def _plain(value: object) -> str | None:
    """A value as text (None, blank or not a value at all: none)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return (value.strip() or None) if isinstance(value, str) else None


def _int(value: object) -> int | None:
    text = _plain(value)
    return int(text) if text is not None and text.isdigit() and len(text) < 4 else None


# -- HTTP ---------------------------------------------------------------------------------------------------------

def _handler_for(hub: StandInHub) -> type[BaseHTTPRequestHandler]:
    class Handler(_HubHandler):
        pass

    Handler.hub = hub
    return Handler


class _HubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the hub's clients expect
    hub: StandInHub
    timeout = 30  # an idle kept-alive connection is closed after this

    def setup(self) -> None:
        super().setup()
        # the headers and the body go out in two writes: without this, Nagle and delayed ACKs add 40 ms a reply
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.hub._lock:
            self.hub._open.add(self.connection)

    def finish(self) -> None:
        with self.hub._lock:
            self.hub._open.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass  # the connection was cut (a fault, or stop())

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            pass  # the client went away, or the connection was cut on purpose

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass  # the default writes every request to stderr; our log says what matters

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        raw = self._body()
        if raw is None:
            return
        path = self.path.split("?", 1)[0]
        settings = self.hub.settings
        if path.endswith(settings.login_path):
            self._send(*self.hub.login(raw))
        elif path.endswith(settings.push_path):
            self._push(raw)
        else:
            self._send(404, {"header": {"res_code": "NOT_FOUND", "res_msg": "Không có địa chỉ này"}})

    def _push(self, raw: bytes) -> None:
        hub = self.hub
        raw_answer, unavailable, cut, delay = hub._next_faults()
        if delay:
            time.sleep(delay)
        if raw_answer is not None:
            return self._send_bytes(raw_answer[0], raw_answer[1])
        if unavailable:
            return self._send(503, {"header": {"res_code": "SERVICE_UNAVAILABLE", "res_msg": "Hệ thống bận"}})
        if cut and not hub._faults.cut_after_accepting:
            return self._cut()
        answer = hub.push(self.headers.get("Authorization"), self.headers.get("service-type"), raw)
        return self._cut() if cut else self._send(*answer)

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length", "")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            self.close_connection = True  # the unread body would be taken for the next request
            self._send(413 if length.isdigit() else 411, {"header": {"res_code": p.HEADER_INVALID,
                                                                    "res_msg": "Nội dung quá lớn hoặc thiếu độ dài"}})
            return None
        return self.rfile.read(int(length))

    def _cut(self) -> None:
        self.close_connection = True
        _shut(self.connection)

    def _send(self, status: int, answer: dict) -> None:
        self._send_bytes(status, json.dumps(answer, ensure_ascii=False).encode("utf-8"))

    def _send_bytes(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the other side


# -- the command line ---------------------------------------------------------------------------------------------

class StandInAccountError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "--account '{user}:…' không đúng dạng TÊN:MẬT_KHẨU:MÃ_13_CHỮ_SỐ. Hãy viết "
                                           "lại, ví dụ --account tapHuan:matkhau:0123456789012.")


class StandInKeyError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "--facility-key '{text}': cần MÃ_13_CHỮ_SỐ=TỆP.pem với tệp khoá công khai "
                                           "RSA (PEM) của cơ sở. Hãy xuất khoá công khai ra tệp PEM rồi thử lại.")


def parse_account(text: str) -> HubAccount:
    """``USER:PASS:SENDER_ID`` (the password may hold ':', the user name not)."""
    user, _, rest = text.partition(":")
    password, _, sender_id = rest.rpartition(":")
    if not user or not password or not p.SENDER_ID.fullmatch(sender_id):
        raise StandInAccountError(user=user)
    return HubAccount(user, password, sender_id)


def read_facility_key(text: str) -> tuple[str, bytes]:
    """``SENDER_ID=PEMFILE``: the facility's code and its public key's PEM (checked)."""
    sender_id, _, path = text.partition("=")
    try:
        pem = Path(path).read_bytes() if p.SENDER_ID.fullmatch(sender_id) and path else b""
        p.public_key_pem(pem)
    except (OSError, ValueError) as exc:
        raise StandInKeyError(text=text) from exc
    return sender_id, pem
