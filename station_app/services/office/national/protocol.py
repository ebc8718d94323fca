"""The push protocol of the national check-up database (QĐ 1551, appendix PL02), in one module.

Everything the office knows about the hub lives here: the addresses, the header fields, how ``msg_id`` is made,
how the message is signed, the shape of the replies and what each answer means. Only one public source describes
the protocol (a C# client of the *hisnguonmo* HIS, see docs/NATIONAL.md): no fact is confirmed by a second
source or by the official PL02 text, and several are our assumptions. :data:`FACTS` lists each with its standing,
and :class:`NationalSettings` holds every detail that may turn out different (the Ministry hub's address and
``receiver_id``, the signature padding, timeouts), so a corrected fact is a setting or a change in this file.

Pure apart from ``cryptography`` for the RSA signatures: no I/O. Replies are hostile bytes: read with a size cap,
parsed with ``core.bounded_json``; a wrong shape is a :class:`ReplyError`, never a crash.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import uuid as uuid_module
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from station_app.core.bounded_json import JsonLimits, cleaned
from station_app.core.bounded_json import loads as bounded_loads
from station_app.core.errors import UntrustedJsonError

# -- what is known, and how well -------------------------------------------------------------------------------

SOURCE = "C# client KskHccPusher (hisnguonmo, 2026), single public source"
ASSUMED = "assumed (ours)"


@dataclass(frozen=True)
class Fact:
    subject: str
    value: str
    standing: str  # SOURCE (seen in the single public client, nowhere else) or ASSUMED


# Nothing is confirmed by a second source or the official PL02: CONFIRMED stays empty until one is read.
CONFIRMED: tuple[Fact, ...] = ()
FACTS: tuple[Fact, ...] = (
    Fact("login", "POST {base}/api/auth/login, JSON {username, password}; reply data.token, data.duration (s)", SOURCE),
    Fact("push", "POST {base}/api/platform/data-sync/push, JSON {header, data, signature}", SOURCE),
    Fact("headers", "Authorization: Bearer <token>; service-type: 100", SOURCE),
    Fact("default base", "https://ermhub.healthcarecenter.asia (HCC gateway)", SOURCE),
    Fact("header fields", "version 1.0.6, sender_id (13 digits), receiver_id, txn_type sync_checkup, msg_type 101, "
         "data_type json/base64, send_datetime (Unix ms, UTC), msg_id", SOURCE),
    Fact("msg_id", "sender_id + yyMMdd + UUID v4 without hyphens; never repeats", SOURCE),
    Fact("signature", "base64(RSA-SHA256(HEX(SHA256(header JSON as sent)) + '.' + HEX(SHA256(trimmed data))))",
         SOURCE),
    Fact("success", "header.res_code ends with SUCCESS; header.res_msg, header.txn_id, data.data_state", SOURCE),
    Fact("re-login", "CM_AUTH_PERMISSION, CM_AUTH_EXPIRED or HTTP 401: log in again, retry once", SOURCE),
    Fact("account", "CM_AUTH_ACCOUNT_FAIL: wrong account, no retry", SOURCE),
    Fact("token lifetime", "duration (6000 s in the cited guide), cached for duration - 60 s, at least 60 s", SOURCE),
    Fact("receiver_id of the Ministry hub", "HCC, as for the HCC gateway (the Ministry's value is not published)",
         ASSUMED),
    Fact("Ministry hub address", "not published: set with --url (the sandbox first)", ASSUMED),
    Fact("signature padding", "PKCS#1 v1.5 (PSS is a setting)", ASSUMED),
    Fact("signature text", "hex digits upper case, ASCII; the header hashed exactly as sent, compact JSON", ASSUMED),
    Fact("JSON names", "snake_case as listed (the serializer attributes were not seen)", ASSUMED),
    Fact("send_datetime", "a JSON number", ASSUMED),
    Fact("msg_id date", "the date in Vietnam (UTC+7) when msg_id is made", ASSUMED),
    Fact("data", "base64 of UTF-8 JSON {khamsuckhoe: {thongtindonvi: {macskcb}, SOLUONGHOSO: 1, DSHOSO: [{MAU_BIEU, "
         "HOSO, FILEHOSO}]}}: HOSO the PL01 codes, FILEHOSO base64 of the signed PL01 XML", ASSUMED),
    Fact("resend", "a resend of an accepted msg_id answers success again with the same txn_id", ASSUMED),
    Fact("refusal codes", "PS_HEADER_INVALID, PS_SIGNATURE_INVALID, PS_DATA_INVALID, PS_DUPLICATE_MSG_ID", ASSUMED),
    Fact("HTTP status", "200 for every answer with a res_code except 401 for a missing or unknown token", ASSUMED),
)

# -- settings ---------------------------------------------------------------------------------------------------

HCC_BASE_URL = "https://ermhub.healthcarecenter.asia"  # the client's default (HCC, spelled "ermhub")
PADDINGS = ("pkcs1v15", "pss")


@dataclass(frozen=True)
class NationalSettings:
    """Every protocol detail that may be corrected; the defaults are the documented ones (see :data:`FACTS`)."""

    base_url: str = HCC_BASE_URL
    login_path: str = "/api/auth/login"
    push_path: str = "/api/platform/data-sync/push"
    receiver_id: str = "HCC"  # ASSUMED for the Ministry hub
    version: str = "1.0.6"
    txn_type: str = "sync_checkup"
    msg_type: str = "101"
    data_type: str = "json/base64"
    service_type: str = "100"  # the ``service-type`` HTTP header
    signature_padding: str = "pkcs1v15"  # or "pss" (ASSUMED: not stated by the source)
    connect_timeout: float = 15.0
    read_timeout: float = 60.0
    max_reply_bytes: int = 256 * 1024  # a reply is a few hundred bytes; anything past this is not the hub
    token_margin_seconds: int = 60
    min_token_seconds: int = 60
    idle_reconnect_seconds: float = 4.0  # a kept-alive connection idle longer is replaced (servers drop them)
    allow_plain_http: bool = False  # http:// to another machine (a stand-in on a training network)
    retry_schedule: tuple[int, ...] = (60, 120, 240, 480, 960, 1920, 3600)  # seconds before each new try; the last repeats

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def retry_delay(self, attempts: int) -> int:
        """Seconds to wait after ``attempts`` failed tries (1 = the first), following :attr:`retry_schedule`."""
        schedule = self.retry_schedule or (3600,)
        return schedule[min(max(attempts, 1), len(schedule)) - 1]


# -- response codes: ONE table ----------------------------------------------------------------------------------

ACCEPTED, REFUSED, RETRY, ACCOUNT, LOGIN_AGAIN = "accepted", "refused", "retry", "account", "login_again"
SYNC_SUCCESS = "PS_SYNC_SUCCESS"
LOGIN_SUCCESS = "CM_AUTH_SUCCESS"  # ASSUMED: the client reads only data.token
AUTH_EXPIRED, AUTH_PERMISSION, AUTH_ACCOUNT_FAIL = "CM_AUTH_EXPIRED", "CM_AUTH_PERMISSION", "CM_AUTH_ACCOUNT_FAIL"
HEADER_INVALID, SIGNATURE_INVALID = "PS_HEADER_INVALID", "PS_SIGNATURE_INVALID"
DATA_INVALID, DUPLICATE_MSG_ID = "PS_DATA_INVALID", "PS_DUPLICATE_MSG_ID"

# code -> (what the office does, standing). Any other code is a refusal needing a correction.
RES_CODES: dict[str, tuple[str, str]] = {
    SYNC_SUCCESS: (ACCEPTED, SOURCE),  # and any other code ending with SUCCESS
    AUTH_PERMISSION: (LOGIN_AGAIN, SOURCE),
    AUTH_EXPIRED: (LOGIN_AGAIN, SOURCE),
    AUTH_ACCOUNT_FAIL: (ACCOUNT, SOURCE),
    HEADER_INVALID: (REFUSED, ASSUMED),  # a header field or the service-type header is wrong
    SIGNATURE_INVALID: (REFUSED, ASSUMED),  # the message signature does not verify with the registered key
    DATA_INVALID: (REFUSED, ASSUMED),  # the record fails the form's rules; res_msg names the fields
    DUPLICATE_MSG_ID: (REFUSED, ASSUMED),  # an accepted msg_id sent again with another record
}

# Our own codes for what never reached the hub or could not be read (lower case: never a hub's code).
NETWORK, REPLY_INVALID, REPLY_TOO_LARGE = "network", "reply_invalid", "reply_too_large"


def classify(status: int | None, res_code: str | None) -> str:
    """What to do with an answer: ACCEPTED, REFUSED, RETRY, ACCOUNT or LOGIN_AGAIN.

    ``status`` None: the network failed (no answer); ``res_code`` None: no readable res_code in the reply."""
    if status is None or status >= 500 or status in (408, 429):
        return RETRY
    if status == 401:
        return LOGIN_AGAIN
    if res_code is None:
        return RETRY
    if res_code.endswith("SUCCESS"):
        return ACCEPTED if status < 300 else RETRY
    return RES_CODES.get(res_code, (REFUSED, ASSUMED))[0]


# -- the message --------------------------------------------------------------------------------------------------

_VIETNAM = dt.timezone(dt.timedelta(hours=7))
SENDER_ID = re.compile(r"[0-9]{13}")
MSG_ID = re.compile(r"(?P<sender>[0-9]{13})(?P<day>[0-9]{6})(?P<uuid>[0-9a-fA-F]{32})")
SEND_DATETIME = re.compile(r"[0-9]{13}")


def make_msg_id(sender_id: str, now: dt.datetime, uuid: uuid_module.UUID) -> str:
    """sender_id + yyMMdd (the day in Vietnam; a naive ``now`` is taken as it is) + the UUID's 32 hex digits."""
    day = now.astimezone(_VIETNAM) if now.tzinfo is not None else now
    return f"{sender_id}{day:%y%m%d}{uuid.hex}"


