"""Enveloped XML Signatures (W3C XML-DSig 1.0) over a record's XML, checkable by stock ``xmlsec1 --verify``.

Each signature has an ``Id`` (``cks-nguoi-kham``, ``cks-nguoi-ket-luan``, ``cks-benh-vien``) and two references:
the whole document (``URI=""``; transforms: enveloped-signature, exclusive C14N) and its own signing time
(``URI="#<Id>-props"``, a ``ds:SignatureProperties`` in the signature's ``ds:Object``), both with SHA-256; the
signed info is canonicalised with exclusive C14N and signed with RSA-SHA256 (or ECDSA-SHA256 for an EC key); the
certificate travels in ``ds:KeyInfo/ds:X509Data``.

Several people sign one record without breaking each other: a later signature that countersigns an earlier one
goes into a new ``ds:Object`` *inside* the earlier signature (``into=``), as XAdES places countersignatures. The
earlier signature's enveloped transform removes its whole element, the later one with it, so it still verifies;
the later one covers the document together with the earlier signature.

Verification is strict: only the shapes written here are accepted (one ``Signature`` with the asked ``Id``, these
algorithms, these two references); the digest is recomputed from the document that is then read, so nothing
outside what was signed can be slipped in beside it (signature wrapping).
"""
from __future__ import annotations

import base64
import copy as copy_module
import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.services.common.signing.signers import ECDSA_SHA256, RSA_SHA256, Signer

DS = "http://www.w3.org/2000/09/xmldsig#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
PROPS_TYPE = "http://www.w3.org/2000/09/xmldsig#SignatureProperties"
SIGNING_TIME = "NGAY_KY"  # ours: the signing time, ISO 8601 UTC, inside the signed SignatureProperties
MAX_XML_BYTES = 4 * 1024 * 1024
_NS = {"ds": DS}


def _parser() -> etree.XMLParser:  # one per document: its error log is its own (threads)
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


class SignatureInvalidError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Chữ ký số không hợp lệ ({reason}). Hồ sơ này chưa được gửi đi.")


@dataclass(frozen=True)
class VerifiedSignature:
    certificate: x509.Certificate
    signature_value: str  # base64, as in ds:SignatureValue (what the record's CKS_* field carries)
    signed_at: dt.datetime
    content_digest: str  # SHA-256 hex of the document without any signature (``content_of``)


def parse(xml: bytes) -> etree._Element:
    if len(xml) > MAX_XML_BYTES:
        raise SignatureInvalidError(reason="tài liệu quá lớn")
    parser = _parser()
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise SignatureInvalidError(reason="không phải XML") from exc
    if len(parser.error_log) or root.getroottree().docinfo.internalDTD is not None:  # e.g. an undeclared prefix
        raise SignatureInvalidError(reason="XML có DTD")
    return root


def _c14n(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True, with_comments=False)


def _remove(element: etree._Element) -> None:
    """Removes ``element`` and its subtree but keeps the text after it (lxml's ``remove`` drops that tail; the
    enveloped-signature transform keeps it)."""
    parent, tail = element.getparent(), element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _document_digest(root: etree._Element, signature_id: str) -> bytes:
    """SHA-256 of the document without the signature ``signature_id`` (enveloped transform, exclusive C14N)."""
    copy = copy_module.deepcopy(root)
    _remove(_find_signature(copy, signature_id))
    return hashlib.sha256(_c14n(copy)).digest()


def _find_signature(root: etree._Element, signature_id: str) -> etree._Element:
    found = [s for s in root.iter(f"{{{DS}}}Signature") if s.get("Id") == signature_id]
    if len(found) != 1:
        raise SignatureInvalidError(reason="không có chữ ký" if not found else "chữ ký lặp")
    return found[0]


def content_of(xml: bytes) -> bytes:
    """The document without any signature, canonical (exclusive C14N): two versions of a record are the same
    content exactly when these bytes are equal."""
    root = parse(xml)
    for signature in list(root.iter(f"{{{DS}}}Signature")):
        if signature.getparent() is not None and _outermost(signature):
            _remove(signature)
    return _c14n(root)


