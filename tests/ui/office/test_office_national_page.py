"""The office window's "Liên thông" page on a real office folder: a station's signed visit waiting, its settings
typed into the form (secrets never shown back), "Đẩy ngay" pushing it to the stand-in hub off the GUI thread, and
the station's row then counting it as delivered."""
from __future__ import annotations

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtCore import Qt
from support.batch import full_visit, make_doctor
from support.national import (GLN, MA_CSKCB, PASSPHRASE, PASSWORD, SENDER_ID, USERNAME, conclusion_xml, facility_key,
                              provenance, with_provenances)
from support.office import connect_station, export
from support.signing import examiner, training_ca  # noqa: F401

from station_app.services.common.signing.training_ca import pkcs12_bytes
from station_app.services.office import national_service as ns
from station_app.services.office.national.stand_in import HubAccount, StandInHub


def cells(table, row):
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def test_settings_typed_in_the_form_then_push_now_delivers_the_waiting_record(
        qtbot, open_window, office, ctx, admin, nurse, data_dir, examiner, training_ca, tmp_path):
    connect_station(office, data_dir)
    visit = full_visit(ctx, nurse, make_doctor(ctx, admin))
    batch = export(ctx, data_dir, tmp_path / "xuất")
    pem = tmp_path / "ca.pem"
    pem.write_bytes(training_ca.pem()[1])
    ns.trust_add(office.service, pem)
    office.service.import_paths([with_provenances(batch, data_dir, office, [provenance(
        visit.id, conclusion_xml(visit.id, examiner))], tmp_path / "usb")])
    p12 = tmp_path / "co-so.p12"
    p12.write_bytes(pkcs12_bytes(facility_key(training_ca), PASSPHRASE))
    public = facility_key(training_ca).certificate.public_key().public_bytes(Encoding.PEM,
                                                                             PublicFormat.SubjectPublicKeyInfo)
    with StandInHub(tmp_path / "hub.jsonl", accounts=[HubAccount(USERNAME, PASSWORD, SENDER_ID)],
                    facility_keys={SENDER_ID: public}) as hub:
        window = open_window(office.folder)
        window.show_page("national")
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)
        page = window.pages["national"]
        assert cells(page.stations, 0)[:2] == ["TYT-MK", "1"]  # one waiting
        assert "office national setup" in cells(page.stations, 0)[-1]
        form = page.form
        for name, value in (("sender_id", SENDER_ID), ("ma_cskcb", MA_CSKCB), ("gln", GLN), ("url", hub.url),
                            ("username", USERNAME), ("password", PASSWORD), ("p12", str(p12)),
                            ("passphrase", PASSPHRASE)):
            form.fields[name].clear()
            qtbot.keyClicks(form.fields[name], value)
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.tasks.busy and "Đã lưu" in form.message.text(), timeout=20_000)
        assert form.fields["password"].text() == "" and form.fields["passphrase"].text() == ""
        assert form.fields["sender_id"].text() == SENDER_ID
        qtbot.mouseClick(page.push_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.tasks.busy and page.push_button.isEnabled()
                        and page.status.stations[0].counts == {"accepted": 1}, timeout=20_000)
        assert "1 được nhận" in page.message.text()
        assert len(hub.accepted()) == 1
        assert cells(page.stations, 0)[1:4] == ["0", "0", "1"]


def test_a_bad_field_in_the_form_is_said_naming_it_and_nothing_is_saved(qtbot, open_window, office, ctx,
                                                                         data_dir):
    connect_station(office, data_dir)
    window = open_window(office.folder)
    window.show_page("national")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)
    page = window.pages["national"]
    page.form.set_stations(["TYT-MK"])
    qtbot.keyClicks(page.form.fields["sender_id"], "123")
    qtbot.mouseClick(page.form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.busy and "--sender-id" in page.form.message.text(), timeout=20_000)
    assert ns.facilities(office.service) == []
