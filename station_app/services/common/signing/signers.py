"""Who signs: a private key in a certificate file (PKCS#12, the fallback) or on a USB token (PKCS#11).

A signer holds its certificate and signs bytes with SHA-256: RSA PKCS#1 v1.5 (what XML Signature's ``rsa-sha256``
means) or ECDSA with the raw ``r || s`` value XML Signature wants. A token's PIN is handed to the token once, when
the session opens; it is never stored here. The token is found by the certificate registered for the user (its
SHA-256 fingerprint), so a token holding several certificates signs with the right one.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import pkcs12

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.services.common.signing.certificates import (CertificateUnreadableError, fingerprint,
                                                              load_certificate)

log = logging.getLogger(__name__)
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
MAX_PKCS12_BYTES = 256 * 1024


class TokenError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không dùng được USB ký số. Rút ra, cắm lại rồi thử lại; nếu vẫn lỗi, kiểm tra trình điều khiển "
                  "(driver) của nhà cung cấp chữ ký số đã cài trên máy.")


class TokenNotFoundError(TokenError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không thấy USB ký số có chứng thư số của bạn. Cắm USB ký số của chính bạn vào máy rồi thử lại; "
                  "phần khám vẫn được lưu, ở trạng thái chưa ký.")


class TokenPinError(TokenError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Mã PIN của USB ký số không đúng. Nhập lại cẩn thận: nhập sai nhiều lần USB sẽ bị khoá.")


class TokenPinLockedError(TokenError):
    template = QT_TRANSLATE_NOOP(
        "errors", "USB ký số đã bị khoá vì nhập sai PIN quá nhiều lần. Liên hệ nhà cung cấp chữ ký số để mở khoá; "
                  "các phần khám vẫn được lưu, ở trạng thái chưa ký.")


class Signer(Protocol):
    certificate: x509.Certificate

    @property
    def algorithm(self) -> str: ...

    def sign(self, data: bytes) -> bytes: ...


class SoftwareSigner:
    """A private key held in memory (from a PKCS#12 file, or made by the training CA)."""

    def __init__(self, key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, certificate: x509.Certificate) -> None:
        self._key, self.certificate = key, certificate

    @property
    def algorithm(self) -> str:
        return ECDSA_SHA256 if isinstance(self._key, ec.EllipticCurvePrivateKey) else RSA_SHA256

    def sign(self, data: bytes) -> bytes:
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            r, s = decode_dss_signature(self._key.sign(data, ec.ECDSA(hashes.SHA256())))
            size = (self._key.curve.key_size + 7) // 8
            return r.to_bytes(size, "big") + s.to_bytes(size, "big")
        return self._key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def load_pkcs12(source: Path | bytes, passphrase: str) -> SoftwareSigner:
    """The key and certificate of a ``.p12``/``.pfx`` file; a wrong passphrase or a damaged file is
    ``CertificateUnreadableError``."""
    data = source if isinstance(source, bytes) else read_p12(source)
    try:
        key, cert, _ = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise CertificateUnreadableError() from exc
    if cert is None or not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise CertificateUnreadableError()
    return SoftwareSigner(key, cert)


def read_p12(path: Path) -> bytes:
    """A .p12 file's bytes, bounded (a certificate file is a few KB; a film picked by mistake is not read)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_PKCS12_BYTES + 1)
    except OSError as exc:
        raise CertificateUnreadableError() from exc
    if len(data) > MAX_PKCS12_BYTES:
        raise CertificateUnreadableError()
    return data


_LIB_LOCK = threading.Lock()


class TokenSigner:
    """A key on a PKCS#11 token, used through an open, logged-in session (closed by ``close``)."""

    def __init__(self, session: object, key: object, certificate: x509.Certificate, mechanism: object,
                 ec_size: int = 0) -> None:
        self._session, self._key, self.certificate = session, key, certificate
        self._mechanism, self._ec_size = mechanism, ec_size
        self._lock = threading.Lock()  # one PKCS#11 session serves one call at a time

    @property
    def algorithm(self) -> str:
        return ECDSA_SHA256 if self._ec_size else RSA_SHA256

    def sign(self, data: bytes) -> bytes:
        import pkcs11
        with self._lock:
            try:
                if self._ec_size:
                    return self._key.sign(_sha256(data), mechanism=self._mechanism)
                return self._key.sign(data, mechanism=self._mechanism)
            except pkcs11.PKCS11Error as exc:
                log.warning("token signing failed: %s", type(exc).__name__)
                raise TokenError() from exc

    def close(self) -> None:
        try:
            self._session.close()
        except Exception:  # noqa: BLE001 - a token pulled out: nothing left to close
            pass


def _sha256(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def open_token(module_path: str | Path, pin: str, *, cert_fingerprint: str | None = None,
               token_label: str | None = None) -> TokenSigner:
    """Logs in to the token that holds the certificate ``cert_fingerprint`` (or, without one, the first certificate
    with a private key) and returns its signer. Errors: ``TokenNotFoundError``, ``TokenPinError``,
    ``TokenPinLockedError``, ``TokenError``."""
    lib = _library(module_path)
    for slot in lib.get_slots(token_present=True):
        token = slot.get_token()
        if (token_label and token.label != token_label) or not _initialised(token):
            continue
        session = _log_in(token, pin)
        found = _signing_key(session, cert_fingerprint)
        if found is not None:
            return found
        session.close()
    raise TokenNotFoundError()


def _library(module_path: str | Path) -> object:
    import pkcs11
    with _LIB_LOCK:
        try:
            lib = pkcs11.lib(str(module_path))
            lib.reinitialize()  # a token plugged in after the program started is seen
            return lib
        except (pkcs11.PKCS11Error, OSError, RuntimeError) as exc:
            log.warning("PKCS#11 module not usable: %s", type(exc).__name__)
            raise TokenError() from exc


def _initialised(token: object) -> bool:
    from pkcs11 import TokenFlag
    return bool(token.flags & TokenFlag.TOKEN_INITIALIZED)


def _log_in(token: object, pin: str) -> object:
    import pkcs11
    try:
        return token.open(user_pin=pin)
    except pkcs11.PinIncorrect as exc:
        raise TokenPinError() from exc
    except pkcs11.PinLocked as exc:
        raise TokenPinLockedError() from exc
    except pkcs11.PKCS11Error as exc:
        log.warning("token log-in failed: %s", type(exc).__name__)
        raise TokenError() from exc


def _signing_key(session: object, cert_fingerprint: str | None) -> TokenSigner | None:
    from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass
    found = [(bytes(o[Attribute.VALUE]), o[Attribute.ID])  # one search at a time per session (PKCS#11)
             for o in list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}))]
    for value, object_id in found:
        try:
            cert = load_certificate(value)
        except StationError:
            continue
        if cert_fingerprint and fingerprint(cert) != cert_fingerprint:
            continue
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: object_id}))
        if not keys:
            continue
        key = keys[0]
        public = cert.public_key()
        if isinstance(public, ec.EllipticCurvePublicKey):
            return TokenSigner(session, key, cert, Mechanism.ECDSA, (public.curve.key_size + 7) // 8)
        if key.key_type == KeyType.RSA:
            return TokenSigner(session, key, cert, Mechanism.SHA256_RSA_PKCS)
    return None


def public_pem(signer: Signer) -> bytes:
    return signer.certificate.public_key().public_bytes(serialization.Encoding.PEM,
                                                         serialization.PublicFormat.SubjectPublicKeyInfo)
