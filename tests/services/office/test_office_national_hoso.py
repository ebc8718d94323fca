"""What the office sends as ``HOSO`` is read from the signed record alone, and holds only fields the form has: a
school health book (forms 14-17) has no conclusion, so no CKS_NGUOI_KET_LUAN or CKS_BENH_VIEN field (the hub
refused every such record when we sent them), while its signatures still travel in the signed XML."""
from __future__ import annotations

from support.signing import examiner, training_ca  # noqa: F401 - fixtures

from station_app.services.common.signing import xmldsig
from station_app.services.office import national_service as ns


def _signed(body: str, training_ca, examiner) -> bytes:  # noqa: ANN001
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<PL01 MAU_BIEU="{body}</PL01>\n'.encode()
    doctor = xmldsig.sign_enveloped(xml, examiner, signature_id=ns.CONCLUSION_SIGNATURE)
    return xmldsig.sign_enveloped(doctor, training_ca.issue("Trạm"), signature_id=ns.FACILITY_SIGNATURE,
                                  into=ns.CONCLUSION_SIGNATURE)


def test_an_adults_record_carries_both_signature_values_in_its_fields(training_ca, examiner):
    signed = _signed('2"><HO_TEN>Lò Thị Đào</HO_TEN><CKS_NGUOI_KET_LUAN/><CKS_BENH_VIEN/>', training_ca, examiner)
    hoso = ns.hoso_from_xml(signed)
    assert hoso["HO_TEN"] == "Lò Thị Đào"
    assert hoso["CKS_NGUOI_KET_LUAN"] == xmldsig.signature_value(signed, ns.CONCLUSION_SIGNATURE)
    assert hoso["CKS_BENH_VIEN"] == xmldsig.signature_value(signed, ns.FACILITY_SIGNATURE) != hoso["CKS_NGUOI_KET_LUAN"]


def test_a_school_books_record_has_no_conclusion_fields_to_fill(training_ca, examiner):
    signed = _signed('15"><HO_TEN>Lò Văn An</HO_TEN><CKS_NGUOI_KHAM>abc</CKS_NGUOI_KHAM>', training_ca, examiner)
    hoso = ns.hoso_from_xml(signed)
    assert "CKS_NGUOI_KET_LUAN" not in hoso and "CKS_BENH_VIEN" not in hoso
    assert hoso["CKS_NGUOI_KHAM"] == "abc"
