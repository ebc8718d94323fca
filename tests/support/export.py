"""Helpers of the export page's tests: the drives' volume list faked, the page read again, a column of its table."""
from __future__ import annotations

from typing import TYPE_CHECKING

from station_app.ui.removable_drives import Volume

if TYPE_CHECKING:
    from station_app.ui.pages.export.page import ExportPage


class FakeVolumes:
    """What the system says is mounted; a test plugs sticks in and pulls them out."""

    def __init__(self) -> None:
        self.volumes = [Volume("/", "", removable=False, free_bytes=50 << 30, total_bytes=100 << 30)]

    def __call__(self) -> list[Volume]:
        return list(self.volumes)

    def plug(self, root: str, label: str, free: int = 3 << 30) -> None:
        self.volumes.append(Volume(root, label, removable=True, free_bytes=free, total_bytes=8 << 30))

    def pull(self, root: str) -> None:
        self.volumes = [v for v in self.volumes if v.root != root]


def reload(qtbot, page: ExportPage) -> None:
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading and page.state is not None, timeout=15_000)


def column(page: ExportPage, col: int) -> list[str]:
    return [page.table.item(r, col).text() for r in range(page.table.rowCount())]
