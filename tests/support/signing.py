"""Certificates and a real PKCS#11 token for the signature tests: a throwaway training CA, examiners' PKCS#12 files
and a SoftHSM2 token (Debian's ``softhsm2``) holding an examiner's key and certificate, put there by
``softhsm2-util`` and opensc's ``pkcs11-tool`` exactly as an IT person would load a token."""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from support.tools import missing, require_tools

from station_app.services.common.signing.signers import SoftwareSigner
from station_app.services.common.signing.training_ca import TrainingCA

SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                   "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")
TOKEN_PIN, TOKEN_SO_PIN, TOKEN_LABEL = "123456", "87654321", "examiner-token"


@pytest.fixture(scope="session")
def training_ca() -> TrainingCA:
    return TrainingCA.create("Test CA")


@pytest.fixture(scope="session")
def examiner(training_ca: TrainingCA) -> SoftwareSigner:
    return training_ca.issue("Bác sĩ Kiểm Thử", "000123/LC-CCHN")


@dataclass(frozen=True)
class Token:
    module: str
    pin: str
    label: str
    signer_certificate_fingerprint: str
    holder: SoftwareSigner  # the same key and certificate, kept outside the token to compare with


def softhsm_module() -> str:
    found = next((m for m in SOFTHSM_MODULES if Path(m).exists()), None)
    if found is None:
        missing("the SoftHSM2 PKCS#11 module (Debian: softhsm2)")
    return found


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory: pytest.TempPathFactory, training_ca: TrainingCA) -> Token:
    """A SoftHSM2 token with an examiner's RSA key and certificate (id 01), PIN ``TOKEN_PIN``."""
    require_tools("softhsm2-util", "pkcs11-tool")
    module = softhsm_module()
    home = tmp_path_factory.mktemp("softhsm")
    (home / "tokens").mkdir()
    conf = home / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {home / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    holder = training_ca.issue("Y sĩ Trên Token", "000456/LC-CCHN")
    key_pem = home / "key.pem"
    key_pem.write_bytes(holder._key.private_bytes(serialization.Encoding.PEM,  # noqa: SLF001
                                                  serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    cert_der = home / "cert.der"
    cert_der.write_bytes(holder.certificate.public_bytes(serialization.Encoding.DER))
    run = lambda *args: subprocess.run(args, check=True, capture_output=True, text=True)  # noqa: E731
    run("softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--pin", TOKEN_PIN, "--so-pin",
        TOKEN_SO_PIN)
    run("softhsm2-util", "--import", str(key_pem), "--token", TOKEN_LABEL, "--label", "examiner", "--id", "01",
        "--pin", TOKEN_PIN)
    run("pkcs11-tool", "--module", module, "--token-label", TOKEN_LABEL, "--login", "--pin", TOKEN_PIN,
        "--write-object", str(cert_der), "--type", "cert", "--id", "01", "--label", "examiner")
    key_pem.unlink()
    from station_app.services.common.signing.certificates import fingerprint
    return Token(module, TOKEN_PIN, TOKEN_LABEL, fingerprint(holder.certificate), holder)
