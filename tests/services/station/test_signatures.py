"""Examiners sign their parts at the station, as the users see it: a doctor with a .p12 signs a part, amends it and
it reads "not yet signed" until signed again; a nurse without a certificate saves vitals that stay listed as
unsigned; the conclusion is signed while parts are unsigned (and says which); an expired certificate is refused at
registration and at signing with its message; the documents verify with stock xmlsec1."""
import datetime as dt
import subprocess

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from support.pl01 import set_facility
from support.signing import examiner, softhsm_token, training_ca  # noqa: F401

from devkit.station import full_visit
from station_app.core.pl01_answers import Answer
from station_app.services.common.accounts import CertificateCchnMismatchError
from station_app.services.common.signing.certificates import CertificateExpiredError
from station_app.services.common.signing.training_ca import pkcs12_bytes
from station_app.services.station.signatures import (CertificateMismatchError, NoCertificateError, SIGNED, STALE,
                                                      UNSIGNED)

PASSPHRASE = "mat-khau-tep-p12"


def _register_file(ctx, admin, username, signer, cchn="000123/LC-CCHN"):
    data = pkcs12_bytes(signer, PASSPHRASE)
    registered = ctx.accounts.set_certificate(admin, username, certificate_der=signer.certificate.public_bytes(
        Encoding.DER), source="file", cchn=cchn)
    ctx.signatures.keys.store(registered.user_id, data)
    return registered


@pytest.fixture
def visit(ctx, nurse, doctor):
    set_facility(ctx)
    return full_visit(ctx, nurse, doctor)


def _state(ctx, user, visit_id, part):
    return next(p for p in ctx.signatures.parts_of(user, visit_id).parts if p.part == part)


def test_a_doctor_signs_a_part_amends_it_and_signs_again(ctx, admin, doctor, visit, examiner):
    _register_file(ctx, admin, doctor.username, examiner)
    signer = ctx.signatures.open_signer(doctor, PASSPHRASE)
    assert _state(ctx, doctor, visit.id, "doctor:dental").state == UNSIGNED
    ctx.signatures.sign_part(doctor, visit.id, "doctor:dental", signer)
    signed = _state(ctx, doctor, visit.id, "doctor:dental")
    assert signed.state == SIGNED and signed.signer_name and signed.signed_at is not None
    ctx.answers.save(doctor, visit.id, desk="doctor:dental", reason="Sửa", answers=[Answer("HAM_TREN", "Sâu răng 16")])
    assert _state(ctx, doctor, visit.id, "doctor:dental").state == STALE
    assert ("doctor:dental", STALE) in {(u.part, u.state) for u in ctx.signatures.unsigned(doctor)}
    ctx.signatures.sign_part(doctor, visit.id, "doctor:dental", signer)
    assert _state(ctx, doctor, visit.id, "doctor:dental").state == SIGNED


def test_a_nurse_without_a_certificate_saves_and_her_part_is_listed_unsigned(ctx, nurse, visit):
    with pytest.raises(NoCertificateError):
        ctx.signatures.open_signer(nurse, "bat-ky")
    assert ("vitals", UNSIGNED) in {(u.part, u.state) for u in ctx.signatures.unsigned(nurse)}


def test_the_conclusion_is_signed_with_parts_unsigned_and_names_them(ctx, admin, doctor, visit, examiner):
    _register_file(ctx, admin, doctor.username, examiner)
    signer = ctx.signatures.open_signer(doctor, PASSPHRASE)
    ctx.signatures.sign_part(doctor, visit.id, "doctor:internal", signer)
    done = ctx.signatures.sign_conclusion(doctor, visit.id, signer)
    assert "vitals" in done.unsigned_parts and "doctor:internal" not in done.unsigned_parts
    assert ctx.signatures.parts_of(doctor, visit.id).conclusion.state == SIGNED


def test_someone_elses_key_is_refused(ctx, admin, doctor, visit, examiner, training_ca):
    _register_file(ctx, admin, doctor.username, examiner)
    with pytest.raises(CertificateMismatchError):
        ctx.signatures.sign_part(doctor, visit.id, "doctor:dental", training_ca.issue("Người khác", "000999/LC-CCHN"))