def msg_id_fits(msg_id: object, sender_id: str) -> bool:
    """Whether ``msg_id`` has the documented shape and starts with ``sender_id``."""
    found = MSG_ID.fullmatch(msg_id) if isinstance(msg_id, str) else None
    return found is not None and found["sender"] == sender_id


def unix_ms(seconds: float) -> int:
    return int(seconds * 1000)


def header(settings: NationalSettings, *, sender_id: str, msg_id: str, send_ms: int) -> dict[str, object]:
    """The message header, in the order the public client writes it."""
    return {"version": settings.version, "sender_id": sender_id, "receiver_id": settings.receiver_id,
            "txn_type": settings.txn_type, "msg_type": settings.msg_type, "data_type": settings.data_type,
            "send_datetime": send_ms, "msg_id": msg_id}


def header_json(fields: Mapping[str, object]) -> str:
    """The header as sent and as hashed: compact JSON, keys in their order, non-ASCII kept."""
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def signature_input(header_text: str, data: str) -> bytes:
    """HEX(SHA-256(header JSON exactly as sent)) + "." + HEX(SHA-256(trimmed data)), hex in upper case, ASCII."""
    a = hashlib.sha256(header_text.encode("utf-8")).hexdigest().upper()
    b = hashlib.sha256(data.strip().encode("utf-8")).hexdigest().upper()
    return f"{a}.{b}".encode("ascii")


