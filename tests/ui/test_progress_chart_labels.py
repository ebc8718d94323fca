"""The progress chart's village names: the commune in brackets only where it is known ("Bản Nà Khương ()" was shown
for residents whose commune code was not recorded)."""
from __future__ import annotations

import dataclasses

from support.lists import build

from station_app.services.station.progress import Coverage, ProgressFilter, VillageProgress
from station_app.ui.pages.progress_charts import ProgressCharts


def test_a_village_without_a_known_commune_has_no_empty_brackets(qtbot, app, ctx, admin):
    build(ctx, admin.id)
    snapshot = ctx.progress.snapshot(ProgressFilter())
    unknown = VillageProgress(None, "", "Bản Nà Khương", Coverage(10, 4, 4, 1, 1))
    other = VillageProgress("99999", "Xã Bản Giang", "Bản Hon", Coverage(8, 2, 2, 0, 0))
    charts = ProgressCharts()
    qtbot.addWidget(charts)
    charts.show_snapshot(dataclasses.replace(snapshot, villages=snapshot.villages + (unknown, other)))
    assert "Bản Nà Khương" in charts.village_names and "Bản Hon (Bản Giang)" in charts.village_names
    assert not any("()" in name for name in charts.village_names)
