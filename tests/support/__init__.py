"""Helpers the tests share (importable because pyproject puts tests/ on the path)."""
from __future__ import annotations

import datetime as dt

from station_app.core.model import SiteKind
from station_app.services.station.station_setup import StationSetup

ADMIN_PASSWORD = "quantri-2026"
NURSE_PASSWORD = "yta-banna-26"  # the password policy: 8 characters or more, not a common one
COMMUNE_MUONG_KIM = "03637"
# Visits open only inside the campaign: the tests' campaign includes the day they run, whatever the year.
CAMPAIGN_END = max(dt.date(2026, 12, 31), dt.date.today() + dt.timedelta(days=366))


def station_setup(**overrides: object) -> StationSetup:
    values: dict[str, object] = dict(
        station_code="TYT-MK", station_name="Trạm Y tế xã Mường Kim", site_name="Trạm Y tế xã Mường Kim",
        site_kind=SiteKind.COMMUNE_STATION, commune_code=COMMUNE_MUONG_KIM, village=None,
        campaign_name="Khám sức khỏe định kỳ 2026", campaign_year=2026, campaign_start=dt.date(2026, 5, 1),
        campaign_end=CAMPAIGN_END, admin_username="admin", admin_full_name="Lò Văn Đức",
        admin_password=ADMIN_PASSWORD,
    )
    values.update(overrides)
    return StationSetup(**values)  # type: ignore[arg-type]
