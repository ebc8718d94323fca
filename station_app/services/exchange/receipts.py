"""Receipts: the office's signed word that a batch arrived whole (docs/batch-format.md, section 6).

A receipt file ``<station>-<sequence>.receipt.json`` is a JSON envelope
``{"format": "office-receipt/1", "receipt": {…}, "signature": "<base64>"}``. The signature is Ed25519, by the
office's receipt key, over the receipt's canonical bytes: ``json.dumps(receipt, sort_keys=True,
separators=(",", ":"), ensure_ascii=True)`` encoded as ASCII (only strings and integers inside, so every
JSON library gives the same bytes). The station checks it with ``receipt_public_key`` from the office bundle and
marks the batch acknowledged; a receipt that does not verify, or names a batch the station did not make, is
refused (the station's side: ``services.station.receipts``).
"""
from __future__ import annotations

import base64
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from station_app.core.bounded_json import JsonLimits
from station_app.core.bounded_json import loads as bounded_loads
from station_app.services.exchange.keys import verify_signature

RECEIPT_FORMAT = "office-receipt/1"
RECEIPT_SUFFIX = ".receipt.json"
RECEIPT_LIMITS = JsonLimits(max_bytes=64 * 1024, max_depth=8, max_items=2_000)  # a receipt is about 700 bytes


def receipt_name(station_code: str, sequence: int) -> str:
    return f"{station_code}-{sequence:06d}{RECEIPT_SUFFIX}"


def canonical(receipt: dict) -> bytes:
    """The bytes the signature covers."""
    return json.dumps(receipt, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def sign_receipt(receipt: dict, key: Ed25519PrivateKey) -> dict:
    """The envelope: the receipt and its signature."""
    signature = base64.b64encode(key.sign(canonical(receipt))).decode("ascii")
    return {"format": RECEIPT_FORMAT, "receipt": receipt, "signature": signature}


def envelope_bytes(envelope: dict) -> bytes:
    return (json.dumps(envelope, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def verify_receipt(data: bytes, public_key: Ed25519PublicKey) -> dict | None:
    """The receipt inside the envelope if its signature holds; None otherwise (damaged, forged, not a receipt)."""
    try:
        envelope = bounded_loads(data.decode("utf-8"), RECEIPT_LIMITS)
        receipt, signature = envelope["receipt"], base64.b64decode(envelope["signature"], validate=True)
        if envelope.get("format") != RECEIPT_FORMAT or not isinstance(receipt, dict):
            return None
        return receipt if verify_signature(public_key, signature, data=canonical(receipt)) else None
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
