"""The training station comes with a training receiving office: after `demo` a coordinator exports a batch with no
further set-up, and the training office verifies and imports it; `demo` prints how to open the station and where
the office is."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.cli import run_as, run_cli

from station_app.app import open_context
from station_app.services.exchange.batch_export import ExportService
from station_app.services.office.service import OfficeService
from station_app.services.station.demo import TRAINING_PASSWORD


@pytest.fixture
def made(data_dir: Path):
    from station_app.services.office.training import make_training_office
    from station_app.services.station.demo import make_demo

    ctx = open_context(data_dir)
    yield ctx, make_demo(ctx, residents=60, seed=7, training_office=make_training_office)
    ctx.close()


def test_a_batch_exported_from_the_training_station_is_imported_by_the_training_office(made, data_dir, tmp_path):
    ctx, result = made
    assert result.office_dir.parent == data_dir and "tap-huan" in result.office_dir.name
    assert "TẬP HUẤN" in ctx.export.keys.office_bundle().name
    usb = tmp_path / "usb"
    usb.mkdir()
    batch = ExportService(ctx.db, data_dir).export(None, usb).path  # nothing else to set up
    office = OfficeService(result.office_dir)
    try:
        outcome, = office.import_paths([batch]).outcomes
        assert (outcome.status, outcome.station, outcome.sequence) == ("imported", "DEMO-LC", 1)
        assert outcome.counts["visits"] == result.visits
        assert outcome.receipt is not None and outcome.receipt.exists()
    finally:
        office.close()


def test_demo_prints_how_to_open_the_station_and_to_try_the_office_side(tmp_path):
    folder = tmp_path / "tập huấn"
    done = run_cli("demo", "--residents", "40", data_dir=folder)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"make run ARGS='--data-dir \"{folder}\"'" in out  # from the source folder, as the README says
    assert f"station-app --data-dir \"{folder}\"" in out  # the installed program
    office = re.search(r'station-app office import (\S+) --dir "([^"]+)"', out)
    assert office is not None and Path(office.group(2)).is_dir()
    usb = tmp_path / "usb"
    usb.mkdir()
    exported = run_as(("demo.dieuphoi", TRAINING_PASSWORD), "export", "--to", str(usb), data_dir=folder)
    assert exported.returncode == 0, exported.stderr
    imported = run_cli("office", "import", str(usb), "--dir", office.group(2))
    assert imported.returncode == 0, imported.stdout + imported.stderr


def test_the_training_offices_link_takes_the_training_stations_signed_records_to_the_stand_in_hub(data_dir, tmp_path):
    """demo → export → office import → push: every record the training station signed is accepted by the stand-in
    hub (the training CA trusted, the facility's training key registered), none held or refused."""
    from functools import partial

    from station_app.services.office import national_service as ns
    from station_app.services.office.national.stand_in import HubAccount, StandInHub
    from station_app.services.office.training import (FACILITY_KEY_FILE, TRAINING_ACCOUNT, TRAINING_SENDER_ID,
                                                      make_training_office)
    from station_app.services.station.demo import make_demo

    office_dir = data_dir / "office-for-link"
    ctx = open_context(data_dir)
    hub = None
    try:
        hub = StandInHub(tmp_path / "hub.jsonl", accounts=[HubAccount(TRAINING_ACCOUNT, TRAINING_PASSWORD,
                                                                      TRAINING_SENDER_ID)], facility_keys={}, port=0)
        url = hub.start()
        result = make_demo(ctx, residents=300, seed=11, training_office=partial(make_training_office,
                                                                                 stand_in_url=url))
        hub.stop()
        hub = StandInHub(tmp_path / "hub.jsonl", accounts=[HubAccount(TRAINING_ACCOUNT, TRAINING_PASSWORD,
                                                                      TRAINING_SENDER_ID)],
                         facility_keys={TRAINING_SENDER_ID: (result.office_dir / FACILITY_KEY_FILE).read_bytes()},
                         port=int(url.rsplit(":", 1)[1]))
        hub.start()
        assert any("national stand-in" in line for line in result.link_commands)
        usb = tmp_path / "usb"
        usb.mkdir()
        batch = ExportService(ctx.db, data_dir).export(None, usb).path
        office = OfficeService(result.office_dir)
        try:
            office.import_paths([batch])
            pushed = ns.push(office)
            status = ns.status(office)
        finally:
            office.close()
        counts = status.stations[0].counts
        assert result.signatures > 0 and counts.get("accepted", 0) > 0, (counts, pushed)
        assert set(counts) == {"accepted"}, [r.res_msg for r in status.refused][:3]
        assert len(hub.accepted()) == counts["accepted"]
    finally:
        if hub is not None:
            hub.stop()
        ctx.close()
