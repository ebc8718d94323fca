"""`station-app office national setup|trust|push|status` on the command line, and the whole way of one check-up: a
station's completed visit signed by the concluding doctor, carried in a batch, imported by the office, countersigned
by the facility and accepted by the stand-in hub, its state shown by `office national status --json`."""
from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from station_app import cli
from station_app.services.common.signing.training_ca import pkcs12_bytes
from station_app.services.office.national.stand_in import HubAccount, StandInHub
from support.batch import full_visit
from support.national import (GLN, MA_CSKCB, PASSPHRASE, PASSWORD, SENDER_ID, USERNAME, conclusion_xml, facility_key,
                              provenance, with_provenances)
from support.office import export
from support.signing import examiner, training_ca  # noqa: F401


@pytest.fixture
def secrets(monkeypatch, tmp_path, training_ca):
    p12 = tmp_path / "co-so.p12"
    p12.write_bytes(pkcs12_bytes(facility_key(training_ca), PASSPHRASE))
    monkeypatch.setenv("LT_PASSWORD", PASSWORD)
    monkeypatch.setenv("LT_PASSPHRASE", PASSPHRASE)
    return p12


def setup_args(office, p12, url="https://hub.invalid", **changes):
    fields = {"--station": "TYT-MK", "--sender-id": SENDER_ID, "--ma-cskcb": MA_CSKCB, "--gln": GLN, "--url": url,
              "--username": USERNAME, **changes}
    return ["office", "national", "setup", "--dir", str(office.folder), *[x for kv in fields.items() for x in kv],
            "--password-env", "LT_PASSWORD", "--p12", str(p12), "--passphrase-env", "LT_PASSPHRASE"]


def test_setup_names_a_bad_field_then_shows_the_settings_without_any_secret(office, station, secrets, capsys):
    assert cli.main(setup_args(office, secrets, **{"--sender-id": "12345"})) == 1
    assert "--sender-id" in capsys.readouterr().err
    assert cli.main(setup_args(office, secrets)) == 0
    out = capsys.readouterr().out
    assert SENDER_ID in out and USERNAME in out and "BEGIN PUBLIC KEY" in out
    assert PASSWORD not in out and PASSPHRASE not in out


def test_a_wrong_passphrase_is_said_without_a_traceback(office, station, secrets, monkeypatch, capsys):
    monkeypatch.setenv("LT_PASSPHRASE", "sai")
    assert cli.main(setup_args(office, secrets)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()


def test_trusted_cas_are_added_listed_and_removed(office, training_ca, tmp_path, capsys):
    pem = tmp_path / "ca.pem"
    pem.write_bytes(training_ca.pem()[1])
    where = ["--dir", str(office.folder)]
    assert cli.main(["office", "national", "trust", "add", str(pem), *where]) == 0
    assert cli.main(["office", "national", "trust", "list", *where]) == 0
    fingerprint = capsys.readouterr().out.splitlines()[-1].split("\t")[0]
    assert len(fingerprint) == 64
    assert cli.main(["office", "national", "trust", "remove", fingerprint[:12], *where]) == 0
    capsys.readouterr()
    assert cli.main(["office", "national", "trust", "list", *where]) == 0
    assert capsys.readouterr().out == ""
    (tmp_path / "junk.pem").write_bytes(b"not a certificate")
    assert cli.main(["office", "national", "trust", "add", str(tmp_path / "junk.pem"), *where]) == 1
    assert "PEM" in capsys.readouterr().err


def test_a_duration_that_cannot_be_read_is_said(office, capsys):
    assert cli.main(["office", "national", "status", "--dir", str(office.folder), "--older-than", "hôm qua"]) == 2
    assert "20h" in capsys.readouterr().err


def test_a_visit_signed_at_the_station_reaches_the_stand_in_hub_and_shows_as_accepted(
        office, station, nurse, doctor, data_dir, examiner, training_ca, secrets, tmp_path, capsys):
    visit = full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "xuất")
    signed = with_provenances(batch, data_dir, office, [provenance(visit.id, conclusion_xml(visit.id, examiner))],
                              tmp_path / "usb")
    pem = tmp_path / "ca.pem"
    pem.write_bytes(training_ca.pem()[1])
    where = ["--dir", str(office.folder)]
    assert cli.main(["office", "national", "trust", "add", str(pem), *where]) == 0
    assert cli.main(["office", "import", str(signed), *where]) == 0
    public = facility_key(training_ca).certificate.public_key().public_bytes(Encoding.PEM,
                                                                             PublicFormat.SubjectPublicKeyInfo)
    with StandInHub(tmp_path / "hub.jsonl", accounts=[HubAccount(USERNAME, PASSWORD, SENDER_ID)],
                    facility_keys={SENDER_ID: public}) as hub:
        assert cli.main(setup_args(office, secrets, url=hub.url)) == 0
        capsys.readouterr()
        assert cli.main(["office", "national", "push", *where]) == 0
        assert "1 được nhận" in capsys.readouterr().out
        [accepted] = hub.accepted()
    assert cli.main(["office", "national", "status", "--json", *where]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["stations"][0]["counts"] == {"accepted": 1} and shown["stations"][0]["configured"]
    assert shown["refused"] == [] and shown["held"] == [] and shown["late"] == []
