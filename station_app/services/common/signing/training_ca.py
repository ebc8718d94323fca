"""A throwaway certification authority for the training station and the tests.

It issues RSA certificates shaped like those of Vietnamese public CAs: the holder's name as common name, the
practising licence (CCHN) as ``UID=CCHN:<number>``, key usage digital signature + non-repudiation. Its certificates
are marked as training ones in their organisation name and are trusted only where the training CA was added
(the training office, the tests): a real office never trusts them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from station_app.services.common.signing.certificates import CCHN_PREFIX
from station_app.services.common.signing.signers import SoftwareSigner

TRAINING_ORG = "station-app training CA (not valid for real records)"


def _name(common_name: str, cchn: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, TRAINING_ORG),
             x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if cchn:
        parts.append(x509.NameAttribute(NameOID.USER_ID, CCHN_PREFIX + cchn))
    return x509.Name(parts)


def _new_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


@dataclass
class TrainingCA:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    @classmethod
    def create(cls, name: str = "Training CA", *, now: dt.datetime | None = None, days: int = 3650) -> TrainingCA:
        now = now or dt.datetime.now(dt.timezone.utc)
        key = _new_key()
        subject = _name(name)
        cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=days))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False, key_agreement=False,
                                             key_cert_sign=True, crl_sign=True, encipher_only=False,
                                             decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(key, hashes.SHA256()))
        return cls(key, cert)

    @classmethod
    def load(cls, key_pem: bytes, cert_pem: bytes) -> TrainingCA:
        return cls(serialization.load_pem_private_key(key_pem, None),  # type: ignore[arg-type]
                   x509.load_pem_x509_certificate(cert_pem))

    def pem(self) -> tuple[bytes, bytes]:
        key = self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption())
        return key, self.certificate.public_bytes(serialization.Encoding.PEM)

    def issue(self, common_name: str, cchn: str = "", *, not_before: dt.datetime | None = None, days: int = 365,
              key_usage: bool = True, key: rsa.RSAPrivateKey | None = None) -> SoftwareSigner:
        """A signer holding a new key and its certificate. ``key_usage=False`` makes an encryption-only certificate
        (to test refusals); ``not_before``/``days`` an expired or future one."""
        key = key or _new_key()
        start = not_before or dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
        usage = x509.KeyUsage(digital_signature=key_usage, content_commitment=key_usage,
                              key_encipherment=not key_usage, data_encipherment=False, key_agreement=False,
                              key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False)
        cert = (x509.CertificateBuilder().subject_name(_name(common_name, cchn))
                .issuer_name(self.certificate.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(start)
                .not_valid_after(start + dt.timedelta(days=days))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(usage, critical=True)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                               critical=False)
                .sign(self.key, hashes.SHA256()))
        return SoftwareSigner(key, cert)


def pkcs12_bytes(signer: SoftwareSigner, passphrase: str, name: str = "examiner") -> bytes:
    """The signer as a ``.p12`` file protected by ``passphrase`` (AES, as current tools write it)."""
    encryption = (serialization.PrivateFormat.PKCS12.encryption_builder().kdf_rounds(50_000)
                  .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC).hmac_hash(hashes.SHA256())
                  .build(passphrase.encode("utf-8")))
    return pkcs12.serialize_key_and_certificates(name.encode(), signer._key, signer.certificate, None,  # noqa: SLF001
                                                 encryption)
