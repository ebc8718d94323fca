"""Signed check-up records as another party checks them: stock ``xmlsec1`` and ``openssl`` verify what we sign (with
a key from a ``.p12`` file and with a real PKCS#11 token), and our checker refuses what an attacker changes."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from support.signing import examiner, softhsm_token, training_ca  # noqa: F401 - fixtures

from station_app.services.common.signing import certificates, signers, xmldsig
from station_app.services.common.signing.training_ca import TrainingCA, pkcs12_bytes

RECORD = ('<?xml version="1.0" encoding="UTF-8"?>\n<PL01 MAU_BIEU="2" MA_LUOT_KHAM="v-1">\n'
          '  <HO_TEN>Lò Thị Đào</HO_TEN>\n  <MACH>80</MACH>\n  <CKS_NGUOI_KET_LUAN/>\n</PL01>\n').encode()
PROPS_ID = "--id-attr:Id http://www.w3.org/2000/09/xmldsig#:SignatureProperties"


def xmlsec_verify(path: Path, ca: TrainingCA, signature_id: str) -> subprocess.CompletedProcess:
    ca_pem = path.with_name("ca.pem")
    ca_pem.write_bytes(ca.pem()[1])
    return subprocess.run(["xmlsec1", "--verify", "--trusted-pem", str(ca_pem), *PROPS_ID.split(),
                           "--node-xpath", f"//*[@Id='{signature_id}']", str(path)], capture_output=True, text=True)


def countersigned(training_ca: TrainingCA, examiner) -> bytes:  # noqa: ANN001
    doctor_signed = xmldsig.sign_enveloped(RECORD, examiner, signature_id="cks-nguoi-ket-luan")
    facility = training_ca.issue("Trạm y tế xã Kiểm Thử")
    return xmldsig.sign_enveloped(doctor_signed, facility, signature_id="cks-benh-vien", into="cks-nguoi-ket-luan")


@pytest.mark.tools("xmlsec1")
def test_the_doctors_and_the_facilitys_signatures_each_verify_with_stock_xmlsec1(tmp_path, training_ca, examiner):
    signed = tmp_path / "record.xml"
    signed.write_bytes(countersigned(training_ca, examiner))
    for signature_id in ("cks-nguoi-ket-luan", "cks-benh-vien"):
        result = xmlsec_verify(signed, training_ca, signature_id)
        assert result.returncode == 0, result.stderr
        found = xmldsig.verify_enveloped(signed.read_bytes(), signature_id=signature_id)
        assert found.signed_at.tzinfo is not None
    doctor = xmldsig.verify_enveloped(signed.read_bytes(), signature_id="cks-nguoi-ket-luan")
    assert certificates.info(doctor.certificate).cchn == "000123/LC-CCHN"


@pytest.mark.tools("xmlsec1")
def test_a_value_changed_after_signing_fails_with_xmlsec1_and_with_us(tmp_path, training_ca, examiner):
    tampered = countersigned(training_ca, examiner).replace(b"<MACH>80</MACH>", b"<MACH>60</MACH>")
    path = tmp_path / "tampered.xml"
    path.write_bytes(tampered)
    assert xmlsec_verify(path, training_ca, "cks-nguoi-ket-luan").returncode != 0
    for signature_id in ("cks-nguoi-ket-luan", "cks-benh-vien"):
        with pytest.raises(xmldsig.SignatureInvalidError, match="sửa sau khi ký"):
            xmldsig.verify_enveloped(tampered, signature_id=signature_id)


def test_a_changed_signing_time_a_planted_copy_or_a_missing_signature_is_refused(training_ca, examiner):
    signed = xmldsig.sign_enveloped(RECORD, examiner, signature_id="cks-nguoi-ket-luan")
    stamp = signed.split(b"<NGAY_KY>")[1][:20]
    with pytest.raises(xmldsig.SignatureInvalidError):
        xmldsig.verify_enveloped(signed.replace(stamp, b"2020-01-01T00:00:00Z"), signature_id="cks-nguoi-ket-luan")
    planted = signed.replace(b"<MACH>80</MACH>", b'<MACH>80</MACH><X Id="cks-nguoi-ket-luan-props"/>')
    with pytest.raises(xmldsig.SignatureInvalidError):
        xmldsig.verify_enveloped(planted, signature_id="cks-nguoi-ket-luan")
    with pytest.raises(xmldsig.SignatureInvalidError, match="đã có"):
        xmldsig.sign_enveloped(signed, examiner, signature_id="cks-nguoi-ket-luan")
    with pytest.raises(xmldsig.SignatureInvalidError, match="không có chữ ký"):
        xmldsig.verify_enveloped(RECORD, signature_id="cks-nguoi-ket-luan")
    assert xmldsig.content_digest(signed) == xmldsig.content_digest(RECORD)


def test_a_document_with_a_dtd_or_entities_is_refused_before_anything_is_read():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><PL01>&a;</PL01>'
    with pytest.raises(xmldsig.SignatureInvalidError):
        xmldsig.verify_enveloped(bomb, signature_id="cks-nguoi-ket-luan")


def test_an_expired_certificate_or_one_not_for_signing_is_refused_with_what_to_do(training_ca):
    old = training_ca.issue("Hết Hạn", not_before=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), days=365)
    with pytest.raises(certificates.CertificateExpiredError, match="31/12/2024") as caught:
        certificates.check_for_signing(old.certificate)
    assert "gia hạn" in str(caught.value)
    encrypting = training_ca.issue("Chỉ Mã Hoá", key_usage=False)
    with pytest.raises(certificates.CertificateKeyUsageError):
        certificates.check_for_signing(encrypting.certificate)
    certificates.check_for_signing(training_ca.issue("Còn Hạn").certificate)


@pytest.mark.tools("openssl")
def test_the_examiners_certificate_chains_to_the_training_ca_for_us_and_for_openssl(tmp_path, training_ca, examiner):
    assert certificates.verify_chain(examiner.certificate, [training_ca.certificate])
    assert not certificates.verify_chain(examiner.certificate, [TrainingCA.create("Other CA").certificate])
    (tmp_path / "ca.pem").write_bytes(training_ca.pem()[1])
    (tmp_path / "examiner.pem").write_bytes(examiner.certificate.public_bytes(serialization.Encoding.PEM))
    result = subprocess.run(["openssl", "verify", "-CAfile", str(tmp_path / "ca.pem"), str(tmp_path / "examiner.pem")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "OK" in result.stdout


@pytest.mark.tools("openssl")
def test_a_p12_file_signs_after_its_passphrase_and_a_wrong_passphrase_says_so(tmp_path, examiner):
    p12 = tmp_path / "bac-si.p12"
    p12.write_bytes(pkcs12_bytes(examiner, "Mật khẩu tệp"))
    info = subprocess.run(["openssl", "pkcs12", "-in", str(p12), "-nokeys", "-passin", "pass:Mật khẩu tệp"],
                          capture_output=True, text=True)
    assert info.returncode == 0 and "BEGIN CERTIFICATE" in info.stdout
    assert signers.load_pkcs12(p12, "Mật khẩu tệp").certificate == examiner.certificate
    with pytest.raises(certificates.CertificateUnreadableError, match="mật khẩu"):
        signers.load_pkcs12(p12, "sai")


@pytest.mark.tools("xmlsec1", "softhsm2-util", "pkcs11-tool")
def test_an_examiner_signs_with_a_pkcs11_token_and_xmlsec1_verifies_it(tmp_path, softhsm_token, training_ca):
    signer = signers.open_token(softhsm_token.module, softhsm_token.pin,
                                cert_fingerprint=softhsm_token.signer_certificate_fingerprint)
    try:
        signed = xmldsig.sign_enveloped(RECORD, signer, signature_id="cks-nguoi-kham")
    finally:
        signer.close()
    path = tmp_path / "part.xml"
    path.write_bytes(signed)
    assert xmlsec_verify(path, training_ca, "cks-nguoi-kham").returncode == 0
    found = xmldsig.verify_enveloped(signed, signature_id="cks-nguoi-kham")
    assert found.certificate == softhsm_token.holder.certificate


@pytest.mark.tools("softhsm2-util", "pkcs11-tool")
def test_a_wrong_pin_or_someone_elses_token_is_refused_with_a_message(softhsm_token):
    with pytest.raises(signers.TokenPinError, match="PIN"):
        signers.open_token(softhsm_token.module, "000000", cert_fingerprint=softhsm_token.signer_certificate_fingerprint)
    with pytest.raises(signers.TokenNotFoundError, match="USB ký số"):
        signers.open_token(softhsm_token.module, softhsm_token.pin, cert_fingerprint="00" * 32)


@pytest.mark.tools("xmlsec1")
def test_xmlsec1_signing_our_template_writes_exactly_our_digests_and_signature(tmp_path, examiner):
    """RSA PKCS#1 v1.5 is deterministic: stock xmlsec1, given our signature with its values blanked, computes the
    same digests and the same signature value — our canonical form is the standard one, byte for byte."""
    ours = xmldsig.sign_enveloped(RECORD, examiner, signature_id="cks-nguoi-ket-luan")
    root = xmldsig.parse(ours)
    for name in ("DigestValue", "SignatureValue"):
        for element in root.iter(f"{{{xmldsig.DS}}}{name}"):
            element.text = ""
    template = tmp_path / "template.xml"
    template.write_bytes(xmldsig.etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))
    (tmp_path / "key.pem").write_bytes(examiner._key.private_bytes(  # noqa: SLF001
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    result = subprocess.run(["xmlsec1", "--sign", "--privkey-pem", str(tmp_path / "key.pem"), *PROPS_ID.split(),
                             "--node-xpath", "//*[@Id='cks-nguoi-ket-luan']", "--output", str(tmp_path / "theirs.xml"),
                             str(template)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    theirs = (tmp_path / "theirs.xml").read_bytes()
    assert xmldsig.signature_value(theirs, "cks-nguoi-ket-luan") == xmldsig.signature_value(ours, "cks-nguoi-ket-luan")
    assert xmldsig.verify_enveloped(theirs, signature_id="cks-nguoi-ket-luan").certificate == examiner.certificate


def test_any_damage_to_a_signed_record_is_a_refusal_never_a_crash_or_an_acceptance(training_ca, examiner):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    signed = countersigned(training_ca, examiner)

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.integers(0, len(signed) - 1), st.binary(min_size=1, max_size=3))
    def damaged(at: int, junk: bytes) -> None:
        changed = signed[:at] + junk + signed[at + len(junk):]
        for signature_id in ("cks-nguoi-ket-luan", "cks-benh-vien"):
            try:
                found = xmldsig.verify_enveloped(changed, signature_id=signature_id)
            except xmldsig.SignatureInvalidError:
                continue
            # accepted only when what was signed reads the same (whitespace inside base64, an equivalent quote…)
            assert xmldsig.content_of(changed) == xmldsig.content_of(signed)
            assert found.signature_value == xmldsig.signature_value(signed, signature_id)

    damaged()
