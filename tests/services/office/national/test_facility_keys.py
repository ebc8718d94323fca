"""The facility signs its messages with the signers of the foundation (services.common.signing): a key from a
PKCS#12 file and a key on a PKCS#11 token (SoftHSM2). The stand-in, holding the certificate's public key, accepts
what they sign: ``Signer.sign`` is what ``NationalClient`` takes as ``sign``."""
from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from support.hub import PASSWORD, SENDER_ID, USERNAME, envelope, make_hub, new_msg_id
from support.signing import softhsm_token, training_ca  # noqa: F401 - fixtures

from station_app.services.common.signing import signers
from station_app.services.common.signing.training_ca import pkcs12_bytes
from station_app.services.office.national import protocol as p
from station_app.services.office.national.client import NationalClient


def _push_signed_by(tmp_path, signer) -> str:  # noqa: ANN001 - a Signer
    pem = signer.certificate.public_bytes(serialization.Encoding.PEM)  # the certificate: what the IT person has
    with make_hub(tmp_path / "state.jsonl") as hub:
        hub.register_key(SENDER_ID, pem)  # the facility registered its certificate's key with the hub
        client = NationalClient(p.NationalSettings(base_url=hub.url), username=USERNAME, password=PASSWORD,
                                sender_id=SENDER_ID, sign=signer.sign)
        try:
            return client.push(envelope(), new_msg_id()).res_code
        finally:
            client.close()


def test_a_facility_key_from_a_pkcs12_file_signs_messages_the_hub_accepts(tmp_path, training_ca):
    (tmp_path / "co-so.p12").write_bytes(pkcs12_bytes(training_ca.issue("Trạm Y tế xã Nà Khương"), "mat-khau-p12"))
    signer = signers.load_pkcs12(tmp_path / "co-so.p12", "mat-khau-p12")
    assert _push_signed_by(tmp_path, signer) == "PS_SYNC_SUCCESS"


@pytest.mark.tools("softhsm2-util", "pkcs11-tool")
def test_a_facility_key_on_a_pkcs11_token_signs_messages_the_hub_accepts(tmp_path, softhsm_token):
    signer = signers.open_token(softhsm_token.module, softhsm_token.pin,
                                cert_fingerprint=softhsm_token.signer_certificate_fingerprint)
    try:
        assert _push_signed_by(tmp_path, signer) == "PS_SYNC_SUCCESS"
    finally:
        signer.close()
