import datetime as dt

import pytest

from station_app.core.errors import AlreadyInitialisedError, NotInitialisedError, ValidationError
from support import station_setup


def test_a_new_data_folder_is_not_set_up(empty_ctx):
    assert not empty_ctx.station.is_initialised()
    with pytest.raises(NotInitialisedError):
        empty_ctx.station.info()


def test_set_up_creates_station_site_campaign_and_admin(empty_ctx):
    admin = empty_ctx.station.initialise(station_setup())
    info = empty_ctx.station.info()
    assert info.code == "TYT-MK" and info.commune_name == "Xã Mường Kim"
    assert info.campaign_year == 2026 and info.campaign_start == dt.date(2026, 5, 1)
    assert admin.username == "admin"


def test_set_up_cannot_run_twice(ctx):
    with pytest.raises(AlreadyInitialisedError):
        ctx.station.initialise(station_setup(station_code="KHAC"))
    assert ctx.station.info().code == "TYT-MK"


@pytest.mark.parametrize("override", [
    {"station_code": "có dấu"}, {"station_name": "  "}, {"commune_code": "99999"},
    {"campaign_end": dt.date(2026, 1, 1)}, {"admin_password": "123"},
])
def test_bad_set_up_values_are_refused_and_nothing_is_stored(empty_ctx, override):
    with pytest.raises(ValidationError):
        empty_ctx.station.initialise(station_setup(**override))
    assert not empty_ctx.station.is_initialised()


def test_settings_survive_a_broken_settings_file(empty_ctx):
    store = empty_ctx.settings
    store.path.write_text("{ half a file", encoding="utf-8")
    settings = store.load()
    assert settings.language == "vi"
    assert store.path.with_suffix(".broken.json").exists()
    settings.language = "en"
    store.save(settings)
    assert store.load().language == "en"
