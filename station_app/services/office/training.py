"""The training receiving office beside a training station (``station-app demo``): the office side of the demo."""
from __future__ import annotations

import logging
from pathlib import Path

from station_app.services.exchange.keys import StationKeys
from station_app.services.office.service import OfficeService, init_office

log = logging.getLogger(__name__)
OFFICE_NAME = "Đơn vị nhận TẬP HUẤN (chỉ để tập xuất dữ liệu)"


def make_training_office(folder: Path, station_dir: Path, station_code: str, station_name: str) -> None:
    """The training office's keys in ``folder``; its bundle imported by the station in ``station_dir``, and the
    station's public key registered with it, as the two sides do once in real life (docs/OFFICE.md)."""
    keys = StationKeys(station_dir)
    keys.import_office_bundle(init_office(folder, OFFICE_NAME).bundle_path)
    pem = folder / f"{station_code}.pub.pem"
    keys.save_public_key(pem)
    office = OfficeService(folder)
    try:
        office.add_station(pem, station_code, name=station_name)
    finally:
        office.close()
    log.info("training office made, station registered with it")
