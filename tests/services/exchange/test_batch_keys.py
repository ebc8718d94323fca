"""The station's signing key made at set-up, readable only by its user; the office's bundle imported from a file,
a malformed one refused with what is wrong."""
import base64
import json
import os
import stat
import subprocess
import shutil

import pytest
from pyrage import x25519

from station_app.core.batch_format import OfficeBundleInvalidError, OfficeBundleMissingError, key_id
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.keys import StationKeys, load_public_pem


def office_bundle_json(**overrides):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    receipt = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    data = {"format": "office-bundle/1", "name": "Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu",
            "age_recipient": str(x25519.Identity.generate().to_public()),
            "receipt_public_key": base64.b64encode(receipt).decode()}
    data.update(overrides)
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


def test_set_up_makes_the_station_key_readable_only_by_its_user(ctx, data_dir):
    keys = StationKeys(data_dir)
    assert keys.has_station_key()
    if os.name == "posix":
        assert stat.S_IMODE(keys.private_key_path.stat().st_mode) == 0o600
    with UnitOfWork(ctx.db) as uow:
        station = uow.stations.current()
        assert station.public_key == keys.public_key().pem
        assert station.signing_key_ref == keys.private_key_path.name


def test_the_key_id_is_the_sha256_of_the_der_public_key(ctx, data_dir, tmp_path):
    public = StationKeys(data_dir).save_public_key(tmp_path / "station.pub.pem")
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    der = load_public_pem((tmp_path / "station.pub.pem").read_text()).public_bytes(
        Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    assert public.key_id == key_id(der) and len(public.key_id) == 64
    if shutil.which("openssl"):  # the office can compute the same fingerprint with stock tools
        out = subprocess.run(["openssl", "pkey", "-pubin", "-in", str(tmp_path / "station.pub.pem"), "-outform", "DER"],
                             capture_output=True, check=True).stdout
        assert key_id(out) == public.key_id


def test_a_station_set_up_before_export_gets_its_key_once(empty_ctx, data_dir):
    keys = StationKeys(data_dir)
    assert not keys.has_station_key()
    first = keys.ensure_station_key()
    assert keys.ensure_station_key() == first  # never replaced: the office has registered it


def test_the_office_bundle_is_imported_and_kept(empty_ctx, data_dir, tmp_path):
    source = tmp_path / "office-bundle.json"
    source.write_text(office_bundle_json(), encoding="utf-8")
    keys = StationKeys(data_dir)
    with pytest.raises(OfficeBundleMissingError):
        keys.require_office_bundle()
    bundle = keys.import_office_bundle(source)
    assert bundle.name == "Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu"
    assert keys.require_office_bundle() == bundle
    assert bundle.recipients == (bundle.age_recipient,)


@pytest.mark.parametrize("content, words", [
    ("not json at all", "không phải JSON"),
    ('{"name": "x"}', "office-bundle/1"),
    (office_bundle_json(name=" "), "tên đơn vị"),
    (office_bundle_json(age_recipient="age1qqqq"), "age_recipient"),
    (office_bundle_json(age_recipient="age1" + "q" * 58), "age_recipient"),  # right shape, wrong checksum
    (office_bundle_json(receipt_public_key="AAAA"), "receipt_public_key"),
    (office_bundle_json(escrow_recipient="ssh-ed25519 AAAA"), "escrow_recipient"),
])
def test_a_malformed_office_bundle_is_refused_saying_what_is_wrong(empty_ctx, data_dir, tmp_path, content, words):
    source = tmp_path / "bundle.json"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(OfficeBundleInvalidError) as info:
        StationKeys(data_dir).import_office_bundle(source)
    assert words in str(info.value) and "xin lại tệp" in str(info.value)
    assert StationKeys(data_dir).office_bundle() is None


def test_a_missing_bundle_file_is_refused(empty_ctx, data_dir, tmp_path):
    with pytest.raises(OfficeBundleInvalidError, match="không mở được tệp"):
        StationKeys(data_dir).import_office_bundle(tmp_path / "nowhere.json")


def test_the_public_key_qr_code_carries_code_key_id_and_pem(ctx, data_dir, tmp_path):
    import qrcode

    from station_app.services.common.decoding import decode_image

    public = StationKeys(data_dir).public_key()
    text = public.qr_text("TYT-MK")
    qrcode.make(text).save(tmp_path / "key.png")
    read = json.loads(decode_image(str(tmp_path / "key.png"))[0])
    assert read == {"format": "station-key/1", "station": "TYT-MK", "key_id": public.key_id,
                    "public_key_pem": public.pem}
    assert load_public_pem(read["public_key_pem"]) is not None
