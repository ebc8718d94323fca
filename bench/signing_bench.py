"""Records signed per second at a desk (QĐ 1551): an examiner's part of a complete adult visit signed through the
station's use case (``SignatureService.sign_part``: the record read, the part's XML built, the certificate checked,
the enveloped XML Signature made, the row and its audit event written), with the key in a .p12 file and on a
SoftHSM2 token (the PKCS#11 path a USB token takes), against the bare cost of the same signature made directly:
lxml's exclusive C14N of the same document and one ``cryptography`` RSA-2048 PKCS#1 v1.5 SHA-256 signature.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

PART = "doctor:internal"
TOKEN_PIN, TOKEN_LABEL = "123456", "bench-token"
SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                   "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")


def bench_signing(report, work: Path, visits: int = 100) -> None:  # noqa: ANN001 - bench.__main__.Report
    from bench import __main__ as b
    from devkit.station import full_visit, make_doctor
    from station_app.app import open_context
    from station_app.services.common.signing.training_ca import TrainingCA, pkcs12_bytes

    folder = b._station(work / "signing")
    ctx = open_context(folder)
    try:
        admin = ctx.accounts.sign_in("admin", b.ADMIN_PASSWORD)
        ctx.station.set_facility_codes(admin, facility_code="12001", facility_gln="6291041500213")
        nurse = ctx.accounts.sign_in(b.NURSE, b.NURSE_PASSWORD)
        doctor = make_doctor(ctx, admin)
        made = [full_visit(ctx, nurse, doctor, national_id=f"011180{i:06d}").id for i in range(1, 2 * visits + 1)]
        ca = TrainingCA.create("CA đo hiệu năng")
        holder = ca.issue("Lò Thị Lan", "000123/LC-CCHN")
        registered = ctx.accounts.set_certificate(admin, doctor.username, source="file",
                                                  certificate_der=_der(holder))
        ctx.signatures.keys.store(registered.user_id, pkcs12_bytes(holder, "bench-p12"))
        software = _per_second(ctx, doctor, made[:visits], ctx.signatures.open_signer(doctor, "bench-p12"))
        bare = _bare_per_second(ctx, doctor, made[0], holder)
        token = _token_per_second(ctx, admin, doctor, made[visits:], holder, work)
    finally:
        ctx.close()
    report.add(b.Figure("Parts signed per second at a desk, key in a .p12 file (sign_part: read, build, check, "
                        "sign, store)", f"{software:.0f}/s", f"{bare:.0f}/s (lxml C14N + RSA-2048 signature alone)",
                        bare / software if software else None, "informative", None,
                        f"{visits} visits' {PART} parts, one at a time"))
    if token is not None:
        report.add(b.Figure("Parts signed per second at a desk, key on a SoftHSM2 token (PKCS#11)",
                            f"{token:.0f}/s", f"{bare:.0f}/s (lxml C14N + RSA-2048 signature alone)",
                            bare / token if token else None, "informative", None,
                            f"{visits} visits, the token opened once with its PIN"))
    else:
        report.notes.append("Signing on a token: SoftHSM2 or pkcs11-tool missing, no figure in this run.")


def _der(signer) -> bytes:  # noqa: ANN001 - SoftwareSigner
    from cryptography.hazmat.primitives.serialization import Encoding

    return signer.certificate.public_bytes(Encoding.DER)


def _per_second(ctx, user, visit_ids: list[str], signer) -> float:  # noqa: ANN001
    ctx.signatures.sign_part(user, visit_ids[0], "doctor:eyes", signer)  # warm: forms read, code loaded
    started = time.perf_counter()
    for visit_id in visit_ids:
        ctx.signatures.sign_part(user, visit_id, PART, signer)
    return len(visit_ids) / (time.perf_counter() - started)


def _bare_per_second(ctx, user, visit_id: str, holder, runs: int = 200) -> float:  # noqa: ANN001
    """The same part's document, canonicalised by lxml and signed by ``cryptography`` alone."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from lxml import etree

    from station_app.core.pl01_signing import part_document

    record = ctx.pl01_records.of_visit(user, visit_id).record
    document = part_document(record, PART, visit_id=visit_id, facility_code="12001", cchn="000123/LC-CCHN")
    key = holder._key  # noqa: SLF001 - the bare library call on the same key
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    started = time.perf_counter()
    for _ in range(runs):
        canonical = etree.tostring(etree.fromstring(document, parser), method="c14n", exclusive=True)
        key.sign(canonical, padding.PKCS1v15(), hashes.SHA256())
    return runs / (time.perf_counter() - started)


def _token_per_second(ctx, admin, user, visit_ids: list[str], holder, work: Path) -> float | None:  # noqa: ANN001
    module = next((m for m in SOFTHSM_MODULES if Path(m).exists()), None)
    if module is None or not shutil.which("softhsm2-util") or not shutil.which("pkcs11-tool"):
        return None
    _load_token(module, holder, work / "softhsm")
    settings = ctx.settings.load()
    settings.extra["signing.pkcs11_module"] = module
    ctx.settings.save(settings)
    ctx.accounts.set_certificate(admin, user.username, source="token", certificate_der=_der(holder))
    signer = ctx.signatures.open_signer(user, TOKEN_PIN)
    try:
        return _per_second(ctx, user, visit_ids, signer)
    finally:
        signer.close()


def _load_token(module: str, holder, home: Path) -> None:  # noqa: ANN001
    """A SoftHSM2 token holding ``holder``'s key and certificate, loaded as an IT person would."""
    from cryptography.hazmat.primitives import serialization

    (home / "tokens").mkdir(parents=True, exist_ok=True)
    conf = home / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {home / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    key_pem, cert_der = home / "key.pem", home / "cert.der"
    key_pem.write_bytes(holder._key.private_bytes(serialization.Encoding.PEM,  # noqa: SLF001
                                                  serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    cert_der.write_bytes(_der(holder))

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, text=True)

    run("softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--pin", TOKEN_PIN, "--so-pin", "87654321")
    run("softhsm2-util", "--import", str(key_pem), "--token", TOKEN_LABEL, "--label", "bench", "--id", "01",
        "--pin", TOKEN_PIN)
    run("pkcs11-tool", "--module", module, "--token-label", TOKEN_LABEL, "--login", "--pin", TOKEN_PIN,
        "--write-object", str(cert_der), "--type", "cert", "--id", "01", "--label", "bench")
    key_pem.unlink()
