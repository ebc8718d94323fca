"""The README says which pages each role sees, in the navigation's order (Ctrl+1…), and which it starts on: as the
main window shows them (ui/main_window.py), so a trainer reading it finds what is on screen."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from station_app.core.model import Role
from station_app.core.roles import can
from station_app.ui.main_window import FIRST_PAGES, PAGES

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `(\w+)` [^|]*\| ([^|]+) \| ([^|]+) \|$", re.MULTILINE)


def _titles(role: Role) -> list[str]:
    return [QCoreApplication.translate("MainWindow", title) for _key, title, permission in PAGES
            if can(role, permission)]


def test_the_readme_lists_each_roles_pages_in_order_and_the_page_it_starts_on():
    rows = {Role(role): ([p.strip() for p in pages.split(",")], first.strip())
            for role, pages, first in ROW.findall(README.read_text(encoding="utf-8"))}
    assert set(rows) == set(Role)
    titles = dict(zip((key for key, _t, _p in PAGES), (t for _k, t, _p in PAGES), strict=True))
    for role, (pages, first) in rows.items():
        assert pages == _titles(role), role
        assert first == titles[FIRST_PAGES[role]], role