def message_signature(sign: Callable[[bytes], bytes] | None, header_text: str, data: str) -> str:
    """base64 of ``sign`` over :func:`signature_input`; the empty string without a key, as the public client."""
    return "" if sign is None else base64.b64encode(sign(signature_input(header_text, data))).decode("ascii")


def message_body(header_text: str, data: str, signature: str) -> bytes:
    """``{header, data, signature}``, the header spliced in as the very text that was hashed."""
    rest = json.dumps(data), json.dumps(signature)
    return f'{{"header":{header_text},"data":{rest[0]},"signature":{rest[1]}}}'.encode("utf-8")


def encode_data(envelope: bytes) -> str:
    return base64.b64encode(envelope).decode("ascii")


def data_envelope(hoso: dict, form: int, signed_xml: bytes, sender_id: str) -> bytes:
    """The ASSUMED inner message of one record (``data`` before base64): UTF-8 JSON."""
    record = {"MAU_BIEU": form, "HOSO": hoso, "FILEHOSO": base64.b64encode(signed_xml).decode("ascii")}
    envelope = {"khamsuckhoe": {"thongtindonvi": {"macskcb": sender_id}, "SOLUONGHOSO": 1, "DSHOSO": [record]}}
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def login_body(username: str, password: str) -> bytes:
    return json.dumps({"username": username, "password": password}, ensure_ascii=False).encode("utf-8")


