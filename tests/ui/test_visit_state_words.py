"""A visit's state has one set of words: the queues, the lists' filter, the list on screen and the printed list."""
from __future__ import annotations

from lists_support import DAY, build
from PySide6.QtCore import QDate

from station_app.core.model import VisitStatus
from station_app.services.list_exports import filters_text
from station_app.services.lists import ListFilter, ListKind, ListScope
from station_app.ui.labels import status_label
from station_app.ui.pages.lists import ListsPage

WORDS = {status: status_label(status) for status in VisitStatus}


def test_the_lists_use_the_queues_words_for_a_visits_state(qtbot, app, ctx, admin, coordinator, tasks):
    build(ctx, admin.id)
    page = ListsPage(ctx, tasks, ctx.station.info().site_id, coordinator)
    qtbot.addWidget(page)
    page.show()
    page.choose(ListKind.DAILY)
    page.date_from.setDate(QDate(DAY.year, DAY.month, DAY.day))
    page.date_to.setDate(QDate(DAY.year, DAY.month, DAY.day))
    qtbot.waitUntil(lambda: not page.loading and page.model.the_list is not None, timeout=10_000)
    choices = [page.status.itemText(i) for i in range(page.status.count())]
    assert choices[1:] == list(WORDS.values())
    col = page.model.column_of("Trạng thái")
    shown = {page.model.index(r, col).data() for r in range(page.model.rowCount())}
    assert shown and shown <= set(WORDS.values())
    printed = filters_text(ListScope("", "", "", ListFilter(status=VisitStatus.COMPLETED.value), None))
    assert printed.endswith(WORDS[VisitStatus.COMPLETED])
