"""National receipts: the office's signed word on where each visit of a station stands with the national system
(docs/batch-format.md, section 8).

A national receipt is the envelope of the batch receipts with its own format name::

    {"format": "office-national/1", "receipt": {"station", "made_at", "records": [{"visit", "version", "state",
     "at", "txn_id", "res_code", "res_msg"}, …]}, "signature": "<base64 Ed25519>"}

signed by the office's receipt key over the receipt's canonical bytes (``receipts.canonical``: only strings and
integers inside). It is a snapshot: the office writes every national record it holds for the station (the most
recently changed first, at most ``MAX_RECORDS``), so the latest receipt is enough and a lost one costs nothing.

Over the network the station asks for it with ``GET /api/v1/stations/{code}/national-receipt`` and proves who it is
with its station key (``station_proof``): the receipt names visits and the national system's messages about them,
so the office hands it to that station only.
"""
from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from station_app.core.bounded_json import JsonLimits
from station_app.core.bounded_json import loads as bounded_loads
from station_app.core.errors import UntrustedJsonError
from station_app.services.exchange.keys import verify_signature
from station_app.services.exchange.receipts import canonical

NATIONAL_FORMAT = "office-national/1"
NATIONAL_SUFFIX = ".national.json"
MAX_RECORDS = 50_000
STATES = ("waiting", "pushed", "accepted", "refused")
# a record is about 250 bytes; a refusal's message is at most RES_MSG_CHARS characters, each up to 6 as \uXXXX
NATIONAL_LIMITS = JsonLimits(max_bytes=48 * 2**20, max_depth=6, max_items=MAX_RECORDS * 9 + 20)
VISIT_CHARS, TXN_CHARS, CODE_CHARS, RES_MSG_CHARS = 64, 100, 40, 500
_VISIT = re.compile(r"[A-Za-z0-9-]{1,64}")
_STATION = re.compile(r"[A-Z0-9-]{3,32}")
PROOF_HEADER = "X-Station-Proof"
PROOF_SECONDS = 600  # how far a proof's time may be from the office's clock (station laptops drift)


@dataclass(frozen=True)
class NationalRecord:
    """One version of one visit as the national system last answered for it."""

    visit: str
    version: int
    state: str  # one of STATES
    at: dt.datetime  # UTC, naive: when it reached that state
    txn_id: str = ""
    res_code: str = ""
    res_msg: str = ""

    def as_json(self) -> dict:
        return {"visit": self.visit, "version": self.version, "state": self.state, "at": iso(self.at),
                "txn_id": self.txn_id, "res_code": self.res_code, "res_msg": self.res_msg}


@dataclass(frozen=True)
class NationalReceipt:
    station: str
    made_at: dt.datetime
    records: tuple[NationalRecord, ...]


class NationalReceiptInvalid(ValueError):
    """Why a national receipt was refused: ``reason`` is "unreadable", "too_large" or "bad_signature"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def national_name(station_code: str) -> str:
    """The file name on a stick: one per station, the latest replacing the one before."""
    return f"{station_code}{NATIONAL_SUFFIX}"


def iso(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def sign_national(station: str, records: list[NationalRecord], key: Ed25519PrivateKey, *,
                  made_at: dt.datetime) -> dict:
    """The signed envelope of a station's records (at most ``MAX_RECORDS``; the caller picks the newest)."""
    receipt = {"station": station, "made_at": iso(made_at), "records": [r.as_json() for r in records[:MAX_RECORDS]]}
    signature = base64.b64encode(key.sign(canonical(receipt))).decode("ascii")
    return {"format": NATIONAL_FORMAT, "receipt": receipt, "signature": signature}


