"""The stand-in national hub on loopback, a facility's RSA key registered with it, the office's real client, and
valid records of the PL01 forms (tests of services/office/national)."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from devkit.pl01 import plausible

from station_app.core.pl01_record import LAB_DESK, check_value, written
from station_app.services.common import pl01_forms
from station_app.services.office.national import protocol
from station_app.services.office.national.client import NationalClient
from station_app.services.office.national.stand_in import HubAccount, StandInHub

SENDER_ID = "0123456789012"
USERNAME, PASSWORD = "tram.nakhuong", "mat-khau-lien-thong-26"
SIGNED_XML = b'<?xml version="1.0" encoding="utf-8"?><PL01 MAU_BIEU="2"><HO_TEN>x</HO_TEN></PL01>'


@cache
def facility_key() -> rsa.RSAPrivateKey:
    """The facility's signing key (one per test run: 2048-bit keys take a while to make)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@cache
def other_key() -> rsa.RSAPrivateKey:
    """A key the hub has never seen (a forged or wrong signature)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def make_hub(state: Path, *, token_seconds: int = 6000, port: int = 0) -> StandInHub:
    """A stand-in (not started) knowing the facility's account and public key."""
    return StandInHub(state, accounts=[HubAccount(USERNAME, PASSWORD, SENDER_ID)],
                      facility_keys={SENDER_ID: public_pem(facility_key())}, token_seconds=token_seconds, port=port)


def make_client(url: str, *, key: rsa.RSAPrivateKey | None = None, password: str = PASSWORD,
                **settings: object) -> NationalClient:
    chosen = protocol.NationalSettings(base_url=url, **settings)
    signer = protocol.rsa_signer(key or facility_key(), chosen)
    return NationalClient(chosen, username=USERNAME, password=password, sender_id=SENDER_ID, sign=signer)


def new_msg_id() -> str:
    return protocol.make_msg_id(SENDER_ID, dt.datetime.now(dt.timezone.utc), uuid.uuid4())


_FALLBACKS = ("1", "0", "10", "12", "20260101", "202601010800", "Z00.0", "Bình thường")


def _valid_value(f) -> str:  # noqa: ANN001 - FieldDefinition
    """A value the field's rules accept: the training station's plausible one, else a common fallback."""
    candidates = [written(f, plausible(f)), *([f.codes.codes[0].code] if f.codes else []), *_FALLBACKS]
    for candidate in candidates:
        if candidate is not None and not check_value(f, candidate):
            return candidate
    raise AssertionError(f"no valid value for {f.code}")


@cache
def _valid_hoso(form: int) -> tuple[tuple[str, str], ...]:
    definition = pl01_forms.form(form)
    values = {f.code: _valid_value(f) for f in definition.fields if f.collected and f.desk != LAB_DESK}
    for code in ("CKS_NGUOI_KET_LUAN", "CKS_BENH_VIEN"):
        if code in definition.codes:
            values[code] = "c2lnbmF0dXJlLXZhbHVl"
    return tuple(values.items())


def valid_hoso(form: int = 2, **changes: object) -> dict:
    """A record of ``form`` the form's rules accept in full (a fresh dict), with ``changes`` applied."""
    return {**dict(_valid_hoso(form)), **changes}


def envelope(form: int = 2, hoso: dict | None = None) -> bytes:
    return protocol.data_envelope(valid_hoso(form) if hoso is None else hoso, form, SIGNED_XML, SENDER_ID)


@dataclass
class Link:
    """A running stand-in and a client talking to it."""

    hub: StandInHub
    client: NationalClient
    state: Path

    def restart(self) -> None:
        """Stop the stand-in and start a new one on the same port and state file (its tokens forgotten)."""
        port = int(self.hub.url.rsplit(":", 1)[1])
        self.hub.stop()
        self.hub = make_hub(self.state, port=port)
        self.hub.start()


@pytest.fixture
def link(tmp_path: Path):
    hub = make_hub(tmp_path / "hub-state.jsonl")
    hub.start()
    made = Link(hub, make_client(hub.url), tmp_path / "hub-state.jsonl")
    yield made
    made.client.close()
    made.hub.stop()
