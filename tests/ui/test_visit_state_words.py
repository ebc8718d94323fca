"""A visit's state has one set of words: the queues, the lists' filter, the list on screen and the printed list."""
from __future__ import annotations

from support.lists import DAY, build
from PySide6.QtCore import QDate, Qt

from station_app.core.model import VisitStatus
from station_app.services.station.list_exports import filters_text
from station_app.services.station.lists import ListFilter, ListKind, ListScope
from station_app.ui.labels import status_label
from station_app.ui.pages.lists import ListsPage

WORDS = {status: status_label(status) for status in VisitStatus}


def daily_list(qtbot, ctx, admin, coordinator, tasks) -> ListsPage:
    """The lists page showing the daily list of the built day."""
    build(ctx, admin.id)
    page = ListsPage(ctx, tasks, ctx.station.info().site_id, coordinator)
    qtbot.addWidget(page)
    page.show()
    page.choose(ListKind.DAILY)
    page.choice.date_from.setDate(QDate(DAY.year, DAY.month, DAY.day))
    page.choice.date_to.setDate(QDate(DAY.year, DAY.month, DAY.day))
    qtbot.waitUntil(lambda: not page.loading and page.model.the_list is not None, timeout=10_000)
    return page


def test_the_lists_use_the_queues_words_for_a_visits_state(qtbot, app, ctx, admin, coordinator, tasks):
    page = daily_list(qtbot, ctx, admin, coordinator, tasks)
    choices = [page.choice.status.itemText(i) for i in range(page.choice.status.count())]
    assert choices[1:] == list(WORDS.values())
    col = page.model.column_of("Trạng thái")
    shown = {page.model.index(r, col).data() for r in range(page.model.rowCount())}
    assert shown and shown <= set(WORDS.values())
    printed = filters_text(ListScope("", "", "", ListFilter(status=VisitStatus.COMPLETED.value), None))
    assert printed.endswith(WORDS[VisitStatus.COMPLETED])


def test_in_english_the_lists_say_a_visits_state_sex_and_decimals_in_english(qtbot, app, ctx, admin, coordinator, tasks):
    from station_app.ui import i18n

    i18n.set_language("en")
    try:
        page = daily_list(qtbot, ctx, admin, coordinator, tasks)

        def column(title: str) -> set[str]:
            col = next(c for c in range(page.model.columnCount()) if page.model.headerData(
                c, Qt.Orientation.Horizontal) == title)
            return {page.model.index(r, col).data() for r in range(page.model.rowCount())}

        english_states = {status_label(s) for s in VisitStatus}
        assert column("Status") <= english_states and "Completed" in english_states
        assert column("Sex") <= {"Male", "Female", "Unknown"}
        assert "22.0" in column("BMI")  # a decimal point, not the Vietnamese comma
    finally:
        i18n.set_language("vi")