def verify_national(data: bytes, public_key: Ed25519PublicKey) -> NationalReceipt:
    """The receipt if its signature holds and every field is what it should be; ``NationalReceiptInvalid``
    otherwise (damaged, forged, too large, not a national receipt)."""
    if len(data) > NATIONAL_LIMITS.max_bytes:
        raise NationalReceiptInvalid("too_large")
    try:
        envelope = bounded_loads(data.decode("utf-8"), NATIONAL_LIMITS)
    except UntrustedJsonError as exc:
        raise NationalReceiptInvalid("too_large" if exc.problem == "too_large" else "unreadable") from exc
    except UnicodeDecodeError as exc:
        raise NationalReceiptInvalid("unreadable") from exc
    if not isinstance(envelope, dict) or envelope.get("format") != NATIONAL_FORMAT:
        raise NationalReceiptInvalid("unreadable")
    receipt = envelope.get("receipt")
    if not isinstance(receipt, dict) or not _signed(receipt, envelope.get("signature"), public_key):
        raise NationalReceiptInvalid("bad_signature")
    try:
        return _parsed(receipt)
    except (KeyError, TypeError, ValueError) as exc:  # signed by the office, yet not what this station understands
        raise NationalReceiptInvalid("unreadable") from exc


def _signed(receipt: dict, signature: object, public_key: Ed25519PublicKey) -> bool:
    try:
        raw = base64.b64decode(signature, validate=True) if isinstance(signature, str) else b""
        return verify_signature(public_key, raw, data=canonical(receipt))
    except (ValueError, TypeError):  # not base64; a float or a nested object the canonical form does not allow
        return False


def _parsed(receipt: dict) -> NationalReceipt:
    station, records = receipt["station"], receipt["records"]
    if not isinstance(station, str) or not _STATION.fullmatch(station) or not isinstance(records, list):
        raise ValueError("station or records")
    if len(records) > MAX_RECORDS:
        raise ValueError("too many records")
    return NationalReceipt(station, parse_time(receipt["made_at"]), tuple(_record(r) for r in records))


def _record(raw: object) -> NationalRecord:
    if not isinstance(raw, dict):
        raise TypeError("record")
    visit, version, state = raw["visit"], raw["version"], raw["state"]
    if not (isinstance(visit, str) and _VISIT.fullmatch(visit)) or state not in STATES:
        raise ValueError("visit or state")
    if type(version) is not int or not 1 <= version <= 1_000_000:
        raise ValueError("version")
    return NationalRecord(visit, version, state, parse_time(raw["at"]), _text(raw.get("txn_id"), TXN_CHARS),
                          _text(raw.get("res_code"), CODE_CHARS), _text(raw.get("res_msg"), RES_MSG_CHARS))


def _text(value: object, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("text")
    return value


def parse_time(value: object) -> dt.datetime:
    """A receipt's time (``2026-12-07T10:15:00Z``) as naive UTC."""
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("time")
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


# -- the station's proof of who asks ---------------------------------------------------------------------------

def proof_message(code: str, at: int) -> bytes:
    """What the station signs to ask for its national receipt: the request and the time, in seconds."""
    return f"GET national-receipt {code} {at}".encode("ascii")


def station_proof(key: Ed25519PrivateKey, code: str, now: dt.datetime) -> str:
    """The value of the ``X-Station-Proof`` header: ``<unix seconds>.<base64 Ed25519 signature>``."""
    at = int(now.replace(tzinfo=dt.UTC).timestamp()) if now.tzinfo is None else int(now.timestamp())
    return f"{at}.{base64.b64encode(key.sign(proof_message(code, at))).decode('ascii')}"


def proof_holds(value: str | None, code: str, keys: list[Ed25519PublicKey], now: dt.datetime) -> bool:
    """Whether ``value`` was made by one of the station's ``keys`` for ``code`` within ``PROOF_SECONDS``."""
    if not value or len(value) > 200 or "." not in value:
        return False
    at_text, _, signature = value.partition(".")
    if not at_text.isdigit() or len(at_text) > 12:
        return False
    at = int(at_text)
    current = int(now.replace(tzinfo=dt.UTC).timestamp()) if now.tzinfo is None else int(now.timestamp())
    if abs(current - at) > PROOF_SECONDS:
        return False
    try:
        raw = base64.b64decode(signature, validate=True)
    except ValueError:
        return False
    return any(verify_signature(key, raw, data=proof_message(code, at)) for key in keys)
