"""Examiners' and facilities' certificates: what they say, and whether they may sign now.

Vietnamese certification authorities (Viettel-CA, VNPT-CA, …) issue X.509 certificates on USB tokens; a
certificate may name its holder's practising licence (CCHN) in a ``UID`` attribute of the subject as
``CCHN:<number>`` — that is how the training CA writes it (``training_ca``). A certificate signs only while it is
valid and only if its key usage allows digital signatures (or non-repudiation).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP

CCHN_PREFIX = "CCHN:"


class CertificateError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Chứng thư số không dùng được để ký. Hãy dùng chứng thư số khác.")


class CertificateExpiredError(CertificateError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng thư số đã hết hạn ngày {not_after}: không ký được. Hãy gia hạn chứng thư số với nhà cung "
                  "cấp (hoặc dùng chứng thư số mới) rồi ký lại; phần khám vẫn được lưu, ở trạng thái chưa ký.")


class CertificateNotYetValidError(CertificateError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng thư số chỉ có hiệu lực từ ngày {not_before}: chưa ký được. Kiểm tra ngày giờ của máy tính; "
                  "phần khám vẫn được lưu, ở trạng thái chưa ký.")


class CertificateKeyUsageError(CertificateError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng thư số này không được phép dùng để ký số (mục đích sử dụng khoá). Hãy dùng chứng thư số "
                  "ký số do nhà cung cấp cấp cho cá nhân hoặc cơ sở.")


class CertificateUnreadableError(CertificateError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không đọc được tệp chứng thư số (sai mật khẩu hoặc tệp hỏng). Kiểm tra mật khẩu của tệp .p12 "
                  "rồi thử lại.")


@dataclass(frozen=True)
class CertificateInfo:
    subject_name: str
    serial_hex: str
    fingerprint: str  # SHA-256 hex of the DER encoding
    not_before: dt.datetime
    not_after: dt.datetime
    cchn: str
    der: bytes


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def info(cert: x509.Certificate) -> CertificateInfo:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    uids = [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.USER_ID)]
    cchn = next((u[len(CCHN_PREFIX):] for u in uids if u.startswith(CCHN_PREFIX)), "")
    return CertificateInfo(subject_name=str(names[0].value) if names else cert.subject.rfc4514_string(),
                           serial_hex=format(cert.serial_number, "x"), fingerprint=fingerprint(cert),
                           not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc, cchn=cchn,
                           der=cert.public_bytes(serialization.Encoding.DER))


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate in DER or PEM."""
    try:
        return x509.load_pem_x509_certificate(data) if data.lstrip().startswith(b"-----") \
            else x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise CertificateUnreadableError() from exc


def check_for_signing(cert: x509.Certificate, at: dt.datetime | None = None) -> None:
    """Refuses a certificate that may not sign at ``at`` (UTC, default now): expired, not yet valid, or whose key
    usage excludes signatures."""
    at = at or dt.datetime.now(dt.timezone.utc)
    if at > cert.not_valid_after_utc:
        raise CertificateExpiredError(not_after=f"{cert.not_valid_after_utc:%d/%m/%Y}")
    if at < cert.not_valid_before_utc:
        raise CertificateNotYetValidError(not_before=f"{cert.not_valid_before_utc:%d/%m/%Y}")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # no key usage extension: any use is allowed (RFC 5280 4.2.1.3)
    if not (usage.digital_signature or usage.content_commitment):
        raise CertificateKeyUsageError()


def verify_chain(cert: x509.Certificate, trusted: list[x509.Certificate],
                 at: dt.datetime | None = None) -> bool:
    """Whether ``cert`` was issued (directly or through certificates among ``trusted``) by a trusted CA and every
    certificate on the way was valid at ``at``. Trust anchors are whole certificates the office chose."""
    at = at or dt.datetime.now(dt.timezone.utc)
    current, seen = cert, 0
    while seen < 8:
        if not (current.not_valid_before_utc <= at <= current.not_valid_after_utc):
            return False
        issuer = next((c for c in trusted if c.subject == current.issuer and _signed_by(current, c)), None)
        if issuer is None:
            return False
        if issuer.subject == issuer.issuer or issuer == current:
            return issuer.not_valid_before_utc <= at <= issuer.not_valid_after_utc
        current, seen = issuer, seen + 1
    return False


def _signed_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    key = issuer.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(), cert.signature_hash_algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(cert.signature_hash_algorithm))
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    try:
        constraints = issuer.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return False
    return constraints.ca
