"""The training receiving office beside a training station (``station-app demo``): the office side of the demo."""
from __future__ import annotations

import logging
from pathlib import Path

from station_app.services.exchange.keys import StationKeys
from station_app.services.office.service import OfficeService, init_office

log = logging.getLogger(__name__)
OFFICE_NAME = "Đơn vị nhận TẬP HUẤN (chỉ để tập xuất dữ liệu)"
# the training link to the stand-in hub (docs/NATIONAL.md): nothing here is a real facility's
STAND_IN_URL = "http://127.0.0.1:8765"
TRAINING_SENDER_ID = "9999999999999"
TRAINING_ACCOUNT = "taphuan"
FACILITY_KEY_FILE = "lien-thong-tap-huan.pub.pem"


def make_training_office(folder: Path, station_dir: Path, station_code: str, station_name: str, *,
                         facility: tuple[str, str] | None = None, password: str = "",
                         stand_in_url: str = STAND_IN_URL) -> list[str]:
    """The training office's keys in ``folder``; its bundle imported by the station in ``station_dir``, and the
    station's public key registered with it, as the two sides do once in real life (docs/OFFICE.md). With
    ``facility`` (MA_CSKCB, GLN) and the training station's CA (``keys/training-ca.pem``), also the national link:
    the CA trusted, a facility key issued by it, and the settings pointing at the stand-in hub on this machine;
    returns the commands that run that link, for the demo's summary."""
    keys = StationKeys(station_dir)
    keys.import_office_bundle(init_office(folder, OFFICE_NAME).bundle_path)
    pem = folder / f"{station_code}.pub.pem"
    keys.save_public_key(pem)
    office = OfficeService(folder)
    try:
        office.add_station(pem, station_code, name=station_name)
        linked = facility is not None and (station_dir / "keys" / "training-ca.pem").is_file()
        if linked:
            _training_link(office, folder, station_dir / "keys", station_code, facility, password, stand_in_url)
    finally:
        office.close()
    log.info("training office made, station registered with it")
    return stand_in_commands(folder, password) if linked else []


def _training_link(office: OfficeService, folder: Path, keys: Path, station_code: str, facility: tuple[str, str],
                   password: str, url: str) -> None:
    from station_app.services.common.signing.signers import public_pem
    from station_app.services.common.signing.training_ca import TrainingCA, pkcs12_bytes
    from station_app.services.office import national_service as national

    ca = TrainingCA.load((keys / "training-ca-key.pem").read_bytes(), (keys / "training-ca.pem").read_bytes())
    national.trust_add(office, keys / "training-ca.pem")
    signer = ca.issue("Trạm y tế TẬP HUẤN", days=3650)
    national.setup_facility(office, national.FacilityInput(
        station=station_code, sender_id=TRAINING_SENDER_ID, ma_cskcb=facility[0], gln=facility[1], url=url,
        username=TRAINING_ACCOUNT, password=password, p12=pkcs12_bytes(signer, password), passphrase=password))
    (folder / FACILITY_KEY_FILE).write_bytes(public_pem(signer))
    log.info("training national link set for station %s", station_code)


def stand_in_commands(folder: Path, password: str) -> list[str]:
    """Start the stand-in hub the training office pushes to (in another window), then push."""
    return [f"station-app office national stand-in --account {TRAINING_ACCOUNT}:{password}:{TRAINING_SENDER_ID} "
            f"--facility-key {TRAINING_SENDER_ID}=\"{folder / FACILITY_KEY_FILE}\"",
            f"station-app office national push --dir \"{folder}\""]