# -- signatures ---------------------------------------------------------------------------------------------------

def _padding(name: str) -> padding.AsymmetricPadding:
    if name == "pss":
        return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
    if name == "pkcs1v15":
        return padding.PKCS1v15()
    raise ValueError(f"unknown signature padding {name!r}")


def rsa_signer(key: rsa.RSAPrivateKey, settings: NationalSettings = NationalSettings()) -> Callable[[bytes], bytes]:
    """``sign`` for :class:`client.NationalClient` from a software RSA key, with the settings' padding."""
    chosen = _padding(settings.signature_padding)
    return lambda data: key.sign(data, chosen, hashes.SHA256())


def public_key_pem(pem: bytes) -> rsa.RSAPublicKey:
    """The facility's registered public key, from a PEM public key or certificate; ``ValueError`` when the PEM
    holds no RSA public key."""
    if b"-----BEGIN CERTIFICATE-----" in pem:
        key = x509.load_pem_x509_certificate(pem).public_key()
    else:
        key = serialization.load_pem_public_key(pem)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("not an RSA public key")
    return key


def signature_valid(key: rsa.RSAPublicKey, signature_b64: object, header_text: str, data: str,
                    settings: NationalSettings = NationalSettings()) -> bool:
    """Whether ``signature_b64`` is the facility's signature of this header and data (the hub's check)."""
    if not isinstance(signature_b64, str) or not signature_b64 or len(signature_b64) > 4096:
        return False
    try:
        raw = base64.b64decode(signature_b64, validate=True)
        key.verify(raw, signature_input(header_text, data), _padding(settings.signature_padding), hashes.SHA256())
    except (ValueError, InvalidSignature):
        return False
    return True


# -- replies ------------------------------------------------------------------------------------------------------

REPLY_LIMITS = JsonLimits(max_bytes=NationalSettings.max_reply_bytes, max_depth=8, max_items=2_000)
CODE_CHARS, MESSAGE_CHARS, TXN_CHARS = 64, 500, 128


class ReplyError(ValueError):
    """A reply that is not one the protocol describes (too large, not JSON, too deep, wrong types)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Reply:
    """What the hub said: its res_code, res_msg and txn_id (cleaned, bounded), and a login's token."""

    res_code: str | None
    res_msg: str = ""
    txn_id: str = ""
    token: str = ""
    duration: int | None = None


def _object(raw: bytes) -> dict:
    try:
        parsed = bounded_loads(raw, REPLY_LIMITS)
    except UntrustedJsonError as exc:
        raise ReplyError(REPLY_TOO_LARGE if exc.problem == "too_large" else REPLY_INVALID) from exc
    if not isinstance(parsed, dict):
        raise ReplyError(REPLY_INVALID)
    return parsed


def _text(value: object, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ReplyError(REPLY_INVALID)
    return cleaned(value, limit)


def _part(reply: dict, name: str) -> dict:
    part = reply.get(name)
    if part is None:
        return {}
    if not isinstance(part, dict):
        raise ReplyError(REPLY_INVALID)
    return part


def parse_reply(raw: bytes) -> Reply:
    """A push or login reply: ``{header: {res_code, res_msg, txn_id}, data: {token, duration, …}}``.

    Raises :class:`ReplyError` for anything else. A login's token and duration are read when present."""
    reply = _object(raw)
    head, data = _part(reply, "header"), _part(reply, "data")
    code = head.get("res_code")
    if code is not None and (not isinstance(code, str) or not re.fullmatch(r"[A-Za-z0-9_.\-]{1,64}", code)):
        raise ReplyError(REPLY_INVALID)
    token = data.get("token")
    if token is not None and (not isinstance(token, str) or not re.fullmatch(r"[\x21-\x7e]{1,4096}", token)):
        raise ReplyError(REPLY_INVALID)
    duration = data.get("duration")
    if duration is not None and (isinstance(duration, bool) or not isinstance(duration, int) or duration < 0):
        raise ReplyError(REPLY_INVALID)
    return Reply(code, _text(head.get("res_msg"), MESSAGE_CHARS), _text(head.get("txn_id"), TXN_CHARS),
                 token or "", duration)