def _outermost(signature: etree._Element) -> bool:
    return not any(a.tag == f"{{{DS}}}Signature" for a in signature.iterancestors())


def content_digest(xml: bytes) -> str:
    return hashlib.sha256(content_of(xml)).hexdigest()


def _sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{DS}}}{name}", attrs)
    element.text = text
    return element


def _reference(signed_info: etree._Element, uri: str, transforms: list[str], type_: str | None = None) -> etree._Element:
    ref = _sub(signed_info, "Reference", URI=uri, **({"Type": type_} if type_ else {}))
    box = _sub(ref, "Transforms")
    for algorithm in transforms:
        _sub(box, "Transform", Algorithm=algorithm)
    _sub(ref, "DigestMethod", Algorithm=SHA256)
    return _sub(ref, "DigestValue", "")


def sign_enveloped(xml: bytes, signer: Signer, *, signature_id: str, into: str | None = None,
                   signed_at: dt.datetime | None = None) -> bytes:
    """``xml`` with a new enveloped signature by ``signer``: the last child of the root element, or — with
    ``into`` — in a new ``ds:Object`` of the existing signature ``into`` (a countersignature)."""
    root = parse(xml)
    if any(s.get("Id") == signature_id for s in root.iter(f"{{{DS}}}Signature")):
        raise SignatureInvalidError(reason="đã có chữ ký này")
    signed_at = (signed_at or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    signature = etree.Element(f"{{{DS}}}Signature", {"Id": signature_id}, nsmap={"ds": DS})
    signed_info = _sub(signature, "SignedInfo")
    _sub(signed_info, "CanonicalizationMethod", Algorithm=EXC_C14N)
    _sub(signed_info, "SignatureMethod", Algorithm=signer.algorithm)
    doc_digest = _reference(signed_info, "", [ENVELOPED, EXC_C14N])
    props_digest = _reference(signed_info, f"#{signature_id}-props", [EXC_C14N], PROPS_TYPE)
    value = _sub(signature, "SignatureValue", "")
    cert_der = signer.certificate.public_bytes(Encoding.DER)
    _sub(_sub(_sub(signature, "KeyInfo"), "X509Data"), "X509Certificate", base64.b64encode(cert_der).decode())
    props = _sub(_sub(signature, "Object"), "SignatureProperties", Id=f"{signature_id}-props")
    prop = _sub(props, "SignatureProperty", Target=f"#{signature_id}")
    etree.SubElement(prop, SIGNING_TIME).text = signed_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    host = root if into is None else _sub(_find_signature(root, into), "Object")
    host.append(signature)
    doc_digest.text = base64.b64encode(_document_digest(root, signature_id)).decode()
    props_digest.text = base64.b64encode(hashlib.sha256(_c14n(props)).digest()).decode()
    value.text = base64.b64encode(signer.sign(_c14n(signed_info))).decode()
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")


def signature_value(xml: bytes, signature_id: str) -> str:
    """The base64 SignatureValue of ``signature_id`` (unchecked: use ``verify_enveloped`` for trust)."""
    return "".join((_find_signature(parse(xml), signature_id).findtext("ds:SignatureValue", "", _NS)).split())


def verify_enveloped(xml: bytes, *, signature_id: str) -> VerifiedSignature:
    """Checks the signature ``signature_id`` of ``xml`` and returns who signed (the certificate in it: whether to
    trust that certificate is the caller's decision) and when. ``SignatureInvalidError`` names what failed."""
    root = parse(xml)
    signature = _find_signature(root, signature_id)
    signed_info = _only(signature, "ds:SignedInfo")
    _expect(_only(signed_info, "ds:CanonicalizationMethod").get("Algorithm") == EXC_C14N, "thuật toán chuẩn hoá")
    method = _only(signed_info, "ds:SignatureMethod").get("Algorithm")
    _expect(method in (RSA_SHA256, ECDSA_SHA256), "thuật toán ký")
    refs = signed_info.findall("ds:Reference", _NS)
    _expect(len(refs) == 2 and len(signed_info) == 4, "cấu trúc chữ ký")
    props = _props(signature, signature_id)
    _check_reference(refs[0], "", [ENVELOPED, EXC_C14N], _document_digest(root, signature_id))
    _check_reference(refs[1], f"#{signature_id}-props", [EXC_C14N], hashlib.sha256(_c14n(props)).digest())
    cert = _certificate(signature)
    _check_value(cert, method, _b64(signature.findtext("ds:SignatureValue", "", _NS)), _c14n(signed_info))
    return VerifiedSignature(certificate=cert, signature_value="".join(
        signature.findtext("ds:SignatureValue", "", _NS).split()), signed_at=_signed_at(props, signature_id),
        content_digest=content_digest(etree.tostring(root)))


def _only(parent: etree._Element, path: str) -> etree._Element:
    found = parent.findall(path, _NS)
    _expect(len(found) == 1, "cấu trúc chữ ký")
    return found[0]


def _expect(condition: bool, reason: str) -> None:
    if not condition:
        raise SignatureInvalidError(reason=reason)


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except ValueError as exc:
        raise SignatureInvalidError(reason="mã base64 hỏng") from exc


def _props(signature: etree._Element, signature_id: str) -> etree._Element:
    """The signature's own SignatureProperties (in one of its direct ds:Object children; an Id elsewhere in the
    document does not count)."""
    found = [p for o in signature.findall("ds:Object", _NS) for p in o.findall("ds:SignatureProperties", _NS)
             if p.get("Id") == f"{signature_id}-props"]
    _expect(len(found) == 1, "thiếu thời điểm ký")
    root = signature.getroottree().getroot()
    _expect(sum(1 for e in root.iter() if e.get("Id") == f"{signature_id}-props") == 1, "mã định danh lặp")
    return found[0]


def _check_reference(ref: etree._Element, uri: str, transforms: list[str], digest: bytes) -> None:
    _expect(ref.get("URI") == uri, "tham chiếu")
    algorithms = [t.get("Algorithm") for t in ref.findall("ds:Transforms/ds:Transform", _NS)]
    _expect(algorithms == transforms and all(len(t) == 0 for t in ref.findall("ds:Transforms/ds:Transform", _NS)),
            "phép biến đổi")
    _expect(_only(ref, "ds:DigestMethod").get("Algorithm") == SHA256, "thuật toán băm")
    _expect(_b64(_only(ref, "ds:DigestValue").text or "") == digest, "nội dung đã bị sửa sau khi ký")


def _certificate(signature: etree._Element) -> x509.Certificate:
    certs = signature.findall("ds:KeyInfo/ds:X509Data/ds:X509Certificate", _NS)
    _expect(len(certs) == 1, "thiếu chứng thư số")
    try:
        return x509.load_der_x509_certificate(_b64(certs[0].text or ""))
    except ValueError as exc:
        raise SignatureInvalidError(reason="chứng thư số hỏng") from exc


def _check_value(cert: x509.Certificate, method: str, value: bytes, signed: bytes) -> None:
    try:
        key = cert.public_key()
    except (UnsupportedAlgorithm, ValueError) as exc:
        raise SignatureInvalidError(reason="chứng thư số hỏng") from exc
    try:
        if method == RSA_SHA256 and isinstance(key, rsa.RSAPublicKey):
            key.verify(value, signed, padding.PKCS1v15(), hashes.SHA256())
        elif method == ECDSA_SHA256 and isinstance(key, ec.EllipticCurvePublicKey):
            size = (key.curve.key_size + 7) // 8
            _expect(len(value) == 2 * size, "giá trị chữ ký")
            r, s = int.from_bytes(value[:size], "big"), int.from_bytes(value[size:], "big")
            key.verify(encode_dss_signature(r, s), signed, ec.ECDSA(hashes.SHA256()))
        else:
            raise SignatureInvalidError(reason="khoá không hợp thuật toán")
    except InvalidSignature as exc:
        raise SignatureInvalidError(reason="giá trị chữ ký sai") from exc


def _signed_at(props: etree._Element, signature_id: str) -> dt.datetime:
    text = props.findtext(f"ds:SignatureProperty/{SIGNING_TIME}", "", _NS)
    try:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError as exc:
        raise SignatureInvalidError(reason="thời điểm ký") from exc
