"""``station-app users certificate``: an administrator registers an examiner's .p12 (the passphrase from the
environment, never on the command line; the station keeps a passphrase-protected copy, mode 0600); an expired
certificate is refused with its Vietnamese message and no traceback."""
from __future__ import annotations

import datetime as dt
import stat

from support.cli import ADMIN, init_station, run_as
from support.signing import training_ca  # noqa: F401

from station_app.services.common.signing.training_ca import pkcs12_bytes

PASSPHRASE_VAR, PASSPHRASE = "STATION_TEST_P12", "mat-khau-tep-p12"


def _doctor(folder):
    added = run_as(ADMIN, "users", "add", "bs.minh", "--name", "Lò Văn Minh", "--role", "doctor",
                   "--new-password-env", "NEWPW", data_dir=folder, env={"NEWPW": "bacsi-minh-2026"})
    assert added.returncode == 0, added.stderr


def test_an_administrator_registers_a_doctors_p12(tmp_path, training_ca):
    folder = tmp_path / "tram"
    assert init_station(folder).returncode == 0
    _doctor(folder)
    p12 = tmp_path / "bs-minh.p12"
    p12.write_bytes(pkcs12_bytes(training_ca.issue("Lò Văn Minh", "000321/LC-CCHN"), PASSPHRASE))
    done = run_as(ADMIN, "users", "certificate", "bs.minh", "--p12", str(p12), "--passphrase-env", PASSPHRASE_VAR,
                  data_dir=folder, env={PASSPHRASE_VAR: PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert "000321/LC-CCHN" in done.stdout and "Lò Văn Minh" in done.stdout
    kept = list((folder / "keys" / "users").glob("*.p12"))
    assert len(kept) == 1 and stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert kept[0].read_bytes() == p12.read_bytes()


def test_an_expired_certificate_is_refused_with_its_message(tmp_path, training_ca):
    folder = tmp_path / "tram"
    assert init_station(folder).returncode == 0
    _doctor(folder)
    p12 = tmp_path / "cu.p12"
    old = training_ca.issue("Lò Văn Minh", "000321/LC-CCHN", not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
                            days=30)
    p12.write_bytes(pkcs12_bytes(old, PASSPHRASE))
    done = run_as(ADMIN, "users", "certificate", "bs.minh", "--p12", str(p12), "--passphrase-env", PASSPHRASE_VAR,
                  data_dir=folder, env={PASSPHRASE_VAR: PASSPHRASE})
    assert done.returncode != 0 and "hết hạn" in done.stderr and "Traceback" not in done.stderr
    assert not (folder / "keys" / "users").exists()
    wrong = run_as(ADMIN, "users", "certificate", "bs.minh", "--p12", str(p12), "--passphrase-env", PASSPHRASE_VAR,
                   data_dir=folder, env={PASSPHRASE_VAR: "sai"})
    assert wrong.returncode != 0 and "mật khẩu" in wrong.stderr and "Traceback" not in wrong.stderr
