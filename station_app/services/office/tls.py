"""Where stations send their batches: the upload address and, for https, the office's own certificate.

Offices have no certificate from a public authority, so ``station-app office url https://…`` makes a self-signed
one (ECDSA P-256, ten years: stations pin it, and a new one means handing out the bundle again) and writes the
address and the certificate's pin (SHA-256 of its DER bytes) into the office's public bundle and its QR picture,
which stations import as before.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from station_app.core.batch_format import parse_office_bundle
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.services.office.service import (AGE_KEY_FILE, BUNDLE_FILE, BUNDLE_QR, OfficeNotInitialisedError,
                                         write_private, write_qr)

log = logging.getLogger(__name__)
TLS_CERT_FILE = "keys/office-tls-cert.pem"
TLS_KEY_FILE = "keys/office-tls-key.pem"
CERT_DAYS = 3650


class UploadUrlInvalidError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Địa chỉ '{url}' không dùng được. Hãy viết dạng https://TÊN-MÁY-HOẶC-IP:CỔNG (hoặc http:// trong "
                  "mạng nội bộ), ví dụ https://192.168.1.10:8765.")


class TlsFilesUnreadableError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không đọc được chứng chỉ hoặc khoá TLS ({path}). Hãy chỉ đúng tệp PEM bằng --tls-cert và "
                  "--tls-key, hoặc bỏ hai tuỳ chọn này để dùng chứng chỉ tự ký của đơn vị.")


@dataclass(frozen=True)
class PublishedAddress:
    upload_url: str
    tls_sha256: str | None
    tls_cert: Path | None
    tls_key: Path | None
    bundle_path: Path
    qr_path: Path


def certificate_sha256(cert_pem: Path) -> str:
    """The pin stations keep: SHA-256 hex of the certificate's DER bytes."""
    try:
        cert = x509.load_pem_x509_certificate(Path(cert_pem).read_bytes())
    except (OSError, ValueError) as exc:
        raise TlsFilesUnreadableError(path=str(cert_pem)) from exc
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def check_tls_files(cert: Path, key: Path) -> str:
    """The certificate's pin, once the certificate and its key are known to load together."""
    import ssl

    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(str(cert), str(key))
    except (OSError, ssl.SSLError) as exc:
        raise TlsFilesUnreadableError(path=f"{cert}, {key}") from exc
    return certificate_sha256(cert)


def own_tls_files(folder: Path) -> tuple[Path, Path] | None:
    """The office's self-signed certificate and key, if ``office url https://…`` made them."""
    cert, key = Path(folder) / TLS_CERT_FILE, Path(folder) / TLS_KEY_FILE
    return (cert, key) if cert.exists() and key.exists() else None


def publish_upload_url(folder: Path, url: str, *, tls_cert: Path | None = None, tls_key: Path | None = None,
                       new_certificate: bool = False) -> PublishedAddress:
    """The address (and for https the certificate's pin) written into the bundle and its QR picture."""
    folder = Path(folder)
    if not (folder / AGE_KEY_FILE).exists():
        raise OfficeNotInitialisedError(path=str(folder))
    host = _host_of(url)
    pin, cert, key = None, None, None
    if url.lower().startswith("https://"):
        if tls_cert is None or tls_key is None:
            cert, key = folder / TLS_CERT_FILE, folder / TLS_KEY_FILE
            if new_certificate or own_tls_files(folder) is None:
                _self_signed(cert, key, _office_name(folder), host)
        else:
            cert, key = Path(tls_cert), Path(tls_key)
        pin = check_tls_files(cert, key)
    bundle = replace(parse_office_bundle((folder / BUNDLE_FILE).read_bytes()), upload_url=url.rstrip("/"),
                     tls_sha256=pin)
    (folder / BUNDLE_FILE).write_bytes(bundle.to_bytes())
    write_qr(folder / BUNDLE_QR, json.dumps(json.loads(bundle.to_bytes()), ensure_ascii=False,
                                             separators=(",", ":")))
    log.info("upload address written into the office bundle (tls: %s)", pin is not None)
    return PublishedAddress(bundle.upload_url or "", pin, cert, key, folder / BUNDLE_FILE, folder / BUNDLE_QR)


def _host_of(url: str) -> str:
    parts = urlsplit(url.strip())
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise UploadUrlInvalidError(url=url) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise UploadUrlInvalidError(url=url)
    return parts.hostname


def _office_name(folder: Path) -> str:
    try:
        return json.loads((folder / "office.json").read_text(encoding="utf-8")).get("name") or "office"
    except (OSError, ValueError):
        return "office"


def _self_signed(cert_path: Path, key_path: Path, name: str, host: str) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name[:64])])
    now = dt.datetime.now(dt.UTC)
    try:
        alt: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        alt = x509.DNSName(host)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=CERT_DAYS))
            .add_extension(x509.SubjectAlternativeName([alt]), critical=False)
            .sign(key, hashes.SHA256()))
    for path in (cert_path, key_path):
        path.unlink(missing_ok=True)  # a new certificate replaces the old one: stations need the new bundle
    write_private(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    log.info("self-signed office certificate made")