def test_an_expired_certificate_is_refused_at_registration_and_at_signing(ctx, admin, doctor, visit, training_ca):
    old = training_ca.issue("BS Hết Hạn", "000123/LC-CCHN", not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), days=30)
    with pytest.raises(CertificateExpiredError) as refused:
        _register_file(ctx, admin, doctor.username, old)
    assert "hết hạn" in str(refused.value)
    young = training_ca.issue("BS Sắp Hết Hạn", "000123/LC-CCHN", days=1)
    _register_file(ctx, admin, doctor.username, young)
    later = ctx.signatures._now() + dt.timedelta(days=3)  # noqa: SLF001
    ctx.signatures._now = lambda: later  # noqa: SLF001 - the laptop three days on
    with pytest.raises(CertificateExpiredError):
        ctx.signatures.sign_part(doctor, visit.id, "doctor:dental", young)
    assert _state(ctx, doctor, visit.id, "doctor:dental").state == UNSIGNED


def test_a_certificate_naming_another_cchn_is_refused(ctx, admin, doctor, training_ca):
    other = training_ca.issue("BS Khác", "000777/LC-CCHN")
    with pytest.raises(CertificateCchnMismatchError):
        _register_file(ctx, admin, doctor.username, other, cchn="000123/LC-CCHN")


@pytest.mark.tools("xmlsec1")
def test_xmlsec1_verifies_a_signed_part_and_conclusion_from_the_station(ctx, admin, doctor, visit, examiner,
                                                                       training_ca, tmp_path):
    _register_file(ctx, admin, doctor.username, examiner)
    signer = ctx.signatures.open_signer(doctor, PASSPHRASE)
    ctx.signatures.sign_part(doctor, visit.id, "doctor:internal", signer)
    ctx.signatures.sign_conclusion(doctor, visit.id, signer)
    ca = tmp_path / "ca.pem"
    ca.write_bytes(training_ca.certificate.public_bytes(Encoding.PEM))
    with ctx.db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT kind, xml FROM signatures ORDER BY kind").all()
    assert [k for k, _ in rows] == ["conclusion", "part"]
    for kind, xml in rows:
        path = tmp_path / f"{kind}.xml"
        path.write_bytes(xml)
        sig_id = "cks-nguoi-ket-luan" if kind == "conclusion" else "cks-nguoi-kham"
        done = subprocess.run(["xmlsec1", "--verify", "--trusted-pem", str(ca), "--id-attr:Id",
                               "http://www.w3.org/2000/09/xmldsig#:SignatureProperties", "--node-xpath",
                               f"//*[@Id='{sig_id}']", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        path.write_bytes(xml.replace(b'MAU_BIEU="2"', b'MAU_BIEU="3"'))  # the form changed after signing
        assert subprocess.run(["xmlsec1", "--verify", "--trusted-pem", str(ca), "--id-attr:Id",
                                   "http://www.w3.org/2000/09/xmldsig#:SignatureProperties", "--node-xpath",
                                   f"//*[@Id='{sig_id}']", str(path)], capture_output=True).returncode != 0


@pytest.mark.tools("softhsm2-util", "pkcs11-tool")
def test_a_token_opened_once_with_its_pin_signs_two_parts(ctx, admin, doctor, visit, softhsm_token):
    settings = ctx.settings.load()
    settings.extra["signing.pkcs11_module"] = softhsm_token.module
    ctx.settings.save(settings)
    ctx.accounts.set_certificate(admin, doctor.username, source="token", certificate_der=(
        softhsm_token.holder.certificate.public_bytes(Encoding.DER)))
    signer = ctx.signatures.open_signer(doctor, softhsm_token.pin)
    try:
        for part in ("doctor:internal", "doctor:eyes"):
            ctx.signatures.sign_part(doctor, visit.id, part, signer)
    finally:
        signer.close()
    states = {p.part: p.state for p in ctx.signatures.parts_of(doctor, visit.id).parts}
    assert states["doctor:internal"] == states["doctor:eyes"] == SIGNED and states["vitals"] == UNSIGNED
